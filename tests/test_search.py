"""Site search on the real Pagefind index, in headless Chromium.

Two ways in: the index queried directly with Pagefind's own script (as the search worker
does), to check every glossary entry and alias in one go, and the search box a reader
types into, to check results, refine buttons and what the worker hands Material.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path

import frontmatter
import pytest
from browser_fixtures import cold_page, type_into_search
from bs4 import BeautifulSoup
from conftest import SAMPLE_CONTENT, SEED_CONTENT, serve
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

SEED_SLUG = "blinken-leaves-the-middle-east-after-failing-to-secure-a-breakthrough-in-the"

# Runs in a page of the served site: the URLs of every result of each query, best first.
QUERY_INDEX = """async (queries) => {
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.options({ baseUrl: "/" });
  await pagefind.init();
  const found = {};
  for (const [key, text, filters] of queries) {
    const search = await pagefind.search(text, { filters: filters || {} });
    const pages = await Promise.all(search.results.map((result) => result.data()));
    found[key] = pages.map((page) => page.url);
  }
  return found;
}"""


def query_index(browser: Browser, site: Path, queries: list[tuple]) -> dict[str, list[str]]:
    """Run ``(key, text, filters)`` queries against the Pagefind index of ``site``."""
    with serve(site) as url:
        page = browser.new_page()
        try:
            page.goto(url)
            return page.evaluate(QUERY_INDEX, [list(q) for q in queries])
        finally:
            page.close()


def _entities(content_dir: Path) -> list[tuple[str, str]]:
    """(page URL, alias) for every alias of every glossary entry."""
    rows = []
    for section in ("actors", "locations"):
        for path in sorted((content_dir / section).glob("*.md")):
            meta = frontmatter.loads(path.read_text(encoding="utf-8")).metadata
            rows += [(f"/{section}/{path.stem}/", alias) for alias in meta["aliases"]]
    return rows


SITES = {"sample_site": SAMPLE_CONTENT, "seed_site": SEED_CONTENT}
ALIAS_ROWS = [
    pytest.param(site, url, alias, id=f"{site}:{url}:{alias}")
    for site, folder in SITES.items()
    for url, alias in _entities(folder)
]


@pytest.fixture(scope="module")
def alias_results(browser: Browser, request) -> dict[str, dict[str, list[str]]]:
    """Each site's results for each alias, from one page per site."""
    found = {}
    for site_name, folder in SITES.items():
        site = request.getfixturevalue(site_name)
        queries = [(alias, alias, None) for _, alias in _entities(folder)]
        found[site_name] = query_index(browser, site, queries)
    return found


@pytest.mark.parametrize(("site_name", "url", "alias"), ALIAS_ROWS)
def test_every_alias_finds_its_glossary_page_among_the_first_results(
    alias_results, site_name, url, alias
):
    results = alias_results[site_name][alias]
    assert url in results[:5], f"searching {alias!r} on {site_name}: {results[:5]}"


@pytest.fixture(scope="module")
def seed_results(browser: Browser, seed_site: Path) -> dict[str, list[str]]:
    return query_index(
        browser,
        seed_site,
        [
            ("philadelphi", "Philadelphi", None),
            ("mentioned", "mentioned", None),
            ("netanyahu-only", None, {"actor": "Benjamin Netanyahu"}),
            ("rafah-and-hamas", "Rafah", {"actor": "Hamas"}),
        ],
    )


def _pages_naming(site: Path, key: str, name: str) -> set[str]:
    """Pages whose search hints name ``name`` under filter ``key``, from the built HTML."""
    found = set()
    for file in site.glob("*/*/index.html"):
        soup = BeautifulSoup(file.read_bytes(), "lxml")
        names = {s.get_text() for s in soup.select(f'[data-pagefind-filter="{key}"]')}
        if name in names:
            found.add("/" + file.relative_to(site).parent.as_posix() + "/")
    return found


def test_the_corridor_page_comes_first_and_the_seed_article_is_found(seed_results):
    assert seed_results["philadelphi"][0] == "/locations/philadelphi-corridor/"
    assert f"/articles/{SEED_SLUG}/" in seed_results["philadelphi"]


def test_listing_headings_are_not_searchable_words(seed_results):
    """Every glossary page has "Mentioned in": none should match because of it."""
    assert [url for url in seed_results["mentioned"] if "/articles/" not in url] == []


def test_an_actor_filter_keeps_exactly_the_pages_that_name_the_actor(seed_results, seed_site):
    expected = _pages_naming(seed_site, "actor", "Benjamin Netanyahu")
    assert len(expected) >= 3
    assert set(seed_results["netanyahu-only"]) == expected


def test_a_filter_narrows_a_text_search(seed_results, seed_site):
    hamas = _pages_naming(seed_site, "actor", "Hamas")
    assert seed_results["rafah-and-hamas"]
    assert set(seed_results["rafah-and-hamas"]) <= hamas


# --- the search box --------------------------------------------------------------------------


def result_urls(page: Page) -> list[str]:
    links = page.locator(".md-search-result__item > a.md-search-result__link")
    return [
        re.sub(r"^https?://[^/]+|\?.*$", "", h)
        for h in links.evaluate_all("links => links.map(link => link.href)")
    ]


def test_refine_buttons_filter_by_actor_and_undo(page: Page, watch, seed_site):
    page.goto("/")
    type_into_search(page, "ceasefire")
    refine = page.locator(".ea-refine")
    expect(refine).to_be_visible(timeout=10_000)
    option = refine.locator('button[data-filter="actor"][data-value="Benjamin Netanyahu"]')
    expect(option).to_have_attribute("aria-pressed", "false")
    option.click()
    box = page.locator("input.md-search__input")
    expect(box).to_have_value('ceasefire actor:"Benjamin Netanyahu"')
    expect(option).to_have_attribute("aria-pressed", "true", timeout=10_000)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    shown = set(result_urls(page))
    assert shown and shown <= _pages_naming(seed_site, "actor", "Benjamin Netanyahu")
    # The keyboard works too: Enter on the pressed button takes the filter off again.
    option.focus()
    page.keyboard.press("Enter")
    expect(box).to_have_value("ceasefire")
    expect(option).to_have_attribute("aria-pressed", "false", timeout=10_000)
    watch.assert_clean()


def test_a_typed_filter_accepts_the_slug_and_any_case(page: Page, watch):
    page.goto("/")
    type_into_search(page, "location:gaza-strip")
    first = page.locator(".md-search-result__item").first
    expect(first).to_be_visible(timeout=10_000)
    expect(page.locator(".md-search-result__meta")).to_have_text(
        re.compile(r"^\d+ matching documents$")
    )
    expect(page.locator('.ea-refine button[data-value="Gaza Strip"]')).to_have_attribute(
        "aria-pressed", "true"
    )
    watch.assert_clean()


def test_results_show_the_date_or_kind_and_highlight_the_words(page: Page, watch):
    page.goto("/")
    type_into_search(page, "Philadelphi")
    first = page.locator(".md-search-result__item").first
    expect(first).to_be_visible(timeout=10_000)
    labels = page.locator(".md-search-result__article .ea-search-label").all_inner_texts()
    assert "Location · Site" in labels and "21 August 2024" in labels
    expect(first.locator("h1 mark").first).to_have_text("Philadelphi")
    watch.assert_clean()


@pytest.fixture
def fresh_page(browser: Browser, site_url: str) -> Iterator[Page]:
    """A page of its own, to count what is fetched."""
    with cold_page(browser, site_url) as page:
        yield page


def test_a_page_view_without_search_loads_no_index(fresh_page: Page):
    fetched = []
    fresh_page.on("request", lambda request: fetched.append(request.url))
    fresh_page.goto("/actors/hamas/")
    fresh_page.wait_for_load_state("networkidle")
    assert [url for url in fetched if "/pagefind/" in url] == []


def test_focusing_the_search_box_loads_search_before_the_first_key(fresh_page: Page):
    fresh_page.goto("/actors/hamas/")
    fresh_page.wait_for_load_state("networkidle")
    with fresh_page.expect_response(lambda r: r.url.endswith("/pagefind/pagefind.js")):
        fresh_page.locator("input.md-search__input").focus()


def test_a_single_letter_asks_for_more_and_the_next_one_searches(page: Page, watch):
    page.goto("/")
    type_into_search(page, "R")
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text("Keep typing to search", timeout=10_000)
    type_into_search(page, "Ra")
    expect(meta).to_have_text(re.compile(r"^\d+ matching documents?$"), timeout=10_000)
    watch.assert_clean()


# --- topics ------------------------------------------------------------------------------


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
