"""An alias that extends another entry's alias takes that entry's mentions.

The matcher prefers the longest alias, so entry B with the alias "Hamas Fighters" takes
the words "Hamas fighters" away from entry A's "Hamas": those mentions link to B, and A's
page no longer lists the article if that was its only mention. Real names do this too
("Rafah crossing" extends "Rafah"), so the warning is given only when it changes a link
in an article, and not when B's own name extends the same alias: an entry called "Rafah
crossing" or "Israel Defense Forces" says by its name that it is a part of Rafah or of
Israel, and its page shows that name to every reader. An alias that hides behind an
entry of another name ("Hamas Fighters" as an alias of "Gaza civil defence agency") is
what the warning is for.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from generator.content.matcher import AliasMatcher, fold_alias
from generator.content.model import Article, Entity, Problem


@dataclass(frozen=True)
class _Extension:
    """``longer`` (an alias of ``taker``) begins with the whole words of ``shorter``."""

    shorter: str
    owner: Entity
    longer: str
    taker: Entity


def _word_char(char: str) -> bool:
    # As the matcher reads words: a vowel sign or other mark belongs to its word.
    return char.isalnum() or char == "_" or unicodedata.category(char).startswith("M")


def _word_prefixes(alias: str) -> list[str]:
    """The starts of ``alias`` that end where a word does: "Rafah", for "Rafah crossing"."""
    return [alias[:end] for end in range(1, len(alias)) if not _word_char(alias[end])]


def _extensions(entities: list[Entity]) -> list[_Extension]:
    """Every alias that extends another entry's alias, unless its own entry's name does."""
    owners: dict[str, list[Entity]] = {}
    for entity in entities:
        for alias in entity.aliases:
            owners.setdefault(fold_alias(alias), []).append(entity)
    found = []
    for taker in entities:
        name_prefixes = set(_word_prefixes(fold_alias(taker.name)))
        for longer in dict.fromkeys(fold_alias(alias) for alias in taker.aliases):
            for shorter in _word_prefixes(longer):
                if shorter in name_prefixes:
                    continue  # "Rafah crossing" is by its name a part of Rafah
                found += [
                    _Extension(shorter, owner, longer, taker)
                    for owner in owners.get(shorter, [])
                    if owner.id != taker.id
                ]
    return found


def _first_taken(extension: _Extension, articles: list[Article], matcher: AliasMatcher):
    """The first article in which ``extension.longer`` is matched, if any."""
    for article in articles:
        text = f"{article.title}\n\n{article.body}"
        if extension.longer not in text:  # a substring test spares most matcher runs
            continue
        if any(m.alias == extension.longer for m in matcher.find(text)):
            return article
    return None


def alias_extension_problems(
    entities: Iterable[Entity], articles: Iterable[Article]
) -> list[Problem]:
    """A warning for each alias that takes, in some article, mentions of another entry."""
    entities = sorted(entities, key=lambda e: e.path)
    articles = sorted(articles, key=lambda a: a.path)
    matcher = AliasMatcher(entities)
    problems = []
    for extension in _extensions(entities):
        taker = extension.taker
        article = _first_taken(extension, articles, matcher)
        if article is None:
            continue
        problems.append(
            Problem(
                taker.path,
                "aliases",
                f"{extension.longer!r} extends {extension.shorter!r} of {extension.owner.path} "
                f"and takes its mentions, first in {article.path}: choose another alias "
                f"(an entry may extend another's alias when its name does too)",
                taker.line_of("aliases"),
                severity="warning",
            )
        )
    return problems
