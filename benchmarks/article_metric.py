"""The article-extraction benchmark's score, written here from its definition.

Each page's text and the extracted text become word 4-grams ("shingles"; a text of fewer
than four words is one shingle of all its words). Counted with multiplicity, a shingle in
both is a true positive, one only in the extraction a false positive, one only in the truth
a false negative. Each page's three counts are divided by their sum, so a long page weighs
no more than a short one. Precision is the mean over the pages where something was
extracted, recall the mean over the pages that have a text, and F1 their harmonic mean.
Words are runs of ``\\w`` characters, case kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

SHINGLE_WORDS = 4
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class PageCounts:
    """One page's shingle counts, as shares of their sum (all zero when both texts are empty)."""

    true_positive: float
    false_positive: float
    false_negative: float

    @property
    def precision(self) -> float:
        """Share of the extracted shingles that are in the truth (1.0 for a perfect page)."""
        if self.false_positive == self.false_negative == 0:
            return 1.0
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 0.0

    @property
    def recall(self) -> float:
        """Share of the truth's shingles that were extracted (1.0 for a perfect page)."""
        if self.false_positive == self.false_negative == 0:
            return 1.0
        wanted = self.true_positive + self.false_negative
        return self.true_positive / wanted if wanted else 0.0


@dataclass(frozen=True)
class Score:
    """The benchmark's figures over a set of pages."""

    f1: float
    precision: float
    recall: float
    pages: int


def shingles(text: str, size: int = SHINGLE_WORDS) -> Counter[tuple[str, ...]]:
    """The text's word ``size``-grams with their counts."""
    words = _WORD.findall(text)
    if len(words) < size:
        return Counter([tuple(words)] if words else [])
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def page_counts(truth: str, extracted: str) -> PageCounts:
    """How one extraction's shingles match the page's true text."""
    wanted, found = shingles(truth), shingles(extracted)
    both = sum((wanted & found).values())
    extra = sum((found - wanted).values())
    missed = sum((wanted - found).values())
    total = both + extra + missed
    if not total:
        return PageCounts(0.0, 0.0, 0.0)
    return PageCounts(both / total, extra / total, missed / total)


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def score(pages: Iterable[PageCounts]) -> Score:
    """Mean precision (pages with an extraction), mean recall (pages with a text), their F1."""
    counted = list(pages)
    precision = _mean([p.precision for p in counted if p.true_positive + p.false_positive > 0])
    recall = _mean([p.recall for p in counted if p.true_positive + p.false_negative > 0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(f1=f1, precision=precision, recall=recall, pages=len(counted))
