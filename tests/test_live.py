"""What a serving process keeps between rebuilds: skipped files, stale output, templates."""

from __future__ import annotations

import threading

import pytest
from mkdocs.structure.files import File, InclusionLevel

from generator.output.live import LiveState, exclude_unchanged, remove_listed
from generator.output.search_index import BackgroundIndexer


def _files(tmp_path, names: list[str]) -> list[File]:
    files = [File(name, str(tmp_path / "docs"), str(tmp_path / "site"), True) for name in names]
    for file in files:
        file.inclusion = InclusionLevel.INCLUDED
    return files


@pytest.mark.parametrize(
    ("pending", "still_built"),
    [
        (set(), []),
        ({"a/x.md"}, ["a/x.md"]),
        ({"a/x.md", "index.md"}, ["a/x.md", "index.md"]),
        ({"a/x/feed.xml"}, ["a/x/feed.xml"]),
    ],
)
def test_only_rewritten_pages_stay_in_the_build(tmp_path, pending, still_built):
    files = _files(tmp_path, ["index.md", "a/x.md", "a/y.md", "a/x/feed.xml", "assets/t.css"])
    skipped = exclude_unchanged(files, pending)
    included = sorted(f.src_uri for f in files if not f.inclusion.is_excluded())
    assert included == still_built
    assert skipped == len(files) - len(still_built)


def test_a_build_finds_stale_output_from_the_last_ones_list(tmp_path):
    site = tmp_path / "site"
    for rel in ("a/x/index.html", "a/y/index.html", "index.html"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(rel)
    live = LiveState(serving=True, dirty=True)
    live.keep = {"a/x/index.html", "a/y/index.html", "index.html"}
    assert live.completed() == [] and live.incremental
    live.keep = {"a/y/index.html", "index.html"}
    stale = live.completed()
    assert remove_listed(site, [*stale, "../outside.html"]) == ["a/x/index.html"]
    assert not (site / "a" / "x").exists() and (site / "a" / "y" / "index.html").exists()


@pytest.mark.parametrize(
    ("second_key", "kept"),
    [(("theme", 1.0), True), (("theme", 2.0), False), (("other", 1.0), False)],
)
def test_the_template_environment_is_kept_only_for_the_same_design(second_key, kept):
    live = LiveState(serving=True, dirty=True)
    first, second = object(), object()
    assert live.template_env(first, ("theme", 1.0)) is first
    assert (live.template_env(second, second_key) is first) is kept


@pytest.mark.parametrize(
    ("later", "folded"),
    [
        ([{"a/index.html"}, {"b/index.html"}], frozenset({"a/index.html", "b/index.html"})),
        ([{"a/index.html"}, None], None),
        ([set()], frozenset()),
    ],
)
def test_search_requests_during_a_run_fold_their_changed_pages_into_the_next(
    tmp_path, later, folded
):
    started, release = threading.Event(), threading.Event()
    runs: list = []

    def index(site_dir, changed):
        runs.append(changed)
        started.set()
        release.wait(30)

    indexer = BackgroundIndexer(index=index)
    indexer.request(tmp_path)  # the first build: what changed is not known
    assert started.wait(30)
    for changed in later:
        indexer.request(tmp_path, changed)
    release.set()
    assert indexer.wait(30)
    assert runs == [None, folded]
