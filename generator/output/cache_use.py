"""``explainer build --cache DIR``: open the build cache for one build, and fill it afterwards.

The cache only ever saves time: a folder that is not provably a build cache, or one placed
where the build reads or publishes (inside the content, docs or site folder, or holding
one of them), is not used, and the build says so and renders every page.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path

from generator.output.build_cache import BuildCache
from generator.output.cache_keys import design_key, nav_pages, page_key
from generator.output.folders import absolute, link_on_path
from generator.output.page_links import SiteFiles
from generator.output.page_reuse import PageReuse
from generator.output.terminal import printable, printable_path

log = logging.getLogger("explainer")


def _overlaps(cache: Path, folders: Iterable[Path]) -> Path | None:
    """The first of ``folders`` that holds the cache folder or lies inside it."""
    for folder in folders:
        if cache == folder or folder in cache.parents or cache in folder.parents:
            return folder
    return None


def open_cache(folder: Path, build_folders: Iterable[Path], project: Path) -> BuildCache:
    """The build cache in ``folder``, disabled (with a notice) where it must not be.

    ``project``: the folder of ``mkdocs.yml``; below it, no link on the way is followed.
    """
    folder = absolute(folder)
    clash = _overlaps(folder, [absolute(f) for f in build_folders])
    link = link_on_path(folder, absolute(project))
    if clash is not None or link is not None:
        why = (
            f"overlaps {printable_path(clash)}, which the build reads or publishes"
            if clash is not None
            else f"passes through the symbolic link {printable_path(link)}"
        )
        notice = f"the build cache {printable_path(folder)} {why}; not using it"
        return BuildCache(folder, enabled=False, notices=[notice])
    return BuildCache.open(folder)


def open_reuse(folder: Path, config, pages: tuple, build_folders: Iterable[Path]) -> PageReuse:
    """Which of ``pages`` (the generated Markdown) this build can take from the cache.

    Call after the build date is pinned (it is part of every key).
    """
    cache = open_cache(folder, build_folders, Path(config.config_file_path).parent)
    for notice in cache.notices:
        log.warning("explainer: %s", printable(notice))
    design = design_key(config, pages, os.environ.get("SOURCE_DATE_EPOCH"))
    site = SiteFiles(pages)
    keys = {
        p.path: page_key(design, p.path, p.text, site.dependencies(p.path))
        for p in pages
        if p.path.endswith(".md")
    }
    hits = {}
    for path, key in keys.items():
        name = cache.lookup(key)
        if name is not None:
            hits[path] = name
    return PageReuse(cache, keys, hits, design)


def store_rendered(reuse: PageReuse, site: Path, nav) -> bool:
    """Keep what MkDocs rendered in this build; False (and a notice) if the cache could not
    be written, and then its index must be left as it was."""
    try:
        reuse.store(site, nav_pages(nav))
    except OSError as err:
        log.warning("explainer: the build cache was not updated: %s", printable(str(err)))
        return False
    return True


def save_cache(cache: BuildCache) -> None:
    """Write the cache's index of what this build used or made; failures are only noted."""
    try:
        cache.save()
    except OSError as err:
        log.warning("explainer: the build cache was not updated: %s", printable(str(err)))
