"""One tree's content as the comparison needs it: files, titles, mention counts, problems.

Everything comes from the generator's own pipeline (``read_archive``, then one pass of the
checking stages, ``check_archive``), so the counts are the ones the glossary pages show and
the problems are the ones ``explainer check`` prints; no page is built. Paths are rewritten
from where the tree was read to where it lives in the repository (``content/…``), so a
temporary copy of the base and the work tree name the same file the same way.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.content.files import UnreadableFile, read_regular_file
from generator.content.model import Archive, Problem
from generator.content.read import SECTIONS, read_archive
from generator.site.check import check_archive
from generator.site.crossref import ArticleMentions

# Past this a file is refused by the reader anyway; a difference further on changes nothing.
_DIGEST_LIMIT = 16 * 1024 * 1024


@dataclass(frozen=True)
class Snapshot:
    """A content folder: ``files`` maps each ``section/…`` path to a digest of its bytes."""

    files: dict[str, str] = field(default_factory=dict)
    # Title of each article, name of each entry, by path.
    labels: dict[str, str] = field(default_factory=dict)
    # Glossary entries by id: their names, and how many articles mention each.
    names: dict[str, str] = field(default_factory=dict)
    mentions: dict[str, int] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()


def relocate(path: str, read_as: str, shown_as: str) -> str:
    """``path`` (as the reader named it, under ``read_as``) under ``shown_as`` instead."""
    if path == read_as:
        return shown_as
    if path.startswith(read_as + "/"):
        return shown_as + path[len(read_as) :]
    return path


def mention_counts(archive: Archive, mentions: Iterable[ArticleMentions]) -> dict[str, int]:
    """How many articles mention each entry of ``archive``, as the glossary pages count them.

    ``mentions`` is what the checking stage found: aliases in the rendered text (not in
    code, links or headings) or the title, and ids listed under ``actors:``/``locations:``.
    """
    counts = dict.fromkeys(archive.entity_map(), 0)
    for item in mentions:
        for entity_id in {m.entity_id for m in item.mentions} & counts.keys():
            counts[entity_id] += 1
    return counts


def _digest(path: Path) -> str:
    """A digest of the file's bytes; a link or an unreadable file by what it is instead."""
    try:
        if stat.S_ISLNK(os.lstat(path).st_mode):
            return "link to " + os.readlink(path)
        return hashlib.sha256(read_regular_file(path, _DIGEST_LIMIT)).hexdigest()
    except UnreadableFile as err:
        return str(err)
    except OSError as err:  # gone since the folder was listed
        return f"cannot be read: {err.strerror or err}"


def file_digests(content_dir: Path, shown_as: str) -> dict[str, str]:
    """Every Markdown file of every section, by its path under ``shown_as``."""
    digests = {}
    for section in SECTIONS:
        folder = content_dir / section
        if not folder.is_dir() or folder.is_symlink():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix == ".md" and not path.name.startswith("."):
                digests[f"{shown_as}/{section}/{path.name}"] = _digest(path)
    return digests


def take_snapshot(content_dir: Path, shown_as: str, *, with_problems: bool) -> Snapshot:
    """Read ``content_dir`` (named ``shown_as`` in the repository) into a :class:`Snapshot`.

    ``with_problems`` also runs the whole pipeline, as ``explainer check`` does.
    """
    read_as = str(content_dir)
    archive = read_archive(content_dir)
    labels = {relocate(a.path, read_as, shown_as): a.title for a in archive.articles}
    labels |= {relocate(e.path, read_as, shown_as): e.name for e in archive.entities}
    # One pass of the checking stages gives both the mentions and, as `explainer check`
    # reports them, the problems; no page is built.
    checked = check_archive(archive)
    problems = ()
    if with_problems:
        problems = tuple(
            replace(p, path=relocate(p.path, read_as, shown_as)) for p in checked.problems
        )
    return Snapshot(
        files=file_digests(content_dir, shown_as),
        labels=labels,
        names={e.id: e.name for e in archive.entities},
        mentions=mention_counts(archive, checked.rendering.mentions),
        problems=problems,
    )
