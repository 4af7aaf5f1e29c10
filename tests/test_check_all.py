"""``explainer check`` reports every file's problems of every stage in one run.

A YAML mistake in one file used to hide a body problem in another and every warning.
Each case is a small content folder in ``tmp_path``; the problems come from
``check_content`` (what ``check`` prints) and from the command itself, in-process.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.site.build import generate
from generator.site.check import check_content

ACTOR = "---\nname: Zorblax\nkind: person\naliases: [Zorblax]\nsummary: A person.\n---\n"
IDLE = "---\nname: Idle One\nkind: person\naliases: [Idle One]\nsummary: Nobody names it.\n---\n"
GOOD = "---\ntitle: Fine\ndate: 2024-08-20\n---\nZorblax met.\n"
# Nesting far past any real prose: the body is refused before it is rendered.
DEEP_BODY = "Zorblax met.\n\n" + "> " * 400 + "x\n"


def _content(tmp_path: Path, files: dict[str, str]) -> Path:
    content = tmp_path / "content"
    for rel, text in files.items():
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text(text, encoding="utf-8")
    return content


FOUR_STAGES = {
    "actors/zorblax.md": ACTOR,
    "actors/idle-one.md": IDLE,
    # A: a YAML mistake (an unclosed quote on line 2)
    "articles/a.md": '---\ntitle: "Talks\ndate: 2024-08-21\n---\nZorblax met.\n',
    # B: a body refused by the body limits (line 7 is the deep quote)
    "articles/b.md": "---\ntitle: Bee\ndate: 2024-08-21\n---\n" + DEEP_BODY,
    # C: an unknown reference
    "articles/c.md": "---\ntitle: Sea\ndate: 2024-08-21\nactors: [nobody]\n---\nZorblax met.\n",
    # D: a warning (the entry idle-one is named by no article)
    "articles/d.md": GOOD,
}


@pytest.mark.parametrize(
    ("file", "field", "line", "severity", "needle"),
    [
        ("articles/a.md", "front-matter", 2, "error", "is never closed"),
        ("articles/b.md", "body", 7, "error", ""),
        ("articles/c.md", "actors", 4, "error", "no glossary entry 'nobody'"),
        ("actors/idle-one.md", "aliases", 4, "warning", "no article mentions this entry"),
    ],
)
def test_problems_of_four_files_and_four_stages_come_in_one_run(
    tmp_path, file, field, line, severity, needle
) -> None:
    content = _content(tmp_path, FOUR_STAGES)
    problems = check_content(content)
    found = [
        p
        for p in problems
        if p.path == f"{content}/{file}" and p.field == field and p.severity == severity
    ]
    assert [p.line for p in found if needle in p.message] == [line], [p.format() for p in problems]


def test_the_command_reports_them_all_and_exits_1(tmp_path, capsys) -> None:
    content = _content(tmp_path, FOUR_STAGES)
    assert main(["check", "--content", str(content), "--format", "json"]) == 1
    rows = json.loads(capsys.readouterr().out)["problems"]
    reported = {(Path(r["file"]).name, r["field"], r["severity"]) for r in rows}
    assert {
        ("a.md", "front-matter", "error"),
        ("b.md", "body", "error"),
        ("c.md", "actors", "error"),
        ("idle-one.md", "aliases", "warning"),
    } <= reported


def test_build_reports_the_same_problems_and_makes_no_page(tmp_path) -> None:
    content = _content(tmp_path, FOUR_STAGES)
    generation = generate(content)
    assert generation.pages == ()
    assert set(generation.problems) == set(check_content(content))


BROKEN_ACTOR = "---\nname: Broken\nkind: wizard\naliases: [Broken]\nsummary: S.\n---\n"
UNREADABLE_ACTOR = "---\nname: 'Broken\nkind: person\n---\n"


@pytest.mark.parametrize("broken", [BROKEN_ACTOR, UNREADABLE_ACTOR], ids=["fields", "yaml"])
def test_references_to_a_failed_entry_do_not_cascade(tmp_path, broken) -> None:
    """Three articles name an entry whose file fails: only that file's own error is reported."""
    files = {"actors/zorblax.md": ACTOR, "actors/broken.md": broken}
    for name in ("one", "two", "three"):
        files[f"articles/{name}.md"] = (
            f"---\ntitle: {name}\ndate: 2024-08-21\nactors: [broken]\n---\nZorblax met.\n"
        )
    content = _content(tmp_path, files)
    errors = [p for p in check_content(content) if p.severity == "error"]
    assert {Path(p.path).name for p in errors} == {"broken.md"}, [p.format() for p in errors]
    assert not any("no glossary entry" in p.message for p in errors)


def test_a_truly_missing_entry_is_still_reported(tmp_path) -> None:
    files = {
        "actors/zorblax.md": ACTOR,
        "actors/broken.md": BROKEN_ACTOR,
        "articles/one.md": "---\ntitle: One\ndate: 2024-08-21\nactors: [gone]\n---\nZorblax.\n",
    }
    problems = check_content(_content(tmp_path, files))
    assert any(p.field == "actors" and "no glossary entry 'gone'" in p.message for p in problems)


def test_an_article_with_a_field_error_still_has_its_body_checked(tmp_path) -> None:
    body = "Zorblax met.\n\n![chart](https://example.org/c.png)\n"
    files = {
        "actors/zorblax.md": ACTOR,
        "articles/bad.md": "---\ntitle: no\ndate: 2024-08-21\n---\n" + body,
    }
    content = _content(tmp_path, files)
    found = {(p.field, p.line) for p in check_content(content) if p.severity == "error"}
    assert {("title", 2), ("body", 7)} <= found


def test_an_entry_named_only_by_a_failed_article_gets_no_coverage_warning(tmp_path) -> None:
    files = {
        "actors/zorblax.md": ACTOR,
        "articles/bad.md": "---\ntitle: no\ndate: 2024-08-21\n---\nZorblax met.\n",
    }
    problems = check_content(_content(tmp_path, files))
    assert not any("no article mentions" in p.message for p in problems)


def test_a_refused_body_is_not_also_said_to_mention_nothing(tmp_path) -> None:
    files = {
        "actors/zorblax.md": ACTOR,
        "articles/ok.md": GOOD,
        "articles/b.md": "---\ntitle: Bee\ndate: 2024-08-21\n---\n" + DEEP_BODY,
    }
    problems = check_content(_content(tmp_path, files))
    on_b = [p for p in problems if p.path.endswith("articles/b.md")]
    assert on_b and all(p.severity == "error" for p in on_b), [p.format() for p in on_b]


def test_clean_content_checks_clean(tmp_path, capsys) -> None:
    content = _content(tmp_path, {"actors/zorblax.md": ACTOR, "articles/ok.md": GOOD})
    assert main(["check", "--content", str(content)]) == 0
    assert capsys.readouterr().out.strip() == "0 error(s), 0 warning(s)"
