"""How often an entity is mentioned over time: a small bar chart per month or per year."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from generator.site.svg._svg import chart_id, esc, num, svg_root
from generator.site.wording import MONTHS, plural

# Up to this many months from the first mention to the last, one bar per month; beyond, per year.
MAX_MONTHS = 36

WIDTH, HEIGHT = 480, 120
LEFT, RIGHT, TOP, BOTTOM = 28, 4, 8, 20
MAX_BAR = 36


@dataclass(frozen=True)
class Period:
    """One bar: a month or a year, its labels and how many dates fall in it."""

    label: str
    short: str
    count: int


def periods(dates: Sequence[dt.date]) -> tuple[str, tuple[Period, ...]]:
    """Bucket ``dates`` into every month (or year) from the first to the last, empty ones too.

    Returns ``("month", …)`` when the span is at most ``MAX_MONTHS`` months, else ``("year", …)``.
    """
    if not dates:
        return "month", ()
    months = Counter(d.year * 12 + d.month - 1 for d in dates)
    first, last = min(months), max(months)
    if last - first + 1 > MAX_MONTHS:
        years = Counter(d.year for d in dates)
        span = range(first // 12, last // 12 + 1)
        return "year", tuple(Period(str(y), str(y), years[y]) for y in span)
    return "month", tuple(_month(m, months[m]) for m in range(first, last + 1))


def _month(index: int, count: int) -> Period:
    year, month = divmod(index, 12)
    name = MONTHS[month]
    return Period(f"{name} {year}", f"{name[:3]} {year}", count)


def mentions_chart(dates: Sequence[dt.date], *, label: str) -> str:
    """A bar chart of how many of ``dates`` (one per article) fall in each month or year.

    ``label`` is the entity's name, used in the chart's title and description. Every bar has
    a tooltip such as "August 2024: 3 articles". No dates give an empty string.
    """
    unit, bars = periods(dates)
    if not bars:
        return ""
    top = max(p.count for p in bars)
    ident = chart_id("tl", label, *sorted(d.isoformat() for d in dates))
    title = f"Articles mentioning {label}, by {unit}"
    body = [*_axes(bars, top), *_bars(bars, top)]
    return svg_root(ident, (WIDTH, HEIGHT), title, _summary(label, unit, bars, top), body)


def _summary(label: str, unit: str, bars: tuple[Period, ...], top: int) -> str:
    total = sum(p.count for p in bars)
    busiest = next(p for p in bars if p.count == top)
    span = bars[0].label if len(bars) == 1 else f"from {bars[0].label} to {bars[-1].label}"
    return (
        f"{plural(total, 'article')} mention {label}, {span}."
        f" The most in one {unit}: {top}, in {busiest.label}."
    )


def _slot(index: int, count: int) -> tuple[float, float]:
    """The left edge and width of bar ``index`` of ``count``."""
    slot = (WIDTH - LEFT - RIGHT) / count
    width = min(slot * 0.8, MAX_BAR) if slot >= 4 else slot
    return LEFT + index * slot + (slot - width) / 2, width


def _bars(bars: tuple[Period, ...], top: int) -> list[str]:
    base, height = HEIGHT - BOTTOM, HEIGHT - BOTTOM - TOP
    out = ['<g class="ea-bar">']
    for index, period in enumerate(bars):
        if not period.count:
            continue
        x, width = _slot(index, len(bars))
        h = max(period.count / top * height, 1.5)
        tip = f"{period.label}: {plural(period.count, 'article')}"
        out.append(
            f'<rect x="{num(x)}" y="{num(base - h)}" width="{num(width)}" height="{num(h)}">'
            f"<title>{esc(tip)}</title></rect>"
        )
    out.append("</g>")
    return out


def _axes(bars: tuple[Period, ...], top: int) -> list[str]:
    base, right = HEIGHT - BOTTOM, WIDTH - RIGHT
    out = [
        f'<path d="M{LEFT} {TOP}H{right}" stroke="currentColor" stroke-opacity=".25"'
        ' stroke-dasharray="3 3" fill="none"/>',
        f'<path d="M{LEFT} {base}H{right}" stroke="currentColor" stroke-opacity=".5" fill="none"/>',
        f'<text x="{LEFT - 4}" y="{TOP + 4}" text-anchor="end" fill="currentColor"'
        f' font-size="12">{top}</text>',
    ]
    return out + _period_labels(bars, base + 14)


def _period_labels(bars: tuple[Period, ...], y: float) -> list[str]:
    """The first and last period's names under their bars (one name if only one)."""
    count = len(bars)
    first_x, first_w = _slot(0, count)
    last_x, last_w = _slot(count - 1, count)
    if count == 1:
        spots = [(first_x + first_w / 2, "middle", bars[0].short)]
    else:
        spots = [(first_x, "start", bars[0].short), (last_x + last_w, "end", bars[-1].short)]
    return [
        f'<text x="{num(x)}" y="{num(y)}" text-anchor="{anchor}" fill="currentColor"'
        f' font-size="12">{esc(text)}</text>'
        for x, anchor, text in spots
    ]
