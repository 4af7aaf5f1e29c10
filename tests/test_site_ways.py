"""Ways around the built sample site: sitemap dates, links between months, the 404 page.

Read from the HTML and XML the sample build wrote (``sample_site``, tests/conftest.py).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ROOT = "http://127.0.0.1:8000/"
TALKS = "ferry-talks-stall-over-checkpoint"


def sitemap_dates(site: Path) -> dict[str, str]:
    """Each sitemap entry's address below the site's root, and its ``lastmod``."""
    tree = ET.parse(site / "sitemap.xml")
    return {
        url.findtext(f"{SITEMAP}loc").removeprefix(ROOT): url.findtext(f"{SITEMAP}lastmod")
        for url in tree.getroot()
    }


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_bytes(), "lxml")


# The sample's articles: ferry-suspended 2023-11-20, league-session 2024-02-12, ferry-talks
# 2024-05-20, ferry-timetable 2024-07-02 (the newest).
LASTMOD = {
    "articles/ferry-suspended/": "2023-11-20",  # an article: its own date
    f"articles/{TALKS}/": "2024-05-20",
    "actors/daily-lantern/": "2024-05-20",  # a glossary page: its newest mentioning article
    "actors/mara-oduya/": "2024-07-02",
    "archive/2024-02/": "2024-02-12",  # a month: its newest article
    "archive/2023-11/": "2023-11-20",
    "": "2024-07-02",  # home and the indexes: the newest article of all
    "articles/": "2024-07-02",
    "explore/": "2024-07-02",
}


@pytest.mark.parametrize(("path", "date"), LASTMOD.items(), ids=[p or "home" for p in LASTMOD])
def test_each_sitemap_entry_carries_its_own_date(sample_site, path, date):
    assert sitemap_dates(sample_site)[path] == date


def test_every_sitemap_entry_is_dated_and_the_dates_differ(sample_site):
    dates = sitemap_dates(sample_site)
    assert all(dates.values()), [path for path, date in dates.items() if not date]
    assert len(set(dates.values())) == 4  # one per article date in the sample


def test_the_sitemap_dates_come_from_the_content_not_the_clock(sample_site):
    """The gzipped copy MkDocs writes beside it holds the same text."""
    import gzip

    packed = gzip.decompress((sample_site / "sitemap.xml.gz").read_bytes())
    assert packed == (sample_site / "sitemap.xml").read_bytes()


# Months of the sample, newest first: 2024-07, 2024-05, 2024-02, 2023-11.
MONTH_LINKS = {
    "2024-07": {"Previous month: May 2024": "../2024-05/"},
    "2024-05": {
        "Previous month: February 2024": "../2024-02/",
        "Next month: July 2024": "../2024-07/",
    },
    "2024-02": {
        "Previous month: November 2023": "../2023-11/",
        "Next month: May 2024": "../2024-05/",
    },
    "2023-11": {"Next month: February 2024": "../2024-02/"},
}


@pytest.mark.parametrize(("month", "expected"), MONTH_LINKS.items(), ids=list(MONTH_LINKS))
def test_a_month_page_links_the_months_around_it_and_the_index(sample_site, month, expected):
    html = page(sample_site, f"archive/{month}/index.html")
    heading = html.find("h2", id="other-months")
    assert heading is not None
    items = heading.find_next_sibling("ul").find_all("li")
    found = {" ".join(li.get_text().split()): li.a["href"] for li in items}
    assert found == {**expected, "All articles by date": "../../articles/"}


NOT_FOUND_LINKS = {
    "Home page": "/",
    "All articles": "/articles/",
    "Actors": "/actors/",
    "Locations": "/locations/",
}


@pytest.mark.parametrize(("name", "href"), NOT_FOUND_LINKS.items(), ids=list(NOT_FOUND_LINKS))
def test_the_404_page_links_on_from_the_site_root(sample_site, name, href):
    content = page(sample_site, "404.html").select_one("article.md-content__inner")
    assert content.find("a", string=name)["href"] == href


def test_the_404_page_has_a_labelled_search_that_opens_site_search(sample_site):
    html = page(sample_site, "404.html")
    assert html.title.get_text() == "Page not found - Explainer Archive"
    form = html.select_one("article form[role=search]")
    assert form["action"] == "/" and form["method"] == "get"
    box = form.find("input", attrs={"name": "q"})  # Material opens its search on ?q=
    assert form.find("label", attrs={"for": box["id"]}).get_text().strip()
    assert form.find("button", attrs={"type": "submit"}).get_text() == "Search"


@pytest.mark.parametrize(
    ("path", "marked"),
    [(f"articles/{TALKS}/index.html", True), ("actors/mara-oduya/index.html", False)],
)
def test_only_articles_carry_the_article_search_filter(sample_site, path, marked):
    filters = page(sample_site, path).select('[data-pagefind-filter="page:article"]')
    assert len(filters) == (1 if marked else 0)
