"""Properties of ``explainer import`` on arbitrary input, checked with hypothesis.

For any bytes or text, as a plain-text file or inside a saved HTML page, the command
either refuses the input with one printable ``error:`` line naming it and writes nothing,
or writes one article that ``generate`` reads without errors (front-matter parses, no
control characters, every value passes its check). It never raises.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from tiers import examples

from generator.importer.command import run
from generator.site.build import generate

SETTINGS = settings(
    deadline=None,
    max_examples=examples(80),
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
    suppress_health_check=[HealthCheck.too_slow],
)
# Every code point, surrogates included: JSON escapes and HTML references reach them all.
ANY_TEXT = st.text(st.characters(codec=None, categories=None), max_size=80)
WORDS = st.lists(ANY_TEXT, min_size=1, max_size=6).map(" ".join)
PROSE = "Negotiators met again in Cairo on Sunday to discuss the terms of a new agreement."
# Random text inside real sentences, so that most examples are imported, not refused.
PARAGRAPH = WORDS.map(lambda words: f"{PROSE} {words} {PROSE}")


def _check_outcome(source: Path, data: bytes, date: dt.date | None) -> None:
    """Import ``data`` from ``source``; assert it is refused cleanly or passes ``check``."""
    source.write_bytes(data)
    content = source.parent / "content"
    out, err = io.StringIO(), io.StringIO()
    status = run(
        [source],
        date=date,
        output_dir=content / "articles",
        force=False,
        report=None,
        content=content,
        out=out,
        err=err,
    )
    articles = list((content / "articles").glob("*.md")) if content.exists() else []
    assert all(line.isprintable() for line in (out.getvalue() + err.getvalue()).splitlines())
    if status == 1:
        assert err.getvalue().startswith("error: ") and articles == []
        return
    assert status == 0 and len(articles) == 1
    assert [(p.field, p.message) for p in generate(content).errors] == []


def _page(title: str, byline: str, body: str, ld: str) -> bytes:
    return (
        f"<html><head><title>{title}</title>"
        f'<meta name="author" content="{html.escape(byline)}">'
        f'<script type="application/ld+json">{ld}</script></head>'
        f"<body><article><h1>{title}</h1><p>{body}</p><p>{PROSE}</p></article></body></html>"
    ).encode("utf-8", "surrogatepass")


@SETTINGS
@given(data=st.binary(max_size=400), html_suffix=st.booleans())
def test_any_bytes_are_refused_or_imported_cleanly(data, html_suffix):
    with tempfile.TemporaryDirectory() as folder:
        name = "page.html" if html_suffix else "page.txt"
        _check_outcome(Path(folder) / name, data, dt.date(2024, 9, 3))


@SETTINGS
@given(title=WORDS, byline=WORDS, body=PARAGRAPH)
def test_any_text_file_is_refused_or_imported_cleanly(title, byline, body):
    text = f"{title}\n\nBy {byline}\n\n{body}\n\n{PROSE}\n"
    # A lone surrogate has no UTF-8 bytes: "?" stands in for it.
    data = text.encode("utf-8", "replace")
    with tempfile.TemporaryDirectory() as folder:
        _check_outcome(Path(folder) / "page.txt", data, dt.date(2024, 9, 3))


@SETTINGS
@given(
    title=WORDS,
    byline=WORDS,
    body=PARAGRAPH,
    headline=ANY_TEXT,
    escaped=st.booleans(),
)
def test_any_html_page_is_refused_or_imported_cleanly(title, byline, body, headline, escaped):
    if escaped:
        title, body = html.escape(title), html.escape(body)
    ld = json.dumps({"@type": "NewsArticle", "headline": headline, "author": {"name": byline}})
    with tempfile.TemporaryDirectory() as folder:
        page = _page(title, byline, body, ld)
        _check_outcome(Path(folder) / "page.html", page, dt.date(2024, 9, 3))
