"""The home page: what the archive covers, its latest articles, who and where it is about."""

from __future__ import annotations

from generator.content.model import Article, Entity
from generator.site.crossref import CrossReference, newest_first
from generator.site.markup import html_text, md_link, md_text
from generator.site.pages.article import entity_src
from generator.site.pages.common import Page, format_date, front_matter, plural
from generator.site.pages.listing import article_row
from generator.site.pages.topics import INDEX_SRC as TOPICS_SRC
from generator.site.topics import Topic, most_used

SRC = "index.md"
LATEST_ON_HOME = 10
MOST_MENTIONED = 6
TOPICS_ON_HOME = 12
COUNTED = "With the number of articles that name each."


def date_span(articles: list[Article]) -> str:
    """``7 articles from 3 March 2024 to 21 August 2025``: how much, over what time."""
    if not articles:
        return "No articles yet"
    first = format_date(min(a.date for a in articles))
    last = format_date(max(a.date for a in articles))
    count = plural(len(articles), "article")
    return f"{count} of {first}" if first == last else f"{count} from {first} to {last}"


def _most_mentioned(entities: list[Entity], xref: CrossReference) -> list[Entity]:
    """The entries named in most articles, then A–Z; entries no article names are left out."""
    named = [e for e in entities if xref.count(e.id)]
    ordered = sorted(named, key=lambda e: (-xref.count(e.id), e.name.casefold(), e.id))
    return ordered[:MOST_MENTIONED]


def _entity_list(title: str, entities: list[Entity], xref: CrossReference, more: str) -> str:
    if not entities:
        return ""
    rows = "\n".join(
        f"- {md_link(e.name, SRC, entity_src(e))} ({xref.count(e.id)})" for e in entities
    )
    return f"## {title}\n\n{COUNTED}\n\n{rows}\n\n{more}"


def _topics(topics: tuple[Topic, ...]) -> str:
    """The most used topics as tags, each with its number of articles."""
    if not topics:
        return ""
    items = "".join(
        f'<li><a href="{html_text(t.url)}">{html_text(t.name)}'
        f' <span class="ea-tags__count">{len(t.articles)}</span></a></li>'
        for t in most_used(topics, TOPICS_ON_HOME)
    )
    tags = f'<ul class="ea-tags" aria-label="Topics, with their number of articles">{items}</ul>'
    every = md_link(f"All {plural(len(topics), 'topic')}", SRC, TOPICS_SRC)
    return f"## Topics\n\n{tags}\n\n{every}"


def _column(css: str, parts: list[str]) -> str:
    """A ``<div markdown="1">``: its Markdown is read by ``md_in_html`` and by CommonMark."""
    inner = "\n\n".join(part for part in parts if part)
    return f'<div class="{css}" markdown="1">\n\n{inner}\n\n</div>'


def home_page(
    articles: list[Article],
    entities: list[Entity],
    xref: CrossReference,
    topics: tuple[Topic, ...],
    site_name: str,
) -> Page:
    """The home page: the archive's span and size, its latest articles, and beside them
    its most mentioned actors and places (with counts) and its topics."""
    # Countries count among the actors, as in the Actors index, but are listed once only:
    # among the places, where a reader looks for them first.
    actors = [e for e in entities if e.section == "actors"]
    places = [e for e in entities if e.section == "locations"]
    states = sum(1 for e in places if e.is_state)
    intro = (
        f"{date_span(articles)}, naming {plural(len(actors) + states, 'actor')} and "
        f"{plural(len(places), 'location')}. Every person, organisation, state and place "
        "named in an article has a page of its own listing, by date, each article that "
        "mentions it and the sentence that does."
    )
    browse = (
        "Browse [all articles by date](articles/index.md), [topics](topics/index.md), "
        "[actors](actors/index.md) or [locations](locations/index.md), [explore who appears "
        "with whom](explore/index.md), or search above. New articles arrive in the "
        "[Atom feed](feed.xml)."
    )
    latest = sorted(articles, key=newest_first)[:LATEST_ON_HOME]
    rows = "\n".join(article_row(a, SRC) for a in latest)
    about = [
        _entity_list(
            "Most mentioned actors",
            _most_mentioned(actors, xref),
            xref,
            md_link("All actors", SRC, "actors/index.md"),
        ),
        _entity_list(
            "Most mentioned places",
            _most_mentioned(places, xref),
            xref,
            md_link("All locations", SRC, "locations/index.md"),
        ),
        _topics(topics),
    ]
    columns = [
        _column("ea-home__latest", ["## Latest articles", rows]),
        _column("ea-home__about", about),
    ]
    body = "\n\n".join([f"# {md_text(site_name)}", intro, browse, _column("ea-home", columns)])
    # The two columns need the width of the page: its sections are its table of contents.
    meta = front_matter(site_name, intro, hide=["navigation", "toc"])
    return Page(SRC, meta + body + "\n")
