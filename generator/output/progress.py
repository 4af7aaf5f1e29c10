"""A progress line for long builds and imports, shown only when it helps.

Nothing is printed for work that finishes within a couple of seconds, nor when the
output is not a terminal (CI logs and pipes stay clean).
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from generator.output.terminal import printable

QUIET_SECONDS = 2.0
REDRAW_SECONDS = 0.2


class Progress:
    """Call with ``(done, total, label)``; call :meth:`close` when the work is over."""

    def __init__(self, stream: TextIO | None = None, *, force: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.enabled = force or self.stream.isatty()
        self.started = time.monotonic()
        self.drawn_at = 0.0
        self.drawn = False

    def __call__(self, done: int, total: int, label: str) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        early = now - self.started < QUIET_SECONDS
        throttled = now - self.drawn_at < REDRAW_SECONDS
        finishing = done == total and self.drawn  # always show the final count
        if (early or throttled) and not finishing:
            return
        self.drawn_at = now
        self.drawn = True
        percent = 100 * done // total if total else 100
        # The label may name a contributor's file: only this line's own escape codes pass.
        self.stream.write(f"\r{printable(label)}: {done}/{total} ({percent}%)\033[K")
        self.stream.flush()

    def close(self) -> None:
        """End the progress line, if one was drawn."""
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
