"""Where a location is: a regional map around a point, with land, borders and a marker.

Equirectangular, true to scale along the window's middle parallel: a window of 25° of
latitude and as many degrees of longitude as fill the 16:10 frame (40° at the equator,
more towards the poles), moved inside the world where the point is near its edge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from generator.site.svg import geo
from generator.site.svg._svg import TEXT, chart_id, fluid, halo_text, num, shorten, svg_root

WIDTH, HEIGHT = 640, 400
LAT_SPAN = 25.0
MIN_COS = 0.35  # near the poles the window stops widening at about 114° of longitude
GRID_STEP = 10
# The least width the stylesheet gives a map (explainer.css says the same), in CSS px; labels
# are placed so that they fit there.
MIN_WIDTH = 280
SCALE = MIN_WIDTH / WIDTH  # CSS px per map unit at that width
GLYPH = 0.6 * TEXT
NAME_SIZE = 14
NAME_GLYPH = 0.62 * NAME_SIZE  # bold


@dataclass(frozen=True)
class Window:
    """The part of the world a map shows, in degrees, drawn onto ``WIDTH`` × ``HEIGHT``."""

    west: float
    south: float
    east: float
    north: float

    @property
    def rect(self) -> geo.Rect:
        """(west, south, east, north), for clipping."""
        return self.west, self.south, self.east, self.north

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        """Map coordinates of a point: x grows east, y grows south."""
        x = (lon - self.west) / (self.east - self.west) * WIDTH
        y = (self.north - lat) / (self.north - self.south) * HEIGHT
        return x, y

    def unproject(self, x: float, y: float) -> tuple[float, float]:
        """(lon, lat) of map coordinates: the inverse of ``project``."""
        lon = self.west + x / WIDTH * (self.east - self.west)
        lat = self.north - y / HEIGHT * (self.north - self.south)
        return lon, lat


def map_window(lat: float, lon: float) -> Window:
    """The window centred on the point, shifted (never shrunk) to stay inside the world."""
    south = min(max(lat - LAT_SPAN / 2, -90.0), 90.0 - LAT_SPAN)
    middle = math.radians(south + LAT_SPAN / 2)
    lon_span = LAT_SPAN * WIDTH / HEIGHT / max(math.cos(middle), MIN_COS)
    west = min(max(lon - lon_span / 2, -180.0), 180.0 - lon_span)
    return Window(west, south, west + lon_span, south + LAT_SPAN)


def location_map(lat: float, lon: float, *, label: str) -> str:
    """A map of the region around (``lat``, ``lon``) with a marker and ``label`` beside it.

    Raises ValueError for coordinates outside -90…90 and -180…180.
    """
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates out of range: {lat!r}, {lon!r}")
    window = map_window(lat, lon)
    # Land and lines scale with the map (their own viewBox); labels and the marker sit in the
    # outer drawing, placed in percentages and sized in pixels, so they keep their size.
    land = [
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" height="100%"'
        ' preserveAspectRatio="none" aria-hidden="true">',
        _grid_lines(window),
        _land(window),
        _borders(window),
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="none" stroke="currentColor"'
        ' stroke-opacity=".3"/>',
        "</svg>",
    ]
    body = [*land, *_grid_labels(window), *_marker(window, lat, lon, label)]
    ident = chart_id("map", f"{lat:.6f}", f"{lon:.6f}", label)
    desc = f"A map of the region around {label}, at {_where(lat, lon)}."
    return svg_root(ident, fluid(), f"Where {label} is", desc, body)


def _pct(value: float, whole: float) -> str:
    return f"{num(100 * value / whole)}%"


def _where(lat: float, lon: float) -> str:
    north, east = "N" if lat >= 0 else "S", "E" if lon >= 0 else "W"
    return f"{abs(lat):.2f}° {north}, {abs(lon):.2f}° {east}"


def _path(points, window: Window, close: bool) -> str:
    """Path data for projected points, rounded, repeated points dropped."""
    out: list[str] = []
    last = ""
    for lon, lat in points:
        x, y = window.project(lon, lat)
        here = f"{num(x)} {num(y)}"
        if here != last:
            out.append(here)
            last = here
    if len(out) < 2:
        return ""
    return "M" + " ".join(out) + ("Z" if close else "")


def _land(window: Window) -> str:
    """Land filled faintly, its coast drawn; rings clipped to the window."""
    rect = window.rect
    parts = [
        _path(geo.clip_ring(points, rect), window, True)
        for shape in geo.outline().land
        for points in geo.copies(shape, rect)
    ]
    return (
        '<path fill="currentColor" fill-opacity=".1" fill-rule="evenodd" stroke="currentColor"'
        f' stroke-opacity=".5" stroke-width=".6" stroke-linejoin="round" d="{"".join(parts)}"/>'
    )


def _borders(window: Window) -> str:
    """Borders between countries: thin, muted lines clipped to the window."""
    rect = window.rect
    parts = [
        _path(piece, window, False)
        for shape in geo.outline().borders
        for points in geo.copies(shape, rect)
        for piece in geo.clip_line(points, rect)
    ]
    return (
        '<path fill="none" stroke="currentColor" stroke-opacity=".35" stroke-width=".5"'
        f' stroke-linejoin="round" d="{"".join(parts)}"/>'
    )


def _lon_step(window: Window) -> int:
    return GRID_STEP if window.east - window.west <= 60 else 2 * GRID_STEP


def _grid_lines(window: Window) -> str:
    """Faint lines every 10° (20° of longitude in wide windows)."""
    lines = [
        f"M{num(window.project(lon, 0)[0])} 0V{HEIGHT}"
        for lon in _multiples(window.west, window.east, _lon_step(window))
    ]
    lines += [
        f"M0 {num(window.project(0, lat)[1])}H{WIDTH}"
        for lat in _multiples(window.south, window.north, GRID_STEP)
    ]
    return (
        '<path fill="none" stroke="currentColor" stroke-opacity=".15" stroke-width=".5"'
        f' stroke-dasharray="2 3" d="{"".join(lines)}"/>'
    )


def _grid_labels(window: Window) -> list[str]:
    """The grid lines named at the left and bottom, where the name fits at ``MIN_WIDTH``."""
    labels = []
    for lon in _multiples(window.west, window.east, _lon_step(window)):
        x = window.project(lon, 0)[0]
        text = _degrees(lon, "E", "W")
        if x * SCALE >= 6 * GLYPH and (WIDTH - x) * SCALE >= len(text) * GLYPH + 4:
            labels.append(_grid_label(_pct(x, WIDTH), "100%", text, ' dx="3" dy="-4"'))
    for lat in _multiples(window.south, window.north, GRID_STEP):
        y = window.project(0, lat)[1]
        if y * SCALE >= TEXT + 4 and (HEIGHT - y) * SCALE >= TEXT + 18:
            labels.append(_grid_label("3", _pct(y, HEIGHT), _degrees(lat, "N", "S"), ' dy="-3"'))
    return labels


def _multiples(low: float, high: float, step: int) -> range:
    """Multiples of ``step`` strictly between ``low`` and ``high``."""
    return range(math.floor(low / step) * step + step, math.ceil(high), step)


def _degrees(value: int, positive: str, negative: str) -> str:
    return "0°" if value == 0 else f"{abs(value)}°{positive if value > 0 else negative}"


def _grid_label(x: str, y: str, text: str, shift: str) -> str:
    return f'<text x="{x}" y="{y}"{shift} fill="currentColor" fill-opacity=".75">{text}</text>'


def _marker(window: Window, lat: float, lon: float, label: str) -> list[str]:
    """A dot with a ring at the point, the name beside it on the side with room, else above."""
    x, y = window.project(lon, lat)
    cx, cy = _pct(x, WIDTH), _pct(y, HEIGHT)
    name = shorten(label, int(MIN_WIDTH / NAME_GLYPH) - 2)
    need = len(name) * NAME_GLYPH + 18
    right, left = (WIDTH - x) * SCALE >= need, x * SCALE >= need
    if right and (x < WIDTH * 0.6 or not left):
        lx, anchor, shift = cx, "start", ' dx="14" dy="5"'
    elif left:
        lx, anchor, shift = cx, "end", ' dx="-14" dy="5"'
    else:  # centred above the dot (below it near the top), kept inside the frame
        middle = min(max(x * SCALE, need / 2), MIN_WIDTH - need / 2) / MIN_WIDTH
        lx, anchor = f"{num(100 * middle)}%", "middle"
        shift = ' dy="-16"' if y * SCALE > 30 else ' dy="26"'
    ly = _pct(min(max(y, 24 / SCALE), HEIGHT - 12 / SCALE), HEIGHT)
    attrs = f'{shift} font-size="{NAME_SIZE}" font-weight="bold"'
    text = halo_text(lx, ly, name, anchor=anchor, attrs=attrs)
    return [
        f'<circle class="ea-ring" cx="{cx}" cy="{cy}" r="10" stroke-width="1.5"'
        ' stroke-opacity=".6"/>',
        f'<circle class="ea-mk ea-halo ea-marker" cx="{cx}" cy="{cy}" r="5" stroke-width="1.5"/>',
        text,
    ]
