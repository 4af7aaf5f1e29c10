"""Printing problems for people (text), tools (json) and GitHub Actions (annotations).

Paths, fields and messages carry contributor text (file names, front-matter keys and
values), so every one is passed through :func:`generator.output.terminal.printable` first: no
report line can steer the terminal or CI log it is printed to, or be split into two.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable

from generator.content.model import Problem
from generator.output.terminal import printable

FORMATS = ("text", "json", "github")
# How much of a long source line is shown around the column, before and after it.
_BEFORE, _AFTER = 60, 40


def _width(text: str) -> int:
    """Terminal columns ``text`` takes: wide East Asian characters two, combining marks none."""
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


def excerpt(problem: Problem) -> tuple[str, str] | None:
    """The problem's source line and a caret under its column, both safe to print."""
    if problem.source is None or not problem.column:
        return None
    at = problem.column - 1
    start = max(0, at - _BEFORE)
    lead = "…" if start else ""
    tail = "…" if len(problem.source) > at + _AFTER else ""
    # The caret is placed under the printable form: an escaped tab is four columns wide.
    before = lead + printable(problem.source[start:at])
    shown = before + printable(problem.source[at : at + _AFTER]) + tail
    return shown, " " * _width(before) + "^"


def _escape_annotation(value: str, *, is_property: bool = False) -> str:
    """Escape a value for a GitHub workflow command (after making it printable)."""
    value = printable(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if is_property:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def _json_report(ordered: list[Problem]) -> str:
    # A tool gets the same escaped text a person sees: valid UTF-8 (no lone surrogates
    # from undecodable file names), and no raw controls or bidi overrides to pass on.
    rows = [
        {
            "file": printable(p.path),
            "line": p.line,
            "column": p.column,
            "field": printable(p.field),
            "severity": p.severity,
            "message": printable(p.message),
            "source": None if p.source is None else printable(p.source),
        }
        for p in ordered
    ]
    return json.dumps({"problems": rows}, indent=2, ensure_ascii=False)


def _github_report(ordered: list[Problem]) -> str:
    lines = []
    for p in ordered:
        props = f"file={_escape_annotation(p.path, is_property=True)}"
        if p.line:
            props += f",line={p.line}"
            props += f",col={p.column}" if p.column else ""
        props += f",title={_escape_annotation(p.field, is_property=True)}"
        # The annotation's message may span lines: the source line and its caret follow.
        rows = [p.message, *(excerpt(p) or ())]
        message = "%0A".join(_escape_annotation(row) for row in rows)
        lines.append(f"::{p.severity} {props}::{message}")
    return "\n".join(lines)


def _gutter(problem: Problem) -> list[str]:
    """The source line under its number, and a caret under the column, as compilers show."""
    shown = excerpt(problem)
    if shown is None:
        return []
    number = str(problem.line or "")
    return [f" {number} | {shown[0]}", f" {' ' * len(number)} | {shown[1]}"]


def _text_report(ordered: list[Problem]) -> str:
    errors = [p for p in ordered if p.severity == "error"]
    warnings = [p for p in ordered if p.severity == "warning"]
    lines = []
    for label, group in (("error", errors), ("warning", warnings)):
        for p in group:
            lines.append(f"{label}: {printable(p.format())}")
            lines += _gutter(p)
    lines.append(f"{len(errors)} error(s), {len(warnings)} warning(s)")
    return "\n".join(lines)


def format_problems(problems: Iterable[Problem], fmt: str = "text") -> str:
    """All problems in one report: errors first, then warnings, each in file order."""
    ordered = sorted(problems, key=lambda p: (p.severity != "error", p.path, p.line or 0, p.field))
    if fmt == "json":
        return _json_report(ordered)
    if fmt == "github":
        return _github_report(ordered)
    return _text_report(ordered)
