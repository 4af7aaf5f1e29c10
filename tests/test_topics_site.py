"""Topics in a real build of the sample site: pages, index, feeds, tag links, home page."""

from __future__ import annotations

import posixpath
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import REPO, build_with_cli
from linkcheck import broken_links

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE_TAG = "Ports & <harbours>"
# Topic id -> (name, its articles' slugs newest first), as the sample's tags give them.
TOPICS = {
    "diplomacy": ("diplomacy", ["league-session"]),
    "ferry": ("ferry", ["league-session"]),
    "ports-harbours": (HOSTILE_TAG, ["ferry-timetable"]),
    "transport": ("transport", ["ferry-timetable", "ferry-suspended"]),
}
# Pages that list other pages: none is a search result of its own.
LISTINGS = ["", "articles/", "actors/", "locations/", "topics/", "explore/", "archive/2024-07/"]


def soup(site: Path, url: str) -> BeautifulSoup:
    """The built page at directory URL ``url`` ("" is the home page)."""
    return BeautifulSoup((site / url / "index.html").read_bytes(), "lxml")


def content(site: Path, url: str) -> Tag:
    """The page's content column, without header and navigation."""
    return soup(site, url).select_one("article.md-content__inner")


def text(node: Tag) -> str:
    return " ".join(node.get_text().split())


def target(from_url: str, href: str) -> str:
    """The directory URL a relative ``href`` on page ``from_url`` points to."""
    joined = posixpath.normpath(posixpath.join(from_url, href.split("#")[0]))
    return "" if joined == "." else joined + "/"


def heading(page) -> str:
    """The h1's text without its permalink mark."""
    return text(page.find("h1")).removesuffix("¶")


def listed_slugs(site: Path, url: str) -> list[str]:
    links = content(site, url).select("li > a[href*='articles/']")
    return [target(url, a["href"]).removeprefix("articles/").strip("/") for a in links]


@pytest.mark.parametrize(("tid", "expected"), TOPICS.items(), ids=list(TOPICS))
def test_each_topic_page_lists_its_articles_newest_first(sample_site, tid, expected):
    name, slugs = expected
    url = f"topics/{tid}/"
    page = content(sample_site, url)
    assert heading(page) == name
    assert listed_slugs(sample_site, url) == slugs
    assert len(page.select("li time[datetime]")) == len(slugs)


def test_a_topic_row_has_its_date_and_summary(sample_site):
    row = content(sample_site, "topics/transport/").select_one("li")
    assert row.find("time")["datetime"] == "2024-07-02"
    assert "The two sides signed a timetable and a withdrawal date." in text(row)


def test_a_hostile_tag_reads_as_written_and_never_as_markup(sample_site):
    page = soup(sample_site, "topics/ports-harbours/")
    assert page.find("harbours") is None
    assert text(page.find("title")).startswith(HOSTILE_TAG)
    assert page.find("meta", property="og:title")["content"] == HOSTILE_TAG


def test_topics_index_lists_every_topic_with_its_count_and_is_in_the_nav(sample_site):
    rows = content(sample_site, "topics/").select("li")
    found = {target("topics/", r.a["href"]): text(r).rsplit(" · ", 1)[1] for r in rows}
    expected = {f"topics/{tid}/": len(slugs) for tid, (_, slugs) in TOPICS.items()}
    assert found == {u: f"{n} article" + ("s" if n > 1 else "") for u, n in expected.items()}
    tabs = [text(a) for a in soup(sample_site, "").select(".md-tabs__link")]
    assert tabs.index("Topics") == tabs.index("Locations") + 1


@pytest.mark.parametrize(("tid", "expected"), TOPICS.items(), ids=list(TOPICS))
def test_each_topic_has_an_atom_feed_advertised_on_its_page(sample_site, tid, expected):
    name, slugs = expected
    feed = ET.parse(sample_site / "topics" / tid / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}title").text == f"{name} — Explainer Archive"
    entries = [e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")]
    assert [h.rstrip("/").rsplit("/", 1)[1] for h in entries] == slugs
    feeds = soup(sample_site, f"topics/{tid}/").select('link[type="application/atom+xml"]')
    assert "feed.xml" in [link["href"] for link in feeds]


def test_article_tags_link_to_their_topic_pages(sample_site):
    url = "articles/ferry-timetable/"
    tags = content(sample_site, url).select("ul.ea-tags a")
    assert [(text(a), target(url, a["href"])) for a in tags] == [
        ("transport", "topics/transport/"),
        (HOSTILE_TAG, "topics/ports-harbours/"),
    ]
    assert broken_links(sample_site) == []


def test_home_page_explains_the_archive(sample_site):
    home = content(sample_site, "")
    assert "4 articles from 20 November 2023 to 2 July 2024" in text(home)
    headings = [text(h).removesuffix("¶") for h in home.select("h2")]
    assert headings == [
        "Latest articles",
        "Most mentioned actors",
        "Most mentioned places",
        "Topics",
    ]
    actors = home.select(".ea-home__about ul")[0].select("li")
    assert actors and all(text(li).endswith(")") for li in actors)
    topics = {text(a) for a in home.select(".ea-home__about ul.ea-tags a")}
    assert topics == {"transport 2", "diplomacy 1", "ferry 1", f"{HOSTILE_TAG} 1"}


@pytest.mark.parametrize("url", LISTINGS, ids=lambda u: u or "home")
def test_listing_pages_carry_no_search_body(sample_site, url):
    """Pagefind indexes only elements marked data-pagefind-body: listings have none."""
    assert soup(sample_site, url).select("[data-pagefind-body]") == []


@pytest.mark.parametrize("tid", TOPICS)
def test_topic_pages_are_not_search_results_either(sample_site, tid):
    assert soup(sample_site, f"topics/{tid}/").select("[data-pagefind-body]") == []


def test_sitemap_dates_topic_pages_by_their_newest_article(sample_site):
    sitemap = ET.parse(sample_site / "sitemap.xml").getroot()
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    dates = {
        u.find(f"{ns}loc").text.split("/", 3)[3]: u.find(f"{ns}lastmod").text
        for u in sitemap.findall(f"{ns}url")
    }
    assert dates["topics/transport/"] == "2024-07-02"
    assert dates["topics/diplomacy/"] == "2024-02-12"
    assert dates["archive/2024-02/"] == "2024-02-12"
    assert dates["topics/"] == dates[""] == "2024-07-02"


ARTICLE = """---
title: "{title}"
date: 2024-08-{day:02d}
tags: [{tags}]
---

Text.
"""


@pytest.mark.build
def test_colliding_tags_build_one_topic_page_and_check_names_both(tmp_path):
    articles = tmp_path / "content" / "articles"
    articles.mkdir(parents=True)
    for title, day, tags in [("One", 1, "Gaza"), ("Two", 2, '"gaza!"'), ("Three", 3, "Gaza")]:
        page = ARTICLE.format(title=title, day=day, tags=tags)
        (articles / f"{title.lower()}.md").write_text(page, encoding="utf-8")
    check = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--content", str(tmp_path / "content")],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    report = check.stdout + check.stderr
    assert "two.md:4: tags: 'gaza!' and 'Gaza'" in report
    assert "one.md:4" in report
    site = tmp_path / "site"
    result = build_with_cli(tmp_path / "content", site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(p.name for p in (site / "topics").iterdir()) == ["gaza", "index.html"]
    page = BeautifulSoup((site / "topics/gaza/index.html").read_bytes(), "lxml")
    assert heading(page.select_one("article")) == "Gaza"
    assert listed_slugs(site, "topics/gaza/") == ["three", "two", "one"]
