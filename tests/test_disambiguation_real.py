"""Recall on real news text: the name rules keep every name the archive's glossary covers.

Sentences are written out by hand from real articles: the AFP report in content/articles
and pages of tests/import_real (each row says which). Titles stand before names there
("Prime Minister Benjamin Netanyahu", "Top US diplomat Antony Blinken"), and the rules
must keep linking them. The glossary is the archive's own, read from content/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.body.render import render_body
from generator.content.matcher import AliasMatcher
from generator.content.read import read_archive
from generator.site.check import check_archive

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = read_archive(ROOT / "content")
MATCHER = AliasMatcher(ARCHIVE.entities)
HREFS = {entity.id: entity.id for entity in ARCHIVE.entities}
RENDERED = check_archive(ARCHIVE).rendering
AFP = "content/articles/blinken-ceasefire-trip-2024-08-21.md"

REAL = [
    (
        AFP,
        "Top US diplomat Antony Blinken headed home on Wednesday after failing to secure a Gaza "
        "ceasefire, warning both Israel and Hamas his plan may be the last chance to avert a "
        "broader war.",
        ["united-states", "antony-blinken", "gaza-strip", "israel", "hamas"],
    ),
    (
        AFP,
        "The US Secretary of State appealed to Hamas to urgently accept a US-backed truce "
        "proposal, while also entering into a public spat with Israel over its future presence "
        "in the Gaza Strip.",
        ["united-states", "hamas", "israel", "gaza-strip"],
    ),
    (
        AFP,
        "But a day after Blinken said US ally Israel was on board, Prime Minister Benjamin "
        "Netanyahu was quoted by Israeli media as disagreeing on a key sticking point.",
        ["antony-blinken", "united-states", "israel", "benjamin-netanyahu"],
    ),
    (
        AFP,
        "Netanyahu insisted Israel maintain control of the Philadelphi Corridor, the border "
        "between Gaza and Egypt that Israeli forces seized from Hamas.",
        ["benjamin-netanyahu", "israel", "philadelphi-corridor", "gaza-strip", "egypt", "hamas"],
    ),
    (
        AFP,
        "Blinken sought to entice Netanyahu to compromise by offering Israel the prospect of "
        "greater normalization with the Arab world, including Saudi Arabia, guardian of "
        "Islam’s two holiest sites.",
        ["antony-blinken", "benjamin-netanyahu", "israel", "arab-world", "saudi-arabia"],
    ),
    (
        AFP,
        "Blinken then traveled to Doha to meet with Emir Sheikh Tamim bin Hamad Al-Thani, but a "
        "US official said the Qatari ruler was feeling unwell and they would speak by phone.",
        ["antony-blinken", "doha", "tamim-bin-hamad-al-thani", "united-states"],
    ),
    (
        AFP,
        "Airstrikes occurred across Gaza overnight, AFP reporters, first responders and "
        "witnesses said.",
        ["gaza-strip", "afp"],
    ),
    (
        AFP,
        "The Israeli military said it struck about 30 targets throughout Gaza.",
        ["israeli-military", "gaza-strip"],
    ),
    # Titles before names, as news reports write them.
    (
        "news usage",
        "Israeli Prime Minister Benjamin Netanyahu met US Secretary of State Antony Blinken.",
        ["benjamin-netanyahu", "united-states", "antony-blinken"],
    ),
    (
        "news usage",
        "Qatari Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani hosted US President "
        "Joe Biden's envoys in Doha.",
        ["mohammed-bin-abdulrahman-al-thani", "united-states", "joe-biden", "doha"],
    ),
    (
        "bbc-new-york-mass-burials-2020.html",
        "Presumptive Democratic White House nominee Joe Biden joined growing calls on Thursday "
        "for the release of comprehensive racial data on the pandemic.",
        ["joe-biden"],
    ),
    (
        "cbsnews-south-carolina-black-voters-2020.html",
        "So Joe Biden worked for eight years with Barack Obama.",
        ["joe-biden"],
    ),
    (
        "cbsnews-south-carolina-black-voters-2020.html",
        "Biden's drop in the polls offers his Democratic rivals greater expectations for the "
        "next primary.",
        ["joe-biden"],
    ),
    (
        "fivethirtyeight-endorsement-race-2020.html",
        "Elizabeth Warren, Joe Biden and Bernie Sanders during the fifth Democratic "
        "presidential primary debate in Atlanta, Georgia.",
        ["joe-biden"],
    ),
    (
        "intercept-gaza-hospitals-birth-2023.html",
        "Under relentless attack by Israel, over half of the Gaza Strip’s hospitals have shut "
        "down completely, with others cutting services.",
        ["israel", "gaza-strip"],
    ),
    (
        "intercept-gaza-hospitals-birth-2023.html",
        "With most hospitals closed, Gaza’s doctors struggle to care for premature babies.",
        ["gaza-strip"],
    ),
    (
        "intercept-gaza-hospitals-birth-2023.html",
        "Sobhi Skaik, the director of the Turkish Friendship Hospital in the Mughraqa area in "
        "the central Gaza Strip, said in an interview last week.",
        ["gaza-strip"],
    ),
    (
        "citylab-neon-20th-century.txt",
        "The first examples of neon in the United States debuted in Los Angeles.",
        ["united-states"],
    ),
    (
        "aclu-facebook-tracking-non-users-2018.txt",
        "The ACLU has worked to defend and preserve the individual rights and liberties "
        "guaranteed by the Constitution and laws of the United States.",
        ["united-states"],
    ),
]


def _linked(body: str) -> list[tuple[str, str]]:
    html = "".join(b.content for b in render_body(body, MATCHER, HREFS).blocks)
    return re.findall(r'href="([^"]+)">([^<]*)</a>', html)


@pytest.mark.parametrize(("source", "sentence", "expected"), REAL)
def test_real_sentences_keep_their_links(source: str, sentence: str, expected) -> None:
    assert [entity for entity, _ in _linked(sentence)] == expected, source


@pytest.mark.parametrize(
    ("source", "sentence", "kept"),
    [
        # "Gaza City" is another name; the "Gaza" after it is the Strip.
        (
            "intercept-gaza-hospitals-birth-2023.html",
            "Doctors examine an injured child at Al-Shifa Hospital after Israeli attacks on "
            "Gaza City, Gaza, on Oct. 21.",
            [("gaza-strip", "Gaza")],
        ),
        (
            "content/actors/antony-blinken.md",
            "He spent most of his career in government service, including posts on the "
            "National Security Council staff.",
            [],
        ),
    ],
)
def test_real_longer_names_are_not_their_parts(source, sentence, kept) -> None:
    assert _linked(sentence) == kept, source


def _linked_ids(html: str) -> set[str]:
    return {
        href.rstrip("/").rsplit("/", 1)[-1]
        for href in re.findall(r'ea-mention[^"]*" href="([^"]+)"', html)
    }


@pytest.mark.parametrize("article", ARCHIVE.articles, ids=lambda a: a.slug[:40])
def test_every_entry_an_article_names_is_linked(article) -> None:
    """Each entry any of whose aliases the article's text holds is linked in it."""
    html = "".join(b.content for b in RENDERED.bodies[article.slug].blocks if b.kind == "html")
    named = {match.entity_id for match in MATCHER.find(article.body)}
    assert named, "an article of the archive names glossary entries"
    assert named <= _linked_ids(html)
