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


def _partner_order(entities: dict[str, Entity]):
    """Sort key of one entry's partners: most shared articles, then name, then id."""
    return lambda p: (-p[1], entities[p[0]].name.casefold(), p[0])


class CrossIndex:
    """The cross reference, kept up to date article by article (``serve``).

    An article's rows and pairs are taken out and put back only when its mentions are a
    different object from the last run's (unchanged articles come back as the very same
    ones, see ``check.py``), and only the entries it touches are sorted again; the result
    equals :func:`cross_reference` of the same articles. A one-off build starts empty.
    """

    def __init__(self) -> None:
        self._items: dict[str, ArticleMentions] = {}
        # Entry id -> article slug -> that article's rows for the entry, in mention order.
        self._rows: dict[str, dict[str, list[tuple[Article, Mention]]]] = defaultdict(dict)
        # Entry id -> partner id -> articles shared.
        self._pairs: dict[str, Counter] = defaultdict(Counter)
        self._entities: dict[str, Entity] = {}
        self._listed: dict[str, tuple] = {}
        self._together: dict[str, tuple] = {}

    def update(
        self, articles: list[ArticleMentions], entities: dict[str, Entity]
    ) -> CrossReference:
        """The cross reference of ``articles``: what changed since the last call is redone."""
        current = {item.article.slug: item for item in articles}
        touched: set[str] = set()
        for slug, old in self._items.items():
            if current.get(slug) is not old:
                touched |= self._apply(old, -1)
        for slug, item in current.items():
            if self._items.get(slug) is not item:
                touched |= self._apply(item, +1)
        self._items = current
        renamed = entities != self._entities
        self._entities = entities
        for entity_id in touched:
            rows = self._rows.get(entity_id)
            if rows:
                ordered = sorted(
                    (row for found in rows.values() for row in found),
                    key=lambda row: newest_first(row[0]),
                )
                self._listed[entity_id] = tuple(ordered)
            else:
                self._rows.pop(entity_id, None)
                self._listed.pop(entity_id, None)
        # Partners are ordered by name: a glossary edit may reorder any entry's list.
        for entity_id in set(self._pairs) if renamed else touched:
            self._order_partners(entity_id)
        return CrossReference(dict(self._listed), dict(self._together))

    def _apply(self, item: ArticleMentions, sign: int) -> set[str]:
        """Add (+1) or take out (-1) one article's rows and pairs; the entries touched."""
        slug = item.article.slug
        touched = {m.entity_id for m in item.mentions}
        for entity_id in touched:
            if sign > 0:
                self._rows[entity_id][slug] = []
            else:
                del self._rows[entity_id][slug]
        if sign > 0:
            for mention in item.mentions:
                self._rows[mention.entity_id][slug].append((item.article, mention))
        # Each article adds at most COOCCURRENCE_LIMIT squared over two pairs.
        for a, b in combinations(cooccurring(item), 2):
            for one, other in ((a, b), (b, a)):
                self._pairs[one][other] += sign
                if not self._pairs[one][other]:
                    del self._pairs[one][other]
        return touched

    def _order_partners(self, entity_id: str) -> None:
        partners = self._pairs.get(entity_id)
        if partners:
            found = sorted(partners.items(), key=_partner_order(self._entities))
            self._together[entity_id] = tuple(found[:APPEARS_WITH_LIMIT])
        else:
            self._pairs.pop(entity_id, None)
            self._together.pop(entity_id, None)


def cross_reference(
    articles: list[ArticleMentions], entities: dict[str, Entity], kept: CrossIndex | None = None
) -> CrossReference:
    """Index mentions by entity (newest article first) and count shared articles.

    ``kept``: the index a long-lived process keeps up to date between runs.
    """
    return (kept if kept is not None else CrossIndex()).update(articles, entities)
