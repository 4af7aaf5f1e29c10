"""What a page's rendered HTML is made from, hashed: the keys of the build cache.

MkDocs makes a page's HTML from the page's own Markdown and from things every page shares:
the configuration (site address and name, nav, extensions, theme options), the theme's
templates, and the code of MkDocs, Material, the Markdown library and this generator. The
shared part is one *design key*; a page's key adds its path, its text and what its links
read of the other files (``page_links.py``): which files exist where they point, and those
pages' anchors, since MkDocs resolves each link and checks its ``#anchor``.

Where in doubt, more goes into the design key: any change to it renders every page again,
which costs time and never correctness. It also holds which of the nav's pages exist and
the text of those the nav names without a title (their title is in every page's nav), and
the build date whenever a template other than the sitemap, or a plugin other than search
and this one, could show it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import sysconfig
from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path

import generator

FORMAT = "explainer-build-cache-1"
# What in a template shows the build date (or a page's, which is the build's by default).
_DATED = re.compile(r"build_date_utc|update_date")
# Theme folders inside installed packages are covered by the packages' versions.
_INSTALLED = {
    os.path.realpath(p) for p in {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
}


def nav_pages(nav) -> set[str]:
    """Every page the configuration's ``nav`` names: a cached build always renders those."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*map(nav_pages, nav.values()))
    if isinstance(nav, list):
        return set().union(*map(nav_pages, nav))
    return set()


def _tree(root: Path, digest) -> None:
    """Feed every file below ``root`` (path and bytes, in a fixed order) into ``digest``."""
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            path = os.path.join(folder, name)
            digest.update(os.path.relpath(path, root).encode("utf-8", "surrogateescape") + b"\0")
            with open(path, "rb") as handle:
                digest.update(hashlib.sha256(handle.read()).digest())


def _installed(path: str) -> bool:
    real = os.path.realpath(path)
    return any(real == top or real.startswith(top + os.sep) for top in _INSTALLED)


def _packages() -> list[str]:
    """Every installed distribution with its version, sorted: any upgrade changes the key."""
    found = {f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions()}
    return sorted(found)


def _untitled(nav) -> list[str]:
    """The pages the nav names without a title (bare entries), whose own title it shows."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [page for item in nav for page in _untitled(item)]
    if isinstance(nav, dict):
        return [
            page
            for value in nav.values()
            if not isinstance(value, str)
            for page in _untitled(value)
        ]
    return []


def _stable(value):
    """A value JSON cannot write, as something that is the same in every process."""
    if isinstance(value, set | frozenset):
        return sorted(map(str, value))
    if isinstance(value, Mapping):
        return {str(key): item for key, item in value.items()}
    return re.sub(r" at 0x[0-9a-fA-F]+", "", repr(value))


def _settings(config) -> str:
    """The loaded configuration as text, without anything that differs between two loads."""
    # Where this build reads and writes: not what a page is made of (and random in staging).
    # The configuration file's name is left out too: its bytes are hashed (design_key).
    skip = {"plugins", "site_dir", "docs_dir", "theme", "config_file_path"}
    values = {key: config[key] for key in sorted(config.keys()) if key not in skip}
    values["plugins"] = list(config.plugins.keys())
    theme = config.theme
    values["theme"] = {**theme, "dirs": theme.dirs, "static": sorted(theme.static_templates)}
    return json.dumps(values, default=_stable, sort_keys=True)


def _date_shown(config) -> bool:
    """Whether a page could show the build date: a theme template or another plugin reads it.

    MkDocs' sitemap templates, which every build makes afresh, do not count.
    """
    if set(config.plugins.keys()) - {"search", "explainer"}:
        return True
    for folder in config.theme.dirs:
        for template in Path(folder).rglob("*.html"):
            if _DATED.search(template.read_text(encoding="utf-8", errors="replace")):
                return True
    return False


def design_key(config, pages: Iterable, build_date: str | None) -> str:
    """The key every page's HTML shares (see the module's docstring)."""
    paths = {page.path for page in pages}
    digest = hashlib.sha256(FORMAT.encode("ascii"))
    date = (build_date or "") if _date_shown(config) else ""
    for part in (sys.version, "\n".join(_packages()), _settings(config), date):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0\0")
    with open(config.config_file_path, "rb") as handle:
        digest.update(handle.read())
    _tree(Path(generator.__file__).parent, digest)
    for folder in config.theme.dirs:
        if not _installed(folder):
            digest.update(b"theme\0")
            _tree(Path(folder), digest)
    # The nav is on every page: which of its pages exist, and the text of untitled ones.
    untitled = set(_untitled(config.nav))
    for path in sorted(nav_pages(config.nav)):
        digest.update(f"{path}\0{path in paths}\0".encode())
    for page in pages:
        if page.path in untitled:
            digest.update(page.path.encode("utf-8") + b"\0" + page.text.encode("utf-8"))
    return digest.hexdigest()


def page_key(design: str, path: str, text: str, links: bytes) -> str:
    """The key of one page's HTML: the design key, its path, its Markdown, and what its
    links read of the other files (``SiteFiles.dependencies``)."""
    digest = hashlib.sha256(design.encode("ascii") + b"\0" + links)
    digest.update(path.encode("utf-8") + b"\0" + text.encode("utf-8"))
    return digest.hexdigest()
