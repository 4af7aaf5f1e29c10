"""The topic pages and the home page in headless Chromium on the seed site: layout, pictures.

The topic search filter is tested in test_search.py, accessibility in test_a11y.py.
``UPDATE_SCREENSHOTS=1`` writes the topic page, the topics index and the home page, at 390
and 1280 px in both schemes, to docs/screenshots/.
"""

from __future__ import annotations

import os

import pytest
from conftest import REPO
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

PAGES = {"topic": "/topics/mediation/", "topics-index": "/topics/", "home": "/"}
WIDTHS = [390, 1280]
SCHEMES = ["light", "dark"]
SCREENSHOTS = REPO / "docs" / "screenshots"


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
