"""Tags that become one topic although they are spelled differently ("Gaza", "gaza!").

A topic's id is the slug of its tag, so such tags share one topic page, feed and search
filter; the page is named after the most used spelling. That is what a reader wants (one
place for one subject) and it never fails a build over a spelling. ``check`` still warns,
naming each spelling with the file and line that uses it, so that an editor can settle on
one, or rename a tag that only collides by accident ("C++" and "C").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from generator.content.model import Article, Problem
from generator.content.slugs import topic_id


def tag_spellings(articles: Iterable[Article]) -> dict[str, dict[str, list[Article]]]:
    """Topic id -> spelling -> the articles that use it, articles in path order."""
    found: dict[str, dict[str, list[Article]]] = defaultdict(lambda: defaultdict(list))
    for article in sorted(articles, key=lambda a: a.path):
        for tag in dict.fromkeys(article.tags):
            found[topic_id(tag)][tag].append(article)
    return found


def topic_name(spellings: dict[str, list[Article]]) -> str:
    """The spelling a topic is shown under: the most used, ties to the first in code order."""
    return min(spellings, key=lambda tag: (-len(spellings[tag]), tag))


def _where(article: Article) -> str:
    line = article.line_of("tags")
    return f"{article.path}:{line}" if line else article.path


def tag_collision_problems(articles: Iterable[Article]) -> list[Problem]:
    """A warning for each spelling of a topic other than the one its page is named after."""
    problems = []
    for topic, spellings in sorted(tag_spellings(articles).items()):
        if len(spellings) < 2:
            continue
        name = topic_name(spellings)
        first = _where(spellings[name][0])
        for tag, users in sorted(spellings.items()):
            if tag == name:
                continue
            for article in users:
                problems.append(
                    Problem(
                        article.path,
                        "tags",
                        f"{tag!r} and {name!r} ({first}) are one topic, {topic!r}, listed as "
                        f"{name!r}; write the tag the same way everywhere",
                        article.line_of("tags"),
                        severity="warning",
                    )
                )
    return problems
