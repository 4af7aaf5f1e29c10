"""A folder of pages MkDocs rendered in earlier builds, reused when their inputs are the same.

``explainer build --cache DIR`` keeps, for every page it rendered, the HTML MkDocs wrote,
under a key that hashes everything that page's HTML is made from (see ``cache_keys.py``).
The next build hands MkDocs only the pages whose key is not in the folder and puts the
others' HTML back from it, so a one-article edit renders that article and the pages that
list it, not the archive.

The folder is the maintainer's, but what is in it is checked like contributed input:

- ``DIR/.explainer-build-cache`` marks it as a build cache; a folder that holds anything
  else and lacks the mark is someone else's, and is neither read nor written.
- Stored HTML lives in ``objects/<2 hex>/<sha-256 of the bytes>``: every object is read
  through a descriptor that follows no link and is checked against its name, so a file
  changed by hand is a miss, never output. Names are hex digits only: nothing is written
  or removed outside the folder, and no link inside it is followed.
- ``index.json`` maps page keys to object names; anything malformed about it empties the
  cache (with a notice) and the build runs cold.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.output.terminal import printable_path

MARKER = ".explainer-build-cache"
MARKER_TEXT = "explainer build cache, format 1\n"
INDEX = "index.json"
OBJECTS = "objects"
_HEX = re.compile(r"[0-9a-f]{64}")
# Larger than any page a build makes; bounds what a tampered file can make a build read.
MAX_OBJECT_BYTES = 64 * 1024 * 1024
MAX_INDEX_BYTES = 256 * 1024 * 1024


def digest(data: bytes) -> str:
    """The sha-256 of ``data`` in hex: an object's name."""
    return hashlib.sha256(data).hexdigest()


def _is_plain_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except FileNotFoundError:
        return False


def _read_no_link(path: Path, limit: int) -> bytes | None:
    """The bytes of the regular file ``path`` (no link followed), None if absent or too big."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        return handle.read(limit + 1)


def _write_atomically(folder: Path, name: str, data: bytes) -> None:
    fd, temp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, folder / name)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _entries(data: bytes | None) -> dict[str, str] | None:
    """The index's page keys and object names; None when it is not a valid index."""
    if data is None:
        return None
    try:
        index = json.loads(data)
    except (ValueError, RecursionError):
        return None
    if not isinstance(index, dict) or index.get("format") != 1:
        return None
    pages = index.get("pages")
    if not isinstance(pages, dict):
        return None
    valid = all(
        isinstance(v, str) and _HEX.fullmatch(k) and _HEX.fullmatch(v) for k, v in pages.items()
    )
    return pages if valid else None


@dataclass
class BuildCache:
    """One build's view of the cache folder: what it may reuse and what it stores.

    ``enabled`` is False for a folder that is not provably a build cache (nothing is read
    from or written to it); ``notices`` say why, or that the index was unreadable.
    """

    folder: Path
    enabled: bool = True
    entries: dict[str, str] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    # What this build used or made: the next index, and the objects it keeps.
    kept: dict[str, str] = field(default_factory=dict)
    # Objects found changed or unreadable: written afresh when stored again.
    spoiled: set[str] = field(default_factory=set)

    @classmethod
    def open(cls, folder: Path) -> BuildCache:
        """The cache in ``folder``, creating it when missing; never raises for its contents."""
        cache = cls(folder)
        shown = printable_path(folder)
        if os.path.islink(folder) or (os.path.lexists(folder) and not _is_plain_folder(folder)):
            cache._disable(f"the build cache {shown} is not a plain folder; not using it")
            return cache
        if _is_plain_folder(folder) and any(folder.iterdir()):
            if _read_no_link(folder / MARKER, 1024) != MARKER_TEXT.encode("ascii"):
                cache._disable(f"{shown} holds files and is not a build cache; not using it")
                return cache
        else:
            folder.mkdir(parents=True, exist_ok=True)
            _write_atomically(folder, MARKER, MARKER_TEXT.encode("ascii"))
        entries = _entries(_read_no_link(folder / INDEX, MAX_INDEX_BYTES))
        if entries is None and os.path.lexists(folder / INDEX):
            cache.notices.append(f"the build cache {shown} was unreadable; building without it")
        cache.entries = entries or {}
        return cache

    def _disable(self, notice: str) -> None:
        self.enabled, self.entries = False, {}
        self.notices.append(notice)

    def _object_folder(self, name: str, create: bool = False) -> Path | None:
        """``objects/<first two hex digits>``, when it (and ``objects``) are plain folders."""
        objects = self.folder / OBJECTS
        shard = objects / name[:2]
        for step in (objects, shard):
            if create and not os.path.lexists(step):
                step.mkdir()
            if not _is_plain_folder(step):
                return None
        return shard

    def lookup(self, key: str) -> str | None:
        """The object name stored for page ``key``, if its file is there (not yet checked)."""
        name = self.entries.get(key) if self.enabled else None
        if name is None:
            return None
        shard = self._object_folder(name)
        if shard is None or not stat.S_ISREG(_lstat_mode(shard / name)):
            return None
        return name

    def read(self, key: str, name: str) -> bytes | None:
        """The stored bytes of object ``name``, only if they still hash to it; kept for ``key``."""
        shard = self._object_folder(name) if _HEX.fullmatch(name) else None
        data = _read_no_link(shard / name, MAX_OBJECT_BYTES) if shard else None
        if data is None or digest(data) != name:
            self.spoiled.add(name)
            return None
        self.kept[key] = name
        return data

    def store(self, key: str, data: bytes) -> None:
        """Keep ``data`` as the HTML of page ``key`` (written now unless already there)."""
        if not self.enabled:
            return
        name = digest(data)
        shard = self._object_folder(name, create=True)
        if shard is None:
            self._disable(
                f"the build cache {printable_path(self.folder)} holds a link; not using it"
            )
            return
        # An object of that name and size is taken as it is: every read checks its hash,
        # so a changed one is a miss then, and reading it back here would double the cost.
        stored = _lstat(shard / name)
        plain = stored is not None and stat.S_ISREG(stored.st_mode)
        if name in self.spoiled or not plain or stored.st_size != len(data):
            _write_atomically(shard, name, data)
        self.kept[key] = name

    def save(self) -> None:
        """Write the index of what this build used or made; remove every other object."""
        if not self.enabled:
            return
        index = {"format": 1, "pages": dict(sorted(self.kept.items()))}
        _write_atomically(self.folder, INDEX, json.dumps(index).encode("ascii"))
        self._prune(set(self.kept.values()))

    def _prune(self, keep: set[str]) -> None:
        objects = self.folder / OBJECTS
        if not _is_plain_folder(objects):
            return
        for shard in os.scandir(objects):
            if not shard.is_dir(follow_symlinks=False) or not re.fullmatch(
                "[0-9a-f]{2}", shard.name
            ):
                continue
            for entry in os.scandir(shard.path):
                stale = _HEX.fullmatch(entry.name) and entry.name not in keep
                if (stale or entry.name.startswith(".tmp-")) and not entry.is_dir(
                    follow_symlinks=False
                ):
                    os.unlink(entry.path)


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except OSError:
        return None


def _lstat_mode(path: Path) -> int:
    found = _lstat(path)
    return found.st_mode if found else 0
