"""The importer's rules, one table each: furniture, dates, bylines, datelines, escaping."""

from __future__ import annotations

import datetime as dt
import re

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from tiers import examples

from generator.importer import ImportFailure, import_html, import_text
from generator.importer.boilerplate import classify
from generator.importer.credits import metadata_line
from generator.importer.datelines import split_dateline
from generator.importer.dates import date_line, find_date, parse_iso_argument
from generator.importer.markup import heading, paragraph
from generator.importer.text import blocks_from_text, decode

D = dt.date


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Subscribe to our newsletter", "newsletter sign-up"),
        ("Newsletter signup", "newsletter sign-up"),
        ("Sign up", "newsletter sign-up"),
        ("Sign up for our Morning Briefing", "newsletter sign-up"),
        ("Thank you for sign up!", "newsletter sign-up"),
        ("Thanks for subscribing!", "newsletter sign-up"),
        ("Enter your email address", "newsletter sign-up"),
        ("By signing up you agree to our privacy policy.", "newsletter sign-up"),
        ("Please wait...", "progress message"),
        ("Loading…", "progress message"),
        ("We use cookies to improve your experience. By continuing you accept.", "cookie notice"),
        ("Accept all cookies", "cookie notice"),
        ("Cookie settings", "cookie notice"),
        ("Share this article", "share buttons"),
        ("Share", "share buttons"),
        ("Facebook Twitter Email", "share buttons"),
        ("Share on WhatsApp", "share buttons"),
        ("Advertisement", "advertisement"),
        ("ADVERTISEMENT", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Advertisement · Scroll to continue", "advertisement"),
        ("Read more: Israel strikes Gaza", "related links"),
        ("READ MORE: Ceasefire talks resume", "related links"),
        ("Related: Blinken in Cairo", "related links"),
        ("Related stories", "related links"),
        ("More on this story", "related links"),
        ("Most Read", "related links"),
        (
            "Ships at anchor on August 21, 2024. (Photo by Omar Haddad / AFP)",
            "photo caption or credit",
        ),
        ("Smoke rises over the city. Photograph: Jane Doe/Reuters", "photo caption or credit"),
        ("Image: Getty Images", "photo caption or credit"),
        ("Image caption, Residents walk past the market", "photo caption or credit"),
        ("Getty Images", "photo caption or credit"),
        ("AFP via Getty Images", "photo caption or credit"),
        ("REUTERS/Ammar Awad", "photo caption or credit"),
        ("Follow us on Twitter", "social media promotion"),
        ("Download our app", "social media promotion"),
        ("Comments", "comments"),
        ("12 comments", "comments"),
        ("Log in to comment", "comments"),
        ("View all 40 comments", "comments"),
        ("Tags: Gaza, Israel, Hamas", "tag list"),
        ("Topics: Trade, Shipping", "tag list"),
        ("Filed under: World", "tag list"),
        ("© 2024 Daily Planet. All rights reserved.", "copyright notice"),
        ("Copyright 2024 The Daily Planet", "copyright notice"),
        ("Skip to content", "navigation"),
        ("Home > World > Middle East", "navigation"),
        ("Listen to this article", "page controls"),
        ("Support independent journalism", "page controls"),
        ("5 min read", "reading time"),
        ("https://example.com/news/1", "page address"),
    ],
)
def test_furniture_lines_are_recognised(line, reason):
    assert classify(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "The newsletter, published weekly, reported the figures.",
        "Subscribers to the service were told to wait.",
        "Getty Images reported record revenue this quarter, the company said.",
        "The photo by the ministry showed the tunnel.",
        "Comments by the minister drew criticism from Egypt.",
        "Share prices fell in Tel Aviv on Wednesday.",
        "Home to two million people, Gaza has been devastated.",
        "Search teams found three bodies in the rubble.",
        "Follow-up talks are expected next week in Cairo.",
        "Copyright disputes are rare in the region.",
        "Latest figures show the death toll rising.",
        "Picture, if you will, a city without power.",
        "Print media in Egypt reported the talks.",
        "More than 40 people were killed, officials said.",
        "We use a lot of water, farmers said, and cookies are a luxury now.",
        "Sticking Point",
        "Shaun Tandon with AFP",
    ],
)
def test_article_text_is_not_furniture(line):
    assert classify(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published 21 August 2024", ("published", D(2024, 8, 21))),
        ("Updated: Aug. 21, 2024 10:30 AM EDT", ("updated", D(2024, 8, 21))),
        ("Wed 21 Aug 2024 12.00 BST", ("published", D(2024, 8, 21))),
        ("Wednesday, August 21, 2024", ("published", D(2024, 8, 21))),
        ("Published: 21/08/2024 - 14:05", ("published", D(2024, 8, 21))),
        ("Last updated on 22 August 2024 at 09:15 GMT", ("updated", D(2024, 8, 22))),
        ("Posted on 21st August 2024", ("published", D(2024, 8, 21))),
        ("10:30 GMT, 21 August 2024", ("published", D(2024, 8, 21))),
        ("21.08.2024", ("published", D(2024, 8, 21))),
        ("2024-08-21", ("published", D(2024, 8, 21))),
        ("08/09/2024", ("published", None)),  # day and month cannot be told apart
        ("Updated 3 hours ago", ("updated", None)),
        ("on August 21, 2024, the ministry said", None),  # prose, not a stamp
        ("Aug 21", None),  # no year
        ("31 February 2024", ("published", None)),  # no such day
    ],
)
def test_date_lines(line, expected):
    assert date_line(line) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-08-21T23:30:00-04:00", D(2024, 8, 21)),  # the publisher's own calendar day
        ("2024-08-21", D(2024, 8, 21)),
        ("20240821", D(2024, 8, 21)),
        ("Wed, 21 Aug 2024 10:00:00 GMT", D(2024, 8, 21)),
        ("12/31/2024", D(2024, 12, 31)),
        ("no date here", None),
    ],
)
def test_find_date_in_metadata_values(value, expected):
    assert find_date(value) == expected


@pytest.mark.parametrize("value", ["2024-8-21", "21-08-2024", "20240821", "2024-02-30", ""])
def test_date_argument_must_be_iso(value):
    with pytest.raises(ValueError):
        parse_iso_argument(value)


@pytest.mark.parametrize(
    ("line", "byline", "agency"),
    [
        ("Shaun Tandon with AFP", "Shaun Tandon with AFP", "AFP"),
        ("By Jane Doe", "Jane Doe", ""),
        ("BY SHAUN TANDON", "SHAUN TANDON", ""),
        ("By Jane Doe and John Roe, Reuters", "Jane Doe and John Roe, Reuters", "Reuters"),
        ("Maria Lopez, Reuters", "Maria Lopez, Reuters", "Reuters"),
        ("Jane Doe | AFP", "Jane Doe | AFP", "AFP"),
        ("Jane Doe and agencies", "Jane Doe and agencies", ""),
        ("By Jane Doe, Middle East correspondent", "Jane Doe, Middle East correspondent", ""),
        ("By Times of Israel Staff", "Times of Israel Staff", ""),
        ("Author: Hala al-Masri", "Hala al-Masri", ""),
        ("By AFP", "AFP", "AFP"),
        ("AFP", "", "AFP"),
        ("— Reuters", "", "Reuters"),
        ("(Reporting by Jane Doe in Jerusalem; Editing by John Roe)", "Jane Doe in Jerusalem", ""),
    ],
)
def test_bylines_and_agency_credits(line, byline, agency):
    credit = metadata_line(line) or pytest.fail(f"not recognised: {line}")
    assert (credit.byline, credit.agency) == (byline, agency)


def test_byline_and_date_on_one_line():
    credit = metadata_line("By Jane Doe | Published 21 August 2024 | 4 min read")
    assert credit is not None
    assert (credit.byline, credit.published) == ("Jane Doe", D(2024, 8, 21))


@pytest.mark.parametrize(
    "line",
    [
        "By the time the convoy arrived, it was dark",
        "By Tuesday, the army had withdrawn",
        "Hamas and Reuters",
        "Ongoing Violence",
        "Egypt and Qatar",
    ],
)
def test_not_bylines(line):
    assert metadata_line(line) is None


@pytest.mark.parametrize(
    ("paragraph_text", "line", "agency", "rest"),
    [
        (
            "GAZA CITY (AFP) — Israeli strikes hit.",
            "GAZA CITY (AFP) —",
            "AFP",
            "Israeli strikes hit.",
        ),
        (
            "JERUSALEM, Aug 21 (Reuters) - Israel's army said.",
            "JERUSALEM, Aug 21 (Reuters) -",
            "Reuters",
            "Israel's army said.",
        ),
        (
            "KHAN YOUNIS, Gaza Strip, Aug. 21 (AP) — Families fled.",
            "KHAN YOUNIS, Gaza Strip, Aug. 21 (AP) —",
            "AP",
            "Families fled.",
        ),
        (
            "Gaza City (Palestinian Territories) (AFP) - Strikes.",
            "Gaza City (Palestinian Territories) (AFP) -",
            "AFP",
            "Strikes.",
        ),
        ("WASHINGTON — The US said.", "WASHINGTON —", "", "The US said."),
        ("NEW DELHI: Officials said.", "NEW DELHI:", "", "Officials said."),
        ("(AP) — A museum returned.", "(AP) —", "AP", "A museum returned."),
    ],
)
def test_datelines_are_split_off(paragraph_text, line, agency, rest):
    found = split_dateline(paragraph_text)
    assert found is not None
    assert (found.line, found.agency, found.rest) == (line, agency, rest)


@pytest.mark.parametrize(
    "paragraph_text",
    [
        "NATO — the alliance said on Monday.",
        "BREAKING: Hamas says talks resume.",
        "UN — Officials said.",
        "Beirut, Lebanon — Rockets were fired.",
        "Blinken said Israel had agreed - Hamas did not.",
    ],
)
def test_not_datelines(paragraph_text):
    assert split_dateline(paragraph_text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#hashtag politics", r"\#hashtag politics"),
        ("1984. That year", r"1984\. That year"),
        ("2024) was", r"2024\) was"),
        ("- dash start", r"\- dash start"),
        ("> quoted", r"\> quoted"),
        ("---", r"\---"),
        ("Use *this* and _that_ in snake_case", r"Use \*this\* and \_that\_ in snake_case"),
        ("[sic] stays, [a link](x) does not", r"[sic] stays, \[a link\](x) does not"),
        ("a < b and <b>bold</b>", "a < b and &lt;b>bold&lt;/b>"),
        ("AT&T and &amp;", "AT&T and &amp;amp;"),
        ("curly “quotes” — and dashes’", "curly “quotes” — and dashes’"),
        ("back`tick", r"back\`tick"),
    ],
)
def test_escaping_keeps_the_rendered_text(text, expected):
    escaped = paragraph(text)
    assert escaped == expected
    rendered = markdown.markdown(escaped)
    assert rendered.startswith("<p>") and rendered.count("<p>") == 1
    assert "<em>" not in rendered and "<a " not in rendered and "<h" not in rendered


def test_heading_escapes_a_closing_hash():
    assert heading("Point #", 2) == r"## Point \#"
    assert heading("We are #1", 3) == "### We are #1"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"One\r\n\r\nTwo\r\n", ["One", "Two"]),
        (b"One\rTwo", ["One", "Two"]),
        ("caf\u00e9 au lait".encode("cp1252"), ["café au lait"]),
        ("\ufeffWith BOM".encode(), ["With BOM"]),
        ("Netanyahu’s plan – café".encode().decode("cp1252").encode(), ["Netanyahu’s plan – café"]),
    ],
    ids=["crlf", "cr", "cp1252", "bom", "mojibake"],
)
def test_decoding(raw, expected):
    assert [b.text for b in blocks_from_text(decode(raw))] == expected


def test_binary_is_refused():
    with pytest.raises(ValueError):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00")


def test_hard_wrapped_lines_are_joined_and_paragraphs_found_without_blank_lines():
    text = (
        "Electricity demand reached a record high on Sunday as temperatures\n"
        "climbed above 40C, the operator said, urging households to save\n"
        "power.\n"
        "The operator imported power from neighbouring countries for the\n"
        "third day in a row.\n"
        "Water restrictions\n"
        "Several towns in the south have banned the watering of the well-\n"
        "kept gardens.\n"
    )
    assert [b.text for b in blocks_from_text(text)] == [
        "Electricity demand reached a record high on Sunday as temperatures climbed above "
        "40C, the operator said, urging households to save power.",
        "The operator imported power from neighbouring countries for the third day in a row.",
        "Water restrictions",
        "Several towns in the south have banned the watering of the well-kept gardens.",
    ]


def test_lines_of_unwrapped_text_are_paragraphs_each():
    text = "Related:\nCouncil publishes draft budget\nBus fares to stay frozen next year\n"
    assert len(blocks_from_text(text)) == 3


def test_bullets_become_lists():
    blocks = blocks_from_text("Changes:\n• Roads: down\n• Buses: up\n\n1. First\n2. Second\n")
    assert [(b.kind, b.markdown) for b in blocks] == [
        ("paragraph", "Changes:"),
        ("list", "- Roads: down\n- Buses: up"),
        ("list", "1. First\n2. Second"),
    ]


def _words(text: str) -> set[str]:
    """Words, with Markdown's backslash escapes undone ("0\\_" is the word "0_")."""
    return set(re.findall(r"\w+", re.sub(r"\\(.)", r"\1", text)))


_PROSE = st.text(
    alphabet=st.sampled_from(list("abcdefgh ABCDE.,:;!?-—–“”‘’'\"#*_[]()>|/0123456789\n\r\t")),
    max_size=400,
)


@settings(max_examples=examples(300), deadline=None)
@given(_PROSE)
def test_any_text_imports_or_fails_cleanly_and_invents_no_words(text):
    try:
        article = import_text(text, date=D(2024, 1, 1))
    except ImportFailure:
        return
    assert _words(article.body) <= _words(text)
    assert article.title and "\n" not in article.title


_TAGS = st.sampled_from(
    [
        "p",
        "div",
        "span",
        "article",
        "main",
        "aside",
        "nav",
        "h2",
        "ul",
        "li",
        "br",
        "b",
        "a",
        "figure",
        "blockquote",
        "table",
        "tr",
        "td",
        "script",
    ]
)


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.tuples(_TAGS, _PROSE), max_size=12))
def test_any_tag_soup_imports_or_fails_cleanly(parts):
    html = "".join(f"<{tag}>{text}" for tag, text in parts)
    try:
        article = import_html(f"<html><body>{html}</body></html>", date=D(2024, 1, 1))
    except ImportFailure:
        return
    # Inline tags join the words on either side ("0<a>0:" reads "00:"), as a browser shows.
    shown = BeautifulSoup(f"<html><body>{html}</body></html>", "html.parser").get_text(" ")
    assert _words(article.body) <= _words(shown) | _words(
        BeautifulSoup(html, "html.parser").get_text()
    )
