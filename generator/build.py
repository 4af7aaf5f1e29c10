"""The pipeline: content folder in, generated pages and every problem out. Writes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator import memo
from generator.crossref import ArticleMentions, article_mentions, cooccurrence_warnings
from generator.emit import DEFAULT_SITE_URL, Rendering, emit_site
from generator.matcher import AliasMatcher
from generator.model import Archive, Problem
from generator.pages.common import Page
from generator.read import read_archive
from generator.render import Found, Rendered, found_in, link_targets, render_body
from generator.validate import validate

# Called as (done, total, label) while the work goes on.
ProgressReport = Callable[[int, int, str], None]
# Pages are built at ``section/<name>/``: two levels below the site root.
_PAGE_PREFIX = "../../"


@dataclass(frozen=True)
class Generation:
    """The result of a run: pages to write (none when there are errors) and problems."""

    pages: tuple[Page, ...]
    problems: tuple[Problem, ...]
    latest: dt.date | None = None
    # How many files were written, once the pages themselves have been let go.
    written: int = 0

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Problems that stop the build."""
        return tuple(p for p in self.problems if p.severity == "error")


def _has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


def _body_problems(path: str, body_line: int, rendered: Rendered) -> list[Problem]:
    """Render problems located in the file (their lines count from the body's first line)."""
    return [
        Problem(
            path,
            "body",
            note.message,
            body_line + note.line - 1 if note.line else None,
            note.severity,
        )
        for note in rendered.problems
    ]


def _title_only(title: str, matcher: AliasMatcher, found: tuple[Found, ...]) -> tuple[Found, ...]:
    """Names that only the title carries still count, quoted from the title."""
    seen = {f.entity_id for f in found}
    extra = {}
    for match in matcher.find(title):
        if match.entity_id not in seen:
            extra.setdefault(match.entity_id, found_in(title, match))
    return tuple(extra.values())


class _RenderMemo:
    """Rendered bodies kept between runs in one process (``serve`` rebuilds).

    Rendering is a pure function of the text, the glossary's aliases and link targets and
    the entity a description belongs to, so a body whose text and glossary are unchanged
    is not rendered again. Any change to the glossary empties the memo.
    """

    def __init__(self) -> None:
        self.glossary: tuple = ()
        self.bodies: dict[tuple[str, str], Rendered] = {}

    def render(
        self, glossary: tuple, text: str, matcher: AliasMatcher, hrefs: dict, skip: str = ""
    ) -> Rendered:
        if glossary != self.glossary:
            self.glossary, self.bodies = glossary, {}
        key = (text, skip)
        if key not in self.bodies:
            self.bodies[key] = render_body(text, matcher, hrefs, skip)
        return self.bodies[key]


_MEMO = _RenderMemo()


def forget_rendered() -> None:
    """Drop the work kept for ``serve`` (a one-off build needs the memory back)."""
    _MEMO.glossary, _MEMO.bodies = (), {}
    memo.forget_all()


def _glossary_key(archive: Archive) -> tuple:
    return tuple(sorted((e.id, e.section, e.aliases) for e in archive.entities))


def _render(archive: Archive, progress: ProgressReport) -> tuple[Rendering, list[Problem]]:
    """Render every article and description; collect mentions and render problems."""
    entities = archive.entity_map()
    matcher = AliasMatcher(archive.entities)
    hrefs = link_targets(entities, _PAGE_PREFIX)
    glossary = _glossary_key(archive)
    bodies: dict[str, Rendered] = {}
    mentions: list[ArticleMentions] = []
    problems: list[Problem] = []
    total = len(archive.articles)
    for done, article in enumerate(archive.articles, 1):
        progress(done, total, "rendering articles")
        result = _MEMO.render(glossary, article.body, matcher, hrefs)
        problems += _body_problems(article.path, article.body_line, result)
        bodies[article.slug] = result
        found = result.found + _title_only(article.title, matcher, result.found)
        mentions.append(article_mentions(article, found))
    descriptions: dict[str, Rendered] = {}
    for entity in archive.entities:
        result = _MEMO.render(glossary, entity.description, matcher, hrefs, entity.id)
        problems += _body_problems(entity.path, entity.body_line, result)
        descriptions[entity.id] = result
    return Rendering(archive, entities, bodies, descriptions, mentions), problems


def _coverage_warnings(archive: Archive, mentions: list[ArticleMentions]) -> list[Problem]:
    named = {m.entity_id for item in mentions for m in item.mentions}
    problems = [
        Problem(
            e.path, "aliases", "no article mentions this entry", e.line_of("aliases"), "warning"
        )
        for e in archive.entities
        if e.id not in named
    ]
    problems += [
        Problem(item.article.path, "body", "mentions no glossary entry", severity="warning")
        for item in mentions
        if not item.mentions
    ]
    return problems


def _no_progress(done: int, total: int, label: str) -> None:
    """The default progress report: none."""


def generate_archive(
    archive: Archive, site_url: str = DEFAULT_SITE_URL, progress: ProgressReport = _no_progress
) -> Generation:
    """Validate ``archive`` and, when it has no errors, make every page of the site."""
    problems = [*archive.problems, *validate(archive)]
    if _has_errors(problems):
        return Generation((), tuple(problems))
    rendering, render_problems = _render(archive, progress)
    problems += render_problems + _coverage_warnings(archive, rendering.mentions)
    problems += cooccurrence_warnings(rendering.mentions)
    if _has_errors(problems):
        return Generation((), tuple(problems))
    pages = emit_site(rendering, site_url)
    latest = max((a.date for a in archive.articles), default=None)
    return Generation(tuple(sorted(pages, key=lambda p: p.path)), tuple(problems), latest)


def generate(
    content_dir: Path, site_url: str = DEFAULT_SITE_URL, progress: ProgressReport = _no_progress
) -> Generation:
    """Read ``content_dir`` and generate the site's pages."""
    memo.next_run()
    return generate_archive(read_archive(content_dir), site_url, progress)
