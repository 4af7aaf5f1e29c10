"""The checking half of the pipeline: read, validate, render, coverage. Emits nothing.

Every stage runs whatever an earlier one found, so one run reports every file's
front-matter, fields, references, body and warnings. A file that could not be read as an
article or entry (see :class:`generator.content.model.FailedFile`) stays out of the archive, but its
body, when its front-matter could be read, is still rendered for body problems, and the
names it mentions still count for coverage. ``explainer check`` stops here; ``build`` goes
on to emit pages (``build.py``) only when nothing here is an error.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from generator.body.choice import Choices
from generator.body.names import NameContext
from generator.body.render import Found, Rendered, found_in, link_targets
from generator.content.matcher import AliasMatcher
from generator.content.model import Archive, Article, Problem
from generator.content.read import read_archive
from generator.content.validate import validate
from generator.site.crossref import ArticleMentions, article_mentions, cooccurrence_warnings
from generator.site.emit import Rendering
from generator.site.images import ContentImages
from generator.site.run_cache import RenderMemo, RunCache

# Called as (done, total, label) while the work goes on.
ProgressReport = Callable[[int, int, str], None]
# Pages are built at ``section/<name>/``: two levels below the site root.
_PAGE_PREFIX = "../../"


@dataclass(frozen=True)
class Checked:
    """The archive rendered (mentions found) and every problem of every stage."""

    rendering: Rendering
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Problems that stop a build."""
        return tuple(p for p in self.problems if p.severity == "error")


def _body_problems(path: str, body_line: int, rendered: Rendered, text: str) -> list[Problem]:
    """Render problems located in the file (their lines count from the body's first line).

    A problem with a column carries its line of ``text`` (the body), for the caret.
    """
    lines = text.split("\n") if any(note.column for note in rendered.problems) else []
    return [
        Problem(
            path,
            "body",
            note.message,
            body_line + note.line - 1 if note.line else None,
            note.severity,
            column=note.column,
            source=lines[note.line - 1] if note.column and note.line else None,
        )
        for note in rendered.problems
    ]


def _title_only(
    article: Article, matcher: AliasMatcher, found: tuple[Found, ...]
) -> tuple[Found, ...]:
    """Names that only the title carries still count, quoted from the title.

    The title is read as the body is: only names count, and a shared alias counts for the
    entry that the article's front-matter or body chooses.
    """
    seen = {f.entity_id for f in found}
    choices = Choices(listed_of(article), frozenset(seen), matcher.countries)
    matches = matcher.find(article.title)
    context = NameContext.of(article.title, [(m.start, m.end) for m in matches])
    extra = {}
    for match in matches:
        chosen = choices.choose(match.candidates)
        if chosen and chosen not in seen and context.is_name(match.start, match.end, match.alias):
            extra.setdefault(chosen, found_in(article.title, replace(match, entity_id=chosen)))
    return tuple(extra.values())


def _named(
    article: Article, result: Rendered, _glossary: tuple, *, matcher: AliasMatcher
) -> ArticleMentions:
    """What an article names, in its body and its title."""
    return article_mentions(article, result.found + _title_only(article, matcher, result.found))


def listed_of(article: Article) -> frozenset[str]:
    """The entries an article's front-matter lists, which decide its shared aliases."""
    return frozenset(article.actors) | frozenset(article.locations)


def _glossary_key(archive: Archive) -> tuple:
    return tuple(
        sorted(
            (e.id, e.section, e.aliases, e.country, e.not_before, e.not_after)
            for e in archive.entities
        )
    )


@dataclass(frozen=True)
class _Renderer:
    """What every body of one archive is rendered with."""

    glossary: tuple
    matcher: AliasMatcher
    hrefs: dict[str, str]
    memo: RenderMemo
    images: ContentImages

    @classmethod
    def of(cls, archive: Archive, memo: RenderMemo) -> _Renderer:
        entities = archive.entity_map()
        hrefs = link_targets(entities, _PAGE_PREFIX)
        images = ContentImages(Path(archive.root) if archive.root else None)
        glossary = memo.settle(_glossary_key(archive))
        return cls(glossary, AliasMatcher(archive.entities), hrefs, memo, images)

    def render(
        self, text: str, folder: str, skip: str = "", listed: frozenset[str] = frozenset()
    ) -> Rendered:
        """The body ``text`` of a file in ``folder`` (below the content folder), rendered."""
        lookup = self.images.folder(folder)
        return self.memo.render(self.glossary, text, self.matcher, self.hrefs, skip, listed, lookup)


def _render(
    archive: Archive, renderer: _Renderer, progress: ProgressReport
) -> tuple[Rendering, list[Problem]]:
    """Render every article and description; collect mentions and render problems."""
    entities = archive.entity_map()
    bodies: dict[str, Rendered] = {}
    mentions: list[ArticleMentions] = []
    problems: list[Problem] = []
    total = len(archive.articles)
    for done, article in enumerate(archive.articles, 1):
        progress(done, total, "rendering articles")
        result = renderer.render(article.body, "articles", listed=listed_of(article))
        problems += _body_problems(article.path, article.body_line, result, article.body)
        bodies[article.slug] = result
        # The matcher is a function of the glossary key, which stands for it in the memo.
        inputs = (article, result, renderer.glossary)
        make = functools.partial(_named, matcher=renderer.matcher)
        mentions.append(renderer.memo.named.get(article.path, inputs, make))
    descriptions: dict[str, Rendered] = {}
    for entity in archive.entities:
        result = renderer.render(entity.description, entity.section, entity.id)
        problems += _body_problems(entity.path, entity.body_line, result, entity.description)
        descriptions[entity.id] = result
    return Rendering(archive, entities, bodies, descriptions, mentions), problems


def _failed_bodies(archive: Archive, renderer: _Renderer) -> tuple[list[Problem], set[str]]:
    """Body problems of files that failed otherwise, and the entries their articles name."""
    problems: list[Problem] = []
    named: set[str] = set()
    for failed in archive.failed:
        if failed.body is None:
            continue
        is_article = failed.section == "articles"
        result = renderer.render(failed.body, failed.section, "" if is_article else failed.id)
        problems += _body_problems(failed.path, failed.body_line, result, failed.body)
        if is_article:
            named.update(f.entity_id for f in result.found)
    return problems, named


def _coverage_warnings(
    archive: Archive, mentions: list[ArticleMentions], named_elsewhere: set[str]
) -> list[Problem]:
    named = {m.entity_id for item in mentions for m in item.mentions} | named_elsewhere
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


def check_archive(
    archive: Archive, progress: ProgressReport = _no_progress, rendered: RenderMemo | None = None
) -> Checked:
    """Run every checking stage on ``archive``, whatever an earlier stage found.

    ``rendered``: bodies a long-lived process rendered before (see ``run_cache.py``).
    """
    problems = [*archive.problems, *validate(archive)]
    renderer = _Renderer.of(archive, rendered if rendered is not None else RenderMemo())
    rendering, render_problems = _render(archive, renderer, progress)
    failed_problems, named = _failed_bodies(archive, renderer)
    problems += render_problems + failed_problems
    # A file with errors gets no coverage warning: a refused body or a clashing alias
    # mentions nothing, and saying so again would only bury the error that causes it.
    in_error = {p.path for p in problems if p.severity == "error"}
    coverage = _coverage_warnings(archive, rendering.mentions, named)
    problems += [p for p in coverage if p.path not in in_error]
    problems += cooccurrence_warnings(rendering.mentions)
    return Checked(rendering, tuple(problems))


def check_content(content_dir: Path, cache: RunCache | None = None) -> tuple[Problem, ...]:
    """Every problem in ``content_dir``: what ``explainer check`` reports. Builds no page.

    ``cache``: what a long-lived process kept from its previous run; none for a one-off check.
    """
    cache = cache if cache is not None else RunCache()
    cache.next_run()
    archive = read_archive(content_dir, cache.parsed, cache.stamped)
    return check_archive(archive, rendered=cache.rendered).problems
