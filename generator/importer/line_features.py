"""Features of every line of a pasted page, for the fitted score "is this article text?".

A line is judged by its own shape (:mod:`.line_shape`), by where it stands relative to the
article's run of prose (the stretch of sentences, with only short gaps, after the
headline), by whether the page repeats it, and by its neighbours (prose around it, a menu
of short lines, or lines the hand rules already dropped).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from generator.importer import line_shape as shape
from generator.importer.model import Block

# Prose lines separated by at most this much other text belong to one run (a subheading,
# a caption and its credit, an advertisement slot, a photo gallery); a longer gap (a comment
# form, a list of other stories) ends the article. A line of symbols (code, "]") costs little,
# a line the rules dropped half as much as a line of words.
MAX_GAP = 9.0
# The article starts within this much text after its headline.
HEADLINE_REACH = 30.0
_NEIGHBOURS = 3
# A short line with brackets or an equals sign is a line of a code listing.
_CODE = re.compile(r"[{}\[\]();=]\s*$")
_CODE_WORDS = 4
_SHORT_WORDS = 4
_HEADING_MAX_WORDS = 12


@dataclass(frozen=True)
class Run:
    """A stretch of prose: first and last block index and the words of its prose lines."""

    start: int
    end: int
    words: int


@dataclass(frozen=True)
class ProseMap:
    """For each block: its words if it is prose (else 0), and what it costs as a gap."""

    words: tuple[int, ...]
    costs: tuple[float, ...]

    def run_from(self, index: int, reach: float = MAX_GAP) -> Run | None:
        """The run whose first prose line is the first one after ``index`` (within
        ``reach`` of gap), extended while the gaps stay within :data:`MAX_GAP`."""
        gap, start, end, total = 0.0, None, index, 0
        for position in range(index + 1, len(self.words)):
            if not self.words[position]:
                gap += self.costs[position]
                if gap > (reach if start is None else MAX_GAP):
                    break
                continue
            start = position if start is None else start
            end, total, gap = position, total + self.words[position], 0.0
        return Run(start, end, total) if start is not None else None

    def runs(self) -> list[Run]:
        """Every run of the page, in order."""
        found: list[Run] = []
        index = -1
        while (run := self.run_from(index, reach=float("inf"))) is not None:
            found.append(run)
            index = run.end
        return found


def _gap_cost(text: str, handled: bool) -> float:
    if handled:
        return 0.5
    letters = sum(c.isalpha() for c in text)
    code = len(text.split()) <= _CODE_WORDS and _CODE.search(text)
    return 0.1 if code or letters < 3 or shape.symbol_share(text) > 0.5 else 1.0


def prose_map(blocks: list[Block], handled: list[bool]) -> ProseMap:
    """Which blocks are prose (rule-dropped ones never are), and their gap costs."""
    words = tuple(
        len(b.text.split()) if not handled[i] and shape.is_prose(b.text) else 0
        for i, b in enumerate(blocks)
    )
    return ProseMap(words, tuple(_gap_cost(b.text, handled[i]) for i, b in enumerate(blocks)))


def _nearest(blocks: list[Block], handled: list[bool], index: int, step: int) -> Block | None:
    index += step
    while 0 <= index < len(blocks):
        if not handled[index]:
            return blocks[index]
        index += step
    return None


def _prose(block: Block | None) -> float:
    return float(block is not None and shape.is_prose(block.text))


def _heading_shape(text: str, before: Block | None, after: Block | None) -> float:
    """Short, capitalised, unpunctuated, with prose on both sides: a subheading's shape."""
    count = len(text.split())
    return float(
        1 <= count <= _HEADING_MAX_WORDS
        and shape.starts_like_sentence(text)
        and (not shape.ends_sentence(text) or text.rstrip().endswith("?"))
        and _prose(before) > 0
        and _prose(after) > 0
    )


def _share(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0


def _position(index: int, runs: list[Run], article: Run) -> dict[str, float]:
    """Where the line stands against the article's run and the page's other runs."""
    inside = next((run for run in runs if run.start <= index <= run.end), None)
    return {
        "in_article": float(article.start <= index <= article.end),
        "run_share": min(inside.words / max(article.words, 1), 2.0) if inside else 0.0,
        "after_article": math.log1p(index - article.end) if index > article.end else 0.0,
    }


def line_features(blocks: list[Block], handled: list[bool], article: Run) -> list[dict[str, float]]:
    """One feature table per block; ``article`` is the run of prose after the headline."""
    runs = prose_map(blocks, handled).runs()
    counts = Counter(shape.fold(block.text) for block in blocks)
    tables = []
    for index, block in enumerate(blocks):
        text = " ".join(block.text.split())
        before = _nearest(blocks, handled, index, -1)
        after = _nearest(blocks, handled, index, 1)
        around = [
            i for i in range(index - _NEIGHBOURS, index + _NEIGHBOURS + 1)
            if 0 <= i < len(blocks) and i != index
        ]  # fmt: skip
        tables.append(
            {
                "log_words": shape.log_words(text),
                "short": float(len(text.split()) <= 3),
                "sentence_end": float(shape.ends_sentence(text)),
                "prose": float(shape.is_prose(text)),
                "starts_capital": float(shape.starts_like_sentence(text)),
                "stop_share": shape.stop_share(text),
                "capital_share": shape.capital_share(text),
                "symbol_share": shape.symbol_share(text),
                "markup": float(shape.has_markup(text)),
                "repeated": float(counts[shape.fold(block.text)] > 1),
                "list": float(block.kind == "list"),
                "prose_before": _prose(before),
                "prose_after": _prose(after),
                "heading_shape": _heading_shape(text, before, after),
                "short_around": _share(
                    [len(blocks[i].text.split()) <= _SHORT_WORDS for i in around]
                ),
                "rules_around": _share([handled[i] for i in around]),
                **_position(index, runs, article),
            }
        )
    return tables
