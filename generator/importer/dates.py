"""Dates as pages state them: ISO stamps in metadata, and "Published 21 August 2024" lines."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d\d"

# Each alternative names its parts so one function turns any of them into a date.
_DATE = (
    rf"(?P<iso>(?P<iy>{_YEAR})[-/](?P<im>[01]?\d)[-/](?P<id>[0-3]?\d))"
    rf"|(?P<dmy>(?P<dd>{_DAY})\.?\s+(?:of\s+)?(?P<dm>{_MONTH}),?\s+(?P<dy>{_YEAR}))"
    rf"|(?P<mdy>(?P<mm>{_MONTH})\s+(?P<md>{_DAY}),?\s+(?P<my>{_YEAR}))"
    rf"|(?P<num>(?P<n1>[0-3]?\d)(?P<sep>[./])(?P<n2>[0-3]?\d)(?P=sep)(?P<ny>{_YEAR}))"
)
DATE_PATTERN = re.compile(rf"(?<![\w/.-])(?:{_DATE})(?![\d/])", re.IGNORECASE)
_ISO_COMPACT = re.compile(rf"^(?P<y>{_YEAR})(?P<m>[01]\d)(?P<d>[0-3]\d)(?:T|$)")

_TIME = r"\d{1,2}(?:[:.]\d{2}){1,2}\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?"
_ZONE = r"\(?(?:[A-Z]{2,5}|UTC|GMT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?"
_PREFIX = (
    r"(?P<prefix>(?:first\s+)?published(?:\s+(?:on|at))?|posted(?:\s+(?:on|at))?|"
    r"(?:last\s+)?(?:updated|modified)(?:\s+(?:on|at))?|date[ds]?|released|issued)"
)
_GLUE = r"[\s,|·•–—-]*(?:at\s+|on\s+)?"
DATE_LINE = re.compile(
    rf"^(?:{_PREFIX}\s*:?\s*)?(?:(?:{_TIME})\s*(?:{_ZONE})?{_GLUE})?(?:{_WEEKDAY}\s*)?"
    rf"(?P<date>{_DATE})"
    rf"(?:{_GLUE}(?:{_TIME})(?:\s*{_ZONE})?)?\s*(?:{_ZONE})?\.?$",
    re.IGNORECASE,
)
# "Updated 3 hours ago": a publication stamp that gives no usable date.
RELATIVE_LINE = re.compile(
    rf"^(?:{_PREFIX}\s*:?\s*)?\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|d)"
    r"\s+ago\.?$",
    re.IGNORECASE,
)


def _to_date(year: str, month: int | str, day: str) -> dt.date | None:
    """A date from parts, or None when the parts name no real day."""
    try:
        return dt.date(int(year), int(month), int(re.sub(r"\D", "", day)))
    except ValueError:
        return None


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _from_match(match: re.Match[str]) -> dt.date | None:
    """Turn a :data:`DATE_PATTERN` match into a date; ambiguous numeric dates give None."""
    parts = match.groupdict()
    if parts["iso"]:
        return _to_date(parts["iy"], parts["im"], parts["id"])
    if parts["dmy"]:
        return _to_date(parts["dy"], _month(parts["dm"]), parts["dd"])
    if parts["mdy"]:
        return _to_date(parts["my"], _month(parts["mm"]), parts["md"])
    first, second = int(parts["n1"]), int(parts["n2"])
    # Dots mean day first (European usage); with slashes only an impossible month decides.
    if parts["sep"] == "." or first > 12:
        return _to_date(parts["ny"], second, parts["n1"])
    if second > 12:
        return _to_date(parts["ny"], first, parts["n2"])
    return None


def find_date(text: str) -> dt.date | None:
    """The first date written in ``text`` (ISO stamps, "21 Aug 2024", "August 21, 2024")."""
    compact = _ISO_COMPACT.match(text.strip())
    if compact:
        return _to_date(compact["y"], compact["m"], compact["d"])
    for match in DATE_PATTERN.finditer(text):
        found = _from_match(match)
        if found is not None:
            return found
    return None


def date_line(text: str) -> tuple[str, dt.date | None] | None:
    """Recognise a line that is only a publication stamp.

    Returns ``(kind, date)`` where kind is ``"updated"`` for "Updated: ..." lines and
    ``"published"`` otherwise; ``date`` is None when the stamp is relative or ambiguous.
    Returns None for any other line, such as prose that mentions a date.
    """
    line = text.strip()
    match = DATE_LINE.match(line) or RELATIVE_LINE.match(line)
    if match is None:
        return None
    prefix = (match.group("prefix") or "").lower()
    kind = "updated" if "updated" in prefix or "modified" in prefix else "published"
    if match.re is RELATIVE_LINE:
        return kind, None
    inner = DATE_PATTERN.search(match.group("date"))
    return kind, _from_match(inner) if inner else None


def parse_iso_argument(value: str) -> dt.date:
    """A ``YYYY-MM-DD`` command-line value as a date; ValueError for anything else."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(f"not a YYYY-MM-DD date: {value!r}")
    return dt.date.fromisoformat(value)
