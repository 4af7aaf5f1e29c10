"""URL slugs: ASCII ``[a-z0-9]+(-[a-z0-9]+)*``, at most 80 characters."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

from unidecode import unidecode

MAX_SLUG_LENGTH = 80
SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Names that would collide with the site's own folders or files once built.
SITE_NAMES = frozenset({"index", "search", "assets", "sitemap", "404", "feed", "pagefind"})
# Windows device names: no file or folder may be called so, whatever its extension
# ("con.md", "aux.txt"), so git for Windows cannot check such a path out.
WINDOWS_DEVICE_NAMES = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(10)}
)
RESERVED_SLUGS = SITE_NAMES | WINDOWS_DEVICE_NAMES


def is_windows_device_name(file_name: str) -> bool:
    """True for ``con``, ``NUL.md``, ``com1.tar.gz``: names Windows keeps for devices."""
    return file_name.split(".", 1)[0].rstrip(" ").lower() in WINDOWS_DEVICE_NAMES


def is_valid_slug(value: str) -> bool:
    """True when ``value`` may be used as a slug or glossary id."""
    return (
        len(value) <= MAX_SLUG_LENGTH
        and SLUG_PATTERN.fullmatch(value) is not None
        and value not in RESERVED_SLUGS
    )


def slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """Transliterate ``text`` to ASCII and make it a slug, cut at a word boundary.

    Returns an empty string when nothing Latin remains (e.g. a title in a script that
    does not transliterate).
    """
    ascii_text = unidecode(unicodedata.normalize("NFKC", text)).lower()
    # Apostrophes join a word ("Israel's" -> "israels") rather than split it.
    ascii_text = re.sub(r"['’]", "", ascii_text)
    slug = _NON_ALNUM.sub("-", ascii_text).strip("-")
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1]
    return cut[: cut.rfind("-")] if "-" in cut else slug[:max_length]


def article_slug(title: str, date: dt.date) -> str:
    """The slug an article gets when its front-matter names none.

    From the title when it transliterates; otherwise the date plus a short hash of the
    title, so that two untransliterable titles on one day still differ.
    """
    slug = slugify(title)
    if slug and slug not in RESERVED_SLUGS:
        return slug
    digest = hashlib.sha256(title.encode("utf-8")).hexdigest()[:8]
    return f"{date.isoformat()}-{digest}"


def topic_id(tag: str) -> str:
    """The id of the topic a tag names: its slug, so that "Gaza" and "gaza!" are one topic.

    Non-Latin scripts are transliterated ("中东" is ``zhong-dong``). A tag that leaves no
    slug ("!!!", an emoji), or one whose slug the site keeps for itself ("Index"), gets
    ``topic-`` plus a short hash of its folded text: the same from build to build, and for
    its case variants.
    """
    slug = slugify(tag)
    if slug and slug not in RESERVED_SLUGS:
        return slug
    folded = " ".join(unicodedata.normalize("NFKC", tag).casefold().split())
    return "topic-" + hashlib.sha256(folded.encode("utf-8")).hexdigest()[:8]
