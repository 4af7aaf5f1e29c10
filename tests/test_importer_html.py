"""HTML pages: where title, date, byline and source come from, and how the body is kept."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.content.model import Source
from generator.importer import ImportFailure, import_html

DAY = dt.date(2024, 1, 1)


def page(head: str = "", body: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


ARTICLE = (
    "<article><h1>Port reopens</h1><p>The port reopened on Monday, officials said.</p></article>"
)


@pytest.mark.parametrize(
    ("head", "body", "title"),
    [
        (
            '<meta property="og:title" content="From OG"><title>From title</title>',
            "<h1>From h1</h1><p>Text of the article.</p>",
            "From OG",
        ),
        ("<title>From title</title>", "<h1>From h1</h1><p>Text of the article.</p>", "From h1"),
        ("<title>From title | Site</title>", "<p>Text of the article.</p>", "From title"),
        (
            '<meta property="og:site_name" content="The Post"><title>Headline - The Post</title>',
            "<p>Text of the article.</p>",
            "Headline",
        ),
        (
            '<meta property="og:site_name" content="The Post">'
            '<meta property="og:title" content="Headline | The Post">',
            "<p>Text of the article.</p>",
            "Headline",
        ),
        (
            '<meta property="og:site_name" content="The Post">',
            '<h1 class="logo">The Post</h1><article><h1>Real headline.</h1>'
            "<p>Text of the article.</p></article>",
            "Real headline",
        ),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "From LD"}'
            "</script>",
            "<p>Text of the article.</p>",
            "From LD",
        ),
    ],
    ids=[
        "og-first",
        "h1-before-title",
        "title-suffix",
        "site-suffix",
        "og-suffix",
        "logo-h1",
        "json-ld",
    ],
)
def test_title_sources(head, body, title):
    assert import_html(page(head, body), date=DAY).title == title


@pytest.mark.parametrize(
    ("head", "body", "date"),
    [
        (
            '<meta property="article:published_time" content="2024-08-21T23:30:00-04:00">',
            '<time datetime="2024-08-25">25 Aug</time>',
            dt.date(2024, 8, 21),
        ),
        ('<meta itemprop="datePublished" content="2024-08-20">', "", dt.date(2024, 8, 20)),
        (
            '<script type="application/ld+json">[{"@type": "NewsArticle",'
            '"datePublished": "2024-08-19T10:00:00Z"}]</script>',
            "",
            dt.date(2024, 8, 19),
        ),
        ("", '<time datetime="2024-08-18T08:00">Sunday</time>', dt.date(2024, 8, 18)),
        ("", "<p class='meta'>Published 17 August 2024</p>", dt.date(2024, 8, 17)),
        ('<meta property="article:modified_time" content="2024-08-16">', "", dt.date(2024, 8, 16)),
        (
            '<script type="application/ld+json">{broken json</script>'
            '<meta name="date" content="2024-08-15">',
            "",
            dt.date(2024, 8, 15),
        ),
    ],
    ids=[
        "og-over-time",
        "itemprop",
        "json-ld-list",
        "time-tag",
        "printed",
        "modified-last",
        "broken-json-ld",
    ],
)
def test_date_sources(head, body, date):
    html = page("<title>Port reopens</title>" + head, body + ARTICLE)
    assert import_html(html).date == date


def test_no_date_anywhere_asks_for_one():
    with pytest.raises(ImportFailure, match="--date YYYY-MM-DD"):
        import_html(page("<title>Port reopens</title>", ARTICLE), name="saved.html")


def test_date_argument_overrides_metadata():
    html = page('<meta property="article:published_time" content="2024-08-21">', ARTICLE)
    assert import_html(html, date=DAY).date == DAY


@pytest.mark.parametrize(
    ("head", "body", "byline"),
    [
        ('<meta name="author" content="Jane Doe">', "", "Jane Doe"),
        (
            '<meta name="author" content="https://social.example/janedoe">'
            '<meta name="author" content="John Roe">',
            "",
            "John Roe",
        ),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
            '[{"name": "Anna Keller"}, {"name": "Luca Moretti"}, {"name": "Ivo Novak"}]}</script>',
            "",
            "Anna Keller, Luca Moretti and Ivo Novak",
        ),
        ("", '<a rel="author" href="/a/jd">Jane Doe</a>', "Jane Doe"),
        ("", '<div class="byline">By Jane Doe | 21 August 2024</div>', "Jane Doe"),
        ("", '<div class="byline">Read our coverage of the talks</div>', ""),
    ],
    ids=["meta", "url-skipped", "json-ld-people", "rel-author", "byline-class", "not-a-name"],
)
def test_byline_sources(head, body, byline):
    assert import_html(page(head, body + ARTICLE), date=DAY).byline == byline


@pytest.mark.parametrize(
    ("head", "body", "source"),
    [
        (
            '<meta property="og:site_name" content="The Post">'
            '<link rel="canonical" href="https://post.example/a">',
            "",
            Source("The Post", "https://post.example/a"),
        ),
        (
            '<meta property="og:url" content="https://post.example/b">',
            "",
            Source("", "https://post.example/b"),
        ),
        ('<link rel="canonical" href="/relative">', "", None),
        ("", "<p>Jane Doe with AFP</p>", Source("AFP")),
        (
            '<meta property="og:site_name" content="The Post">',
            "<p>Jane Doe with AFP</p>",
            Source("The Post"),
        ),
        ("", "", None),
    ],
    ids=[
        "site-and-canonical",
        "og-url-only",
        "relative-url-ignored",
        "agency-from-byline",
        "site-wins-over-agency",
        "nothing-stated",
    ],
)
def test_source(head, body, source):
    html = page(
        head, f"<article><h1>Port reopens</h1><p>The port reopened on Monday.</p>{body}</article>"
    )
    assert import_html(html, date=DAY).source == source


def body_of(article_html: str, head: str = "") -> str:
    html = page("<title>Port reopens</title>" + head, f"<article>{article_html}</article>")
    return import_html(html, date=DAY).body


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        ("<p>One <em> two </em> <strong>three</strong>.</p>", "One *two* **three**."),
        ("<p>Tom &amp; Jerry said 5 * 3.</p>", r"Tom & Jerry said 5 \* 3."),
        (
            "<p>See <a href='https://x.example/a b'>the report</a>.</p>",
            "See [the report](https://x.example/a%20b).",
        ),
        ("<p>See <a href='javascript:void(0)'>this</a>.</p>", "See this."),
        ("<p>Run <code>make build</code> now.</p>", "Run `make build` now."),
        ("<p>First line.<br><br>Second paragraph.</p>", "First line.\n\nSecond paragraph."),
        (
            "<h2>Heading two</h2><p>Text.</p><h3>Three</h3><p>More.</p>",
            "## Heading two\n\nText.\n\n### Three\n\nMore.",
        ),
        (
            "<p>Intro:</p><ul><li>One<ul><li>Nested</li></ul></li><li>Two</li></ul>",
            "Intro:\n\n- One\n    - Nested\n- Two",
        ),
        (
            '<ol start="3"><li>Third</li><li>Fourth</li></ol><p>End.</p>',
            "3. Third\n4. Fourth\n\nEnd.",
        ),
        (
            "<blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote>",
            "> Quoted one.\n>\n> Quoted two.",
        ),
        ("<p>Text.</p><pre>x = 1\ny = 2</pre>", "Text.\n\n```\nx = 1\ny = 2\n```"),
        (
            "<p>Before.</p><script>var ad = 1;</script><style>p{}</style><p>After.</p>",
            "Before.\n\nAfter.",
        ),
        ("<p>Shown.</p><p hidden>Hidden.</p><div style='display: none'>Gone.</div>", "Shown."),
        ("<p>#1 priority, 1. first.</p>", r"\#1 priority, 1. first."),
        ("<p>Said <q>no</q>.</p>", "Said “no”."),
    ],
    ids=[
        "emphasis",
        "entities-escapes",
        "link-space",
        "js-link",
        "code",
        "br-br",
        "headings",
        "nested-list",
        "ol-start",
        "blockquote",
        "pre",
        "script-style",
        "hidden",
        "line-start",
        "q",
    ],
)
def test_body_markdown(html, markdown):
    assert body_of(html) == markdown


def test_relative_links_resolve_against_the_canonical_url():
    head = '<link rel="canonical" href="https://post.example/world/story">'
    assert body_of("<p>See <a href='../other'>this story</a>.</p>", head) == (
        "See [this story](https://post.example/other)."
    )


def test_a_class_name_never_removes_most_of_the_article():
    text = "The port reopened on Monday after a long strike, officials said. " * 5
    html = f"<div class='story social-free'><p>{text.strip()}</p></div>"
    assert body_of(html) == text.strip()


def test_furniture_inside_the_article_is_dropped_and_reported():
    html = (
        "<p>The port reopened on Monday, officials said.</p>"
        "<figure><img src='a.jpg'><figcaption>Ships at anchor (Photo by J. Roe / AFP)</figcaption>"
        "</figure><nav><a href='/'>Home</a></nav><aside><p>Related</p><ul><li>Other story</li></ul>"
        "</aside><div class='newsletter'><p>Get the briefing</p></div>"
        "<p>The strike lasted a week.</p><footer>Tags: Ports</footer>"
    )
    article = import_html(
        page("<title>Port reopens</title>", f"<article>{html}</article>"), date=DAY
    )
    assert (
        article.body == "The port reopened on Monday, officials said.\n\nThe strike lasted a week."
    )
    assert [(d.reason, d.text) for d in article.dropped] == [
        ("photo caption or credit", "Ships at anchor (Photo by J. Roe / AFP)"),
        ("navigation", "Home"),
        ("related links", "Related"),
        ("related links", "Other story"),
        ("newsletter sign-up", "Get the briefing"),
        ("tag list", "Tags: Ports"),
    ]


def test_div_soup_picks_the_block_with_the_text_not_the_sidebar():
    sidebar = "".join(f"<div><a href='/{i}'>Short teaser headline {i}</a></div>" for i in range(30))
    story = "".join(
        f"<p>Paragraph {i} of the story, which is long enough to count.</p>" for i in range(4)
    )
    html = page(
        "<title>Port reopens</title>",
        f"<div id='side'>{sidebar}</div><div id='main'><div class='txt'>{story}</div></div>",
    )
    article = import_html(html, date=DAY)
    assert article.body.count("\n\n") == 3
    assert "teaser" not in article.body


def test_bold_only_short_paragraph_is_a_subheading():
    assert body_of("<p>Intro text.</p><p><strong>What next</strong></p><p>More text.</p>") == (
        "Intro text.\n\n## What next\n\nMore text."
    )


def test_encoding_comes_from_the_page():
    html = page(
        '<meta charset="windows-1252"><title>Caf\xe9 reopens</title>',
        "<article><p>The caf\xe9 reopened \x96 finally.</p></article>",
    ).encode("latin-1")
    article = import_html(html, date=DAY)
    assert (article.title, article.body) == ("Café reopens", "The café reopened – finally.")


@pytest.mark.parametrize(
    ("raw", "body"),
    [
        ("<p>Talks resumed — at last.</p>".encode(), "Talks resumed — at last."),
        ("<p>Talks resumed \u2013 at last.</p>".encode("cp1252"), "Talks resumed – at last."),
        (
            '<meta charset="iso-8859-1"><p>Talks resumed — at last.</p>'.encode(),
            "Talks resumed — at last.",
        ),
    ],
    ids=["utf8-undeclared", "cp1252-undeclared", "utf8-despite-stale-declaration"],
)
def test_bytes_decode_the_same_on_every_machine(raw, body):
    html = b"<html><head><title>Talks</title></head><body><article>" + raw + b"</article></body>"
    assert import_html(html, date=DAY).body == body
