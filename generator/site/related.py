"""Reading on: related articles by shared entities, and neighbours in time."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from generator.content.memo import RunMemo
from generator.content.model import Article
from generator.site.crossref import ArticleMentions

RELATED_LIMIT = 5
# An entity named in more articles than this suggests no related ones: a fixed bound keeps
# the work linear (a bound growing with the archive made it quadratic at 10,000 articles).
COMMON_LIMIT = 200


@dataclass(frozen=True)
class Neighbours:
    """The articles just before and after one article in the archive's timeline."""

    previous: Article | None
    next: Article | None


def _chronological(article: Article) -> tuple:
    return (article.date, article.title.casefold(), article.slug)


def neighbours(articles: list[Article]) -> dict[str, Neighbours]:
    """Previous and next article in time for every article, by slug."""
    ordered = sorted(articles, key=_chronological)
    return {
        article.slug: Neighbours(
            ordered[i - 1] if i > 0 else None,
            ordered[i + 1] if i + 1 < len(ordered) else None,
        )
        for i, article in enumerate(ordered)
    }


def related_articles(
    items: list[ArticleMentions], ranked_before: RunMemo | None = None
) -> dict[str, tuple[Article, ...]]:
    """For each article, the articles sharing the most *rare* entities with it.

    An entity named in half the archive says little about how two articles relate, so
    each shared entity weighs its inverse document frequency. Candidates come from the
    entities' own article lists, so the cost follows the mentions, not articles squared.
    ``ranked_before``: under ``serve``, an edit that changes no article's names or date
    ranks nothing again.
    """
    # All the ranking depends on: each article's slug, date and the entities it names.
    named = tuple(
        (
            item.article.slug,
            item.article.date.toordinal(),
            frozenset(m.entity_id for m in item.mentions),
        )
        for item in items
    )
    memo = ranked_before if ranked_before is not None else RunMemo()
    ranked = memo.get("related", (named,), _ranked)
    articles = {item.article.slug: item.article for item in items}
    return {slug: tuple(articles[other] for other in ranked[slug]) for slug in ranked}


def _ranked(named: tuple[tuple[str, int, frozenset[str]], ...]) -> dict[str, tuple[str, ...]]:
    """The slugs of each article's related articles, best first."""
    by_entity: dict[str, list[str]] = defaultdict(list)
    for slug, _, ids in named:
        for entity_id in ids:
            by_entity[entity_id].append(slug)
    weight = {e: math.log((1 + len(named)) / len(found)) for e, found in by_entity.items()}
    newest = {slug: -ordinal for slug, ordinal, _ in named}
    ranked: dict[str, tuple[str, ...]] = {}
    for slug, _, ids in named:
        scores: dict[str, float] = defaultdict(float)
        # Sorted, so that the float sums, and so the ranking, are the same on every run.
        for entity_id in sorted(ids):
            # Entities in a large share of the archive add little and would make this
            # quadratic (the busiest one can be in half of all articles): skipped.
            if len(by_entity[entity_id]) > COMMON_LIMIT:
                continue
            share = weight[entity_id]
            for other in by_entity[entity_id]:
                if other != slug:
                    scores[other] += share
        ranked[slug] = _best(scores, newest)
    return ranked


def _best(scores: dict[str, float], newest: dict[str, int]) -> tuple[str, ...]:
    """The best ``RELATED_LIMIT`` candidates: most shared weight, then newest, then slug."""
    if len(scores) > RELATED_LIMIT:
        # Scores are ranked rounded to 9 places (so that sums stay stable), which moves them
        # by at most 5e-10: a candidate well below the fifth-best raw score cannot rank.
        cut = sorted(scores.values(), reverse=True)[RELATED_LIMIT - 1] - 1e-6
        scores = {slug: score for slug, score in scores.items() if score >= cut}
    keys = sorted((-round(score, 9), newest[slug], slug) for slug, score in scores.items())
    return tuple(slug for _, _, slug in keys[:RELATED_LIMIT])
