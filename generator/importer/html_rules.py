"""Which elements of a page are furniture (navigation, figures, share bars) and why."""

from __future__ import annotations

import re

from bs4 import Tag


def _words(text: str) -> list[str]:
    """A word list written as one string, to keep long tables readable."""
    return text.split()


SILENT_TAGS = frozenset(
    _words(
        "script style noscript template head meta link svg canvas img picture source video audio "
        "iframe embed object input select textarea option map area track"
    )
)
_TAG_REASONS = {
    "nav": "navigation",
    "menu": "navigation",
    "aside": "sidebar",
    "footer": "page footer",
    "figure": "photo caption or credit",
    "figcaption": "photo caption or credit",
    "form": "form",
    "button": "button",
    "dialog": "pop-up",
}
_ROLE_REASONS = {
    "navigation": "navigation",
    "menu": "navigation",
    "menubar": "navigation",
    "banner": "page header",
    "contentinfo": "page footer",
    "complementary": "sidebar",
    "search": "form",
    "dialog": "pop-up",
    "alertdialog": "pop-up",
    "toolbar": "share buttons",
}
# Words in class and id names that mark page furniture, and the reason given for it.
_CLASS_REASONS = {
    **dict.fromkeys(
        _words("nav navigation navbar menu breadcrumb breadcrumbs skiplink"), "navigation"
    ),
    **dict.fromkeys(_words("share sharing social sharebar sharetools toolbar"), "share buttons"),
    **dict.fromkeys(
        _words(
            "related recirc recirculation recommended readmore outbrain taboola "
            "popular trending morestories"
        ),
        "related links",
    ),
    **dict.fromkeys(_words("newsletter subscribe subscription signup optin"), "newsletter sign-up"),
    **dict.fromkeys(
        _words(
            "ad ads advert adverts advertisement adslot adunit dfp sponsor sponsored "
            "promo promoted commercial"
        ),
        "advertisement",
    ),
    **dict.fromkeys(_words("cookie cookies consent gdpr"), "cookie notice"),
    **dict.fromkeys(_words("comment comments disqus discussion"), "comments"),
    **dict.fromkeys(_words("tags taglist topics keywords"), "tag list"),
    **dict.fromkeys(
        _words("caption captions credit credits figcaption"), "photo caption or credit"
    ),
    **dict.fromkeys(
        _words("byline byline__name author authors contributor"), "byline (moved to front-matter)"
    ),
    **dict.fromkeys(_words("hidden sr-only visually-hidden screen-reader-text"), "hidden text"),
    **dict.fromkeys(_words("paywall regwall piano"), "subscription prompt"),
    **dict.fromkeys(_words("modal popup overlay"), "pop-up"),
}
_EMBED_CLASSES = re.compile(r"twitter-tweet|instagram-media|tiktok-embed|fb-post|bluesky-embed")
INLINE_TAGS = frozenset(
    _words(
        "a abbr b bdi bdo cite code data dfn em font i kbd label mark q s samp small span strong "
        "sub sup time tt u var wbr del ins"
    )
)


def _tokens(tag: Tag) -> set[str]:
    """Class, id and component-name words, whole ("read-more") and split ("read", "more")."""
    named = [str(tag.get(key) or "") for key in ("id", "data-component", "data-testid")]
    raw = " ".join([*tag.get("class", []), *named]).lower()
    words = set(raw.split())
    return words | {part for word in words for part in re.split(r"[-_]+", word) if part}


def _hidden(tag: Tag) -> bool:
    style = str(tag.get("style") or "").replace(" ", "").lower()
    return tag.has_attr("hidden") or tag.get("aria-hidden") == "true" or "display:none" in style


def _holds_article(tag: Tag, guard: int) -> bool:
    return len(tag.get_text(" ", strip=True)) * 2 >= guard > 0


def _class_reason(tag: Tag) -> str | None:
    """The reason a class, id or component name gives, if any."""
    if _EMBED_CLASSES.search(" ".join(tag.get("class", []))):
        return "embedded social media post"
    tokens = _tokens(tag)
    # "pull" alone is a layout class ("pull-left" floats a block in Bootstrap).
    if tokens & {"pullquote", "pull-quote"} or {"pull", "quote"} <= tokens:
        return "pull quote (repeats the text)"
    return next((_CLASS_REASONS[t] for t in sorted(tokens) if t in _CLASS_REASONS), None)


def drop_reason(tag: Tag, guard: int) -> str | None:
    """Why an element is page furniture, or None. ``guard`` is the article's text length:
    a class name never removes an element that holds half the article's text, nor does a
    ``<form>`` (some sites wrap the whole page in one)."""
    if _hidden(tag):
        return "hidden text"
    if tag.name in _TAG_REASONS:
        if tag.name == "form" and _holds_article(tag, guard):
            return None
        return _TAG_REASONS[tag.name]
    role = str(tag.get("role") or "").lower()
    if role in _ROLE_REASONS:
        return _ROLE_REASONS[role]
    if tag.name in INLINE_TAGS:
        return None
    reason = _class_reason(tag)
    return None if reason and _holds_article(tag, guard) else reason
