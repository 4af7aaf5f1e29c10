"""``explainer new``: a new article file with valid front-matter, ready to write in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import frontmatter

from generator.content import placeholders
from generator.content.schema import ARTICLE_FIELDS
from generator.content.slugs import article_slug
from generator.content.values import check_value

_TITLE = next(spec for spec in ARTICLE_FIELDS if spec.name == "title")


class ScaffoldError(ValueError):
    """The title given cannot make an article; nothing was written."""


def _checked_title(title: str) -> str:
    clean = " ".join(title.split())
    if not clean:
        raise ScaffoldError("the title is empty; give the article's headline")
    _, messages = check_value(_TITLE, clean)
    if messages:
        raise ScaffoldError("; ".join(text for _, text in messages))
    return clean


def new_article(content_dir: Path, title: str, date: dt.date) -> Path:
    """Create ``<content>/articles/<slug>.md``; refuse to replace an existing file.

    The summary and body are placeholders that ``check`` refuses until they are replaced,
    so a scaffold is never published unchanged. Raises :class:`ScaffoldError` for a
    title ``check`` would refuse, and ``FileExistsError`` rather than overwrite.
    """
    clean = _checked_title(title)
    slug = article_slug(clean, date)
    path = content_dir / "articles" / f"{slug}.md"
    post = frontmatter.Post(
        placeholders.PARAGRAPH + "\n", title=clean, date=date, summary=placeholders.SUMMARY
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite
        handle.write(frontmatter.dumps(post, sort_keys=False) + "\n")
    return path
