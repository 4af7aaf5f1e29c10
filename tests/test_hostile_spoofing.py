"""Contributed links dressed as the site's own: mentions are styled and previewed only
when the generator made them.

The sanitizer strips every class the site's scripts and styles key on from contributed
HTML; the preview script, as a second line, previews only links to pages of the site
(in Chromium: test_hostile_spoofing_browser.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.body.render import render_body
from generator.body.sanitize import MENTION_CLASS, sanitize, sanitize_rendered
from generator.content.matcher import AliasMatcher
from generator.content.model import Entity
from generator.site.build import generate

SAMPLE = Path(__file__).parent / "sample" / "content"
EVIL = "https://evil.example/actors/benjamin-netanyahu/"

# contributed HTML, what the sanitizer leaves of it
SANITIZED = [
    (f'<a class="ea-mention" href="{EVIL}">N</a>', f'<a href="{EVIL}">N</a>'),
    ('<a class="ea-mention md-button" href="x">N</a>', '<a href="x">N</a>'),
    ('<span class="ea-preview">card</span>', "<span>card</span>"),
    # nh3 leaves an empty class where the element may carry some class but none is allowed.
    ('<div class="ea-prose md-typeset">t</div>', '<div class="">t</div>'),
    ('<p class="ea-preview__name">n</p>', '<p class="">n</p>'),
    ('<a href="x" data-md-component="search-query">s</a>', '<a href="x">s</a>'),
    ('<span id="__config">{"base": "//evil"}</span>', '<span>{"base": "//evil"}</span>'),
    ('<a href="x" data-pagefind-filter="actor">a</a>', '<a href="x">a</a>'),
    # What Markdown writes for "!!! note" stays: it is the same either way.
    (
        '<div class="admonition note"><p class="admonition-title">Note</p></div>',
        '<div class="admonition note"><p class="admonition-title">Note</p></div>',
    ),
]


@pytest.mark.parametrize(("contributed", "kept"), SANITIZED)
def test_contributed_html_loses_the_sites_own_classes(contributed: str, kept: str) -> None:
    assert sanitize(contributed) == kept


def test_only_the_linkers_mark_keeps_the_mention_class() -> None:
    marked = f'<a class="{MENTION_CLASS}" href="../../actors/x/">X</a>'
    linked = '<a class="ea-mention" href="../../actors/x/">X</a>'
    assert sanitize_rendered(marked) == linked
    assert sanitize_rendered(linked) == '<a href="../../actors/x/">X</a>'
    assert sanitize(marked) == '<a href="../../actors/x/">X</a>'


def _entity() -> Entity:
    return Entity("zorblax", "actors", "actors/zorblax.md", "Zorblax", "person", ("Zorblax",), "S")


@pytest.mark.parametrize(
    "body",
    [
        f'<a class="ea-mention" href="{EVIL}">Zorblax</a> spoke.',
        f'<p><a class="ea-mention" href="{EVIL}">Zorblax</a></p>\n\nZorblax spoke.',
        f'[Zorblax]({EVIL}) and <span class="ea-mention">Zorblax</span>',
    ],
)
def test_a_rendered_body_marks_only_the_generators_links(body: str) -> None:
    entity = _entity()
    rendered = render_body(body, AliasMatcher([entity]), {"zorblax": "../../actors/zorblax/"})
    soup = BeautifulSoup("".join(b.content for b in rendered.blocks), "html.parser")
    marked = soup.select(".ea-mention")
    assert all(a.name == "a" and a["href"] == "../../actors/zorblax/" for a in marked)
    assert len(marked) <= 1


def test_the_built_page_has_no_dressed_mention(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SAMPLE, content)
    front = '---\ntitle: "Dressed"\ndate: 2024-01-02\nsummary: "S."\n---\n'
    body = f'<a class="ea-mention" href="{EVIL}">Oduya</a> spoke, and so did Oduya.\n'
    (content / "articles" / "dressed.md").write_text(front + body, encoding="utf-8")
    generation = generate(content)
    assert generation.errors == ()
    [page] = [p for p in generation.pages if p.path == "articles/dressed.md"]
    soup = BeautifulSoup(page.text, "html.parser")
    assert [a["href"] for a in soup.select("a.ea-mention")] == ["../../actors/mara-oduya/"]
    assert [a.get("class") for a in soup.select(f'a[href="{EVIL}"]')] == [None]
