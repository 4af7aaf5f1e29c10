"""Bylines, news-agency credits and datelines: lines that leave the body for the front-matter."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.importer.dates import date_line


def _words(text: str) -> list[str]:
    """A word list written as one string, to keep long tables readable."""
    return text.split()


# Wire services whose name in a byline or dateline makes them the source.
AGENCY_NAMES = (
    r"(?:Agence France[- ]Presse|AFP|Thomson Reuters|Reuters|REUTERS|The Associated Press|"
    r"Associated Press|AP|Bloomberg(?: News)?|dpa|DPA|EFE|ANSA|Xinhua|UPI|PA Media|PA|"
    r"Press Association|Kyodo(?: News)?|Yonhap|TASS|Anadolu(?: Agency)?|AAP|"
    r"The Canadian Press|Canadian Press|PTI|IANS|ANI|WAFA|KUNA|Interfax|Belga|Lusa|"
    r"Europa Press)"
)
AGENCY = re.compile(rf"^{AGENCY_NAMES}$")
# "with agencies" names no single publication, so it gives a byline but no source.
_AGENCY_OR_WIRES = rf"(?:{AGENCY_NAMES}|agencies|news agencies|wires|wire services)"
_WITH_AGENCY = re.compile(rf"^(?P<names>.+?)\s+(?:with|and|&)\s+(?P<agency>{_AGENCY_OR_WIRES})$")
_COMMA_AGENCY = re.compile(rf"^(?P<names>.+?)\s*(?:,|\||/|—|–|-)\s*(?P<agency>{AGENCY_NAMES})$")
_BY = re.compile(r"^(?:By|BY|by)\s+(?P<rest>.+)$")
_LABELLED = re.compile(r"^(?:Authors?|Words|Text|Story|Writer|Written by)\s*:\s*(?P<names>.+)$")
_CREDITS = re.compile(
    r"^[(\[]?\s*(?:(?:Additional\s+)?reporting|Writing|Written|Compiled|Reported|Editing|Edited|"
    r"Produced|Graphics|Research|Translated|Translation)\s+by\b",
    re.IGNORECASE,
)
_REPORTING_BY = re.compile(
    r"^[(\[]?\s*(?:reporting|written|writing|reported) by\s+(?P<names>[^;)\]]+)", re.IGNORECASE
)
_LONE_AGENCY = re.compile(rf"^[(\[—–-]*\s*(?P<agency>{AGENCY_NAMES})\s*[)\]]*\.?$")
_STAFF = re.compile(
    r"^(?:(?:[A-Z][\w'’.-]*|of|the)\s+){0,5}(?i:staff|correspondents?|reporters?|writers?|desk|team)$"
)
_READING_TIME = re.compile(
    r"^(?:\d+\s*(?:-\s*)?min(?:ute)?s?\.?(?:\s+read(?:ing)?(?:\s+time)?)?"
    r"|(?:estimated\s+)?read(?:ing)?\s+time\s*:?\s*\d+\s*min(?:ute)?s?)$",
    re.IGNORECASE,
)
_SEGMENT_SPLIT = re.compile(r"\s+[|·•]\s+|\s+[—–]\s+(?=\S)")
# "Source: Al Example and news agencies" names the publication (not a document cited).
_SOURCE_LINE = re.compile(
    r"^Sources?\s*:\s*(?P<name>(?:[A-Z][\w.'’&-]*\s*){1,5}?)"
    r"(?:\s*(?:and|,|&)\s*(?:news\s+)?(?:agencies|wires))?\.?$"
)
_TRAILING_BY = re.compile(r"^(?P<head>.+?)\s+by\s+(?P<names>[A-Z].*)$")
_MOVED = " (moved to front-matter)"
_PARTICLES = frozenset(
    _words(
        "de da del della der di du dos das van von le la al el bin ibn ben bint abu ter ten y e st"
    )
)


@dataclass(frozen=True)
class Credit:
    """What a metadata line says: byline, agency, dates; ``reason`` explains the drop."""

    reason: str
    byline: str = ""
    agency: str = ""
    published: dt.date | None = None
    updated: dt.date | None = None


def _is_person(name: str) -> bool:
    """'Jane Doe', 'J. R. Smith', "Tom O'Neil", 'Hala al-Masri', 'SHAUN TANDON'."""
    words = name.split()
    if not 1 <= len(words) <= 5:
        return False
    for word in words:
        lower = word.lower()
        if lower in _PARTICLES or lower.startswith(("al-", "el-")):
            continue
        if not (word[0].isupper() and all(ch.isalpha() or ch in ".'’-" for ch in word)):
            return False
    return True


def is_person_names(text: str, *, min_words: int = 1) -> bool:
    """True for one or more person names joined by commas, "and" or "&"."""
    parts = [p for p in re.split(r"\s*(?:,|&|\band\b)\s*", text.strip()) if p]
    return bool(parts) and all(_is_person(p) and len(p.split()) >= min_words for p in parts)


def _by_line(rest: str) -> bool:
    """The part after "By": names, an agency or a desk, then at most a short role or place."""
    parts = re.split(r"(,|\s+in\s+|\s+for\s+|\s+[-—–]\s+)", rest, maxsplit=1)
    head, tail = parts[0], parts[-1] if len(parts) > 1 else ""
    if len(tail.split()) > 8 or re.search(r"[.!?;:]$", rest):
        return False
    return is_person_names(head, min_words=2) or bool(AGENCY.match(head) or _STAFF.match(head))


def byline(text: str) -> Credit | None:
    """Recognise a byline ("By Jane Doe", "Shaun Tandon with AFP", "Jane Doe, Reuters")."""
    line = text.strip()
    if len(line) > 120:
        return None
    reason = "byline (moved to front-matter)"
    by = _BY.match(line)
    core = by["rest"] if by else line
    for pattern in (_WITH_AGENCY, _COMMA_AGENCY):
        match = pattern.match(core)
        if match and is_person_names(match["names"], min_words=2):
            agency = match["agency"] if AGENCY.match(match["agency"]) else ""
            return Credit(reason, byline=core, agency=agency)
    if by and _by_line(core):
        return Credit(reason, byline=core, agency=core if AGENCY.match(core) else "")
    match = _LABELLED.match(line)
    if match and is_person_names(match["names"]):
        return Credit(reason, byline=match["names"])
    return None


def credit_line(text: str) -> Credit | None:
    """Recognise "Reporting by ...; Editing by ...", a lone agency name, "Source: X"."""
    line = text.strip()
    if _CREDITS.match(line) and len(line.split()) <= 40:
        names = _REPORTING_BY.match(line)
        return Credit("reporting credits", byline=names["names"].strip() if names else "")
    lone = _LONE_AGENCY.match(line)
    if lone:
        return Credit("agency credit (moved to front-matter)", agency=lone["agency"])
    source = _SOURCE_LINE.match(line)
    if source:
        return Credit("source credit (moved to front-matter)", agency=source["name"].strip())
    return None


def _segment(text: str) -> Credit | None:
    """One piece of a metadata line: a byline, a date stamp, an agency or a reading time."""
    stamp = date_line(text)
    if stamp is not None:
        kind, when = stamp
        reason = "publication date (moved to front-matter)" if when else "publication time"
        return Credit(reason, updated=when) if kind == "updated" else Credit(reason, published=when)
    if _READING_TIME.match(text.strip()):
        return Credit("reading time")
    return byline(text) or credit_line(text)


def _pieces(text: str) -> list[str]:
    """A metadata line cut at separators, with "... by Name" split off its date."""
    pieces = [part for part in _SEGMENT_SPLIT.split(text.strip()) if part.strip()]
    split: list[str] = []
    for piece in pieces:
        match = _TRAILING_BY.match(piece)
        split += [match["head"], "By " + match["names"]] if match else [piece]
    return split


def _merge(parts: list[Credit]) -> Credit:
    if len(parts) == 1:
        return parts[0]
    reasons = dict.fromkeys(p.reason.removesuffix(_MOVED) for p in parts)
    return Credit(
        reason=" and ".join(reasons) + _MOVED,
        byline=next((p.byline for p in parts if p.byline), ""),
        agency=next((p.agency for p in parts if p.agency), ""),
        published=next((p.published for p in parts if p.published), None),
        updated=next((p.updated for p in parts if p.updated), None),
    )


def metadata_line(text: str) -> Credit | None:
    """A line made only of bylines, dates, agencies and reading times, merged into one Credit.

    "By Jane Doe | Published 21 August 2024 | 4 min read" and "Posted on April 9, 2024 by
    Priya Kaur" are such lines.
    """
    whole = _segment(text)
    if whole is not None:
        return whole
    found = [_segment(part) for part in _pieces(text)]
    if not found or any(part is None for part in found):
        return None
    return _merge([part for part in found if part is not None])
