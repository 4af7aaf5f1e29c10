"""What every chart shares: escaping, numbers, ids, the root element, colours, tap targets."""

from __future__ import annotations

import functools
import hashlib
import math
from urllib.parse import urlsplit

from generator.site.markup import html_text
from generator.site.svg.layout import label_box

# Colours follow Material's palette where it defines one, so charts switch with the light
# and dark schemes; the fallbacks serve a page without Material. Text uses currentColor; a
# halo in the page's background colour (Canvas outside Material) keeps labels readable.
# The rules are scoped to .ea-svg: inline, a <style> applies to the whole page.
STYLE = (
    "<style>"
    ".ea-svg .ea-a{fill:var(--ea-actor-color,var(--md-typeset-a-color,#3f51b5))}"
    ".ea-svg .ea-l{fill:var(--ea-location-color,#d9730d)}"
    ".ea-svg .ea-bar{fill:var(--ea-chart-color,var(--md-typeset-a-color,#3f51b5))}"
    ".ea-svg .ea-mk{fill:var(--ea-marker-color,#d84315)}"
    ".ea-svg .ea-ring{fill:none;stroke:var(--ea-marker-color,#d84315)}"
    ".ea-svg .ea-halo{stroke:var(--md-default-bg-color,Canvas);stroke-linejoin:round}"
    ".ea-svg .ea-hit{fill:currentColor;fill-opacity:0;stroke:currentColor;stroke-opacity:0}"
    ".ea-svg a:focus{outline:none}"
    ".ea-svg a:focus-visible .ea-mark{stroke:currentColor;stroke-width:3}"
    ".ea-svg a:focus-visible .ea-hit{stroke-opacity:1;stroke-width:2}"
    ".ea-svg a:hover text,.ea-svg a:focus-visible text{text-decoration:underline}"
    "</style>"
)

SAFE_SCHEMES = ("", "http", "https", "mailto")
# The size of every label, in CSS pixels: drawings are never scaled below one unit a pixel.
TEXT = 12
# The least width and height of anything a reader taps or clicks (WCAG 2.5.8).
TARGET = 24


def esc(text: object) -> str:
    """``text`` escaped for XML element content or a double-quoted attribute."""
    return html_text(str(text))


def num(value: float) -> str:
    """A coordinate with at most one decimal, without a trailing ``.0`` or a ``-0``."""
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def chart_id(kind: str, *parts: object) -> str:
    """A stable id prefix for one chart: the same inputs always give the same id.

    Distinct charts on one page get distinct ids, so ``aria-labelledby`` finds its own title.
    """
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()
    return f"ea-{kind}-{digest[:10]}"


# Each node of every network checks its link: the same few thousand targets, again and again.
@functools.lru_cache(maxsize=1 << 14)
def check_href(href: str) -> str:
    """``href`` if it is relative or http(s)/mailto; anything else (``javascript:``) raises."""
    scheme = urlsplit(href.strip()).scheme.lower()
    if scheme not in SAFE_SCHEMES or any(ord(c) < 32 for c in href):
        raise ValueError(f"unsafe link target: {href!r}")
    return href


def fixed(width: float, height: float) -> str:
    """Sizing for a drawing shown at one CSS pixel per unit: never scaled, so never shrunk.

    A drawing wider than the column is panned (its figure scrolls), its text stays 12 px.
    """
    return f'viewBox="0 0 {num(width)} {num(height)}" width="{num(width)}" height="{num(height)}"'


def fluid(height: float | None = None) -> str:
    """Sizing for a drawing as wide as its column, laid out in percentages, with no viewBox.

    Without a viewBox one unit is one CSS pixel at every width, so text keeps its size while
    bars and places move with the width. A missing height is left to the stylesheet.
    """
    return 'width="100%"' + (f' height="{num(height)}"' if height is not None else "")


def svg_root(
    ident: str,
    sizing: str,
    title: str,
    desc: str,
    body: list[str],
    *,
    role: str = "img",
) -> str:
    """The whole ``<svg>``: sized by ``sizing`` (``fixed`` or ``fluid``), labelled by its own
    ``<title>`` and ``<desc>``.

    Charts without links are ``role="img"``. A chart whose nodes are links passes
    ``role="group"``: inside ``role="img"`` screen readers would hide those links.
    """
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ea-svg {ident.rsplit("-", 1)[0]}"'
        f' {sizing} role="{role}" aria-labelledby="{ident}-t {ident}-d" font-size="{TEXT}">'
    )
    parts = [
        head,
        f'<title id="{ident}-t">{esc(title)}</title>',
        f'<desc id="{ident}-d">{esc(desc)}</desc>',
        STYLE,
        *body,
        "</svg>",
    ]
    return "\n".join(parts)


def halo_text(
    x: float | str, y: float | str, text: str, *, anchor: str = "start", attrs: str = ""
) -> str:
    """A label readable over lines and shapes: a stroke in the background colour behind it.

    ``x`` and ``y`` are numbers of units, or lengths such as ``"40%"`` given as strings.
    """
    x, y = (v if isinstance(v, str) else num(v) for v in (x, y))
    return (
        f'<text x="{x}" y="{y}" text-anchor="{anchor}" fill="currentColor"'
        f' class="ea-halo" stroke-width="3" paint-order="stroke"{attrs}>{esc(text)}</text>'
    )


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis (the full text goes in a tooltip)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def hit(x: float, y: float, r: float) -> str:
    """An unpainted disc at least ``TARGET`` across under a mark: small points stay tappable.

    It also carries the focus ring, so a focused node shows a ring larger than itself.
    """
    radius = max(r + 3, TARGET / 2 + 0.5)  # half a pixel to spare: boxes round
    return f'<circle class="ea-hit" cx="{num(x)}" cy="{num(y)}" r="{num(radius)}"/>'


def label_hit(x: float, y: float, text: str, anchor: str) -> str:
    """An unpainted box around a label, at least ``TARGET`` high and wide, to tap it by."""
    left, top, right, bottom = label_box(x, y, text, anchor, TEXT)
    width, height = max(right - left, TARGET + 1), max(bottom - top, TARGET + 1)
    cx, cy = (left + right) / 2, (top + bottom) / 2
    return (
        f'<rect class="ea-hit" x="{num(cx - width / 2)}" y="{num(cy - height / 2)}"'
        f' width="{num(width)}" height="{num(height)}"/>'
    )
