"""Typed front-matter values: turn YAML data into checked Python values or precise messages.

Each checker returns ``(value, messages)``; a message is ``(field path, text)`` so that
nested values (``source.url``) are reported under their own name.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from urllib.parse import urlsplit

from generator.content.front_matter import is_date
from generator.content.invisible import describe_invisible, first_invisible
from generator.content.model import Coordinates, Source
from generator.content.schema import FieldSpec
from generator.content.slugs import is_valid_slug

Messages = list[tuple[str, str]]
MAX_LINE_LENGTH = 2000
# Neighbour words (``not_before``/``not_after``) are read beside every match of an alias:
# a few short words each, so that a hostile entry cannot make every match slow.
MAX_NEIGHBOURS = 20
MAX_NEIGHBOUR_LENGTH = 40
# Each tag is a topic with a page, a feed and a search filter: a label, not a sentence, and
# a handful per article, so that a contributor cannot make thousands of pages from one file.
MAX_TAGS = 12
MAX_TAG_LENGTH = 100
_WIKIDATA = re.compile(r"Q[1-9][0-9]*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Control characters (tab and newline aside), non-characters and lone surrogates.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def describe(value: object) -> str:
    """How a YAML value reads to someone who expected text, for error messages."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()} (YAML reads yes/no/on/off that way; quote it)"
    if isinstance(value, int | float):
        return f"the number {value!r} (quote it)"
    if is_date(value) or isinstance(value, dt.datetime):
        return f"the date {value} (quote it)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _text(name: str, value: object) -> tuple[str | None, Messages]:
    """A one-line string, whitespace folded, NFC-normalised."""
    if not isinstance(value, str):
        return None, [(name, f"expected text, got {describe(value)}")]
    # YAML escapes ("\0", "\e", "\ud800") bring in what the file's bytes may not contain.
    bad = _UNPRINTABLE.search(value)
    if bad:
        return None, [(name, f"character U+{ord(bad.group()):04X} is not allowed")]
    invisible = first_invisible(value)
    if invisible:
        return None, [(name, describe_invisible(invisible))]
    folded = " ".join(unicodedata.normalize("NFC", value).split())
    if not folded:
        return None, [(name, "is empty")]
    if len(folded) > MAX_LINE_LENGTH:
        return None, [(name, f"longer than {MAX_LINE_LENGTH} characters")]
    return folded, []


def _date(name: str, value: object) -> tuple[dt.date | None, Messages]:
    if is_date(value):
        return value, []  # type: ignore[return-value]
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip()), []
        except ValueError:
            return None, [(name, f"{value} is not a real date")]
    return None, [(name, f"expected a date YYYY-MM-DD, got {describe(value)}")]


def _slug(name: str, value: object) -> tuple[str | None, Messages]:
    if not isinstance(value, str):
        return None, [(name, f"expected an id, got {describe(value)}")]
    if not is_valid_slug(value):
        return None, [
            (
                name,
                f"{value!r} is not a valid id: use a-z, 0-9 and single hyphens, "
                "at most 80 characters, not a reserved name (index, search, …) "
                "nor a Windows device name (con, nul, com1, …)",
            )
        ]
    return value, []


def _url(name: str, value: object) -> tuple[str | None, Messages]:
    text, messages = _text(name, value)
    if text is None:
        return None, messages
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unbalanced "[" in the host
        return None, [(name, f"{text!r} is not an http(s) URL")]
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in text:
        return None, [(name, f"{text!r} is not an http(s) URL")]
    return text, []


def _source(name: str, value: object) -> tuple[Source | None, Messages]:
    if not isinstance(value, dict):
        return None, [(name, f"expected a mapping with name and url, got {describe(value)}")]
    messages: Messages = [
        (f"{name}.{key}", "unknown key (allowed: name, url)")
        for key in value
        if key not in ("name", "url")
    ]
    source_name, more = _text(f"{name}.name", value["name"]) if "name" in value else ("", [])
    url, more_url = _url(f"{name}.url", value["url"]) if "url" in value else ("", [])
    messages += more + more_url
    if not value:
        messages.append((name, "give a name, a url or both"))
    return (Source(source_name or "", url or "") if not messages else None), messages


def _list_of(check: Callable[[str, object], tuple[object, Messages]]):
    """A checker for a list whose items each pass ``check``."""

    def checker(name: str, value: object) -> tuple[tuple[object, ...] | None, Messages]:
        if not isinstance(value, list):
            return None, [(name, f"expected a list, got {describe(value)}")]
        items, messages = [], []
        for index, item in enumerate(value):
            checked, more = check(f"{name}[{index}]", item)
            items.append(checked)
            messages += more
        return (tuple(items) if not messages else None), messages

    return checker


def _alias(name: str, value: object) -> tuple[str | None, Messages]:
    text, messages = _text(name, value)
    if text is None:
        return None, messages
    last = text[-1]
    # A vowel sign or other combining mark may end a word (Hindi "मोदी").
    ends_a_word = last.isalnum() or last == "." or unicodedata.category(last).startswith("M")
    if not (text[0].isalnum() and ends_a_word):
        return None, [
            (name, f"{text!r} must begin with a letter or digit and end with one (or a full stop)")
        ]
    return text, []


def _aliases(name: str, value: object) -> tuple[tuple[str, ...] | None, Messages]:
    aliases, messages = _list_of(_alias)(name, value)
    if aliases is not None and not aliases:
        return None, [(name, "give at least one alias (usually the name itself)")]
    return aliases, messages  # type: ignore[return-value]


def _neighbour(name: str, value: object) -> tuple[str | None, Messages]:
    text, messages = _alias(name, value)
    if text is not None and len(text) > MAX_NEIGHBOUR_LENGTH:
        return None, [(name, f"longer than {MAX_NEIGHBOUR_LENGTH} characters; give a word")]
    return text, messages


def _neighbours(name: str, value: object) -> tuple[tuple[str, ...] | None, Messages]:
    words, messages = _list_of(_neighbour)(name, value)
    if isinstance(value, list) and len(value) > MAX_NEIGHBOURS:
        words = None
        messages = [(name, f"{len(value)} words; at most {MAX_NEIGHBOURS}"), *messages]
    return words, messages  # type: ignore[return-value]


def _tag(name: str, value: object) -> tuple[str | None, Messages]:
    text, messages = _text(name, value)
    if text is not None and len(text) > MAX_TAG_LENGTH:
        return None, [(name, f"longer than {MAX_TAG_LENGTH} characters; a topic is a short label")]
    return text, messages


def _tags(name: str, value: object) -> tuple[tuple[str, ...] | None, Messages]:
    tags, messages = _list_of(_tag)(name, value)
    if isinstance(value, list) and len(value) > MAX_TAGS:
        tags = None
        messages = [(name, f"{len(value)} tags; at most {MAX_TAGS}"), *messages]
    return tags, messages  # type: ignore[return-value]


def _wikidata(name: str, value: object) -> tuple[str | None, Messages]:
    if not isinstance(value, str) or not _WIKIDATA.fullmatch(value):
        return None, [(name, f"expected a Wikidata id such as Q42, got {value!r}")]
    return value, []


def _coordinates(name: str, value: object) -> tuple[Coordinates | None, Messages]:
    if not isinstance(value, dict) or set(value) != {"lat", "lon"}:
        return None, [(name, "expected {lat: <degrees>, lon: <degrees>}")]
    messages: Messages = []
    for key, limit in (("lat", 90), ("lon", 180)):
        number = value[key]
        if isinstance(number, bool) or not isinstance(number, int | float):
            messages.append((f"{name}.{key}", f"expected a number, got {describe(number)}"))
        elif not -limit <= number <= limit:
            messages.append((f"{name}.{key}", f"{number} is outside -{limit}..{limit}"))
    if messages:
        return None, messages
    return Coordinates(float(value["lat"]), float(value["lon"])), []


def _choice(spec: FieldSpec):
    def checker(name: str, value: object) -> tuple[str | None, Messages]:
        if value not in spec.choices:
            allowed = ", ".join(spec.choices)
            return None, [(name, f"{value!r} is not one of: {allowed}")]
        return value, []  # type: ignore[return-value]

    return checker


_CHECKERS: dict[str, Callable[[str, object], tuple[object, Messages]]] = {
    "line": _text,
    "date": _date,
    "slug": _slug,
    "id": _slug,
    "source": _source,
    "source-list": _list_of(_source),
    "line-list": _list_of(_text),
    "id-list": _list_of(_slug),
    "alias-list": _aliases,
    "neighbour-list": _neighbours,
    "tag-list": _tags,
    "wikidata": _wikidata,
    "coordinates": _coordinates,
}


def check_value(spec: FieldSpec, value: object) -> tuple[object, Messages]:
    """Check one front-matter value against its field spec."""
    checker = _choice(spec) if spec.type == "choice" else _CHECKERS[spec.type]
    return checker(spec.name, value)
