"""The pipeline: content folder in, generated pages and every problem out. Writes nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.crossref import ArticleMentions, article_mentions, cross_reference
from generator.matcher import AliasMatcher
from generator.model import Archive, Entity, Problem
from generator.pages.article import article_page
from generator.pages.common import Page
from generator.pages.entity import entity_page
from generator.pages.indexes import actors_index, articles_index, home_page, locations_index
from generator.read import read_archive
from generator.render import Found, Rendered, found_in, render_body
from generator.validate import validate

SITE_NAME = "Explainer Archive"
# Pages are built at ``section/<name>/``: two levels below the site root.
_PAGE_PREFIX = "../../"


@dataclass(frozen=True)
class Generation:
    """The result of a run: pages to write (none when there are errors) and problems."""

    pages: tuple[Page, ...]
    problems: tuple[Problem, ...]
    latest: dt.date | None = None

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Problems that stop the build."""
        return tuple(p for p in self.problems if p.severity == "error")


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


def _render_articles(archive: Archive, matcher: AliasMatcher, entities: dict[str, Entity]):
    rendered: dict[str, Rendered] = {}
    mentions: list[ArticleMentions] = []
    problems: list[Problem] = []
    for article in archive.articles:
        result = render_body(article.body, matcher, entities, _PAGE_PREFIX)
        problems += _body_problems(article.path, article.body_line, result)
        rendered[article.slug] = result
        found = result.found + _title_only(article.title, matcher, result.found)
        mentions.append(article_mentions(article, found))
    return rendered, mentions, problems


def _coverage_warnings(archive: Archive, mentions: list[ArticleMentions]) -> list[Problem]:
    named = {m.entity_id for item in mentions for m in item.mentions}
    problems = [
        Problem(e.path, "aliases", "no article mentions this entry", severity="warning")
        for e in archive.entities
        if e.id not in named
    ]
    problems += [
        Problem(item.article.path, "body", "mentions no glossary entry", severity="warning")
        for item in mentions
        if not item.mentions
    ]
    return problems


def generate_archive(archive: Archive) -> Generation:
    """Validate ``archive`` and, when it has no errors, make every page of the site."""
    problems = [*archive.problems, *validate(archive)]
    if any(p.severity == "error" for p in problems):
        return Generation((), tuple(problems))
    entities = archive.entity_map()
    matcher = AliasMatcher(archive.entities)
    rendered, mentions, render_problems = _render_articles(archive, matcher, entities)
    problems += render_problems + _coverage_warnings(archive, mentions)
    if any(p.severity == "error" for p in problems):
        return Generation((), tuple(problems))
    xref = cross_reference(mentions, entities)
    pages = [
        article_page(
            item.article,
            rendered[item.article.slug].blocks,
            [entities[m.entity_id] for m in item.mentions],
        )
        for item in mentions
    ]
    for entity in archive.entities:
        description = render_body(entity.description, matcher, entities, _PAGE_PREFIX, entity.id)
        problems += _body_problems(entity.path, entity.body_line, description)
        pages.append(entity_page(entity, description.blocks, xref, entities))
    if any(p.severity == "error" for p in problems):
        return Generation((), tuple(problems))
    articles, all_entities = list(archive.articles), list(archive.entities)
    pages += [
        home_page(articles, all_entities, SITE_NAME),
        articles_index(articles),
        actors_index(all_entities, xref),
        locations_index(all_entities, xref),
    ]
    latest = max((a.date for a in articles), default=None)
    return Generation(tuple(sorted(pages, key=lambda p: p.path)), tuple(problems), latest)


def generate(content_dir: Path) -> Generation:
    """Read ``content_dir`` and generate the site's pages."""
    return generate_archive(read_archive(content_dir))
