"""The progress line: silent for short work and off a terminal, drawn otherwise."""

from __future__ import annotations

import io

import pytest

from generator.output import progress as progress_module
from generator.output.progress import Progress


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(progress_module.time, "monotonic", fake)
    return fake


@pytest.mark.parametrize(
    ("seconds", "force", "expected"),
    [
        (0.5, True, ""),  # short work: nothing
        (5.0, False, ""),  # not a terminal: nothing
        (5.0, True, "\rrendering articles: 10/10 (100%)\x1b[K\n"),
    ],
)
def test_progress_is_drawn_only_for_long_work_on_a_terminal(clock, seconds, force, expected):
    stream = io.StringIO()
    report = Progress(stream, force=force)
    clock.now = seconds
    report(10, 10, "rendering articles")
    report.close()
    assert stream.getvalue() == expected


def test_redraws_are_throttled(clock):
    stream = io.StringIO()
    report = Progress(stream, force=True)
    clock.now = 3.0
    for done in range(1, 100):
        report(done, 100, "x")
    assert stream.getvalue().count("\r") == 1
    clock.now = 3.5
    report(100, 100, "x")
    assert stream.getvalue().endswith("x: 100/100 (100%)\x1b[K")
