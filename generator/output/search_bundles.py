"""The search index in bounded parts: Pagefind's memory stays flat however large the site grows.

Pagefind holds every page's word map until it writes the index (about seven to ten times a
page's HTML), so one run over 12,000 pages needs 2.5 GB. Here the searchable pages are dealt
into bundles of about ``BUNDLE_BYTES`` of HTML each, and Pagefind indexes each bundle alone,
one after another.

The first bundle is the primary one, in ``pagefind/``, where the theme loads Pagefind; the
others go to ``pagefind/part/<n>/`` and ``pagefind/bundles.json`` lists them for the theme's
search worker to merge with Pagefind's own ``mergeIndex``: results are ranked together and
filter counts added up across bundles.

Pagefind reads a folder, not a list of files, so each bundle is a mirror of the site's
folders holding hard links to its pages (copies where links cannot be made): the pages'
addresses in the index are those of the site.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

# Measured with Pagefind 1.5 on synthetic archives, a run peaks at about ten times the HTML
# it reads: 34 MB at 0.36 GB, 49 MB at 0.49 GB, 68 MB at 0.68 GB. 80 MB keeps a run below
# 0.85 GB, under MkDocs' own peak at 10,000 articles; smaller bundles would cost readers
# more: a first search fetches about 110 kB of every bundle's filters and word chunks.
BUNDLE_BYTES = 80_000_000
# A first search fetches every bundle's filters and word chunks: 0.73 MB from five bundles at
# 10,000 articles; at 30,000, 1.9 MB from thirteen bundles of 80 MB, 1.4 MB from five larger
# ones. Past five, bundles grow instead: Pagefind then needs about twice the site's
# searchable HTML, still below what MkDocs itself holds for the same pages (measured at
# 30,000 articles: 2.05 GB for the largest of five Pagefind runs, 2.34 GB for MkDocs), so the
# build's peak is MkDocs' either way.
MOST_BUNDLES = 5
MANIFEST = "bundles.json"
PARTS = "part"
# How the generator marks the element Pagefind indexes (generator/site/pages/search_hints.py).
BODY_MARK = b"data-pagefind-body"


@dataclass(frozen=True)
class Bundle:
    """Pages indexed together: site-relative paths, and where the bundle goes in the index."""

    folder: str
    pages: tuple[str, ...]


def _marked(html: bytes) -> bool:
    """Whether the mark is an attribute in a tag, not words of a page's text.

    Text never holds a raw ``<``, so a mark whose nearest ``<`` before it comes after the
    nearest ``>`` is inside a tag.
    """
    at = html.find(BODY_MARK)
    while at != -1:
        if html.rfind(b"<", 0, at) > html.rfind(b">", 0, at):
            return True
        at = html.find(BODY_MARK, at + 1)
    return False


def searchable_pages(site: Path, bundle_dir: str) -> list[tuple[str, int]]:
    """Every page of ``site`` that has text to index, as (relative path, size), in path order.

    Links are not followed and the index's own folder is skipped.
    """
    found = []
    for folder, subfolders, files in os.walk(site):
        here = Path(folder)
        if here == site:
            subfolders[:] = [name for name in subfolders if name != bundle_dir]
        subfolders.sort()
        for name in sorted(files):
            path = here / name
            if not name.endswith(".html") or path.is_symlink():
                continue
            html = path.read_bytes()
            if _marked(html):
                found.append((path.relative_to(site).as_posix(), len(html)))
    return sorted(found)


def plan_bundles(
    pages: list[tuple[str, int]], budget: int = BUNDLE_BYTES, most: int = MOST_BUNDLES
) -> list[Bundle]:
    """Deal ``pages`` into as few bundles as hold them at about ``budget`` bytes each, and
    never more than ``most`` (the bundles are then larger).

    Dealt, not cut in runs: each page goes to the bundle holding the fewest bytes so far, so
    every bundle is a like sample of the site (articles and glossary pages in the same
    proportions). Pagefind ranks a bundle's pages by how rare a word is in that bundle and
    how long its pages are; alike bundles give scores that compare across them when the
    browser merges their results.
    """
    total = sum(size for _path, size in pages)
    count = min(max(1, -(-total // budget)), most)
    loads = [0] * count
    dealt: list[list[str]] = [[] for _ in range(count)]
    for path, size in pages:
        lightest = loads.index(min(loads))
        dealt[lightest].append(path)
        loads[lightest] += size
    return [
        Bundle("" if number == 0 else f"{PARTS}/{number}", tuple(paths))
        for number, paths in enumerate(dealt)
        if paths
    ]


def mirror(site: Path, pages: tuple[str, ...], into: Path) -> None:
    """A folder tree under ``into`` holding ``pages`` of ``site`` at the same relative paths."""
    for page in pages:
        target = into / page
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site / page, target, follow_symlinks=False)
        except OSError:
            shutil.copyfile(site / page, target, follow_symlinks=False)


def assemble(bundles: list[tuple[Bundle, Path]], index: Path) -> None:
    """Move each bundle's output to its place under ``index``, with the list of parts."""
    # Moved, not renamed: the work folder may be on another file system than the site.
    shutil.move(bundles[0][1], index)
    for bundle, output in bundles[1:]:
        (index / bundle.folder).parent.mkdir(parents=True, exist_ok=True)
        shutil.move(output, index / bundle.folder)
    parts = [f"{bundle.folder}/" for bundle, _output in bundles[1:]]
    (index / MANIFEST).write_text(json.dumps({"bundles": parts}) + "\n", encoding="utf-8")
