"""Names found in articles, grouped: spelling variants together, short forms under long ones.

"Blinken" and "Antony Blinken" in one article are one person; "Gaza" and "Gaza health
ministry" are not, because "Gaza" has evidence of its own (a gazetteer entry, "in Gaza").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.suggest.candidates import Found
from generator.suggest.classify import Guess, classify, compatible
from generator.suggest.gazetteer import Gazetteer
from generator.suggest.near_duplicates import spelling_key


@dataclass
class Group:
    """Everything found under one name: its spellings, cues and articles."""

    key: str
    surfaces: Counter[str] = field(default_factory=Counter)
    cues: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    strong: bool = False  # found at least once other than as a sentence's first word
    mentions: int = 0  # how many times it was found, short forms merged in included
    strong_mentions: int = 0  # of those, how many not as a sentence's first word
    variants: set[str] = field(default_factory=set)  # shorter names merged into this one

    @property
    def name(self) -> str:
        """The most frequent spelling; the longest, then the first in order, on a tie."""
        return max(sorted(self.surfaces), key=lambda s: (self.surfaces[s], len(s)))

    @property
    def words(self) -> tuple[str, ...]:
        """The words of the spelling key, for comparing names word by word."""
        return tuple(self.key.split())

    def forms(self) -> set[str]:
        """Every surface form that counts as a mention of this group."""
        return set(self.surfaces) | self.variants

    def absorb(self, other: Group) -> None:
        """Take in a shorter name for the same thing: its spellings become variants."""
        self.variants |= other.forms()
        self.cues.update(other.cues)
        self.articles |= other.articles
        self.strong = self.strong or other.strong
        self.mentions += other.mentions
        self.strong_mentions += other.strong_mentions


def collect(found_by_article: dict[str, list[Found]]) -> dict[str, Group]:
    """Group every name found by its spelling key."""
    groups: dict[str, Group] = {}
    for path, found in found_by_article.items():
        for item in found:
            key = spelling_key(item.name)
            group = groups.setdefault(key, Group(key))
            group.surfaces[item.name] += 1
            group.cues.update(item.cues)
            group.articles.add(path)
            group.strong = group.strong or not item.weak
            group.mentions += 1
            group.strong_mentions += not item.weak
    return groups


def is_subspan(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """True when the words ``short`` stand together, in order, inside the longer ``long``."""
    n = len(short)
    return n < len(long) and any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _hosts(
    short: Group, groups: list[Group], guesses: dict[str, Guess], gazetteer: Gazetteer
) -> list[Group]:
    """Longer groups ``short`` may be another name for."""
    hosts = []
    # "Sudan" is no short form of "South Sudan": a place in its own right stays apart.
    own_place = gazetteer.lookup(short.name)
    for long in groups:
        if not is_subspan(short.words, long.words):
            continue
        if own_place and own_place.kind != "city" and gazetteer.lookup(long.name):
            continue
        person = guesses[long.key].kind == "person"
        # A short name ends the long one ("Blinken", "the Fever") or is part of a person's
        # name ("Sheikh Mohammed"); "Gaza" does not abbreviate "Gaza health ministry".
        suffix = long.words[-len(short.words) :] == short.words
        if not (suffix or person):
            continue
        surname = person and suffix and len(short.words) == 1
        if (short.articles & long.articles or surname) and compatible(
            guesses[short.key], guesses[long.key]
        ):
            hosts.append(long)
    return hosts


def _reads_as_surname(short: Group, host: Group, gazetteer: Gazetteer) -> bool:
    """ "Blinken" for "Antony Blinken" makes a person; "City" for "Manchester City" does not."""
    if len(short.words) != 1 or host.words[-1] != short.words[0] or len(host.words) > 4:
        return False
    return gazetteer.lookup(" ".join(host.name.split()[:-1])) is None


def initials(name: str) -> str:
    """The capitals that begin a name's words: "Office for National Statistics" -> "ONS"."""
    return "".join(word[0] for word in name.split() if word[0].isupper())


def _merge_acronyms(merged: dict[str, Group]) -> None:
    """ "EU" in an article that also says "European Union" is a second name for it."""
    # Longer names by their initials: looking each acronym up, not scanning every name.
    longs: dict[str, list[Group]] = defaultdict(list)
    for group in merged.values():
        if len(group.words) > 1:
            longs[initials(group.name)].append(group)
    for group in list(merged.values()):
        acronym = group.name.replace(".", "")
        if len(acronym) < 2 or not acronym.isupper() or not acronym.isalpha():
            continue
        hosts = [g for g in longs.get(acronym, ()) if g.articles & group.articles]
        if len(hosts) == 1:
            hosts[0].absorb(group)
            del merged[group.key]


def _word_index(groups: Iterable[Group]) -> dict[str, list[Group]]:
    """Each word of the groups' keys and the groups it is in, in the order given."""
    index: dict[str, list[Group]] = defaultdict(list)
    for group in groups:
        for word in dict.fromkeys(group.words):
            index[word].append(group)
    return index


def _candidates(short: Group, merged: dict[str, Group], index: dict[str, list[Group]]):
    """Groups still in ``merged`` that may contain ``short``: those with its rarest word.

    A host holds every word of ``short``, so one word's list is enough; comparing each name
    with every other made ``suggest`` quadratic (10,000 names took minutes).
    """
    if not short.words:
        return [g for g in merged.values() if g is not short]
    shortest = min((index[word] for word in short.words), key=len)
    return [g for g in shortest if g is not short and merged.get(g.key) is g]


def merge_variants(groups: dict[str, Group], gazetteer: Gazetteer) -> dict[str, Group]:
    """Fold each short name into the one longer name it abbreviates, when there is one."""
    merged = dict(groups)
    _merge_acronyms(merged)
    guesses = {k: classify(g.name, g.cues, gazetteer) for k, g in merged.items()}
    ordered = sorted(merged.values(), key=lambda g: (len(g.words), g.key))
    index = _word_index(merged.values())
    for short in ordered:
        hosts = _hosts(short, _candidates(short, merged, index), guesses, gazetteer)
        if len(hosts) == 1:
            host = hosts[0]
            host.absorb(short)
            if _reads_as_surname(short, host, gazetteer):
                host.cues["surname"] += 1
            del merged[short.key]
    return merged
