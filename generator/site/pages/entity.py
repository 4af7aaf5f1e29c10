"""The glossary page of an actor or location: a reference card and where it is mentioned."""

from __future__ import annotations

import functools
from itertools import groupby

from generator.body.render import Block
from generator.content.model import Article, Entity, Mention
from generator.site.crossref import CrossReference
from generator.site.markup import html_text, md_link, md_target, md_text
from generator.site.pages.article import article_src, entity_src
from generator.site.pages.common import (
    Page,
    blocks_markdown,
    finished_lengths,
    format_date,
    front_matter,
    joined,
    month_label,
    plural,
    time_tag,
)
from generator.site.pages.search_hints import search_hints, searchable
from generator.site.svg import Node, ego_network, location_map, mentions_chart, mentions_table

KIND_LABELS = {
    "person": "Person",
    "organisation": "Organisation",
    "government": "Government",
    "military": "Military",
    "armed-group": "Armed group",
    "media": "Media",
    "country": "Country",
    "territory": "Territory",
    "region": "Region",
    "city": "City",
    "site": "Site",
}
# The page lists this many mentions; the feed and the archive pages hold the rest.
MENTIONS_ON_PAGE = 100


_SECTION_LABELS = {"actors": "Actor", "locations": "Location"}


def _result_label(entity: Entity) -> str:
    """``Actor · Person``: what a search result for this entry is."""
    return f"{_SECTION_LABELS[entity.section]} · {KIND_LABELS[entity.kind]}"


def _other_names(entity: Entity) -> list[str]:
    """Aliases besides the name: the reference card lists them, search needs them as text."""
    return [alias for alias in entity.aliases if alias != entity.name]


def feed_path(entity: Entity) -> str:
    """Where the entity's Atom feed is built."""
    return f"{entity.url}feed.xml"


def _row(label: str, value: str) -> str:
    return f"<dt>{label}</dt><dd>{value}</dd>"


def _coordinates(entity: Entity) -> str:
    lat, lon = entity.coordinates.lat, entity.coordinates.lon
    north, east = "N" if lat >= 0 else "S", "E" if lon >= 0 else "W"
    where = f"{abs(lat):.2f}° {north}, {abs(lon):.2f}° {east}"
    url = f"https://www.openstreetmap.org/?mlat={lat}&amp;mlon={lon}#map=8/{lat}/{lon}"
    return f'<a href="{url}">{where}</a> (full map)'


def _infobox(entity: Entity, rows: tuple, entities: dict[str, Entity]) -> str:
    """The reference card: what it is, its role, where, when it was in the news."""
    kind = KIND_LABELS[entity.kind] + (" (also a state actor)" if entity.is_state else "")
    items = [_row("Kind", kind)]
    if entity.role:
        items.append(_row("Role", html_text(entity.role)))
    country = entities.get(entity.country)
    if country is not None and country.id != entity.id:
        href = f"../../{country.url}"
        items.append(_row("Country", f'<a href="{href}">{html_text(country.name)}</a>'))
    others = _other_names(entity)
    if others:
        items.append(_row("Also known as", ", ".join(html_text(a) for a in others)))
    if rows:
        dates = [article.date for article, _ in rows]
        items.append(_row("First seen", time_tag(min(dates))))
        items.append(_row("Last seen", time_tag(max(dates))))
    items.append(_row("Articles", str(len(rows))))
    if entity.coordinates:
        items.append(_row("Coordinates", _coordinates(entity)))
    if entity.wikidata:
        url = f"https://www.wikidata.org/wiki/{entity.wikidata}"
        items.append(_row("Wikidata", f'<a href="{url}">{entity.wikidata}</a>'))
    return f'<dl class="ea-infobox" aria-label="Facts">{"".join(items)}</dl>'


def _map(entity: Entity) -> str:
    if entity.coordinates is None:
        return ""
    lat, lon = entity.coordinates.lat, entity.coordinates.lon
    return figure(_cached_map(lat, lon, entity.name), "map")


def _quote(mention: Mention) -> str:
    """The mentioning sentence with the mention marked, as Markdown."""
    s = mention.sentence
    return (
        md_text(s[: mention.start])
        + "<mark>"
        + md_text(s[mention.start : mention.end])
        + "</mark>"
        + md_text(s[mention.end :])
    ).strip()


def _mention_item(article: Article, mention: Mention, src: str) -> str:
    item = f"- {time_tag(article.date)} · {md_link(article.title, src, article_src(article))}"
    if mention.sentence:
        item += f"\n\n    > {_quote(mention)}\n"
    return item


# The drawings are pure functions of their data; under `serve` most are unchanged from one
# rebuild to the next, so they are remembered rather than laid out again.
@functools.lru_cache(maxsize=4096)
def _cached_chart(dates: tuple, name: str) -> str:
    return mentions_chart(dates, label=name)


@functools.lru_cache(maxsize=4096)
def _cached_ego(center: Node, partners: tuple) -> str:
    return ego_network(center, partners)


@functools.lru_cache(maxsize=4096)
def _cached_map(lat: float, lon: float, name: str) -> str:
    return location_map(lat, lon, label=name)


def figure(svg: str, kind: str, after: str = "") -> str:
    """An SVG as a block of its own: Python-Markdown passes it through only inside a div.

    ``after`` is HTML kept with the drawing (its table); no blank line, or the block ends.
    """
    # Chart labels and the names of neighbouring places on a map are not words of this
    # page; "all" keeps them out of the index's filters and metadata too.
    div = f'<div class="ea-figure ea-figure--{kind}" data-pagefind-ignore="all">'
    return "\n".join(line for line in (div, svg, after, "</div>") if line) if svg else ""


def node(entity: Entity, prefix: str = "../../") -> Node:
    """An entity as a network node linking to its page."""
    group = "actor" if entity.section == "actors" else "location"
    return Node(entity.id, entity.name, prefix + entity.url, group)


def _mentioned_in(entity: Entity, rows: tuple[tuple[Article, Mention], ...], src: str) -> str:
    """The timeline: newest first, a label per month, each with the mentioning sentence."""
    if not rows:
        return "## Mentioned in\n\nNo article mentions this entry yet."
    dates = tuple(article.date for article, _ in rows)
    chart = _cached_chart(dates, entity.name)
    parts = ["## Mentioned in", figure(chart, "timeline", mentions_table(dates, label=entity.name))]
    shown = rows[:MENTIONS_ON_PAGE]
    for _, group in groupby(shown, key=lambda row: (row[0].date.year, row[0].date.month)):
        items = list(group)
        parts.append(f'<p class="ea-month">{month_label(items[0][0].date)}</p>')
        parts.append("\n".join(_mention_item(a, m, src) for a, m in items))
    if len(rows) > len(shown):
        oldest = format_date(shown[-1][0].date)
        parts.append(
            f"The {len(shown)} most recent of {plural(len(rows), 'article')} are listed; "
            f"older ones (before {oldest}) are in the [Atom feed]({entity.id}/feed.xml) and "
            f"the [articles index]({md_target(src, 'articles/index.md')})."
        )
    return "\n\n".join(parts)


def _appears_with(entity: Entity, xref: CrossReference, entities: dict[str, Entity], src: str):
    partners = xref.together.get(entity.id, ())
    if not partners:
        return ""
    items = [
        f"- {md_link(entities[other].name, src, entity_src(entities[other]))}"
        f" · {plural(shared, 'shared article')}"
        for other, shared in partners
    ]
    graph = _cached_ego(node(entity), tuple((node(entities[o]), n) for o, n in partners))
    return "## Appears with\n\n" + figure(graph, "network") + "\n\n" + "\n".join(items)


def entity_page(
    entity: Entity,
    description: tuple[Block, ...],
    xref: CrossReference,
    entities: dict[str, Entity],
) -> Page:
    """The glossary page of ``entity``; ``description`` is its rendered body."""
    src = entity_src(entity)
    rows = xref.by_entity.get(entity.id, ())
    follow = (
        f'<p class="ea-follow"><a href="feed.xml" type="application/atom+xml">'
        f"Follow {html_text(entity.name)} (Atom feed)</a></p>"
    )
    text = [
        f"# {md_text(entity.name)}",
        f'<p class="ea-summary">{html_text(entity.summary)}</p>',
        _infobox(entity, rows, entities),
        _map(entity),
        blocks_markdown(description),
    ]
    hints = search_hints(_result_label(entity), [entity], entity.role, _other_names(entity))
    parts = [
        searchable(joined(text), hints),
        _mentioned_in(entity, rows, src),
        _appears_with(entity, xref, entities, src),
        follow,
    ]
    body = joined(parts)
    meta = front_matter(entity.name, entity.summary, feed=feed_path(entity))
    return Page(src, meta + body + "\n", finished_lengths(description))
