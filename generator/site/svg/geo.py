"""The bundled world outline and clipping it to a longitude–latitude window.

The outline (``world_110m.txt``, Natural Earth 1:110m, public domain; see its header and
``tools/world_outline.py``) is read once per process and kept.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass
from importlib import resources

Point = tuple[float, float]
Rect = tuple[float, float, float, float]  # west, south, east, north in degrees

DATA_FILE = "world_110m.txt"


@dataclass(frozen=True)
class Shape:
    """A land ring (closed) or a border line (open), in (lon, lat) degrees, with its bounds."""

    points: tuple[Point, ...]
    bounds: Rect


@dataclass(frozen=True)
class Outline:
    """Every land ring and every border between two countries."""

    land: tuple[Shape, ...]
    borders: tuple[Shape, ...]


@functools.cache
def outline() -> Outline:
    """The bundled outline, parsed on first use and cached for the life of the process."""
    text = resources.files("generator.site.svg").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return parse(text)


def parse(text: str) -> Outline:
    """Read the outline format: ``L``/``B`` lines of tenths of a degree, deltas after the first."""
    land: list[Shape] = []
    borders: list[Shape] = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        kind, *pairs = line.split(" ")
        x = y = 0
        points = []
        for pair in pairs:
            dx, dy = pair.split(",")
            x, y = x + int(dx), y + int(dy)
            points.append((x / 10, y / 10))
        (land if kind == "L" else borders).append(_shape(points))
    return Outline(tuple(land), tuple(borders))


def _shape(points: list[Point]) -> Shape:
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return Shape(tuple(points), (min(lons), min(lats), max(lons), max(lats)))


def copies(shape: Shape, rect: Rect) -> list[tuple[Point, ...]]:
    """The shape, and its copies 360° east or west, wherever they meet ``rect``.

    Rings that cross the antimeridian reach past ±180° in the data; their copy shifted by
    360° fills in the other edge of the world. Shapes wholly outside give nothing.
    """
    west, south, east, north = shape.bounds
    if north < rect[1] or south > rect[3]:
        return []
    found = []
    for shift in (0.0, -360.0, 360.0):
        if west + shift <= rect[2] and east + shift >= rect[0]:
            found.append(
                shape.points if not shift else tuple((x + shift, y) for x, y in shape.points)
            )
    return found


def clip_ring(points: tuple[Point, ...], rect: Rect) -> list[Point]:
    """Sutherland–Hodgman: the part of a closed ring inside ``rect`` (may be empty)."""
    out = list(points)
    for edge in range(4):
        if not out:
            break
        out = _clip_edge(out, rect, edge)
    return out


def _cross(a: Point, b: Point, rect: Rect, edge: int) -> Point:
    """Where segment ``a``–``b`` crosses the line of one side of ``rect``."""
    if edge in (0, 2):
        x = rect[edge]
        return x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])
    y = rect[edge]
    return a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y


def _clip_edge(points: list[Point], rect: Rect, edge: int) -> list[Point]:
    # Which points lie inside this edge (left, bottom, right, top), found in one sweep.
    axis, bound = edge % 2, rect[edge]
    values = [p[axis] for p in points]
    flags = [v >= bound for v in values] if edge < 2 else [v <= bound for v in values]
    out: list[Point] = []
    prev, prev_in = points[-1], flags[-1]
    for cur, cur_in in zip(points, flags, strict=True):
        if cur_in:
            if not prev_in:
                out.append(_cross(prev, cur, rect, edge))
            out.append(cur)
        elif prev_in:
            out.append(_cross(prev, cur, rect, edge))
        prev, prev_in = cur, cur_in
    return out


def clip_line(points: tuple[Point, ...], rect: Rect) -> list[list[Point]]:
    """The pieces of an open line inside ``rect``, each segment cut exactly at the edges."""
    pieces: list[list[Point]] = []
    current: list[Point] = []
    for a, b in itertools.pairwise(points):
        cut = _clip_segment(a, b, rect)
        if cut is None:
            if current:
                pieces.append(current)
            current = []
            continue
        start, end = cut
        if current and current[-1] != start:
            pieces.append(current)
            current = []
        if not current:
            current = [start]
        current.append(end)
    if current:
        pieces.append(current)
    return pieces


def _clip_segment(a: Point, b: Point, rect: Rect) -> tuple[Point, Point] | None:
    """Liang–Barsky: the part of segment ``a``–``b`` inside ``rect``, or None."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    low, high = 0.0, 1.0
    for p, q in (
        (-dx, a[0] - rect[0]),
        (dx, rect[2] - a[0]),
        (-dy, a[1] - rect[1]),
        (dy, rect[3] - a[1]),
    ):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return None
    start = a if low == 0 else (a[0] + low * dx, a[1] + low * dy)
    end = b if high == 1 else (a[0] + high * dx, a[1] + high * dy)
    return start, end
