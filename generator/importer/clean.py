"""Characters a scraped page may carry that no article should: removed before it is written.

``explainer check`` refuses C0/C1 control characters anywhere in a file and lone surrogates
or non-characters in front-matter, so an importer that copied them would write articles the
build rejects. The rules, per character:

- Layout stays in the body: tab and newline; a carriage return, NEL, line or paragraph
  separator becomes a newline. One-line fields (title, byline, summary, source) fold every
  run of whitespace, those included, into one space.
- Vertical tab, form feed and the information separators (U+001C-U+001F) read as breaks
  between words, so each becomes a space; every other control character is removed.
- Invisible format characters are removed: bidi embeddings, overrides and isolates (they
  can make a line read differently from what it says), zero-width space, word joiner and
  invisible operators, the byte-order mark, soft hyphens (each would split a name so that
  its alias no longer matches), interlinear annotation marks and tag characters.
  In the body, zero-width joiner and non-joiner stay (emoji sequences, Persian and Indic
  spelling need them), and so do the left-to-right and right-to-left marks, which order
  mixed-script text without hiding or reordering anything else. One-line fields keep only
  what ``check`` accepts there (:mod:`generator.content.invisible`): a joiner where a script spells
  with it.
- Lone surrogates (from JSON escapes such as ``"\\ud800"``) and non-characters are removed.
- A no-break space is a character of the text ("10 km" kept on one line): it stays in the
  body, and folds to a space in one-line fields like any other space.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.content.invisible import without_invisible
from generator.content.model import Source
from generator.importer.model import DroppedLine, ImportedArticle

_LINE_BREAKS = re.compile("\r\n?|[\x85\u2028\u2029]")
_WORD_BREAKS = re.compile("[\x0b\x0c\x1c-\x1f]")
_REMOVED = re.compile(
    "["
    "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f"  # other C0 and C1 controls
    "\u00ad\u180e\u200b\u2060-\u2064\ufeff"  # soft hyphen, invisible separators
    "\u202a-\u202e\u2066-\u2069"  # bidi embeddings, overrides, isolates
    "\ufff9-\ufffb"  # interlinear annotation
    "\ud800-\udfff"  # lone surrogates
    "\ufdd0-\ufdef\ufffe\uffff"  # non-characters
    "\U000e0000-\U000e007f"  # tag characters
    "]"
)
# The last two code points of every supplementary plane are non-characters too.
_PLANE_NONCHARACTERS = re.compile(
    "["
    + "".join(
        f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)
    )
    + "]"
)


def clean_text(text: str) -> str:
    """``text`` without control and invisible format characters; line breaks as ``\\n``."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _WORD_BREAKS.sub(" ", text)
    return _PLANE_NONCHARACTERS.sub("", _REMOVED.sub("", text))


def clean_line(text: str) -> str:
    """``text`` cleaned and made one line: every run of whitespace becomes one space, and
    no formatting character is left that ``check`` refuses in a one-line field."""
    return " ".join(without_invisible(clean_text(text)).split())


def clean_article(article: ImportedArticle) -> ImportedArticle:
    """The article with every front-matter value, the body and the dropped lines cleaned."""
    source = article.source
    if source is not None:
        source = Source(name=clean_line(source.name), url=clean_line(source.url))
        source = source if source.name or source.url else None
    return replace(
        article,
        title=clean_line(article.title),
        byline=clean_line(article.byline),
        summary=clean_line(article.summary),
        source=source,
        body=clean_text(article.body),
        dropped=tuple(
            DroppedLine(clean_line(line.text), clean_line(line.reason)) for line in article.dropped
        ),
    )
