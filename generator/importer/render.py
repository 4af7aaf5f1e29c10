"""An imported article as the file it becomes: YAML front-matter, then the Markdown body."""

from __future__ import annotations

from typing import Any

import yaml

from generator.importer.model import ImportedArticle


def front_matter(article: ImportedArticle) -> dict[str, Any]:
    """The front-matter fields in their fixed order; empty ones are left out."""
    fields: dict[str, Any] = {"title": article.title, "date": article.date}
    if article.slug:
        fields["slug"] = article.slug
    if article.byline:
        fields["byline"] = article.byline
    if article.source is not None:
        source = {"name": article.source.name, "url": article.source.url}
        source = {key: value for key, value in source.items() if value}
        if source:
            fields["source"] = source
    if article.summary:
        fields["summary"] = article.summary
    return fields


def render_article(article: ImportedArticle) -> str:
    """The article file's text. Strings that YAML would read as something else are quoted."""
    header = yaml.safe_dump(
        front_matter(article),
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=float("inf"),  # one line per value: a folded summary is hard to review
    )
    return f"---\n{header}---\n\n{article.body}\n"
