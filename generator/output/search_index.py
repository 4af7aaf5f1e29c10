"""The site's search index: Pagefind run over the built HTML, after MkDocs.

Pagefind splits the index into chunks and a reader's browser fetches only those a query
needs: a few hundred kilobytes at 10,000 articles, where Material's lunr index is one file
of tens of megabytes. It reads the pages MkDocs wrote, so it runs last; the theme marks
which part of a page is text to index (``data-pagefind-body``) and which are hints. A large
site is indexed in bounded bundles, one Pagefind run after another
(generator/output/search_bundles.py), which the theme merges in the browser.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from generator.output.search_bundles import (
    BUNDLE_BYTES,
    assemble,
    mirror,
    plan_bundles,
    searchable_pages,
)

BUNDLE_DIR = "pagefind"
# Page parts that are not the page's own words: charts and maps, heading anchors, the
# reference card (a table) and an article's date line; the search hints repeat what of
# them is worth finding a page by, and results show the date or kind beside the title. Listings
# after the text are marked by the generator (generator/site/pages/search_hints.py).
NOT_TEXT = (".ea-figure", ".headerlink", ".ea-infobox", ".ea-meta")


class SearchIndexError(Exception):
    """Pagefind failed; the message carries what it printed."""


def pagefind_command(site_dir: Path, output: Path) -> list[str]:
    """The Pagefind command line for the pages under ``site_dir`` (Pagefind's binary from PyPI)."""
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--output-path",
        str(output),
        "--exclude-selectors",
        ", ".join(NOT_TEXT),
        "--force-language",
        "en",
        "--silent",
    ]


def _pagefind(site_dir: Path, output: Path) -> None:
    try:
        done = subprocess.run(pagefind_command(site_dir, output), capture_output=True, text=True)
    except OSError as err:
        raise SearchIndexError(f"could not run Pagefind: {err}") from None
    if done.returncode != 0:
        text = (done.stderr or done.stdout).strip()
        raise SearchIndexError(f"Pagefind exited with status {done.returncode}: {text}")


def index_site(site_dir: Path, budget: int = BUNDLE_BYTES) -> None:
    """Write the search index into ``site_dir/pagefind``; raise SearchIndexError on failure.

    ``budget``: the most HTML, in bytes, one Pagefind run indexes (a larger page alone).
    Each bundle is indexed from a mirror of its pages in a work folder beside the site (in
    the staging folder, for ``explainer build``), and the finished index replaces the old.
    """
    bundles = plan_bundles(searchable_pages(site_dir, BUNDLE_DIR), budget)
    work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.search-", dir=site_dir.parent))
    try:
        if not bundles:
            # No page marks its text: Pagefind's own rule then, every page's body.
            _pagefind(site_dir, work / "index")
            outputs = []
        else:
            outputs = [
                (bundle, _index_bundle(site_dir, bundle, work, n))
                for n, bundle in enumerate(bundles)
            ]
        index = site_dir / BUNDLE_DIR
        if index.exists():
            shutil.move(index, work / "old")
        if outputs:
            assemble(outputs, index)
        else:
            shutil.move(work / "index", index)
    except OSError as err:
        raise SearchIndexError(f"could not write the search index: {err}") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _index_bundle(site_dir: Path, bundle, work: Path, number: int) -> Path:
    """Index one bundle's pages alone; return the folder Pagefind wrote."""
    pages, output = work / f"pages-{number}", work / f"index-{number}"
    mirror(site_dir, bundle.pages, pages)
    _pagefind(pages, output)
    shutil.rmtree(pages)
    return output


def index_changed(site_dir: Path, changed: frozenset[str] | None) -> None:
    """Bring the index of ``site_dir`` up to date with the pages ``changed`` since it was made.

    ``changed``: site paths written or removed since (None: unknown, so everything). One
    index holds every page, so any change means indexing the whole site again; an index
    made of parts would re-index only the parts that hold these pages.
    """
    index_site(site_dir)


class BackgroundIndexer:
    """Index in a thread, for ``serve``: the page is back at once, search a moment later.

    Requests that arrive while Pagefind runs are folded into one more run afterwards, so
    the index always ends up describing the newest build; the pages each request says
    changed are gathered for that run (see :func:`index_changed`).
    """

    def __init__(self, report=print, index=index_changed) -> None:
        self._report = report
        self._index = index
        self._lock = threading.Lock()
        self._pending: Path | None = None
        # Pages changed since the last run began; None when not known (index everything).
        self._changed: set[str] | None = set()
        self._running = False

    def request(self, site_dir: Path, changed: Iterable[str] | None = None) -> None:
        """Index ``site_dir`` now, or after the run in progress.

        ``changed``: the site paths this build wrote or removed; None for not known.
        """
        with self._lock:
            other_site = self._pending is not None and self._pending != site_dir
            if changed is None or self._changed is None or other_site:
                self._changed = None
            else:
                self._changed.update(changed)
            self._pending = site_dir
            if self._running:
                return
            self._running = True
        threading.Thread(target=self._drain, name="search-index", daemon=True).start()

    def _drain(self) -> None:
        while True:
            with self._lock:
                site_dir, self._pending = self._pending, None
                changed, self._changed = self._changed, set()
                if site_dir is None:
                    self._running = False
                    return
            try:
                self._index(site_dir, None if changed is None else frozenset(changed))
            except SearchIndexError as err:
                self._report(f"search index not updated: {err}")

    def wait(self, timeout: float = 60.0) -> bool:
        """Block until no run is pending (benchmarks time this); False on ``timeout``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if not self._running:
                    return True
            time.sleep(0.05)
        return False
