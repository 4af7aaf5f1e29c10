"""Topic pages: one per topic listing its articles newest first, and the topics index."""

from __future__ import annotations

from generator.site.markup import html_text, md_link, md_text
from generator.site.pages.common import Page, front_matter, plural
from generator.site.pages.listing import article_row
from generator.site.topics import Topic

INDEX_SRC = "topics/index.md"
# A topic page lists this many articles; the topic's search filter finds every one.
ARTICLES_ON_TOPIC = 100


def topic_src(topic_id: str) -> str:
    """Source path of a topic's page below the docs folder."""
    return f"topics/{topic_id}.md"


def topic_feed_path(topic_id: str) -> str:
    """Where a topic's Atom feed is built: beside its page (``topics/<id>/feed.xml``)."""
    return f"topics/{topic_id}/feed.xml"


def _search_word(name: str) -> str:
    """The filter word that finds a topic's articles in the search box, as typed there."""
    if all(not c.isspace() and c not in '"\\' for c in name):
        return f"topic:{name}"
    escaped = name.replace("\\", "\\\\").replace('"', '\\"')
    return f'topic:"{escaped}"'


def topic_page(topic: Topic) -> Page:
    """The page of one topic: its newest articles with date and summary, and its feed."""
    src = topic_src(topic.id)
    shown = topic.articles[:ARTICLES_ON_TOPIC]
    count = plural(len(topic.articles), "article")
    parts = [f"# {md_text(topic.name)}", f"{count} on this topic, newest first."]
    parts.append("\n".join(article_row(a, src) for a in shown))
    if len(shown) < len(topic.articles):
        word = md_text(_search_word(topic.name))
        parts.append(
            f"The {len(shown)} most recent are listed here; search with "
            f"<code>{word}</code> to find them all."
        )
    parts.append(
        f'<p class="ea-follow"><a href="feed.xml" type="application/atom+xml">'
        f'Follow {html_text(topic.name)} (Atom feed)</a> · <a href="../">All topics</a></p>'
    )
    meta = front_matter(topic.name, f"Articles on {topic.name}.", feed=topic_feed_path(topic.id))
    return Page(src, meta + "\n\n".join(parts) + "\n")


def topic_link(topic: Topic, src: str) -> str:
    """A Markdown link to a topic's page and its number of articles."""
    count = plural(len(topic.articles), "article")
    return f"{md_link(topic.name, src, topic_src(topic.id))} · {count}"


def topics_index(topics: tuple[Topic, ...]) -> Page:
    """Every topic A–Z with its number of articles."""
    intro = f"{plural(len(topics), 'topic')}, A–Z, each with its number of articles."
    if not topics:
        intro = "No article has a topic yet."
    rows = "\n".join(f"- {topic_link(t, INDEX_SRC)}" for t in topics)
    meta = front_matter("Topics", "Every topic of the archive and its articles.")
    body = "\n\n".join(part for part in ("# Topics", intro, rows) if part)
    return Page(INDEX_SRC, meta + body + "\n")
