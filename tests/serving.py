"""A real ``explainer serve`` of the sample archive, for the tests that edit under it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import REPO, SAMPLE_CONTENT

WAIT = 90  # seconds: a rebuild under load on a shared machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def wait_for(condition, what: str, log: Path) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    pytest.fail(f"timed out waiting until {what}; server log:\n{log.read_text()[-3000:]}")


class Server:
    def __init__(self, url: str, content: Path, log: Path) -> None:
        self.url, self.content, self.log = url, content, log

    def page(self, path: str) -> tuple[int, str]:
        return fetch(self.url + path)

    def wait_for_page(self, path: str, predicate, what: str) -> None:
        wait_for(lambda: predicate(*self.page(path)), what, self.log)


@contextmanager
def serve_sample(root: Path) -> Iterator[Server]:
    """Serve a copy of the sample archive from ``root`` until the block ends."""
    content = root / "content"
    shutil.copytree(SAMPLE_CONTENT, content)
    port = free_port()
    log = root / "serve.log"
    command = [sys.executable, "-m", "generator", "serve", "--content", str(content)]
    command += ["--dev-addr", f"127.0.0.1:{port}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=out)
    running = Server(f"http://127.0.0.1:{port}/", content, log)
    try:
        running.wait_for_page("", lambda status, _: status == 200, "the site is served")
        yield running
    finally:
        process.terminate()
        process.wait(timeout=30)
