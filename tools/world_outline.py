"""Convert Natural Earth 1:110m countries (world-atlas TopoJSON) into the outline file of
generator/site/svg.

Run once, by hand, when the outline data should change::

    cd "$(mktemp -d)" && npm i world-atlas@2.0.2
    python tools/world_outline.py node_modules/world-atlas/countries-110m.json \\
        generator/site/svg/world_110m.txt

The output has one shape per line: ``L`` for a land ring (the coastline of a continent or
island, or the shore of a hole such as the Caspian Sea) and ``B`` for a border between two
countries. Points are in tenths of a degree: the first absolute ``lon,lat``, each later one
as the difference from the one before. Rounding to 0.1° keeps the file small; points that
round onto the previous one and rings that collapse are dropped. The same input always
gives the same bytes.
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections import Counter
from pathlib import Path

HEADER = """\
# World outline for generator/site/svg/world.py: land rings (L) and country borders (B).
# Source: Natural Earth 1:110m Admin 0 countries, version 4.1.0, public domain
# (https://www.naturalearthdata.com/about/terms-of-use/), as redistributed in TopoJSON by
# the npm package world-atlas 2.0.2 (countries-110m.json; package code ISC, Mike Bostock).
# Converted by tools/world_outline.py: points in tenths of a degree, the first of a line
# absolute "lon,lat", each later one relative to the one before. A ring that crosses the
# antimeridian is kept whole and reaches past ±180°.
"""

Point = tuple[int, int]


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs as lists of (lon, lat) degrees (undo quantization and deltas)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(refs: list[int], arcs: list[list[tuple[float, float]]]) -> list[Point]:
    """A ring stitched from arc references (``~i`` is arc ``i`` reversed), in tenths."""
    points: list[Point] = []
    for ref in refs:
        arc = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
        points.extend(tenths(p) for p in (arc if not points else arc[1:]))
    return points


def tenths(point: tuple[float, float]) -> Point:
    """Round a (lon, lat) in degrees to integer tenths of a degree."""
    return round(point[0] * 10), round(point[1] * 10)


def unwrap(points: list[Point]) -> list[Point]:
    """Shift longitudes by 360° where a step would cross the antimeridian the long way.

    Rings such as Fiji's or Chukotka's then stay in one piece, reaching past ±180°; the
    renderer draws such a ring a second time shifted back by 360°.
    """
    out: list[Point] = []
    for x, y in points:
        if out:
            x += round((out[-1][0] - x) / 3600) * 3600
        out.append((x, y))
    return out


def around_pole(ring: list[Point]) -> list[Point]:
    """Close a ring that goes once around a pole (Antarctica) through that pole's corners."""
    turn = ring[-1][0] - ring[0][0]
    if abs(turn) < 1800:
        return ring
    pole = -900 if sum(y for _, y in ring) < 0 else 900
    return [*ring, (ring[-1][0], pole), (ring[0][0], pole)]


def dedupe(points: list[Point]) -> list[Point]:
    """Drop points equal to the one before."""
    out: list[Point] = []
    for p in points:
        if not out or out[-1] != p:
            out.append(p)
    return out


def polygons(geometry: dict) -> list[list[list[int]]]:
    """A Polygon's or MultiPolygon's rings as lists of arc references."""
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def land_rings(topology: dict, arcs) -> list[list[Point]]:
    """Every ring of the merged land object, rounded; collapsed rings dropped."""
    rings = []
    for geometry in topology["objects"]["land"]["geometries"]:
        for polygon in polygons(geometry):
            for refs in polygon:
                ring = dedupe(unwrap(ring_points(refs, arcs)))
                if ring and ring[0] == ring[-1]:
                    ring.pop()
                if len(set(ring)) >= 3:
                    rings.append(around_pole(ring))
    return rings


def border_lines(topology: dict, arcs) -> list[list[Point]]:
    """Arcs that two different countries share: the borders on land."""
    used: Counter = Counter()
    for geometry in topology["objects"]["countries"]["geometries"]:
        refs = {r if r >= 0 else ~r for p in polygons(geometry) for ring in p for r in ring}
        used.update(refs)
    lines = []
    for index in sorted(i for i, n in used.items() if n >= 2):
        line = dedupe(unwrap([tenths(p) for p in arcs[index]]))
        if len(line) >= 2:
            lines.append(line)
    return lines


def encode(kind: str, points: list[Point]) -> str:
    """One output line: the kind, the first point absolute, then deltas."""
    parts = [f"{points[0][0]},{points[0][1]}"]
    parts += [f"{b[0] - a[0]},{b[1] - a[1]}" for a, b in itertools.pairwise(points)]
    return kind + " " + " ".join(parts)


def convert(topology: dict) -> str:
    """The whole outline file for a world-atlas ``countries-*.json`` topology."""
    arcs = decode_arcs(topology)
    lines = [encode("L", ring) for ring in land_rings(topology, arcs)]
    lines += [encode("B", line) for line in border_lines(topology, arcs)]
    return HEADER + "\n".join(lines) + "\n"


def main() -> None:
    """Read the TopoJSON given on the command line and write the outline file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="world-atlas countries-110m.json")
    parser.add_argument("output", type=Path, help="generator/site/svg/world_110m.txt")
    args = parser.parse_args()
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    args.output.write_text(convert(topology), encoding="utf-8", newline="\n")


if __name__ == "__main__":
    main()
