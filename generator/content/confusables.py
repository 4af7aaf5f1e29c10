"""Confusable skeletons (Unicode UTS #39): "Наmas" in Cyrillic and "Hamas" look alike.

Two strings are confusable when their skeletons are equal. The skeleton of a string is
its NFD form with each character replaced by its prototype from Unicode's confusables
data, then put in NFD again. The data is ``confusables.txt`` beside this module,
derived from Unicode's file by ``tools/confusables.py``.
"""

from __future__ import annotations

import functools
import unicodedata
from importlib import resources


@functools.cache
def _prototypes() -> dict[int, str]:
    """Source code point to prototype string, read once per process."""
    table = {}
    data = (
        resources.files("generator.content").joinpath("confusables.txt").read_text(encoding="utf-8")
    )
    for line in data.splitlines():
        if line and not line.startswith("#"):
            source, prototype = line.split("\t")
            table[int(source, 16)] = "".join(chr(int(code, 16)) for code in prototype.split())
    return table


def skeleton(text: str) -> str:
    """The UTS #39 skeleton of ``text``: equal skeletons mean the texts look alike."""
    return unicodedata.normalize("NFD", unicodedata.normalize("NFD", text).translate(_prototypes()))
