"""Writing the docs folder: only changed bytes, only its own files removed, nothing outside."""

from __future__ import annotations

import os

import pytest

from generator.output.write import MANIFEST, ForeignFilesError, write_pages
from generator.site.pages.common import Page


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


def test_a_file_the_generator_did_not_write_stops_the_write_and_stays(tmp_path) -> None:
    docs = tmp_path / "docs"
    write_pages((Page("index.md", "home\n"),), docs)
    (docs / "planted.md").write_text("<script>alert(1)</script>")
    with pytest.raises(ForeignFilesError, match=r"planted\.md"):
        write_pages((Page("index.md", "changed\n"),), docs)
    assert (docs / "planted.md").exists()
    assert (docs / "index.md").read_text() == "home\n"  # nothing was written either


def test_a_link_in_the_docs_folder_stops_the_write(tmp_path) -> None:
    docs, outside = tmp_path / "docs", tmp_path / "outside.txt"
    outside.write_text("keep")
    write_pages((Page("index.md", "home\n"),), docs)
    (docs / "index.md").unlink()
    (docs / "index.md").symlink_to(outside)
    with pytest.raises(ForeignFilesError, match="a symbolic link"):
        write_pages((Page("index.md", "home\n"),), docs)
    assert outside.read_text() == "keep"


@pytest.mark.parametrize("listed", ["../outside.txt", "/etc/passwd", "a/../../outside.txt"])
def test_a_tampered_manifest_removes_nothing_outside(tmp_path, listed: str) -> None:
    docs, outside = tmp_path / "docs", tmp_path / "outside.txt"
    outside.write_text("keep")
    write_pages((Page("index.md", "home\n"),), docs)
    (docs / MANIFEST).write_text(f"index.md\n{listed}\n")
    report = write_pages((Page("other.md", "x\n"),), docs)
    assert report.removed == ("index.md",)
    assert outside.read_text() == "keep"


def test_pages_of_an_interrupted_write_are_still_the_generators(tmp_path) -> None:
    """The manifest names new pages before they are written, so a crash leaves no stranger."""
    docs = tmp_path / "docs"
    write_pages((Page("index.md", "home\n"),), docs)
    manifest = (docs / MANIFEST).read_text()
    (docs / MANIFEST).write_text(manifest + "new.md\n")  # as recorded just before a crash
    (docs / "new.md").write_text("half")
    (docs / ".tmp-abc.md").write_text("half")
    report = write_pages((Page("index.md", "home\n"),), docs)
    assert report.removed == ("new.md",)
    assert sorted(p.name for p in docs.iterdir()) == [MANIFEST, "index.md"]


@pytest.mark.parametrize(
    ("second", "written", "remembered"),
    [
        ((Page("index.md", "home\n"), Page("a.md", "a\n")), (), ["a.md", "index.md"]),
        ((Page("index.md", "home!\n"), Page("a.md", "a\n")), ("index.md",), ["a.md", "index.md"]),
        ((Page("index.md", "home\n"),), (), ["index.md"]),
    ],
)
def test_a_process_that_remembers_its_last_write_rewrites_only_changes(
    tmp_path, second: tuple[Page, ...], written: tuple[str, ...], remembered: list[str]
) -> None:
    docs, known = tmp_path / "docs", {}
    write_pages((Page("index.md", "home\n"), Page("a.md", "a\n")), docs, known)
    report = write_pages(second, docs, known)
    assert report.written == written
    assert sorted(known) == remembered
    assert all((docs / page.path).read_text() == page.text for page in second)
