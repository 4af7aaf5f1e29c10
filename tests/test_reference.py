"""CONTRIBUTING.md carries the front-matter reference generated from the schema code."""

from __future__ import annotations

from pathlib import Path

from generator.content.reference import reference

ROOT = Path(__file__).resolve().parent.parent


def test_contributing_holds_the_generated_reference() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert reference() in text, "run `python -m generator.content.reference` and paste it"
