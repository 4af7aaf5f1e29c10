"""Terminal-safe text: nothing a contributor wrote can steer the terminal it is printed to."""

from __future__ import annotations

import os

import pytest

from generator.output.terminal import printable, printable_lines, printable_path


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain name.md", "plain name.md"),
        ("Ça va — “quoted”", "Ça va — “quoted”"),
        ("\x1b]0;owned\x07title", "\\x1b]0;owned\\x07title"),
        ("erase\x1b[2K\x1b[1A", "erase\\x1b[2K\\x1b[1A"),
        ("two\nlines", "two\\x0alines"),
        ("carriage\rreturn", "carriage\\x0dreturn"),
        ("tab\there", "tab\\x09here"),
        ("del\x7f", "del\\x7f"),
        ("c1\x9bcsi", "c1\\x9bcsi"),
        ("bidi \u202eevil\u202c", "bidi \\u202eevil\\u202c"),
        ("zero\u200bwidth", "zero\\u200bwidth"),
        ("line\u2028separator", "line\\u2028separator"),
        ("bom\ufeff", "bom\\ufeff"),
        ("tag \U000e0041", "tag \\U000e0041"),
        ("bad byte \udcff", "bad byte \\xff"),
        ("lone surrogate \ud800", "lone surrogate \\ud800"),
    ],
)
def test_unprintable_characters_become_visible_escapes(raw: str, shown: str) -> None:
    assert printable(raw) == shown
    assert printable(raw).isprintable()


def test_lines_keep_their_breaks_but_nothing_else() -> None:
    assert printable_lines("a\x1b[2K\nb\u202e") == "a\\x1b[2K\nb\\u202e"


def test_a_file_name_that_is_not_utf8_prints_as_bytes() -> None:
    name = os.fsdecode(b"caf\xe9.md")
    assert printable_path(name) == "caf\\xe9.md"
    printable_path(name).encode("utf-8")  # a strict UTF-8 stdout takes it
