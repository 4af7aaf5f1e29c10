"""Turn saved HTML pages into the raw text a contributor would paste.

A contributor opens a page in a browser, selects it all and pastes it into
`explainer import`.  `document.body.innerText` of the rendered page is what
such a selection copies, so this script renders each saved page in headless
Chromium and writes that text.  Scripts are off and every network request is
refused: the text comes from the saved bytes alone, never from the live site.

Usage:
    python tools/corpus_text.py SOURCE.html OUT.txt [SOURCE.html OUT.txt ...]
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# A common desktop window: innerText follows the layout, so fix it.
VIEWPORT = {"width": 1280, "height": 900}


def page_text(browser, html: str) -> str:
    """Return the innerText of `html` rendered with no scripts and no network."""
    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORT)
    try:
        page = context.new_page()
        # Saved pages point at live images, fonts and styles; none may be fetched.
        page.route("**/*", lambda route: route.abort())
        page.set_content(html, wait_until="domcontentloaded")
        return page.evaluate("() => document.body ? document.body.innerText : ''")
    finally:
        context.close()


def as_pasted(text: str) -> str:
    """Return `text` as a paste into a text box keeps it: Unix newlines, one final newline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.rstrip("\n") + "\n"


def convert(pairs: list[tuple[Path, Path]]) -> None:
    """Write the pasted text of every (source, output) pair."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for source, output in pairs:
                html = source.read_bytes().decode("utf-8", errors="replace")
                output.write_text(as_pasted(page_text(browser, html)), encoding="utf-8")
                print(f"{source} -> {output}")
        finally:
            browser.close()


def main(argv: list[str]) -> int:
    """Parse SOURCE OUT pairs from `argv` and convert them."""
    if not argv or len(argv) % 2:
        print(__doc__, file=sys.stderr)
        return 2
    paths = [Path(arg) for arg in argv]
    convert(list(zip(paths[::2], paths[1::2], strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
