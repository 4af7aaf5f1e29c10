"""What a page tells the site search (Pagefind) beyond its text: filters and a label.

A hidden block after a searchable page's own text names the actors, locations and topics
it is about, so that readers can narrow results to them, gives the short label shown beside a
result (an article's date, a glossary entry's kind) and may add words to find the page by
(a glossary entry's aliases). Only those words count as text; names and label do not.

The marks are in the generated page itself, not added by a renderer's plugin: the page's
own text and that block sit inside one ``data-pagefind-body`` element, and what follows
(listings of other pages, "in this article" boxes) outside it, so that a query finds the
page that is about something rather than every page that links to it. Pagefind indexes
only pages that have such an element, so index pages, which have none, stay out.

The element is a ``<div markdown="1">``: Markdown inside it (the title, subheadings for
the table of contents) is still Markdown to a renderer with ``md_in_html`` (MkDocs,
Zensical) and to any CommonMark renderer, where blank lines end the HTML block. Only the
generator writes that attribute: nh3 drops it from contributed HTML, and titles and
names reach the page escaped.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.content.model import Entity
from generator.site.markup import html_text

FILTER_OF_SECTION = {"actors": "actor", "locations": "location"}
BODY_START = '<div class="ea-page-text" data-pagefind-body markdown="1">'
BODY_END = "</div>"
# Pagefind weighs an h1 7 (of 10): an alias should rank like the name in the title.
TITLE_WEIGHT = 7
# Marks article pages, so that search can count articles apart from glossary pages (the
# refine buttons' counts, theme/assets/javascripts/search-worker.js).
ARTICLE_FILTER = "page:article"
TOPIC_FILTER = "topic"


def search_filter(entity: Entity) -> str:
    """The search filter an entity is offered under: its glossary section's."""
    return FILTER_OF_SECTION[entity.section]


def search_hints(
    label: str,
    entities: Iterable[Entity],
    words: str = "",
    names: Iterable[str] = (),
    *,
    article: bool = False,
    topics: Iterable[str] = (),
) -> str:
    """The hidden block: label, one filter per entity and per topic, extra words.

    ``names`` are other names of the page's subject, weighted like its title;
    ``article``: the page is an article (filter ``page: article``);
    ``topics``: the names of its topics (filter ``topic``).
    """
    ignored = "data-pagefind-ignore"
    spans = [f'<span data-pagefind-meta="label" {ignored}>{html_text(label)}</span>']
    if article:
        spans.append(f'<span data-pagefind-filter="{ARTICLE_FILTER}" {ignored}></span>')
    seen: set[str] = set()
    for entity in entities:
        if entity.id not in seen:
            seen.add(entity.id)
            name = html_text(entity.name)
            key = search_filter(entity)
            spans.append(f'<span data-pagefind-filter="{key}" {ignored}>{name}</span>')
    for topic in dict.fromkeys(topics):
        name = html_text(topic)
        spans.append(f'<span data-pagefind-filter="{TOPIC_FILTER}" {ignored}>{name}</span>')
    if words:
        spans.append(f"<span>{html_text(words)}</span>")
    others = ", ".join(html_text(name) for name in names)
    if others:
        spans.append(f'<span data-pagefind-weight="{TITLE_WEIGHT}">{others}</span>')
    return f'<div class="ea-search-hints" hidden>{"".join(spans)}</div>'


def searchable(text: str, hints: str) -> str:
    """The page's own ``text`` (Markdown) and its ``hints``, marked as what search indexes."""
    return f"{BODY_START}\n\n{text}\n\n{hints}\n\n{BODY_END}"
