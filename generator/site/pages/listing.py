"""The row every listing of articles shares: date, linked title, summary below."""

from __future__ import annotations

from generator.content.model import Article
from generator.site.markup import md_link, md_text
from generator.site.pages.article import article_src
from generator.site.pages.common import time_tag


def article_row(article: Article, src: str) -> str:
    """A Markdown list item for ``article`` on the page at ``src``."""
    row = f"- {time_tag(article.date)} · {md_link(article.title, src, article_src(article))}"
    return row + (f"  \n  {md_text(article.summary)}" if article.summary else "")
