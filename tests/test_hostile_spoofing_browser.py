"""Contributed links dressed as the site's own, in Chromium: the preview script previews
pages of the site only, and a genuine card links to the entry on this site.

The sanitizer's side of it (no contributed HTML keeps the site's classes) is
test_hostile_spoofing.py.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SEED_SLUG = "blinken-leaves-the-middle-east-after-failing-to-secure-a-breakthrough-in-the"
ARTICLE = f"/articles/{SEED_SLUG}/"
ENTRY = "/actors/benjamin-netanyahu/"
EVIL = "https://evil.example/actors/benjamin-netanyahu/"


_DRESSED = [
    EVIL,
    "//evil.example/actors/benjamin-netanyahu/",
    "http://127.0.0.1:1/actors/benjamin-netanyahu/",
]
# Adds a link the way no build can any longer write one, to test the script on its own.
_ADD_LINK = """([href, id]) => {
  const link = document.createElement("a");
  link.className = "ea-mention";
  link.href = href;
  link.id = id;
  link.textContent = "Benjamin Netanyahu (dressed)";
  document.querySelector("article p").prepend(link);
}"""


def _ready(page: Page) -> None:
    page.goto(ARTICLE)
    expect(page.locator("input.md-search__input")).to_be_visible()


# Resolves once every task already queued has run: the preview script shows a card within
# the task that follows the pointer's event, its data being loaded already.
_CARD_AFTER_QUEUED_WORK = """() => new Promise((done) =>
  setTimeout(() => done(document.getElementById("ea-preview") !== null), 0))"""


@pytest.mark.parametrize("href", _DRESSED)
def test_a_link_off_the_site_gets_no_preview_card(page: Page, href: str) -> None:
    _ready(page)
    # The genuine mention shows its card: the script runs and its data is loaded.
    page.locator("article a.ea-mention", has_text="Benjamin Netanyahu").first.hover()
    expect(page.locator(".ea-preview")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator(".ea-preview")).to_have_count(0)
    page.evaluate(_ADD_LINK, [href, "dressed"])
    dressed = page.locator("#dressed")
    dressed.hover()
    assert page.evaluate(_CARD_AFTER_QUEUED_WORK) is False
    dressed.focus()
    assert page.evaluate(_CARD_AFTER_QUEUED_WORK) is False
    expect(dressed).not_to_have_attribute("aria-describedby", "ea-preview")


def test_a_genuine_cards_link_leads_to_the_entry_on_this_site(page: Page) -> None:
    _ready(page)
    mention = page.locator("article a.ea-mention", has_text="Benjamin Netanyahu").first
    mention.hover()
    link = page.locator(".ea-preview a.ea-preview__link")
    expect(link).to_be_visible()
    origin = page.evaluate("location.origin")
    assert link.evaluate("(a) => a.href") == origin + ENTRY
