"""Topics in headless Chromium on the seed site: the search filter, accessibility, pictures.

``UPDATE_SCREENSHOTS=1`` writes the topic page, the topics index and the home page, at 390
and 1280 px in both schemes, to docs/screenshots/.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

import pytest
from browser_fixtures import type_into_search
from bs4 import BeautifulSoup
from conftest import REPO
from playwright.sync_api import Browser, Page, expect
from test_a11y import open_in_scheme, wcag_violations
from test_search import query_index, result_urls

pytestmark = pytest.mark.browser

PAGES = {"topic": "/topics/mediation/", "topics-index": "/topics/", "home": "/"}
WIDTHS = [390, 1280]
SCHEMES = ["light", "dark"]
SCREENSHOTS = REPO / "docs" / "screenshots"


def topic_articles(site: Path, topic: str) -> set[str]:
    """The article URLs a built topic page lists."""
    page = BeautifulSoup((site / "topics" / topic / "index.html").read_bytes(), "lxml")
    links = page.select("article.md-content__inner li > a[href*='articles/']")
    here = f"/topics/{topic}/"
    return {posixpath.normpath(posixpath.join(here, a["href"])) + "/" for a in links}


def test_the_topic_filter_keeps_exactly_the_articles_of_the_topic(browser: Browser, seed_site):
    listed = topic_articles(seed_site, "mediation")
    assert len(listed) >= 3
    found = query_index(
        browser,
        seed_site,
        [("all", None, {"topic": "mediation"}), ("narrowed", "Qatar", {"topic": "mediation"})],
    )
    assert set(found["all"]) == listed
    assert found["narrowed"] and set(found["narrowed"]) <= listed


def test_refine_buttons_offer_topics_beside_actors_and_locations(page: Page, watch, seed_site):
    page.goto("/")
    type_into_search(page, "ceasefire")
    refine = page.locator(".ea-refine")
    expect(refine).to_be_visible(timeout=10_000)
    labels = refine.locator(".ea-refine__label")
    expect(labels).to_contain_text(["Actors", "Locations", "Topics"])
    option = refine.locator('button[data-filter="topic"][data-value="mediation"]')
    # The count is of articles only, like every other count of the site.
    expect(option.locator(".ea-refine__count")).to_have_text(" 4")
    option.click()
    box = page.locator("input.md-search__input")
    expect(box).to_have_value("ceasefire topic:mediation")
    expect(option).to_have_attribute("aria-pressed", "true", timeout=10_000)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    shown = set(result_urls(page))
    assert shown and shown <= topic_articles(seed_site, "mediation")
    option.click()
    expect(box).to_have_value("ceasefire")
    watch.assert_clean()


def test_a_typed_topic_filter_finds_the_topic_in_any_case(page: Page, watch, seed_site):
    page.goto("/")
    type_into_search(page, "topic:Humanitarian-Aid")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    expect(
        page.locator('.ea-refine button[data-filter="topic"][data-value="humanitarian-aid"]')
    ).to_have_attribute("aria-pressed", "true")
    assert set(result_urls(page)) == topic_articles(seed_site, "humanitarian-aid")
    watch.assert_clean()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_topic_pages_and_home_have_no_violations(page: Page, name, width, scheme):
    page.set_viewport_size({"width": width, "height": 900})
    open_in_scheme(page, PAGES[name], scheme)
    found = wcag_violations(page)
    assert found == [], f"{name} ({scheme}, {width} px):\n" + "\n".join(found)


@pytest.mark.parametrize("width", WIDTHS)
def test_home_columns_sit_side_by_side_on_a_wide_screen_only(page: Page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/")
    latest = page.locator(".ea-home__latest").bounding_box()
    about = page.locator(".ea-home__about").bounding_box()
    if width >= 1280:
        assert about["x"] > latest["x"] + latest["width"] - 1
    else:
        assert about["y"] >= latest["y"] + latest["height"] - 1
    # Nothing makes the page scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_topic_screenshot(browser: Browser, base_url, tmp_path, name, width, scheme):
    """The whole page as a reader sees it; written where UPDATE_SCREENSHOTS=1."""
    out = SCREENSHOTS if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path
    context = browser.new_context(
        base_url=base_url, viewport={"width": width, "height": 900}, color_scheme=scheme
    )
    page = context.new_page()
    page.goto(PAGES[name])
    expect(page.locator("article h1")).to_be_visible()
    shot = out / f"{name}-{width}-{scheme}.png"
    page.screenshot(path=shot, full_page=True, animations="disabled", caret="hide")
    context.close()
    assert shot.stat().st_size > 5_000


# Words that stand on the index, topic and home pages (their intros and headings) only.
LISTING_WORDS = ["newest first", "Most mentioned", "number of articles", "Latest articles"]


def test_listing_pages_stay_out_of_the_search_index(browser: Browser, seed_site):
    """No index, month, topic, Explore or home page is a result, whatever is searched."""
    found = query_index(browser, seed_site, [(w, w, None) for w in LISTING_WORDS])
    glossary_or_article = ("/articles/", "/actors/", "/locations/")
    listings = [
        url
        for urls in found.values()
        for url in urls
        if not url.startswith(glossary_or_article) or url.count("/") < 3
    ]
    assert listings == [], found
