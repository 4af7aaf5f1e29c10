"""Sitemap dates on the generated pages: ``lastmod`` first in each Markdown page's front-matter."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from generator.site.lastmod import dated, with_dates
from generator.site.pages.common import Page, front_matter

DAY = dt.date(2024, 8, 21)
OLDER = dt.date(2023, 1, 2)


@pytest.mark.parametrize(
    ("page", "changed"),
    [
        (Page("articles/a.md", front_matter("A", "Sum.") + "# A\n"), True),
        (Page("index.md", front_matter("Home") + "# Home\n"), True),
        (Page("feed.xml", '<?xml version="1.0"?>\n<feed/>\n'), False),
        (Page("assets/previews.json", "{}\n"), False),
        (Page("notes.md", "# No front-matter\n"), False),
    ],
    ids=["article", "listing", "feed", "data", "bare-markdown"],
)
def test_only_markdown_pages_with_front_matter_are_dated(page, changed):
    made = dated(page, DAY)
    assert (made != page) is changed
    if changed:
        meta = yaml.safe_load(made.text.split("---\n")[1])
        before = yaml.safe_load(page.text.split("---\n")[1])
        assert meta == {"lastmod": "2024-08-21", **before}
        assert made.text.endswith(page.text.split("---\n", 2)[2])


def test_finished_block_lengths_survive_dating():
    page = Page("articles/a.md", front_matter("A") + "<p>x</p>\n", (8,))
    assert dated(page, DAY).finished == (8,)


@pytest.mark.parametrize(
    ("dates", "newest", "expected"),
    [
        ({"articles/a.md": OLDER}, DAY, "2023-01-02"),  # a page's own date wins
        ({}, DAY, "2024-08-21"),  # otherwise the newest article's
        ({}, None, None),  # an empty archive: no date at all
    ],
)
def test_a_page_takes_its_own_date_or_the_newest(dates, newest, expected):
    page = Page("articles/a.md", front_matter("A"))
    (made,) = with_dates([page], dates, newest)
    meta = yaml.safe_load(made.text.split("---\n")[1])
    assert meta.get("lastmod") == expected
