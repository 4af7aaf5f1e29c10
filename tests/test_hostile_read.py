"""Reading content/ never hangs and never raises: FIFOs, devices and vanished files.

Every I/O failure becomes one Problem naming the path. The checks that could hang run
``explainer check`` in a subprocess, so that a regression fails the test (at its
time-out) instead of stopping the whole run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.content.files import UnreadableFile, read_regular_file
from generator.content.read import read_file

REPO = Path(__file__).resolve().parent.parent
ARTICLE = "---\ntitle: Talks\ndate: 2024-08-21\n---\nText.\n"
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")


def _content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "talks.md").write_text(ARTICLE)
    return content


def _check(content: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "generator", "check", "--content", str(content)]
    # The time-out only turns a hang into a failure; nothing here depends on speed.
    return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)


def _one_line_error(result: subprocess.CompletedProcess[str], path: str, needle: str) -> None:
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    [line] = [line for line in result.stdout.splitlines() if line.startswith("error: ")]
    assert path in line and needle in line


@needs_fifo
@pytest.mark.parametrize("where", ["inside", "sibling"])
def test_a_link_to_a_fifo_is_refused_not_waited_on(tmp_path: Path, where: str) -> None:
    content = _content(tmp_path)
    fifo = content / "articles" / "pipe" if where == "inside" else content / "pipe"
    os.mkfifo(fifo)
    (content / "articles" / "wait.md").symlink_to(fifo)
    _one_line_error(_check(content), "articles/wait.md", "is not a regular file")


@needs_fifo
def test_a_fifo_named_like_markdown_is_not_read(tmp_path: Path) -> None:
    content = _content(tmp_path)
    os.mkfifo(content / "articles" / "pipe.md")
    result = _check(content)
    assert result.returncode == 0, result.stdout
    assert "articles/pipe.md: file: not a Markdown (.md) file; ignored" in result.stdout


def test_a_link_to_a_folder_is_refused(tmp_path: Path) -> None:
    content = _content(tmp_path)
    (content / "articles" / "sub").mkdir()
    (content / "articles" / "folder.md").symlink_to(content / "articles" / "sub")
    _one_line_error(_check(content), "articles/folder.md", "is not a regular file")


def test_a_section_that_is_a_file_is_one_problem(tmp_path: Path) -> None:
    content = _content(tmp_path)
    (content / "actors").write_text("not a folder\n")
    _one_line_error(_check(content), "content/actors", "folder cannot be listed: Not a directory")


def test_a_file_gone_between_listing_and_reading_is_one_problem(tmp_path: Path) -> None:
    content = _content(tmp_path)
    gone = content / "articles" / "gone.md"  # listed a moment ago, deleted since
    item, problems = read_file(gone, content, "articles", "articles/gone.md", folder_inside=True)
    assert item is None
    [problem] = problems
    assert (problem.path, problem.field) == ("articles/gone.md", "file")
    assert problem.message == "cannot be read: No such file or directory"


def _without_root_privileges() -> list[str]:
    """A command prefix under which root, too, is refused what permissions forbid."""
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def test_an_unlistable_section_is_one_problem(tmp_path: Path) -> None:
    content = _content(tmp_path)
    (content / "actors").mkdir()
    (content / "actors").chmod(0)
    command = [*_without_root_privileges(), sys.executable, "-m", "generator", "check"]
    try:
        result = subprocess.run(
            [*command, "--content", str(content)], capture_output=True, text=True, check=False
        )
    finally:
        (content / "actors").chmod(0o755)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "actors: file: folder cannot be listed: Permission denied" in result.stdout


@pytest.mark.parametrize(("size", "read"), [(10, 10), (100, 51)])
def test_no_more_than_the_limit_is_read(tmp_path: Path, size: int, read: int) -> None:
    path = tmp_path / "big.md"
    path.write_bytes(b"x" * size)
    assert len(read_regular_file(path, 51)) == read


@pytest.mark.parametrize("target", ["missing", "folder"])
def test_reading_anything_but_a_regular_file_raises_one_reason(tmp_path: Path, target: str):
    path = tmp_path / target
    if target == "folder":
        path.mkdir()
    with pytest.raises(UnreadableFile) as raised:
        read_regular_file(path, 100)
    expected = (
        "is not a regular file (a folder); not read"
        if target == "folder"
        else "cannot be read: No such file or directory"
    )
    assert str(raised.value) == expected
