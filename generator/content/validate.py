"""Whole-archive checks that no single file can make: clashes and references."""

from __future__ import annotations

from collections.abc import Iterable

from generator.content.alias_extensions import alias_extension_problems
from generator.content.common_words import is_common_word_alias
from generator.content.lookalikes import lookalike_problems
from generator.content.matcher import fold_alias
from generator.content.model import Archive, Article, Entity, Problem
from generator.content.placeholders import placeholder_problems
from generator.content.topic_checks import tag_collision_problems


def _duplicate_slugs(articles: Iterable[Article]) -> list[Problem]:
    seen: dict[str, Article] = {}
    problems = []
    for article in sorted(articles, key=lambda a: a.path):
        key = article.slug.casefold()
        if key in seen:
            other = seen[key].path
            problems.append(
                Problem(
                    article.path,
                    "slug",
                    f"{article.slug!r} is already used by {other}; set a different `slug:`",
                    article.line_of("slug") or article.line_of("title"),
                )
            )
        else:
            seen[key] = article
    return problems


def _duplicate_ids(entities: Iterable[Entity]) -> list[Problem]:
    seen: dict[str, Entity] = {}
    problems = []
    for entity in sorted(entities, key=lambda e: e.path):
        if entity.id in seen:
            problems.append(
                Problem(
                    entity.path,
                    "file",
                    f"id {entity.id!r} is already used by "
                    f"{seen[entity.id].path}; ids are shared by actors and locations",
                )
            )
        seen.setdefault(entity.id, entity)
    return problems


def _alias_problems(entities: Iterable[Entity]) -> list[Problem]:
    owner: dict[str, Entity] = {}
    problems = []
    for entity in sorted(entities, key=lambda e: e.path):
        for alias in entity.aliases:
            key = fold_alias(alias)  # the form the matcher compares
            other = owner.setdefault(key, entity)
            if other is not entity:
                problems.append(
                    Problem(
                        entity.path,
                        "aliases",
                        f"{alias!r} is also an alias of {other.path}: an article naming it "
                        "links the entry its actors:/locations: or its other names choose, "
                        "and check asks it to choose otherwise",
                        entity.line_of("aliases"),
                        severity="warning",
                    )
                )
            elif is_common_word_alias(alias):
                problems.append(
                    Problem(
                        entity.path,
                        "aliases",
                        f"{alias!r} is also an ordinary word: it is linked where it opens a "
                        "sentence only once the entry is named in full, and a month or "
                        "weekday not next to a date; elsewhere it is, so prefer a longer alias",
                        entity.line_of("aliases"),
                        severity="warning",
                    )
                )
    return problems


def _reference_problems(archive: Archive, entities: dict[str, Entity]) -> list[Problem]:
    # An entry whose file has errors of its own exists: its errors are reported already,
    # and one broken file must not add a "no glossary entry" to every article naming it.
    failed = archive.failed_entity_ids()
    problems = []
    for article in archive.articles:
        for field, ids in (("actors", article.actors), ("locations", article.locations)):
            for entity_id in ids:
                entity = entities.get(entity_id)
                if entity is None and entity_id in failed:
                    continue
                if entity is None:
                    problems.append(
                        Problem(
                            article.path,
                            field,
                            f"no glossary entry {entity_id!r}",
                            article.line_of(field),
                        )
                    )
                elif field == "actors" and not (entity.section == "actors" or entity.is_state):
                    problems.append(
                        Problem(
                            article.path,
                            field,
                            f"{entity_id!r} is a location, not an actor",
                            article.line_of(field),
                        )
                    )
                elif field == "locations" and entity.section != "locations":
                    problems.append(
                        Problem(
                            article.path,
                            field,
                            f"{entity_id!r} is an actor, not a location",
                            article.line_of(field),
                        )
                    )
    for entity in archive.entities:
        country = entities.get(entity.country) if entity.country else None
        if country is None and entity.country in failed:
            continue
        if entity.country and (country is None or not country.is_state):
            problems.append(
                Problem(
                    entity.path,
                    "country",
                    f"{entity.country!r} is not a location of kind country",
                    entity.line_of("country"),
                )
            )
    return problems


def validate(archive: Archive) -> list[Problem]:
    """Every cross-file problem: duplicates, alias clashes and look-alikes, bad references,
    scaffold text left in an article, and tags spelled two ways for one topic."""
    entities = archive.entity_map()
    return [
        *_duplicate_slugs(archive.articles),
        *_duplicate_ids(archive.entities),
        *_alias_problems(archive.entities),
        *_reference_problems(archive, entities),
        *lookalike_problems(archive.entities),
        *alias_extension_problems(archive.entities, archive.articles),
        *placeholder_problems(archive.articles),
        *tag_collision_problems(archive.articles),
    ]
