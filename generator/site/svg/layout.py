"""Graph layout in pure Python: pruning, communities, a seeded force layout, label placement.

Everything here is deterministic: ties are broken by id, the only randomness comes from
``random.Random`` with a fixed seed, and the layout uses only IEEE arithmetic and square
roots, so one input gives one layout on every machine.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Iterable, Sequence

Edge = tuple[str, str, int]
Box = tuple[float, float, float, float]

EDGES_PER_NODE = 3
SEED = 20240821


def merge_edges(edges: Iterable[Edge], known: set[str], min_weight: int) -> dict[tuple, int]:
    """Undirected edges between known ids, at least ``min_weight``; a pair given twice keeps
    its larger weight (lists built from both ends name every pair twice)."""
    merged: dict[tuple[str, str], int] = {}
    for a, b, weight in edges:
        if a == b or a not in known or b not in known or weight < min_weight:
            continue
        key = (a, b) if a < b else (b, a)
        merged[key] = max(merged.get(key, 0), weight)
    return merged


def strength(edges: dict[tuple, int]) -> dict[str, int]:
    """Each id's total edge weight: how strongly it is tied to everyone else."""
    total: dict[str, int] = defaultdict(int)
    for (a, b), weight in edges.items():
        total[a] += weight
        total[b] += weight
    return dict(total)


def strongest(edges: dict[tuple, int], max_nodes: int) -> tuple[list[str], list[Edge]]:
    """The ``max_nodes`` ids with the most shared articles, and a backbone of their edges.

    Each kept node keeps its ``EDGES_PER_NODE`` strongest edges: the union stays sparse
    (at most three edges a node) yet connects every node to its closest partners.
    """
    total = strength(edges)
    kept = sorted(total, key=lambda i: (-total[i], i))[:max_nodes]
    keep = set(kept)
    around: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for (a, b), weight in edges.items():
        if a in keep and b in keep:
            around[a].append((-weight, b, a))
            around[b].append((-weight, a, b))
    chosen: set[tuple[str, str]] = set()
    for node in kept:
        for _, other, this in sorted(around[node])[:EDGES_PER_NODE]:
            chosen.add((this, other) if this < other else (other, this))
    backbone = sorted(((a, b, edges[a, b]) for a, b in chosen), key=lambda e: (-e[2], e[0], e[1]))
    return kept, backbone


def communities(ids: Sequence[str], edges: Sequence[Edge], rounds: int = 20) -> dict[str, str]:
    """Weighted label propagation: each node takes the label heaviest among its neighbours.

    Nodes are visited in id order and ties go to the smallest label, so the result is fixed.
    """
    label = {i: i for i in ids}
    near: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for a, b, weight in edges:
        near[a].append((b, weight))
        near[b].append((a, weight))
    for _ in range(rounds):
        changed = False
        for node in sorted(ids):
            votes: dict[str, int] = defaultdict(int)
            for other, weight in near[node]:
                votes[label[other]] += weight
            if votes:
                best = min(votes, key=lambda lab: (-votes[lab], lab))
                if votes[best] > votes.get(label[node], 0):
                    label[node], changed = best, True
        if not changed:
            break
    return label


def initial_positions(ids: Sequence[str], group_of: dict[str, str]) -> list[list[float]]:
    """Communities start as separate clouds on a spiral, largest first, in a unit square."""
    rng = random.Random(SEED)
    members: dict[str, list[int]] = defaultdict(list)
    for index, node in enumerate(ids):
        members[group_of[node]].append(index)
    order = sorted(members, key=lambda c: (-len(members[c]), c))
    pos = [[0.0, 0.0] for _ in ids]
    for rank, community in enumerate(order):
        angle, radius = rank * 2.39996, 0.35 * math.sqrt(rank / max(len(order), 1))
        cx, cy = 0.5 + radius * math.cos(angle), 0.5 + radius * math.sin(angle)
        spread = 0.04 * math.sqrt(len(members[community]))
        for index in members[community]:
            pos[index] = [cx + rng.uniform(-spread, spread), cy + rng.uniform(-spread, spread)]
    return pos


def force_layout(
    pos: list[list[float]], links: Sequence[tuple[int, int, float]], iterations: int = 120
) -> list[list[float]]:
    """Fruchterman–Reingold with a grid: repulsion only within ``2k``, so each step is ~linear.

    ``links`` are (index, index, strength); a weak pull to the middle keeps pieces together.
    """
    n = len(pos)
    k = 1 / math.sqrt(max(n, 1))
    for step in range(iterations):
        heat = 0.1 * (1 - step / iterations) + 0.002
        move = _repulsion(pos, k)
        for a, b, strength in links:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            dist = math.sqrt(dx * dx + dy * dy) + 1e-9
            pull = dist * strength / k
            move[a][0] -= dx * pull
            move[a][1] -= dy * pull
            move[b][0] += dx * pull
            move[b][1] += dy * pull
        for index in range(n):
            _step(pos[index], move[index], heat, k)
    return pos


def _repulsion(pos: list[list[float]], k: float) -> list[list[float]]:
    cell = 2 * k
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    for index, (x, y) in enumerate(pos):
        grid[int(x // cell), int(y // cell)].append(index)
    move = [[0.0, 0.0] for _ in pos]
    kk, limit = k * k, cell * cell
    for (gx, gy), members in grid.items():
        # Coordinates copied out once per cell: this loop is the layout's inner loop.
        near = [
            (j, pos[j][0], pos[j][1])
            for ox in (-1, 0, 1)
            for oy in (-1, 0, 1)
            for j in grid.get((gx + ox, gy + oy), ())
        ]
        for i in members:
            xi, yi = pos[i]
            # Summed in the same order as ever, so positions stay bit-identical.
            mx = my = 0.0
            for j, xj, yj in near:
                dx, dy = xi - xj, yi - yj
                d2 = dx * dx + dy * dy
                if d2 < limit and j != i:
                    push = kk / (d2 if d2 > 1e-6 else 1e-6)
                    mx += dx * push
                    my += dy * push
            move[i] = [mx, my]
    return move


def _step(point: list[float], move: list[float], heat: float, k: float) -> None:
    """Move one node by its force, at most ``heat``, with a weak pull to the middle."""
    move[0] -= (point[0] - 0.5) * k
    move[1] -= (point[1] - 0.5) * k
    length = math.sqrt(move[0] * move[0] + move[1] * move[1])
    if length > 0:
        scale = min(length, heat) / length
        point[0] += move[0] * scale
        point[1] += move[1] * scale


def fit(pos: list[list[float]], box: Box) -> list[tuple[float, float]]:
    """Scale and centre positions into ``box`` (left, top, right, bottom), keeping the aspect."""
    if not pos:
        return []
    xs, ys = [p[0] for p in pos], [p[1] for p in pos]
    left, top, right, bottom = box
    span = max(max(xs) - min(xs), (max(ys) - min(ys)) * (right - left) / (bottom - top), 1e-9)
    scale = (right - left) / span
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    mx, my = (left + right) / 2, (top + bottom) / 2
    return [(mx + (x - cx) * scale, my + (y - cy) * scale) for x, y in pos]


def overlaps(a: Box, b: Box) -> bool:
    """Whether two boxes (left, top, right, bottom) intersect."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def label_box(x: float, y: float, text: str, anchor: str, size: float) -> Box:
    """An estimate of a label's extent: average glyph width 0.6 em, baseline at ``y``."""
    width = 0.6 * size * len(text)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return (left, y - size * 0.8, left + width, y + size * 0.25)


def place_labels(
    texts: Sequence[str],
    marks: Sequence[tuple[float, float, float]],
    size: tuple[float, float],
    forced: int,
) -> list[tuple[int, float, float, str]]:
    """Greedy label placement for ``texts[i]`` beside ``marks[i]`` (x, y, radius), in order.

    A label goes right, left, above or below its mark, wherever it overlaps no earlier label
    and no other mark; the first ``forced`` labels may cover marks if they must. A label
    with no room is left out. Returns (index, x, y, text-anchor) for each label placed.
    """
    boxes = [(x - r, y - r, x + r, y + r) for x, y, r in marks]
    taken: list[Box] = []
    placed = []
    for i, text in enumerate(texts):
        best = None
        for lx, ly, anchor in _label_spots(*marks[i]):
            box = label_box(lx, ly, text, anchor, 12)
            if not _inside(box, size) or any(overlaps(box, t) for t in taken):
                continue
            hits = sum(overlaps(box, b) for j, b in enumerate(boxes) if j != i)
            if best is None or hits < best[0]:
                best = (hits, box, (i, lx, ly, anchor))
            if not hits:
                break
        if best is not None and (best[0] == 0 or i < forced):
            taken.append(best[1])
            placed.append(best[2])
    return placed


def _label_spots(x: float, y: float, r: float) -> tuple[tuple[float, float, str], ...]:
    """Right, left, above, below, then the four diagonals: (x, baseline y, anchor)."""
    d = r * 0.7 + 2
    return (
        (x + r + 3, y + 4, "start"),
        (x - r - 3, y + 4, "end"),
        (x, y - r - 4, "middle"),
        (x, y + r + 12, "middle"),
        (x + d, y - d - 2, "start"),
        (x + d, y + d + 10, "start"),
        (x - d, y - d - 2, "end"),
        (x - d, y + d + 10, "end"),
    )


def _inside(box: Box, size: tuple[float, float]) -> bool:
    return box[0] >= 0 and box[1] >= 0 and box[2] <= size[0] and box[3] <= size[1]
