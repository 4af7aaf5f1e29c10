"""The importer end to end: every corpus page against its reviewed golden output."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import frontmatter
import pytest

from generator.content.model import Source
from generator.importer import ImportedArticle, ImportFailure, import_file, import_text
from generator.importer.render import render_article

CORPUS = Path(__file__).parent / "import_corpus"
SEED = Path(__file__).parent / "seed" / "000_a168934be57dd3a8.txt"  # a copy of the seed page
SEED_TITLE = (
    "Blinken leaves the Middle East after failing to secure a breakthrough in the latest "
    "high-stakes round of ceasefire negotiations"
)
# Set to regenerate the golden files after a deliberate change; review the diff, then rerun.
UPDATE = os.environ.get("UPDATE_IMPORT_GOLDEN") == "1"

# (input, the --date argument or None, why this page is in the corpus)
CASES = [
    ("seed", dt.date(2024, 8, 21), "the seed: subheadings, byline 'with AFP', sign-up tail"),
    ("text_wire_dateline.txt", None, "wire copy: top byline, date + relative stamp, dateline"),
    ("text_afp_captions.txt", None, "captions, credits, 'Read more:', lone agency line"),
    ("text_crlf_wrapped.txt", None, "CRLF, hard-wrapped at 70, subheadings, tags, copyright"),
    ("text_no_blank_lines.txt", None, "no blank lines, cookie notice, menu, comments widget"),
    ("text_lists_escapes.txt", dt.date(2024, 11, 18), "lists, Markdown escapes, 'Related:'"),
    ("text_wrapped_no_blank.txt", None, "wrapped lines and no blank lines; byline | date"),
    ("text_kicker_trailing_name.txt", None, "section label, '?' title, bare-name byline"),
    ("text_site_widgets.txt", None, "menus, dek, save/listen widgets, 'KEEP READING' list"),
    ("html_article_og.html", None, "<article>, Open Graph, figure, aside, lists, quote"),
    ("html_div_soup.html", None, "no <article>: densest block; printed byline and date"),
    ("html_json_ld.html", None, "JSON-LD @graph, <main>, ol, table, embeds, pull quote"),
    ("html_no_metadata.html", None, "no metadata: <title>, text date, <br><br>, (AP) —"),
    ("html_needs_date.html", dt.date(2024, 5, 4), "no date on the page: --date supplies it"),
    ("html_windows_1252.html", None, "legacy encoding declared in <meta charset>"),
    ("html_wordpress.html", None, "blog theme: entry-meta 'Posted on ... by ...', share, related"),
    ("html_component_blocks.html", None, "data-component blocks, BBC-style captions, bold lede"),
    ("html_table_layout.html", None, "1990s table layout, <font>, <br> byline and date, CTA"),
]


def _input(name: str) -> Path:
    return SEED if name == "seed" else CORPUS / name


def _golden(name: str, suffix: str) -> Path:
    return CORPUS / f"{Path(name).stem}{suffix}"


def _dropped_text(article: ImportedArticle) -> str:
    return "".join(f"{line.reason}: {line.text}\n" for line in article.dropped)


def _check_golden(path: Path, actual: str) -> None:
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
        pytest.fail(f"rewrote {path.name}; review the diff and rerun without UPDATE_IMPORT_GOLDEN")
    assert actual == path.read_text(encoding="utf-8"), f"differs from {path.name}"


def test_corpus_is_large_enough_and_complete():
    inputs = sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".txt", ".html"))
    assert sorted(name for name, *_ in CASES if name != "seed") == inputs
    assert len(inputs) >= 12


@pytest.mark.parametrize(("name", "date", "why"), CASES, ids=[c[0] for c in CASES])
def test_corpus_page_matches_golden_article(name, date, why):
    article = import_file(_input(name), date)
    _check_golden(_golden(name, ".expected.md"), render_article(article))


@pytest.mark.parametrize(("name", "date", "why"), CASES, ids=[c[0] for c in CASES])
def test_corpus_page_drops_golden_lines(name, date, why):
    article = import_file(_input(name), date)
    _check_golden(_golden(name, ".dropped"), _dropped_text(article))


@pytest.mark.parametrize(("name", "date", "why"), CASES, ids=[c[0] for c in CASES])
def test_golden_articles_are_valid_front_matter(name, date, why):
    post = frontmatter.loads(_golden(name, ".expected.md").read_text(encoding="utf-8"))
    assert list(post.metadata)[:2] == ["title", "date"]
    assert isinstance(post.metadata["date"], dt.date)
    assert post.metadata["summary"] in post.content
    assert post.metadata["title"] not in post.content


# --- the seed, fact by fact -------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_article() -> ImportedArticle:
    assert SEED.is_file(), f"the seed article is missing: {SEED}"
    return import_file(SEED, dt.date(2024, 8, 21))


def _seed_paragraphs() -> list[str]:
    return [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def test_seed_front_matter(seed_article):
    assert seed_article.title == SEED_TITLE
    assert seed_article.date == dt.date(2024, 8, 21)
    assert seed_article.byline == "Shaun Tandon with AFP"
    assert seed_article.source == Source(name="AFP")
    assert seed_article.summary == _seed_paragraphs()[1]


def test_seed_subheadings(seed_article):
    assert "\n## Sticking Point\n" in seed_article.body
    assert "\n## Ongoing Violence\n" in seed_article.body


@pytest.mark.parametrize(
    "furniture",
    [
        "Subscribe to our newsletter",
        "Newsletter signup",
        "Please wait...",
        "Thank you for sign up!",
        "Shaun Tandon with AFP",
    ],
)
def test_seed_furniture_is_not_in_the_body(seed_article, furniture):
    assert furniture not in seed_article.body
    assert furniture in [line.text for line in seed_article.dropped]


def test_seed_keeps_every_other_paragraph_word_for_word(seed_article):
    furniture = {
        "Subscribe to our newsletter",
        "Newsletter signup",
        "Please wait...",
        "Thank you for sign up!",
        "Shaun Tandon with AFP",
        "Sticking Point",
        "Ongoing Violence",
    }
    expected = [p for p in _seed_paragraphs()[1:] if p not in furniture]
    body = [p for p in seed_article.body.split("\n\n") if not p.startswith("## ")]
    assert body == expected
    assert "“schedule and location”" in seed_article.body


def test_seed_without_a_date_asks_for_one():
    with pytest.raises(ImportFailure, match=r"000_a168934be57dd3a8\.txt.*--date YYYY-MM-DD"):
        import_file(SEED)


# --- the public function's contract --------------------------------------------------------


def test_date_argument_overrides_the_page_date():
    article = import_file(CORPUS / "text_afp_captions.txt", dt.date(2020, 1, 2))
    assert article.date == dt.date(2020, 1, 2)


def test_imported_article_is_frozen(seed_article):
    with pytest.raises(AttributeError):
        seed_article.title = "changed"  # type: ignore[misc]


def test_import_file_writes_nothing(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Headline here\n\nPublished 2 May 2024\n\nA first paragraph.\n")
    import_file(page)
    assert [p.name for p in tmp_path.iterdir()] == ["page.txt"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "no title"),
        (b"\n\n   \n", "no title"),
        (b"Subscribe to our newsletter\n\nPlease wait...\n", "no title"),
        (b"%PDF-1.7\x00\x00\x01binary", "not a text file"),
        (
            b"A long first line that reads like a paragraph. It has several sentences. "
            b"Nothing here is a headline. It just goes on.\n\nMore.\n",
            "no title",
        ),
        (b"Headline only\n\nPublished 2 May 2024\n", "no article text"),
    ],
    ids=["empty", "blank", "only-furniture", "binary", "paragraph-first", "title-only"],
)
def test_unusable_input_raises_import_failure_naming_the_file(tmp_path, content, message):
    page = tmp_path / "broken.txt"
    page.write_bytes(content)
    with pytest.raises(ImportFailure, match=message) as failure:
        import_file(page, dt.date(2024, 1, 1))
    assert str(page) in str(failure.value)


def test_missing_file_raises_import_failure(tmp_path):
    with pytest.raises(ImportFailure, match="cannot be read") as failure:
        import_file(tmp_path / "nope.txt")
    assert "nope.txt" in str(failure.value)


def test_html_is_recognised_by_content_whatever_the_suffix(tmp_path):
    page = tmp_path / "saved.txt"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Port reopens</title></head><body><article>"
        "<h1>Port reopens</h1><p>The port reopened on Monday, officials said.</p>"
        "</article></body></html>"
    )
    article = import_file(page, dt.date(2024, 1, 1))
    assert (article.title, article.body) == (
        "Port reopens",
        "The port reopened on Monday, officials said.",
    )


def test_title_final_full_stop_is_removed_but_ellipsis_and_question_kept():
    def title(first: str) -> str:
        return import_text(f"{first}\n\nBody text here.\n", date=dt.date(2024, 1, 1)).title

    assert title("Talks end.") == "Talks end"
    assert title("Talks end...") == "Talks end..."
    assert title("Will talks end?") == "Will talks end?"


def test_title_is_not_repeated_in_the_body():
    text = "Talks end in Cairo\n\nTalks end in Cairo\n\nThe talks ended on Monday.\n"
    article = import_text(text, date=dt.date(2024, 1, 1))
    assert article.body == "The talks ended on Monday."
    assert ("Talks end in Cairo", "title (repeated)") in [
        (d.text, d.reason) for d in article.dropped
    ]
