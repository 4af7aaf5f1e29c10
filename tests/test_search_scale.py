"""Search on a large synthetic archive, in headless Chromium: right results, light download.

The archive comes from ``benchmarks/synthetic.py`` (1,000 articles by default; set
``EXPLAINER_SEARCH_ARCHIVE`` to another size, ``nox -s bench`` reports 10,000). How fast
results appear is a benchmark figure, not asserted here; what a first query downloads is a
property of the index, so it is.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_fixtures import cold_page, type_into_search
from conftest import REPO, _built, serve
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

ARCHIVE_SIZE = int(os.environ.get("EXPLAINER_SEARCH_ARCHIVE", "1000"))
FIRST_QUERY_BUDGET = 1_000_000  # bytes over the wire for a first search, index and code
_FILTER = re.compile(r'data-pagefind-filter="(actor|location)" data-pagefind-ignore>([^<]*)<')


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("large")
    subprocess.run(
        [sys.executable, "-m", "benchmarks.synthetic", str(ARCHIVE_SIZE), str(root / "content")],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    return _built(root / "content", root / "site")


@pytest.fixture(scope="module")
def large_url(large_site: Path) -> Iterator[str]:
    with serve(large_site) as url:
        yield url


@pytest.fixture(scope="module")
def article_filters(large_site: Path) -> dict[str, Counter]:
    """How many article pages name each actor and location, read from the built HTML."""
    counts: dict[str, Counter] = {"actor": Counter(), "location": Counter()}
    for page in (large_site / "articles").glob("*/index.html"):
        for key, name in set(_FILTER.findall(page.read_text(encoding="utf-8"))):
            counts[key][name] += 1
    return counts


@pytest.fixture
def reader(browser: Browser, large_url: str) -> Iterator[Page]:
    with cold_page(browser, large_url) as page:
        yield page


def test_the_archive_is_as_large_as_intended(large_site: Path):
    assert len(list((large_site / "articles").glob("*/index.html"))) == ARCHIVE_SIZE


def test_the_busiest_actor_is_found_by_name_and_its_page_comes_first(reader: Page, article_filters):
    name, _ = article_filters["actor"].most_common(1)[0]
    reader.goto("/")
    type_into_search(reader, name)
    first = reader.locator(".md-search-result__item > a").first
    expect(first).to_be_visible(timeout=15_000)
    expect(first.locator("h1")).to_have_text(name)
    expect(first.locator(".ea-search-label")).to_have_text(re.compile(r"^Actor · "))
    # Material lists the pages the worker sent; the count says how many matched in all.
    expect(reader.locator(".md-search-result__meta")).to_have_text(
        re.compile(r"^20 of [\d,]+ matching documents$")
    )


def test_a_location_filter_counts_exactly_its_articles(reader: Page, article_filters):
    name, count = article_filters["location"].most_common(3)[-1]
    reader.goto("/")
    # The filter alone lists the articles naming the place, and the place's own page.
    type_into_search(reader, f'location:"{name}"')
    expect(reader.locator(".md-search-result__meta")).to_have_text(
        f"20 of {count + 1:,} matching documents", timeout=15_000
    )
    pressed = reader.locator(f'.ea-refine button[data-value="{name}"]')
    expect(pressed).to_have_attribute("aria-pressed", "true")


def test_a_first_search_downloads_less_than_a_megabyte(reader: Page, article_filters):
    reader.goto("/")
    reader.wait_for_load_state("networkidle")
    sizes: dict[str, int] = {}
    reader.on("response", lambda r: sizes.__setitem__(r.url, len(r.body()) if r.ok else 0))
    name, _ = article_filters["location"].most_common(1)[0]
    type_into_search(reader, name.split()[0])
    expect(reader.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    reader.wait_for_load_state("networkidle")
    fetched = {url: size for url, size in sizes.items() if "/pagefind/" in url or "search" in url}
    assert any("/pagefind/" in url for url in fetched)
    assert sum(fetched.values()) < FIRST_QUERY_BUDGET, fetched
