"""What a change does to the content: two :class:`Snapshot` in, a :class:`Review` out. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.content.model import Problem
from generator.review.snapshot import Snapshot

Change = Literal["added", "changed", "removed"]
_ORDER = {"added": 0, "changed": 1, "removed": 2}


@dataclass(frozen=True)
class FileChange:
    """A content file added, changed or removed; ``label`` is its title or entry name."""

    change: Change
    path: str
    label: str
    section: str


@dataclass(frozen=True)
class MentionChange:
    """A glossary entry mentioned by a different number of articles than before."""

    entity_id: str
    name: str
    before: int
    after: int


@dataclass(frozen=True)
class Review:
    """Everything the summary shows, each part in a stable order."""

    articles: tuple[FileChange, ...]
    entries: tuple[FileChange, ...]
    mentions: tuple[MentionChange, ...]
    problems: tuple[Problem, ...]

    @property
    def changes_content(self) -> bool:
        """True when any file or any mention count differs."""
        return bool(self.articles or self.entries or self.mentions)


def _section(path: str) -> str:
    return path.rsplit("/", 2)[-2]


def _label(path: str, base: Snapshot, head: Snapshot) -> str:
    """The title or name the file has now, else the one it had, else its file name."""
    return head.labels.get(path) or base.labels.get(path) or path.rsplit("/", 1)[-1]


def file_changes(base: Snapshot, head: Snapshot) -> list[FileChange]:
    """Every file whose bytes differ between the trees, added and removed ones included."""
    changes = []
    for path in sorted(base.files.keys() | head.files.keys()):
        before, after = base.files.get(path), head.files.get(path)
        if before == after:
            continue
        change: Change = "added" if before is None else "removed" if after is None else "changed"
        changes.append(FileChange(change, path, _label(path, base, head), _section(path)))
    return sorted(changes, key=lambda c: (_ORDER[c.change], c.path))


def mention_changes(base: Snapshot, head: Snapshot) -> list[MentionChange]:
    """Entries whose number of mentioning articles went up or down (new entries from 0)."""
    changes = []
    for entity_id in sorted(base.mentions.keys() | head.mentions.keys()):
        before, after = base.mentions.get(entity_id, 0), head.mentions.get(entity_id, 0)
        if before != after:
            name = head.names.get(entity_id) or base.names.get(entity_id, entity_id)
            changes.append(MentionChange(entity_id, name, before, after))
    # Biggest moves first: they are the ones a reviewer wants to see.
    return sorted(changes, key=lambda c: (-abs(c.after - c.before), c.entity_id))


def review(base: Snapshot, head: Snapshot) -> Review:
    """Compare the base tree with the head tree; the problems are the head's."""
    files = file_changes(base, head)
    problems = sorted(
        head.problems, key=lambda p: (p.severity != "error", p.path, p.line or 0, p.field)
    )
    return Review(
        articles=tuple(c for c in files if c.section == "articles"),
        entries=tuple(c for c in files if c.section != "articles"),
        mentions=tuple(mention_changes(base, head)),
        problems=tuple(problems),
    )
