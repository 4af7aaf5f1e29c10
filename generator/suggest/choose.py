"""Which suggested names get a stub: the ones the contributor names, or picks from a list.

Writing every suggestion at once filled the glossary with stubs nobody wanted; a stub is
written only for a name the contributor chose, given by its name, its id or (when asked
at a terminal) its number in the ranked list.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from generator.content.slugs import slugify
from generator.output.terminal import printable
from generator.suggest.core import Candidate

LIST_LIMIT = 50  # candidates offered at the prompt; the rest are named with --write NAME


def select(
    candidates: Iterable[Candidate], wanted: Iterable[str]
) -> tuple[list[Candidate], list[str]]:
    """The candidates ``wanted`` names (by name, case-insensitively, or by id), in the order
    asked, and one message for each wanted name that is no candidate."""
    candidates = list(candidates)
    by_key: dict[str, Candidate] = {}
    for c in candidates:
        by_key.setdefault(c.name.casefold(), c)
        by_key.setdefault(c.id, c)
    chosen: list[Candidate] = []
    unknown: list[str] = []
    for name in wanted:
        found = by_key.get(" ".join(name.split()).casefold()) or by_key.get(slugify(name))
        if found is None:
            unknown.append(f"{name!r} is not a suggested name")
        elif found not in chosen:
            chosen.append(found)
    return chosen, unknown


def parse_answer(answer: str, candidates: list[Candidate]) -> list[str]:
    """The names an answer at the prompt picks: numbers from the list (spaces or commas
    between them) or names (commas between them): "1 3, Cairo, Abdel Fattah al-Sisi"."""
    picked = []
    for part in answer.split(","):
        words = part.split()
        if words and all(w.isdigit() and 1 <= int(w) <= len(candidates) for w in words):
            picked += [candidates[int(w) - 1].name for w in words]
        elif words:
            picked.append(" ".join(words))
    return picked


def ask(candidates: list[Candidate], inp: TextIO, out: TextIO) -> list[str]:
    """List the candidates with numbers, read one answer line, return the names picked."""
    shown = candidates[:LIST_LIMIT]
    for number, c in enumerate(shown, 1):
        label = f"{c.guess}/{c.kind}" if c.kind else c.guess
        print(printable(f"{number:>3}. {c.name} ({label})"), file=out)
    if len(candidates) > len(shown):
        print(f"     … and {len(candidates) - len(shown)} more (name them with --write)", file=out)
    print("Write stubs for (numbers or names, empty for none): ", end="", file=out, flush=True)
    return parse_answer(inp.readline(), shown)
