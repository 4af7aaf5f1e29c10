"""``explainer build --cache DIR``: a warm build makes the very bytes a cold build makes.

Each case builds the sample archive once with an empty cache, changes the content, then
builds again with that cache and once more without any, and compares the two sites file
by file. Pagefind's bundle is compared by its per-page fragments only: two Pagefind runs
over the same pages already differ in their filter chunks and metadata file.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import build_with_cli

from generator.output.build_cache import MARKER, MARKER_TEXT, BuildCache, digest
from generator.output.cache_use import open_cache
from generator.output.page_links import SiteFiles
from generator.site.pages.common import Page

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "sample" / "content"
KEY = "a" * 64


def _build(
    content: Path, site: Path, cache: Path | None = None, more: tuple | list = ()
) -> subprocess.CompletedProcess:
    args = ["-v", *more, *(["--cache", str(cache)] if cache else [])]
    done = build_with_cli(content, site, *args)
    assert done.returncode == 0, done.stderr
    return done


def _tree(site: Path) -> dict[str, bytes]:
    """Every file of the site but Pagefind's run-dependent chunks (its fragments stay)."""
    files = {}
    for path in site.rglob("*"):
        relative = path.relative_to(site).as_posix()
        if path.is_file() and (not relative.startswith("pagefind/") or "/fragment/" in relative):
            files[relative] = path.read_bytes()
    return files


def _edit_article(content: Path) -> None:
    path = content / "articles" / "ferry-timetable.md"
    path.write_text(path.read_text() + "\nThe timetable was printed again.\n")


def _delete_article(content: Path) -> None:
    (content / "articles" / "league-session.md").unlink()


def _rename_article(content: Path) -> None:
    articles = content / "articles"
    (articles / "ferry-talks.md").rename(articles / "ferry-talks-resume.md")


def _edit_entry(content: Path) -> None:
    path = content / "actors" / "tomas-reyl.md"
    path.write_text(path.read_text().replace("summary: ", "summary: Long known as ", 1))


def _add_article(content: Path) -> None:
    text = "---\ntitle: A late note\ndate: 2023-01-02\n---\nThe Norland Army said little.\n"
    (content / "articles" / "a-late-note.md").write_text(text)


def _retitle_article(content: Path) -> None:
    path = content / "articles" / "ferry-talks.md"
    text = path.read_text()
    title = next(line for line in text.splitlines() if line.startswith("title: "))
    path.write_text(text.replace(title, "title: Ferry talks stall", 1))


@pytest.fixture(scope="module")
def first(tmp_path_factory) -> Path:
    """The sample built once, cold, into a cache that every case starts from."""
    folder = tmp_path_factory.mktemp("first")
    shutil.copytree(SAMPLE, folder / "content")
    _build(folder / "content", folder / "site", folder / "cache")
    return folder


@pytest.mark.build
@pytest.mark.parametrize(
    ("change", "reuses"),
    [
        (_edit_article, True),
        (_edit_entry, True),
        (_delete_article, True),
        (_rename_article, True),
        (_add_article, True),
        (_retitle_article, True),
        (lambda content: None, True),
    ],
    ids=["edit-article", "edit-entry", "delete", "rename", "add", "retitle", "nothing"],
)
def test_a_warm_build_is_byte_identical_to_a_cold_one(first: Path, tmp_path: Path, change, reuses):
    content, cache = tmp_path / "content", tmp_path / "cache"
    shutil.copytree(first / "content", content)
    shutil.copytree(first / "cache", cache)
    change(content)
    warm = _build(content, tmp_path / "warm", cache)
    _build(content, tmp_path / "cold")
    warm_files, cold_files = _tree(tmp_path / "warm"), _tree(tmp_path / "cold")
    assert sorted(warm_files) == sorted(cold_files)
    assert [p for p in cold_files if warm_files[p] != cold_files[p]] == []
    assert "pages taken from the build cache" in warm.stderr
    if reuses is not None:
        assert ("INFO explainer: 0 pages taken" in warm.stderr) is not reuses


@pytest.mark.build
def test_a_tampered_cache_gives_a_cold_build_and_says_so(first: Path, tmp_path: Path) -> None:
    content, cache = tmp_path / "content", tmp_path / "cache"
    shutil.copytree(first / "content", content)
    shutil.copytree(first / "cache", cache)
    for stored in (cache / "objects").rglob("*"):
        if stored.is_file():
            stored.write_bytes(b"<script>alert(1)</script>")
    warm = _build(content, tmp_path / "warm", cache)
    _build(content, tmp_path / "cold")
    assert "changed during the build; building every page again" in warm.stderr
    assert _tree(tmp_path / "warm") == _tree(tmp_path / "cold")
    # The rebuild replaced what was spoiled: the next build reuses every page again.
    healed = _build(content, tmp_path / "healed", cache)
    assert "changed during the build" not in healed.stderr
    assert "INFO explainer: 0 pages taken" not in healed.stderr
    assert _tree(tmp_path / "healed") == _tree(tmp_path / "cold")


@pytest.mark.build
def test_an_unchanged_site_takes_its_search_index_from_the_cache(first: Path, tmp_path: Path):
    cache = tmp_path / "cache"
    shutil.copytree(first / "cache", cache)
    warm = _build(first / "content", tmp_path / "warm", cache)
    assert "INFO explainer: search index taken from the build cache" in warm.stderr
    files = [
        {p.relative_to(s): p.read_bytes() for p in s.rglob("*") if p.is_file()}
        for s in (first / "site", tmp_path / "warm")
    ]
    assert files[0] == files[1]
    assert any(p.parts[0] == "pagefind" for p in files[0])


@pytest.mark.build
def test_a_build_that_warned_keeps_nothing(first: Path, tmp_path: Path) -> None:
    """A reused page cannot warn again, so a strict build after it must not reuse it."""
    config = tmp_path / "mkdocs.yml"
    nav = "nav:\n  - Home: index.md\n  - Gone: gone.md\n"
    theme = f"theme:\n  name: material\n  custom_dir: {ROOT / 'theme'}\n"
    config.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\nwatch: []\n{nav}{theme}", encoding="utf-8")
    (tmp_path / "build" / "docs").mkdir(parents=True)
    args = ["--config-file", str(config), "--no-strict"]
    done = _build(first / "content", tmp_path / "site", tmp_path / "cache", args)
    assert "MkDocs warned; the build cache keeps what it had" in done.stderr
    assert not (tmp_path / "cache" / "index.json").exists()


def _store(folder: Path, data: bytes = b"<p>page</p>") -> tuple[BuildCache, str]:
    cache = BuildCache.open(folder)
    cache.store(KEY, data)
    cache.save()
    return BuildCache.open(folder), digest(data)


def test_a_stored_page_comes_back_checked(tmp_path: Path) -> None:
    cache, name = _store(tmp_path / "cache")
    assert cache.lookup(KEY) == name
    assert cache.read(KEY, name) == b"<p>page</p>"


def _tamper(folder: Path, name: str) -> None:
    (folder / "objects" / name[:2] / name).write_bytes(b"<p>other</p>")


def _link_object(folder: Path, name: str) -> None:
    stored = folder / "objects" / name[:2] / name
    (folder / "elsewhere").write_bytes(stored.read_bytes())
    stored.unlink()
    stored.symlink_to(folder / "elsewhere")


def _link_shard(folder: Path, name: str) -> None:
    shard = folder / "objects" / name[:2]
    shard.rename(folder / "moved")
    shard.symlink_to(folder / "moved", target_is_directory=True)


@pytest.mark.parametrize("spoil", [_tamper, _link_object, _link_shard])
def test_a_changed_or_linked_object_is_never_read(tmp_path: Path, spoil) -> None:
    folder = tmp_path / "cache"
    _cache, name = _store(folder)
    spoil(folder, name)
    cache = BuildCache.open(folder)
    assert cache.read(KEY, name) is None


@pytest.mark.parametrize(
    "index",
    [b"{", b"[]", b'{"format": 2, "pages": {}}', b'{"format": 1, "pages": {"../x": "y"}}'],
)
def test_an_unreadable_index_empties_the_cache_with_a_notice(tmp_path: Path, index) -> None:
    folder = tmp_path / "cache"
    _store(folder)
    (folder / "index.json").write_bytes(index)
    cache = BuildCache.open(folder)
    assert cache.enabled and cache.entries == {}
    assert cache.notices == [f"the build cache {folder} was unreadable; building without it"]


def test_a_folder_that_is_not_a_cache_is_neither_read_nor_written(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "index.json").write_text("mine")
    cache = BuildCache.open(folder)
    cache.store(KEY, b"<p>page</p>")
    cache.save()
    assert not cache.enabled and "is not a build cache" in cache.notices[0]
    assert sorted(p.name for p in folder.iterdir()) == ["index.json"]
    assert (folder / "index.json").read_text() == "mine"


def test_a_linked_cache_folder_is_not_used(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / MARKER).write_text(MARKER_TEXT)
    (tmp_path / "cache").symlink_to(tmp_path / "real", target_is_directory=True)
    cache = BuildCache.open(tmp_path / "cache")
    cache.store(KEY, b"<p>page</p>")
    assert not cache.enabled
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == [MARKER]


def test_saving_removes_only_stale_objects(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    _cache, old = _store(folder, b"<p>old</p>")
    (folder / "objects" / old[:2] / "notes.txt").write_text("kept")
    cache = BuildCache.open(folder)
    cache.store("b" * 64, b"<p>new</p>")
    cache.save()
    left = sorted(p.name for p in (folder / "objects").rglob("*") if p.is_file())
    assert left == sorted([digest(b"<p>new</p>"), "notes.txt"])


LINKING = "# Talks\n\nSee [the army](../actors/norland-army.md#role) and ![map](../maps/x.png).\n"
SITE = {
    "articles/talks.md": LINKING,
    "actors/norland-army.md": "# Norland Army\n\n## Role\n",
    "maps/x.png": "",
    "articles/other.md": "# Other\n",
}


def _without(path: str) -> dict[str, str]:
    return {p: t for p, t in SITE.items() if p != path}


@pytest.mark.parametrize(
    ("site", "same"),
    [
        (SITE, True),
        ({**SITE, "articles/new.md": "# New\n"}, True),
        (_without("articles/other.md"), True),
        (_without("actors/norland-army.md"), False),
        (_without("maps/x.png"), False),
        ({**SITE, "actors/norland-army.md": "# Norland Army\n\n## Duties\n"}, False),
        ({**SITE, "actors/norland-army/feed.xml": ""}, True),  # not a place the link names
        ({**SITE, "actors/norland-army.md": "# Norland Army\n\n## Role\n\nMore.\n"}, True),
    ],
    ids=[
        "same",
        "added",
        "unlinked-gone",
        "target-gone",
        "image-gone",
        "anchor-gone",
        "beside-target",
        "target-text",
    ],
)
def test_a_page_depends_on_the_files_its_links_point_to(site: dict[str, str], same: bool) -> None:
    def links(files: dict[str, str]) -> bytes:
        pages = [Page(path, text) for path, text in files.items()]
        return SiteFiles(pages).dependencies("articles/talks.md")

    assert (links(site) == links(SITE)) is same


@pytest.mark.parametrize(
    ("place", "why"),
    [
        ("site/cache", "overlaps"),
        ("content/cache", "overlaps"),
        ("build", "overlaps"),  # holds the docs folder
        ("linked/cache", "passes through the symbolic link"),
    ],
)
def test_a_cache_where_the_build_reads_or_publishes_is_not_used(tmp_path: Path, place, why):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    folders = [tmp_path / "content", tmp_path / "site", tmp_path / "build" / "docs"]
    cache = open_cache(tmp_path / place, folders, tmp_path)
    cache.store(KEY, b"<p>page</p>")
    cache.save()
    assert not cache.enabled and why in cache.notices[0]
    assert not (tmp_path / place).exists()
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_a_spoiled_object_is_written_afresh_when_stored_again(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    cache, name = _store(folder)
    (folder / "objects" / name[:2] / name).write_bytes(b"<p>pagE</p>")  # same size
    assert cache.read(KEY, name) is None
    cache.store(KEY, b"<p>page</p>")
    assert cache.read(KEY, name) == b"<p>page</p>"
