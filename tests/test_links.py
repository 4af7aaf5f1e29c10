"""Every internal link and anchor of the built sites resolves; and the checker can fail."""

from __future__ import annotations

from pathlib import Path

import pytest
from linkcheck import broken_links, count_links


@pytest.mark.parametrize(("site_name", "min_pages"), [("sample_site", 18), ("seed_site", 23)])
def test_every_internal_link_and_anchor_resolves(request, site_name, min_pages):
    site = request.getfixturevalue(site_name)
    pages, links = count_links(site)
    assert pages >= min_pages, f"only {pages} pages were checked"
    assert links > 20 * pages, f"only {links} links were checked"
    assert broken_links(site) == []


# A tiny hand-made site: the page under test is a/index.html; b/index.html is a target with
# ids "here" and "café" and a legacy <a name="old">; style.css exists.
TARGET_PAGE = '<html><body><h1 id="here">B</h1><p id="café">c</p><a name="old"></a></body></html>'
CHECKER_CASES = [
    # (id, snippet placed in a/index.html, expected report lines)
    ("relative-dir", '<a href="../b/">b</a>', []),
    ("relative-no-slash", '<a href="../b">b</a>', []),
    ("relative-file", '<a href="../b/index.html">b</a>', []),
    ("root-absolute", '<a href="/b/">b</a>', []),
    ("same-page-anchor", '<a href="#top">top</a>', []),
    ("anchor", '<a href="../b/#here">b</a>', []),
    ("percent-encoded-anchor", '<a href="../b/#caf%C3%A9">b</a>', []),
    ("a-name-anchor", '<a href="../b/#old">b</a>', []),
    ("stylesheet", '<link rel="stylesheet" href="../style.css">', []),
    ("external-skipped", '<a href="https://example.invalid/x">x</a>', []),
    ("mailto-skipped", '<a href="mailto:desk@example.org">m</a>', []),
    (
        "missing-page",
        '<a href="../missing/">m</a>',
        ["a/index.html: broken <a href='../missing/'>"],
    ),
    ("missing-root-absolute", '<a href="/nope/">n</a>', ["a/index.html: broken <a href='/nope/'>"]),
    (
        "missing-anchor",
        '<a href="../b/#nowhere">b</a>',
        ["a/index.html: missing anchor <a href='../b/#nowhere'>"],
    ),
    (
        "missing-same-page-anchor",
        '<a href="#nowhere">n</a>',
        ["a/index.html: missing anchor <a href='#nowhere'>"],
    ),
    ("missing-image", '<img src="gone.png" alt="">', ["a/index.html: broken <img src='gone.png'>"]),
    (
        "missing-script",
        '<script src="../app.js"></script>',
        ["a/index.html: broken <script src='../app.js'>"],
    ),
    (
        "missing-stylesheet",
        '<link rel="stylesheet" href="../gone.css">',
        ["a/index.html: broken <link href='../gone.css'>"],
    ),
    (
        "leaves-the-site",
        '<a href="../../outside/">o</a>',
        ["a/index.html: broken <a href='../../outside/'>"],
    ),
    (
        "two-broken",
        '<a href="../x/">x</a><a href="../b/#y">y</a>',
        [
            "a/index.html: broken <a href='../x/'>",
            "a/index.html: missing anchor <a href='../b/#y'>",
        ],
    ),
]


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [pytest.param(snippet, expected, id=case) for case, snippet, expected in CHECKER_CASES],
)
def test_checker_reports_exactly_the_planted_broken_links(tmp_path: Path, snippet, expected):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "b").mkdir()
    (site / "b" / "index.html").write_text(TARGET_PAGE, encoding="utf-8")
    (site / "style.css").write_text("", encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "index.html").write_text("<html></html>", encoding="utf-8")
    page = f'<html><body><h1 id="top">A</h1>{snippet}</body></html>'
    (site / "a" / "index.html").write_text(page, encoding="utf-8")
    assert broken_links(site) == expected


def test_checker_reads_pages_in_subfolders_and_counts_them(tmp_path: Path):
    (tmp_path / "x" / "y").mkdir(parents=True)
    (tmp_path / "x" / "y" / "index.html").write_text('<a href="../../z/">z</a>', encoding="utf-8")
    (tmp_path / "index.html").write_text('<a href="x/y/">y</a>', encoding="utf-8")
    assert count_links(tmp_path) == (2, 2)
    assert broken_links(tmp_path) == ["x/y/index.html: broken <a href='../../z/'>"]
