"""Finished HTML passes MkDocs' Markdown pass as a placeholder and comes back unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.output.populate import (
    PopulateError,
    Populator,
    placeholder,
    put_back,
    set_aside,
)
from generator.site.build import generate

REPO = Path(__file__).resolve().parent.parent
SAMPLE_CONTENT = REPO / "tests" / "sample" / "content"
TOKEN = "ab" * 16
PROSE = '<div class="ea-prose">\n<p>One <em>two</em></p>\n</div>'
OTHER = '<div class="ea-prose">\n<table><tr><td>x</td></tr></table>\n</div>'


def mark(index: int) -> str:
    return placeholder(TOKEN, index)


@pytest.mark.parametrize(
    ("markdown", "lengths", "expected"),
    [
        ("# T\n\nlisting", (), "# T\n\nlisting"),
        (f"# T\n\n{PROSE}\n", (len(PROSE),), f"# T\n\n{mark(0)}\n"),
        (PROSE, (len(PROSE),), mark(0)),
        (
            f"# T\n\n{PROSE}\n\n## H\n\n{OTHER}\n\n- a",
            (len(PROSE), len(OTHER)),
            f"# T\n\n{mark(0)}\n\n## H\n\n{mark(1)}\n\n- a",
        ),
        # Another build's placeholder in the text is text, not a block.
        (
            f"{placeholder('cd' * 16, 0)}\n\n{PROSE}",
            (len(PROSE),),
            f"{placeholder('cd' * 16, 0)}\n\n{mark(0)}",
        ),
    ],
)
def test_set_aside_replaces_each_block_and_put_back_restores_it(markdown, lengths, expected):
    done = set_aside(markdown, lengths, TOKEN)
    assert done.markdown == expected
    assert put_back(done.markdown, done.blocks, TOKEN) == markdown


@pytest.mark.parametrize(
    ("markdown", "lengths"),
    [
        ("# T\n\nno prose here", (10,)),
        (f"# T\n\n{PROSE}", (len(PROSE) - 1,)),
        (f"# T\n\n{PROSE}", (len(PROSE) + 1,)),
        (f"# T\n{PROSE}", (len(PROSE),)),
        (f"{PROSE}\nmore", (len(PROSE),)),
        (f"{PROSE}", (len(PROSE), len(PROSE))),
    ],
    ids=["missing", "short", "long", "not-after-blank", "not-before-blank", "one-too-many"],
)
def test_a_block_not_where_the_generator_said_stops_the_build(markdown, lengths):
    with pytest.raises(PopulateError):
        set_aside(markdown, lengths, TOKEN)


@pytest.mark.parametrize(
    "html",
    ["<h1>T</h1>", f"{mark(0)}<p>{mark(0)}</p>", mark(1)],
    ids=["lost", "twice", "wrong-index"],
)
def test_a_placeholder_that_does_not_come_back_once_stops_the_build(html):
    with pytest.raises(PopulateError):
        put_back(html, (PROSE,), TOKEN)


def test_every_build_draws_its_own_token():
    assert Populator().token != Populator().token


def generated_pages():
    generation = generate(SAMPLE_CONTENT)
    assert not generation.errors
    return [page for page in generation.pages if page.finished]


def body(text: str) -> str:
    """The page's Markdown as MkDocs hands it to plugins: without front-matter."""
    return text.split("\n---\n", 1)[1].lstrip("\n")


def test_generated_pages_say_where_their_finished_html_is():
    pages = generated_pages()
    assert pages, "the sample has prose"
    for page in pages:
        done = set_aside(body(page.text), page.finished, TOKEN)
        assert len(done.blocks) == len(page.finished)
        assert "ea-prose" not in done.markdown, page.path


def test_built_pages_hold_the_finished_html_verbatim_and_no_placeholder(sample_site: Path):
    for page in generated_pages():
        built = (sample_site / page.path.removesuffix(".md") / "index.html").read_text()
        assert "explainer-html" not in built, page.path
        for block in set_aside(body(page.text), page.finished, TOKEN).blocks:
            assert block in built, page.path
