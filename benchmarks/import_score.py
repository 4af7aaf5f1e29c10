"""How close an imported article is to the one a person wrote down by hand.

Pure functions over plain strings, so the scoring itself is table-tested
(``tests/test_import_score.py``). Text is compared after the folding a reader would not
notice: Unicode NFKC, curly quotes and dashes made plain, Markdown emphasis, link syntax and
heading marks removed, whitespace collapsed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

# A paragraph counts as kept when an output paragraph matches it this closely: small
# differences (a dropped footnote mark, a joined hyphen) are not a lost paragraph.
KEPT_SIMILARITY = 0.9
# Boilerplate this many words long or longer is "left" wherever it appears in the output;
# shorter lines ("Share", "Advertisement") only when they stand as a block of their own,
# since they also occur inside real sentences.
LONG_BOILERPLATE_WORDS = 5

_FOLD = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "–": "-",
        "—": "-",
        "−": "-",
        "\u00a0": " ",
        "…": "...",
    }
)
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_MARKS = re.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)|^#{1,6}\s+|^>\s?|^[-*+]\s+")
_SPACE = re.compile(r"\s+")
_BYLINE_PREFIX = re.compile(r"^(?:by|von|par|por)\s+", re.IGNORECASE)
_BYLINE_JOINERS = re.compile(r"\s*(?:,|\band\b|&|\bund\b|\bet\b|\by\b)\s*", re.IGNORECASE)


def normalise(text: str) -> str:
    """``text`` as compared: folded, without Markdown marks, one space between words."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    text = _MARKDOWN_LINK.sub(r"\1", text)
    text = "\n".join(_MARKDOWN_MARKS.sub("", line) for line in text.splitlines())
    text = text.replace("\\", "")
    return _SPACE.sub(" ", text).strip()


def markdown_blocks(body: str) -> list[str]:
    """The blocks of a Markdown body (paragraphs, headings, list items), normalised."""
    blocks = []
    for chunk in re.split(r"\n\s*\n", body):
        lines = [line for line in chunk.splitlines() if line.strip()]
        if lines and all(re.match(r"\s*(?:[-*+]|\d+[.)])\s", line) for line in lines):
            blocks += [normalise(re.sub(r"^\s*(?:[-*+]|\d+[.)])\s", "", x)) for x in lines]
        elif lines:
            blocks.append(normalise(" ".join(lines)))
    return [block for block in blocks if block]


def headings(body: str) -> list[str]:
    """The ``##``-style subheadings of a Markdown body, normalised."""
    return [normalise(line) for line in body.splitlines() if re.match(r"#{1,6}\s", line)]


def _similar(one: str, other: str) -> float:
    if not one or not other:
        return 0.0
    return SequenceMatcher(None, one, other, autojunk=False).ratio()


_LIST_MARKER = re.compile(r"^(?:[-*+•]|\d{1,3}[.)])\s+")


def paragraph_kept(expected: str, blocks: list[str], whole: str) -> bool:
    """Whether ``expected`` survives: inside the output's text, or close to one block.

    A list item is kept when it survives as one: :func:`markdown_blocks` reads the
    output's list markers away, so the expected line's marker is set aside too.
    """
    wanted = normalise(expected)
    forms = {wanted, _LIST_MARKER.sub("", wanted)}
    if any(form in whole for form in forms):
        return True
    return any(_similar(form, block) >= KEPT_SIMILARITY for form in forms for block in blocks)


def boilerplate_left(line: str, blocks: list[str], whole: str) -> bool:
    """Whether a line that had to go is still in the output."""
    unwanted = normalise(line)
    if not unwanted:
        return False
    if len(unwanted.split()) >= LONG_BOILERPLATE_WORDS:
        return unwanted in whole
    return unwanted in blocks


def same_title(expected: str, got: str) -> bool:
    """Titles match when they read the same (case, quotes, a final full stop aside)."""
    return normalise(expected).rstrip(".").casefold() == normalise(got).rstrip(".").casefold()


def _byline_names(text: str) -> list[str]:
    names = _BYLINE_JOINERS.split(_BYLINE_PREFIX.sub("", normalise(text)))
    return sorted(name.casefold() for name in names if name)


def same_byline(expected: str | None, got: str) -> bool:
    """Bylines match when they name the same people, however they are joined."""
    if not expected:
        return not got
    return _byline_names(expected) == _byline_names(got)


@dataclass(frozen=True)
class PageScore:
    """One imported page against its hand-written answer."""

    paragraphs: int
    kept: int
    boilerplate: int
    left: int
    title_right: bool
    byline_present: bool
    byline_right: bool
    subheadings: int
    subheadings_found: int
    date_right: bool
    failed: str = ""


def score_page(expected: dict, imported: dict | None, failure: str = "") -> PageScore:
    """Score ``imported`` (title, byline, date, summary, body) against ``expected``.

    ``imported`` None means the import failed (``failure`` says why): nothing was kept.
    """
    paragraphs = expected["paragraphs"]
    byline_present = bool(expected.get("byline"))
    if imported is None:
        return PageScore(
            len(paragraphs), 0, len(expected["boilerplate"]), 0, False, byline_present,
            False, len(expected["subheadings"]), 0, False, failure or "failed",
        )  # fmt: skip
    text = "\n\n".join([imported.get("summary", ""), imported["body"]])
    blocks = markdown_blocks(text)
    whole = " ".join(blocks)
    found_headings = headings(imported["body"])
    meta = [normalise(imported.get("byline", "")), normalise(imported.get("title", ""))]
    return PageScore(
        paragraphs=len(paragraphs),
        kept=sum(paragraph_kept(p, blocks, whole) for p in paragraphs),
        boilerplate=len(expected["boilerplate"]),
        left=sum(
            boilerplate_left(line, blocks + [m for m in meta if m], whole)
            for line in expected["boilerplate"]
        ),
        title_right=same_title(expected["title"], imported.get("title", "")),
        byline_present=byline_present,
        byline_right=byline_present and same_byline(expected["byline"], imported.get("byline", "")),
        subheadings=len(expected["subheadings"]),
        subheadings_found=sum(normalise(h) in found_headings for h in expected["subheadings"]),
        date_right=expected.get("date") is None
        or str(imported.get("date", "")) == expected["date"],
    )
