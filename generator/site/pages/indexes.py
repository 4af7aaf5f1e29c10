"""The index pages: articles by date, month by month, actors by kind, locations A–Z."""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from unidecode import unidecode

from generator.content.model import Article, Entity
from generator.site.crossref import CrossReference, newest_first
from generator.site.markup import md_link, md_text
from generator.site.pages.article import entity_src
from generator.site.pages.common import MONTHS, Page, front_matter, month_label, plural
from generator.site.pages.entity import KIND_LABELS
from generator.site.pages.listing import article_row

ARTICLES_ON_INDEX = 100
ACTOR_GROUPS = (
    ("person", "People"),
    ("organisation", "Organisations"),
    ("government", "Governments"),
    ("military", "Military"),
    ("armed-group", "Armed groups"),
    ("media", "Media"),
    ("state", "States"),
)


def sort_name(entity: Entity) -> str:
    """A–Z order that ignores accents and case."""
    return unidecode(entity.name).casefold()


def _entity_row(entity: Entity, src: str, xref: CrossReference, label: str = "") -> str:
    count = plural(xref.count(entity.id), "article")
    kind = f"{label} · " if label else ""
    link = md_link(entity.name, src, entity_src(entity))
    return f"- {link} · {kind}{md_text(entity.summary)} ({count})"


def month_src(date: dt.date) -> str:
    """Source path of the archive page of ``date``'s month."""
    return f"archive/{date.year:04d}-{date.month:02d}.md"


def _by_month(articles: list[Article]) -> list[list[Article]]:
    """Articles newest first, cut into one run per month."""
    ordered = sorted(articles, key=newest_first)
    return [list(g) for _, g in groupby(ordered, key=lambda a: (a.date.year, a.date.month))]


def articles_index(articles: list[Article]) -> Page:
    """The latest articles, then every month of the archive with its count.

    The listing is bounded: an archive of years would otherwise make one page of
    thousands of rows, slow to build, to load and to search.
    """
    src = "articles/index.md"
    months = _by_month(articles)
    latest = [a for month in months for a in month][:ARTICLES_ON_INDEX]
    intro = f"{plural(len(articles), 'article')}, newest first."
    if len(latest) < len(articles):
        intro += f" The latest {len(latest)} are listed here; older ones by month below."
    parts = ["# Articles", intro, "## Latest", "\n".join(article_row(a, src) for a in latest)]
    years = []
    for year, year_months in groupby(months, key=lambda m: m[0].date.year):
        links = [
            f"{md_link(MONTHS[m[0].date.month - 1], src, month_src(m[0].date))} ({len(m)})"
            for m in year_months
        ]
        years.append(f"- **{year}**: " + " · ".join(links))
    parts += ["## By month", "\n".join(years)]
    meta = front_matter("Articles", "All articles by date.")
    return Page(src, meta + "\n\n".join(parts) + "\n")


def _month_steps(src: str, older: Article | None, newer: Article | None) -> str:
    """Links to the months before and after, and back to the articles index."""
    steps = []
    if older:
        label = month_label(older.date)
        steps.append(f"- Previous month: {md_link(label, src, month_src(older.date))}")
    if newer:
        label = month_label(newer.date)
        steps.append(f"- Next month: {md_link(label, src, month_src(newer.date))}")
    steps.append(f"- {md_link('All articles by date', src, 'articles/index.md')}")
    return "## Other months\n\n" + "\n".join(steps)


def month_pages(articles: list[Article]) -> list[Page]:
    """One archive page per month, its articles newest first, linked to its neighbours."""
    pages = []
    months = _by_month(articles)
    for index, month in enumerate(months):
        src = month_src(month[0].date)
        label = month_label(month[0].date)
        rows = "\n".join(article_row(a, src) for a in month)
        # Months run newest first: the older neighbour follows, the newer one precedes.
        older = months[index + 1][0] if index + 1 < len(months) else None
        newer = months[index - 1][0] if index > 0 else None
        steps = _month_steps(src, older, newer)
        body = f"# {label}\n\n{plural(len(month), 'article')}, newest first.\n\n{rows}\n\n{steps}\n"
        meta = front_matter(f"Articles of {label}", f"Articles of {label}.")
        pages.append(Page(src, meta + body))
    return pages


def actors_index(entities: list[Entity], xref: CrossReference) -> Page:
    """Actors grouped by kind, each group A–Z; countries appear under States."""
    src = "actors/index.md"
    parts = ["# Actors", "People, organisations and states named in the archive, A–Z by kind."]
    for kind, label in ACTOR_GROUPS:
        group = [
            e
            for e in entities
            if (e.is_state if kind == "state" else e.section == "actors" and e.kind == kind)
        ]
        if group:
            parts.append(f"## {label}")
            parts.append("\n".join(_entity_row(e, src, xref) for e in sorted(group, key=sort_name)))
    description = "Everyone who acts in the archive's stories."
    meta = front_matter("Actors", description)
    return Page(src, meta + "\n\n".join(parts) + "\n")


def locations_index(entities: list[Entity], xref: CrossReference) -> Page:
    """Locations A–Z under a heading per initial."""
    src = "locations/index.md"
    places = sorted((e for e in entities if e.section == "locations"), key=sort_name)
    parts = ["# Locations", "Countries, territories, regions, cities and sites, A–Z."]
    for letter, group in groupby(places, key=lambda e: sort_name(e)[:1].upper() or "#"):
        parts.append(f"## {md_text(letter)}")
        parts.append("\n".join(_entity_row(e, src, xref, KIND_LABELS[e.kind]) for e in group))
    description = "Every place named in the archive."
    meta = front_matter("Locations", description)
    return Page(src, meta + "\n\n".join(parts) + "\n")
