"""Drawings read on a phone: measured in Chromium at 320, 390 and 1280 px wide.

Every label in a chart, map or network is at least 12 CSS px as rendered (its font size
times the scale its SVG is drawn at, and its box), every link in a drawing is a target at
least 24 px square, no page scrolls sideways, the Explore network can be walked with Tab,
and each timeline bar can be read in its table. On the sample site and on the seed site.
``UPDATE_SCREENSHOTS=1`` writes the pictures of the drawings to docs/screenshots/.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO, serve
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

WIDTHS = (320, 390, 1280)
FIGURES = ".ea-figure > svg"

# Rendered sizes of what a reader sees in the drawings. A label's size is its font size
# times the scale of the drawing it is in (getScreenCTM: viewBoxes and nesting included).
MEASURE = """() => {
  const visible = (e) => e.getBoundingClientRect().width > 0;
  const texts = [...document.querySelectorAll('.ea-figure svg text')].filter(visible).map((t) => {
    const m = t.getScreenCTM();
    return {
      text: t.textContent,
      px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b),
      height: t.getBoundingClientRect().height,
    };
  });
  const targets = [...document.querySelectorAll('.ea-figure svg a[href]')].map((a) => {
    const r = a.getBoundingClientRect();
    return {text: a.textContent.trim().slice(0, 40), width: r.width, height: r.height};
  });
  const page = document.documentElement;
  return {texts, targets, overflow: page.scrollWidth - page.clientWidth};
}"""


@pytest.fixture(scope="session")
def sample_url(sample_site: Path) -> Iterator[str]:
    """The sample site served over HTTP."""
    with serve(sample_site) as url:
        yield url


@pytest.fixture(params=["sample", "seed"])
def site(request) -> tuple[str, Path]:
    """(root URL, built folder) of the sample site, then of the seed site."""
    if request.param == "sample":
        return request.getfixturevalue("sample_url"), request.getfixturevalue("sample_site")
    return request.getfixturevalue("site_url"), request.getfixturevalue("seed_site")


def drawing_pages(built: Path) -> list[str]:
    """Every page of the built site with a drawing on it, as a path from the root."""
    pages = [
        "/" + html.parent.relative_to(built).as_posix() + "/"
        for html in sorted(built.glob("*/**/index.html"))
        if 'class="ea-figure' in html.read_text(encoding="utf-8")
    ]
    assert "/explore/" in pages and len(pages) >= 5, pages
    return pages


def open_page(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator(FIGURES).first).to_be_visible()


@pytest.mark.parametrize("width", WIDTHS)
def test_labels_targets_and_page_width(page: Page, watch, site, width: int):
    """On every page with a drawing: 12 px labels, 24 px targets, no page scrolling sideways."""
    url, built = site
    page.set_viewport_size({"width": width, "height": 900})
    problems = []
    for path in drawing_pages(built):
        open_page(page, url.rstrip("/") + path)
        seen = page.evaluate(MEASURE)
        assert seen["texts"], f"{path}: no label measured"
        problems += [
            f"{path}: label {t}" for t in seen["texts"] if t["px"] < 12 or t["height"] < 12
        ]
        problems += [
            f"{path}: target {t}" for t in seen["targets"] if t["width"] < 24 or t["height"] < 24
        ]
        if seen["overflow"] > 0:
            problems.append(f"{path}: the page scrolls sideways by {seen['overflow']} px")
    assert not problems, "\n".join(problems)
    watch.assert_clean()


@pytest.mark.parametrize("width", [320, 1280])
def test_every_explore_node_is_a_tab_stop_with_a_visible_ring(page: Page, watch, width: int):
    """Tab walks the network node by node; the focused one shows a ring and is scrolled in."""
    page.set_viewport_size({"width": width, "height": 900})
    open_page(page, "/explore/")
    figure = page.locator(".ea-figure--explore")
    nodes = figure.locator("a[href]:has(.ea-mark)")
    count = nodes.count()
    assert count >= 10
    nodes.first.focus()
    for index in range(count):
        node = nodes.nth(index)
        expect(node).to_be_focused()
        ring = node.locator(".ea-hit")
        expect(ring).to_have_css("stroke-opacity", "1")
        expect(ring).to_be_in_viewport()
        page.keyboard.press("Tab")
    expect(nodes.last).not_to_be_focused()
    watch.assert_clean()


def test_a_phone_opens_the_network_on_its_middle_and_pans_it(page: Page, watch):
    """Wider than the column, the network scrolls inside its figure, starting centred."""
    page.set_viewport_size({"width": 390, "height": 900})
    open_page(page, "/explore/")
    figure = page.locator(".ea-figure--explore")
    spare = figure.evaluate("(f) => f.scrollWidth - f.clientWidth")
    assert spare > 0
    # drawings.js runs before the load event page.goto waits for.
    assert abs(figure.evaluate("(f) => f.scrollLeft") - spare / 2) <= 1
    figure.evaluate("(f) => { f.scrollLeft = 0; }")
    expect(figure).to_have_js_property("scrollLeft", 0)
    watch.assert_clean()


@pytest.mark.parametrize("width", [320, 1280])
def test_each_timeline_bar_is_read_in_its_table(page: Page, watch, width: int):
    page.set_viewport_size({"width": width, "height": 900})
    open_page(page, "/actors/hamas/")
    chart = page.locator(".ea-figure--timeline")
    bars = chart.locator(".ea-bar rect")
    tips = {bar.locator("title").text_content() for bar in bars.all()}
    table = chart.locator("details.ea-table")
    expect(table.locator("table")).to_be_hidden()
    table.locator("summary").click()
    expect(table.locator("table")).to_be_visible()
    read = {}
    for row in table.locator("tbody tr").all():
        month, count = (cell.text_content() for cell in row.locator("td").all())
        read[month] = int(count)
    assert len(tips) >= 2 and sum(read.values()) == sum(
        int(tip.split(": ")[1].split()[0]) for tip in tips
    )
    for tip in tips:
        month, articles = tip.split(": ")
        assert read[month] == int(articles.split()[0]), (tip, read)
    watch.assert_clean()


SCREENSHOTS = REPO / "docs" / "screenshots"
SHOTS = {
    # name: (path, the drawing shown)
    "explore": ("/explore/", ".ea-figure--explore"),
    "actor": ("/actors/antony-blinken/", ".ea-figure--network"),
    "location": ("/locations/rafah/", ".ea-figure--map"),
    "timeline": ("/actors/hamas/", ".ea-figure--timeline"),
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("name", SHOTS)
def test_drawing_screenshot(browser: Browser, base_url, tmp_path, name, width, scheme):
    """The drawing as a reader sees it, with its heading; written where UPDATE_SCREENSHOTS=1."""
    out = SCREENSHOTS if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path
    path, selector = SHOTS[name]
    context = browser.new_context(
        base_url=base_url, viewport={"width": width, "height": 900}, color_scheme=scheme
    )
    page = context.new_page()
    open_page(page, path)
    figure = page.locator(selector)
    expect(figure.locator("svg").first).to_be_visible()
    # The drawing under its heading, below the page's header; the header stays in the picture.
    figure.evaluate("(f) => scrollTo(0, f.getBoundingClientRect().top + scrollY - 110)")
    expect(figure).to_be_in_viewport()
    bottom = figure.evaluate("(f) => f.getBoundingClientRect().bottom")
    clip = {"x": 0, "y": 0, "width": width, "height": min(900, bottom + 16)}
    shot = out / f"drawing-{name}-{width}-{scheme}.png"
    page.screenshot(path=shot, clip=clip, animations="disabled", caret="hide")
    context.close()
    assert 5_000 < shot.stat().st_size < 250_000, shot.stat().st_size
