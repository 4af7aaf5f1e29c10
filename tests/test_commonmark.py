"""The CommonMark dialect of bodies, and mentions linked on its token stream.

What contributors can write (GitHub's tables and strikethrough, Material's admonitions,
definition lists) and where a mention is linked, recorded or left alone when raw HTML
surrounds it.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from generator.body.render import markdown_to_html, render_body
from generator.content.matcher import AliasMatcher
from generator.content.model import Entity

ZORBLAX = Entity("zorblax", "actors", "z.md", "Zorblax", "person", ("Zorblax",), "S")
HREFS = {"zorblax": "../../actors/zorblax/"}


def _rendered(text: str):
    rendered = render_body(text, AliasMatcher([ZORBLAX]), HREFS)
    html = "".join(b.content for b in rendered.blocks if b.kind == "html")
    return rendered, BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize(
    ("text", "selector", "content"),
    [
        ("| a | b |\n|---|--:|\n| c | d |", "table td[style='text-align:right']", "d"),
        ("Was ~~wrong~~ right.", "p s", "wrong"),
        ('!!! note "Read it"\n    Inside.', "div.admonition.note p.admonition-title", "Read it"),
        ("!!! warning\n    Inside.", "div.admonition.warning p.admonition-title", "Warning"),
        ("!!! tip\n    Inside **bold**.", "div.admonition.tip strong", "bold"),
        ("Term\n: The definition.", "dl dd", "The definition."),
        ("1. one\n2. two", "ol li", "one"),
        ("```python\nx = 1\n```", "pre code", "x = 1\n"),
        ("A line  \nbreak", "p br", ""),
        ("\\<b>literal\\</b>", "p", "<b>literal</b>"),
    ],
)
def test_the_dialect_renders_as_githubs_preview(text: str, selector: str, content: str) -> None:
    _, soup = _rendered(text)
    found = soup.select_one(selector)
    assert found is not None, str(soup)
    assert found.get_text() == content


@pytest.mark.parametrize(
    ("text", "linked", "sentence"),
    [
        ("Zorblax spoke.", 1, "Zorblax spoke."),
        ("<b>Zorblax</b> spoke.", 1, "Zorblax spoke."),
        ('<a href="https://example.org">Zorblax</a> spoke.', 0, "Zorblax spoke."),
        ("[Zorblax](https://example.org) spoke.", 0, "Zorblax spoke."),
        ("<code>Zorblax</code> spoke.", 0, None),
        ("<kbd>Zorblax</kbd> spoke.", 0, None),
        ("<script>Zorblax</script> spoke.", 0, None),
        ("<div>\nZorblax in a raw block\n</div>", 0, None),
        ("`Zorblax` spoke.", 0, None),
        ("    Zorblax in an indented code block", 0, None),
        ("## Zorblax\n\nNobody else.", 0, "Zorblax"),
        ('!!! note "Zorblax"\n    Inside.', 1, "Zorblax"),
        ("| Zorblax | b |\n|---|---|\n| c | d |", 1, "Zorblax"),
        ("~~Zorblax~~ spoke.", 1, "Zorblax spoke."),
        ('<a href="x">open <b>Zorblax</b></a> then Zorblax.', 1, "open Zorblax then Zorblax."),
    ],
)
def test_mentions_on_text_tokens_only(text: str, linked: int, sentence: str | None) -> None:
    rendered, soup = _rendered(text)
    assert len(soup.select("a.ea-mention")) == linked
    assert [f.sentence for f in rendered.found] == ([sentence] if sentence else [])


def test_the_link_after_a_contributed_link_is_the_generators() -> None:
    _, soup = _rendered('<a href="x">Zorblax</a> and <b>Zorblax</b> again.')
    (mention,) = soup.select("a.ea-mention")
    assert mention.parent.name == "b" and mention["href"] == HREFS["zorblax"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("![x](javascript:alert(1))", "javascript: URLs are refused"),
        ("![x][r]\n\n[r]: https://example.org/x.png", "remote images are refused"),
        ("<img src=x>", "raw <img> tags are removed"),
        ("Text <marquee>m</marquee>.", "HTML not allowed, removed: <marquee>"),
        ("[x](javascript:alert(1))", "event handlers or script URLs removed"),
        ("[x]( JAVASCRIPT:alert(1))", "event handlers or script URLs removed"),
        ('<p onclick="x()">p</p>', "event handlers or script URLs removed"),
    ],
)
def test_check_says_what_the_sanitizer_removes(text: str, message: str) -> None:
    _, notes = markdown_to_html(text)
    assert any(message in note.message for note in notes), notes


@pytest.mark.parametrize(
    "text",
    ["`<marquee>` in code", "```\n<marquee><img src=x>\n```", "Prose about &lt;img&gt; tags"],
)
def test_check_is_quiet_about_html_that_is_only_text(text: str) -> None:
    assert markdown_to_html(text)[1] == ()


def test_every_allowed_level_of_nesting_is_rendered() -> None:
    text = "".join("  " * level + f"- item {level}\n" for level in range(30))
    html, notes = markdown_to_html(text)
    assert notes == () and "item 29" in html
