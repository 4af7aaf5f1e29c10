"""Raw HTML in a body that would make sanitizing it take minutes: too many tags, too deep.

nh3's HTML parser (html5ever) is quadratic in how many elements are open at once. Two shapes
under the file size limit reach that depth: an inline formatting tag left open in each
paragraph (``<b>w`` in 64,000 paragraphs, 693 KB, took 134 s), because an HTML parser reopens
every open ``<b>``, ``<i>``, ``<a>``… in each new paragraph; and ``<div>`` opened in one block
and never closed (1.2 MB of them took 289 s). The checks below count tags before Markdown is
parsed, so tags inside code count too: the limits are far above any prose. The articles in
``content/`` and ``tests/sample`` have no raw HTML at all; nested formatting in prose is two or
three levels deep; a hand-written HTML table is under twenty levels.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from itertools import islice

MAX_HTML_TAGS = 5_000
MAX_OPEN_INLINE = 50
MAX_HTML_DEPTH = 50
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
# The elements an HTML parser reopens in every paragraph while they stay unclosed.
_FORMATTING = frozenset(
    [
        "a",
        "b",
        "big",
        "code",
        "em",
        "font",
        "i",
        "nobr",
        "s",
        "small",
        "strike",
        "strong",
        "tt",
        "u",
    ]
)
# Elements that nest nothing: void ones, and ones whose end tag is optional (a second ``<p>``
# or ``<li>`` closes the first), so that leaving them open is ordinary HTML.
_NOT_NESTING = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
        "p",
        "li",
        "dt",
        "dd",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "caption",
        "colgroup",
        "option",
        "optgroup",
        "rb",
        "rt",
        "rp",
    ]
)


def _open_problems(text: str, line_of: Callable[[int], int]) -> list[tuple[int, str]]:
    """The first place where too many inline tags, or nesting tags, stand open at once."""
    open_now: Counter[str] = Counter()
    depth = {True: 0, False: 0}  # open elements: inline formatting ones, and the others
    limits = {True: (MAX_OPEN_INLINE, _TOO_MANY_OPEN), False: (MAX_HTML_DEPTH, _TOO_DEEP)}
    problems: dict[bool, tuple[int, str]] = {}
    for tag in _TAG.finditer(text):
        closing, name = tag.group(1), tag.group(2).lower()
        if name in _NOT_NESTING:
            continue
        inline = name in _FORMATTING
        if closing:
            if open_now[name]:
                open_now[name] -= 1
                depth[inline] -= 1
            continue
        open_now[name] += 1
        depth[inline] += 1
        limit, message = limits[inline]
        if depth[inline] > limit and inline not in problems:
            problems[inline] = (line_of(tag.start()), message)
            if len(problems) == len(limits):
                break
    return sorted(problems.values())


_TOO_MANY_OPEN = (
    f"more than {MAX_OPEN_INLINE} inline HTML tags (<b>, <i>, <a>…) are left open here, "
    "which would take too long to render; close each where it ends"
)
_TOO_DEEP = (
    f"HTML nested more than {MAX_HTML_DEPTH} levels deep here (unclosed <div>, <span>…), "
    "which would take too long to render; close each element where it ends"
)


def html_limits(text: str, line_of: Callable[[int], int]) -> list[tuple[int, str]]:
    """Problems with the raw HTML in ``text`` as ``(line, message)``; ``line_of`` locates."""
    problems = _open_problems(text, line_of)
    total = sum(1 for _ in _TAG.finditer(text))
    if total > MAX_HTML_TAGS:
        first_over = next(islice(_TAG.finditer(text), MAX_HTML_TAGS, None))
        message = (
            f"{total} HTML tags in one body (the limit is {MAX_HTML_TAGS}) would take too "
            "long to render; write Markdown instead"
        )
        problems.append((line_of(first_over.start()), message))
    return problems
