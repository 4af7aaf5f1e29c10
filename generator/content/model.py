"""The archive's domain objects: immutable records that every stage passes on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]
Section = Literal["actors", "locations"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, located as precisely as the input allows."""

    path: str
    field: str
    message: str
    line: int | None = None
    severity: Severity = "error"
    # Where on the line (1-based) and the line itself, when the input allows: a caret
    # under the column shows a contributor the very character YAML stumbled on.
    column: int | None = None
    source: str | None = None

    def format(self) -> str:
        """Render as ``file:line:column: field: message``, the form editors and CI understand."""
        where = self.path
        if self.line:
            where += f":{self.line}" + (f":{self.column}" if self.column else "")
        label = self.field or "file"
        return f"{where}: {label}: {self.message}"


@dataclass(frozen=True)
class Source:
    """A publication or reference: a name, a URL, or both."""

    name: str = ""
    url: str = ""


@dataclass(frozen=True)
class Article:
    """A news article or explainer as the contributor wrote it (body still Markdown)."""

    path: str
    slug: str
    title: str
    date: dt.date
    body: str
    summary: str = ""
    byline: str = ""
    source: Source | None = None
    sources: tuple[Source, ...] = ()
    tags: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    body_line: int = 1
    # Where each front-matter key stands in the file, for problems found later.
    key_lines: tuple[tuple[str, int], ...] = field(default=(), compare=False, repr=False)

    def line_of(self, key: str) -> int | None:
        """The file line of front-matter ``key``, if the file has it."""
        return dict(self.key_lines).get(key)

    @property
    def url(self) -> str:
        """Site-relative URL of the article's page (directory URLs)."""
        return f"articles/{self.slug}/"


@dataclass(frozen=True)
class Coordinates:
    """A point in WGS 84 degrees."""

    lat: float
    lon: float


@dataclass(frozen=True)
class Entity:
    """A glossary entry: an actor, or a location (a country is a location that also acts)."""

    id: str
    section: Section
    path: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    summary: str
    description: str = ""
    role: str = ""
    country: str = ""
    wikidata: str = ""
    coordinates: Coordinates | None = None
    # Neighbouring words that rule a match of an alias out ("Washington" before "Post").
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    body_line: int = 1
    # Where each front-matter key stands in the file, for problems found later.
    key_lines: tuple[tuple[str, int], ...] = field(default=(), compare=False, repr=False)

    def line_of(self, key: str) -> int | None:
        """The file line of front-matter ``key``, if the file has it."""
        return dict(self.key_lines).get(key)

    @property
    def is_state(self) -> bool:
        """True for a country, which is listed both as a location and as a state actor."""
        return self.section == "locations" and self.kind == "country"

    @property
    def url(self) -> str:
        """Site-relative URL of the entity's page (directory URLs)."""
        return f"{self.section}/{self.id}/"


@dataclass(frozen=True)
class Mention:
    """The first place an article names an entity, with the sentence around it."""

    entity_id: str
    article_slug: str
    surface: str
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class FailedFile:
    """A content file that is there but could not become an Article or Entity.

    Later stages still know it: its body (``None`` when the front-matter could not be read,
    so where the body starts is unknown) is checked, and references to its id are not
    reported as missing entries on top of the file's own errors.
    """

    path: str
    section: str
    id: str
    body: str | None = None
    body_line: int = 1


@dataclass(frozen=True)
class Archive:
    """Everything read from ``content/``: the input of every later stage."""

    articles: tuple[Article, ...] = ()
    entities: tuple[Entity, ...] = ()
    problems: tuple[Problem, ...] = field(default=())
    failed: tuple[FailedFile, ...] = ()
    # The content folder read, where the bodies' images are looked up ("": none).
    root: str = ""

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that stop a build."""
        return tuple(p for p in self.problems if p.severity == "error")

    def entity_map(self) -> dict[str, Entity]:
        """Entities by id."""
        return {e.id: e for e in self.entities}

    def failed_entity_ids(self) -> frozenset[str]:
        """Ids of glossary files that exist but have errors of their own."""
        return frozenset(f.id for f in self.failed if f.section != "articles")
