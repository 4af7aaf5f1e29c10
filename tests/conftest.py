"""Session fixtures: the sample and seed sites built once, and served over HTTP.

The sites are built the way a maintainer builds them, by the ``explainer build`` command in
a subprocess (``python -m generator build``), into a temporary folder. Browser tests drive a
real headless Chromium (pytest-playwright) against the seed site served on 127.0.0.1; their
fixtures are in browser_fixtures.py, loaded by tiers.py only where pytest-playwright is, so
that this file, which every test loads, imports no Playwright.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest_plugins = ["tiers"]

REPO = Path(__file__).resolve().parent.parent
SAMPLE_CONTENT = REPO / "tests" / "sample" / "content"
SEED_CONTENT = REPO / "content"
CONFIG_FILE = REPO / "mkdocs.yml"

BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1"}


def build_with_cli(content: Path, site_dir: Path, *more: str) -> subprocess.CompletedProcess[str]:
    """``python -m generator build --content CONTENT --site-dir SITE_DIR [MORE…]`` from the repo."""
    env = {**os.environ, **BUILD_ENV}
    command = [sys.executable, "-m", "generator", "build", "--content", str(content)]
    command += ["--site-dir", str(site_dir), "--config-file", str(CONFIG_FILE), *more]
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
