"""Browser fixtures: a system Chromium for pytest-playwright, the page watcher, search typing.

A pytest plugin, not part of conftest.py, so that only runs with pytest-playwright import
Playwright: conftest.py registers it when pytest-playwright is loaded (every run but
``nox -s fast``, which passes ``-p no:playwright``). Browser test modules import their
helpers from here.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from watch import Watch

# Flags from tooling.md: no sandbox (root in a container), and nothing that phones home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL_HINT = (
    "Browser tests need Chromium and none was found. Install one with "
    "`apt-get install chromium` (Debian/Ubuntu; it lands in /usr/bin/chromium), or "
    "`python -m playwright install chromium`, or point $CHROMIUM at a Chromium/Chrome binary."
)


@pytest.fixture(scope="session")
def base_url(site_url: str) -> str:
    """Lets ``page.goto("/")`` work; also replaces pytest-playwright's deprecated fallback."""
    return site_url


def find_chromium(bundled: str | None) -> str:
    """``$CHROMIUM``, else ``/usr/bin/chromium``, else Playwright's own browser, else fail."""
    configured = os.environ.get("CHROMIUM")
    if configured:
        path = shutil.which(configured) or configured
        if not Path(path).is_file():
            pytest.fail(f"$CHROMIUM is {configured!r}, which does not exist. {INSTALL_HINT}")
        return path
    for candidate in ("/usr/bin/chromium", bundled):
        if candidate and Path(candidate).is_file():
            return candidate
    pytest.fail(INSTALL_HINT)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict, playwright) -> dict:
    """Launch a system Chromium (a missing browser fails the tests, never skips them)."""
    try:
        bundled = playwright.chromium.executable_path
    except Exception:  # Playwright's own browser is not registered at all
        bundled = None
    executable = find_chromium(bundled)
    return {**browser_type_launch_args, "executable_path": executable, "args": CHROMIUM_ARGS}


@pytest.fixture
def watch(page) -> Iterator[Watch]:
    """Console errors, uncaught exceptions, failed, missing or non-local requests of ``page``."""
    yield Watch().attach(page)


def type_into_search(page: Page, text: str, delay: float = 5) -> None:
    """Type ``text`` into Material's search box key by key, as a reader does."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(text, delay=delay)
    expect(box).to_have_value(text)


@contextlib.contextmanager
def cold_page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A page in a context of its own: empty cache, nothing shared with other tests."""
    context = browser.new_context(base_url=base_url)
    try:
        yield context.new_page()
    finally:
        context.close()
