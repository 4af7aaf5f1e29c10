"""A :class:`Review` as the Markdown of a pull request's job summary.

Every string that comes from the content (titles, names, paths, fields, messages) and the
ref the user named go through :func:`gfm.escape`; links point only at URLs built here.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.content.model import Problem
from generator.review import gfm
from generator.review.compare import FileChange, MentionChange, Review

# A job summary holds at most 1 MiB; past this many rows, `explainer check` has the rest.
MAX_PROBLEM_ROWS = 200


@dataclass(frozen=True)
class Links:
    """Where links to files point: repository-relative paths, or commits on GitHub.

    ``blob_root`` is ``https://github.com/OWNER/REPO/blob/`` (or empty for relative
    links); ``head`` and ``base`` are the commits compared.
    """

    blob_root: str = ""
    head: str = ""
    base: str = ""

    def to(self, path: str, line: int | None = None, *, at_base: bool = False) -> str | None:
        """The URL of ``path`` (at ``line``), or None where no link would lead anywhere."""
        anchor = f"#L{line}" if line else ""
        if not self.blob_root:
            # A removed file is not in the work tree any more.
            return None if at_base else gfm.url_path(path) + anchor
        commit = self.base if at_base else self.head
        # GitHub shows a Markdown file rendered; its lines exist only in the plain view.
        plain = "?plain=1" if line else ""
        return f"{self.blob_root}{commit}/{gfm.url_path(path)}{plain}{anchor}"


def _file_cell(links: Links, path: str, line: int | None = None, at_base: bool = False) -> str:
    shown = f"{path}:{line}" if line else path
    target = links.to(path, line, at_base=at_base)
    return gfm.link(shown, target) if target else gfm.escape(shown)


def _count(n: int, singular: str, plural: str = "") -> str:
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def _tally(changes: tuple[FileChange, ...], noun: str) -> str:
    counts = {kind: sum(c.change == kind for c in changes) for kind in ("added", "changed")}
    removed = len(changes) - sum(counts.values())
    return f"{noun}: {counts['added']} added, {counts['changed']} changed, {removed} removed"


def _file_rows(changes: tuple[FileChange, ...], links: Links, with_section: bool) -> list[str]:
    headers = ["change", "title" if not with_section else "entry"]
    headers += ["section"] if with_section else []
    rows = []
    for c in changes:
        row = [c.change, gfm.escape(c.label)]
        row += [gfm.escape(c.section)] if with_section else []
        rows.append([*row, _file_cell(links, c.path, at_base=c.change == "removed")])
    return gfm.table([*headers, "file"], rows)


def _mention_rows(changes: tuple[MentionChange, ...]) -> list[str]:
    rows = [
        [
            gfm.escape(c.name),
            gfm.escape(c.entity_id),
            f"{c.before} → {c.after} ({c.after - c.before:+d})",
        ]
        for c in changes
    ]
    return gfm.table(["entry", "id", "articles mentioning it"], rows)


def _problem_rows(problems: tuple[Problem, ...], links: Links) -> list[str]:
    rows = [
        [p.severity, _file_cell(links, p.path, p.line), gfm.escape(p.field), gfm.escape(p.message)]
        for p in problems[:MAX_PROBLEM_ROWS]
    ]
    lines = gfm.table(["severity", "where", "field", "message"], rows)
    hidden = len(problems) - MAX_PROBLEM_ROWS
    if hidden > 0:
        lines += ["", f"… and {hidden} more: run `explainer check` to see them all."]
    return lines


def _problems_line(problems: tuple[Problem, ...]) -> str:
    errors = sum(p.severity == "error" for p in problems)
    return f"{_count(errors, 'error')}, {_count(len(problems) - errors, 'warning')}"


def to_markdown(result: Review, base_ref: str, links: Links) -> str:
    """The whole summary: a heading, one line of totals, then one table per kind of change."""
    lines = [
        f"## Content changes against {gfm.escape(base_ref)}",
        "",
        " · ".join(
            [
                _tally(result.articles, "Articles"),
                _tally(result.entries, "glossary entries"),
                _problems_line(result.problems),
            ]
        ),
    ]
    if not result.changes_content:
        lines += ["", "No article or glossary entry differs from the base."]
    sections = [
        ("Articles", result.articles, _file_rows(result.articles, links, False)),
        ("Glossary entries", result.entries, _file_rows(result.entries, links, True)),
        ("Mentions", result.mentions, _mention_rows(result.mentions)),
        ("Problems", result.problems, _problem_rows(result.problems, links)),
    ]
    for title, items, rows in sections:
        if items:
            lines += ["", f"### {title}", "", *rows]
    return "\n".join(lines) + "\n"
