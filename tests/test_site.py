"""Facts about the built sites, read from their HTML with beautifulsoup4.

The sample archive (``tests/sample/content``) is invented so that each row below exercises
one rule of the linker or the listings; the comments in its articles say which. The seed
archive (``content/``) is the real article the product ships with.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import posixpath
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from markdown_it import MarkdownIt

REPO = Path(__file__).resolve().parent.parent
SAMPLE_CONTENT = REPO / "tests" / "sample" / "content"
SEED_CONTENT = REPO / "content"
SEED_SLUG = "blinken-leaves-the-middle-east-after-failing-to-secure-a-breakthrough-in-the"
SEED_TITLE = (
    "Blinken leaves the Middle East after failing to secure a breakthrough in the latest "
    "high-stakes round of ceasefire negotiations"
)
SEED_LEDE = (
    "Top US diplomat Antony Blinken headed home on Wednesday after failing to secure a Gaza "
    "ceasefire, warning both Israel and Hamas his plan may be the last chance to avert a "
    "broader war."
)
TALKS = "ferry-talks-stall-over-checkpoint"  # the one sample slug derived from its title

_SOUPS: dict[Path, BeautifulSoup] = {}


def soup(site: Path, url: str) -> BeautifulSoup:
    """The parsed page at site-relative directory URL ``url`` ("" is the home page)."""
    file = site / url / "index.html"
    if file not in _SOUPS:
        assert file.is_file(), f"{url or 'home page'} was not built ({file})"
        _SOUPS[file] = BeautifulSoup(file.read_bytes(), "lxml")
    return _SOUPS[file]


def content(site: Path, url: str) -> Tag:
    """The page's content column (what the Markdown produced), without header and nav."""
    article = soup(site, url).select_one("article.md-content__inner")
    assert article is not None, f"{url}: no article.md-content__inner"
    return article


def text(node: Tag) -> str:
    """Visible text with whitespace folded."""
    return " ".join(node.get_text().split())


def target(from_url: str, href: str) -> str:
    """The site-relative directory URL a relative ``href`` on page ``from_url`` points to."""
    joined = posixpath.normpath(posixpath.join(from_url, href.split("#")[0]))
    return "" if joined == "." else joined + "/"


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def section_list(page: Tag, heading_id: str) -> Tag:
    """The list that follows the ``<h2 id=heading_id>`` of a page."""
    heading = page.find("h2", id=heading_id)
    assert heading is not None, f"no <h2 id={heading_id!r}>"
    listing = heading.find_next_sibling(["ul", "ol"])
    assert listing is not None, f"no list after <h2 id={heading_id!r}>"
    return listing


# --- the sample archive itself ----------------------------------------------------------


def test_sample_content_passes_the_cli_check_with_no_problem():
    """``check`` on the sample: no errors; only the planted raw HTML is reported, as warnings."""
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--content", str(SAMPLE_CONTENT)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    planted = SAMPLE_CONTENT / "articles" / "ferry-suspended.md"
    expected = [
        f"warning: {planted}:15: body: HTML not allowed, removed: <script>",
        f"warning: {planted}:16: body: event handlers or script URLs removed",
        "0 error(s), 2 warning(s)",
    ]
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines() == expected


# --- entity links in article bodies -----------------------------------------------------

# Every mention link of each sample article, in document order: (link text, target page).
# A name appears once per article even when the text names it again (first mention only).
ARTICLE_LINKS = {
    "ferry-suspended": [
        ("Oduya’s", "actors/mara-oduya/"),  # possessive, typographic apostrophe
        ("Vesta Strip", "locations/vesta-strip/"),
        ("Daily Lantern", "actors/daily-lantern/"),
        # "Repairs could take weeks, Oduya said." - second mention, not linked
    ],
    "league-session": [
        ("Coastal League", "actors/coastal-league/"),
        ("Port Aurel", "locations/port-aurel/"),
        ("Mara Oduya", "actors/mara-oduya/"),
        ("Norland", "locations/norland/"),
        # "## Reyl answers from the Vesta Strip": a heading, so both link in the next paragraph
        ("Tomas Reyl", "actors/tomas-reyl/"),
        ("Vesta Strip", "locations/vesta-strip/"),
    ],
    TALKS: [
        ("Norland", "locations/norland/"),
        ("Reyl's", "actors/tomas-reyl/"),  # possessive, straight apostrophe
        ("Mara Oduya", "actors/mara-oduya/"),
        # the first "Daily Lantern" is the text of a contributor's link; the second is linked
        ("Daily Lantern", "actors/daily-lantern/"),
        # `Coastal League` and `Vesta` are inline code, then "in Vesta on Thursday" is prose
        ("Vesta", "locations/vesta/"),
        # the fenced block names Norland army and Port Aurel: neither linked nor counted
    ],
    "ferry-timetable": [
        ("Norland", "locations/norland/"),
        ("Vesta Strip", "locations/vesta-strip/"),  # not the city "Vesta": longest match
        ("Mara Oduya", "actors/mara-oduya/"),
        ("Tomas Reyl", "actors/tomas-reyl/"),
        ("Port Aurel", "locations/port-aurel/"),
        ("Norland army", "actors/norland-army/"),  # not the country "Norland": longest match
        ("Coastal League", "actors/coastal-league/"),
    ],
}


@pytest.mark.parametrize(("slug", "expected"), ARTICLE_LINKS.items(), ids=list(ARTICLE_LINKS))
def test_article_links_each_entity_once_at_its_first_linkable_mention(sample_site, slug, expected):
    url = f"articles/{slug}/"
    links = content(sample_site, url).select("a.ea-mention")
    assert [(a.get_text(), target(url, a["href"])) for a in links] == expected


@pytest.mark.parametrize(
    ("slug", "selector", "expected_text"),
    [
        (
            "league-session",
            "h2#reyl-answers-from-the-vesta-strip",
            "Reyl answers from the Vesta Strip",
        ),
        (TALKS, "p code", "Coastal League"),
        (TALKS, "p code:nth-of-type(2)", "Vesta"),
        (TALKS, "pre", "checkpoint log: Norland army unit closed the Port Aurel ferry gate"),
        (TALKS, 'a[href="https://example.org/lantern"]', "Daily Lantern"),
    ],
    ids=["heading", "inline-code", "inline-code-2", "fenced-code", "existing-link"],
)
def test_alias_is_not_linked_inside(sample_site, slug, selector, expected_text):
    node = content(sample_site, f"articles/{slug}/").select_one(selector)
    assert node is not None, selector
    assert text(node).removesuffix("¶").strip() == expected_text
    inner = [a for a in node.find_all("a") if "headerlink" not in a.get("class", [])]
    assert inner == [], f"{selector} contains links: {inner}"
    if node.name == "a":
        assert "ea-mention" not in node.get("class", []), "the contributor's link was rewritten"


@pytest.mark.parametrize("site_name", ["sample_site", "seed_site"])
def test_no_mention_link_inside_headings_code_or_other_links(request, site_name):
    site = request.getfixturevalue(site_name)
    offenders = []
    for file in html_pages(site):
        page = BeautifulSoup(file.read_bytes(), "lxml")
        for link in page.select("a.ea-mention"):
            bad = [
                p.name
                for p in link.parents
                if p.name in {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}
            ]
            if bad:
                offenders.append(f"{file.relative_to(site)}: {link} inside {bad}")
    assert offenders == []


def test_second_mention_in_the_same_article_stays_plain_text(sample_site):
    paragraphs = content(sample_site, "articles/league-session/").find_all("p")
    second = next(p for p in paragraphs if text(p).startswith("Mara Oduya spoke"))
    assert second.find("a") is None
    assert (
        text(second)
        == "Mara Oduya spoke for ten minutes. The Coastal League later published her speech."
    )


# --- the "in this article" boxes ----------------------------------------------------------

# (actors box, locations box), each in order of first mention. A country named under
# `actors:` moves to the actors box; an id listed in `actors:` that no alias catches is added.
BOXES = {
    "ferry-suspended": (["Mara Oduya", "Daily Lantern"], ["Vesta Strip"]),
    "league-session": (
        ["Coastal League", "Mara Oduya", "Tomas Reyl"],
        ["Port Aurel", "Norland", "Vesta Strip"],
    ),
    TALKS: (
        ["Norland", "Tomas Reyl", "Mara Oduya", "Daily Lantern", "Harbour Watch Authority"],
        ["Vesta"],
    ),
    "ferry-timetable": (
        ["Mara Oduya", "Tomas Reyl", "Norland Armed Forces", "Coastal League"],
        ["Norland", "Vesta Strip", "Port Aurel"],
    ),
}


def box(page: Tag, title: str) -> list[Tag]:
    """The entity links of the admonition titled ``title`` ([] when there is none)."""
    for admonition in page.select("div.admonition"):
        heading = admonition.select_one(".admonition-title")
        if heading is not None and text(heading) == title:
            return admonition.select("li > a")
    return []


@pytest.mark.parametrize(("slug", "expected"), BOXES.items(), ids=list(BOXES))
def test_in_this_article_boxes(sample_site, slug, expected):
    url = f"articles/{slug}/"
    page = content(sample_site, url)
    actors, locations = box(page, "Actors in this article"), box(page, "Locations in this article")
    assert ([a.get_text() for a in actors], [a.get_text() for a in locations]) == expected
    for link in actors + locations:
        assert (sample_site / target(url, link["href"]) / "index.html").is_file(), link


def test_box_row_carries_the_entity_summary(sample_site):
    rows = content(sample_site, f"articles/{TALKS}/").select("div.admonition li")
    harbour = next(li for li in rows if li.a.get_text() == "Harbour Watch Authority")
    assert text(harbour) == (
        "Harbour Watch Authority: Port authority that runs the crossings between "
        "Norland and the Vesta Strip."
    )


# --- glossary pages: "Mentioned in" and "Appears with" ------------------------------------

# Per entity, newest first: (date, article slug, quoted sentence, marked text). None for the
# sentence: listed by id in front-matter only, so there is nothing to quote.
MENTIONED_IN = {
    "actors/mara-oduya": [
        (
            "2024-07-02",
            "ferry-timetable",
            "Mara Oduya and Tomas Reyl signed the text in Port Aurel.",
            "Mara Oduya",
        ),
        (
            "2024-05-20",
            TALKS,
            "Mara Oduya blamed the Daily Lantern for leaking the draft, and the Daily Lantern "
            "stood by its report.",
            "Mara Oduya",
        ),
        (
            "2024-02-12",
            "league-session",
            "Foreign minister Mara Oduya opened the meeting and said Norland would not leave "
            "the table.",
            "Mara Oduya",
        ),
        (
            "2023-11-20",
            "ferry-suspended",
            "Oduya’s ministry suspended the ferry to the Vesta Strip on Monday after a fire in "
            "the harbour.",
            "Oduya’s",
        ),
    ],
    # league-session names Reyl and the Vesta Strip first in a heading: not linked there, but
    # the heading is what is quoted (headings count as context in generator/body/render.py).
    "actors/tomas-reyl": [
        (
            "2024-07-02",
            "ferry-timetable",
            "Mara Oduya and Tomas Reyl signed the text in Port Aurel.",
            "Tomas Reyl",
        ),
        ("2024-05-20", TALKS, "Reyl's negotiators walked out after two hours.", "Reyl's"),
        # The heading "Reyl answers from the Vesta Strip" names him first, but a sentence
        # is the better quote, so the paragraph after it is used.
        (
            "2024-02-12",
            "league-session",
            "Governor Tomas Reyl replied from the Vesta Strip within the hour.",
            "Tomas Reyl",
        ),
    ],
    "locations/vesta-strip": [
        (
            "2024-07-02",
            "ferry-timetable",
            "Norland and the Vesta Strip agreed a ferry timetable on Tuesday, ending months of "
            "talks.",
            "Vesta Strip",
        ),
        (
            "2024-02-12",
            "league-session",
            "Governor Tomas Reyl replied from the Vesta Strip within the hour.",
            "Vesta Strip",
        ),
        (
            "2023-11-20",
            "ferry-suspended",
            "Oduya’s ministry suspended the ferry to the Vesta Strip on Monday after a fire in "
            "the harbour.",
            "Vesta Strip",
        ),
    ],
    "actors/coastal-league": [  # not the article that names it only in inline code
        (
            "2024-07-02",
            "ferry-timetable",
            "The Norland army will withdraw from the checkpoint by August, and the Coastal "
            "League will monitor the crossings.",
            "Coastal League",
        ),
        (
            "2024-02-12",
            "league-session",
            "Delegates of the Coastal League met in Port Aurel on Monday for an emergency "
            "session on the ferry dispute.",
            "Coastal League",
        ),
    ],
    "actors/harbour-watch": [("2024-05-20", TALKS, None, None)],
    "actors/daily-lantern": [
        (
            "2024-05-20",
            TALKS,
            "Mara Oduya blamed the Daily Lantern for leaking the draft, and the Daily Lantern "
            "stood by its report.",
            "Daily Lantern",
        ),
        (
            "2023-11-20",
            "ferry-suspended",
            "The Daily Lantern reported that nobody was hurt.",
            "Daily Lantern",
        ),
    ],
    "actors/norland-army": [  # not the article that names it only in a fenced code block
        (
            "2024-07-02",
            "ferry-timetable",
            "The Norland army will withdraw from the checkpoint by August, and the Coastal "
            "League will monitor the crossings.",
            "Norland army",
        ),
    ],
    "locations/norland": [
        (
            "2024-07-02",
            "ferry-timetable",
            "Norland and the Vesta Strip agreed a ferry timetable on Tuesday, ending months of "
            "talks.",
            "Norland",
        ),
        (
            "2024-05-20",
            TALKS,
            "Ferry talks stalled on Tuesday over the checkpoint that Norland wants to keep.",
            "Norland",
        ),
        (
            "2024-02-12",
            "league-session",
            "Foreign minister Mara Oduya opened the meeting and said Norland would not leave "
            "the table.",
            "Norland",
        ),
    ],
    "locations/vesta": [  # never matched inside "Vesta Strip"
        ("2024-05-20", TALKS, "Negotiators met again in Vesta on Thursday.", "Vesta"),
    ],
    "locations/port-aurel": [
        (
            "2024-07-02",
            "ferry-timetable",
            "Mara Oduya and Tomas Reyl signed the text in Port Aurel.",
            "Port Aurel",
        ),
        (
            "2024-02-12",
            "league-session",
            "Delegates of the Coastal League met in Port Aurel on Monday for an emergency "
            "session on the ferry dispute.",
            "Port Aurel",
        ),
    ],
}


def section_items(page: Tag, heading_id: str) -> list[Tag]:
    """The items of every list between the ``<h2 id=heading_id>`` and the next heading.

    The "Mentioned in" timeline puts a list under a label per month.
    """
    heading = page.find("h2", id=heading_id)
    assert heading is not None, f"no <h2 id={heading_id!r}>"
    items = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h1", "h2"):
            break
        if sibling.name in ("ul", "ol"):
            items += sibling.find_all("li", recursive=False)
    return items


def month_labels(page: Tag) -> list[str]:
    """The month labels of the "Mentioned in" timeline, in page order."""
    return [text(p) for p in page.select("p.ea-month")]


def infobox(page: Tag) -> dict[str, str]:
    """The reference card of a glossary page, label to text."""
    box = page.find("dl", class_="ea-infobox")
    assert box is not None, "no infobox"
    return {text(dt): text(dt.find_next_sibling("dd")) for dt in box.find_all("dt")}


def mentioned_in(site: Path, url: str) -> list[tuple[str, str, str | None, str | None]]:
    rows = []
    for item in section_items(content(site, url), "mentioned-in"):
        time, link = item.find("time"), item.find("a")
        quote = item.find("blockquote")
        mark = quote.find("mark") if quote else None
        rows.append(
            (
                time["datetime"],
                target(url, link["href"]).removeprefix("articles/").rstrip("/"),
                text(quote) if quote else None,
                mark.get_text() if mark else None,
            )
        )
    return rows


@pytest.mark.parametrize(("entity", "expected"), MENTIONED_IN.items(), ids=list(MENTIONED_IN))
def test_mentioned_in_lists_articles_newest_first_with_the_sentence(sample_site, entity, expected):
    url = f"{entity}/"
    assert mentioned_in(sample_site, url) == expected
    page = content(sample_site, url)
    assert infobox(page)["Articles"] == str(len(expected))
    months = [dt.date.fromisoformat(day).strftime("%B %Y") for day, *_ in expected]
    assert month_labels(page) == list(dict.fromkeys(months))


def test_mentioned_in_shows_the_date_as_readers_write_it(sample_site):
    items = section_items(content(sample_site, "actors/mara-oduya/"), "mentioned-in")
    assert [item.find("time").get_text() for item in items] == [
        "2 July 2024",
        "20 May 2024",
        "12 February 2024",
        "20 November 2023",
    ]


APPEARS_WITH = {
    # Ordered by shared articles, then name; at most eight ("Vesta", 1 shared, is cut).
    "actors/mara-oduya": [
        ("Norland", 3),
        ("Tomas Reyl", 3),
        ("Vesta Strip", 3),
        ("Coastal League", 2),
        ("Daily Lantern", 2),
        ("Port Aurel", 2),
        ("Harbour Watch Authority", 1),
        ("Norland Armed Forces", 1),
    ],
    "locations/vesta-strip": [
        ("Mara Oduya", 3),
        ("Coastal League", 2),
        ("Norland", 2),
        ("Port Aurel", 2),
        ("Tomas Reyl", 2),
        ("Daily Lantern", 1),
        ("Norland Armed Forces", 1),
    ],
    "actors/harbour-watch": [
        ("Daily Lantern", 1),
        ("Mara Oduya", 1),
        ("Norland", 1),
        ("Tomas Reyl", 1),
        ("Vesta", 1),
    ],
}


@pytest.mark.parametrize(("entity", "expected"), APPEARS_WITH.items(), ids=list(APPEARS_WITH))
def test_appears_with(sample_site, entity, expected):
    url = f"{entity}/"
    rows = []
    for item in section_list(content(sample_site, url), "appears-with").find_all("li"):
        shared = re.fullmatch(r".* · (\d+) shared articles?", text(item))
        assert shared, text(item)
        assert (sample_site / target(url, item.a["href"]) / "index.html").is_file()
        rows.append((item.a.get_text(), int(shared.group(1))))
    assert rows == expected


# --- index pages and home page -------------------------------------------------------------

ACTOR_GROUPS = [
    ("People", [("Mara Oduya", "actors/mara-oduya/", 4), ("Tomas Reyl", "actors/tomas-reyl/", 3)]),
    ("Organisations", [("Coastal League", "actors/coastal-league/", 2)]),
    ("Governments", [("Harbour Watch Authority", "actors/harbour-watch/", 1)]),
    ("Military", [("Norland Armed Forces", "actors/norland-army/", 1)]),
    ("Media", [("Daily Lantern", "actors/daily-lantern/", 2)]),
    ("States", [("Norland", "locations/norland/", 3)]),  # a country is also a state actor
]
LOCATION_GROUPS = [
    ("N", [("Norland", "locations/norland/", "Country", 3)]),
    ("P", [("Port Aurel", "locations/port-aurel/", "City", 2)]),
    (
        "V",
        [
            ("Vesta", "locations/vesta/", "City", 1),
            ("Vesta Strip", "locations/vesta-strip/", "Territory", 3),
        ],
    ),
]


def grouped_rows(site: Path, url: str) -> list[tuple[str, list[Tag]]]:
    groups = []
    for heading in content(site, url).find_all("h2"):
        listing = heading.find_next_sibling("ul")
        groups.append((text(heading).removesuffix("¶").strip(), listing.find_all("li")))
    return groups


def _count(item: Tag) -> int:
    found = re.search(r"\((\d+) articles?\)$", text(item))
    assert found, text(item)
    return int(found.group(1))


def test_actors_index_groups_by_kind_with_article_counts(sample_site):
    groups = grouped_rows(sample_site, "actors/")
    assert [
        (label, [(li.a.get_text(), target("actors/", li.a["href"]), _count(li)) for li in rows])
        for label, rows in groups
    ] == ACTOR_GROUPS


def test_locations_index_is_a_to_z_with_kind_and_counts(sample_site):
    groups = grouped_rows(sample_site, "locations/")
    actual = [
        (
            letter,
            [
                (
                    li.a.get_text(),
                    target("locations/", li.a["href"]),
                    text(li).split(" · ")[1],
                    _count(li),
                )
                for li in rows
            ],
        )
        for letter, rows in groups
    ]
    assert actual == LOCATION_GROUPS


ARTICLES_NEWEST_FIRST = [
    ("2024-07-02", "ferry-timetable", "Ferry timetable agreed after months of talks"),
    ("2024-05-20", TALKS, "Ferry talks stall over checkpoint"),
    ("2024-02-12", "league-session", "League convenes emergency session on the ferry dispute"),
    ("2023-11-20", "ferry-suspended", "Ferry service suspended after harbour fire"),
]


def article_rows(site: Path, url: str, listing: Tag) -> list[tuple[str, str, str]]:
    return [
        (
            li.time["datetime"],
            target(url, li.a["href"]).removeprefix("articles/").rstrip("/"),
            li.a.get_text(),
        )
        for li in listing.find_all("li")
    ]


def test_articles_index_lists_the_latest_newest_first_and_links_each_month(sample_site):
    groups = dict(grouped_rows(sample_site, "articles/"))
    assert list(groups) == ["Latest", "By month"]
    rows = [
        (li.time["datetime"], target("articles/", li.a["href"]), li.a.get_text())
        for li in groups["Latest"]
    ]
    assert rows == [(d, f"articles/{s}/", t) for d, s, t in ARTICLES_NEWEST_FIRST]
    months = [
        (text(li).split(":")[0], [(a.get_text(), target("articles/", a["href"])) for a in li("a")])
        for li in groups["By month"]
    ]
    assert months == [
        (
            "2024",
            [
                ("July", "archive/2024-07/"),
                ("May", "archive/2024-05/"),
                ("February", "archive/2024-02/"),
            ],
        ),
        ("2023", [("November", "archive/2023-11/")]),
    ]


@pytest.mark.parametrize(
    ("month", "slugs"),
    [
        ("archive/2024-07/", ["ferry-timetable"]),
        ("archive/2023-11/", ["ferry-suspended"]),
    ],
)
def test_month_archive_pages_list_their_articles(sample_site, month, slugs):
    page = content(sample_site, month)
    linked = [
        target(month, a["href"]).removeprefix("articles/").rstrip("/")
        for a in page("a")
        # Article pages only: the month's links on (to the articles index) are tested apart.
        if target(month, a["href"]).startswith("articles/")
        and target(month, a["href"]) != "articles/"
    ]
    assert linked == slugs


def test_home_page_lists_the_latest_articles(sample_site):
    page = content(sample_site, "")
    assert article_rows(sample_site, "", section_list(page, "latest-articles")) == (
        ARTICLES_NEWEST_FIRST
    )
    intro = text(page.find("p"))
    # Norland counts among the actors (a state) as well as among the locations.
    assert intro.startswith(
        "4 articles from 20 November 2023 to 2 July 2024, naming 7 actors and 4 locations."
    )


# --- the seed site ---------------------------------------------------------------------------

BOILERPLATE = [
    "Subscribe to our newsletter",
    "Please wait",
    "Newsletter signup",
    "Thank you for sign up",
]


@pytest.mark.parametrize("phrase", BOILERPLATE)
def test_no_scraped_boilerplate_anywhere_in_the_seed_site(seed_site, phrase):
    files = [*html_pages(seed_site), seed_site / "search" / "search_index.json"]
    found = [
        f.relative_to(seed_site).as_posix()
        for f in files
        if phrase.casefold() in html.unescape(f.read_text(encoding="utf-8")).casefold()
    ]
    assert found == []


def test_no_boilerplate_in_the_seed_content_either():
    found = [
        (path.name, phrase)
        for path in SEED_CONTENT.rglob("*.md")
        for phrase in BOILERPLATE
        if phrase.casefold() in path.read_text(encoding="utf-8").casefold()
    ]
    assert found == []


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("h1", SEED_TITLE),
        (".ea-meta time", "21 August 2024"),
        (".ea-byline", "Shaun Tandon with AFP"),
        (".ea-source", "Source: AFP"),
    ],
)
def test_seed_article_title_byline_date_and_source(seed_site, selector, expected):
    node = content(seed_site, f"articles/{SEED_SLUG}/").select_one(selector)
    assert node is not None, selector
    assert text(node).removesuffix("¶").strip() == expected


def test_seed_article_meta_is_machine_readable_and_title_not_repeated(seed_site):
    page = content(seed_site, f"articles/{SEED_SLUG}/")
    assert page.select_one(".ea-meta time")["datetime"] == "2024-08-21"
    paragraphs = [text(p) for p in page.find_all("p")]
    assert SEED_TITLE not in paragraphs and SEED_TITLE + "." not in paragraphs
    # The summary is the first body paragraph: printed once, not again as a lede.
    assert paragraphs.count(SEED_LEDE) == 1


@pytest.mark.parametrize(
    ("surface", "goal"),
    [
        ("US", "locations/united-states/"),
        ("Antony Blinken", "actors/antony-blinken/"),
        ("Gaza", "locations/gaza-strip/"),
        ("Benjamin Netanyahu", "actors/benjamin-netanyahu/"),
        ("Philadelphi Corridor", "locations/philadelphi-corridor/"),
        ("Sheikh Tamim bin Hamad Al-Thani", "actors/tamim-bin-hamad-al-thani/"),
        ("Israeli military", "actors/israeli-military/"),
    ],
)
def test_seed_article_links_first_mentions(seed_site, surface, goal):
    url = f"articles/{SEED_SLUG}/"
    links = [a for a in content(seed_site, url).select("a.ea-mention") if a.get_text() == surface]
    assert [target(url, a["href"]) for a in links] == [goal]


def test_seed_article_later_netanyahu_mentions_are_plain(seed_site):
    url = f"articles/{SEED_SLUG}/"
    netanyahu = [
        a.get_text()
        for a in content(seed_site, url).select("a.ea-mention")
        if target(url, a["href"]) == "actors/benjamin-netanyahu/"
    ]
    assert netanyahu == ["Benjamin Netanyahu"]  # not "Netanyahu", not "Netanyahu’s"


# --- search ------------------------------------------------------------------------------


def _pages_of(site: Path, section: str) -> list[Path]:
    return sorted(p for p in (site / section).glob("*/index.html"))


@pytest.mark.parametrize("site_name", ["sample_site", "seed_site"])
def test_search_indexes_articles_and_glossary_pages_and_no_listing(request, site_name):
    """Pagefind indexes what is inside data-pagefind-body: content pages, not indexes."""
    site = request.getfixturevalue(site_name)
    marked = {
        f.relative_to(site).parent.as_posix() + "/"
        for f in html_pages(site)
        if BeautifulSoup(f.read_bytes(), "lxml").find(attrs={"data-pagefind-body": True})
    }
    content_pages = {
        f.relative_to(site).parent.as_posix() + "/"
        for section in ("articles", "actors", "locations")
        for f in _pages_of(site, section)
    }
    assert content_pages and marked == content_pages


def test_listings_after_the_text_are_kept_out_of_search(seed_site):
    """Mentions, boxes and related articles name other pages: not words of this one."""
    for url, heading in [
        ("actors/antony-blinken/", "mentioned-in"),
        ("actors/antony-blinken/", "appears-with"),
        (f"articles/{SEED_SLUG}/", "in-the-archive"),
    ]:
        soup = BeautifulSoup((seed_site / url / "index.html").read_bytes(), "lxml")
        assert soup.find(attrs={"data-pagefind-body": True}) is not None, url
        listed = soup.find(id=heading)
        assert listed.find_parent(attrs={"data-pagefind-body": True}) is None, f"{url}#{heading}"


@pytest.mark.parametrize("page", ["actors/antony-blinken.md", "locations/rafah-crossing.md"])
def test_the_generated_pages_carry_the_search_marks_themselves(page):
    """Another renderer of build/docs would index the same text: the marks are in the page."""
    page = (Path(__file__).parent / "golden" / page).read_text(encoding="utf-8")
    text, _, listings = page.partition("## Mentioned in")
    assert "data-pagefind-body" in text and 'data-pagefind-meta="label"' in text
    assert "data-pagefind-body" not in listings
    # A CommonMark renderer (blank lines end an HTML block) reads the same structure.
    soup = BeautifulSoup(MarkdownIt("commonmark").render(page.partition("\n---\n")[2]), "lxml")
    body = soup.find(attrs={"data-pagefind-body": True})
    assert body.find("h1") is not None and body.find(attrs={"data-pagefind-meta": "label"})
    assert (
        soup.find("h2", string="Mentioned in").find_parent(attrs={"data-pagefind-body": True})
        is None
    )


def test_pages_name_their_actors_and_locations_as_search_filters(seed_site):
    soup = BeautifulSoup((seed_site / f"articles/{SEED_SLUG}/index.html").read_bytes(), "lxml")
    filters = {
        (span["data-pagefind-filter"], span.get_text())
        for span in soup.select("[data-pagefind-filter]")
    }
    assert {("actor", "Antony Blinken"), ("location", "Philadelphi Corridor")} <= filters
    label = soup.select_one('[data-pagefind-meta="label"]').get_text()
    assert label == "21 August 2024"


def test_material_search_points_at_the_pagefind_worker(seed_site):
    soup = BeautifulSoup((seed_site / "actors/hamas/index.html").read_bytes(), "lxml")
    config = json.loads(soup.find("script", id="__config").string)
    assert config["search"] == "../../assets/javascripts/search-worker.js"
    assert (seed_site / "assets/javascripts/search-worker.js").is_file()
    assert (seed_site / "pagefind/pagefind.js").is_file()
    # Material's own index is still written (its script fetches it) but holds nothing.
    index = json.loads((seed_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == []


# --- every page ------------------------------------------------------------------------------


@pytest.mark.parametrize("site_name", ["sample_site", "seed_site"])
def test_every_page_has_exactly_one_h1(request, site_name):
    site = request.getfixturevalue(site_name)
    counts = {
        f.relative_to(site).as_posix(): len(BeautifulSoup(f.read_bytes(), "lxml").find_all("h1"))
        for f in html_pages(site)
    }
    assert counts, "no pages"
    assert {page: n for page, n in counts.items() if n != 1} == {}


def test_a_body_h1_becomes_an_h2_under_the_page_title(sample_site):
    page = content(sample_site, "articles/ferry-timetable/")
    assert [text(h).removesuffix("¶").strip() for h in page.find_all("h1")] == [
        "Ferry timetable agreed after months of talks"
    ]
    assert page.find("h2", id="what-the-timetable-says") is not None


def test_contributed_script_and_handler_are_removed_and_their_text_kept(sample_site):
    """ferry-suspended plants a <script> and an onclick in raw HTML."""
    page = content(sample_site, "articles/ferry-suspended/")
    assert "planted" not in str(page)
    kept = [p for p in page.find_all("p") if text(p) == "The harbour master declined to comment."]
    assert len(kept) == 1 and kept[0].attrs == {}
    assert "planted" not in (sample_site / "articles/ferry-suspended/index.html").read_text()


@pytest.mark.parametrize("site_name", ["sample_site", "seed_site"])
def test_no_script_or_event_handler_inside_article_content(request, site_name):
    site = request.getfixturevalue(site_name)
    offenders = []
    for file in html_pages(site):
        page = BeautifulSoup(file.read_bytes(), "lxml")
        for article in page.select("article.md-content__inner"):
            for node in article.find_all(True):
                handlers = [name for name in node.attrs if name.lower().startswith("on")]
                if node.name in {"script", "iframe", "object", "embed"} or handlers:
                    offenders.append(f"{file.relative_to(site)}: <{node.name} {handlers}>")
    assert offenders == []
