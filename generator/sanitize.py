"""The HTML allow-list that contributed prose is reduced to (nh3, the Ammonia sanitizer).

Anything not listed here is removed: scripts and their content, event handlers, styles
other than table alignment, forms, frames, embedded SVG/MathML, and every URL scheme
except http, https and mailto (relative links stay).
"""

from __future__ import annotations

import nh3

_TEXT_TAGS = {
    "p",
    "br",
    "hr",
    "blockquote",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "del",
    "ins",
    "sub",
    "sup",
    "small",
    "mark",
    "abbr",
    "cite",
    "q",
    "code",
    "pre",
    "kbd",
    "samp",
    "var",
    "time",
    "span",
    "div",
    "figure",
    "figcaption",
}
_TABLE_TAGS = {"table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption"}
ALLOWED_TAGS = frozenset(_TEXT_TAGS | _TABLE_TAGS | {"a", "h1", "h2", "h3", "h4", "h5", "h6"})
_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "time": {"datetime"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "td": {"colspan", "rowspan", "style"},
}
_ADMONITIONS = {
    "note",
    "abstract",
    "info",
    "tip",
    "success",
    "question",
    "warning",
    "failure",
    "danger",
    "bug",
    "example",
    "quote",
}
# Classes contributed HTML may carry: those of the Markdown admonitions, which Markdown
# writes for "!!! note" anyway. No class the site's own scripts or styles key on (``ea-*``,
# ``md-*``): a contributed link must not pass for a mention and get its preview card.
_CLASSES = {
    "div": {"admonition", *_ADMONITIONS},
    "p": {"admonition-title"},
}
# Mentions are marked by the linker, after contributed HTML was cleaned, so only the
# second pass (over the linker's own output) lets this class through.
_MENTION_CLASSES = {**_CLASSES, "a": {"ea-mention"}}
# Contents of these go with the tag: their text is never prose.
_DROP_WITH_CONTENT = {
    "script",
    "style",
    "template",
    "noscript",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "textarea",
    "select",
    "title",
}


def _cleaner(classes: dict[str, set[str]]) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=_DROP_WITH_CONTENT,
        attributes={tag: set(names) for tag, names in _ATTRIBUTES.items()},
        allowed_classes={tag: set(names) for tag, names in classes.items()},
        filter_style_properties={"text-align"},
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
    )


# Built once: setting up the allow-list costs more than cleaning a paragraph.
_CONTRIBUTED = _cleaner(_CLASSES)
_LINKED = _cleaner(_MENTION_CLASSES)


def sanitize(html: str) -> str:
    """Reduce contributed ``html`` to the allow-list; the result is safe in any page."""
    return _CONTRIBUTED.clean(html)


def sanitize_linked(html: str) -> str:
    """Like :func:`sanitize`, for cleaned HTML the linker has marked mentions in."""
    return _LINKED.clean(html)
