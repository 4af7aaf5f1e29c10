"""Printing problems for people (text), tools (json) and GitHub Actions (annotations).

Paths, fields and messages carry contributor text (file names, front-matter keys and
values), so every one is passed through :func:`generator.terminal.printable` first: no
report line can steer the terminal or CI log it is printed to, or be split into two.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from generator.model import Problem
from generator.terminal import printable

FORMATS = ("text", "json", "github")


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
            "field": printable(p.field),
            "severity": p.severity,
            "message": printable(p.message),
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
        props += f",title={_escape_annotation(p.field, is_property=True)}"
        lines.append(f"::{p.severity} {props}::{_escape_annotation(p.message)}")
    return "\n".join(lines)


def _text_report(ordered: list[Problem]) -> str:
    errors = [p for p in ordered if p.severity == "error"]
    warnings = [p for p in ordered if p.severity == "warning"]
    lines = []
    for label, group in (("error", errors), ("warning", warnings)):
        lines += [f"{label}: {printable(p.format())}" for p in group]
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
