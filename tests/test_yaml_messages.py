"""YAML mistakes in plain words, at the line and column of the mistake, with a caret.

Each row is a front-matter block (the file's line 2 is its first line), the file line and
1-based column the problem must point at, and words the message must hold. Every row
runs on both parsers: libyaml and PyYAML's own.
"""

from __future__ import annotations

import json

import pytest

from generator.content import front_matter
from generator.content.front_matter import parse_document
from generator.content.model import Problem
from generator.report import format_problems


@pytest.fixture(autouse=True, params=["libyaml", "pure-python"])
def yaml_backend(request, monkeypatch):
    """Every case runs on both parsers."""
    if request.param == "pure-python":
        monkeypatch.setattr(front_matter.yaml, "__with_libyaml__", False)
    return request.param


def _problem(block: str) -> Problem:
    raw = f"---\n{block}\n---\nBody.\n".encode()
    document, problems = parse_document(raw, "a.md")
    assert document is None and len(problems) == 1, problems
    return problems[0]


T = "title: Talks\n"  # a line 2 that is fine, when the mistake should be on line 3
MESSAGES = [
    # quotes
    ('title: "Talks\ndate: 2024-08-21', 2, 8, "the quoted title that starts on line 2 is never"),
    ("summary: 'It is\ndate: 2024-08-21", 2, 10, "the quoted summary that starts on line 2"),
    ('title: "Talks\nsummary: "x"', 2, 8, "the quoted title that starts on line 2 is not closed"),
    ('title: "Talks" in Doha', 2, 16, 'text after the closing ": quote the whole value'),
    ("title: 'It's here'", 2, 12, "write '' for ' inside '…'"),
    ('title: "a\\qb"', 2, 10, "a '\\' in a \"…\" value starts an escape"),
    ('title: "\\uZZZZ"', 2, 9, "starts an escape"),
    # tabs
    ("tags:\n\t- a", 3, 1, "a tab cannot indent YAML; use spaces"),
    ("source:\n\tname: AFP", 3, 1, "a tab cannot indent YAML; use spaces"),
    # colons
    ("title: Talks: the end", 2, 13, "':' inside an unquoted value: put the value in quotes"),
    (T + "summary: Note: this", 3, 14, "':' inside an unquoted value"),
    ("title: Zoë: x", 2, 11, "':' inside an unquoted value"),
    ("title:Talks\ndate: 2024-08-21", 2, 6, "a ':' after a key needs a space: write `title: …`"),
    (T + "date:2024", 3, 5, "a ':' after a key needs a space"),
    (": x", 2, 1, "a ':' without a key before it"),
    # keys without values
    ("title\ndate: 2024-08-21", 2, 1, "'title' is a key without a value: write `title: …`"),
    (T + "date", 3, 1, "'date' is a key without a value"),
    # indentation
    ("summary: x\n  byline: y", 3, 3, "indented more than `summary` on line 2"),
    ("tags:\n  - a\n - b", 4, 2, "a list item at the wrong indentation: indent it like line 3"),
    (T + "- a", 3, 1, "a list item at the wrong indentation"),
    ("source:\n    name: a\n  url: b", 4, 3, "a key at the wrong indentation"),
    ("tags:\n  - a\n  b: c", 4, 3, "a `key:` line among list items"),
    ("tags: - a", 2, 7, "a list cannot start on the line of its key"),
    # brackets
    ("tags: [a, b\ndate: 2024-08-21", 2, 7, "the '[' on line 2 is never closed: end it with ']'"),
    ("source: {name: a\ndate: 2024-08-21", 2, 9, "the '{' on line 2 is never closed"),
    ("title: [Draft] story", 2, 16, "text after the closing ']'"),
    ('tags: ["a" b]', 2, 12, "separate the items in [ ] with ','"),
    ("tags: [a,, b]", 2, 10, "an empty item in a list: remove the extra ','"),
    # characters YAML reserves at the start of a value
    *[
        (f"title: {char} x", 2, 8, f"a value cannot start with '{char}': put the value in quotes")
        for char in "@`%*&|>]"
    ],
    ("title: !important", 2, 8, "YAML reads '!important' as a type tag: put the value in quotes"),
    ("<<: {summary: x}", 2, 1, "'<<' merge keys are not allowed"),
    # the document itself
    (T + "...\nmore: y", 3, 1, "a line '...' ends the front-matter early"),
    (T + "%YAML 1.1", 3, 1, "'%' directives are not allowed"),
    # valid YAML that front-matter refuses keeps its own words, now with a column
    (T + "title: Again", 3, 1, "duplicate key 'title'"),
    ("date: 2024-02-30", 2, 7, "2024-02-30 is not a real date"),
    (T + "on: x", 3, 1, "key 'on' must be text"),
    ("summary: &s x\nbyline: *s", 3, 9, "anchors and aliases"),
]


@pytest.mark.parametrize(("block", "line", "column", "needle"), MESSAGES)
def test_a_yaml_mistake_is_named_where_it_is(block, line, column, needle) -> None:
    problem = _problem(block)
    assert (problem.field, problem.line, problem.column) == ("front-matter", line, column), (
        problem.message
    )
    assert needle in problem.message
    assert problem.source == block.split("\n")[line - 2]


def test_an_unknown_parser_error_keeps_the_parsers_words() -> None:
    # A type tag PyYAML knows, on a value of the wrong shape: no rule names this one.
    problem = _problem("title: !!str [a]")
    assert problem.message.startswith("invalid YAML: ")
    assert problem.line and problem.column


TEXT_CASES = [
    (
        'title: "Talks',
        [
            "error: a.md:2:8: front-matter: the quoted title that starts on line 2 is never "
            'closed: end it with "',
            ' 2 | title: "Talks',
            "   |        ^",
        ],
    ),
    # a wide character before the column takes two columns: the caret stays under the ':'
    (
        "title: 語 Talks: the end",
        [
            "error: a.md:2:15: front-matter: ':' inside an unquoted value: put the value in quotes",
            " 2 | title: 語 Talks: the end",
            "   |                ^",
        ],
    ),
    # the shown line is contributor text: a bidi override is escaped, and the caret follows
    (
        "title: \u202e Talks: x",
        [
            "error: a.md:2:15: front-matter: ':' inside an unquoted value: put the value in quotes",
            " 2 | title: \\u202e Talks: x",
            "   |                    ^",
        ],
    ),
    (
        "tags:\n\t- a",
        [
            "error: a.md:3:1: front-matter: a tab cannot indent YAML; use spaces",
            " 3 | \\x09- a",
            "   | ^",
        ],
    ),
]


@pytest.mark.parametrize(("block", "expected"), TEXT_CASES)
def test_text_shows_the_line_and_a_caret_under_the_column(block, expected) -> None:
    report = format_problems([_problem(block)], "text").splitlines()
    assert report == [*expected, "1 error(s), 0 warning(s)"]


def test_github_annotations_carry_the_column_and_the_line() -> None:
    report = format_problems([_problem('title: "Talks')], "github")
    assert report == (
        "::error file=a.md,line=2,col=8,title=front-matter::the quoted title that starts on "
        'line 2 is never closed: end it with "%0Atitle: "Talks%0A       ^'
    )


def test_json_gains_column_and_source() -> None:
    (row,) = json.loads(format_problems([_problem("title: \u202e a: b")], "json"))["problems"]
    assert (row["line"], row["column"], row["source"]) == (2, 11, "title: \\u202e a: b")


def test_a_problem_without_a_column_prints_as_before() -> None:
    problem = Problem("a.md", "title", "expected text", 2)
    assert (
        format_problems([problem], "text").splitlines()[0] == "error: a.md:2: title: expected text"
    )
    row = json.loads(format_problems([problem], "json"))["problems"][0]
    assert (row["column"], row["source"]) == (None, None)


def test_a_long_line_is_shown_around_the_column() -> None:
    problem = _problem("title: " + "word " * 40 + "end: x")
    source, caret = format_problems([problem], "text").splitlines()[1:3]
    assert source.startswith(" 2 | …") and len(source) < 120
    assert source[caret.index("^")] == ":"


def test_an_escape_past_the_last_code_point_is_a_problem_not_a_traceback() -> None:
    # PyYAML's own parser used to raise ValueError from chr() here.
    problem = _problem('summary: "x\\U00110000y"')
    assert problem.field == "front-matter"
