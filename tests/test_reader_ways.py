"""Ways on a reader takes, in headless Chromium on the seed site: the 404 page, month links,
what a search result's excerpt says and what the refine buttons count."""

from __future__ import annotations

import re

import pytest
from browser_fixtures import type_into_search
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

RESULT = ".md-search-result__item"
ARTICLE_RESULT = f"{RESULT} > a.md-search-result__link"


def result_paths(page: Page) -> list[str]:
    """The page each result opens, below the site's root, best first."""
    links = page.locator(ARTICLE_RESULT)
    hrefs = links.evaluate_all("links => links.map(link => link.href)")
    return [re.sub(r"^https?://[^/]+|[?#].*$", "", href) for href in hrefs]


def test_the_404_page_searches_the_archive_from_its_box(page: Page, watch):
    page.goto("/404.html")
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    box = page.get_by_role("searchbox", name="Search the archive for")
    box.fill("Philadelphi")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/\?q=Philadelphi$"))
    expect(page.locator("input.md-search__input")).to_have_value("Philadelphi")
    corridor = page.locator(f"{RESULT} > a[href*='/locations/philadelphi-corridor/']")
    expect(corridor.first).to_be_visible(timeout=10_000)
    watch.assert_clean()


@pytest.mark.parametrize(
    ("name", "heading"),
    [("Home page", "Explainer Archive"), ("All articles", "Articles"), ("Actors", "Actors")],
)
def test_the_404_page_links_lead_somewhere(page: Page, watch, name, heading):
    page.goto("/404.html")
    page.locator("article").get_by_role("link", name=name, exact=True).click()
    expect(page.locator("article h1")).to_have_text(re.compile(rf"^{heading}"))
    watch.assert_clean()


@pytest.mark.parametrize(
    ("month", "link", "reached"),
    [
        ("2024-08", "September 2024", "2024-09"),  # next
        ("2024-08", "June 2024", "2024-06"),  # previous
        ("2025-01", "November 2024", "2024-11"),  # the newest month has only a previous
    ],
)
def test_a_month_page_leads_to_the_month_around_it(page: Page, watch, month, link, reached):
    page.goto(f"/archive/{month}/")
    page.locator("article").get_by_role("link", name=link, exact=True).click()
    expect(page).to_have_url(re.compile(rf"/archive/{reached}/$"))
    expect(page.locator("article h1")).to_have_text(re.compile(rf"^{link}"))  # the month named
    watch.assert_clean()


# What a result's excerpt opens with: the page's own text after its title, never the
# title's words run on from the date label ("21 January 2025 2025 Gaza…").
EXCERPTS = [
    (
        "Gaza ceasefire agreement",
        "/articles/the-january-2025-gaza-ceasefire-agreement/",
        "After fifteen months of war",
    ),
    ("Philadelphi", "/articles/what-is-the-philadelphi-corridor/", "A narrow strip along"),
]


@pytest.mark.parametrize(("query", "path", "opening"), EXCERPTS, ids=[e[0] for e in EXCERPTS])
def test_an_excerpt_opens_with_the_page_text_not_its_title(page: Page, watch, query, path, opening):
    page.goto("/")
    type_into_search(page, query)
    item = page.locator(RESULT).filter(has=page.locator(f"a[href*='{path}']")).first
    expect(item).to_be_visible(timeout=10_000)
    article = item.locator(".md-search-result__article").first
    label = article.locator(".ea-search-label").inner_text()
    text = " ".join(article.locator("p").first.inner_text().split())
    excerpt = text.removeprefix(label).strip()
    assert excerpt.startswith(opening), text
    title = article.locator("h1").inner_text()
    assert " ".join(excerpt.split()[:3]) not in title, text
    watch.assert_clean()


@pytest.mark.parametrize(
    ("query", "key", "value"),
    [("ceasefire", "actor", "Benjamin Netanyahu"), ("ceasefire", "location", "Qatar")],
)
def test_a_refine_count_is_the_number_of_articles_it_leaves(page: Page, watch, query, key, value):
    page.goto("/")
    type_into_search(page, query)
    option = page.locator(f'.ea-refine button[data-filter="{key}"][data-value="{value}"]')
    expect(option).to_be_visible(timeout=10_000)
    count = int(option.locator(".ea-refine__count").inner_text())
    option.click()
    expect(option).to_have_attribute("aria-pressed", "true", timeout=10_000)
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text(re.compile(r"^\d+ matching documents?$"))
    total = int(meta.inner_text().split()[0])
    expect(page.locator(ARTICLE_RESULT)).to_have_count(total)
    paths = result_paths(page)
    articles = [p for p in paths if p.startswith("/articles/")]
    assert len(articles) == count, paths
    # Glossary pages match as well; counting them was what made the numbers disagree.
    assert len(articles) < len(paths), paths
    watch.assert_clean()
