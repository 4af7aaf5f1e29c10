"""The fitted line scores of the pasted-text importer: names read off byline lines, the
shipped weights, and a page whose furniture no hand rule names."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.importer import import_text
from generator.importer.byline import named_line
from generator.importer.scores import LineModel, shipped_model


@pytest.mark.parametrize(
    ("line", "names", "by"),
    [
        ("By Jane Doe", "Jane Doe", True),
        ("By Erin Cunningham March 18 at 3:57 PM Follow @erin", "Erin Cunningham", True),
        ("by Lucas Nolan22 Dec 2016651", "Lucas Nolan", True),
        ("Dan Goodin - Apr 16, 2015 8:02 pm UTC", "Dan Goodin", False),
        ("By Daniel Kahn Gillmor, Senior Staff Technologist", "Daniel Kahn Gillmor", True),
        ("Le Monde | 04.05.2015 | Par Martin Untersinger (avec Damien Leloup et Morgane Tual)",
         "Martin Untersinger (avec Damien Leloup et Morgane Tual)", True),
        ("Richard (R.J.) Eskow", "Richard (R.J.) Eskow", False),
        ("Shaun Tandon with AFP", "Shaun Tandon with AFP", False),
        ("By GILLIAN MOHNEY March 11, 2015", "GILLIAN MOHNEY", True),
    ],
)  # fmt: skip
def test_names_are_read_off_a_byline_line(line, names, by):
    found = named_line(line)
    assert found is not None and (found.names, found.by) == (names, by)


@pytest.mark.parametrize("line", ["Share", "the talks went on", "By 2030", "Sign up now"])
def test_a_line_naming_no_one_gives_no_names(line):
    assert named_line(line) is None


@pytest.mark.parametrize("name", ["body", "title", "byline"])
def test_shipped_models_load_and_give_probabilities(name):
    model = shipped_model(name)
    assert isinstance(model, LineModel) and model.weights
    assert 0.0 < model.probability({}) < 1.0


PAGE = """Home
World
Business
Sport
Opinion
Harbour bridge reopens after two-year repair

By Jane Doe

The harbour bridge reopened to traffic on Monday after two years of repairs, the city said.

Engineers replaced the deck and the cables, which had corroded faster than expected.

Commuters welcomed the reopening, which cuts the journey into the centre by twenty minutes.

The council said the final cost was close to the budget agreed in 2022.

Most popular
Storm warning issued for the coast
Port strike enters second week
Terms of Use
Contact
"""


def test_a_page_with_unnamed_furniture_keeps_only_its_article():
    article = import_text(PAGE, date=dt.date(2024, 1, 1))
    assert (article.title, article.byline) == (
        "Harbour bridge reopens after two-year repair",
        "Jane Doe",
    )
    paragraphs = [p for p in PAGE.split("\n\n") if p.endswith(".")]
    assert article.body.split("\n\n") == paragraphs
