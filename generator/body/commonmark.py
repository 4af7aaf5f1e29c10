"""The Markdown dialect contributors write: CommonMark with GitHub's tables and strikethrough.

What GitHub's preview of a pull request shows is then what the site shows. Two extensions
keep what the archive had before: Material's admonitions (``!!! note "Title"``, the
``admon`` plugin of mdit-py-plugins) and definition lists (``Term`` then ``: definition``).
Bare URLs are not made links (GitHub does; the site never did).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.deflist import deflist_plugin

from generator.body.limits import MAX_NESTING

# markdown-it stops parsing (silently dropping the rest) past this many open tokens. Each
# level that limits.py allows opens at most three (a list, its item, a paragraph), so a body
# that passes the limits is never cut short.
_MAX_TOKEN_NESTING = 4 * MAX_NESTING


class _Parser(MarkdownIt):
    """markdown-it, leaving every link target to the sanitizer.

    markdown-it's own check turns ``[x](javascript:…)`` and ``![x](data:…)`` back into
    literal text, so the token stream would hide an image that ``check`` must report, and
    the literal text would differ from GitHub's preview. nh3 removes every URL that is not
    http, https, mailto or relative, whatever the parser made of it.
    """

    def validateLink(self, url: str) -> bool:
        """Every target is a link here; the sanitizer decides which targets survive."""
        return True


@functools.cache
def _parser() -> MarkdownIt:
    """One configured parser: building the rule chains costs more than a paragraph."""
    options = {"html": True, "maxNesting": _MAX_TOKEN_NESTING}
    return (
        _Parser("commonmark", options)
        .enable(["table", "strikethrough"])
        .use(admon_plugin)
        .use(deflist_plugin)
    )


def parse(text: str) -> list[Token]:
    """The token stream of ``text``: block tokens, each ``inline`` one holding its children."""
    return _parser().parse(text)


def to_html(tokens: Sequence[Token]) -> str:
    """``tokens`` (a run of whole blocks) as HTML; raw HTML in them is passed through."""
    parser = _parser()
    return parser.renderer.render(tokens, parser.options, {})
