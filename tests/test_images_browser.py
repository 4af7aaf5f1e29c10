"""The image article in Chromium: the picture loads, its box is sized before it does (no
layout shift), and axe finds nothing at phone and desktop widths, light and dark.

``UPDATE_SCREENSHOTS=1`` writes the pictures of the image article to docs/screenshots/.
"""

from __future__ import annotations

import os

import pytest
from conftest import REPO
from PIL import Image
from playwright.sync_api import Browser, Page, expect
from test_a11y import back_at_top, open_in_scheme, wcag_violations

pytestmark = pytest.mark.browser

ARTICLE = "/articles/the-january-2025-gaza-ceasefire-agreement/"
FIGURE = ".ea-prose figure"
SCREENSHOTS = REPO / "docs" / "screenshots"
with Image.open(REPO / "content" / "images" / "articles-by-month.png") as _picture:
    SIZE = list(_picture.size)

# Every layout shift of the page, recorded from its start (buffered).
RECORD = """() => {
  window.eaShifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) window.eaShifts.push(entry.value);
    }
  }).observe({type: "layout-shift", buffered: true});
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_the_image_loads_into_a_box_sized_before_it_arrives(page: Page, watch, width: int):
    page.set_viewport_size({"width": width, "height": 800})
    page.add_init_script(f"({RECORD})()")
    # The picture is held back until its box has been measured.
    held: list = []
    released = False

    def hold(route) -> None:
        if released:
            route.continue_()
        else:
            held.append(route)

    page.route("**/images/*.png", hold)
    page.goto(ARTICLE, wait_until="domcontentloaded")
    img = page.locator(f"{FIGURE} img")
    expect(page.locator(f"{FIGURE} figcaption")).to_contain_text("by month of publication")
    expect(img).to_have_js_property("naturalWidth", 0)
    before = img.bounding_box()
    assert before is not None and before["height"] > 0, before
    assert abs(before["width"] / before["height"] - SIZE[0] / SIZE[1]) < 0.02, before
    released = True
    for route in held:
        route.continue_()
    img.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => { const i = document.querySelector('.ea-prose figure img');"
        " return i.complete && i.naturalWidth > 0; }"
    )
    assert img.evaluate("(i) => [i.naturalWidth, i.naturalHeight]") == SIZE
    after = img.bounding_box()
    assert after is not None
    assert abs(after["width"] - before["width"]) < 0.5, (before, after)
    assert abs(after["height"] - before["height"]) < 0.5, (before, after)
    assert after["width"] <= width, "the picture fits the column"
    assert page.evaluate("window.eaShifts") == []
    watch.assert_clean()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_the_image_article_has_no_wcag_violations(page: Page, width: int, scheme: str):
    page.set_viewport_size({"width": width, "height": 900})
    open_in_scheme(page, ARTICLE, scheme)
    page.locator(FIGURE).scroll_into_view_if_needed()
    expect(page.locator(f"{FIGURE} img")).to_have_js_property("complete", True)
    back_at_top(page)  # the scroll to the figure faded the tabs and the header title
    found = wcag_violations(page)
    assert found == [], f"{ARTICLE} at {width} px ({scheme}):\n" + "\n".join(found)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_image_article_screenshot(browser: Browser, base_url, tmp_path, width, scheme):
    """The figure as a reader sees it, under the header; written where UPDATE_SCREENSHOTS=1."""
    out = SCREENSHOTS if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path
    context = browser.new_context(
        base_url=base_url, viewport={"width": width, "height": 900}, color_scheme=scheme
    )
    page = context.new_page()
    page.goto(ARTICLE)
    figure = page.locator(FIGURE)
    figure.evaluate("(f) => scrollTo(0, f.getBoundingClientRect().top + scrollY - 200)")
    expect(figure.locator("img")).to_have_js_property("complete", True)
    assert figure.locator("img").evaluate("(i) => i.naturalWidth") > 0
    bottom = figure.evaluate("(f) => f.getBoundingClientRect().bottom")
    clip = {"x": 0, "y": 0, "width": width, "height": min(900, bottom + 24)}
    shot = out / f"image-article-{width}-{scheme}.png"
    page.screenshot(path=shot, clip=clip, animations="disabled", caret="hide")
    context.close()
    assert 5_000 < shot.stat().st_size < 400_000, shot.stat().st_size
