"""The closed front-matter schemas of articles and glossary entries.

One table per document type drives both validation (:mod:`generator.content.read`) and
the contributor reference in ``CONTRIBUTING.md`` (:mod:`generator.content.reference`), so
the two cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass

ACTOR_KINDS = ("person", "organisation", "government", "military", "armed-group", "media")
LOCATION_KINDS = ("country", "territory", "region", "city", "site")


@dataclass(frozen=True)
class FieldSpec:
    """One front-matter key: its value type, whether it is required, and what it means."""

    name: str
    type: str
    required: bool
    doc: str
    example: str
    choices: tuple[str, ...] = ()


ARTICLE_FIELDS = (
    FieldSpec("title", "line", True, "Headline, one line.", '"Talks resume in Cairo"'),
    FieldSpec("date", "date", True, "Publication date, `YYYY-MM-DD`.", "2024-08-21"),
    FieldSpec(
        "slug",
        "slug",
        False,
        "URL name; derived from the title when absent. `[a-z0-9-]`, at most 80 characters.",
        "talks-resume-in-cairo",
    ),
    FieldSpec("summary", "line", False, "One-paragraph summary (the lede).", '"Negotiators…"'),
    FieldSpec("byline", "line", False, "Author credit.", '"Jane Doe with AFP"'),
    FieldSpec(
        "source",
        "source",
        False,
        "Publication an imported article comes from: `name` and/or `url` (http or https).",
        '{name: "AFP", url: "https://…"}',
    ),
    FieldSpec(
        "sources",
        "source-list",
        False,
        "References of an original explainer: a list of `{name, url}`.",
        '[{name: "UN OCHA", url: "https://…"}]',
    ),
    FieldSpec(
        "tags",
        "tag-list",
        False,
        "Topics: each has a page, a feed and a search filter (at most 12, of 100 characters each).",
        "[ceasefire, diplomacy]",
    ),
    FieldSpec(
        "actors",
        "id-list",
        False,
        "Glossary ids of actors the text names in a way no alias catches.",
        "[gaza-civil-defence]",
    ),
    FieldSpec(
        "locations",
        "id-list",
        False,
        "Glossary ids of locations the text names in a way no alias catches.",
        "[rafah]",
    ),
)

_ENTITY_COMMON = (
    FieldSpec("name", "line", True, "Display name.", '"Antony Blinken"'),
    FieldSpec(
        "aliases",
        "alias-list",
        True,
        "Surface forms that count as a mention: case-sensitive, whole words.",
        '["Antony Blinken", "Blinken"]',
    ),
    FieldSpec("summary", "line", True, "One line saying who or what this is.", '"US diplomat…"'),
    FieldSpec("role", "line", False, "Office or function, one line.", '"Secretary of State"'),
    FieldSpec(
        "country", "id", False, "Id of the country (a location of kind `country`).", "united-states"
    ),
    FieldSpec("wikidata", "wikidata", False, "Wikidata item id: `Q` and digits.", "Q1234"),
    FieldSpec(
        "not_before",
        "neighbour-list",
        False,
        "Words that, right after an alias, mean it is not this entry: case-sensitive, "
        "whole words, at most 20 of 40 characters.",
        "[Post, Commanders]",
    ),
    FieldSpec(
        "not_after",
        "neighbour-list",
        False,
        "Words that, right before an alias, mean it is not this entry (as `not_before`).",
        "[Fort]",
    ),
)

ACTOR_FIELDS = (
    FieldSpec("kind", "choice", True, "What sort of actor.", "person", ACTOR_KINDS),
    *_ENTITY_COMMON,
)

LOCATION_FIELDS = (
    FieldSpec(
        "kind",
        "choice",
        True,
        "What sort of place. A `country` is also listed as a state actor.",
        "city",
        LOCATION_KINDS,
    ),
    *_ENTITY_COMMON,
    FieldSpec(
        "coordinates",
        "coordinates",
        False,
        "Where it is, in decimal degrees.",
        "{lat: 30.04, lon: 31.24}",
    ),
)

FIELDS_BY_SECTION = {
    "articles": ARTICLE_FIELDS,
    "actors": ACTOR_FIELDS,
    "locations": LOCATION_FIELDS,
}
