"""Which entry an alias shared by several entries names in one article.

The article decides, in this order: the entries its front-matter lists (``actors:`` and
``locations:``), then the entries it names by an alias of their own, then the entries
whose country it names. When one candidate is left at a step, that is the choice; when
none of the steps leaves exactly one, the mention is not linked and ``check`` asks the
contributor to choose.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Choices:
    """What an article says about the entries it names, for shared aliases to use."""

    # ``actors:`` and ``locations:`` of the article.
    listed: frozenset[str] = frozenset()
    # Entries the article names by an alias no other entry has.
    named: frozenset[str] = frozenset()
    # Each entry's ``country``, for entries that have one.
    countries: Mapping[str, str] | None = None

    def choose(self, candidates: tuple[str, ...]) -> str | None:
        """The one entry of ``candidates`` this article means, or ``None`` if it cannot say."""
        if len(candidates) == 1:
            return candidates[0]
        countries = self.countries or {}
        steps = (
            lambda c: c in self.listed,
            lambda c: c in self.named,
            lambda c: countries.get(c, "") in self.named | self.listed,
        )
        for step in steps:
            kept = [c for c in candidates if step(c)]
            if len(kept) == 1:
                return kept[0]
        return None
