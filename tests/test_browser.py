"""What only a browser shows: search, navigation and a clean console, in headless Chromium.

The seed site is built once and served on 127.0.0.1 (conftest.py); Chromium is the system
one (``$CHROMIUM`` or ``/usr/bin/chromium``) or Playwright's own. A missing browser fails.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SEED_SLUG = "blinken-leaves-the-middle-east-after-failing-to-secure-a-breakthrough-in-the"
NETANYAHU_SENTENCE = (
    "But a day after Blinken said US ally Israel was on board, Prime Minister Benjamin "
    "Netanyahu was quoted by Israeli media as disagreeing on a key sticking point."
)


def test_search_finds_the_corridor_by_alias_prefix_and_opens_it(page: Page, watch, tmp_path):
    page.goto("/")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("Philadelphi", delay=20)  # real key events, as a reader types
    expect(box).to_have_value("Philadelphi")
    # Results are redrawn after each key; auto-retrying expects wait for the final query's.
    result = ".md-search-result__item > a[href*='{}']"
    corridor = page.locator(result.format("/locations/philadelphi-corridor/"))
    article = page.locator(result.format(f"/articles/{SEED_SLUG}/"))
    expect(corridor.first).to_be_visible(timeout=10_000)
    expect(article.first).to_be_visible()
    expect(page.locator(".md-search-result__meta")).to_have_text(
        re.compile(r"^\d+ matching documents?$")
    )
    corridor.first.click()
    expect(page).to_have_url(re.compile(r"/locations/philadelphi-corridor/"))  # ?h=… added
    expect(page.locator("article h1")).to_have_text(re.compile(r"^Philadelphi Corridor"))
    page.screenshot(path=tmp_path / "corridor.png", full_page=True)
    watch.assert_clean()


def test_mention_link_leads_to_a_page_quoting_the_article(page: Page, watch, tmp_path):
    page.goto(f"/articles/{SEED_SLUG}/")
    expect(page.locator("article h1")).to_contain_text("Blinken leaves the Middle East")
    page.screenshot(path=tmp_path / "article.png", full_page=True)
    assert (tmp_path / "article.png").stat().st_size > 10_000

    mention = page.locator("article a.ea-mention", has_text="Netanyahu")
    expect(mention).to_have_count(1)  # the first mention only: "Benjamin Netanyahu"
    expect(mention).to_have_text("Benjamin Netanyahu")
    mention.click()
    expect(page).to_have_url(re.compile(r"/actors/benjamin-netanyahu/$"))
    expect(page.locator("article h1")).to_have_text(re.compile(r"^Benjamin Netanyahu"))

    # The timeline lists every article naming him; the seed article is one of them.
    listed = page.locator("article li").filter(
        has=page.get_by_role("link", name=re.compile(r"^Blinken leaves the Middle East"))
    )
    expect(listed).to_have_count(1)
    expect(listed.locator("time")).to_have_attribute("datetime", "2024-08-21")
    expect(listed.locator("blockquote")).to_have_text(NETANYAHU_SENTENCE)
    expect(listed.locator("blockquote mark")).to_have_text("Benjamin Netanyahu")
    page.screenshot(path=tmp_path / "netanyahu.png", full_page=True)
    assert (tmp_path / "netanyahu.png").stat().st_size > 10_000

    listed.locator("a").click()  # and back to the article from the glossary page
    expect(page).to_have_url(re.compile(rf"/articles/{SEED_SLUG}/$"))
    watch.assert_clean()


def test_watch_reports_what_it_is_meant_to_catch(page: Page, watch):
    """The listeners work: a 404, a console error and a non-local request are all reported."""
    page.route("http://example.invalid/**", lambda route: route.abort())  # never on the wire
    page.goto("/no-such-page/")
    with page.expect_console_message(lambda m: m.text == "planted error"):
        page.evaluate("console.error('planted error')")
    with page.expect_event("requestfailed"):
        page.evaluate("fetch('http://example.invalid/x').catch(() => null)")
    found = "\n".join(watch.problems)
    assert re.search(r"HTTP 404: http://127\.0\.0\.1:\d+/no-such-page/", found), found
    assert "console error: planted error" in found
    assert "request left 127.0.0.1: http://example.invalid/x" in found
    with pytest.raises(AssertionError):
        watch.assert_clean()


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/", "Explainer Archive"),
        ("/articles/", "Articles"),
        ("/actors/", "Actors"),
        ("/locations/", "Locations"),
    ],
)
def test_index_pages_load_without_errors(page: Page, watch, path, title):
    page.goto(path)
    expect(page.locator("article h1")).to_have_text(re.compile(rf"^{title}"))
    expect(page.locator("input.md-search__input")).to_be_visible()  # Material's JS ran
    watch.assert_clean()
