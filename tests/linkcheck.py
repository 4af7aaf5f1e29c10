"""Internal link and anchor checker for a built site (the lxml recipe from tooling.md).

``broken_links(site_dir)`` reads every ``*.html`` file below ``site_dir`` and returns one
line per internal URL that does not resolve: a missing file, a path that leaves the site,
or a ``#fragment`` that names no ``id`` (or ``<a name>``) on the target page. External
URLs (any scheme or host: http, mailto, data) are skipped, since tests run offline.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html

# Elements whose URL the browser follows or loads, and the attribute that holds it.
URL_ATTRIBUTES = {
    "a": "href",
    "link": "href",
    "img": "src",
    "script": "src",
    "source": "src",
    "iframe": "src",
}
# MkDocs writes UTF-8; say so, rather than let lxml guess from a page without <meta charset>.
_PARSER = lxml.html.HTMLParser(encoding="utf-8")


def _scan(root: Path) -> tuple[dict[str, set[str]], list[tuple[str, str, str, str]]]:
    """Every page's anchor ids, and every (page, tag, attribute, url) link in the site."""
    pages: dict[str, set[str]] = {}
    links: list[tuple[str, str, str, str]] = []
    for file in sorted(root.rglob("*.html")):
        rel = file.relative_to(root).as_posix()
        ids = pages[rel] = set()
        for element in lxml.html.fromstring(file.read_bytes(), parser=_PARSER).iter():
            if not isinstance(element.tag, str):  # comments, processing instructions
                continue
            if element.get("id"):
                ids.add(element.get("id"))
            if element.tag == "a" and element.get("name"):
                ids.add(element.get("name"))
            attribute = URL_ATTRIBUTES.get(element.tag)
            if attribute and element.get(attribute) is not None:
                links.append((rel, element.tag, attribute, element.get(attribute)))
    return pages, links


def resolve(root: Path, page_rel: str, url: str) -> tuple[str | None, str]:
    """The site-relative file ``url`` points to from ``page_rel``, and its fragment.

    Returns ``(None, "")`` for external URLs. A path that climbs above the site root
    keeps its leading ``../`` so that the caller reports it as broken.
    """
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None, ""
    path = unquote(parts.path)
    if not path:
        return page_rel, parts.fragment
    if path.startswith("/"):
        joined = path.lstrip("/")
    else:
        joined = posixpath.join(posixpath.dirname(page_rel), path)
    target = posixpath.normpath(joined)
    if path.endswith("/") or (root / target).is_dir():
        target = posixpath.join(target, "index.html")
    return target, parts.fragment


def broken_links(site_dir: Path | str) -> list[str]:
    """Every internal link or anchor of the site at ``site_dir`` that does not resolve."""
    root = Path(site_dir).resolve()
    pages, links = _scan(root)
    exists: dict[str, bool] = {}
    broken: list[str] = []
    for page_rel, tag, attribute, url in links:
        target, fragment = resolve(root, page_rel, url)
        if target is None:
            continue
        if target not in exists:
            exists[target] = (
                target != ".."
                and not target.startswith("../")
                and not Path(target).is_absolute()
                and (root / target).is_file()
            )
        if not exists[target]:
            broken.append(f"{page_rel}: broken <{tag} {attribute}={url!r}>")
        elif fragment and target in pages and unquote(fragment) not in pages[target]:
            broken.append(f"{page_rel}: missing anchor <{tag} {attribute}={url!r}>")
    return broken


def count_links(site_dir: Path | str) -> tuple[int, int]:
    """How many pages and links the checker looked at (to prove it looked at all)."""
    pages, links = _scan(Path(site_dir).resolve())
    return len(pages), len(links)
