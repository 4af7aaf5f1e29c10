"""Glossary stubs for suggested names: a file a contributor completes, never overwritten."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path, PurePath

from generator.content.schema import LOCATION_KINDS
from generator.content.slugs import is_valid_slug, slugify
from generator.suggest.classify import Guess, stub_kind
from generator.suggest.core import Candidate

SECTION_FOLDERS = {"actor": "actors", "location": "locations"}


@dataclass(frozen=True)
class StubResult:
    """What happened to one candidate's stub: ``created`` or why it was skipped."""

    name: str
    path: Path | None
    created: bool
    reason: str = ""


def _quoted(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: no YAML 1.1 surprises ("no", dates).
    return json.dumps(text, ensure_ascii=False)


def _kind(candidate: Candidate) -> str:
    return stub_kind(candidate.name, Guess(candidate.guess, candidate.kind))


def folder(candidate: Candidate) -> str:
    """``locations`` for a place of any kind (a country too, though it acts), else ``actors``."""
    return "locations" if _kind(candidate) in LOCATION_KINDS else "actors"


def _cited(example_path: str) -> str:
    """The article as ``articles/<file>``: where the content folder lives is nobody's business
    in a committed file (an absolute ``--content`` would put a machine path in it)."""
    return f"articles/{PurePath(example_path).name}" if example_path else ""


def stub_text(candidate: Candidate) -> str:
    """The front-matter and body of a new glossary entry for ``candidate``."""
    kind = _kind(candidate)
    what = (
        "where this is and why it matters"
        if folder(candidate) == "locations"
        else "who this is and the part they play"
    )
    lines = [
        "---",
        f"name: {_quoted(candidate.name)}",
        f"kind: {kind}",
        f"aliases: [{_quoted(candidate.name)}]",
        'summary: ""',
        "---",
        "",
        f"TODO: describe {candidate.name}: {what} in the archive's stories, citing sources. "
        f"Then write the one-line summary above, check the kind (guessed: {kind}) and add "
        "other names the articles use to the aliases.",
    ]
    if candidate.variants:
        lines += ["", "Other forms seen in articles: " + ", ".join(candidate.variants) + "."]
    if candidate.example:
        lines += ["", f"First seen in {_cited(candidate.example_path)}: “{candidate.example}”"]
    return "\n".join(lines) + "\n"


def write_stub(content_dir: Path, candidate: Candidate) -> StubResult:
    """Create ``<content>/<actors|locations>/<id>.md``; never replace an existing entry."""
    entity_id = slugify(candidate.name)
    if not is_valid_slug(entity_id):
        return StubResult(candidate.name, None, False, f"no usable id ({entity_id!r})")
    taken = [content_dir / name / f"{entity_id}.md" for name in SECTION_FOLDERS.values()]
    path = content_dir / folder(candidate) / f"{entity_id}.md"
    existing = next((p for p in taken if p.exists() or p.is_symlink()), None)
    if existing is not None:
        return StubResult(candidate.name, existing, False, "an entry with this id exists")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # "x" fails if the file appeared meanwhile: an existing entry is never overwritten.
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(stub_text(candidate))
    except FileExistsError:
        return StubResult(candidate.name, path, False, "an entry with this id exists")
    return StubResult(candidate.name, path, True)


def write_stubs(content_dir: Path, candidates: list[Candidate]) -> list[StubResult]:
    """A stub for each candidate, in order; the first of two names with one id wins."""
    return [write_stub(content_dir, c) for c in candidates]
