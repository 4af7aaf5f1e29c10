"""Write generated pages into the docs folder, touching only what changed."""

from __future__ import annotations

import os
import posixpath
import tempfile
from collections.abc import Container
from dataclasses import dataclass
from pathlib import Path

from generator.output.folders import UnsafeFolderError
from generator.output.terminal import printable
from generator.site.images import Copied
from generator.site.pages.common import Page


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

    def target(self, relative: str, regular: Container[str] = ()) -> str:
        """The file for ``relative``, refusing any path that would leave the docs folder.

        The folder is resolved (symbolic links followed) once, not every file in it; a
        file that is itself a link is refused as well. ``regular``: files this write has
        just found as regular files by walking the docs folder without following a link,
        so inside it by construction: they need no second look.
        """
        clean = posixpath.normpath(relative)
        if posixpath.isabs(relative) or clean == ".." or clean.startswith("../"):
            raise ValueError(f"page path {relative!r} leaves the docs folder")
        joined = os.path.join(self.root, clean)
        if joined in regular:
            return joined
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


# The pages one write produced, relative, one a line: what the next write may remove.
MANIFEST = ".explainer-manifest"
# What may stand in the docs folder besides the generator's pages: the file that lets MkDocs
# start on a fresh clone, the manifest, and temporary files of an interrupted write.
_OWN_DOTFILES = (".gitkeep", MANIFEST)
_MAX_MANIFEST_BYTES = 64 * 1024 * 1024


class ForeignFilesError(UnsafeFolderError):
    """The docs folder holds files the generator did not write, or symbolic links."""


def _previous_pages(root: str) -> set[str]:
    """The relative paths the last write recorded; malformed lines are ignored."""
    manifest = os.path.join(root, MANIFEST)
    if os.path.islink(manifest) or not os.path.isfile(manifest):
        return set()
    with open(manifest, "rb") as handle:
        data = handle.read(_MAX_MANIFEST_BYTES)
    listed = set()
    for line in data.decode("utf-8", "replace").splitlines():
        clean = posixpath.normpath(line)
        if line == clean and not posixpath.isabs(clean) and not clean.startswith(".."):
            listed.add(clean)
    return listed


def _existing_files(root: str, listed: set[str]) -> tuple[dict[str, int], list[str]]:
    """Every page file below ``root`` with its size, and every folder.

    Raises :class:`ForeignFilesError` for a symbolic link anywhere, or a file the last
    write did not record: MkDocs would publish it (it follows links and reads every
    Markdown file), and it is not the generator's to delete. Dot folders and dotfiles,
    which MkDocs never reads, are left alone, apart from the generator's own.
    """
    sizes: dict[str, int] = {}
    folders: list[str] = []
    foreign: list[str] = []
    pending = [root]
    while pending:
        folder = pending.pop()
        folders.append(folder)
        with os.scandir(folder) as entries:
            for entry in entries:
                # Every entry lies below ``root``: cutting the prefix is its relative path.
                relative = entry.path[len(root) + 1 :].replace(os.sep, "/")
                if entry.is_symlink():
                    foreign.append(f"{relative} (a symbolic link)")
                elif entry.name.startswith(".tmp-") and entry.is_file(follow_symlinks=False):
                    os.unlink(entry.path)  # left by a write that was interrupted
                elif entry.name.startswith("."):
                    continue
                elif entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
                elif relative in listed and entry.is_file(follow_symlinks=False):
                    sizes[entry.path] = entry.stat(follow_symlinks=False).st_size
                else:
                    foreign.append(relative)
    if foreign:
        raise ForeignFilesError(_foreign_message(root, sorted(foreign)))
    return sizes, folders


def _foreign_message(root: str, foreign: list[str]) -> str:
    shown = ", ".join(printable(name) for name in foreign[:5])
    more = f" and {len(foreign) - 5} more" if len(foreign) > 5 else ""
    return (
        f"the docs folder {printable(root)} holds {len(foreign)} file(s) the generator did not "
        f"write: {shown}{more}. It is the generator's own output folder: remove them "
        f"(keep .gitkeep) and build again"
    )


def _path_order(path: str) -> list[str]:
    """Sort key: by path components, as ``pathlib`` orders paths."""
    return path.split(os.sep)


def _remove_stale(existing: dict[str, int], keep: set[str]) -> list[str]:
    """Remove pages the last write made that this one does not; return them."""
    removed = []
    for path in sorted(existing, key=_path_order):
        if path not in keep:
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


def _record(root: str, paths: set[str]) -> None:
    """Write the manifest (atomically, and only when it changes)."""
    listing = "".join(f"{path}\n" for path in sorted(paths))
    target = os.path.join(root, MANIFEST)
    if not _unchanged(target, listing.encode("utf-8"), {target: _size(target)}):
        _write_atomically(target, listing.encode("utf-8"))


def _size(path: str) -> int:
    try:
        return os.lstat(path).st_size
    except FileNotFoundError:
        return -1


def _copy_images(images: tuple[Copied, ...], targets: dict[str, str], existing) -> list[str]:
    """Copy each verified image into place unless the file there holds its bytes already."""
    written = []
    for image in images:
        target, data = targets[image.path], image.data()
        if not _unchanged(target, data, existing):
            os.makedirs(os.path.dirname(target), exist_ok=True)
            _write_atomically(target, data)
            written.append(image.path)
    return written


def write_pages(
    pages: tuple[Page, ...],
    docs_dir: Path,
    known: dict[str, tuple[str, int]] | None = None,
    images: tuple[Copied, ...] = (),
) -> WriteReport:
    """Make ``docs_dir`` hold exactly ``pages``; rewrite only files whose bytes differ.

    Unchanged files keep their modification time, so MkDocs' file watcher and dirty
    builds see only real changes. Only files a previous write recorded in the manifest
    are ever removed; anything else in the folder stops the write before it starts.

    ``known``: a long-lived process's record of what its last write put in the folder
    (page path to text and size in bytes); this write updates it. A page whose text is the
    one recorded, in a file of the recorded size, is not encoded or read back (``serve``).
    ``images``: files copied beside the pages, under the same rules.
    """
    known = known if known is not None else {}
    docs_dir.mkdir(parents=True, exist_ok=True)
    root = str(docs_dir.resolve())
    folders = _Folders(root)
    listed = _previous_pages(root)
    existing, seen_folders = _existing_files(root, listed)
    targets = {page.path: folders.target(page.path, existing) for page in pages}
    copied = {image.path: folders.target(image.path, existing) for image in images}
    # Recorded before any page is written, so that an interrupted write leaves no page
    # the next one would take for a stranger's.
    produced = {posixpath.normpath(path) for path in (*targets, *copied)}
    _record(root, listed | produced)
    written, unchanged = [], 0
    for page in pages:
        target, text = targets[page.path], page.text
        last = known.get(page.path)
        if last is not None and last[0] == text and existing.get(target) == last[1]:
            unchanged += 1
            continue
        data = text.encode("utf-8")
        if _unchanged(target, data, existing):
            unchanged += 1
        else:
            folders.make(os.path.dirname(target))
            _write_atomically(target, data)
            written.append(page.path)
        known[page.path] = (text, len(data))
    copied_now = _copy_images(images, copied, existing)
    written += copied_now
    unchanged += len(images) - len(copied_now)
    keep = set(targets.values()) | set(copied.values())
    removed = _remove_stale(existing, keep)
    _remove_empty_folders(root, seen_folders, keep | (existing.keys() - set(removed)))
    _record(root, produced)
    for path in known.keys() - targets.keys():
        del known[path]
    relative = tuple(Path(os.path.relpath(path, root)).as_posix() for path in removed)
    return WriteReport(tuple(written), unchanged, relative)
