"""The text ``explainer new`` scaffolds with, and the check that none of it is published.

A scaffold that passed ``check`` unchanged would put "write the article here" on the home
page. So the scaffold's summary and paragraph are fixed sentences that ``check`` refuses
for as long as they stand in an article.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.content.model import Article, Problem

SUMMARY = "Replace with one or two sentences on what the article is about."
PARAGRAPH = (
    "Replace this paragraph with the article: paragraphs separated by blank lines, "
    "`## ` before each subheading."
)


def _paragraph_line(article: Article) -> int:
    before = article.body[: article.body.index(PARAGRAPH)]
    return article.body_line + before.count("\n")


def placeholder_problems(articles: Iterable[Article]) -> list[Problem]:
    """An error for each scaffold sentence still standing in an article."""
    problems = []
    for article in articles:
        if article.summary == SUMMARY:
            problems.append(
                Problem(
                    article.path,
                    "summary",
                    "still the placeholder `explainer new` wrote; say what the article is about",
                    article.line_of("summary"),
                )
            )
        if PARAGRAPH in article.body:
            problems.append(
                Problem(
                    article.path,
                    "body",
                    "still holds the placeholder paragraph `explainer new` wrote; "
                    "replace it with the article",
                    _paragraph_line(article),
                )
            )
    return problems
