"""Slugs and ids: ASCII, short, derived from titles by transliteration."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from generator.content.slugs import MAX_SLUG_LENGTH, article_slug, is_valid_slug, slugify

DAY = dt.date(2024, 8, 21)


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Talks resume in Cairo", "talks-resume-in-cairo"),
        ("Israel's position", "israels-position"),
        ("Netanyahu’s “maximalist” statements", "netanyahus-maximalist-statements"),
        ("Ça va — déjà vu", "ca-va-deja-vu"),
        ("  Spaces   and---dashes ", "spaces-and-dashes"),
        ("2024: a year", "2024-a-year"),
    ],
)
def test_article_slug(title: str, slug: str) -> None:
    assert article_slug(title, DAY) == slug


@pytest.mark.parametrize("title", ["index", "!!!", "???", "؟؟"])
def test_titles_without_a_usable_slug_fall_back_to_date_and_hash(title: str) -> None:
    slug = article_slug(title, DAY)
    assert re.fullmatch(r"2024-08-21-[0-9a-f]{8}", slug)
    assert is_valid_slug(slug)
    assert article_slug(title + "!", DAY) != slug


def test_long_titles_are_cut_at_a_word_boundary() -> None:
    title = "Blinken leaves the Middle East after failing to secure a breakthrough in the latest"
    slug = slugify(title * 2)
    assert len(slug) <= MAX_SLUG_LENGTH
    assert slug == "blinken-leaves-the-middle-east-after-failing-to-secure-a-breakthrough-in-the"


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("gaza-strip", True),
        ("a", True),
        ("q42", True),
        ("Gaza", False),
        ("gaza--strip", False),
        ("-gaza", False),
        ("../etc", False),
        ("a/b", False),
        ("index", False),
        ("search", False),
        ("x" * 81, False),
        ("", False),
    ],
)
def test_is_valid_slug(value: str, valid: bool) -> None:
    assert is_valid_slug(value) is valid
