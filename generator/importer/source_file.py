"""Reading one input file, refusing what is not a page: too large, or not a regular file.

A saved news page is rarely over 1 MB; one saved with its scripts and styles inline runs
to a few MB. :data:`MAX_INPUT_BYTES` is 8 MiB: several times the largest real page, and
the size an article file may have (``check`` refuses larger ones). Parsing cost grows with
the number of elements, not bytes: 15 MB of inline script imports in 10 s, but 15 MB of
nothing but tags took 126 s and 1.2 GB, and 8 MiB of them 57 s and 650 MB, the worst an
input can now cost. At most one byte past the limit is ever read.

A FIFO, device or socket would block or never end (``import /dev/zero``); it is refused
before anything is read, and opening does not block, so a FIFO without a writer cannot
hang the command.
"""

from __future__ import annotations

from pathlib import Path

from generator.content.files import UnreadableFile, read_regular_file
from generator.importer.model import ImportFailure

MAX_INPUT_BYTES = 8 * 2**20


def _size(limit: int) -> str:
    return f"{limit // 2**20} MiB" if limit % 2**20 == 0 else f"{limit:,} bytes"


def read_input(path: Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Raises :class:`ImportFailure`, naming the file, when it cannot be opened, is not a
    regular file (folder, FIFO, device, socket) or is larger than ``limit`` bytes. It is
    read the way ``check`` reads content (:mod:`generator.content.files`).
    """
    try:
        data = read_regular_file(path, limit + 1)
    except UnreadableFile as error:
        raise ImportFailure(f"{path}: {error}") from None
    if len(data) > limit:
        raise ImportFailure(
            f"{path}: larger than {_size(limit)}, the most an input may be "
            "(real pages are far smaller: save the article page alone, without its media)"
        )
    return data
