"""How often an entity is mentioned over time: a bar chart per month or per year, and a table.

The chart is as wide as its column and has no viewBox: bars are placed in percentages and
labels in pixels, so labels keep their size at every width. Ticks are spaced for the
narrowest column the stylesheet allows (``MIN_WIDTH``); the table gives every bar in words.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from generator.site.svg._svg import TEXT, chart_id, esc, fluid, num, svg_root
from generator.site.wording import MONTHS, plural

# Up to this many months from the first mention to the last, one bar per month; beyond, per year.
MAX_MONTHS = 36

# The least width the stylesheet gives the chart (explainer.css says the same), in CSS px.
MIN_WIDTH = 280
HEIGHT, TOP, BASE = 140, 26, 110
# With fewer bars than this, bars keep the width they would have with this many.
MIN_SLOTS = 6
GLYPH = 0.6 * TEXT  # an average label glyph's width, generous for digits
MONTH_STEPS = (1, 2, 3, 4, 6, 12)
YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100)


@dataclass(frozen=True)
class Period:
    """One bar: a month or a year, its labels and how many dates fall in it."""

    label: str
    short: str
    count: int
    index: int = 0  # months since year 0, or the year: where ticks fall


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
        return "year", tuple(Period(str(y), str(y), years[y], y) for y in span)
    return "month", tuple(_month(m, months[m]) for m in range(first, last + 1))


def _month(index: int, count: int) -> Period:
    year, month = divmod(index, 12)
    name = MONTHS[month]
    return Period(f"{name} {year}", f"{name[:3]} {year}", count, index)


def mentions_chart(dates: Sequence[dt.date], *, label: str) -> str:
    """A bar chart of how many of ``dates`` (one per article) fall in each month or year.

    ``label`` is the entity's name, used in the chart's title and description. Every bar has
    a tooltip such as "August 2024: 3 articles"; the axis has ticks with readable names and
    the busiest period's count. No dates give an empty string.
    """
    unit, bars = periods(dates)
    if not bars:
        return ""
    top = max(p.count for p in bars)
    ident = chart_id("tl", label, *sorted(d.isoformat() for d in dates))
    title = f"Articles mentioning {label}, by {unit}"
    body = [*_axes(bars, top), *_ticks(unit, bars), *_bars(bars, top)]
    desc = _summary(label, unit, bars, top)
    return svg_root(ident, fluid(HEIGHT), title, desc, body)


def mentions_table(dates: Sequence[dt.date], *, label: str) -> str:
    """The chart's numbers as an HTML table, folded under a summary: each bar in words."""
    unit, bars = periods(dates)
    if not bars:
        return ""
    rows = "".join(f"<tr><td>{esc(p.label)}</td><td>{p.count}</td></tr>" for p in bars)
    return (
        f'<details class="ea-table"><summary>Articles per {unit}, as a table</summary>'
        f"<table><caption>Articles mentioning {esc(label)}, by {unit}</caption>"
        f'<thead><tr><th scope="col">{unit.title()}</th><th scope="col">Articles</th></tr>'
        f"</thead><tbody>{rows}</tbody></table></details>"
    )


def _summary(label: str, unit: str, bars: tuple[Period, ...], top: int) -> str:
    total = sum(p.count for p in bars)
    busiest = next(p for p in bars if p.count == top)
    span = bars[0].label if len(bars) == 1 else f"from {bars[0].label} to {bars[-1].label}"
    return (
        f"{plural(total, 'article')} mention {label}, {span}."
        f" The most in one {unit}: {top}, in {busiest.label}."
    )


def _slot(index: int, count: int) -> tuple[float, float]:
    """The left edge and width of slot ``index`` of ``count``, in percent of the width."""
    width = 100 / max(count, MIN_SLOTS)
    return (100 - count * width) / 2 + index * width, width


def _pct(value: float) -> str:
    return f"{num(value)}%"


def _bars(bars: tuple[Period, ...], top: int) -> list[str]:
    height = BASE - TOP
    out = ['<g class="ea-bar">']
    for index, period in enumerate(bars):
        if not period.count:
            continue
        x, slot = _slot(index, len(bars))
        h = max(period.count / top * height, 1.5)
        tip = f"{period.label}: {plural(period.count, 'article')}"
        out.append(
            f'<rect x="{_pct(x + slot * 0.1)}" y="{num(BASE - h)}" width="{_pct(slot * 0.8)}"'
            f' height="{num(h)}"><title>{esc(tip)}</title></rect>'
        )
    out.append("</g>")
    return out


def _axes(bars: tuple[Period, ...], top: int) -> list[str]:
    """The baseline, a dashed line at the busiest period's height, and its count above it."""
    return [
        f'<line x1="0" x2="100%" y1="{TOP}" y2="{TOP}" stroke="currentColor"'
        ' stroke-opacity=".3" stroke-dasharray="3 3"/>',
        f'<line x1="0" x2="100%" y1="{BASE}" y2="{BASE}" stroke="currentColor"'
        ' stroke-opacity=".6"/>',
        f'<text x="0" y="{TOP - 7}" fill="currentColor">{esc(plural(top, "article"))}</text>',
    ]


def _ticks(unit: str, bars: tuple[Period, ...]) -> list[str]:
    """A tick at the first period and every ``step``-th one, each named to its right.

    A name that would run into the previous one or past the right edge (at ``MIN_WIDTH``)
    is left out, with its tick.
    """
    step, name = _tick_step(unit, len(bars))
    # Steps of a year fall on January (or on round years); shorter ones count from the start.
    origin = 0 if step == 12 or unit == "year" else bars[0].index
    out: list[str] = []
    free = 0.0  # where, in px at MIN_WIDTH, the previous name ends
    for index, period in enumerate(bars):
        if index and (period.index - origin) % step:
            continue
        x, _ = _slot(index, len(bars))
        text = name(period) if index else period.short
        start, end = x / 100 * MIN_WIDTH, x / 100 * MIN_WIDTH + len(text) * GLYPH
        if start < free or end > MIN_WIDTH:
            continue
        free = end + GLYPH
        out.append(
            f'<line x1="{_pct(x)}" x2="{_pct(x)}" y1="{BASE}" y2="{BASE + 6}"'
            ' stroke="currentColor" stroke-opacity=".6"/>'
            f'<text x="{_pct(x)}" y="{BASE + 20}" fill="currentColor">{esc(text)}</text>'
        )
    return out


def _tick_step(unit: str, count: int):
    """The smallest step whose labels fit side by side at ``MIN_WIDTH``, and how they read."""
    slot = _slot(0, count)[1] / 100 * MIN_WIDTH
    if unit == "year":
        step = next((s for s in YEAR_STEPS if s * slot >= 5 * GLYPH), YEAR_STEPS[-1])
        return step, lambda p: p.short
    for step in MONTH_STEPS:
        chars = 4 if step == 12 else 8
        if step * slot >= (chars + 1) * GLYPH:
            break
    if step == 12:
        return step, lambda p: p.short[-4:]
    return step, lambda p: p.short
