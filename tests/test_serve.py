"""``explainer serve``: edits, additions, renames and deletions reach the served site.

The server rebuilds only changed pages (MkDocs' dirty builds, see generator/output/live.py), so
these tests check what a dirty build could get wrong: stale pages, stale links, and a
search index that lags behind. Search may catch up a few seconds after a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser
from serving import Server, serve_sample, wait_for

pytestmark = pytest.mark.browser

# Started without waiting for it; the test polls for its answer with a timeout, because an
# index half rewritten by the server can leave a fetch or the import pending for good.
SEARCH_INDEX = """(word) => {
  window.__found = undefined;
  (async () => {
    const pagefind = await import("/pagefind/pagefind.js");
    await pagefind.options({ baseUrl: "/" });
    await pagefind.init();
    const found = await pagefind.search(word);
    const pages = await Promise.all(found.results.map((result) => result.data()));
    window.__found = pages.map((page) => page.url);
  })().catch(() => { window.__found = []; });
}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve_sample(tmp_path_factory.mktemp("serve")) as running:
        yield running


def _search(browser: Browser, server: Server, word: str) -> list[str]:
    context = browser.new_context()  # a fresh cache, as after a reload
    context.set_default_timeout(15_000)
    # MkDocs' live-reload script holds a request open and reloads the page on each rebuild;
    # this page only queries the index, so it does without.
    context.route("**/livereload/**", lambda route: route.abort())
    try:
        page = context.new_page()
        page.goto(server.url, wait_until="domcontentloaded")
        page.evaluate(SEARCH_INDEX, word)
        return page.wait_for_function("() => window.__found", polling=100).json_value()
    except Exception:  # a reload, a timeout, the index being rewritten: ask again
        return []
    finally:
        context.close()


def test_an_edit_reaches_the_page_the_glossary_and_search(server: Server, browser: Browser):
    article = server.content / "articles" / "ferry-talks.md"
    article.write_text(
        article.read_text(encoding="utf-8")
        + "\nOduya praised the Quillfeather report on the harbour.\n",
        encoding="utf-8",
    )
    server.wait_for_page(
        "articles/ferry-talks-stall-over-checkpoint/",
        lambda _, html: "Quillfeather" in html,
        "the edit shows",
    )
    wait_for(
        lambda: (
            "/articles/ferry-talks-stall-over-checkpoint/"
            in _search(browser, server, "Quillfeather")
        ),
        "search finds the new word",
        server.log,
    )


def test_a_new_entry_gets_a_page_and_links(server: Server):
    (server.content / "actors" / "quay-union.md").write_text(
        "---\nname: Quay Union\nkind: organisation\naliases: [Quay Union]\n"
        "summary: Dock workers' union of Port Aurel.\n---\n\nThe union of the dockers.\n",
        encoding="utf-8",
    )
    article = server.content / "articles" / "ferry-timetable.md"
    article.write_text(
        article.read_text(encoding="utf-8") + "\nThe Quay Union welcomed the timetable.\n",
        encoding="utf-8",
    )
    server.wait_for_page(
        "actors/quay-union/", lambda status, _: status == 200, "the new entry has a page"
    )
    server.wait_for_page(
        "articles/ferry-timetable/",
        lambda _, html: 'href="../../actors/quay-union/"' in html,
        "the article links the new entry",
    )


def test_a_renamed_entry_is_renamed_everywhere(server: Server):
    entry = server.content / "actors" / "harbour-watch.md"
    text = entry.read_text(encoding="utf-8")
    entry.write_text(re.sub(r"(?m)^name: .*$", "name: Harbour Lookout", text), encoding="utf-8")
    server.wait_for_page(
        "actors/harbour-watch/", lambda _, html: "Harbour Lookout" in html, "the page renamed"
    )
    server.wait_for_page("actors/", lambda _, html: "Harbour Lookout" in html, "index renamed")


def test_a_deleted_article_leaves_no_page_and_no_link(server: Server):
    (server.content / "articles" / "ferry-suspended.md").unlink()
    server.wait_for_page(
        "articles/ferry-suspended/", lambda status, _: status == 404, "its page is gone"
    )
    status, listing = server.page("articles/")
    assert status == 200 and "ferry-suspended" not in listing
    for path in ("", "actors/mara-oduya/", "locations/vesta-strip/"):
        status, html = server.page(path)
        assert status == 200 and "ferry-suspended" not in html, path


def test_a_renamed_article_moves_and_every_link_follows(server: Server):
    article = server.content / "articles" / "league-session.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("slug: league-session", "slug: league-meets"), "utf-8")
    server.wait_for_page("articles/league-meets/", lambda status, _: status == 200, "new address")
    server.wait_for_page(
        "articles/league-session/", lambda status, _: status == 404, "the old address is gone"
    )
    for path in ("articles/", "actors/coastal-league/", "actors/mara-oduya/"):
        status, html = server.page(path)
        assert status == 200 and "league-meets" in html and "league-session/" not in html, path


# Pages that none of the edits above touched: a rebuild that skips what the last build
# made must leave them served, as they were.
@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("locations/vesta/", "Vesta"),
        ("actors/daily-lantern/", "Daily Lantern"),
        ("explore/", "Explore"),
        ("feed.xml", "<feed"),
    ],
)
def test_pages_no_edit_touched_are_still_served(server: Server, path: str, text: str):
    status, html = server.page(path)
    assert status == 200 and text in html, path
