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
_CLASSES = {
    "a": {"ea-mention"},
    "div": {"admonition", *_ADMONITIONS},
    "p": {"admonition-title"},
}
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


# One sanitizer, built once: setting up the allow-list costs more than cleaning a paragraph.
_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=_DROP_WITH_CONTENT,
    attributes={tag: set(names) for tag, names in _ATTRIBUTES.items()},
    allowed_classes={tag: set(names) for tag, names in _CLASSES.items()},
    filter_style_properties={"text-align"},
    url_schemes={"http", "https", "mailto"},
    link_rel=None,
    strip_comments=True,
)


def sanitize(html: str) -> str:
    """Reduce ``html`` to the allow-list; the result is safe to put in any page."""
    return _CLEANER.clean(html)
