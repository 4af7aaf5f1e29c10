"""Names in a text, each with the cues its neighbouring words give."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.suggest import lexicon as lx
from generator.suggest.candidates import (
    Context,
    Found,
    Token,
    drop_sentence_opener,
    runs,
    split_run,
    starts_sentence,
    surface,
    surface_of,
    trim,
)
from generator.suggest.prose import TOKEN, Block, blocks

# The word before a name, and what separates them: spaces (markup blanked to spaces
# included), perhaps a comma ("his envoy, Brett McGurk").
_WORD_BEFORE = re.compile(r"([\w'’-]+)(\s*,?\s*)$")
_WORD_AFTER = re.compile(r"(?:['’]s)?[ \t]+([\w'’-]+)(?:[ \t]+([\w'’-]+))?")
MAX_PLACE_WORDS = 4
LOOK_BEHIND = 60  # characters searched for the word before a name
_APPOSITIVE = re.compile(
    r",\s+(?:who|whose)\b|,\s+(?:the|a|an|its|his|her|their)\s+"
    r"(?:[\w'’-]+\s+){{0,3}}?(?:{})\b".format("|".join(sorted(lx.ROLE_WORDS)))
)
HEADLINE = frozenset({"headline"})
_ORDINARY = lx.STOPWORDS | lx.NOT_NAMES | lx.DEMONYMS | lx.MONTHS | lx.WEEKDAYS | lx.TITLE_HEADS
_LABEL_WORDS = _ORDINARY | lx.TITLE_MODIFIERS | lx.NAME_PARTICLES


def find_names(text: str, ctx: Context) -> list[Found]:
    """Every name in ``text`` (plain prose), in order of appearance."""
    found: list[Found] = []
    for block in blocks(text):
        if not block.headline and _capitalises_ordinary_words(text[block.start : block.end], ctx):
            block = Block(block.start, block.end, headline=True)
        for run in runs(text, block.start, block.end):
            found.extend(_names_in_run(text, block, run, ctx))
    return found


def _names_in_run(text: str, block: Block, run: list[Token], ctx: Context) -> list[Found]:
    run = trim(run)
    if not run or text[run[0].start - 1 : run[0].start] in ("@", "#"):
        return []  # "@Uber_Sydney", "#Hamilton": handles and hashtags
    if block.headline or _title_of_a_work(run, starts_sentence(text, block.start, run[0].start)):
        return list(_known_names(text, run, ctx))
    opener = run[0] if starts_sentence(text, block.start, run[0].start) else None
    if opener is not None:
        run = drop_sentence_opener(run, ctx)
    found: list[Found] = []
    for part, cues in split_run(run, ctx) if run else ():
        weak = len(part) == 1 and part[0] is opener and not part[0].text.isupper()
        found += _found(text, block, part, cues, ctx, weak)
    return found


def _capitalises_ordinary_words(text: str, ctx: Context) -> bool:
    """Title Case told by its words: most long words capitalised, and a third of those written
    in lower case elsewhere in the archive ("How Winter Wreaks Havoc on ...")."""
    words = [w for w in TOKEN.findall(text) if len(w) > 3 and w[0].isalpha()]
    capitalised = [w for w in words[1:] if w[0].isupper() and not w.isupper()]
    if len(words) < 4 or len(capitalised) + 1 < 0.75 * len(words):
        return False
    ordinary = sum(w.lower() in ctx.lower_words for w in capitalised)
    return 3 * ordinary >= len(capitalised)


def _dateline(text: str, block: Block, part: list[Token], ctx: Context) -> bool:
    """A known place in capitals opening a paragraph before a dash or comma ("LONDON —")."""
    words = surface_of(part)
    if not words.isupper() or text[block.start : part[0].start].strip():
        return False
    follows = text[part[-1].end : part[-1].end + 3].lstrip()
    known = ctx.gazetteer.lookup(words.title()) is not None
    return known and follows[:1] in ("—", "–", "-", ",", "(")


def _title_of_a_work(run: list[Token], at_sentence_start: bool) -> bool:
    """ "You Loved Me Like a Distant Star", "Though It Were Written": capitalised function
    words stand in titles of works and headlines, not in names ("The" may open one)."""
    first = 1 if at_sentence_start or run[0].text == "The" else 0
    return any(
        t.text[0].isupper() and t.lower in lx.FUNCTION_WORDS and not t.text.isupper()
        for t in run[first:]
    )


def _known_names(text: str, run: list[Token], ctx: Context) -> Iterator[Found]:
    """In Title Case every word is capitalised: only acronyms and known places count."""
    i = 0
    while i < len(run):
        if run[i].lower in lx.STOPWORDS and not run[i].text.isupper():
            i += 1  # "The Middle East" is the Middle East
            continue
        for n in range(min(MAX_PLACE_WORDS, len(run) - i), 0, -1):
            part = run[i : i + n]
            acronym = n == 1 and len(part[0].text) > 1 and part[0].text.isupper()
            if (acronym and part[0].lower not in lx.NOT_ACRONYMS) or ctx.gazetteer.lookup(
                surface(text, part)
            ):
                # "headline": seen in Title Case, where capitals say nothing.
                yield Found(surface(text, part), part[0].start, part[-1].end, HEADLINE)
                i += n
                break
        else:
            i += 1


def _not_a_name(part: list[Token], text: str, ctx: Context) -> bool:
    """Runs that are ordinary words, labels or events rather than names."""
    if part[-1].lower in lx.EVENT_SUFFIXES:
        return True
    if all(_is_label(t) for t in part):
        # "Prime Minister" is a label; "European Parliament" names an institution.
        return len(part) == 1 or part[-1].lower not in lx.ORG_SUFFIXES
    if len(part) > 1:
        return False
    if _people_of_a_place(part, ctx):
        return True
    tok = part[0]
    if len(tok.text) == 1 or tok.lower in lx.NOT_ACRONYMS:
        return True
    if tok.text.isupper() or ctx.gazetteer.lookup(tok.text):
        return False
    return _is_adjective(tok, text)


def _people_of_a_place(part: list[Token], ctx: Context) -> bool:
    """ "Americans", "Palestinians", "New Yorkers": the people of a place, not a name."""
    last = part[-1].lower
    if not last.endswith("s") or part[-1].possessive:
        return False
    if len(part) == 1 and (last[:-1] in lx.DEMONYMS or last[:-1].endswith(lx.DEMONYM_ENDINGS)):
        return True
    stem = " ".join([t.text for t in part[:-1]] + [part[-1].text.removesuffix("ers")])
    return last.endswith("ers") and ctx.gazetteer.lookup(stem) is not None


def _is_label(tok: Token) -> bool:
    """An ordinary word, title or adjective; "US" in capitals is none of them."""
    return tok.lower in _LABEL_WORDS and not (len(tok.text) > 1 and tok.text.isupper())


def _is_adjective(tok: Token, text: str) -> bool:
    """ "Palestinian refugees", "Bavarian sister party": a place's adjective, not a name."""
    if not tok.lower.endswith(lx.DEMONYM_ENDINGS) or tok.possessive:
        return False
    after = _WORD_AFTER.match(text, tok.end)
    word = after.group(1) if after else ""
    return word[:1].islower() and word not in lx.SPEECH_VERBS | lx.ROLE_WORDS


def _cues_before(text: str, block_start: int, start: int) -> set[str]:
    # A short window: the regex is anchored at its end, and the block may be long.
    match = _WORD_BEFORE.search(text, max(block_start, start - LOOK_BEHIND), start)
    if match is None:
        return set()
    word, gap = match.group(1), match.group(2)
    lower = word.lower()
    if lower in lx.ROLE_WORDS and word.islower() and gap.strip() in ("", ","):
        return {"role"}
    if gap.strip():
        return set()
    if lower == "the":
        return {"the"}
    if lower in lx.PLACE_ADJECTIVES:
        return {"geo"}
    earlier = _WORD_BEFORE.search(
        text, max(block_start, match.start() - LOOK_BEHIND), match.start()
    )
    earlier_word = earlier.group(1).lower() if earlier else ""
    if lower == "of" and earlier_word in lx.PLACE_BEFORE_OF:
        return {"geo"}  # "west of Hodeidah"
    if lower == "in" and earlier_word in lx.NOT_PLACE_BEFORE_IN:
        return set()  # "shares in Nvidia"
    if lower in lx.WEAK_PLACE_PREPOSITIONS and (
        earlier_word.endswith("s") or earlier_word == "staff"
    ):
        return set()  # "activists from Greenpeace", "analysts at Jefferies"
    if lower in lx.PLACE_PREPOSITIONS:
        return {"prep"}
    return {"weak-prep"} if lower in lx.WEAK_PLACE_PREPOSITIONS else set()


def _modifies_noun(text: str, last: Token) -> bool:
    """True when a lower-case noun follows the name, so a "the" before it is the noun's."""
    after = _WORD_AFTER.match(text, last.end)
    word = after.group(1) if after and not last.possessive else ""
    if not word.islower() or word in lx.STOPWORDS | lx.SPEECH_VERBS:
        return False
    return not word.endswith("ed")  # "the Kremlin described", "the Greens said"


def _cues_after(text: str, last: Token) -> set[str]:
    cues = {"poss"} if last.possessive else set()
    rest = text[last.end : last.end + 120]
    if _APPOSITIVE.match(rest.removeprefix("'s").removeprefix("’s")):
        cues.add("person")
    after = _WORD_AFTER.match(text, last.end)
    if after and after.group(1) in lx.SPEECH_VERBS:
        cues.add("speaks")
    return cues


def _found(
    text: str, block: Block, part: list[Token], cues: frozenset[str], ctx: Context, weak: bool
) -> list[Found]:
    if _not_a_name(part, text, ctx):
        return []
    name, start, end = surface(text, part), part[0].start, part[-1].end
    before = _cues_before(text, block.start, start)
    after_cues = _cues_after(text, part[-1])
    if "prep" in before:
        after_cues.discard("person")  # "In Munich, the head of ...": the head is someone else
    all_cues = set(cues) | before | after_cues
    if part[-1].compound or _modifies_noun(text, part[-1]):
        all_cues.discard("the")  # "the Iran-backed group", "the Wolfsburg headquarters"
    if _dateline(text, block, part, ctx):
        all_cues.add("geo")  # "CAIRO — ...": a place in capitals, not an acronym
    elif len(part) == 1 and part[0].text.isupper():
        all_cues.add("acronym")
    after = _WORD_AFTER.match(text, end)
    words = [w for w in (after.groups() if after else ()) if w]
    if words and words[0] in lx.FEATURE_WORDS and not part[-1].possessive:
        # "the Rafah crossing": the feature word is part of the place's name.
        stop = after.start(1) + len(words[0])  # type: ignore[union-attr]
        return [Found(f"{name} {words[0]}", start, stop, frozenset(all_cues | {"feature"}))]
    ministry = _ministry(words)
    if ministry:
        # "the Gaza health ministry": an organisation, and a place that has it.
        stop = after.start(1) + len(" ".join(words[:ministry]))  # type: ignore[union-attr]
        place_cues = frozenset((all_cues - {"the"}) | {"geo"})
        org = Found(" ".join(text[start:stop].split()), start, stop, frozenset({"org"}))
        return [Found(name, start, end, place_cues), org]
    # "Volkswagen said ..." opens a sentence, but ordinary words rarely say things.
    weak = weak and not {"speaks", "poss"} & all_cues  # "Google's" owns something
    return [Found(name, start, end, frozenset(all_cues), weak=weak)]


def _ministry(words: list[str]) -> int:
    """How many of the next words make "<name> health ministry"; 0 when they do not."""
    if words and words[0] in lx.MINISTRY_WORDS:
        return 1
    if len(words) > 1 and words[0] in lx.PORTFOLIOS and words[1] in lx.MINISTRY_WORDS:
        return 2
    return 0
