"""What one page's HTML reads from the other pages: the files its links may point to.

MkDocs turns a relative link into the URL of the file it names, and notes a link it cannot
resolve (or an ``#anchor`` the target lacks); that is all a page outside the nav takes from
the rest of the site. So a page's cache key holds, for every link its Markdown could
contain, which files exist at or below the place it points to, and the anchors of those
pages. The links are found by a deliberately wide reading of the text (inline and
reference links, any ``href``/``src``), which may see links that are not there but does
not miss one: a false one only makes the key depend on more files.
"""

from __future__ import annotations

import bisect
import hashlib
import posixpath
import re
from collections.abc import Iterable
from urllib.parse import unquote

from generator.output.populate import PopulateError, set_aside

# Three patterns, each starting with a literal, rather than one alternation: far faster.
_TARGETS = (
    re.compile(r"\]\(\s*<?([^)\s>]*)"),  # [text](target) and ![alt](target)
    re.compile(r"(?:href|src)\s*=\s*[\"']?([^\"'\s>]*)"),  # raw HTML
    re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]*)", re.MULTILINE),  # [label]: target
)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_ANCHORS = (
    re.compile(r"^#{1,6}[ \t].*$", re.MULTILINE),
    re.compile(r"(?:id|name)\s*=\s*[\"']?[^\"'\s>]*"),
)


def seen_by_mkdocs(page) -> str:
    """The page's text as MkDocs reads it: finished HTML blocks set aside (populate.py).

    MkDocs resolves links and collects anchors only in what it renders as Markdown; the
    blocks it is handed back afterwards are finished, with their links already written.
    """
    if not page.finished:
        return page.text
    try:
        return set_aside(page.text, page.finished, "-").markdown
    except PopulateError:
        return page.text


def anchor_stamp(text: str) -> bytes:
    """Every heading line and id/name attribute of a page: what ``#anchor`` links check."""
    found = [match for pattern in _ANCHORS for match in pattern.findall(text)]
    return hashlib.sha256("\n".join(found).encode("utf-8")).digest()


def _places(path: str, text: str) -> set[str]:
    """The docs-relative places the links of page ``path`` may point to."""
    folder = posixpath.dirname(path)
    places = set()
    for target in (found for pattern in _TARGETS for found in pattern.findall(text)):
        target = target.split("#", 1)[0].split("?", 1)[0]
        if not target or _SCHEME.match(target) or target.startswith("//"):
            continue
        for spelling in {target, unquote(target)}:
            base = "" if spelling.startswith("/") else folder
            place = posixpath.normpath(posixpath.join(base, spelling.lstrip("/")))
            if place != ".." and not place.startswith("../"):
                places.add("" if place == "." else place)
    return places


class SiteFiles:
    """The site's files (docs-relative paths) and the anchors of its pages."""

    def __init__(self, pages: Iterable) -> None:
        pages = tuple(pages)
        self.paths = sorted(page.path for page in pages)
        self.seen = {p.path: seen_by_mkdocs(p) for p in pages if p.path.endswith(".md")}
        self.anchors = {path: anchor_stamp(text) for path, text in self.seen.items()}

    def _near(self, place: str) -> list[str]:
        """Files at ``place``, ``place.*`` or below ``place/`` (everything for the root)."""
        if not place:
            return self.paths
        found = []
        start = bisect.bisect_left(self.paths, place)
        for candidate in self.paths[start:]:
            if not candidate.startswith(place):
                break
            if len(candidate) == len(place) or candidate[len(place)] in "/.":
                found.append(candidate)
        return found

    def dependencies(self, path: str) -> bytes:
        """What page ``path`` reads of the other files, hashed (see the module docstring)."""
        digest = hashlib.sha256()
        for place in sorted(_places(path, self.seen[path])):
            digest.update(b"\1" + place.encode("utf-8"))
            for found in self._near(place):
                digest.update(b"\0" + found.encode("utf-8") + self.anchors.get(found, b""))
        return digest.digest()
