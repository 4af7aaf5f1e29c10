"""Bodies that stay under the file size limit yet would take minutes to render.

Each shape is refused before rendering with a located problem; a body just under each bound
renders. No timings here: the figures are in the modules' comments and the commit messages.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from generator.body.body_bounds import (
    MAX_BRACKET_READING,
    MAX_BRACKETS,
    MAX_LINES,
    MAX_LINES_PER_PARAGRAPH,
    MAX_PARAGRAPHS,
)
from generator.body.html_bounds import MAX_HTML_DEPTH, MAX_HTML_TAGS, MAX_OPEN_INLINE
from generator.body.limits import render_limits
from generator.body.render import markdown_to_html, render_body
from generator.content.matcher import AliasMatcher
from generator.content.model import Article, Entity
from generator.site.build import generate
from generator.site.crossref import (
    APPEARS_WITH_LIMIT,
    COOCCURRENCE_LIMIT,
    ArticleMentions,
    article_mentions,
    cooccurrence_warnings,
    cross_reference,
)
from generator.suggest.core import suggest
from generator.suggest.gazetteer import Gazetteer

SAMPLE = Path(__file__).parent / "sample" / "content"


def paragraphs(*parts: str) -> str:
    """Paragraphs separated by blank lines."""
    return "\n\n".join(parts)


# The reading of 500 unclosed '[' in one paragraph: 3 characters between each and the end.
_UNCLOSED = "[x " * 500
_READING_PER_PARAGRAPH = sum(3 * k for k in range(1, 501))

# name, body, a phrase of the problem, the body line it points at
OVER = [
    (
        "open-bold-per-paragraph",
        paragraphs(*["w"] * 9, *["<b>w"] * 200),
        f"more than {MAX_OPEN_INLINE} inline HTML tags",
        19 + 2 * MAX_OPEN_INLINE,
    ),
    (
        "open-links-per-paragraph",
        paragraphs(*['<a href="x">w'] * (MAX_OPEN_INLINE + 1)),
        "inline HTML tags",
        1 + 2 * MAX_OPEN_INLINE,
    ),
    (
        "div-nesting-across-blank-lines",
        paragraphs(*["<div>\n\nw"] * 200),
        f"nested more than {MAX_HTML_DEPTH} levels",
        1 + 4 * MAX_HTML_DEPTH,
    ),
    (
        "span-nesting",
        "x\n" + "<span>" * (MAX_HTML_DEPTH + 1),
        "HTML nested more than",
        2,
    ),
    (
        "too-many-tags",
        paragraphs(*["<i>x</i> " * 50] * (MAX_HTML_TAGS // 100 + 1)),
        f"(the limit is {MAX_HTML_TAGS})",
        1 + 2 * (MAX_HTML_TAGS // 100),
    ),
    (
        "one-word-paragraphs",
        paragraphs(*["w"] * 250_000),
        f"(the limit is {MAX_PARAGRAPHS})",
        1 + 2 * MAX_PARAGRAPHS,
    ),
    (
        "lines",
        paragraphs(*["w\nw"] * (MAX_LINES // 3 + 2)),
        f"(the limit is {MAX_LINES})",
        MAX_LINES + 1,
    ),
    (
        "headings-without-blank-lines",
        "intro\n\n" + "\n".join(["## w"] * (MAX_LINES_PER_PARAGRAPH + 1)),
        f"more than {MAX_LINES_PER_PARAGRAPH} lines",
        3,
    ),
    (
        "unclosed-brackets-in-many-paragraphs",
        paragraphs(*[_UNCLOSED] * (MAX_BRACKET_READING // _READING_PER_PARAGRAPH + 1)),
        "without a closing ']'",
        1 + 2 * (MAX_BRACKET_READING // _READING_PER_PARAGRAPH),
    ),
    (
        "brackets",
        paragraphs(*["[a](b) " * 100] * (MAX_BRACKETS // 100 + 1)),
        f"(the limit is {MAX_BRACKETS})",
        1,
    ),
]

# The shapes as reported (sizes in KB): each is refused, by one bound or more.
REPORTED = [
    ("bold-per-paragraph-384", paragraphs(*["<b>w"] * 64_000)),
    ("div-nesting-1200", paragraphs(*["<div>\n\nw"] * 120_000)),
    ("one-word-paragraphs-750", paragraphs(*["w"] * 250_000)),
]

# name, body: just under every bound at once where they can be combined
UNDER = [
    ("open-inline", paragraphs(*[f'<b title="{i}">w' for i in range(MAX_OPEN_INLINE)], "end")),
    ("closed-inline-many", paragraphs(*["<b>w</b>"] * (MAX_HTML_TAGS // 2))),
    ("div-depth", paragraphs(*["<div>\n\nw"] * MAX_HTML_DEPTH, "end")),
    ("unclosed-p-and-li", "<ul>" + paragraphs(*["<li><p>w" * 100] * (MAX_HTML_TAGS // 200 - 1))),
    ("paragraphs", paragraphs(*["w"] * MAX_PARAGRAPHS)),
    (
        "headings",
        paragraphs(*["\n".join(["## w"] * MAX_LINES_PER_PARAGRAPH)] * 10),
    ),
    (
        "unclosed-brackets",
        paragraphs(*[_UNCLOSED] * (MAX_BRACKET_READING // _READING_PER_PARAGRAPH)),
    ),
    ("links", paragraphs(*["[a](b) " * 100] * (MAX_BRACKETS // 100))),
    ("escaped-brackets", paragraphs(*["\\[x " * 500] * 50)),
]


@pytest.mark.parametrize(("name", "body", "phrase", "line"), OVER, ids=[r[0] for r in OVER])
@pytest.mark.bounds
def test_an_over_limit_body_is_refused_at_its_line(name, body, phrase, line) -> None:
    problems = render_limits(body)
    matching = [(at, message) for at, message in problems if phrase in message]
    assert matching, problems
    assert matching[0][0] == line
    html, notes = markdown_to_html(body)
    assert html == ""
    assert phrase in " ".join(note.message for note in notes)


@pytest.mark.parametrize(("name", "body"), REPORTED, ids=[r[0] for r in REPORTED])
@pytest.mark.bounds
def test_the_reported_shapes_are_refused(name, body) -> None:
    html, notes = markdown_to_html(body)
    assert html == ""
    assert notes
    assert all("would take too long to render" in note.message for note in notes)
    assert all(note.line for note in notes)


@pytest.mark.parametrize(("name", "body"), UNDER, ids=[r[0] for r in UNDER])
@pytest.mark.bounds
def test_a_body_just_under_the_limits_renders(name, body) -> None:
    assert render_limits(body) == []
    rendered = render_body(body, AliasMatcher([]), {})
    assert rendered.problems == ()
    assert rendered.blocks


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("a [link](x) and [another](y)", []),
        ("`<b>` in code and <b>bold</b>", []),
        ("<p>one<p>two<li>three", []),
        ("<br>" * (MAX_OPEN_INLINE + 5), []),
    ],
)
def test_ordinary_shapes_meet_no_bound(body, expected) -> None:
    assert render_limits(body) == expected


def test_the_problem_names_the_file_line(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SAMPLE, content)
    body = paragraphs("Opening.", *["<b>w"] * (MAX_OPEN_INLINE + 1))
    front = '---\ntitle: "Bold"\ndate: 2024-01-02\nsummary: "S."\n---\n'
    (content / "articles" / "bold.md").write_text(front + body + "\n", encoding="utf-8")
    generation = generate(content)
    problems = [p for p in generation.errors if p.path.endswith("bold.md")]
    assert [(p.field, p.line) for p in problems] == [("body", 6 + 2 * (MAX_OPEN_INLINE + 1))]
    assert "inline HTML tags" in problems[0].message
    assert generation.pages == ()


# --- Co-occurrence: an article naming thousands of entries --------------------------------
def _entity(index: int) -> Entity:
    name = f"Entry {index:05d}"
    return Entity(
        f"e{index:05d}", "actors", f"actors/e{index:05d}.md", name, "person", (name,), "S"
    )


def _article(slug: str, ids: list[str]) -> ArticleMentions:
    article = Article(f"articles/{slug}.md", slug, slug, dt.date(2024, 1, 2), "", actors=tuple(ids))
    return article_mentions(article, ())


def _all_pairs(items: list[ArticleMentions]) -> Counter:
    """Every pair of entries named together, counted without any cap: the reference."""
    pairs: Counter = Counter()
    for item in items:
        pairs.update(combinations(sorted({m.entity_id for m in item.mentions}), 2))
    return pairs


def test_an_article_naming_4000_entries_counts_only_the_cap() -> None:
    entities = {e.id: e for e in map(_entity, range(4000))}
    item = _article("roll-call", list(entities))
    xref = cross_reference([item], entities)
    first = set(list(entities)[:COOCCURRENCE_LIMIT])
    assert set(xref.together) == first
    assert all(len(partners) == APPEARS_WITH_LIMIT for partners in xref.together.values())
    assert {other for partners in xref.together.values() for other, _ in partners} <= first
    # Every entry is still listed as mentioned by the article.
    assert xref.count("e03999") == 1
    [warning] = cooccurrence_warnings([item])
    assert (warning.severity, warning.field) == ("warning", "body")
    assert "names 4000 glossary entries" in warning.message


@pytest.mark.parametrize(
    "named", [[1, 2], [3, 1, 2, 4], list(range(COOCCURRENCE_LIMIT)), list(range(10, 40))]
)
def test_articles_within_the_cap_count_every_pair(named: list[int]) -> None:
    entities = {e.id: e for e in map(_entity, range(COOCCURRENCE_LIMIT + 10))}
    ids = list(entities)
    items = [_article("a", [ids[i] for i in named]), _article("b", [ids[i] for i in named[:3]])]
    xref = cross_reference(items, entities)
    pairs = _all_pairs(items)
    for entity_id, partners in xref.together.items():
        for other, shared in partners:
            assert pairs[tuple(sorted((entity_id, other)))] == shared
    assert set(xref.together) == {i for pair in pairs for i in pair}
    assert cooccurrence_warnings(items) == []


# --- suggest: thousands of distinct names in one article ----------------------------------
def _filler_names(count: int) -> list[str]:
    """Distinct two-word names that share no word with the names under test."""
    letters = "bcdfghjklmnpqrstvwxz"

    def word(i: int) -> str:
        return "Q" + "".join(letters[int(d) * 2] for d in f"{i:05d}") + "o"

    return [f"{word(i)} {word(i + 50_000)}" for i in range(count)]


@pytest.mark.parametrize("filler", [0, 3000])
@pytest.mark.bounds
def test_suggest_merges_the_same_names_among_thousands(filler: int) -> None:
    story = (
        "Antony Blinken flew to Doha on Monday. Officials said Blinken met the emir. "
        "The European Union sent envoys. Officials said the EU would pay."
    )
    crowd = " ".join(f"Officials said {name} spoke." for name in _filler_names(filler))
    body = f"{story}\n\n{crowd}\n\n{story}"
    article = Article("articles/a.md", "a", "A", dt.date(2024, 1, 2), body)
    suggestions = suggest([article], [], Gazetteer())
    candidates = {c.name: c for c in suggestions.candidates}
    assert "Blinken" in candidates["Antony Blinken"].variants
    assert "EU" in candidates["European Union"].variants
    assert "Blinken" not in candidates and "EU" not in candidates
    assert candidates["Antony Blinken"].example == "Antony Blinken flew to Doha on Monday."
    # The shipped weights may pass over a made-up filler name (and, in a page of thousands
    # of capitalised names, over Doha); none may merge with another.
    assert {"Antony Blinken", "European Union"} <= set(candidates)
    others = set(candidates) - {"Antony Blinken", "European Union", "Doha"}
    assert others <= set(_filler_names(filler))
    assert all(not candidates[name].variants for name in others)
