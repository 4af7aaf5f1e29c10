"""Golden files: everything generated from the seed archive, reviewed in diffs.

After an intended change, regenerate with ``nox -s golden`` (``UPDATE_GOLDEN=1``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.site.build import generate

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
PAGES = {page.path: page.text for page in generate(ROOT / "content").pages}


def _golden_files() -> list[Path]:
    return [p for p in GOLDEN.rglob("*") if p.is_file()]


def test_golden_set_matches_the_pages() -> None:
    if os.environ.get("UPDATE_GOLDEN"):
        for old in _golden_files():
            old.unlink()
        for path, text in PAGES.items():
            target = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    on_disk = sorted(p.relative_to(GOLDEN).as_posix() for p in _golden_files())
    assert on_disk == sorted(PAGES)


@pytest.mark.parametrize("path", sorted(PAGES))
def test_page_matches_golden(path: str) -> None:
    assert PAGES[path] == (GOLDEN / path).read_text(encoding="utf-8")
