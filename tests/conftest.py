"""Session fixtures: the sample and seed sites built once, served over HTTP, and the browser.

The sites are built the way a maintainer builds them, by the ``explainer build`` command in
a subprocess (``python -m generator build``), into a temporary folder. Browser tests drive a
real headless Chromium (pytest-playwright) against the seed site served on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from watch import Watch

REPO = Path(__file__).resolve().parent.parent
SAMPLE_CONTENT = REPO / "tests" / "sample" / "content"
SEED_CONTENT = REPO / "content"
CONFIG_FILE = REPO / "mkdocs.yml"

BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1"}
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


def build_with_cli(content: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """``python -m generator build --content CONTENT --site-dir SITE_DIR`` from the repo."""
    env = {**os.environ, **BUILD_ENV}
    command = [sys.executable, "-m", "generator", "build", "--content", str(content)]
    command += ["--site-dir", str(site_dir), "--config-file", str(CONFIG_FILE)]
    run = functools.partial(
        subprocess.run, cwd=REPO, env=env, capture_output=True, text=True, timeout=600
    )
    return run(command)


def _built(content: Path, site_dir: Path) -> Path:
    result = build_with_cli(content, site_dir)
    assert result.returncode == 0, (
        f"building {content} failed (exit {result.returncode}):\n"
        f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    )
    assert (site_dir / "index.html").is_file(), f"no index.html in {site_dir}:\n{result.stdout}"
    return site_dir


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from ``tests/sample/content``."""
    return _built(SAMPLE_CONTENT, tmp_path_factory.mktemp("sample") / "site")


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the repository's ``content/``."""
    return _built(SEED_CONTENT, tmp_path_factory.mktemp("seed") / "site")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on a free 127.0.0.1 port in this process; yield its root URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def site_url(seed_site: Path) -> Iterator[str]:
    """The seed site served over HTTP (search needs http://, not file://)."""
    with serve(seed_site) as url:
        yield url


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
