"""Where names occur in article text, by the glossary's own matching rule.

Case-sensitive, whole words, longest first, aliases and suggested names together: a
mention counted here is one the site would link once the name has an entry, and a text
that an existing alias already links ("Antony Blinken" inside "Antony Blinken's") is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from generator.content.model import Article, Entity
from generator.suggest.prose import plain_text

_FIRST_WORD = re.compile(r"\w+")
# Typographic apostrophes read as straight ones, as the glossary matcher does.
_FOLD = str.maketrans({"’": "'", "ʼ": "'"})
# The owner of every existing alias (no name's key holds a control character): text an
# alias wins is already linked, so it is no mention of a new name.
ALIAS = "\x00alias"


@dataclass(frozen=True)
class Segment:
    """One field of an article (title, summary, body) as prose, its markup blanked."""

    field: str
    plain: str


class FormIndex:
    """Finds given forms in text: whole words, case-sensitive, longest form first."""

    def __init__(self, forms: Iterable[tuple[str, str]]) -> None:
        """``forms`` are ``(form, owner)`` pairs; a match reports the owner."""
        index: dict[str, list[tuple[str, str]]] = {}
        for form, owner in forms:
            folded = form.translate(_FOLD)
            first = _FIRST_WORD.match(folded)
            if first:
                index.setdefault(first.group(), []).append((folded, owner))
        for entries in index.values():
            entries.sort(key=lambda e: (-len(e[0]), e[0]))
        self._index = index

    def find(self, text: str) -> Iterator[tuple[int, int, str]]:
        """``(start, end, owner)`` of every match, in order; matches do not overlap.

        As on the site, the longest name wins: "Gaza health ministry" is a mention of the
        ministry, not of Gaza.
        """
        folded = " ".join(text.translate(_FOLD).split("\n"))
        covered = 0
        for word in _FIRST_WORD.finditer(folded):
            start = word.start()
            if start < covered:
                continue
            for form, owner in self._index.get(word.group(), ()):
                end = start + len(form)
                if folded.startswith(form, start) and not _word_char(folded, end):
                    covered = end
                    yield start, end, owner
                    break


def _word_char(text: str, index: int) -> bool:
    return index < len(text) and (text[index].isalnum() or text[index] == "_")


def alias_forms(entities: Iterable[Entity]) -> list[tuple[str, str]]:
    """Every entry's name and aliases, owned by :data:`ALIAS`, for a :class:`FormIndex`."""
    return [(form, ALIAS) for e in entities for form in dict.fromkeys((e.name, *e.aliases))]


def segments(article: Article) -> tuple[Segment, ...]:
    """The title, summary and body of ``article`` as prose."""
    fields = (
        ("title", article.title),
        ("summary", article.summary),
        ("body", plain_text(article.body)),
    )
    return tuple(Segment(name, text) for name, text in fields if text)
