"""``suggest``: the names in an archive's articles that deserve a glossary entry."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.body.sentences import paragraph_around, sentence_within
from generator.content.model import Article, Entity
from generator.content.slugs import slugify
from generator.suggest.candidates import Context, Found
from generator.suggest.classify import NER_GUESSES, Guess, Section, classify
from generator.suggest.coverage import Glossary
from generator.suggest.features import capital_share, features
from generator.suggest.finder import find_names
from generator.suggest.gazetteer import Gazetteer, load_gazetteer
from generator.suggest.groups import Group, collect, merge_variants
from generator.suggest.mentions import ALIAS, FormIndex, Segment, alias_forms, segments
from generator.suggest.model import Logistic, Weights, shipped_weights
from generator.suggest.near_duplicates import NearDuplicate, alias_near_duplicates
from generator.suggest.ner import NerFinder
from generator.suggest.prose import lower_case_words


@dataclass(frozen=True)
class Suggested:
    """A name suggested for one article, with its guess."""

    name: str
    guess: Section
    kind: str


@dataclass(frozen=True)
class Candidate:
    """A name that no glossary alias matches, ranked by how widely the archive uses it."""

    name: str
    guess: Section
    kind: str  # "" when the evidence is not clear
    article_count: int
    mention_count: int
    example: str  # the sentence of the first mention
    example_path: str  # the article it comes from
    variants: tuple[str, ...] = ()  # other spellings and short forms counted as mentions

    @property
    def id(self) -> str:
        """The glossary id an entry for this name would get."""
        return slugify(self.name)


@dataclass(frozen=True)
class Suggestions:
    """Ranked candidates, near-duplicate spellings, and each article's suggested names."""

    candidates: tuple[Candidate, ...] = ()
    near_duplicates: tuple[NearDuplicate, ...] = ()
    articles: tuple[tuple[str, tuple[Suggested, ...]], ...] = ()
    gazetteer: str = ""  # where place names came from

    def by_article(self) -> dict[str, tuple[Suggested, ...]]:
        """The suggested names of each article, by article path."""
        return dict(self.articles)


@dataclass(frozen=True)
class _Occurrence:
    order: tuple[int, int, int]  # article, segment, offset: sorts in reading order
    path: str
    segment: Segment
    start: int


def suggest(
    articles: Iterable[Article],
    entities: Iterable[Entity],
    gazetteer: Gazetteer | None = None,
    *,
    ner: NerFinder | None = None,
    weights: Weights | None = None,
) -> Suggestions:
    """Find names in ``articles`` that no alias of ``entities`` matches or covers.

    ``gazetteer`` defaults to :func:`load_gazetteer`; pass ``Gazetteer.empty()`` to rely on
    the rules alone. ``ner`` optionally adds the names a statistical model finds
    (:func:`generator.suggest.ner.ner_finder`). ``weights`` replaces the shipped models
    that keep names and tell places from actors (:mod:`generator.suggest.model`).
    """
    gaz = load_gazetteer() if gazetteer is None else gazetteer
    ordered = sorted(articles, key=lambda a: (a.date, a.path))
    entities = tuple(entities)
    texts = {a.path: segments(a) for a in ordered}
    groups, table = _found_groups(texts, gaz, ner)
    model = shipped_weights() if weights is None else weights
    kept = [g for g in groups.values() if _keeps(g, table[g.key][1], model.keep)]
    glossary = Glossary(entities)
    near = {g.key: d for g in kept if (d := glossary.near_duplicate(g)) is not None}
    guesses = {g.key: _typed(g, *table[g.key], model.location) for g in kept}
    new = [g for g in kept if g.key not in near and not glossary.covers(g.words, guesses[g.key])]
    occurrences = _occurrences(new, texts, entities)
    candidates = [_candidate(g, guesses[g.key], occurrences.get(g.key, [])) for g in new]
    ranked = sorted(
        (c for c in candidates if c.mention_count),
        key=lambda c: (-c.article_count, -c.mention_count, c.name.casefold(), c.name),
    )
    found_near = sorted((_with_articles(d, groups[k]) for k, d in near.items()), key=_near_order)
    return Suggestions(
        candidates=tuple(ranked),
        near_duplicates=tuple(alias_near_duplicates(entities) + found_near),
        articles=_per_article(ordered, new, guesses, occurrences),
        gazetteer=gaz.source,
    )


def _find(text: str, ctx: Context, ner: NerFinder | None) -> list[Found]:
    return find_names(text, ctx) + (ner(text) if ner else [])


def feature_table(
    articles: Iterable[Article], gazetteer: Gazetteer
) -> list[tuple[Group, Guess, dict[str, float]]]:
    """Every group of found names before any is dropped: the rules' guess and the features
    the models read. The fitting script (``tools/fit_suggest_weights.py``) learns from it."""
    texts = {a.path: segments(a) for a in sorted(articles, key=lambda a: (a.date, a.path))}
    groups, table = _found_groups(texts, gazetteer, None)
    return [(group, *table[key]) for key, group in groups.items()]


def _found_groups(
    texts: dict[str, tuple[Segment, ...]], gaz: Gazetteer, ner: NerFinder | None
) -> tuple[dict[str, Group], dict[str, tuple[Guess, dict[str, float]]]]:
    """The archive's names grouped, each with the rules' guess and its features."""
    ctx = Context(gaz, lower_case_words([s.plain for segs in texts.values() for s in segs]))
    found = {
        path: [f for s in segs for f in _find(s.plain, ctx, ner)] for path, segs in texts.items()
    }
    groups = merge_variants(collect(found), gaz)
    capitals = {path: capital_share(s.plain for s in segs) for path, segs in texts.items()}
    table = {}
    for key, group in groups.items():
        guess = classify(group.name, group.cues, gaz)
        share = max(capitals[path] for path in group.articles)
        table[key] = (guess, features(group, guess, ctx, share))
    return groups, table


def _keeps(group: Group, table: dict[str, float], keep: Logistic) -> bool:
    """The hand rules' keepers that the keep model, or the optional statistical model, backs."""
    if not table["rules_keep"]:
        return False
    return keep.says_yes(table) or any(cue in NER_GUESSES for cue in group.cues)


def _typed(group: Group, guess: Guess, table: dict[str, float], location: Logistic) -> Guess:
    """The typing model's section, the rules' kind only where both agree; a statistical
    model's label, when the optional one gave one, stands."""
    if any(cue in NER_GUESSES for cue in group.cues):
        return guess
    section: Section = "location" if location.says_yes(table) else "actor"
    return guess if section == guess.section else Guess(section)


def _occurrences(
    groups: list[Group], texts: dict[str, tuple[Segment, ...]], entities: tuple[Entity, ...]
) -> dict[str, list[_Occurrence]]:
    """Each group's mentions, matched with the existing aliases as the site would."""
    forms = alias_forms(entities) + [(form, g.key) for g in groups for form in g.forms()]
    index = FormIndex(forms)
    found: dict[str, list[_Occurrence]] = {}
    for a, (path, segs) in enumerate(texts.items()):
        for s, segment in enumerate(segs):
            for start, _, key in index.find(segment.plain):
                if key != ALIAS:
                    occurrence = _Occurrence((a, s, start), path, segment, start)
                    found.setdefault(key, []).append(occurrence)
    return found


def _sentence_around(text: str, offset: int) -> str:
    """The sentence at ``offset``, never running across a paragraph or heading break."""
    # Found by bisection over breaks and sentences computed once per text: searching and
    # slicing the text for each name made a long one-paragraph article quadratic.
    begin, stop = paragraph_around(text, offset)
    start, end = sentence_within(text, begin, stop, offset)
    return " ".join(text[start:end].split())


def _candidate(group: Group, guess: Guess, occurrences: list[_Occurrence]) -> Candidate:
    first = min(occurrences, key=lambda o: o.order) if occurrences else None
    example = ""
    if first is not None:
        example = _sentence_around(first.segment.plain, first.start)
    name = group.name
    return Candidate(
        name=name,
        guess=guess.section,
        kind=guess.kind,
        article_count=len({o.path for o in occurrences}),
        mention_count=len(occurrences),
        example=example,
        example_path=first.path if first else "",
        variants=tuple(sorted(group.forms() - {name})),
    )


def _per_article(
    ordered: list[Article],
    groups: list[Group],
    guesses: dict[str, Guess],
    occurrences: dict[str, list[_Occurrence]],
) -> tuple[tuple[str, tuple[Suggested, ...]], ...]:
    firsts: dict[str, list[tuple[tuple[int, int, int], Suggested]]] = {}
    for group in groups:
        seen: set[str] = set()
        for occ in sorted(occurrences.get(group.key, []), key=lambda o: o.order):
            if occ.path not in seen:
                seen.add(occ.path)
                guess = guesses[group.key]
                firsts.setdefault(occ.path, []).append(
                    (occ.order, Suggested(group.name, guess.section, guess.kind))
                )
    return tuple(
        (a.path, tuple(s for _, s in sorted(firsts.get(a.path, []), key=lambda f: f[0])))
        for a in sorted(ordered, key=lambda a: a.path)
    )


def _with_articles(dup: NearDuplicate, group: Group) -> NearDuplicate:
    return NearDuplicate(
        dup.name,
        dup.entity,
        dup.other,
        dup.other_entity,
        dup.difference,
        articles=len(group.articles),
    )


def _near_order(dup: NearDuplicate) -> tuple[str, str, str]:
    return (dup.other_entity, dup.name, dup.other)


__all__ = ["Candidate", "Found", "Suggested", "Suggestions", "feature_table", "suggest"]
