"""Whether an alias found in a text stands there as a name, judged by the words around it.

Three rules, each about the text and never about particular names:

- **Capitalisation runs.** An alias inside a longer run of capitalised words is a part of
  another name ("Security Council" in "National Security Council", "Washington" in
  "Washington Post", "Israel" in "Bank of Israel"), unless the run before it ends with a
  title ("Prime Minister Benjamin Netanyahu", "President of Egypt"), a run after it begins
  with one ("US Secretary of State"), a neighbour is itself an alias ("Hamas Gaza chief"),
  a possessive ("Israel's Gaza offensive"), a date name, or a word that describes rather
  than names ("Israeli", or "Top" opening a sentence). Text in title case (every longer
  word capitalised) says nothing by its capitals, so the rule stays silent there.
- **Dates.** An alias that is a month or weekday ("May") is not a name next to a number
  or a date word ("May 2024", "on 3 May", "early May").
- **Sentence starts.** :meth:`NameContext.opens_sentence` tells the linker where a
  capital may come from the position alone; the linker decides what that means for an
  alias that is also an ordinary word.

A text here is the whole of one inline token (a paragraph, a heading, a table cell), so a
run is seen across emphasis and line breaks.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass

from generator.body.word_lists import WORDS, WordLists

# A word as the rules read it: letters, digits, marks, inner apostrophes, hyphens and dots
# ("Al-Thani", "U.S.", "Gen."). Looked for only in a short tail or head of the text.
_WORD_BEFORE = re.compile(r"([\w’'.\-]+)([ \t\u00a0\n]+)$")
_WORD_AFTER = re.compile(r"^([ \t\u00a0\n]+)([\w’'.\-]+)")
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
_NUMBER = re.compile(r"\d+(?:st|nd|rd|th)?[,.]?")
# Opening quotes and brackets that may stand between a sentence's start and its first word.
_OPENERS = "\"“‘'([«—– "
_ENDS = ".!?…:"
# How far the rules look either side of a match: a title or a word, never a paragraph.
_REACH = 64
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’"))


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def is_title_case(text: str) -> bool:
    """True when no word of four letters or more is in lower case (a headline)."""
    words = _LONG_WORD.findall(text)
    return bool(words) and not any(word[0].islower() for word in words)


class LowerWords(Container[str]):
    """The words a text writes in lower case, read on first use: few texts ever ask."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            self._words = frozenset(_LOWER_WORD.findall(self._text))
        return word in self._words


@dataclass(frozen=True)
class NameContext:
    """One inline text, the spans the matcher found in it, and what the article writes."""

    text: str
    # Where every alias found in the text starts and ends (offsets in ``text``).
    starts: frozenset[int]
    ends: frozenset[int]
    # Words the article writes in lower case somewhere: ordinary words, wherever they open
    # a sentence with a capital.
    lower_words: Container[str] = frozenset()
    # Capitals tell nothing in a headline: worked out once, not at every match.
    title_case: bool = False
    words: WordLists = WORDS

    @classmethod
    def of(
        cls, text: str, spans: list[tuple[int, int]], lower_words: Container[str] = frozenset()
    ) -> NameContext:
        """The context of ``text`` in which the matcher found ``spans`` (start, end)."""
        starts = frozenset(start for start, _ in spans)
        ends = frozenset(end for _, end in spans)
        return cls(text, starts, ends, lower_words, is_title_case(text))

    def is_name(self, start: int, end: int, alias: str) -> bool:
        """Whether ``text[start:end]`` (alias ``alias``, a possessive included) is a name."""
        if self._dated(start, end, alias):
            return False
        if self.title_case:
            return True
        return self._free_before(start) and self._free_after(start, end)

    def opens_sentence(self, start: int) -> bool:
        """True when the word at ``start`` is the first of its sentence."""
        before = self.text[max(0, start - _REACH) : start].rstrip(_OPENERS)
        if not before.strip() and start <= _REACH:
            return True
        last = before.rstrip()[-1:] if before.strip() else ""
        if last in "!?…:":
            return True
        if last != ".":
            return False
        word = _WORD_BEFORE.search(before.rstrip() + " ")
        # "Gen. Halevi" and "U.S. officials" go on; "in Gaza. Hamas" starts anew.
        token = word.group(1) if word else ""
        return token not in self.words.titles and not re.fullmatch(r"(?:\w\.)+", token)

    def _dated(self, start: int, end: int, alias: str) -> bool:
        if alias.casefold() not in self.words.months_and_weekdays:
            return False
        before = _WORD_BEFORE.search(self.text, max(0, start - _REACH), start)
        after = _WORD_AFTER.search(self.text[end : end + _REACH])
        return any(self._date_word(m.group(i)) for m, i in ((before, 1), (after, 2)) if m)

    def _date_word(self, word: str) -> bool:
        folded = word.casefold().rstrip(",.")
        return bool(_NUMBER.fullmatch(word)) or folded in (
            self.words.date_words | self.words.months_and_weekdays
        )

    def _free_before(self, start: int) -> bool:
        """Nothing before the match makes it a part of a longer capitalised name."""
        head = self.text[max(0, start - _REACH) : start]
        found = _WORD_BEFORE.search(head)
        if found and found.group(1) == "of":
            return self._free_before_of(start - len(found.group(0)))
        if not found or not _capitalised(found.group(1)):
            return True
        word = found.group(1)
        word_start = start - len(found.group(2)) - len(word)
        if word.endswith(".") and word not in self.words.titles:
            return True  # the previous sentence's last word ("Gaza. Hamas said")
        if word_start + len(word) in self.ends or _possessive(word):
            return True
        if self._ends_with_title(head.rstrip()) or self._describes(word):
            return True
        return self.opens_sentence(word_start) and self._ordinary(word)

    def _free_before_of(self, of_start: int) -> bool:
        """After "of": a capitalised word before it makes one name ("Bank of Israel"),
        unless that word is a title ("President of Egypt") or opens the sentence."""
        head = self.text[max(0, of_start - _REACH) : of_start]
        found = _WORD_BEFORE.search(head)
        if not found or not _capitalised(found.group(1)):
            return True
        word = found.group(1)
        word_start = of_start - len(found.group(2)) - len(word)
        if word.endswith(".") or _possessive(word) or word_start + len(word) in self.ends:
            return True
        if self._ends_with_title(head.rstrip()) or self._describes(word):
            return True
        # At a sentence's start the capital says nothing: "Residents of Gaza" is the
        # commoner reading, and recall goes first.
        return self.opens_sentence(word_start)

    def _free_after(self, start: int, end: int) -> bool:
        """Nothing after the match makes it a part of a longer capitalised name."""
        if _possessive(self.text[start:end]):
            return True
        tail = self.text[end : end + _REACH]
        found = _WORD_AFTER.match(tail)
        if not found or not _capitalised(found.group(2)):
            return True
        word = found.group(2)
        if end + len(found.group(1)) in self.starts:
            return True
        if self._describes(word) or word.rstrip(".,") in self.words.titles:
            return True
        return self._starts_with_title(tail[len(found.group(1)) :])

    def _ends_with_title(self, head: str) -> bool:
        return any(
            head.endswith(title) and not head[: len(head) - len(title)][-1:].isalnum()
            for title in self.words.titles
        )

    def _starts_with_title(self, tail: str) -> bool:
        return any(
            tail.startswith(title) and not tail[len(title) : len(title) + 1].isalnum()
            for title in self.words.titles
        )

    def _describes(self, word: str) -> bool:
        """A nationality or religion adjective, or a date name: it qualifies, not names."""
        folded = word.casefold().rstrip(".,")
        return folded in self.words.adjectives or folded in self.words.months_and_weekdays

    def _ordinary(self, word: str) -> bool:
        folded = word.casefold()
        return folded in self.words.openers or folded in self.lower_words
