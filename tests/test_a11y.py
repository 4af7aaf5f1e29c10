"""Accessibility of the built seed site: axe-core finds no WCAG 2.1 A/AA violation.

Every page type is checked in the light and the dark scheme (Material's palette follows
``prefers-color-scheme``), and in the states a reader puts it in: a hover preview open, the
search box showing results. axe-core is injected by ``axe-playwright-python`` (no node step).

Nothing is allow-listed. Stock Material fails some of these rules; theme/ fixes them
(explainer.css: footer and tab contrast, underlined prose links, dark-scheme link and mark
colours; main.html: a name for the search dialog).
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SEED_SLUG = "blinken-leaves-the-middle-east-after-failing-to-secure-a-breakthrough-in-the"

PAGES = {
    "home": "/",
    "article": f"/articles/{SEED_SLUG}/",
    "actor": "/actors/benjamin-netanyahu/",
    "location": "/locations/rafah/",  # with the map, a timeline and an ego network
    "actors-index": "/actors/",
    "locations-index": "/locations/",
    "articles-index": "/articles/",
    "month": "/archive/2024-08/",
    "explore": "/explore/",
    "not-found": "/404.html",
}
# Checked at a phone's and a desktop's width too: their layouts differ.
TOPIC_AND_HOME = {"topic": "/topics/mediation/", "topics-index": "/topics/", "home": "/"}
SCHEMES = {"light": "default", "dark": "slate"}  # emulated colour scheme → Material scheme

AXE = Axe()


def violations(page: Page, options: dict) -> list[str]:
    """axe-core's violations on the page as it is now, one readable line per element."""
    results = AXE.run(page, options={**options, "resultTypes": ["violations"]}).response
    return [
        f"{found['id']} ({found['impact']}) {' '.join(node['target'])}: "
        + " | ".join(node.get("failureSummary", "").split("\n")[1:])
        for found in results["violations"]
        for node in found["nodes"]
    ]


def wcag_violations(page: Page) -> list[str]:
    """WCAG 2.1 A/AA violations once the page has come to rest.

    A click or a scroll sets off Material's header and tab transitions; axe reads colours,
    so under load it could read a half-faded title. It looks when no animation runs, as a
    reader would see the page.
    """
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
    return violations(page, {"runOnly": {"type": "tag", "values": WCAG_TAGS}})


# True once the page is back at its top and Material's header and tabs have finished
# fading: the tabs shown again (where the width shows tabs), the site's name back in the
# header, and (styles read first, which starts any transition due) no transition running.
AT_REST_AT_TOP = """() => {
  const tabs = document.querySelector(".md-tabs");
  const faded = [...document.querySelectorAll(".md-tabs__link, .md-header__topic")];
  faded.forEach((el) => getComputedStyle(el).opacity);
  const tabsShown = !tabs || !tabs.hidden || getComputedStyle(tabs).display === "none";
  return window.scrollY === 0 && tabsShown
    && !document.querySelector(".md-header__title--active")
    && document.getAnimations().every((a) => a.playState !== "running");
}"""


def back_at_top(page: Page) -> None:
    """Scroll back to the top after a click or scroll, and wait until the header is at rest.

    Scrolling down hides Material's tabs and swaps the header title with fades that start
    a frame or two later; axe reads colours, so it must not look while they run.
    """
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_function(AT_REST_AT_TOP)


def open_in_scheme(page: Page, path: str, scheme: str) -> None:
    """Load ``path`` with the reader's system set to ``scheme``; wait for Material's script."""
    page.emulate_media(color_scheme=scheme)
    page.goto(path)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
    expect(page.locator("input.md-search__input")).to_be_visible()
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_wcag21_aa_violations(page: Page, path: str, scheme: str):
    open_in_scheme(page, path, scheme)
    found = wcag_violations(page)
    assert found == [], f"{path} ({scheme}):\n" + "\n".join(found)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", [320, 1280])
def test_drawings_on_a_phone_and_an_open_timeline_table_have_no_violations(
    page: Page, scheme: str, width: int
):
    """The drawing pages as a phone shows them (networks panned), the bar table unfolded."""
    page.set_viewport_size({"width": width, "height": 900})
    for path in (PAGES["location"], PAGES["explore"]):
        open_in_scheme(page, path, scheme)
        table = page.locator(".ea-table")
        if table.count():
            table.locator("summary").click()
            expect(table.locator("table")).to_be_visible()
            back_at_top(page)  # the click scrolled the page, which fades the tabs
        found = wcag_violations(page)
        assert found == [], f"{path} ({scheme}, {width} px):\n" + "\n".join(found)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("name", TOPIC_AND_HOME)
def test_topic_pages_and_home_have_no_violations(page: Page, name, width, scheme):
    """The topic page, the topics index and the home page at a phone's and a desktop's width."""
    page.set_viewport_size({"width": width, "height": 900})
    open_in_scheme(page, TOPIC_AND_HOME[name], scheme)
    found = wcag_violations(page)
    assert found == [], f"{name} ({scheme}, {width} px):\n" + "\n".join(found)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_open_preview_has_no_violations(page: Page, scheme: str):
    open_in_scheme(page, PAGES["article"], scheme)
    page.locator("article a.ea-mention").first.hover()
    expect(page.locator(".ea-preview")).to_be_visible()
    found = wcag_violations(page)
    assert found == [], f"preview ({scheme}):\n" + "\n".join(found)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_search_results_have_no_violations(page: Page, scheme: str):
    open_in_scheme(page, "/", scheme)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("Rafah", delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"^\d+ matching"))
    found = wcag_violations(page)
    assert found == [], f"search results ({scheme}):\n" + "\n".join(found)


def test_search_dialog_has_a_name(page: Page):
    """Material leaves its role=dialog search box unnamed; main.html names it.

    ``aria-dialog-name`` is an axe best-practice rule, outside the WCAG tags above, but
    Lighthouse counts it in its accessibility score.
    """
    open_in_scheme(page, "/", "light")
    expect(page.get_by_role("dialog", name="Search")).to_have_count(1)
    found = violations(page, {"runOnly": {"type": "rule", "values": ["aria-dialog-name"]}})
    assert found == [], "\n".join(found)


def test_axe_reports_what_it_is_meant_to_catch(page: Page):
    """The check is live: planted low-contrast text and an unnamed button are reported."""
    open_in_scheme(page, "/", "light")
    page.evaluate(
        """() => {
            const p = document.createElement("p");
            p.id = "planted-faint";
            p.textContent = "Barely visible";
            p.style.color = "#cccccc";
            const button = document.createElement("button");
            button.id = "planted-unnamed";
            document.querySelector("article").append(p, button);
        }"""
    )
    found = "\n".join(wcag_violations(page))
    assert re.search(r"^color-contrast \(serious\) #planted-faint", found, re.M), found
    assert re.search(r"^button-name \(critical\) #planted-unnamed", found, re.M), found
