"""One build's use of the build cache inside MkDocs: skip the pages it has, put their HTML back.

A page whose key is in the cache is marked excluded before MkDocs makes a page object for
it, so MkDocs neither renders nor writes it (links to it still resolve); after MkDocs has
written the rest, and before Pagefind reads the site, the stored HTML goes where MkDocs
would have written it. The sitemap lists every page, so its template is given the reused
pages too, each with the front-matter MkDocs reads from its file. The nav's own pages are
always rendered. After the build, the HTML of every page MkDocs rendered is stored.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from generator.output.build_cache import BuildCache


class CacheEntryError(Exception):
    """A stored page could not be put back (changed or removed since the build began)."""


def _site_path(site_dir: Path, dest: str) -> Path:
    clean = posixpath.normpath(dest)
    if posixpath.isabs(clean) or clean == ".." or clean.startswith("../"):
        raise CacheEntryError(f"{dest!r} is not a path inside the site")
    return site_dir / clean


@dataclass
class PageReuse:
    """Which pages this build takes from ``cache`` (``hits``: source path to object name)."""

    cache: BuildCache
    keys: dict[str, str]
    hits: dict[str, str]
    # What every page shares (cache_keys.design_key): part of the search bundle's key too.
    design: str = ""
    # Filled in by the plugin: every page's output path, and the pages excluded.
    dest: dict[str, str] = field(default_factory=dict)
    reused: list = field(default_factory=list)

    def exclude(self, files, nav: set[str]) -> int:
        """Mark every page found in the cache excluded (not the nav's); return how many."""
        for file in files:
            if not file.is_documentation_page():
                continue
            self.dest[file.src_uri] = file.dest_uri
            if file.src_uri in self.hits and file.src_uri not in nav:
                file.inclusion = InclusionLevel.EXCLUDED
                self.reused.append(file)
        return len(self.reused)

    def sitemap_pages(self, files, config) -> list:
        """Every page the sitemap would list in a build without the cache, in MkDocs' order."""
        reused = {file.src_uri for file in self.reused}
        pages = []
        for file in files:
            if not file.is_documentation_page():
                continue
            if file.src_uri in reused:
                if file.page is None:
                    page = Page(None, file, config)
                    _markdown, page.meta = get_data(file.content_string)
                pages.append(file)
            elif file.inclusion.is_included():
                pages.append(file)
        return pages

    def place(self, site_dir: Path) -> None:
        """Write each reused page's stored HTML where MkDocs would have written it."""
        for file in self.reused:
            src = file.src_uri
            data = self.cache.read(self.keys[src], self.hits[src])
            if data is None:
                raise CacheEntryError(f"the stored page for {src} changed during the build")
            target = _site_path(site_dir, file.dest_uri)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)

    def store(self, site_dir: Path, nav: set[str]) -> None:
        """Keep the HTML of every page MkDocs rendered in this build (saved with the index
        once the search bundle is kept too: see :meth:`BuildCache.save`)."""
        reused = {file.src_uri for file in self.reused}
        for src, dest in sorted(self.dest.items()):
            if src in reused or src in nav or src not in self.keys:
                continue
            target = _site_path(site_dir, dest)
            if os.path.isfile(target) and not os.path.islink(target):
                self.cache.store(self.keys[src], target.read_bytes())
