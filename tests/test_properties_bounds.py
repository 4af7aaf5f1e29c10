"""Properties of the bounds and of the faster lookups that replaced linear scans.

- Every problem the bounds report points at a line of the body, and line numbers from the
  bisected index are those counted from the start.
- Balanced raw HTML, however deep its total, is never reported as left open.
- Sentences and paragraphs found by bisection are those the linear scans found.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.body.html_bounds import MAX_HTML_DEPTH, MAX_OPEN_INLINE, html_limits
from generator.body.limits import LineIndex, render_limits
from generator.body.sentences import paragraph_around, sentence_at, sentence_spans, sentence_within

# Characters that make boundaries: breaks, sentence ends, abbreviations, brackets, tags.
_PIECES = ["a", "B", " ", ".", "?", "\n", "\n\n", "Mr. ", "[", "]", "<b>", "</b>", "<div>", "# "]
bodies = st.lists(st.sampled_from(_PIECES), max_size=80).map("".join)


@given(bodies)
def test_every_problem_points_at_a_line_of_the_body(body: str) -> None:
    lines = body.count("\n") + 1
    for line, message in render_limits(body):
        assert 1 <= line <= lines, message


@given(bodies, st.data())
def test_the_line_index_counts_as_counting_from_the_start(body: str, data) -> None:
    offset = data.draw(st.integers(0, len(body)))
    assert LineIndex(body).line(offset) == body.count("\n", 0, offset) + 1


@given(st.lists(st.sampled_from(["b", "i", "em", "a", "div", "span"]), max_size=40))
def test_balanced_html_is_never_left_open(names: list[str]) -> None:
    # Nested as deep as the list is long, each closed: fine when within the limits.
    opened = "".join(f"<{name}>" for name in names)
    closed = "".join(f"</{name}>" for name in reversed(names))
    body = (opened + "w" + closed + "\n\n") * 3
    assert len(names) < min(MAX_OPEN_INLINE, MAX_HTML_DEPTH)
    assert html_limits(body, lambda offset: 1) == []


def _sentence_by_scan(text: str, offset: int) -> tuple[int, int]:
    """The sentence holding ``offset`` as the first matching span: the former linear scan."""
    for start, end in sentence_spans(text):
        if start <= offset < end:
            return start, end
    return 0, len(text)


def _around_by_search(text: str, offset: int) -> str:
    """The sentence around ``offset`` within its paragraph, by searching and slicing."""
    begin = text.rfind("\n\n", 0, offset) + 1
    stop = text.find("\n\n", offset)
    paragraph = text[begin : stop if stop != -1 else len(text)]
    start, end = _sentence_by_scan(paragraph, offset - begin)
    return paragraph[start:end]


@given(bodies, st.data())
def test_sentence_at_finds_the_sentence_the_scan_found(text: str, data) -> None:
    offset = data.draw(st.integers(0, len(text)))
    assert sentence_at(text, offset) == _sentence_by_scan(text, offset)


@given(bodies, st.data())
def test_sentence_within_a_paragraph_is_the_one_the_search_found(text: str, data) -> None:
    offset = data.draw(st.integers(0, len(text)))
    begin, stop = paragraph_around(text, offset)
    start, end = sentence_within(text, begin, stop, offset)
    assert text[start:end] == _around_by_search(text, offset)
