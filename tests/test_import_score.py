"""The import scorer: what counts as a kept paragraph, left boilerplate, a right title."""

from __future__ import annotations

import pytest

from benchmarks.import_score import (
    boilerplate_left,
    markdown_blocks,
    normalise,
    paragraph_kept,
    same_byline,
    same_title,
    score_page,
)


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("It’s “done” — now…", 'It\'s "done" - now...'),
        ("**Bold** and _italic_ and [a link](https://x.org)", "Bold and italic and a link"),
        ("## A heading", "A heading"),
        ("one\n  two\t three", "one two three"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("Escaped \\*star\\*", "Escaped star"),
    ],
)
def test_normalise_folds_what_a_reader_would_not_notice(raw: str, folded: str) -> None:
    assert normalise(raw) == folded


BODY = "First paragraph here.\n\n## Background\n\n- one item\n- two items\n\nShare\n"


def test_markdown_blocks_split_paragraphs_headings_and_list_items() -> None:
    assert markdown_blocks(BODY) == [
        "First paragraph here.",
        "Background",
        "one item",
        "two items",
        "Share",
    ]


@pytest.mark.parametrize(
    ("expected", "kept"),
    [
        ("First paragraph here.", True),
        ("First paragraph here", True),  # a full stop lost is not a paragraph lost
        ("A sentence that never made it into the article.", False),
        ("one item", True),
        ("2. two items", True),  # the output's list marker is read away, so is this one
        ("- one item", True),
    ],
)
def test_paragraph_kept(expected: str, kept: bool) -> None:
    blocks = markdown_blocks(BODY)
    assert paragraph_kept(expected, blocks, " ".join(blocks)) is kept


@pytest.mark.parametrize(
    ("line", "left"),
    [
        ("Share", True),  # stands as a block of its own
        ("First", False),  # a short line inside a real sentence is not boilerplate left
        ("Sign up for our daily newsletter", False),
        ("paragraph here. Background one item", True),  # long lines count wherever they are
    ],
)
def test_boilerplate_left(line: str, left: bool) -> None:
    blocks = markdown_blocks(BODY)
    assert boilerplate_left(line, blocks, " ".join(blocks)) is left


@pytest.mark.parametrize(
    ("expected", "got", "same"),
    [
        ("Talks resume in Cairo", "Talks resume in Cairo.", True),
        ("Talks resume in Cairo", "TALKS RESUME IN CAIRO", True),
        ("Talks resume in Cairo", "Talks resume in Cairo | The Daily", False),
        ("“Quoted” title", '"Quoted" title', True),
    ],
)
def test_same_title(expected: str, got: str, same: bool) -> None:
    assert same_title(expected, got) is same


@pytest.mark.parametrize(
    ("expected", "got", "same"),
    [
        ("Jane Doe and John Roe", "By Jane Doe, John Roe", True),
        ("Jane Doe", "Jane Doe with AFP", False),
        (None, "", True),
        (None, "Staff", False),
        ("Jane Doe", "", False),
    ],
)
def test_same_byline(expected: str | None, got: str, same: bool) -> None:
    assert same_byline(expected, got) is same


def test_a_failed_import_keeps_nothing_and_says_why() -> None:
    expected = {
        "title": "T",
        "byline": "A",
        "date": None,
        "paragraphs": ["p1", "p2"],
        "subheadings": ["s"],
        "boilerplate": ["Share"],
    }
    score = score_page(expected, None, "no title")
    assert (score.kept, score.paragraphs, score.left, score.failed) == (0, 2, 0, "no title")
    imported = {"title": "T", "byline": "A", "date": "", "summary": "", "body": "p1\n\nShare"}
    score = score_page(expected, imported)
    assert (score.kept, score.left, score.title_right, score.byline_right) == (1, 1, True, True)
