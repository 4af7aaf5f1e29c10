"""What a reader's first search costs, measured in headless Chromium on 127.0.0.1.

For a built site: open the home page with an empty cache, type a query the way Material
reads it, and record the time until the first results are on screen and the bytes fetched
for search from opening the page (index, worker, Pagefind's code). A second query shows
the warm cost, and a query typed at a reader's pace (a key every 120 ms after clicking the
box) the time from the last key to its results. The same runs on the bare build give
Material's lunr search.

``python -m benchmarks.search SITE QUERY`` prints the figures for one site.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

# Runs in the page: type ``query`` and resolve with the milliseconds until its results show.
# Results are told apart from those of an earlier, shorter query by the words Material puts
# in each result link (?h=…) for highlighting on the page.
TYPE_AND_TIME = """(query) => new Promise((resolve) => {
  const list = document.querySelector(".md-search-result__list");
  const box = document.querySelector("input.md-search__input");
  const last = query.trim().split(/\\s+/).pop().toLowerCase();
  const started = performance.now();
  setTimeout(() => resolve(-1), 120000);
  const answered = () => {
    const link = list.querySelector("a");
    const words = link ? (new URL(link.href).searchParams.get("h") || "").split(" ") : [];
    return words.includes(last);
  };
  new MutationObserver((_, observer) => {
    if (answered()) { observer.disconnect(); resolve(performance.now() - started); }
  }).observe(list, { childList: true });
  box.focus();
  box.value = query;
  box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
})"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def served(site: Path):
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _chromium() -> str | None:
    for path in (os.environ.get("CHROMIUM"), "/usr/bin/chromium"):
        if path and Path(path).is_file():
            return path
    return None


# What belongs to search, whenever it is fetched: Material fetches its lunr index and
# worker as the page loads, Pagefind's worker loads its index when the reader types.
SEARCH_PATHS = ("/search/search_index.json", "/assets/javascripts/workers/", "/pagefind/")
SEARCH_PATHS += ("/assets/javascripts/lunr/", "/assets/javascripts/search-worker.js")
SEARCH_PATHS += ("/assets/javascripts/search-query.js",)


@contextmanager
def _cold_page(browser, worker: Path | None):
    """A page with an empty cache; with ``worker``, Material's lunr worker in place of ours."""
    context = browser.new_context()
    page = context.new_page()
    if worker is not None:
        # The bare build has the same theme files, so its pages name our worker.
        page.route("**/assets/javascripts/search-worker.js", lambda r: r.fulfill(path=worker))
    try:
        yield page
    finally:
        context.close()


def _one_run(browser, url: str, queries: tuple[str, str], worker: Path | None) -> dict:
    with _cold_page(browser, worker) as page:
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.goto(url)
        page.wait_for_load_state("networkidle")
        page.wait_for_selector("input.md-search__input")
        first_ms = page.evaluate(TYPE_AND_TIME, queries[0])
        page.wait_for_load_state("networkidle")
        searched = [r for r in responses if any(p in r.url for p in SEARCH_PATHS)]
        fetched = sum(r.request.sizes()["responseBodySize"] for r in searched)
        second_ms = page.evaluate(TYPE_AND_TIME, queries[1])
        return {
            "first_ms": first_ms,
            "bytes": fetched,
            "requests": len(searched),
            "next_ms": second_ms,
        }


def _typed_run(browser, url: str, query: str, worker: Path | None) -> float:
    """A reader's pace: click the box, type a key every 120 ms; ms from the last key."""
    with _cold_page(browser, worker) as page:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially(query[:-1], delay=120)
        page.wait_for_timeout(120)
        return page.evaluate(TYPE_AND_TIME, query)


def measure_search(site: Path, query: str, repeat: int = 3, *, lunr: bool = False) -> dict:
    """Fastest of ``repeat`` cold first searches (and the warm one after each) on ``site``.

    ``lunr``: search with Material's built-in worker and index (a bare build's).
    """
    from playwright.sync_api import sync_playwright

    words = query.split()
    second = words[0][:4] if words else query
    with served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium())
        try:
            worker = None
            if lunr:
                worker = next((site / "assets" / "javascripts" / "workers").glob("search.*.js"))
            runs = [_one_run(browser, url, (query, second), worker) for _ in range(repeat)]
            typed = min(_typed_run(browser, url, query, worker) for _ in range(repeat))
        finally:
            browser.close()
    best = min(runs, key=lambda run: run["first_ms"])
    return {
        **best,
        "next_ms": min(run["next_ms"] for run in runs),
        "typed_ms": typed,
        "query": query,
    }


def busiest_name(site: Path, key: str = "location") -> str:
    """The name most article pages carry as a search filter: a query with many results."""
    import re
    from collections import Counter

    pattern = re.compile(rf'data-pagefind-filter="{key}" data-pagefind-ignore>([^<]*)<')
    counts: Counter = Counter()
    for page in (site / "articles").glob("*/index.html"):
        counts.update(set(pattern.findall(page.read_text(encoding="utf-8"))))
    return counts.most_common(1)[0][0] if counts else "the"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (1, 2):
        print(__doc__, file=sys.stderr)
        return 2
    site = Path(args[0])
    query = args[1] if len(args) == 2 else busiest_name(site)
    print(json.dumps(measure_search(site, query), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
