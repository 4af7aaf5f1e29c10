"""Writing the docs folder: only changed bytes, stale output removed, nothing outside."""

from __future__ import annotations

import os

import pytest

from generator.pages.common import Page
from generator.write import write_pages


def test_only_changed_files_are_rewritten_and_stale_ones_removed(tmp_path) -> None:
    docs = tmp_path / "docs"
    (docs).mkdir()
    (docs / ".gitkeep").write_text("")
    first = (Page("index.md", "home\n"), Page("a/x.md", "x\n"), Page("a/x/feed.xml", "<f/>"))
    report = write_pages(first, docs)
    assert sorted(report.written) == ["a/x.md", "a/x/feed.xml", "index.md"]
    os.utime(docs / "index.md", (1, 1))
    second = (Page("index.md", "home\n"), Page("b/y.md", "y\n"))
    report = write_pages(second, docs)
    assert report.written == ("b/y.md",)
    assert report.unchanged == 1
    assert sorted(report.removed) == ["a/x.md", "a/x/feed.xml"]
    assert (docs / "index.md").stat().st_mtime == 1  # untouched, so watchers see no change
    assert not (docs / "a").exists()
    assert (docs / ".gitkeep").exists()


@pytest.mark.parametrize("path", ["../evil.md", "/etc/evil.md", "a/../../evil.md"])
def test_paths_outside_the_docs_folder_are_refused(tmp_path, path: str) -> None:
    with pytest.raises(ValueError, match="leaves the docs folder"):
        write_pages((Page(path, "x"),), tmp_path / "docs")
    assert not (tmp_path / "evil.md").exists()
