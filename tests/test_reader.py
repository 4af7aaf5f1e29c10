"""What a reader sees and does, in headless Chromium against the served seed site.

Hover and keyboard previews of glossary links, the generated charts, map and networks, feed
discovery, the print stylesheet, a clean console on every page, and the README screenshots
(``UPDATE_SCREENSHOTS=1`` rewrites ``docs/screenshots/``; otherwise they go to a temporary
folder and are only checked).
"""

from __future__ import annotations

import os
import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Page, expect
from watch import Watch

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent
SCREENSHOTS = REPO / "docs" / "screenshots"
SEED_SLUG = "blinken-leaves-the-middle-east-after-failing-to-secure-a-breakthrough-in-the"
ARTICLE = f"/articles/{SEED_SLUG}/"
ACTOR = "/actors/benjamin-netanyahu/"
LOCATION = "/locations/rafah/"
ATOM = "{http://www.w3.org/2005/Atom}"


def ready(page: Page, path: str) -> None:
    """Open ``path`` and wait until Material's script has run."""
    page.goto(path)
    expect(page.locator("input.md-search__input")).to_be_visible()


def infobox(page: Page, term: str) -> str:
    """The value of ``term`` in the reference card of a glossary page."""
    return (
        page.locator("dl.ea-infobox dt", has_text=term)
        .locator("xpath=following-sibling::dd[1]")
        .inner_text()
    )


# Hover and keyboard previews -------------------------------------------------------------

PREVIEW = ".ea-preview"


def test_hover_preview_shows_name_kind_and_count_and_hides_on_leaving(page: Page, watch):
    # The page's timers run on Playwright's clock: the card's hide delay passes when the test
    # says so, however long the machine takes to move the pointer.
    page.clock.install()
    ready(page, ARTICLE)
    mention = page.locator("article a.ea-mention", has_text="Benjamin Netanyahu")
    mention.evaluate("(link) => scrollTo(0, link.getBoundingClientRect().top + scrollY - 200)")
    mention.hover()
    card = page.locator(PREVIEW)
    expect(card).to_be_visible()
    expect(card).to_have_count(1)
    expect(card.locator(".ea-preview__name")).to_have_text("Benjamin Netanyahu")
    expect(card.locator(".ea-preview__kind")).to_have_text(re.compile(r"^Person · \d+ articles?$"))
    kind = card.locator(".ea-preview__kind").inner_text()
    summary = card.locator(".ea-preview__summary").inner_text()
    expect(card.locator("a.ea-preview__link")).to_have_attribute("href", re.compile(ACTOR + "$"))
    box, link = card.bounding_box(), mention.bounding_box()
    assert box["y"] >= link["y"] + link["height"], "the card covers the link it describes"

    # The pointer can travel from the link into the card without the card closing: time
    # stands still on the way, then a second passes with the pointer in the card.
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 30, steps=8)
    page.clock.run_for(1000)  # far longer than the hide delay
    expect(card).to_be_visible()

    page.mouse.move(5, 600, steps=4)  # the empty left margin
    page.clock.run_for(1000)
    expect(card).to_have_count(0)
    expect(mention).not_to_have_attribute("aria-describedby", re.compile(".*"))
    page.clock.resume()

    # What the card says is what the glossary page says.
    mention.click()
    expect(page).to_have_url(re.compile(ACTOR + "$"))
    count = int(infobox(page, "Articles"))
    assert kind == f"Person · {count} article{'s' if count != 1 else ''}"
    expect(page.locator("article .ea-summary")).to_have_text(summary)
    watch.assert_clean()


def test_keyboard_focus_shows_preview_and_escape_hides_it(page: Page, watch):
    ready(page, ARTICLE)
    focused_mention = "() => document.activeElement.matches('article a.ea-mention')"
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate(focused_mention):
            break
    else:
        pytest.fail("no glossary link was reached with Tab")
    mention = page.locator("article a.ea-mention:focus")
    card = page.locator(PREVIEW)
    expect(card).to_be_visible()
    expect(mention).to_have_attribute("aria-describedby", "ea-preview")
    expect(card).to_have_attribute("id", "ea-preview")
    expect(card).to_have_attribute("role", "tooltip")
    name = card.locator(".ea-preview__name").inner_text()
    assert name, "the preview names nobody"
    # The card's own link is not a Tab stop: the next Tab goes to the next link in the text.
    expect(card.locator("a")).to_have_attribute("tabindex", "-1")

    page.keyboard.press("Escape")
    expect(card).to_have_count(0)
    expect(mention).not_to_have_attribute("aria-describedby", re.compile(".*"))
    expect(mention).to_be_focused()  # Escape closes the card, focus stays where it was

    page.keyboard.press("Tab")  # the next mention gets its own card
    expect(page.locator("article a.ea-mention:focus")).to_have_count(1)
    expect(card).to_be_visible()
    expect(card.locator(".ea-preview__name")).not_to_have_text(name)
    watch.assert_clean()


def test_preview_causes_no_layout_shift(page: Page, watch):
    ready(page, ARTICLE)
    blocks = "article p, article li, article h1, article h2, article blockquote"
    boxes = """(selector) => [...document.querySelectorAll(selector)]
        .map((element) => element.getBoundingClientRect().toJSON())"""
    page.evaluate(
        """() => {
            window.__shift = 0;
            new PerformanceObserver((list) => {
                for (const entry of list.getEntries()) window.__shift += entry.value;
            }).observe({type: "layout-shift"});
        }"""
    )
    mentions = page.locator("article a.ea-mention")
    mention = mentions.nth(3)
    mention.scroll_into_view_if_needed()
    before = page.evaluate(boxes, blocks)
    scroll = page.evaluate("() => [scrollX, scrollY]")
    mention.hover()
    expect(page.locator(PREVIEW)).to_be_visible()
    assert page.evaluate(boxes, blocks) == before
    assert page.evaluate("() => [scrollX, scrollY]") == scroll
    assert page.evaluate("() => window.__shift") == 0
    page.mouse.move(5, 600)
    expect(page.locator(PREVIEW)).to_have_count(0)
    assert page.evaluate(boxes, blocks) == before
    watch.assert_clean()


# Charts, map and networks ----------------------------------------------------------------


def test_timeline_bars_add_up_to_the_article_count(page: Page, watch):
    ready(page, ACTOR)
    chart = page.locator(".ea-figure--timeline svg")
    expect(chart).to_be_visible()
    expect(chart).to_have_attribute("role", "img")
    bars = chart.locator(".ea-bar rect")
    assert bars.count() >= 1
    total = 0
    for bar in bars.all():
        expect(bar).to_be_visible()
        assert bar.bounding_box()["height"] > 0
        total += int(re.search(r": (\d+) articles?$", bar.locator("title").text_content())[1])
    assert total == int(infobox(page, "Articles"))
    watch.assert_clean()


def node_name(node) -> str:
    """The entry a network node stands for, from its tooltip ("Name: 3 shared articles")."""
    return node.locator("title").first.text_content().rsplit(":", 1)[0]


@pytest.mark.parametrize(
    ("path", "figure"), [(ACTOR, ".ea-figure--network"), ("/explore/", ".ea-figure--explore")]
)
def test_network_nodes_are_links_that_navigate(page: Page, watch, path, figure):
    ready(page, path)
    chart = page.locator(f"{figure} svg")
    expect(chart).to_be_visible()
    nodes = chart.locator("a[href]:has(.ea-mark)")  # (explore also links the labels)
    assert nodes.count() >= 2
    for node in nodes.all():
        expect(node.locator(".ea-mark").first).to_be_visible()
        assert node.locator(".ea-mark").first.bounding_box()["width"] > 5
    node = nodes.last
    name, target = node_name(node), urljoin(page.url, node.get_attribute("href"))
    node.locator(".ea-mark").first.click()  # the shape itself: an <a>'s box has gaps
    expect(page).to_have_url(target)
    expect(page.locator("article h1")).to_have_text(re.compile("^" + re.escape(name)))
    watch.assert_clean()


def test_location_map_is_visible_with_its_marker(page: Page, watch):
    ready(page, LOCATION)
    figure = page.locator(".ea-figure--map")
    chart = figure.locator(":scope > svg")  # its land is a drawing of its own inside
    expect(chart).to_be_visible()
    expect(chart).to_have_attribute("role", "img")
    expect(chart.locator("title").first).to_have_text(re.compile("Rafah"))
    frame = chart.bounding_box()
    assert frame["width"] >= 300 and frame["height"] >= 150, frame
    marker = chart.locator(".ea-mk").first
    expect(marker).to_be_visible()
    dot = marker.bounding_box()
    assert frame["x"] <= dot["x"] and dot["x"] + dot["width"] <= frame["x"] + frame["width"]
    assert frame["y"] <= dot["y"] and dot["y"] + dot["height"] <= frame["y"] + frame["height"]
    watch.assert_clean()


# Feeds ------------------------------------------------------------------------------------

FEED_LINKS = """() => [...document.querySelectorAll('link[type="application/atom+xml"]')]
    .filter((link) => link.relList.contains("alternate"))
    .map((link) => ({href: link.href, title: link.title}))"""


def fetch_feed(page: Page, url: str) -> ET.Element:
    """GET ``url``: a 200 XML response that parses as an Atom feed with entries."""
    response = page.request.get(url)
    assert response.status == 200, f"{url}: HTTP {response.status}"
    assert "xml" in response.headers["content-type"], response.headers["content-type"]
    root = ET.fromstring(response.body())
    assert root.tag == f"{ATOM}feed", root.tag
    entries = root.findall(f"{ATOM}entry")
    assert entries, f"{url} has no entries"
    for entry in entries:
        for child in ("title", "id", "updated"):
            assert (entry.findtext(f"{ATOM}{child}") or "").strip(), f"{url}: entry without {child}"
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href")
    return root


def entry_titles(feed: ET.Element) -> list[str]:
    return [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]


def test_home_page_advertises_the_site_feed(page: Page, watch):
    ready(page, "/")
    feeds = page.evaluate(FEED_LINKS)
    assert len(feeds) == 1, feeds
    feed = fetch_feed(page, feeds[0]["href"])
    assert urlsplit(feeds[0]["href"]).path == "/feed.xml"
    ready(page, "/articles/")
    listed = page.locator("article li > a").all_inner_texts()
    assert entry_titles(feed) == listed[: len(entry_titles(feed))]  # newest first, like the index
    watch.assert_clean()


@pytest.mark.parametrize("path", [ACTOR, LOCATION])
def test_entity_pages_advertise_their_own_feed(page: Page, watch, path):
    ready(page, path)
    feeds = page.evaluate(FEED_LINKS)
    site = [feed for feed in feeds if urlsplit(feed["href"]).path == "/feed.xml"]
    own = [feed for feed in feeds if urlsplit(feed["href"]).path == f"{path}feed.xml"]
    assert len(site) == 1 and len(own) == 1 and len(feeds) == 2, feeds
    name = page.locator("article h1").inner_text().rstrip("¶").strip()
    assert own[0]["title"].startswith(name), own[0]["title"]
    feed = fetch_feed(page, own[0]["href"])
    # The feed lists the articles the page lists under "Mentioned in", newest first.
    mentioned = page.locator("article li > p > a").all_inner_texts()
    assert entry_titles(feed) == mentioned
    assert len(mentioned) == int(infobox(page, "Articles"))
    # The visible "Follow" link points at the same feed.
    follow = page.locator("article .ea-follow a")
    expect(follow).to_have_attribute("type", "application/atom+xml")
    assert urljoin(page.url, follow.get_attribute("href")) == own[0]["href"]
    watch.assert_clean()


# Print ------------------------------------------------------------------------------------

CHROME = {
    "header": ".md-header",
    "tabs": ".md-tabs",
    "navigation": ".md-sidebar--primary",
    "table of contents": ".md-sidebar--secondary",
    "search": ".md-search",
    "footer": ".md-footer",
    "feed link": ".ea-follow",
}
AFTER = "(link) => getComputedStyle(link, '::after').content"


def test_print_stylesheet_keeps_the_text_and_charts_only(page: Page, watch):
    ready(page, LOCATION)
    external = page.locator("article a[href^='https://']").first
    internal = page.locator("article .ea-infobox ~ p a, article li a").first
    expect(external).to_be_visible()
    expect(internal).to_be_visible()
    assert external.evaluate(AFTER) == "none"  # on screen, no printed address

    page.emulate_media(media="print")
    for what, selector in CHROME.items():
        for element in page.locator(selector).all():
            expect(element, f"{what} ({selector}) is printed").to_be_hidden()
    expect(page.locator("article h1")).to_be_visible()
    figures = page.locator("article .ea-figure > svg")  # not the map's land inside it
    assert figures.count() == 3  # map, timeline, network
    for figure in figures.all():
        expect(figure).to_be_visible()
        assert figure.bounding_box()["height"] > 50
    href = external.get_attribute("href")
    assert href in external.evaluate(AFTER), external.evaluate(AFTER)
    assert internal.evaluate(AFTER) == "none"

    page.emulate_media(media="screen")
    expect(page.locator(".md-header")).to_be_visible()
    watch.assert_clean()


# The whole site ---------------------------------------------------------------------------


def test_no_console_errors_on_any_page(page: Page, watch, seed_site: Path):
    pages = sorted(
        "/" + path.parent.relative_to(seed_site).as_posix() + "/"
        for path in seed_site.rglob("index.html")
    )
    assert len(pages) > 40
    visited = []
    for path in pages:
        ready(page, path.replace("/./", "/"))
        mention = page.locator("article a.ea-mention").first
        if mention.count():
            mention.hover()  # fetches the preview data
            expect(page.locator(PREVIEW)).to_be_visible()
        visited.append(path)
    page.emulate_media(color_scheme="dark")
    ready(page, ACTOR)
    assert watch.problems == [], f"on {len(visited)} pages:\n" + "\n".join(watch.problems)


# README screenshots -----------------------------------------------------------------------

SHOTS = {
    # name: (path, viewport height, colour scheme, scroll to this element, hover this element)
    "home": ("/", 1000, "light", None, None),
    "article": (ARTICLE, 1300, "light", None, None),
    "actor": (ACTOR, 1600, "light", None, None),
    "location": (LOCATION, 1320, "light", None, None),
    "actors-index": ("/actors/", 1200, "light", None, None),
    "explore": ("/explore/", 1300, "light", None, None),
    "preview": (ARTICLE, 800, "light", None, "article a.ea-mention >> text=Benjamin Netanyahu"),
    # The lower half of the glossary page, which actor.png has no room for.
    "dark": (ACTOR, 1450, "dark", "#mentioned-in", None),
}
MAX_BYTES = 400_000


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


# Resolves once two frames have been drawn: the scroll's events and their handlers have run.
_TWO_FRAMES = """() => new Promise((done) =>
  requestAnimationFrame(() => requestAnimationFrame(done)))"""


@pytest.mark.parametrize("name", SHOTS)
def test_readme_screenshot(browser, base_url, tmp_path, name):
    """A README picture, 1280 px wide; ``UPDATE_SCREENSHOTS=1`` writes it to docs/screenshots."""
    out = SCREENSHOTS if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    path, height, scheme, scroll_to, hover = SHOTS[name]
    context = browser.new_context(
        base_url=base_url, viewport={"width": 1280, "height": height}, color_scheme=scheme
    )
    page = context.new_page()
    seen = Watch().attach(page)
    ready(page, path)
    page.wait_for_load_state("networkidle")
    if scroll_to:  # leave room under the header
        page.locator(scroll_to).evaluate(
            "(element) => scrollTo(0, element.getBoundingClientRect().top + scrollY - 90)"
        )
    if hover:
        target = page.locator(hover)
        target.evaluate(
            "(element) => scrollTo(0, element.getBoundingClientRect().top + scrollY - 300)"
        )
        target.hover()
        expect(page.locator(PREVIEW)).to_be_visible()
    # Material moves the header in the frames after a scroll; the screenshot finishes the
    # transitions it starts (animations="disabled").
    page.evaluate(_TWO_FRAMES)
    shot = out / f"{name}.png"
    page.screenshot(path=shot, animations="disabled", caret="hide")
    context.close()
    seen.assert_clean()
    assert png_size(shot) == (1280, height) and height <= 1600
    assert 20_000 < shot.stat().st_size < MAX_BYTES, shot.stat().st_size


def test_a_preview_near_the_bottom_of_the_window_opens_above_the_link(page: Page, watch):
    page.set_viewport_size({"width": 1280, "height": 500})
    ready(page, ARTICLE)
    mention = page.locator("article a.ea-mention").first
    # Put the link at the bottom edge of the window.
    mention.evaluate("el => window.scrollBy(0, el.getBoundingClientRect().bottom - 490)")
    mention.hover()
    card = page.locator(".ea-preview")
    expect(card).to_be_visible()
    link_box, card_box = mention.bounding_box(), card.bounding_box()
    assert card_box["y"] + card_box["height"] <= link_box["y"]
    assert card_box["y"] >= 0
    watch.assert_clean()
