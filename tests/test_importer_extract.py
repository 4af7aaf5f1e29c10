"""The HTML importer with a second opinion: trafilatura's vote, mis-nested headings, layout
classes that are not furniture, and the benchmark's score as this project computes it."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from benchmarks.article_metric import PageCounts, page_counts, score, shingles
from generator.importer import import_html
from generator.importer.html_extract import keep_agreed
from generator.importer.html_repair import close_open_headings
from generator.importer.model import Block

DAY = dt.date(2024, 5, 1)
ARTICLE = "".join(
    f"<p>Paragraph {n} of the report says the port reopened after the long strike ended.</p>"
    for n in range(1, 7)
)


def page(body: str) -> str:
    return f"<html><head><title>Port reopens</title></head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("body", "kept", "gone"),
    [
        # Bootstrap's float class is not a pull quote.
        (f"<div class='pull-left'>{ARTICLE}</div>", "Paragraph 3 of the report", None),
        # A site that wraps the whole page in a form keeps its article.
        (f"<form action='/'><div>{ARTICLE}</div></form>", "Paragraph 3 of the report", None),
        # A real pull quote still goes.
        (
            f"{ARTICLE}<div class='pull-quote'>Quote repeated in large type.</div>",
            "Paragraph 6",
            "Quote repeated",
        ),
        # Teasers under a "Most read" header go, though an extractor keeps them.
        (
            f"<div>{ARTICLE}<p><b>Most read</b><br><a href='https://x.example/a'>Road works"
            " on Main Street</a><br><a href='https://x.example/b'>School wins award</a></p></div>",
            "Paragraph 6",
            "Road works",
        ),
    ],
    ids=["pull-left", "form-wrapper", "pull-quote", "most-read"],
)
def test_page_body(body, kept, gone):
    text = import_html(page(body), date=DAY).body
    assert kept in text
    assert gone is None or gone not in text


def test_heading_left_open_ends_before_the_article():
    soup = BeautifulSoup("<h2>Standfirst here</h3><div><p>Body text.</p></div>", "html.parser")
    close_open_headings(soup)
    assert [h.get_text() for h in soup("h2")] == ["Standfirst here"]
    assert soup.h2.find_next_sibling("div").p.get_text() == "Body text."


@pytest.mark.parametrize(
    ("block", "reason"),
    [
        (Block("paragraph", "The port reopened after the long strike ended."), None),
        (Block("paragraph", "Weather"), "outside the article text"),
        (Block("paragraph", "Sign up for our newsletter"), "newsletter sign-up"),
        (Block("paragraph", "Port reopens"), None),  # the title: left for the assembly
    ],
    ids=["held", "outside", "outside-with-rule", "title"],
)
def test_blocks_are_voted_on(block, reason):
    text = "The port reopened after the long strike ended.\nOfficials welcomed it."
    lead = Block("paragraph", "Officials welcomed it.")
    out = keep_agreed([lead, block], text, "Port reopens")[1:]
    assert [b.reason or None for b in out] == [reason]


@pytest.mark.parametrize(
    ("truth", "extracted", "counts"),
    [
        ("a b c d e", "a b c d e", (1.0, 0.0, 0.0)),
        ("a b c d e", "a b c d", (0.5, 0.0, 0.5)),
        ("a b c d e", "", (0.0, 0.0, 1.0)),
        ("", "x y", (0.0, 1.0, 0.0)),
        ("", "", (0.0, 0.0, 0.0)),
        ("A b c d", "a b c d", (0.0, 0.5, 0.5)),  # case counts
    ],
    ids=["same", "half", "nothing", "extra", "both-empty", "case"],
)
def test_page_counts(truth, extracted, counts):
    assert page_counts(truth, extracted) == PageCounts(*counts)


def test_short_text_is_one_shingle():
    assert shingles("one two") == {("one", "two"): 1}


def test_score_averages_pages_and_skips_empty_sides():
    pages = [PageCounts(1.0, 0.0, 0.0), PageCounts(0.5, 0.0, 0.5), PageCounts(0.0, 0.0, 1.0)]
    result = score(pages)
    assert (result.precision, result.recall) == (1.0, 0.5)  # the empty extraction: no precision
    assert result.f1 == pytest.approx(2 / 3)
