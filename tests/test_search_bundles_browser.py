"""One search over a bundled index, in Chromium: it finds and counts as one index does.

A large archive is indexed in bounded bundles merged in the browser. The seed site is small
enough for one bundle, so here it is indexed again with a small budget, and the search box
must find and count as it does on the one-bundle index: same matching pages, same refine
counts.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_fixtures import cold_page
from conftest import serve
from playwright.sync_api import Browser, Page, expect

from generator.output.search_bundles import MANIFEST, searchable_pages
from generator.output.search_index import BUNDLE_DIR, index_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def split_site(seed_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed site with its index rebuilt in about four bundles."""
    site = tmp_path_factory.mktemp("split") / "site"
    shutil.copytree(seed_site, site, symlinks=True)
    total = sum(size for _page, size in searchable_pages(site, BUNDLE_DIR))
    index_site(site, budget=total // 4)
    return site


def test_the_bundles_are_listed_for_the_theme(split_site: Path) -> None:
    parts = json.loads((split_site / BUNDLE_DIR / MANIFEST).read_text())["bundles"]
    assert len(parts) >= 3
    for part in parts:
        assert (split_site / BUNDLE_DIR / part / "pagefind-entry.json").is_file()
    assert not [p for p in split_site.parent.iterdir() if p.name.startswith(".site.search-")]


def _answer(page: Page, query: str) -> dict:
    """What the search box shows for ``query``: the count, the pages, the refine buttons."""
    page.goto("/")
    # The whole query at once: one answer, so the first shown is the one to compare.
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.dispatch_event("keyup")
    meta = page.locator(".md-search-result__meta")
    first = page.locator(".md-search-result__item").first
    expect(first).to_be_visible(timeout=15_000)
    expect(page.locator(".ea-refine")).to_be_visible(timeout=15_000)
    links = page.locator(".md-search-result__item > a.md-search-result__link")
    urls = [h.split("?")[0] for h in links.evaluate_all("ls => ls.map(l => l.pathname)")]
    buttons = page.locator(".ea-refine button").evaluate_all(
        "bs => bs.map(b => [b.dataset.filter, b.dataset.value, b.textContent])"
    )
    return {"meta": meta.inner_text(), "urls": urls, "refine": sorted(map(tuple, buttons))}


@pytest.fixture(scope="module")
def readers(browser: Browser, seed_site: Path, split_site: Path) -> Iterator[tuple[Page, Page]]:
    with (
        serve(seed_site) as one,
        serve(split_site) as split,
        cold_page(browser, one) as whole,
        cold_page(browser, split) as parts,
    ):
        yield whole, parts


QUERIES = ["ceasefire", "Philadelphi", "Blinken", 'location:"Gaza Strip"', "hostages actor:Hamas"]


@pytest.mark.parametrize("query", QUERIES)
def test_merged_bundles_find_and_count_as_one_index(readers: tuple[Page, Page], query: str) -> None:
    """Counts and refine buttons are sums over bundles, so exact; so is the set of pages
    when every match is shown. The order is not compared here: each bundle of so small a
    site is too few pages for its word statistics to be the site's (at 1,500 pages a bundle,
    as in a large archive, they are; tests/test_search_scale.py checks the ranking there)."""
    whole, parts = (_answer(page, query) for page in readers)
    assert parts["meta"] == whole["meta"]
    assert parts["refine"] == whole["refine"]
    if parts["meta"].endswith(f"{len(whole['urls'])} matching documents"):
        assert sorted(parts["urls"]) == sorted(whole["urls"])
    else:
        assert len(parts["urls"]) == len(whole["urls"])
