"""Which line under the headline names the author, and the names it gives.

A byline line may carry more than the names: "By Erin Cunningham March 18 at 3:57 PM Follow
@erin", "Le Monde | 04.05.2015 | Par Martin Untersinger", "by Lucas Nolan22 Dec 2016". The
names are read word by word from after "By" (or from the line's start) while the words look
like a name; each candidate line is then scored (a "By", closeness to the headline, a date
on the line, a name of two to four words) rather than matched against site strings.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from generator.importer import line_shape as shape
from generator.importer.dates import find_date

# Lines this far around the headline may carry its byline.
REACH_ABOVE = 4
REACH_BELOW = 10
_BY_WORDS = frozenset({"by", "par", "por", "von", "door", "di"})
_JOINERS = frozenset({"and", "&", "with", "et", "avec", "y", "und", "e"})
_PARTICLES = frozenset(
    [
        "de",
        "da",
        "del",
        "della",
        "der",
        "di",
        "du",
        "dos",
        "das",
        "van",
        "von",
        "le",
        "la",
        "al",
        "el",
        "bin",
        "ibn",
    ]
)
_STOPS = frozenset({"|", "-", "–", "—", "•", "·", "/"})
_MONTH = re.compile(
    r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?$",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^\(?[^\W\d_][\w.'’-]*\)?,?$")
_MAX_NAME_WORDS = 12


@dataclass(frozen=True)
class NamedLine:
    """What a line names as its author: the names as printed, and whether "By" led them."""

    names: str
    by: bool
    whole_line: bool


def _start(tokens: list[str]) -> tuple[int, bool]:
    """Where the names begin: after a leading "By", or after "| Par"; else at the start."""
    for position, token in enumerate(tokens):
        if token.lower() in _BY_WORDS and (position == 0 or tokens[position - 1] in _STOPS):
            return position + 1, True
    return 0, False


def _name_part(token: str) -> tuple[str, bool]:
    """The part of ``token`` that belongs to a name, and whether the name goes on after it."""
    core = token.strip("(),")
    if token in _STOPS or token.startswith("@") or _MONTH.match(core):
        return "", False
    digit = re.search(r"\d", token)
    if digit:  # "Nolan22": a name run into a date.
        head = token[: digit.start()]
        return (head, False) if len(head) > 1 and head[0].isupper() else ("", False)
    if core.lower() in _JOINERS or core.lower() in _PARTICLES:
        return token, True
    if _NAME_WORD.match(token) and core[:1].isupper():
        return token.rstrip(","), not token.endswith(",")
    return "", False


def named_line(text: str) -> NamedLine | None:
    """The names a line gives as its author (two words at least), or None."""
    tokens = text.split()
    start, by = _start(tokens)
    taken: list[str] = []
    for token in tokens[start:]:
        part, going_on = _name_part(token)
        if part:
            taken.append(part)
        if not going_on:
            break
    while taken and taken[-1].strip("()").lower() in _JOINERS | _PARTICLES:
        taken.pop()
    names = " ".join(taken)
    if names.count("(") != names.count(")"):
        names = names.replace("(", "").replace(")", "")
    if not 2 <= len(names.split()) <= _MAX_NAME_WORDS:
        return None
    return NamedLine(names, by, whole_line=len(taken) == len(tokens) - start)


def byline_features(
    text: str, named: NamedLine, index: int, title: int, rule_byline: bool, elsewhere: int
) -> dict[str, float]:
    """The feature table of one candidate byline line at ``index`` (headline at ``title``);
    ``rule_byline``: the hand rules read a byline there; ``elsewhere``: how many other lines
    of the page name the same person."""
    count = len(named.names.split())
    return {
        "by": float(named.by),
        "rule_byline": float(rule_byline),
        "whole_line": float(named.whole_line),
        "name_words": float(2 <= count <= 4),
        "after_title": float(index > title),
        "distance": math.log1p(abs(index - title)),
        "date_on_line": float(find_date(text) is not None),
        "capital_share": shape.capital_share(text),
        "all_caps": float(named.names.isupper()),
        "named_elsewhere": float(elsewhere > 0),
    }
