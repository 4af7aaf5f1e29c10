"""Read a contributor's file without hanging, crashing or reading more than needed.

A file in ``content/`` may be a link to a FIFO (opening it would wait for a writer
forever), to a device, or may vanish between the folder listing and the read. Only
regular files are read, opened so that nothing can block, and at most ``limit`` bytes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# Neither exists on Windows, where FIFOs and terminals cannot be opened by path anyway.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class UnreadableFile(Exception):
    """A file that could not be read, with a one-line reason for the contributor."""


def not_regular(mode: int) -> str:
    """The reason a file of ``mode`` is not read, naming what it is."""
    kind = next((name for test, name in _KINDS if test(mode)), "not a plain file")
    return f"is not a regular file ({kind}); not read"


def _reason(err: OSError) -> str:
    return f"cannot be read: {err.strerror or err}"


def read_regular_file(path: Path, limit: int) -> bytes:
    """The first ``limit`` bytes of the regular file ``path`` (links followed).

    Raises :class:`UnreadableFile` for anything else, and for every I/O error.
    """
    try:
        # Checked before opening, so that a device is never opened at all...
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise UnreadableFile(not_regular(mode))
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as err:
        raise UnreadableFile(_reason(err)) from None
    with os.fdopen(descriptor, "rb") as handle:
        try:
            # ...and again once open, in case the path was swapped for a FIFO meanwhile.
            mode = os.fstat(handle.fileno()).st_mode
            if not stat.S_ISREG(mode):
                raise UnreadableFile(not_regular(mode))
            return handle.read(limit)
        except OSError as err:
            raise UnreadableFile(_reason(err)) from None
