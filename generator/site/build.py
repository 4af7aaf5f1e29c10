"""The pipeline: content folder in, generated pages and every problem out. Writes nothing.

Checking (read, validate, render, coverage) is ``check.py``; this module emits the pages,
and only when the checks found no error.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.content.model import Archive, Problem
from generator.content.read import read_archive
from generator.site.check import ProgressReport, check_archive
from generator.site.emit import DEFAULT_SITE_URL, SITE_NAME, emit_site
from generator.site.images import Copied, copies
from generator.site.pages.common import Page
from generator.site.run_cache import RunCache

__all__ = ["Generation", "generate", "generate_archive"]


@dataclass(frozen=True)
class Generation:
    """The result of a run: pages to write (none when there are errors) and problems."""

    pages: tuple[Page, ...]
    problems: tuple[Problem, ...]
    latest: dt.date | None = None
    # How many files were written, once the pages themselves have been let go.
    written: int = 0
    # The images the pages show, copied into the docs folder beside them.
    images: tuple[Copied, ...] = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Problems that stop the build."""
        return tuple(p for p in self.problems if p.severity == "error")


def _no_progress(done: int, total: int, label: str) -> None:
    """The default progress report: none."""


def generate_archive(
    archive: Archive,
    site_url: str = DEFAULT_SITE_URL,
    progress: ProgressReport = _no_progress,
    *,
    site_name: str = SITE_NAME,
    cache: RunCache | None = None,
) -> Generation:
    """Check ``archive`` and, when it has no errors, make every page of the site.

    ``cache``: what a long-lived process kept from its previous run; none for a one-off run.
    """
    cache = cache if cache is not None else RunCache()
    checked = check_archive(archive, progress, cache.rendered)
    if checked.errors:
        return Generation((), checked.problems)
    pages = emit_site(checked.rendering, site_url, site_name=site_name, memos=cache.emitted)
    latest = max((a.date for a in archive.articles), default=None)
    rendering = checked.rendering
    bodies = [*rendering.bodies.values(), *rendering.descriptions.values()]
    images = copies(archive.root, bodies)
    ordered = tuple(sorted(pages, key=lambda p: p.path))
    return Generation(ordered, checked.problems, latest, images=images)


def generate(
    content_dir: Path,
    site_url: str = DEFAULT_SITE_URL,
    progress: ProgressReport = _no_progress,
    *,
    site_name: str = SITE_NAME,
    cache: RunCache | None = None,
) -> Generation:
    """Read ``content_dir`` and generate the site's pages (``cache``: see generate_archive)."""
    cache = cache if cache is not None else RunCache()
    cache.next_run()
    archive = read_archive(content_dir, cache.parsed, cache.stamped)
    return generate_archive(archive, site_url, progress, site_name=site_name, cache=cache)
