"""Whatever a path, field or message holds, every report line is safe to print.

Checked with hypothesis over arbitrary text (controls, bidi controls, surrogates from
undecodable file names, line breaks, a forged summary line) in all three formats.
"""

from __future__ import annotations

import json
import os

from hypothesis import example, given
from hypothesis import strategies as st

from generator.content.model import Problem
from generator.output.terminal import printable
from generator.report import FORMATS, format_problems

FORGED = "\n0 error(s), 0 warning(s)\n"
# Any code point at all, lone surrogates included (as os.fsdecode makes them).
any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)
problems = st.lists(
    st.builds(
        Problem,
        path=any_text,
        field=any_text,
        message=any_text,
        line=st.none() | st.integers(1, 10_000),
        severity=st.sampled_from(["error", "warning"]),
    ),
    max_size=5,
)


def _lines(report: str) -> list[str]:
    # A terminal also starts a new line at a lone carriage return or another separator.
    return report.splitlines()


@given(problems, st.sampled_from(FORMATS))
@example([Problem(FORGED, FORGED, FORGED)], "text")
@example([Problem(os.fsdecode(b"caf\xe9\x1b]0;x\x07.md"), "\u202e", "\r\x9b2K")], "github")
def test_every_report_line_is_printable_utf8(found: list[Problem], fmt: str) -> None:
    report = format_problems(found, fmt)
    for line in _lines(report):
        assert line.isprintable(), line
        line.encode("utf-8")  # strict: no lone surrogate survives


@given(problems)
@example([Problem(FORGED, FORGED, FORGED, severity="warning")])
def test_no_forged_summary_line_in_a_text_report(found: list[Problem]) -> None:
    lines = _lines(format_problems(found, "text"))
    assert len(lines) == len(found) + 1  # one line per problem, then the summary
    summaries = [line for line in lines if line.endswith("warning(s)") and "error(s)" in line]
    assert summaries[-1] == lines[-1]
    assert all(line.startswith(("error: ", "warning: ")) for line in lines[:-1])


@given(problems)
def test_a_github_report_has_one_command_per_problem(found: list[Problem]) -> None:
    lines = _lines(format_problems(found, "github"))
    assert len(lines) == len(found)
    assert all(line.startswith(("::error file=", "::warning file=")) for line in lines)


@given(problems)
def test_a_json_report_carries_the_text_a_person_sees(found: list[Problem]) -> None:
    rows = json.loads(format_problems(found, "json"))["problems"]
    assert sorted(row["message"] for row in rows) == sorted(printable(p.message) for p in found)
