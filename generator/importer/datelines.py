"""Datelines that open a wire story: "GAZA CITY (AFP) —", "JERUSALEM, Aug 21 (Reuters) -"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.importer.credits import AGENCY_NAMES


def _words(text: str) -> list[str]:
    """A word list written as one string, to keep long tables readable."""
    return text.split()


_CAPS_PLACE = r"[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]*)*"
_PLACE = r"[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|al-\w+|de|of|the))*"
_REGION = rf"(?:,\s*{_PLACE})*(?:\s*\((?!{AGENCY_NAMES}\)){_PLACE}\))?"
_SHORT_DATE = (
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?)?"
)
_AGENCY_PAREN = rf"\s*\((?P<agency>{AGENCY_NAMES})(?:\s*/\s*{AGENCY_NAMES})*\)"
_DASH = r"\s*(?:—|–|--|-|:)(?:\s+|$)"
# A capitalised place may stand alone before the dash; a mixed-case one needs the agency,
# or any sentence that opens with a name and a dash would lose its first words.
_PATTERNS = (
    re.compile(
        rf"^(?P<line>(?P<place>{_CAPS_PLACE}){_REGION}{_SHORT_DATE}(?:{_AGENCY_PAREN})?{_DASH})"
    ),
    re.compile(rf"^(?P<line>(?P<place>{_PLACE}){_REGION}{_SHORT_DATE}{_AGENCY_PAREN}{_DASH})"),
    re.compile(rf"^(?P<line>\((?P<agency>{AGENCY_NAMES})\){_DASH})"),
)
# Capitalised labels that open a paragraph like a dateline but are not places.
_NOT_PLACES = frozenset(
    _words(
        "BREAKING UPDATE UPDATED WATCH LIVE EXCLUSIVE ANALYSIS OPINION VIDEO PHOTOS NOTE CORRECTION"
        " EDITOR'S EDITORS FILE WARNING ALERT FACT CHECK READ MORE RELATED COMMENT"
    )
)


@dataclass(frozen=True)
class Dateline:
    """The dateline as printed, the agency it credits ("" if none), and the text after it."""

    line: str
    agency: str
    rest: str


def split_dateline(paragraph: str) -> Dateline | None:
    """Split a leading dateline off a paragraph; None when the paragraph has none."""
    for pattern in _PATTERNS:
        match = pattern.match(paragraph)
        if match is None:
            continue
        place = match.groupdict().get("place") or ""
        rest = paragraph[match.end() :]
        agency = match.groupdict().get("agency") or ""
        if set(place.replace("’", "'").split()) & _NOT_PLACES or (len(place) < 4 and not agency):
            continue
        # The story proper starts like a sentence; "NATO — the alliance said" does not.
        if rest and not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "“\"‘'"):
            continue
        return Dateline(match["line"].strip(), agency, rest)
    return None
