"""Golden files: the generated Markdown of the seed archive, reviewed in diffs.

After an intended change, regenerate with ``nox -s golden`` (``UPDATE_GOLDEN=1``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.build import generate

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
PAGES = {page.path: page.text for page in generate(ROOT / "content").pages}


def test_golden_set_matches_the_pages() -> None:
    if os.environ.get("UPDATE_GOLDEN"):
        for old in GOLDEN.rglob("*.md"):
            old.unlink()
        for path, text in PAGES.items():
            target = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    on_disk = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md"))
    assert on_disk == sorted(PAGES)


@pytest.mark.parametrize("path", sorted(PAGES))
def test_page_matches_golden(path: str) -> None:
    assert PAGES[path] == (GOLDEN / path).read_text(encoding="utf-8")
