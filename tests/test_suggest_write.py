"""``suggest --write NAME…``: only chosen stubs, in the right folder, citing no machine path;
and no advice to add an alias an entry already has."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from generator.suggest.choose import ask, parse_answer, select
from generator.suggest.command import run
from generator.suggest.core import Candidate
from generator.suggest.stubs import folder, stub_text

ARTICLE = """---
title: Talks in Cairo
date: 2024-08-25
---
Negotiators from Hamas met in Cairo. Abdel Fattah al-Sisi hosted them, said an official.
The U.S. envoy flew in from Washington; US officials said the talks went well.
"""
US_ENTRY = """---
name: United States
kind: country
aliases: [United States, U.S., US]
summary: A country.
---
A country.
"""

CAIRO = Candidate("Cairo", "location", "city", 1, 1, "", "")
SISI = Candidate("Abdel Fattah al-Sisi", "actor", "person", 1, 1, "", "")
HAMAS = Candidate("Hamas", "actor", "", 1, 1, "", "")
CANDIDATES = [SISI, HAMAS, CAIRO]


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    (root / "articles").mkdir(parents=True)
    (root / "locations").mkdir()
    (root / "articles" / "talks.md").write_text(ARTICLE, encoding="utf-8")
    (root / "locations" / "united-states.md").write_text(US_ENTRY, encoding="utf-8")
    return root


def call(content: Path, **options) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(content, out=out, err=err, **options)
    return status, out.getvalue(), err.getvalue()


def written(content: Path) -> set[str]:
    return {str(p.relative_to(content)) for p in content.rglob("*.md")} - {
        "articles/talks.md",
        "locations/united-states.md",
    }


@pytest.mark.parametrize(
    ("wanted", "chosen", "unknown"),
    [
        (["Cairo"], [CAIRO], []),
        (["cairo", "abdel-fattah-al-sisi"], [CAIRO, SISI], []),  # case, or the id
        (["  Abdel  Fattah al-Sisi "], [SISI], []),  # spaces as typed
        (["Cairo", "Cairo"], [CAIRO], []),
        (["Doha", "Hamas"], [HAMAS], ["'Doha' is not a suggested name"]),
        ([], [], []),
    ],
)
def test_select(wanted, chosen, unknown):
    assert select(CANDIDATES, wanted) == (chosen, unknown)


@pytest.mark.parametrize(
    ("answer", "names"),
    [
        ("1 3\n", ["Abdel Fattah al-Sisi", "Cairo"]),
        ("2, 3", ["Hamas", "Cairo"]),
        ("Cairo, Abdel Fattah al-Sisi", ["Cairo", "Abdel Fattah al-Sisi"]),
        ("9", ["9"]),  # no such number: read as a name, and reported unknown later
        ("\n", []),
        ("", []),
    ],
)
def test_parse_answer(answer, names):
    assert parse_answer(answer, CANDIDATES) == names


def test_ask_lists_numbered_candidates_and_reads_one_line():
    out = io.StringIO()
    assert ask(CANDIDATES, io.StringIO("3\nignored\n"), out) == ["Cairo"]
    assert "  1. Abdel Fattah al-Sisi (actor/person)" in out.getvalue()
    assert "  3. Cairo (location/city)" in out.getvalue()


@pytest.mark.parametrize(
    ("candidate", "expected"),
    [
        (CAIRO, "locations"),
        (SISI, "actors"),
        (HAMAS, "actors"),
        (Candidate("Kenya", "location", "country", 1, 1, "", ""), "locations"),
        (Candidate("Sinai", "location", "", 1, 1, "", ""), "locations"),
    ],
)
def test_folder(candidate, expected):
    assert folder(candidate) == expected


def test_write_names_only_the_chosen_stubs(content):
    status, out, err = call(content, write=["Cairo"])
    assert (status, err) == (0, "")
    assert written(content) == {"locations/cairo.md"}
    assert "1 stub(s) created, 0 skipped" in out


def test_an_unknown_name_writes_nothing_and_says_so(content):
    status, _, err = call(content, write=["Cairo", "Atlantis"])
    assert status == 2 and "'Atlantis' is not a suggested name; nothing written" in err
    assert written(content) == set()


def test_write_without_names_needs_a_terminal(content):
    status, out, err = call(content, write=[])
    assert (status, out) == (2, "") and "--write needs the names" in err
    assert written(content) == set()


def test_write_without_names_asks_and_writes_the_answer(content):
    status, out, _ = call(content, write=[], answers=io.StringIO("Abdel Fattah al-Sisi\n"))
    assert status == 0 and "Write stubs for" in out
    assert written(content) == {"actors/abdel-fattah-al-sisi.md"}


def test_json_mode_keeps_stdout_one_document(content):
    status, out, err = call(content, fmt="json", write=["Cairo"])
    assert status == 0 and out.lstrip().startswith("{") and "created" in err


def test_a_stub_cites_the_article_without_the_content_folders_path(content):
    call(content.resolve(), write=["Cairo"])
    text = (content / "locations" / "cairo.md").read_text(encoding="utf-8")
    assert "First seen in articles/talks.md:" in text
    assert str(content.parent) not in text


def test_stub_text_names_no_folder_outside_the_archive():
    cairo = Candidate("Cairo", "location", "city", 1, 1, "In Cairo.", "/home/me/c/articles/a.md")
    assert "/home/me" not in stub_text(cairo) and "articles/a.md" in stub_text(cairo)


def test_an_alias_the_entry_has_is_no_near_duplicate(content):
    # "US" and "U.S." are both aliases: nothing to add, though the two differ in punctuation.
    status, out, _ = call(content)
    assert status == 0 and "Near-duplicate" not in out
