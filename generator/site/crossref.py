"""Who is mentioned where: the cross-page indexes, built once every article is rendered."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations

from generator.body.render import Found
from generator.content.model import Article, Entity, Mention, Problem

APPEARS_WITH_LIMIT = 8
# Entries of one article counted as appearing with each other: the first this many, in
# order of first mention (then as the front-matter lists them). Counting every pair costs
# k*k/2 (4,000 ids under ``actors:`` took 2 GB); an article naming more than 50 entries is
# a list, not a story, and says little about who appears with whom. The articles in
# ``content/`` name at most 18.
COOCCURRENCE_LIMIT = 50


@dataclass(frozen=True)
class ArticleMentions:
    """An article and the entities it names, in order of first mention.

    Entities listed in front-matter but not found in the text carry an empty sentence.
    """

    article: Article
    mentions: tuple[Mention, ...]


def article_mentions(article: Article, found: tuple[Found, ...]) -> ArticleMentions:
    """Combine what the text names with the ids the front-matter lists explicitly."""
    mentions = [
        Mention(f.entity_id, article.slug, f.surface, f.sentence, f.start, f.end) for f in found
    ]
    seen = {m.entity_id for m in mentions}
    for entity_id in (*article.actors, *article.locations):
        if entity_id not in seen:
            mentions.append(Mention(entity_id, article.slug, "", "", 0, 0))
            seen.add(entity_id)
    return ArticleMentions(article, tuple(mentions))


def cooccurring(item: ArticleMentions) -> tuple[str, ...]:
    """The entries of an article counted as appearing with each other, sorted by id."""
    named = dict.fromkeys(m.entity_id for m in item.mentions)
    return tuple(sorted(list(named)[:COOCCURRENCE_LIMIT]))


def cooccurrence_warnings(items: list[ArticleMentions]) -> list[Problem]:
    """Articles naming more entries than co-occurrence counts, and so partly left out."""
    problems = []
    for item in items:
        named = len({m.entity_id for m in item.mentions})
        if named > COOCCURRENCE_LIMIT:
            article = item.article
            message = (
                f"names {named} glossary entries; only the first {COOCCURRENCE_LIMIT} count "
                "towards 'Appears with' and the Explore network"
            )
            line = article.line_of("actors") or article.line_of("locations")
            problems.append(Problem(article.path, "body", message, line, "warning"))
    return problems


def newest_first(article: Article) -> tuple:
    """Sort key: newest date first, then title, then slug for a stable order."""
    return (-article.date.toordinal(), article.title.casefold(), article.slug)


@dataclass(frozen=True)
class CrossReference:
    """Listings for glossary pages: mentions per entity and who appears with whom."""

    by_entity: dict[str, tuple[tuple[Article, Mention], ...]]
    together: dict[str, tuple[tuple[str, int], ...]]

    def count(self, entity_id: str) -> int:
        """Number of articles that mention the entity."""
        return len(self.by_entity.get(entity_id, ()))


def _appears_with(pairs: Counter, entities: dict[str, Entity]) -> dict[str, tuple]:
    partners: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for (a, b), shared in pairs.items():
        partners[a].append((b, shared))
        partners[b].append((a, shared))
    return {
        entity_id: tuple(
            sorted(found, key=lambda p: (-p[1], entities[p[0]].name.casefold()))[
                :APPEARS_WITH_LIMIT
            ]
        )
        for entity_id, found in partners.items()
    }


def cross_reference(articles: list[ArticleMentions], entities: dict[str, Entity]) -> CrossReference:
    """Index mentions by entity (newest article first) and count shared articles."""
    by_entity: dict[str, list[tuple[Article, Mention]]] = defaultdict(list)
    pairs: Counter = Counter()
    for item in articles:
        for mention in item.mentions:
            by_entity[mention.entity_id].append((item.article, mention))
        # Each article adds at most COOCCURRENCE_LIMIT squared over two pairs.
        pairs.update(combinations(cooccurring(item), 2))
    listed = {
        entity_id: tuple(sorted(rows, key=lambda row: newest_first(row[0])))
        for entity_id, rows in by_entity.items()
    }
    return CrossReference(listed, _appears_with(pairs, entities))
