"""``explainer suggest`` on small content folders written to a temporary directory."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest
import yaml

from generator.content.read import read_archive
from generator.suggest.command import add_arguments, run

ARTICLES = {
    "talks-in-doha.md": """---
title: Blinken flies to Doha
date: 2024-08-20
summary: US Secretary of State Antony Blinken flew to Doha on Tuesday.
---
Blinken met Egyptian President Abdel Fattah al-Sisi in El Alamein before the talks.
Troops stay in the Philadelphi corridor, the Israeli military said. Hamas rejected the plan.
""",
    "talks-resume.md": """---
title: Talks resume in Cairo
date: 2024-08-25
---
Negotiators from Hamas met in Cairo. Abdel Fattah al-Sisi hosted them, said an official.
""",
}
ENTRIES = {
    "actors/antony-blinken.md": """---
name: Antony Blinken
kind: person
aliases: [Antony Blinken]
summary: US Secretary of State.
---
US diplomat.
""",
    "locations/philadelphi-corridor.md": """---
name: Philadelphi Corridor
kind: region
aliases: [Philadelphi Corridor]
summary: A strip of land along the border between Gaza and Egypt.
---
A corridor.
""",
}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    for name, text in ARTICLES.items():
        (root / "articles").mkdir(parents=True, exist_ok=True)
        (root / "articles" / name).write_text(text, encoding="utf-8")
    for name, text in ENTRIES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def call(content: Path, **options) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(content, out=out, err=err, **options)
    return status, out.getvalue(), err.getvalue()


def test_text_lists_ranked_names_with_examples_and_near_duplicates(content):
    status, out, _ = call(content)
    assert status == 0
    lines = out.splitlines()
    table = [line for line in lines if line.startswith(("Hamas", "Abdel", "Cairo", "Doha"))]
    # Ranked by articles, then mentions, then name.
    assert [line.split("  ")[0] for line in table] == [
        "Abdel Fattah al-Sisi",
        "Hamas",
        "Cairo",
        "Doha",
    ]
    assert "actor/person" in table[0] and "Blinken met Egyptian President" in table[0]
    assert any(
        "'Philadelphi corridor'" in line and "philadelphi-corridor" in line and "case" in line
        for line in lines
    )
    assert "Antony Blinken" not in "\n".join(table)  # already in the glossary


def test_json_is_stable_and_shaped_for_tools(content):
    status, out, _ = call(content, fmt="json")
    assert status == 0
    data = json.loads(out)
    assert list(data) == ["articles", "candidates", "near_duplicates", "gazetteer"]
    doha_path = f"{content}/articles/talks-in-doha.md"
    assert list(data["articles"]) == [doha_path, f"{content}/articles/talks-resume.md"]
    assert {"name": "Hamas", "guess": "actor", "kind": ""} in data["articles"][doha_path]
    first = data["candidates"][0]
    assert first["name"] == "Abdel Fattah al-Sisi" and first["id"] == "abdel-fattah-al-sisi"
    assert (first["articles"], first["mentions"], first["example_path"]) == (2, 2, doha_path)
    [near] = data["near_duplicates"]
    assert near == {
        "name": "Philadelphi corridor",
        "entity": None,
        "other": "Philadelphi Corridor",
        "other_entity": "philadelphi-corridor",
        "difference": ["case"],
        "articles": 1,
    }
    assert call(content, fmt="json")[1] == out


def test_write_creates_stubs_and_never_overwrites(content):
    kept = "---\nname: Hamas\nkind: armed-group\naliases: [Hamas]\nsummary: Mine.\n---\nMine.\n"
    (content / "actors" / "hamas.md").write_text(kept, encoding="utf-8")
    status, out, _ = call(content, write=["Abdel Fattah al-Sisi", "cairo"])
    assert status == 0
    stub = content / "actors" / "abdel-fattah-al-sisi.md"
    assert f"created {stub}" in out
    assert "skipped 'Hamas'" not in out  # an entry exists, so Hamas is no longer suggested
    assert (content / "actors" / "hamas.md").read_text(encoding="utf-8") == kept
    front = yaml.safe_load(stub.read_text(encoding="utf-8").split("---")[1])
    assert front == {
        "name": "Abdel Fattah al-Sisi",
        "kind": "person",
        "aliases": ["Abdel Fattah al-Sisi"],
        "summary": "",
    }
    assert "TODO: describe Abdel Fattah al-Sisi" in stub.read_text(encoding="utf-8")
    assert (content / "locations" / "cairo.md").exists()
    # A second run finds the stubs' aliases: nothing left to write, nothing overwritten.
    before = {p: p.read_bytes() for p in content.rglob("*.md")}
    status, out, err = call(content, write=["Abdel Fattah al-Sisi", "cairo"])
    assert status == 1 and "summary: is empty" in err  # stubs wait for their summaries
    assert {p: p.read_bytes() for p in content.rglob("*.md")} == before


def test_a_completed_stub_is_a_valid_entry(content):
    call(content, write=["abdel-fattah-al-sisi"])
    stub = content / "actors" / "abdel-fattah-al-sisi.md"
    stub.write_text(
        stub.read_text(encoding="utf-8").replace('summary: ""', "summary: President of Egypt.")
    )
    archive = read_archive(content)
    assert not [p for p in archive.errors if "abdel-fattah-al-sisi" in p.path]


def test_write_skips_an_id_taken_in_the_other_section(content):
    (content / "actors" / "doha.md").write_text("taken", encoding="utf-8")
    from generator.suggest.core import Candidate
    from generator.suggest.stubs import write_stub

    doha = Candidate("Doha", "location", "city", 1, 1, "", "")
    result = write_stub(content, doha)
    assert not result.created and not (content / "locations" / "doha.md").exists()


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda root: None, "content folder not found"),
        (
            lambda root: (
                (root / "articles").mkdir(parents=True)
                or (root / "articles" / "bad.md").write_text("---\ntitle: [\n---\nText.\n")
            ),
            "bad.md",
        ),
    ],
)
def test_unreadable_content_exits_1_with_the_problems(tmp_path, setup, message):
    root = tmp_path / "content"
    setup(root)
    status, out, err = call(root)
    assert status == 1 and out == ""
    assert message in err


def test_add_arguments_defines_the_options():
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    assert vars(parser.parse_args([])) == {
        "content": Path("content"),
        "format": "text",
        "write": None,
        "spacy_model": None,
    }
    args = parser.parse_args(["--content", "x", "--format", "json", "--write"])
    assert (args.content, args.format, args.write) == (Path("x"), "json", [])
    assert parser.parse_args(["--write", "Cairo", "Doha"]).write == ["Cairo", "Doha"]
    with pytest.raises(SystemExit):
        parser.parse_args(["--format", "xml"])


def test_an_unavailable_spacy_model_is_a_usage_error(content):
    status, out, err = call(content, spacy_model="no_such_model_xx")
    assert status == 2 and out == ""
    assert "spaCy" in err
