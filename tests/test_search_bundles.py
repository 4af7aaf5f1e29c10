"""The search index in several bundles: which pages are indexed, and how they are dealt.

One search over merged bundles, in Chromium, is tests/test_search_bundles_browser.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.output.search_bundles import _marked, plan_bundles, searchable_pages

MARKED = b"<html><body><article data-pagefind-body><h1>T</h1>words</article></body></html>"


@pytest.mark.parametrize(
    ("html", "marked"),
    [
        (MARKED, True),
        (b'<div class="x" data-pagefind-body="">', True),
        (b"<p>the words data-pagefind-body in a text</p>", False),
        (b"<p>a &lt;b data-pagefind-body&gt; written out</p>", False),
        (b"<p>no mark at all</p>", False),
        (b"<p>text data-pagefind-body</p><main data-pagefind-body>", True),
    ],
)
def test_only_a_mark_inside_a_tag_counts(html: bytes, marked: bool) -> None:
    assert _marked(html) is marked


@pytest.mark.parametrize(
    ("sizes", "budget", "dealt"),
    [
        ([], 10, [[]]),
        ([4], 10, [[0]]),
        ([4, 4, 2], 10, [[0, 1, 2]]),
        ([4, 4, 4], 10, [[0, 2], [1]]),
        ([30, 1, 1], 10, [[0], [1], [2]]),  # a page larger than the budget goes alone
        ([5] * 6, 10, [[0, 3], [1, 4], [2, 5]]),
        ([1, 9, 1, 1, 1, 1], 7, [[0, 2, 3, 4, 5], [1]]),  # to the lightest bundle
        ([5] * 12, 1, [[0, 3, 6, 9], [1, 4, 7, 10], [2, 5, 8, 11]]),  # three at most
    ],
)
def test_pages_are_dealt_to_the_lightest_bundle(sizes, budget, dealt) -> None:
    pages = [(f"p{n}/index.html", size) for n, size in enumerate(sizes)]
    bundles = plan_bundles(pages, budget, most=3)
    assert [[int(p.split("/")[0][1:]) for p in b.pages] for b in bundles] == [d for d in dealt if d]
    assert [b.folder for b in bundles] == ["", "part/1", "part/2"][: len(bundles)]


def test_searchable_pages_skip_the_index_links_and_unmarked_pages(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for name in ("b/index.html", "a/index.html", "pagefind/x.html", "plain/index.html"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(b"<p>plain</p>" if name.startswith("plain") else MARKED)
    (site / "link").mkdir()
    (site / "link" / "index.html").symlink_to(site / "a" / "index.html")
    assert searchable_pages(site, "pagefind") == [
        ("a/index.html", len(MARKED)),
        ("b/index.html", len(MARKED)),
    ]
