"""``explainer new``: a new article file with valid front-matter, ready to write in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import frontmatter

from generator.slugs import article_slug


def new_article(content_dir: Path, title: str, date: dt.date) -> Path:
    """Create ``<content>/articles/<slug>.md``; refuse to replace an existing file."""
    slug = article_slug(" ".join(title.split()), date)
    path = content_dir / "articles" / f"{slug}.md"
    post = frontmatter.Post(
        "Write the article here: paragraphs separated by blank lines, `## ` for subheadings.\n",
        title=" ".join(title.split()),
        date=date,
        summary="One or two sentences that say what the article is about.",
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite
        handle.write(frontmatter.dumps(post, sort_keys=False) + "\n")
    return path
