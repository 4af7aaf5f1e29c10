"""Write generated pages into the docs folder, touching only what changed."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.pages.common import Page


@dataclass(frozen=True)
class WriteReport:
    """What a write did, for logs and tests."""

    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]


def _target(docs_dir: Path, relative: str) -> Path:
    """The file for ``relative``, refusing any path that would leave ``docs_dir``."""
    target = (docs_dir / relative).resolve()
    if not target.is_relative_to(docs_dir.resolve()) or Path(relative).is_absolute():
        raise ValueError(f"page path {relative!r} leaves the docs folder")
    return target


def _write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _stale_files(docs_dir: Path, keep: set[Path]) -> list[Path]:
    """Files left from content that no longer exists.

    The docs folder belongs to the generator: everything in it but dotfiles (such as the
    ``.gitkeep`` that lets MkDocs start on a fresh clone) is its output.
    """
    return sorted(
        path
        for path in docs_dir.rglob("*")
        if path.is_file() and path.resolve() not in keep and not path.name.startswith(".")
    )


def _remove_empty_folders(docs_dir: Path) -> None:
    for folder in sorted((p for p in docs_dir.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()


def write_pages(pages: tuple[Page, ...], docs_dir: Path) -> WriteReport:
    """Make ``docs_dir`` hold exactly ``pages``; rewrite only files whose bytes differ.

    Unchanged files keep their modification time, so MkDocs' file watcher and dirty
    builds see only real changes.
    """
    docs_dir.mkdir(parents=True, exist_ok=True)
    targets = {page.path: _target(docs_dir, page.path) for page in pages}
    written, unchanged = [], 0
    for page in pages:
        target, data = targets[page.path], page.text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            unchanged += 1
            continue
        _write_atomically(target, data)
        written.append(page.path)
    removed = []
    for path in _stale_files(docs_dir, set(targets.values())):
        path.unlink()
        removed.append(path.relative_to(docs_dir).as_posix())
    _remove_empty_folders(docs_dir)
    return WriteReport(tuple(written), unchanged, tuple(removed))
