"""The glossary page of an actor or location: a reference card and where it is mentioned."""

from __future__ import annotations

from generator.crossref import CrossReference
from generator.markup import html_text, md_link, md_text
from generator.model import Article, Entity, Mention
from generator.pages.article import article_src, entity_src
from generator.pages.common import Page, blocks_markdown, front_matter, plural, time_tag
from generator.render import Block

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


def _facts(entity: Entity, entities: dict[str, Entity], src: str) -> str:
    """The one-line card under the name: kind, role, country."""
    parts = [f"**{KIND_LABELS[entity.kind]}**"]
    if entity.is_state:
        parts[0] += " (also listed as a state actor)"
    if entity.role:
        parts.append(md_text(entity.role))
    country = entities.get(entity.country)
    if country is not None and country.id != entity.id:
        parts.append(md_link(country.name, src, entity_src(country)))
    return " · ".join(parts)


def _external(entity: Entity) -> str:
    links = []
    if entity.coordinates:
        lat, lon = entity.coordinates.lat, entity.coordinates.lon
        north, east = "N" if lat >= 0 else "S", "E" if lon >= 0 else "W"
        where = f"{abs(lat):.2f}° {north}, {abs(lon):.2f}° {east}"
        url = f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=9/{lat}/{lon}"
        links.append(f'Coordinates: <a href="{url}">{where}</a>')
    if entity.wikidata:
        url = f"https://www.wikidata.org/wiki/{entity.wikidata}"
        links.append(f'Wikidata: <a href="{url}">{entity.wikidata}</a>')
    return f'<p class="ea-external">{" · ".join(links)}</p>' if links else ""


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


def _mentioned_in(rows: tuple[tuple[Article, Mention], ...], src: str) -> str:
    if not rows:
        return "## Mentioned in\n\nNo article mentions this entry yet."
    items = []
    for article, mention in rows:
        item = f"- {time_tag(article.date)} · {md_link(article.title, src, article_src(article))}"
        if mention.sentence:
            item += f"\n\n    > {_quote(mention)}\n"
        items.append(item)
    return "## Mentioned in\n\n" + "\n".join(items)


def _appears_with(entity: Entity, xref: CrossReference, entities: dict[str, Entity], src: str):
    partners = xref.together.get(entity.id, ())
    if not partners:
        return ""
    items = [
        f"- {md_link(entities[other].name, src, entity_src(entities[other]))}"
        f" · {plural(shared, 'shared article')}"
        for other, shared in partners
    ]
    return "## Appears with\n\n" + "\n".join(items)


def entity_page(
    entity: Entity,
    description: tuple[Block, ...],
    xref: CrossReference,
    entities: dict[str, Entity],
) -> Page:
    """The glossary page of ``entity``; ``description`` is its rendered body."""
    src = entity_src(entity)
    others = [a for a in entity.aliases if a != entity.name]
    parts = [
        f"# {md_text(entity.name)}",
        _facts(entity, entities, src),
        f'<p class="ea-summary">{html_text(entity.summary)}</p>',
        ("**Also known as:** " + ", ".join(md_text(a) for a in others)) if others else "",
        blocks_markdown(description),
        _external(entity),
        f"Mentioned in {plural(xref.count(entity.id), 'article')}.",
        _mentioned_in(xref.by_entity.get(entity.id, ()), src),
        _appears_with(entity, xref, entities, src),
    ]
    body = "\n\n".join(part for part in parts if part)
    return Page(src, front_matter(entity.name, entity.summary) + body + "\n")
