"""The Explore page: the whole actor–location network, and its best-connected entries."""

from __future__ import annotations

import functools

from generator.content.model import Entity
from generator.site.crossref import CrossReference
from generator.site.markup import md_link
from generator.site.pages.article import entity_src
from generator.site.pages.common import Page, front_matter, plural
from generator.site.pages.entity import figure, node
from generator.site.svg import network_map

SRC = "explore/index.md"
LISTED = 25


def _edges(xref: CrossReference) -> list[tuple[str, str, int]]:
    """Each entity's strongest partnerships, once per pair, in a stable order."""
    edges: dict[tuple[str, str], int] = {}
    for entity_id, partners in xref.together.items():
        for other, shared in partners:
            edges[tuple(sorted((entity_id, other)))] = shared
    return [(a, b, shared) for (a, b), shared in sorted(edges.items())]


@functools.lru_cache(maxsize=2)
def _cached_network(nodes: tuple, edges: tuple) -> str:
    """The layout takes a second at a few hundred entries; unchanged between most rebuilds."""
    return network_map(nodes, edges)


def explore_page(entities: list[Entity], xref: CrossReference) -> Page:
    """The network of who appears with whom, with a text list of the busiest entries."""
    ordered = sorted(entities, key=lambda e: e.id)
    graph = _cached_network(tuple(node(e, "../") for e in ordered), tuple(_edges(xref)))
    busiest = sorted(entities, key=lambda e: (-xref.count(e.id), e.name.casefold()))[:LISTED]
    rows = "\n".join(
        f"- {md_link(e.name, SRC, entity_src(e))} · {plural(xref.count(e.id), 'article')}"
        for e in busiest
        if xref.count(e.id)
    )
    intro = (
        "Who appears with whom: each actor and location is a point, joined to the entries it "
        "shares most articles with. Groups that often appear together sit close to each "
        "other. Select a point to open its page. On a narrow screen the drawing keeps its "
        "size: scroll it sideways, or use the list below it."
    )
    parts = ["# Explore", intro, figure(graph, "explore"), "## Most mentioned", rows]
    meta = front_matter(
        "Explore",
        "The network of actors and locations in the archive.",
        # The network is drawn at its own size, wider than a column beside two sidebars.
        hide=["navigation", "toc"],
    )
    return Page(SRC, meta + "\n\n".join(p for p in parts if p) + "\n")
