"""Whole-archive checks and the build's all-or-nothing behaviour, on content in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.site.build import generate

ARTICLE = "---\ntitle: {title}\ndate: 2024-08-21\n{extra}---\nBlinken met Hamas in Cairo.\n"
ACTOR = "---\nname: {name}\nkind: person\naliases: {aliases}\nsummary: Someone.\n{extra}---\n"
CITY = "---\nname: Cairo\nkind: city\naliases: [Cairo]\nsummary: A city.\n---\n"


def _content(tmp_path: Path, files: dict[str, str]) -> Path:
    base = {
        "articles/talks.md": ARTICLE.format(title="Talks", extra=""),
        "actors/blinken.md": ACTOR.format(name="Antony Blinken", aliases="[Blinken]", extra=""),
        "actors/hamas.md": ACTOR.format(name="Hamas", aliases="[Hamas]", extra=""),
        "locations/cairo.md": CITY,
    }
    for name, text in {**base, **files}.items():
        path = tmp_path / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path / "content"


@pytest.mark.parametrize(
    ("files", "path", "field", "needle"),
    [
        (
            {"articles/again.md": ARTICLE.format(title="Talks", extra="")},
            "articles/talks.md",
            "slug",
            "already used by",
        ),
        (
            {"actors/cairo.md": ACTOR.format(name="Cairo Person", aliases="[Cairo P]", extra="")},
            "locations/cairo.md",
            "file",
            "already used by",
        ),
        (
            # A shared alias the article does not choose between: the mention asks.
            {"actors/other.md": ACTOR.format(name="Other", aliases="[Blinken]", extra="")},
            "articles/talks.md",
            "body",
            "nothing in the article says which",
        ),
        (
            {"articles/talks.md": ARTICLE.format(title="Talks", extra="actors: [nobody]\n")},
            "articles/talks.md",
            "actors",
            "no glossary entry 'nobody'",
        ),
        (
            {"articles/talks.md": ARTICLE.format(title="Talks", extra="actors: [cairo]\n")},
            "articles/talks.md",
            "actors",
            "is a location, not an actor",
        ),
        (
            {"articles/talks.md": ARTICLE.format(title="Talks", extra="locations: [hamas]\n")},
            "articles/talks.md",
            "locations",
            "is an actor, not a location",
        ),
        (
            {
                "actors/blinken.md": ACTOR.format(
                    name="B", aliases="[Blinken]", extra="country: cairo\n"
                )
            },
            "actors/blinken.md",
            "country",
            "not a location of kind country",
        ),
        (
            {"articles/Bad.md": ARTICLE.format(title="Other", extra="")},
            "articles/Bad.md",
            "file",
            "must be a valid id",
        ),
        (
            {"actors/x.md": ACTOR.format(name="X", aliases="['(X']", extra="")},
            "actors/x.md",
            "aliases[0]",
            "must begin with a letter",
        ),
    ],
)
def test_errors_stop_the_build(tmp_path, files, path, field, needle) -> None:
    generation = generate(_content(tmp_path, files))
    assert generation.pages == ()
    matching = [p for p in generation.errors if p.path.endswith(path) and p.field == field]
    assert matching, [p.format() for p in generation.errors]
    assert needle in matching[0].message


def test_all_problems_are_reported_at_once(tmp_path) -> None:
    files = {
        "articles/a.md": "---\ntitle: no\ndate: 2024-02-30\n---\nx\n",
        "articles/b.md": "---\ntitle: B\n---\nx\n",
        "actors/c.md": "---\nname: C\nkind: wizard\naliases: [C]\nsummary: s\n---\n",
    }
    generation = generate(_content(tmp_path, files))
    found = {(Path(p.path).name, p.field) for p in generation.errors}
    assert {("a.md", "front-matter"), ("b.md", "date"), ("c.md", "kind")} <= found


@pytest.mark.parametrize(
    ("files", "path", "needle"),
    [
        (
            {"actors/may.md": ACTOR.format(name="Theresa May", aliases="[May]", extra="")},
            "actors/may.md",
            "ordinary word",
        ),
        (
            {"actors/idle.md": ACTOR.format(name="Idle", aliases="[Idle Person]", extra="")},
            "actors/idle.md",
            "no article mentions",
        ),
        (
            {"articles/quiet.md": "---\ntitle: Quiet\ndate: 2024-01-01\n---\nNothing here.\n"},
            "articles/quiet.md",
            "mentions no glossary entry",
        ),
    ],
)
def test_warnings_do_not_stop_the_build(tmp_path, files, path, needle) -> None:
    generation = generate(_content(tmp_path, files))
    assert generation.errors == ()
    assert generation.pages
    assert any(p.path.endswith(path) and needle in p.message for p in generation.problems)


def test_all_caps_alias_is_not_a_common_word(tmp_path) -> None:
    files = {"actors/us.md": ACTOR.format(name="US", aliases="[US]", extra="")}
    generation = generate(_content(tmp_path, files))
    assert not any("ordinary word" in p.message for p in generation.problems)


@pytest.mark.parametrize(
    ("files", "path", "field", "line"),
    [
        (
            {"articles/talks.md": ARTICLE.format(title="Talks", extra="actors: [nobody]\n")},
            "articles/talks.md",
            "actors",
            4,
        ),
        (
            {"actors/other.md": ACTOR.format(name="Other", aliases="[Blinken]", extra="")},
            "articles/talks.md",
            "body",
            5,
        ),
        (
            {
                "actors/blinken.md": ACTOR.format(
                    name="B", aliases="[Blinken]", extra="country: x\n"
                )
            },
            "actors/blinken.md",
            "country",
            6,
        ),
        (
            {"articles/again.md": ARTICLE.format(title="Talks", extra="")},
            "articles/talks.md",
            "slug",
            2,
        ),
    ],
)
def test_cross_file_problems_name_the_line(tmp_path, files, path, field, line) -> None:
    generation = generate(_content(tmp_path, files))
    found = [p for p in generation.problems if p.path.endswith(path) and p.field == field]
    assert [p.line for p in found] == [line]
