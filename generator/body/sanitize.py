"""The HTML allow-list that contributed prose is reduced to (nh3, the Ammonia sanitizer).

Anything not listed here is removed: scripts and their content, event handlers, styles
other than table alignment, forms, frames, embedded SVG/MathML, and every URL scheme
except http, https and mailto (relative links stay). No ``img`` ever passes: the images a
body shows are put in after cleaning, built from verified files (``images.py``).

A body is sanitized once, after the linker has added its mention links, so the cleaner must
tell the linker's links from a contributor's ``<a class="ea-mention">``. The linker marks its
own with a class word that is random per process (:data:`MENTION_CLASS`): a contributor
cannot write it, and the cleaner turns exactly that class, and no other, into ``ea-mention``.
"""

from __future__ import annotations

import secrets

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
# Contents of these go with the tag: their text is never prose.
DROPPED_WITH_CONTENT = frozenset(
    {
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
)
# The class attribute the linker gives its links; the cleaner writes ``ea-mention`` for it.
MENTION_CLASS = f"ea-mention ea-{secrets.token_hex(16)}"


def _mention_only(element: str, attribute: str, value: str) -> str | None:
    """nh3's attribute filter: a link keeps a class only when the linker gave it."""
    if element == "a" and attribute == "class":
        return "ea-mention" if value == MENTION_CLASS else None
    return value


def _cleaner(**extra) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        allowed_classes={tag: set(names) for tag, names in _CLASSES.items()},
        filter_style_properties={"text-align"},
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
        **extra,
    )


# Built once: setting up the allow-list costs more than cleaning a paragraph.
_CONTRIBUTED = _cleaner(attributes={tag: set(names) for tag, names in _ATTRIBUTES.items()})
_RENDERED = _cleaner(
    attributes={
        **{tag: set(names) for tag, names in _ATTRIBUTES.items()},
        "a": {*_ATTRIBUTES["a"], "class"},
    },
    attribute_filter=_mention_only,
)


def sanitize(html: str) -> str:
    """Reduce contributed ``html`` to the allow-list; the result is safe in any page."""
    return _CONTRIBUTED.clean(html)


def sanitize_rendered(html: str) -> str:
    """Like :func:`sanitize`, for a rendered body: the linker's links keep ``ea-mention``."""
    return _RENDERED.clean(html)
