"""One staging folder per build, beside the site folder: all a build makes until it succeeds.

The new site, the scratch docs folder of a content folder other than the project's, and the
old site during the swap all live in ``.<site>.<random>/`` next to the site folder, so an
interrupted build leaves exactly one thing behind. The folder carries a marker with the
process id of the build that made it; the next build removes it once that process is gone
(``kill -9`` runs no clean-up), and never touches a folder without that marker.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.output.folders import KEPT_IN_SITE, mark_site

STAGING_MARKER = ".explainer-staging"


@dataclass(frozen=True)
class Staging:
    """The staging folder of one build."""

    root: Path

    @property
    def site(self) -> Path:
        """Where MkDocs builds the new site."""
        return self.root / "site"

    @property
    def docs(self) -> Path:
        """A scratch docs folder, for a content folder other than the project's."""
        return self.root / "docs"


def _owner(folder: str) -> int | None:
    """The process id in ``folder``'s staging marker; None when it has no valid marker."""
    marker = os.path.join(folder, STAGING_MARKER)
    if not os.path.isfile(marker) or os.path.islink(marker):
        return None
    try:
        with open(marker, encoding="ascii") as handle:
            text = handle.read(32).strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() else None


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, but another user's
        return True
    return True


def sweep_stale(site: Path) -> list[Path]:
    """Remove staging folders of ``site`` left by builds that no longer run; return them."""
    prefix = f".{site.name}."
    removed = []
    try:
        entries = list(os.scandir(site.parent))
    except (FileNotFoundError, NotADirectoryError):
        return []
    for entry in entries:
        if not entry.name.startswith(prefix) or not entry.is_dir(follow_symlinks=False):
            continue
        owner = _owner(entry.path)
        if owner is not None and not _running(owner):
            shutil.rmtree(entry.path)
            removed.append(Path(entry.path))
    return removed


def _mark(root: Path) -> None:
    """Leave the marker whole or not at all: a build killed while writing it must not leave
    an empty marker, which would make its folder a stranger's that no sweep removes."""
    partial = root / f"{STAGING_MARKER}.partial"
    partial.write_text(f"{os.getpid()}\n", encoding="ascii")
    os.replace(partial, root / STAGING_MARKER)


@contextmanager
def staging_folder(site: Path) -> Iterator[Staging]:
    """A fresh staging folder beside ``site``, removed with what it holds on leaving."""
    site.parent.mkdir(parents=True, exist_ok=True)
    sweep_stale(site)
    root = Path(tempfile.mkdtemp(prefix=f".{site.name}.", dir=site.parent))
    try:
        _mark(root)
        yield Staging(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def swap_in(staging: Staging, site: Path) -> None:
    """Replace ``site`` with the staged site in two renames, keeping a deploy checkout's files.

    ``site`` was checked to be missing or a real folder a build made. The old site moves
    into the staging folder, which is removed afterwards.
    """
    built = staging.site
    mark_site(built)
    if os.path.lexists(site):
        for name in KEPT_IN_SITE:
            if os.path.lexists(site / name):
                os.replace(site / name, built / name)
        os.rename(site, staging.root / "old")
    os.rename(built, site)
