"""The pipeline: content folder in, generated pages and every problem out. Writes nothing.

Checking (read, validate, render, coverage) is ``check.py``; this module emits the pages,
and only when the checks found no error.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator import memo
from generator.check import ProgressReport, check_archive, forget_rendered
from generator.emit import DEFAULT_SITE_URL, emit_site
from generator.model import Archive, Problem
from generator.pages.common import Page
from generator.read import read_archive

__all__ = ["Generation", "forget_rendered", "generate", "generate_archive"]


@dataclass(frozen=True)
class Generation:
    """The result of a run: pages to write (none when there are errors) and problems."""

    pages: tuple[Page, ...]
    problems: tuple[Problem, ...]
    latest: dt.date | None = None
    # How many files were written, once the pages themselves have been let go.
    written: int = 0

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Problems that stop the build."""
        return tuple(p for p in self.problems if p.severity == "error")


def _no_progress(done: int, total: int, label: str) -> None:
    """The default progress report: none."""


def generate_archive(
    archive: Archive, site_url: str = DEFAULT_SITE_URL, progress: ProgressReport = _no_progress
) -> Generation:
    """Check ``archive`` and, when it has no errors, make every page of the site."""
    checked = check_archive(archive, progress)
    if checked.errors:
        return Generation((), checked.problems)
    pages = emit_site(checked.rendering, site_url)
    latest = max((a.date for a in archive.articles), default=None)
    return Generation(tuple(sorted(pages, key=lambda p: p.path)), checked.problems, latest)


def generate(
    content_dir: Path, site_url: str = DEFAULT_SITE_URL, progress: ProgressReport = _no_progress
) -> Generation:
    """Read ``content_dir`` and generate the site's pages."""
    memo.next_run()
    return generate_archive(read_archive(content_dir), site_url, progress)
