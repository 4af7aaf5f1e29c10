"""Work kept from one generator run to the next in a long-lived process (``serve``).

A rebuild after one edit makes almost every file from the same inputs as the run before.
A :class:`RunMemo` hands back what the previous run made from equal inputs instead of
making it again. Inputs are compared, never hashed: content that did not change is read
back as the very same objects (see ``read.py``), so comparing them is mostly identity
checks, and an edited file compares unequal at once.

Each run keeps only what it used, so a memo holds at most one archive's worth. The memos
of one pipeline live together in a :class:`generator.site.run_cache.RunCache`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any


class RunMemo:
    """Values made in the previous run, by key, reused when their inputs are equal.

    ``make`` must be a pure function of ``inputs``: the memo trusts that equal inputs make
    an equal value.
    """

    def __init__(self) -> None:
        self._previous: dict[Hashable, tuple[tuple, Any]] = {}
        self._current: dict[Hashable, tuple[tuple, Any]] = {}

    def get(self, key: Hashable, inputs: tuple, make: Callable[..., Any]) -> Any:
        """``make(*inputs)``, or the value the previous run made from equal inputs."""
        kept = self._previous.get(key)
        value = kept[1] if kept is not None and kept[0] == inputs else make(*inputs)
        self._current[key] = (inputs, value)
        return value

    def next_run(self) -> None:
        """Start a run: what the last run made becomes what this one may reuse."""
        if self._current:
            self._previous, self._current = self._current, {}

    def clear(self) -> None:
        """Forget everything."""
        self._previous, self._current = {}, {}
