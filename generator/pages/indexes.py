"""The index pages: home, articles by date, actors by kind, locations A–Z."""

from __future__ import annotations

from itertools import groupby

from unidecode import unidecode

from generator.crossref import CrossReference, newest_first
from generator.markup import md_link, md_text
from generator.model import Article, Entity
from generator.pages.article import article_src, entity_src
from generator.pages.common import Page, front_matter, month_label, plural, time_tag
from generator.pages.entity import KIND_LABELS

LATEST_ON_HOME = 10
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


def _article_row(article: Article, src: str) -> str:
    row = f"- {time_tag(article.date)} · {md_link(article.title, src, article_src(article))}"
    return row + (f"  \n  {md_text(article.summary)}" if article.summary else "")


def _entity_row(entity: Entity, src: str, xref: CrossReference, label: str = "") -> str:
    count = plural(xref.count(entity.id), "article")
    kind = f"{label} · " if label else ""
    link = md_link(entity.name, src, entity_src(entity))
    return f"- {link} · {kind}{md_text(entity.summary)} ({count})"


def home_page(articles: list[Article], entities: list[Entity], site_name: str) -> Page:
    """The home page: what the archive is and its latest articles."""
    latest = sorted(articles, key=newest_first)[:LATEST_ON_HOME]
    actors = sum(1 for e in entities if e.section == "actors" or e.is_state)
    places = sum(1 for e in entities if e.section == "locations")
    intro = (
        f"{plural(len(articles), 'article')}, {plural(actors, 'actor')} and "
        f"{plural(places, 'location')}. Every person, organisation, state and place named in "
        "an article has a page of its own listing, by date, each article that mentions it "
        "and the sentence that does."
    )
    browse = (
        "Browse [all articles by date](articles/index.md), [actors](actors/index.md) "
        "or [locations](locations/index.md), or search above."
    )
    rows = "\n".join(_article_row(a, "index.md") for a in latest)
    body = f"# {md_text(site_name)}\n\n{intro}\n\n{browse}\n\n## Latest articles\n\n{rows}\n"
    return Page("index.md", front_matter(site_name, intro) + body)


def articles_index(articles: list[Article]) -> Page:
    """Every article, newest first, under a heading per month."""
    src = "articles/index.md"
    parts = ["# Articles", f"{plural(len(articles), 'article')}, newest first."]
    ordered = sorted(articles, key=newest_first)
    for _month, group in groupby(ordered, key=lambda a: (a.date.year, a.date.month)):
        rows = list(group)
        parts.append(f"## {month_label(rows[0].date)}")
        parts.append("\n".join(_article_row(a, src) for a in rows))
    return Page(src, front_matter("Articles", "All articles by date.") + "\n\n".join(parts) + "\n")


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
    return Page(src, front_matter("Actors", description) + "\n\n".join(parts) + "\n")


def locations_index(entities: list[Entity], xref: CrossReference) -> Page:
    """Locations A–Z under a heading per initial."""
    src = "locations/index.md"
    places = sorted((e for e in entities if e.section == "locations"), key=sort_name)
    parts = ["# Locations", "Countries, territories, regions, cities and sites, A–Z."]
    for letter, group in groupby(places, key=lambda e: sort_name(e)[:1].upper() or "#"):
        parts.append(f"## {md_text(letter)}")
        parts.append("\n".join(_entity_row(e, src, xref, KIND_LABELS[e.kind]) for e in group))
    description = "Every place named in the archive."
    return Page(src, front_matter("Locations", description) + "\n\n".join(parts) + "\n")
