"""Draw the archive's articles by month as a small bar chart (a PNG under content/images/).

Run by hand when articles are added or their dates change::

    python tools/article_dates_chart.py content content/images/articles-by-month.png

Every month from the first article's to the last's gets a bar, empty months included, so
the gaps read as gaps. Pillow's built-in font keeps the drawing the same on every machine,
and the same content always gives the same bytes.
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from generator.content.read import read_archive

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
# Small and with large type: shrunk to a 360 px phone column, labels stay about 13 px.
WIDTH, HEIGHT = 600, 380
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 48, 14, 80, 74
INK, GRID, BAR = (33, 33, 33), (210, 210, 210), (48, 79, 254)


def months_between(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    """Every (year, month) from ``first`` to ``last``, both included."""
    months, (year, month) = [], first
    while (year, month) <= last:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def counts_by_month(content: Path) -> list[tuple[tuple[int, int], int]]:
    """How many articles each month holds, from the first month to the last."""
    dates = [article.date for article in read_archive(content).articles]
    counted = collections.Counter((d.year, d.month) for d in dates)
    return [(m, counted[m]) for m in months_between(min(counted), max(counted))]


def draw(bars: list[tuple[tuple[int, int], int]]) -> Image.Image:
    """The chart: a bar per month, each labelled with its month and its count."""
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    pen = ImageDraw.Draw(image)
    title, label = ImageFont.load_default(size=26), ImageFont.load_default(size=22)
    pen.text((MARGIN_LEFT - 30, 16), "Articles in the archive, by month", fill=INK, font=title)
    top = max(count for _, count in bars)
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    base = HEIGHT - MARGIN_BOTTOM
    for value in range(top + 1):
        y = base - plot_h * value / top
        pen.line((MARGIN_LEFT, y, WIDTH - MARGIN_RIGHT, y), fill=GRID, width=2)
        pen.text((MARGIN_LEFT - 12, y), str(value), fill=INK, font=label, anchor="rm")
    slot = (WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / len(bars)
    for index, ((year, month), count) in enumerate(bars):
        x = MARGIN_LEFT + slot * index
        if count:
            pen.rectangle(
                (x + slot * 0.18, base - plot_h * count / top, x + slot * 0.82, base), BAR
            )
        middle = x + slot / 2
        pen.text((middle, base + 10), MONTHS[month - 1], fill=INK, font=label, anchor="ma")
        if month == 1 or index == 0:
            pen.text((middle, base + 38), str(year), fill=INK, font=label, anchor="ma")
    return image


def main() -> None:
    """Read the content folder, draw the chart, save it as an optimised palette PNG."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    image = draw(counts_by_month(args.content))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    image.quantize(colors=32).save(args.output, format="PNG", optimize=True)


if __name__ == "__main__":
    main()
