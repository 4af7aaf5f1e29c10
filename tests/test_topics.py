"""Topics: ids from tags, spellings that collide, ordering, and the pages made of them."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
import yaml

from generator.content.model import Article
from generator.content.schema import ARTICLE_FIELDS
from generator.content.slugs import is_valid_slug, topic_id
from generator.content.topic_checks import tag_collision_problems
from generator.content.values import MAX_TAG_LENGTH, MAX_TAGS, check_value
from generator.site.crossref import CrossReference
from generator.site.lastmod import page_dates
from generator.site.pages.article import article_page
from generator.site.pages.feeds import atom_feed
from generator.site.pages.home import date_span, home_page
from generator.site.pages.search_hints import search_hints
from generator.site.pages.topics import ARTICLES_ON_TOPIC, topic_page, topics_index
from generator.site.topics import Topic, article_topics, collect_topics, most_used

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = '<script>alert("x")</script> *bold* [a](javascript:x) & \\ `code` #h'
TAGS_SPEC = next(spec for spec in ARTICLE_FIELDS if spec.name == "tags")


def art(slug: str, day: int, *tags: str, month: int = 8) -> Article:
    return Article(
        path=f"content/articles/{slug}.md",
        slug=slug,
        title=f"Title {slug}",
        date=dt.date(2024, month, day),
        body="Text.",
        summary=f"Summary of {slug}.",
        tags=tags,
        key_lines=(("title", 2), ("date", 3), ("tags", 5)),
    )


def meta_of(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("Gaza", "gaza"),
        ("gaza!", "gaza"),
        ("GAZA", "gaza"),
        ("Humanitarian aid", "humanitarian-aid"),
        ("Israel's war", "israels-war"),
        ("中东", "zhong-dong"),
        ("Ça va", "ca-va"),
        ("C++", "c"),
    ],
)
def test_a_topic_id_is_the_slug_of_its_tag(tag, expected):
    assert topic_id(tag) == expected


@pytest.mark.parametrize("tag", ["!!!", "😀", "—", "Index", "feed", "CON"])
def test_a_tag_without_a_usable_slug_gets_a_stable_hashed_id(tag):
    made = topic_id(tag)
    assert made.startswith("topic-") and len(made) == len("topic-") + 8
    assert is_valid_slug(made)
    assert topic_id(tag) == made  # the same from one build to the next


@pytest.mark.parametrize(("one", "other"), [("!!!", "???"), ("😀", "😃"), ("Index", "Feed")])
def test_different_unsluggable_tags_get_different_ids(one, other):
    assert topic_id(one) != topic_id(other)


def test_spacing_variants_of_an_unsluggable_tag_are_one_topic():
    assert topic_id("  !!! ") == topic_id("!!!")
    assert topic_id("😀  😀") == topic_id("😀 😀")


def test_every_topic_id_is_a_valid_slug_even_for_a_long_tag():
    assert is_valid_slug(topic_id("word " * 30))


def test_collect_topics_orders_a_to_z_and_each_topic_newest_first():
    articles = [art("a", 1, "Zebra", "beta"), art("b", 9, "beta"), art("c", 5, "Älpha")]
    topics = collect_topics(articles)
    assert [t.name for t in topics] == ["Älpha", "beta", "Zebra"]
    assert [a.slug for a in topics[1].articles] == ["b", "a"]


@pytest.mark.parametrize(
    ("uses", "shown"),
    [
        ([("a", "Gaza"), ("b", "gaza!"), ("c", "Gaza")], "Gaza"),  # the most used spelling
        ([("a", "gaza!"), ("b", "Gaza")], "Gaza"),  # a tie: the first in code-point order
        ([("b", "Gaza"), ("a", "gaza!")], "Gaza"),  # whatever the order of the files
        ([("a", "gaza!"), ("b", "gaza!"), ("c", "Gaza")], "gaza!"),
    ],
)
def test_colliding_spellings_make_one_topic_named_deterministically(uses, shown):
    articles = [art(slug, i + 1, tag) for i, (slug, tag) in enumerate(uses)]
    topics = collect_topics(articles)
    assert [(t.id, t.name, len(t.articles)) for t in topics] == [("gaza", shown, len(uses))]


def test_an_article_with_two_spellings_of_a_topic_is_listed_once():
    article = art("a", 1, "Gaza", "gaza!", "GAZA")
    (topic,) = collect_topics([article])
    assert topic.articles == (article,)
    assert [t.id for t in article_topics(article, {topic.id: topic})] == ["gaza"]


def test_check_warns_on_each_other_spelling_naming_both_with_file_and_line():
    problems = tag_collision_problems([art("a", 1, "Gaza"), art("b", 2, "gaza!")])
    assert [(p.path, p.line, p.field, p.severity) for p in problems] == [
        ("content/articles/b.md", 5, "tags", "warning")
    ]
    message = problems[0].message
    assert "'gaza!'" in message and "'Gaza'" in message and "content/articles/a.md:5" in message


def test_one_spelling_everywhere_is_no_problem():
    assert tag_collision_problems([art("a", 1, "Gaza"), art("b", 2, "Gaza", "Gaza")]) == []


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (["x" * (MAX_TAG_LENGTH + 1)], f"longer than {MAX_TAG_LENGTH} characters"),
        ([f"t{i}" for i in range(MAX_TAGS + 1)], f"{MAX_TAGS + 1} tags; at most {MAX_TAGS}"),
        (["ok", ""], "is empty"),
        (["ok", 3], "expected text"),
        ("ceasefire", "expected a list"),
    ],
)
def test_tag_limits_are_checked(value, message):
    checked, messages = check_value(TAGS_SPEC, value)
    assert checked is None
    assert any(message in text for _, text in messages), messages


def test_tags_within_the_limits_pass():
    value = ["x" * MAX_TAG_LENGTH] + [f"t{i}" for i in range(MAX_TAGS - 1)]
    assert check_value(TAGS_SPEC, value) == (tuple(value), [])


def test_topic_page_lists_newest_first_with_date_summary_and_feed():
    (topic,) = collect_topics([art("old", 1, "Talks"), art("new", 20, "Talks")])
    page = topic_page(topic)
    assert page.path == "topics/talks.md"
    assert page.text.index("articles/new.md") < page.text.index("articles/old.md")
    assert '<time datetime="2024-08-20">20 August 2024</time>' in page.text
    assert "Summary of new." in page.text
    assert meta_of(page.text)["feed"] == "topics/talks/feed.xml"
    assert '<a href="feed.xml" type="application/atom+xml">' in page.text


def test_a_long_topic_page_is_bounded_and_says_how_to_find_the_rest():
    articles = [art(f"a{i}", 1 + i % 28, "Big topic", month=1 + i // 28) for i in range(150)]
    (topic,) = collect_topics(articles)
    page = topic_page(topic)
    assert page.text.count("- <time") == ARTICLES_ON_TOPIC
    assert '<code>topic:"Big topic"</code>' in page.text


def test_a_hostile_tag_is_escaped_in_page_front_matter_index_and_feed():
    (topic,) = collect_topics([art("a", 1, HOSTILE)])
    page = topic_page(topic)
    body = page.text.split("---\n", 2)[2]
    assert "<script>" not in page.text
    assert "&lt;script&gt;" in body and "\\*bold\\*" in body and "\\[a\\]" in body
    assert meta_of(page.text)["title"].startswith("&lt;script&gt;alert(&quot;x&quot;)")
    assert "<script>" not in topics_index((topic,)).text
    feed = atom_feed(
        "topics/x/feed.xml",
        HOSTILE,
        topic.url,
        topic.articles,
        "http://h/",
        dt.date(2024, 1, 1),
        "Site",
    )
    assert ET.fromstring(feed.text).find(f"{ATOM}title").text == HOSTILE


def test_article_tags_link_to_their_topic_pages_and_are_escaped():
    article = art("a", 1, "Gaza", HOSTILE)
    labels = tuple((topic_id(tag), tag) for tag in article.tags)
    page = article_page(article, (), [], topics=labels)
    assert '<li><a href="../../topics/gaza/">Gaza</a></li>' in page.text
    assert f'<a href="../../topics/{topic_id(HOSTILE)}/">&lt;script&gt;' in page.text
    assert 'data-pagefind-filter="topic" data-pagefind-ignore>Gaza</span>' in page.text


def test_search_hints_carry_one_escaped_topic_filter_per_topic():
    hints = search_hints("1 August 2024", [], topics=["Gaza", "Gaza", '"x" <y>'])
    assert hints.count('data-pagefind-filter="topic"') == 2
    assert "&quot;x&quot; &lt;y&gt;" in hints


def test_topics_index_lists_every_topic_with_its_count():
    topics = collect_topics([art("a", 1, "beta", "Alpha"), art("b", 2, "beta")])
    text = topics_index(topics).text
    assert "2 topics" in text
    assert text.index("[Alpha](alpha.md) · 1 article") < text.index("[beta](beta.md) · 2 articles")
    assert "search:" not in text.split("---\n")[1]


def test_most_used_orders_by_count_then_name():
    topics = collect_topics([art("a", 1, "b", "a", "c"), art("b", 2, "c")])
    assert [t.name for t in most_used(topics, 2)] == ["c", "a"]


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ([], "No articles yet"),
        ([3], "1 article of 3 August 2024"),
        ([3, 3], "2 articles of 3 August 2024"),
        ([9, 3, 20], "3 articles from 3 August 2024 to 20 August 2024"),
    ],
)
def test_date_span(days, expected):
    assert date_span([art(f"a{i}", day) for i, day in enumerate(days)]) == expected


def test_topic_pages_are_dated_by_their_newest_article():
    articles = [art("a", 1, "Old"), art("b", 9, "New"), art("c", 5, "Old")]
    dates = page_dates(articles, [], CrossReference({}, {}), collect_topics(articles))
    assert dates["topics/old.md"] == dt.date(2024, 8, 5)
    assert dates["topics/new.md"] == dt.date(2024, 8, 9)


def test_home_page_shows_span_latest_and_topics_with_counts():
    articles = [art("a", 1, "Talks"), art("b", 9, "Talks", "Aid")]
    page = home_page(articles, [], CrossReference({}, {}), collect_topics(articles), "Site")
    assert "2 articles from 1 August 2024 to 9 August 2024" in page.text
    assert page.text.index("## Latest articles") < page.text.index("## Topics")
    assert '<a href="topics/talks/">Talks <span class="ea-tags__count">2</span></a>' in page.text
    assert "search:" not in page.text.split("---\n")[1]


def test_an_empty_archive_has_a_topics_index_and_no_topic_pages():
    assert collect_topics([]) == ()
    assert "No article has a topic yet." in topics_index(()).text


def test_topic_url_is_below_topics():
    assert Topic("gaza", "Gaza", ()).url == "topics/gaza/"
