"""Rendering and linking: safe HTML, first mention linked, never in code, links or headings."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from tiers import examples

from generator.body.render import link_targets, render_body
from generator.content.matcher import AliasMatcher
from generator.content.model import Entity
from generator.site.markup import md_text

ENTITIES = {
    e.id: e
    for e in [
        Entity(
            "blinken",
            "actors",
            "b.md",
            "Antony Blinken",
            "person",
            ("Antony Blinken", "Blinken"),
            "s",
        ),
        Entity("gaza", "locations", "g.md", "Gaza Strip", "territory", ("Gaza Strip", "Gaza"), "s"),
        Entity("hamas", "actors", "h.md", "Hamas", "organisation", ("Hamas",), "s"),
    ]
}
MATCHER = AliasMatcher(ENTITIES.values())


def _render(text: str, skip: str = ""):
    result = render_body(text, MATCHER, link_targets(ENTITIES, "../../"), skip)
    html = "\n".join(b.content for b in result.blocks if b.kind == "html")
    return result, BeautifulSoup(html, "html.parser")


def _links(soup: BeautifulSoup) -> list[tuple[str, str]]:
    return [(a.get_text(), a["href"]) for a in soup.select("a.ea-mention")]


@pytest.mark.parametrize(
    ("text", "links"),
    [
        (
            "Blinken met Hamas in Gaza.",
            [
                ("Blinken", "../../actors/blinken/"),
                ("Hamas", "../../actors/hamas/"),
                ("Gaza", "../../locations/gaza/"),
            ],
        ),
        ("Blinken and Blinken again.", [("Blinken", "../../actors/blinken/")]),
        ("`Blinken` in code, then Blinken.", [("Blinken", "../../actors/blinken/")]),
        ("```\nBlinken\n```\n\nHamas.", [("Hamas", "../../actors/hamas/")]),
        ("[Blinken](https://example.org) then Blinken.", [("Blinken", "../../actors/blinken/")]),
        ("## Blinken\n\nBlinken spoke.", [("Blinken", "../../actors/blinken/")]),
        ("*Gaza Strip* news", [("Gaza Strip", "../../locations/gaza/")]),
        ("- Hamas\n- Gaza", [("Hamas", "../../actors/hamas/"), ("Gaza", "../../locations/gaza/")]),
        ("> Blinken said", [("Blinken", "../../actors/blinken/")]),
        ("<script>Blinken</script>", []),
    ],
)
def test_first_linkable_mention_is_linked(text: str, links: list[tuple[str, str]]) -> None:
    _, soup = _render(text)
    assert _links(soup) == links


def test_headings_are_returned_as_text_and_not_linked() -> None:
    result, _ = _render("# Blinken in Gaza\n\nText.\n\n### Deeper")
    headings = [(b.level, b.content) for b in result.blocks if b.kind == "heading"]
    assert headings == [(2, "Blinken in Gaza"), (3, "Deeper")]


def test_first_mention_records_its_sentence() -> None:
    result, _ = _render("Talks stalled. Then Blinken flew to Doha. He left.")
    (found,) = result.found
    assert found.sentence == "Then Blinken flew to Doha."
    assert found.sentence[found.start : found.end] == "Blinken"


def test_entity_description_does_not_link_itself() -> None:
    _, soup = _render("Blinken met Hamas.", skip="blinken")
    assert _links(soup) == [("Hamas", "../../actors/hamas/")]


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[x](javascript:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "<a href='javascript:alert(1)'>x</a>",
        "<iframe src='https://example.org'></iframe>",
        "<svg><script>alert(1)</script></svg>",
        "<p onclick='alert(1)'>Blinken</p>",
        "<form action='https://example.org'><input></form>",
        "<div style='background:url(javascript:alert(1))'>x</div>",
        "<base href='https://example.org/'>",
        "<meta http-equiv='refresh' content='0;url=https://example.org'>",
    ],
)
def test_active_content_is_removed(payload: str) -> None:
    _, soup = _render(payload)
    html = str(soup).lower()
    for banned in (
        "<script",
        "onerror",
        "onclick",
        "javascript:",
        "<iframe",
        "<svg",
        "<form",
        "<base",
        "<meta",
        "style=",
    ):
        assert banned not in html


def test_text_about_script_still_reads_correctly() -> None:
    _, soup = _render("Write `<script>` in code, or say &lt;script&gt; in prose.")
    assert soup.get_text().strip() == "Write <script> in code, or say <script> in prose."


_PROSE = st.lists(
    st.sampled_from(
        [
            "Blinken",
            "Antony Blinken",
            "Gaza",
            "Gaza Strip",
            "Hamas",
            "talks",
            "in",
            "the",
            "`code Hamas`",
            "*Gaza*",
            "[link Blinken](https://a.org)",
            ".",
            ",",
            "\n\n",
            "\n\n## Hamas heading\n\n",
            "Blinken’s",
            "Hamas'",
        ]
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=examples(300), deadline=None)
@given(_PROSE)
def test_linking_never_changes_the_text_or_nests_links(text: str) -> None:
    _result, soup = _render(text)
    plain = render_body(text, AliasMatcher([]), {})
    unlinked = BeautifulSoup(
        "\n".join(b.content for b in plain.blocks if b.kind == "html"), "html.parser"
    )
    assert soup.get_text() == unlinked.get_text()
    assert not soup.select("a a")
    assert not soup.select("code a, pre a")
    linked = [a.get_text() for a in soup.select("a.ea-mention")]
    assert len(linked) == len({a["href"] for a in soup.select("a.ea-mention")})


@settings(max_examples=examples(3000), deadline=None)
@given(st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=80))
def test_md_text_renders_back_to_the_same_text(text: str) -> None:
    # Control characters never get this far: reading content rejects them.
    # Pages put this text after a list marker or other text, never at the start of a line.
    folded = " ".join(text.split())
    rendered = markdown.markdown("- " + md_text(folded)) if folded else "<li></li>"
    item = BeautifulSoup(rendered, "html.parser").find("li")
    assert item is not None and item.get_text() == folded
