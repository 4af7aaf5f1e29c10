"""A Python-Markdown renderer that skips searches which cannot match, output unchanged.

Most of Python-Markdown's time on prose goes to regular expressions that find nothing: each
paragraph is searched by every block test (quotes, headings, rules, definition lists,
admonitions) and every inline pattern (code, links, HTML, entities, emphasis), and patterns
such as ``(^|\\n)[ ]{0,3}>`` try every position of the paragraph. Each of the patterns below
cannot match a text without one of its *needles*: ``>`` for a quote, ``[`` for a link,
``&`` for an entity. A substring test (a fast ``memchr``) rules them out first.

The needles were read from the pattern sources; a pattern is only guarded while its source
has the fingerprint recorded here, so a Python-Markdown release that changes one simply
searches it as before.
"""

from __future__ import annotations

import inspect
import zlib
from collections.abc import Sequence

import markdown
from markdown import util
from markdown.treeprocessors import InlineProcessor


def _fingerprint(source: str) -> int:
    return zlib.crc32(source.encode("utf-8"))


# Inline pattern name: (needles, fingerprint of its regular expression's source).
_INLINE = {
    "backtick": (("`",), 391573250),
    "escape": (("\\",), 3320964053),
    "reference": (("[",), 414736811),
    "link": (("[",), 414736811),
    "image_link": (("![",), 1940380149),
    "image_reference": (("![",), 1940380149),
    "short_reference": (("[",), 414736811),
    "short_image_ref": (("![",), 1940380149),
    "autolink": (("<",), 4265115158),
    "automail": (("<",), 3405427451),
    "linebreak": (("  \n",), 88041669),
    "html": (("<",), 1093950570),
    "entity": (("&",), 2389613801),
    "em_strong": (("*", "_"), 3978024623),
}
# The loop that _QuickInline re-implements, as released: another release keeps its own loop.
_INLINE_LOOP = 3246345716
# Block processor name: (attribute holding the pattern, needles, fingerprint).
_BLOCK = {
    "quote": ("RE", (">",), 3296560909),
    "hashheader": ("RE", ("#",), 2752418828),
    "hr": ("SEARCH_RE", ("-", "_", "*"), 2762070439),
    "reference": ("RE", ("]:",), 3277728821),
    "deflist": ("RE", (":",), 1869739577),
    "admonition": ("RE", ("!!!",), 1448628807),
}


class _Needing:
    """A compiled pattern whose ``search`` skips text that holds none of ``needles``."""

    def __init__(self, pattern, needles: Sequence[str]) -> None:
        self._pattern, self._needles = pattern, needles

    def search(self, text: str, *args):
        """As ``re.Pattern.search``; ``None`` at once when no needle is in ``text``."""
        for needle in self._needles:
            if needle in text:
                return self._pattern.search(text, *args)
        return None

    def __getattr__(self, name: str):
        return getattr(self._pattern, name)


class _QuickInline(InlineProcessor):
    """The inline tree processor, trying a pattern only on text that holds one of its needles.

    It overrides the name-mangled loop of :class:`InlineProcessor` (its only change): a
    pattern skipped here is one the original would have searched without a match.
    """

    def run(self, tree, ancestors=None):
        """As the original; the needles are looked up once per document."""
        self._patterns = list(self.inlinePatterns)
        self._needles: list[frozenset[str] | None] = [None] * len(self._patterns)
        for name, (needles, fingerprint) in _INLINE.items():
            if name in self.inlinePatterns:
                pattern = self.inlinePatterns[name].getCompiledRegExp()
                if _fingerprint(pattern.pattern) == fingerprint:
                    index = self.inlinePatterns.get_index_for_name(name)
                    self._needles[index] = frozenset(needles)
        self._every = frozenset().union(*(n for n in self._needles if n is not None))
        self._all_guarded = None not in self._needles
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, index: int = 0) -> str:
        if isinstance(data, util.AtomicString):
            return data
        # Matches only ever replace text with placeholders (no needles in them), so the
        # needles present now are all that later patterns can find.
        present = frozenset(needle for needle in self._every if needle in data)
        if not present and self._all_guarded:
            return data
        patterns, needles = self._patterns, self._needles
        apply = self._InlineProcessor__applyPattern
        start = 0
        while index < len(patterns):
            wanted = needles[index]
            if wanted is not None and present.isdisjoint(wanted):
                # What the original does for a pattern without a match.
                index, start = index + 1, 0
                continue
            data, matched, start = apply(patterns[index], data, index, start)
            if not matched:
                index += 1
        return data


def markdown_renderer(extensions: Sequence[str]) -> markdown.Markdown:
    """A Markdown instance with ``extensions`` whose needless searches are skipped."""
    md = markdown.Markdown(extensions=list(extensions))
    loop = inspect.getsource(InlineProcessor._InlineProcessor__handleInline)
    if _fingerprint(loop) == _INLINE_LOOP:
        md.treeprocessors.register(_QuickInline(md), "inline", 20)
    for name, (attribute, needles, fingerprint) in _BLOCK.items():
        if name in md.parser.blockprocessors:
            processor = md.parser.blockprocessors[name]
            pattern = getattr(processor, attribute)
            if _fingerprint(pattern.pattern) == fingerprint:
                setattr(processor, attribute, _Needing(pattern, needles))
    return md
