"""Printing problems for people (text), tools (json) and GitHub Actions (annotations)."""

from __future__ import annotations

import json
from collections.abc import Iterable

from generator.model import Problem

FORMATS = ("text", "json", "github")


def _escape_annotation(value: str, *, is_property: bool = False) -> str:
    """Escape a value for a GitHub workflow command."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if is_property:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_problems(problems: Iterable[Problem], fmt: str = "text") -> str:
    """All problems in one report: errors first, then warnings, each in file order."""
    ordered = sorted(problems, key=lambda p: (p.severity != "error", p.path, p.line or 0, p.field))
    if fmt == "json":
        rows = [
            {
                "file": p.path,
                "line": p.line,
                "field": p.field,
                "severity": p.severity,
                "message": p.message,
            }
            for p in ordered
        ]
        return json.dumps({"problems": rows}, indent=2, ensure_ascii=False)
    if fmt == "github":
        lines = []
        for p in ordered:
            props = f"file={_escape_annotation(p.path, is_property=True)}"
            if p.line:
                props += f",line={p.line}"
            props += f",title={_escape_annotation(p.field, is_property=True)}"
            lines.append(f"::{p.severity} {props}::{_escape_annotation(p.message)}")
        return "\n".join(lines)
    errors = [p for p in ordered if p.severity == "error"]
    warnings = [p for p in ordered if p.severity == "warning"]
    lines = []
    for label, group in (("error", errors), ("warning", warnings)):
        lines += [f"{label}: {p.format()}" for p in group]
    lines.append(f"{len(errors)} error(s), {len(warnings)} warning(s)")
    return "\n".join(lines)
