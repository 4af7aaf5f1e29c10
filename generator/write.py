"""Write generated pages into the docs folder, touching only what changed."""

from __future__ import annotations

import os
import posixpath
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


class _Folders:
    """Folders below the resolved docs folder, each checked (and created) once per write."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.inside: set[str] = set()
        self.made: set[str] = set()

    def target(self, relative: str) -> str:
        """The file for ``relative``, refusing any path that would leave the docs folder.

        The folder is resolved (symbolic links followed) once, not every file in it; a
        file that is itself a link is refused as well.
        """
        clean = posixpath.normpath(relative)
        if posixpath.isabs(relative) or clean == ".." or clean.startswith("../"):
            raise ValueError(f"page path {relative!r} leaves the docs folder")
        folder, name = posixpath.split(clean)
        path = os.path.join(self.root, folder) if folder else self.root
        if path not in self.inside:
            if not _within(os.path.realpath(path), self.root):
                raise ValueError(f"page path {relative!r} leaves the docs folder")
            self.inside.add(path)
        target = os.path.join(path, name)
        if os.path.islink(target) and not _within(os.path.realpath(target), self.root):
            raise ValueError(f"page path {relative!r} leaves the docs folder")
        return target

    def make(self, folder: str) -> None:
        """Create ``folder`` (and its parents) unless done already in this write."""
        if folder not in self.made:
            os.makedirs(folder, exist_ok=True)
            self.made.add(folder)


def _within(path: str, root: str) -> bool:
    return path == root or path.startswith(root + os.sep)


def _write_atomically(target: str, data: bytes) -> None:
    fd, temp = tempfile.mkstemp(
        dir=os.path.dirname(target), prefix=".tmp-", suffix=os.path.splitext(target)[1]
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _unchanged(target: str, data: bytes, existing: dict[str, int]) -> bool:
    """Whether ``target`` already holds ``data``; a size that differs needs no reading."""
    if existing.get(target) != len(data):
        return False
    with open(target, "rb") as handle:
        return handle.read() == data


def _existing_files(root: str) -> tuple[dict[str, int], list[str]]:
    """Every file below ``root`` (links to files included) with its size, and every folder.

    Folders that are links are not entered (nor were they by ``Path.rglob``).
    """
    sizes: dict[str, int] = {}
    folders: list[str] = []
    pending = [root]
    while pending:
        folder = pending.pop()
        folders.append(folder)
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
                elif entry.is_file():
                    sizes[entry.path] = entry.stat().st_size
    return sizes, folders


def _path_order(path: str) -> list[str]:
    """Sort key: by path components, as ``pathlib`` orders paths."""
    return path.split(os.sep)


def _remove_stale(root: str, existing: dict[str, int], keep: set[str]) -> list[str]:
    """Remove files left from content that no longer exists; return them, relative.

    The docs folder belongs to the generator: everything in it but dotfiles (such as the
    ``.gitkeep`` that lets MkDocs start on a fresh clone) is its output.
    """
    removed = []
    for path in sorted(existing, key=_path_order):
        if path not in keep and not os.path.basename(path).startswith("."):
            os.unlink(path)
            removed.append(path)
    return removed


def _remove_empty_folders(root: str, folders: list[str], files: set[str]) -> None:
    """Remove folders left empty, deepest first; one that holds ``files`` is not looked in."""
    occupied = {os.path.dirname(path) for path in files}
    for folder in sorted(folders, key=_path_order, reverse=True):
        if folder == root:
            continue
        if folder in occupied or os.listdir(folder):
            occupied.add(os.path.dirname(folder))
        else:
            os.rmdir(folder)


def write_pages(pages: tuple[Page, ...], docs_dir: Path) -> WriteReport:
    """Make ``docs_dir`` hold exactly ``pages``; rewrite only files whose bytes differ.

    Unchanged files keep their modification time, so MkDocs' file watcher and dirty
    builds see only real changes.
    """
    docs_dir.mkdir(parents=True, exist_ok=True)
    root = str(docs_dir.resolve())
    folders = _Folders(root)
    targets = {page.path: folders.target(page.path) for page in pages}
    existing, seen_folders = _existing_files(root)
    written, unchanged = [], 0
    for page in pages:
        target, data = targets[page.path], page.text.encode("utf-8")
        if _unchanged(target, data, existing):
            unchanged += 1
            continue
        folders.make(os.path.dirname(target))
        _write_atomically(target, data)
        written.append(page.path)
    keep = set(targets.values())
    removed = _remove_stale(root, existing, keep)
    _remove_empty_folders(root, seen_folders, keep | (existing.keys() - set(removed)))
    relative = tuple(Path(os.path.relpath(path, root)).as_posix() for path in removed)
    return WriteReport(tuple(written), unchanged, relative)
