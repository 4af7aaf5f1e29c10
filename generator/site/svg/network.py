"""Who appears with whom: an entity's own network, and the whole actor–location network.

Actors are circles and locations diamonds, in two colours, so the kind never rests on colour
alone. Every node but the centre of an ego network is a link to its page.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from generator.site.svg import layout
from generator.site.svg._svg import (
    chart_id,
    check_href,
    esc,
    fixed,
    halo_text,
    hit,
    label_hit,
    num,
    shorten,
    svg_root,
)
from generator.site.wording import plural

GROUPS = ("actor", "location")
CLASSES = {"actor": "ea-a", "location": "ea-l"}
EGO_SIZE = (600, 400)
EGO_PARTNERS = 12
MAP_SIZE = (960, 720)
MAP_LABELS = 40
MAP_FORCED_LABELS = 10


@dataclass(frozen=True)
class Node:
    """An entity in a network: its id, display name, link target and kind."""

    id: str
    label: str
    href: str
    group: str

    def __post_init__(self) -> None:
        if self.group not in GROUPS:
            raise ValueError(f"node group must be one of {GROUPS}: {self.group!r}")
        check_href(self.href)


def shape(node: Node, x: float, y: float, r: float) -> str:
    """The node's mark: a circle for an actor, a diamond of similar area for a location.

    The mark is outlined in the background colour, so overlapping marks stay apart.
    """
    cls = f'class="{CLASSES[node.group]} ea-halo ea-mark"'
    if node.group == "actor":
        return f'<circle {cls} cx="{num(x)}" cy="{num(y)}" r="{num(r)}"/>'
    d = r * 1.25
    return (
        f'<path {cls} d="M{num(x)} {num(y - d)}L{num(x + d)} {num(y)}L{num(x)} {num(y + d)}'
        f'L{num(x - d)} {num(y)}Z"/>'
    )


def legend(groups: set[str], x: float, y: float) -> list[str]:
    """A key to the shapes in the chart, one entry per group present."""
    out = []
    for group in (g for g in GROUPS if g in groups):
        out.append(shape(Node("", "", "", group), x + 6, y - 4, 5))
        out.append(
            f'<text x="{num(x + 16)}" y="{num(y)}" fill="currentColor">{group.title()}</text>'
        )
        x += 90
    return out


def ego_network(center: Node, partners: Sequence[tuple[Node, int]]) -> str:
    """``center`` in the middle and its strongest partners around it, with shared-article counts.

    Keeps the ``EGO_PARTNERS`` partners with the most shared articles (ties by name); edge
    width grows with the count. No partners give an empty string.
    """
    ranked = sorted(partners, key=lambda p: (-p[1], p[0].label.casefold(), p[0].id))
    shown = ranked[:EGO_PARTNERS]
    if not shown:
        return ""
    width, height = EGO_SIZE
    cx, cy, radius = width / 2, height / 2 - 10, 130
    top = max(count for _, count in shown)
    spots = [_ego_spot(i, len(shown), cx, cy, radius) for i in range(len(shown))]
    body = ['<g stroke="currentColor" stroke-opacity=".35" stroke-linecap="round">']
    for (node, count), (x, y, _) in zip(shown, spots, strict=True):
        tip = f"{center.label} and {node.label}: {plural(count, 'shared article')}"
        body.append(
            f'<line x1="{num(cx)}" y1="{num(cy)}" x2="{num(x)}" y2="{num(y)}"'
            f' stroke-width="{num(1 + 5 * count / top)}"><title>{esc(tip)}</title></line>'
        )
    body.append("</g>")
    for (node, count), (x, y, angle) in zip(shown, spots, strict=True):
        body.append(_ego_partner(node, count, x, y, angle, 5 + 5 * math.sqrt(count / top)))
    body.append(shape(center, cx, cy, 14))
    body.append(halo_text(cx, cy + 32, shorten(center.label, 40), anchor="middle"))
    body += legend({center.group, *(n.group for n, _ in shown)}, 8, height - 10)
    ident = chart_id("ego", center, *shown)
    title = f"{center.label} and who appears with them"
    desc = _ego_desc(center, ranked, shown)
    return svg_root(ident, fixed(*EGO_SIZE), title, desc, body, role="group")


def _ego_spot(index: int, count: int, cx: float, cy: float, radius: float):
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return cx + radius * math.cos(angle), cy + radius * math.sin(angle), angle


def _ego_partner(node: Node, count: int, x: float, y: float, angle: float, r: float) -> str:
    """A partner: its mark and its name outside the circle, together one link."""
    dx, dy = math.cos(angle), math.sin(angle)
    anchor = "start" if dx > 0.3 else "end" if dx < -0.3 else "middle"
    gap = r + 6
    lx, ly = x + dx * gap, y + dy * gap + 4
    if anchor == "middle":
        ly = y - gap if dy < 0 else y + gap + 10
    tip = f"{node.label}: {plural(count, 'shared article')}"
    return (
        f'<a href="{esc(node.href)}"><title>{esc(tip)}</title>'
        + hit(x, y, r)
        + shape(node, x, y, r)
        + halo_text(lx, ly, shorten(node.label, 36 if anchor == "middle" else 24), anchor=anchor)
        + "</a>"
    )


def _ego_desc(center: Node, ranked, shown) -> str:
    names = "; ".join(f"{n.label} ({plural(c, 'shared article')})" for n, c in shown)
    more = f" and {len(ranked) - len(shown)} more" if len(ranked) > len(shown) else ""
    return f"{center.label} appears in the same articles as {names}{more}."


def network_map(
    nodes: Sequence[Node],
    edges: Sequence[tuple[str, str, int]],
    *,
    max_nodes: int = 150,
    min_weight: int = 1,
) -> str:
    """The actor–location network: the best-connected nodes and the strongest of their links.

    ``edges`` are (id, id, shared articles); pairs below ``min_weight`` are ignored. Keeps the
    ``max_nodes`` nodes with the most shared articles and each one's three strongest edges,
    lays them out with a seeded force layout started from label-propagation communities,
    and names the best-connected nodes that have room; the others name themselves in a
    tooltip. Every node links to its page. No edges give an empty string.
    """
    by_id = {n.id: n for n in nodes}
    merged = layout.merge_edges(edges, set(by_id), min_weight)
    kept, backbone = layout.strongest(merged, max_nodes)
    if not kept:
        return ""
    index = {node: i for i, node in enumerate(kept)}
    top = max(w for _, _, w in backbone)
    community = layout.communities(kept, backbone)
    links = [
        (index[a], index[b], (0.3 + 0.7 * w / top) * (1 if community[a] == community[b] else 0.3))
        for a, b, w in backbone
    ]
    start = layout.initial_positions(kept, community)
    width, height = MAP_SIZE
    placed = layout.fit(layout.force_layout(start, links), (40, 30, width - 40, height - 40))
    spots = [(round(x), round(y)) for x, y in placed]  # whole units: smaller, still exact
    body = _map_edges(backbone, spots, index, top)
    body += _map_nodes([by_id[i] for i in kept], spots, layout.strength(merged), _partners(merged))
    body += legend({by_id[i].group for i in kept}, 8, height - 10)
    ident = chart_id("net", *kept, *backbone)
    title = "Who appears with whom: actors and locations named in the same articles"
    return svg_root(
        ident, fixed(*MAP_SIZE), title, _map_desc(kept, by_id, nodes, backbone), body, role="group"
    )


def _partners(merged: dict[tuple, int]) -> dict[str, int]:
    """How many others each id appears with (over every edge kept by ``min_weight``)."""
    count: dict[str, int] = {}
    for a, b in merged:
        count[a] = count.get(a, 0) + 1
        count[b] = count.get(b, 0) + 1
    return count


def _map_edges(backbone, spots, index, top) -> list[str]:
    """Edges as one path per width class: small output, strongest drawn last."""
    classes: dict[int, list[str]] = {}
    for a, b, weight in backbone:
        (x1, y1), (x2, y2) = spots[index[a]], spots[index[b]]
        level = min(3, int(4 * weight / top))
        classes.setdefault(level, []).append(f"M{num(x1)} {num(y1)}L{num(x2)} {num(y2)}")
    out = ['<g stroke="currentColor" fill="none" stroke-linecap="round">']
    for level in sorted(classes):
        out.append(
            f'<path stroke-width="{num(0.6 + level * 0.9)}"'
            f' stroke-opacity="{num(0.2 + level * 0.1)}" d="{"".join(classes[level])}"/>'
        )
    return [*out, "</g>"]


def _map_nodes(kept: list[Node], spots, strength, partners) -> list[str]:
    """Every node a link with a tooltip; names on a layer above, also links but not tab stops.

    A node's area grows with its ``strength``; its tooltip says how many others it appears with.
    """
    top = strength[kept[0].id]
    radius = [3 + 9 * math.sqrt(strength[n.id] / top) for n in kept]
    out = []
    for node, (x, y), r in zip(kept, spots, radius, strict=True):
        others = plural(partners[node.id], "other entry", "other entries")
        tip = f"{node.label}: appears with {others}"
        mark = hit(x, y, r) + shape(node, x, y, r)
        out.append(f'<a href="{esc(node.href)}"><title>{esc(tip)}</title>{mark}</a>')
    texts = [shorten(n.label, 28) for n in kept[:MAP_LABELS]]
    marks = [(x, y, r) for (x, y), r in zip(spots, radius, strict=True)]
    out.append('<g aria-hidden="true">')
    for i, x, y, anchor in layout.place_labels(texts, marks, MAP_SIZE, MAP_FORCED_LABELS):
        out.append(
            f'<a href="{esc(kept[i].href)}" tabindex="-1">'
            + label_hit(x, y, texts[i], anchor)
            + halo_text(x, y, texts[i], anchor=anchor)
            + "</a>"
        )
    return [*out, "</g>"]


def _map_desc(kept, by_id, nodes, backbone) -> str:
    best = ", ".join(by_id[i].label for i in kept[:8])
    return (
        f"The {len(kept)} best-connected of {len(nodes)} entries and {len(backbone)} of"
        f" their strongest links. Most connected: {best}."
    )
