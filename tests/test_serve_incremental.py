"""A serving process's rebuild after each kind of edit equals a cold build of the same content.

Under ``serve`` the generator keeps what it made (files read, names found, the cross
reference, pages) and redoes only what an edit touches. Each row edits the sample archive
the way a contributor would; after every edit, in one long-lived cache, the pages and the
problems must be exactly those of a fresh run.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SAMPLE_CONTENT

from generator.content.read import read_archive
from generator.site.build import Generation, generate
from generator.site.check import check_archive
from generator.site.crossref import CrossIndex, cross_reference
from generator.site.run_cache import RunCache

Rebuild = Callable[[], Generation]


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _replace(path: Path, pattern: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed = re.sub(pattern, new, text, count=1, flags=re.MULTILINE)
    assert changed != text, pattern
    path.write_text(changed, encoding="utf-8")


def edit_body(content: Path, rebuild: Rebuild) -> None:
    _append(content / "articles/ferry-talks.md", "\nOduya praised the harbour report.\n")


def name_someone_new(content: Path, rebuild: Rebuild) -> None:
    # A new mention: the article's rows, its pairs and the partners of those it names.
    _append(content / "articles/ferry-timetable.md", "\nThe Daily Lantern printed it.\n")


def new_entry(content: Path, rebuild: Rebuild) -> None:
    (content / "actors/quay-union.md").write_text(
        "---\nname: Quay Union\nkind: organisation\naliases: [Quay Union]\n"
        "summary: Dock workers' union of Port Aurel.\n---\n\nThe union of the dockers.\n",
        encoding="utf-8",
    )
    _append(content / "articles/ferry-timetable.md", "\nThe Quay Union welcomed it.\n")


def alias_relinks(content: Path, rebuild: Rebuild) -> None:
    # "Vesta" moves from the town to the territory: another article's link follows it.
    _replace(content / "locations/vesta.md", r"^aliases: \[Vesta\]$", "aliases: [Vesta City]")
    _replace(content / "locations/vesta-strip.md", r"^aliases: \[", "aliases: [Vesta, ")


def rename_entry(content: Path, rebuild: Rebuild) -> None:
    _replace(content / "actors/harbour-watch.md", r"^name: .*$", "name: Harbour Lookout")


def rename_article(content: Path, rebuild: Rebuild) -> None:
    _replace(
        content / "articles/league-session.md", r"^slug: league-session$", "slug: league-meets"
    )


def redate_article(content: Path, rebuild: Rebuild) -> None:
    _replace(content / "articles/ferry-talks.md", r"^date: .*$", "date: 2025-01-05")


def retag_article(content: Path, rebuild: Rebuild) -> None:
    # A topic gains the article, another loses it: both pages and feeds follow.
    _replace(content / "articles/league-session.md", r"^tags: .*$", "tags: [diplomacy, harbour]")


def delete_article(content: Path, rebuild: Rebuild) -> None:
    (content / "articles/ferry-suspended.md").unlink()


def delete_entry(content: Path, rebuild: Rebuild) -> None:
    new_entry(content, rebuild)
    assert not rebuild().errors
    (content / "actors/quay-union.md").unlink()
    _replace(content / "articles/ferry-timetable.md", r"^The Quay Union welcomed it\.$", "Mended.")


def break_and_mend(content: Path, rebuild: Rebuild) -> None:
    path = content / "articles/ferry-talks.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title:", "titel:", 1), encoding="utf-8")
    assert rebuild().errors  # a broken file stops the build
    path.write_text(text + "\nMended.\n", encoding="utf-8")


EDITS = [
    edit_body,
    name_someone_new,
    new_entry,
    alias_relinks,
    rename_entry,
    rename_article,
    redate_article,
    retag_article,
    delete_article,
    delete_entry,
    break_and_mend,
]


def _texts(generation) -> dict[str, str]:
    return {page.path: page.text for page in generation.pages}


def _served(tmp_path: Path) -> tuple[Path, Rebuild]:
    """A copy of the sample, and a rebuild with one cache kept as a server keeps it."""
    content = tmp_path / "content"
    shutil.copytree(SAMPLE_CONTENT, content)
    cache = RunCache()
    return content, lambda: generate(content, cache=cache)


def _same_as_cold(content: Path, warm) -> None:
    cold = generate(content, cache=RunCache())
    assert not cold.errors
    assert _texts(warm) == _texts(cold)
    assert warm.problems == cold.problems


@pytest.mark.parametrize("edit", EDITS, ids=lambda edit: edit.__name__)
def test_a_rebuild_after_each_edit_equals_a_cold_build(tmp_path, edit):
    content, rebuild = _served(tmp_path)
    before = rebuild()
    edit(content, rebuild)
    warm = rebuild()
    _same_as_cold(content, warm)
    # Every row changes what the site shows.
    assert _texts(warm) != _texts(before)


def test_every_edit_in_turn_in_one_server(tmp_path):
    content, rebuild = _served(tmp_path)
    rebuild()
    for edit in EDITS:
        edit(content, rebuild)
        _same_as_cold(content, rebuild())


def test_an_alias_that_moves_relinks_an_article_it_did_not_edit(tmp_path):
    content, rebuild = _served(tmp_path)
    before = _texts(rebuild())
    alias_relinks(content, rebuild)
    after = _texts(rebuild())
    changed = {
        path for path in after if path.startswith("articles/") and after[path] != before[path]
    }
    assert "articles/ferry-talks-stall-over-checkpoint.md" in changed
    assert (
        'href="../../locations/vesta-strip/"'
        in after["articles/ferry-talks-stall-over-checkpoint.md"]
    )


@pytest.mark.parametrize(
    "steps",
    [
        [4, 3, 4],  # one article out, then back
        [1, 4, 0, 2],  # several in at once, then every one out
        [4, 4],  # nothing changed
    ],
)
def test_the_kept_cross_reference_equals_one_made_afresh(steps):
    rendering = check_archive(read_archive(SAMPLE_CONTENT)).rendering
    kept = CrossIndex()
    for count in steps:
        items = rendering.mentions[:count]
        assert kept.update(items, rendering.entities) == cross_reference(items, rendering.entities)
