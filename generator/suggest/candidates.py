"""Runs of capitalised words, cut into names: the word-level half of finding names.

A run ("US Secretary of State Antony Blinken") is cut where a title ends and stripped of a
sentence's ordinary first word; :mod:`generator.suggest.finder` then reads each name's
context for the *cues* ("title", "the", "prep", ...) that :mod:`generator.suggest.classify`
weighs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from generator.suggest import lexicon as lx
from generator.suggest.gazetteer import Gazetteer
from generator.suggest.prose import TOKEN

_HYPHEN_PARTICLE = re.compile(
    r"(?:{})[-'’](?=[^\W\d_])".format("|".join(sorted(lx.HYPHEN_PARTICLES)))
)
_LOWER_PREFIX = re.compile(r"(?:pro|anti|non|post|pre|ex|pan|mid)-(?=[^\W\d_])")
# French elision ("l’Arcep", "d’Orsay"): the name is what follows, and only a capital
# after the apostrophe makes one ("d’accès", "l’être" are ordinary words).
_ELISION = re.compile(r"[dlDL]['’](?=[^\W\d_])")
# English contractions ("We’re", "I'm", "Don't") are never names.
_CONTRACTION = re.compile(r"\w+['’](?:re|ve|m|ll|d|t)$", re.IGNORECASE)
_ABBREVIATIONS = frozenset(
    ("mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "prof")
)
_SENTENCE_END = set('.!?:;"“”‘(…—–')


@dataclass(frozen=True)
class Token:
    """A word of the text: ``text[start:end]``, with what its ending told us."""

    text: str
    start: int
    end: int
    possessive: bool = False  # "Israel's": the name ends here
    compound: bool = False  # "Iran-backed": the name is "Iran" and ends here

    @property
    def lower(self) -> str:
        """The word in lower case, for looking it up in word lists."""
        return self.text.lower()


@dataclass(frozen=True)
class Found:
    """A name found at ``start:end`` of a text, with the cues its context gave."""

    name: str
    start: int
    end: int
    cues: frozenset[str]
    weak: bool = False  # one word opening a sentence: a name only if seen elsewhere


@dataclass(frozen=True)
class Context:
    """What the finder knows beyond the text: places, and words seen in lower case."""

    gazetteer: Gazetteer
    lower_words: frozenset[str] = frozenset()


def _token(match: re.Match[str]) -> Token:
    text, start, end = match.group(), match.start(), match.end()
    prefix = _LOWER_PREFIX.match(text) or _ELISION.match(text)
    if prefix:  # "pro-Russian", "anti-Israel": the name is what follows the prefix
        text, start = text[prefix.end() :], start + prefix.end()
    if text[-2:] in ("'s", "’s") and len(text) > 2:
        return Token(text[:-2], start, end - 2, possessive=True)
    head, _, tail = text.rpartition("-")
    if head and tail.lower() in lx.COMPOUND_ENDINGS and tail.islower():
        return Token(head, start, start + len(head), compound=True)
    return Token(text, start, end)


def _is_namelike(tok: Token, starts_run: bool) -> bool:
    if _CONTRACTION.match(tok.text):
        return False
    if tok.text[0].isupper():
        # "May" ends "Theresa May" but never opens a name; "Monday" never does either.
        return not (starts_run and tok.lower in lx.MONTHS | lx.WEEKDAYS)
    return bool(_HYPHEN_PARTICLE.match(tok.text))


def _joins(text: str, prev: Token, tok: Token) -> bool:
    """True when nothing but a space (or an abbreviation's full stop) separates two words."""
    gap = text[prev.end : tok.start]
    if prev.possessive or prev.compound or gap.count("\n") > 1:
        return False
    if not gap.strip():
        return True
    if gap.strip() == "." and (len(prev.text) == 1 or prev.lower in _ABBREVIATIONS):
        # "J. Smith", "Mr. Smith" -- but "on X. Officials said" ends a sentence.
        return tok.lower not in lx.STOPWORDS
    # "Kurdistan Workers' Party"
    return gap.strip() in ("'", "’") and prev.text.endswith("s") and tok.text[0].isupper()


def _particle_allowed(run: list[Token], tok: Token) -> bool:
    if tok.text == "&":
        return True
    if tok.text not in lx.NAME_PARTICLES | {"for"}:
        return False
    if tok.text == "the":
        return run[-1].text == "of"
    if tok.text in ("of", "for"):
        # "Bank of England", "Gulf of Aden", "Office for National Statistics" -- but in
        # "Remco Evenepoel of Soudal Quick-Step" the "of" joins two names. ("in" never
        # joins: "International Crisis Group in Erbil" is a group and a place.)
        return run[-1].lower in lx.OF_HEADS
    return True


def runs(text: str, start: int, end: int) -> Iterator[list[Token]]:
    """Runs of capitalised words in ``text[start:end]``, particles kept inside."""
    toks = [_token(m) for m in TOKEN.finditer(text, start, end)]
    run: list[Token] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if run and not _joins(text, run[-1], tok):
            yield run
            run = []
        if _is_namelike(tok, not run):
            run.append(tok)
        elif run and _particle_allowed(run, tok):
            # Keep particles only when a capitalised word follows: "Ursula von der Leyen".
            j = i
            while j + 1 < len(toks) and toks[j + 1].text in lx.NAME_PARTICLES:
                j += 1
            if (
                j + 1 < len(toks)
                and _is_namelike(toks[j + 1], False)
                and all(
                    _joins(text, a, b)
                    for a, b in zip(toks[i - 1 : j + 1], toks[i : j + 2], strict=True)
                )
            ):
                run.extend(toks[i : j + 1])
                i = j + 1
                continue
            yield run
            run = []
        elif run:
            yield run
            run = []
        i += 1
    if run:
        yield run


def trim(run: list[Token]) -> list[Token]:
    """Drop particles at either end."""
    while run and not _is_namelike(run[0], False):
        run = run[1:]
    while run and not _is_namelike(run[-1], False):
        run = run[:-1]
    return run


def starts_sentence(text: str, block_start: int, pos: int) -> bool:
    """True when only spaces, or the end of a sentence, stand before ``pos`` in its block."""
    i = pos - 1
    while i >= block_start and text[i].isspace():
        i -= 1
    return i < block_start or text[i] in _SENTENCE_END


def _is_common(tok: Token, ctx: Context) -> bool:
    """An ordinary word that happens to open a sentence ("Residents", "Shipping")."""
    if len(tok.text) > 1 and tok.text.isupper():
        return False  # "US" is no "us"
    if tok.lower in lx.STOPWORDS | lx.MONTHS | lx.WEEKDAYS:
        return True
    return tok.lower in ctx.lower_words and ctx.gazetteer.lookup(tok.text) is None


def drop_sentence_opener(run: list[Token], ctx: Context) -> list[Token]:
    """``run`` without its first word when that word is capitalised only for opening a
    sentence ("The White House", "Residents of Kiryat Shmona")."""
    first = run[0]
    if first.lower in lx.STOPWORDS and not first.text.isupper():
        return trim(run[1:])
    if len(run) > 1 and ctx.gazetteer.lookup(surface_of(run)):
        return run  # "Lower Saxony", though "lower" is an ordinary word
    if _is_common(first, ctx):
        return trim(run[1:])
    if first.text.isupper() or first.lower in lx.TITLE_HEADS | lx.TITLE_MODIFIERS:
        return run
    # "Residents of Kiryat Shmona": a word before "of" that heads no organisation or place.
    if (
        len(run) > 2
        and run[1].text == "of"
        and first.lower not in lx.ORG_HEADS
        and ctx.gazetteer.lookup(first.text) is None
    ):
        return trim(run[2:])
    return run


def _is_demonym(tok: Token) -> bool:
    return tok.lower in lx.DEMONYMS


def _title_span(run: list[Token]) -> tuple[int, int] | None:
    """Where a title ("Foreign Minister", "Secretary of State") stands in a run."""
    heads = [i for i, t in enumerate(run) if t.lower in lx.TITLE_HEADS]
    if not heads or run[-1].lower in lx.ORG_SUFFIXES:
        return None
    lo = hi = heads[0]
    while lo > 0 and run[lo - 1].lower in lx.TITLE_MODIFIERS and run[lo - 1].text[0].isupper():
        lo -= 1
    while hi + 1 < len(run) and run[hi + 1].lower in lx.TITLE_HEADS | lx.TITLE_MODIFIERS:
        hi += 1
    return lo, hi + 1


def split_run(run: list[Token], ctx: Context) -> Iterator[tuple[list[Token], frozenset[str]]]:
    """The names in a run, each with "title" when a title stood before it."""
    span = None if ctx.gazetteer.lookup(surface_of(run)) else _title_span(run)
    if span is None:
        yield run, frozenset()
        return
    lo, hi = span
    prefix, rest = trim(run[:lo]), trim(run[hi:])
    prefix_is_label = not prefix or all(_is_demonym(t) for t in prefix)
    if rest and run[hi - 1].text == "of":
        # "Emir of Qatar", "President of France Emmanuel Macron": a place completes the title.
        place = _leading_place(rest, ctx)
        if place:
            yield place, frozenset()
            rest = trim(rest[len(place) :])
    if rest:
        yield rest, frozenset({"title"})
        if not prefix_is_label:
            yield prefix, frozenset()
    elif not prefix_is_label:
        known = (len(prefix) == 1 and prefix[0].text.isupper()) or ctx.gazetteer.lookup(
            surface_of(prefix)
        )
        # "Burger King" is a name; in "US President said", only "US" is.
        yield (prefix if known else run), frozenset()


def _leading_place(run: list[Token], ctx: Context) -> list[Token]:
    """The longest start of ``run`` that the gazetteer knows, or nothing."""
    for n in range(len(run), 0, -1):
        if ctx.gazetteer.lookup(surface_of(run[:n])):
            return run[:n]
    return []


def surface_of(run: list[Token]) -> str:
    """The words of ``run`` joined by single spaces."""
    return " ".join(t.text for t in run)


def surface(text: str, run: list[Token]) -> str:
    """The words of ``run`` as written, a line break inside read as a space."""
    return " ".join(text[run[0].start : run[-1].end].split())
