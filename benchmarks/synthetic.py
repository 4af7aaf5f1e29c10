"""A deterministic synthetic archive: N articles and N/5 glossary entries with invented names.

``make_archive(n, out_dir, seed=0)`` writes ``articles/``, ``actors/`` and ``locations/`` in
the product's content format (see CONTRIBUTING.md). Everything comes from one
``random.Random(seed)``, so the same arguments always give byte-identical files.

- Glossary: ``n // 5`` entries (at least one country): people "Firstname Lastname", organisations
  (also governments, military units, armed groups, media), countries, cities, regions,
  territories and sites, each with 1–3 aliases. Every capitalised invented word is used by
  one entry only, so aliases never clash, and none is an ordinary English word.
- Articles: 600–900 words of filler prose under 2–4 ``## `` subheadings, dated 2012–2025, each
  naming a cast of 3–8 entries in 5–15 alias mentions (the first in full, later ones by any
  alias, sometimes possessive). Entries are picked with Zipf-like weights, as in real news:
  a few are named in many articles, most in a handful.
- ``with_glossary=False`` writes the same article files and no glossary entries, for
  measuring what the glossary features cost.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
from bisect import bisect_left
from dataclasses import dataclass, field
from importlib import resources
from itertools import accumulate
from pathlib import Path


def _split(text: str) -> list[str]:
    return text.split()


_ONSETS = _split("b d f g k l m n p r s t v z br dr gr kr pr st tr th sh ch")
_VOWELS = _split("a e i o u a e o ai ei ou")
_CODAS = ["", "", "", "n", "r", "l", "s", "m", "th", "nd", "rk"]

# Ordinary prose: frequent words of news writing, then a long tail of invented lowercase words.
_COMMON = _split("""
the the the the of of of to to to and and and a a a in in in that is was for on with as
said by at from it its his her their they he she were had has have been be will would
not but which also after over more about than into under during while before between
against officials government talks security forces week year month day people country
minister president agreement border troops aid report meeting plan proposal vote election
court law power water trade market prices budget police protest rebels city region town
villages leaders envoy delegation negotiators ceasefire truce attack strike convoy camp
refugees hospital school bridge road port airport oil gas grain exports imports sanctions
economy parliament coalition opposition party campaign rally spokesman statement interview
according official senior former new local national international regional foreign
military civilian political economic diplomatic humanitarian public private several many
some few most other first last next early late recent long short major key main
increased reduced announced rejected accepted signed reached failed agreed warned urged
called described confirmed denied expected planned continued resumed suspended ended began
held met visited traveled returned arrived left crossed seized captured released killed
wounded displaced fled reported claimed insisted argued demanded offered proposed
supported opposed criticised praised welcomed condemned questioned reviewed approved
because although however despite since until unless whether where when why how what who
north south east west northern southern eastern western central coastal rural urban
morning evening night weekend monday tuesday wednesday thursday friday saturday sunday
hundreds thousands millions dozens two three four five ten twenty fifty percent billion
""")
_HEADING_WORDS = _split("""
background talks aftermath response timeline stakes reactions pressure deadline outlook
numbers history consequences mediation frontline economy diplomacy analysis what next
""")
_TAGS = _split("diplomacy conflict economy elections energy humanitarian justice migration trade")
_FIRST_NAMES_N = 160
_LONG_TAIL_N = 3000
_FRESH_WORD_RATE = 0.02  # a word never seen before, so the vocabulary keeps growing with N

_ORG_NOUNS = {
    "organisation": ["Foundation", "Council", "Alliance", "Union", "Institute", "Federation",
                     "Trust", "Party", "Bank", "Company", "Trade Union", "Relief Agency"],
    "government": ["Cabinet", "Interior Ministry", "Finance Ministry", "Foreign Ministry",
                   "Election Commission", "Supreme Court"],
    "military": ["Army", "Navy", "Air Force", "Defence Forces", "Border Guard", "Coast Guard"],
    "armed-group": ["Brigades", "Front", "Liberation Movement", "Militia", "Resistance"],
    "media": ["Times", "Radio", "Press Agency", "Broadcasting Corporation", "Herald"],
}  # fmt: skip
_ORG_KINDS = ["organisation"] * 4 + ["government"] * 2 + ["military", "armed-group", "media"]
_PERSON_TITLES = ["Minister", "Senator", "General", "Governor", "Mayor", "President", "Judge"]
_PERSON_ROLES = ["Foreign minister", "Prime minister", "Opposition leader", "Army chief",
                 "Central bank governor", "Chief negotiator", "Party leader", "Mayor"]  # fmt: skip
_LOCATION_SHAPES = {
    "city": ["{w}", "Port {w}", "{w} City", "San {w}"],
    "region": ["{w} Valley", "Upper {w}", "{w} Province", "{w} Highlands"],
    "territory": ["{w} Islands", "{w} Strip", "{w} Enclave"],
    "site": ["{w} Dam", "{w} Bridge", "{w} Crossing", "{w} Airport", "{w} Refinery"],
}
_START = dt.date(2012, 1, 1).toordinal()
_END = dt.date(2025, 12, 31).toordinal()


@dataclass
class Entry:
    """A glossary entry as generated, before it is written."""

    id: str
    section: str
    kind: str
    name: str
    aliases: list[str]
    summary: str
    country: str = ""
    role: str = ""
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ArchiveInfo:
    """What ``make_archive`` wrote."""

    content_dir: Path
    articles: int
    entries: int
    words: int
    mentions: int


def _common_words() -> frozenset[str]:
    text = resources.files("generator.content").joinpath("common_words.txt").read_text()
    return frozenset(
        w for line in text.splitlines() if not line.startswith("#") for w in line.split()
    )


class _Words:
    """Invented words: each capitalised one is handed out once."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set(_common_words()) | set(_COMMON) | set(_HEADING_WORDS)

    def _raw(self, syllables: int) -> str:
        rng = self.rng
        parts = [rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables)]
        return "".join(parts) + rng.choice(_CODAS)

    def fresh(self, low: int = 2, high: int = 3, min_len: int = 5) -> str:
        """A lowercase invented word not handed out before."""
        while True:
            word = self._raw(self.rng.randint(low, high))
            if len(word) >= min_len and word not in self.used:
                self.used.add(word)
                return word

    def name(self, low: int = 2, high: int = 3) -> str:
        return self.fresh(low, high).capitalize()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def _kind_plan(total: int) -> list[tuple[str, str]]:
    """(section, kind) for each entry: 8% countries, 40% people, 20% organisations, rest places."""
    countries = max(1, total * 8 // 100)
    people = total * 40 // 100
    orgs = total * 20 // 100
    places = max(0, total - countries - people - orgs)
    cities = places // 2
    regions = places // 5
    territories = places // 8
    sites = places - cities - regions - territories
    plan = [("locations", "country")] * countries
    plan += [("actors", "person")] * people
    plan += [("actors", _ORG_KINDS[i % len(_ORG_KINDS)]) for i in range(orgs)]
    plan += [("locations", "city")] * cities + [("locations", "region")] * regions
    plan += [("locations", "territory")] * territories + [("locations", "site")] * sites
    return plan[:total]


def _glossary(rng: random.Random, words: _Words, total: int) -> list[Entry]:
    firsts = [words.name(2, 2) for _ in range(_FIRST_NAMES_N)]
    acronyms: set[str] = set()
    entries: list[Entry] = []
    countries: list[Entry] = []
    for section, kind in _kind_plan(total):
        if kind == "country":
            base = words.name(2, 3)
            name = base + rng.choice(["ia", "a", "land", "ovia", "ania"])
            aliases = [name]
            if rng.random() < 0.5:
                aliases.append(f"Republic of {name}")
            if rng.random() < 0.5:
                aliases.append(f"{name} government")
            entry = Entry(_slug(name), section, kind, name, aliases, f"Country called {name}.")
            countries.append(entry)
        elif kind == "person":
            first, last = rng.choice(firsts), words.name(2, 3)
            name = f"{first} {last}"
            aliases = [name, last]
            if rng.random() < 0.5:
                aliases.append(f"{rng.choice(_PERSON_TITLES)} {last}")
            role = rng.choice(_PERSON_ROLES)
            entry = Entry(_slug(name), section, kind, name, aliases, f"{role} of a country.")
            entry.role = role
        elif section == "actors":
            name = f"{words.name(2, 3)} {rng.choice(_ORG_NOUNS[kind])}"
            aliases = [name]
            short = _acronym(name)
            if len(short) >= 2 and short not in acronyms and rng.random() < 0.7:
                acronyms.add(short)
                aliases.append(short)
            summary = f"{name}, {kind.replace('-', ' ')} in the synthetic archive."
            entry = Entry(_slug(name), section, kind, name, aliases, summary)
        else:
            word = words.name(2, 3)
            name = rng.choice(_LOCATION_SHAPES[kind]).format(w=word)
            aliases = [name] if name == word else [name, word]
            entry = Entry(_slug(name), section, kind, name, aliases, f"A {kind} called {name}.")
            if rng.random() < 0.5:
                lat, lon = rng.uniform(-60, 70), rng.uniform(-170, 170)
                entry.extra["coordinates"] = f"{{lat: {lat:.2f}, lon: {lon:.2f}}}"
        if kind != "country" and countries and rng.random() < 0.8:
            entry.country = rng.choice(countries).id
        if rng.random() < 0.3:
            entry.extra["wikidata"] = f"Q{rng.randint(1000, 9_999_999)}"
        entries.append(entry)
    return entries


class _Prose:
    """Sentences of filler prose, Zipf-distributed over a growing vocabulary."""

    def __init__(self, rng: random.Random, words: _Words) -> None:
        self.rng, self.words = rng, words
        tail = [words.fresh(1, 3, 3) for _ in range(_LONG_TAIL_N)]
        self.vocab = _COMMON + tail
        self.cum = list(accumulate(1.0 / (rank + 2) for rank in range(len(self.vocab))))

    def word(self) -> str:
        if self.rng.random() < _FRESH_WORD_RATE:
            return self.words.fresh(2, 3, 4)
        x = self.rng.random() * self.cum[-1]
        return self.vocab[bisect_left(self.cum, x)]

    def sentence(self, mention: str = "", length: int = 0) -> list[str]:
        rng = self.rng
        out = [self.word() for _ in range(length or rng.randint(10, 24))]
        if len(out) > 5 and rng.random() < 0.3:
            out[rng.randrange(2, len(out) - 2)] += ","
        if mention:
            out.insert(rng.randrange(0, len(out)), mention)
        out[0] = out[0][0].upper() + out[0][1:]
        out[-1] = out[-1].rstrip(",") + "."
        return out


class _Picker:
    """Zipf-weighted choice of glossary entries (rank order shuffled across kinds)."""

    def __init__(self, rng: random.Random, entries: list[Entry]) -> None:
        self.rng = rng
        self.order = entries[:]
        rng.shuffle(self.order)
        self.cum = list(accumulate(1.0 / (rank + 5) for rank in range(len(self.order))))

    def cast(self, size: int) -> list[Entry]:
        size = min(size, len(self.order))
        chosen: list[Entry] = []
        while len(chosen) < size:
            x = self.rng.random() * self.cum[-1]
            entry = self.order[bisect_left(self.cum, x)]
            if entry not in chosen:
                chosen.append(entry)
        return chosen


def _mention_forms(rng: random.Random, cast: list[Entry], count: int) -> list[str]:
    """``count`` mention strings: each cast member once in full, then any alias."""
    people = cast + [rng.choice(cast) for _ in range(max(0, count - len(cast)))]
    people = people[:count]
    seen: set[str] = set()
    forms = []
    for entry in people:
        alias = rng.choice(entry.aliases) if entry.id in seen else entry.aliases[0]
        seen.add(entry.id)
        if rng.random() < 0.15:
            alias += rng.choice(["’s", "'s"])
        forms.append(alias)
    return forms


def _article(rng: random.Random, prose: _Prose, picker: _Picker | None, number: int):
    target = rng.randint(600, 900)
    sections = rng.randint(2, 4)
    cast_size = rng.randint(3, 8)
    count = max(rng.randint(5, 15), cast_size)
    cast = picker.cast(cast_size) if picker else []
    forms = _mention_forms(rng, cast, min(count, 15)) if cast else []
    # Sentences first, then mentions dropped into distinct sentences in reading order.
    sentences: list[list[str]] = []
    words = sum(len(form.split()) for form in forms)
    while words < target:
        length = rng.randint(10, 24)
        if target - words - length < 10:
            length = target - words  # the last sentence makes the count exact
        sentence = prose.sentence(length=length)
        sentences.append(sentence)
        words += len(sentence)
    slots = sorted(rng.sample(range(len(sentences)), min(len(forms), len(sentences))))
    for slot, form in zip(slots, forms, strict=False):
        sentence = sentences[slot]
        sentence.insert(rng.randrange(1, len(sentence)), form)
    # Paragraphs of 2–5 sentences; headings between groups of paragraphs.
    paragraphs: list[str] = []
    i = 0
    while i < len(sentences):
        take = rng.randint(2, 5)
        paragraphs.append(" ".join(" ".join(s) for s in sentences[i : i + take]))
        i += take
    breaks = sorted(rng.sample(range(1, len(paragraphs)), min(sections, len(paragraphs) - 1)))
    body: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        if index in breaks:
            heading = " ".join(rng.choice(_HEADING_WORDS) for _ in range(rng.randint(1, 3)))
            body.append(f"## {heading.capitalize()}")
        body.append(paragraph)
    title_words = [prose.word() for _ in range(rng.randint(5, 10))]
    if cast:
        title_words.insert(rng.randrange(len(title_words)), cast[0].aliases[-1])
    title = " ".join(title_words)
    title = title[0].upper() + title[1:]
    summary = " ".join(prose.sentence(cast[0].aliases[0] if cast else ""))
    date = dt.date.fromordinal(rng.randint(_START, _END))
    slug = f"{_slug(' '.join(title_words[:6]))[:60].strip('-')}-{number:05d}"
    tags = rng.sample(_TAGS, rng.randint(1, 3))
    byline = f"{prose.words.name(2, 2)} {prose.words.name(2, 3)}"
    front = [
        "---",
        f'title: "{title}"',
        f"date: {date.isoformat()}",
        f"slug: {slug}",
        f'summary: "{summary}"',
        f'byline: "{byline}"',
        f'source: {{name: "Synthetic Wire", url: "https://wire.example/{slug}"}}',
        f"tags: [{', '.join(tags)}]",
        "---",
    ]
    text = "\n".join(front) + "\n\n" + "\n\n".join(body) + "\n"
    return slug, text, sum(len(p.split()) for p in paragraphs), len(forms)


def _entry_text(rng: random.Random, prose: _Prose, entry: Entry, by_id: dict[str, Entry]) -> str:
    front = ["---", f'name: "{entry.name}"', f"kind: {entry.kind}", "aliases:"]
    front += [f'  - "{alias}"' for alias in entry.aliases]
    front.append(f'summary: "{entry.summary}"')
    if entry.role:
        front.append(f'role: "{entry.role}"')
    if entry.country:
        front.append(f"country: {entry.country}")
    front += [f"{key}: {value}" for key, value in entry.extra.items()]
    front.append("---")
    country = by_id[entry.country].name if entry.country else ""
    paragraphs = [
        " ".join(" ".join(prose.sentence(country if i == 0 else "")) for i in range(3)),
        " ".join(" ".join(prose.sentence()) for _ in range(rng.randint(2, 4))),
    ]
    return "\n".join(front) + "\n" + "\n\n".join(paragraphs) + "\n"


def make_archive(
    n_articles: int, out_dir: Path | str, seed: int = 0, *, with_glossary: bool = True
) -> ArchiveInfo:
    """Write a synthetic content folder of ``n_articles`` articles into ``out_dir``.

    ``out_dir`` is replaced if it exists. With ``with_glossary=False`` the articles are
    byte-identical and no glossary entries are written.
    """
    out = Path(out_dir)
    if out.exists():
        shutil.rmtree(out)
    rng = random.Random(seed)
    words = _Words(rng)
    entries = _glossary(rng, words, max(1, n_articles // 5))
    prose = _Prose(rng, words)
    picker = _Picker(rng, entries)
    (out / "articles").mkdir(parents=True)
    total_words = total_mentions = 0
    for number in range(n_articles):
        slug, text, count, mentions = _article(rng, prose, picker, number)
        (out / "articles" / f"{slug}.md").write_text(text, encoding="utf-8")
        total_words += count
        total_mentions += mentions
    by_id = {e.id: e for e in entries}
    for entry in entries:
        text = _entry_text(rng, prose, entry, by_id)
        if with_glossary:
            folder = out / entry.section
            folder.mkdir(exist_ok=True)
            (folder / f"{entry.id}.md").write_text(text, encoding="utf-8")
    return ArchiveInfo(
        out, n_articles, len(entries) if with_glossary else 0, total_words, total_mentions
    )


def edit_one_article(content_dir: Path | str) -> Path:
    """Append a sentence to the last paragraph of the middle article (names nobody new)."""
    articles = sorted(Path(content_dir, "articles").glob("*.md"))
    path = articles[len(articles) // 2]
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(text + " An editor added this sentence after publication.\n", "utf-8")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic content folder.")
    parser.add_argument("n_articles", type=int)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-glossary", action="store_true")
    args = parser.parse_args(argv)
    info = make_archive(
        args.n_articles, args.out_dir, args.seed, with_glossary=not args.no_glossary
    )
    print(
        f"{info.articles} articles, {info.entries} glossary entries, {info.words} words, "
        f"{info.mentions} mentions in {info.content_dir}"
    )


if __name__ == "__main__":
    main()
