"""The command line: exit codes, check formats, scaffolding, and builds that never half-write."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.content import placeholders

ROOT = Path(__file__).resolve().parent.parent
GOOD_ARTICLE = "---\ntitle: Talks\ndate: 2024-08-21\n---\nBlinken met Hamas.\n"
ACTOR = "---\nname: Antony Blinken\nkind: person\naliases: [Blinken]\nsummary: A diplomat.\n---\n"
BROKEN = "---\ntitle: no\ndate: 2024-02-30\n---\nx\n"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    (folder / "articles").mkdir(parents=True)
    (folder / "actors").mkdir()
    (folder / "articles" / "talks.md").write_text(GOOD_ARTICLE)
    (folder / "actors" / "antony-blinken.md").write_text(ACTOR)
    return folder


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        (
            "text",
            "error: {path}:2:7: front-matter: 2024-02-30 is not a real date\n"
            " 2 | date: 2024-02-30\n"
            "   |       ^",
        ),
        (
            "github",
            "::error file={github_path},line=2,col=7,title=front-matter::"
            "2024-02-30 is not a real date%0Adate: 2024-02-30%0A      ^",
        ),
        ("json", '"line": 2,'),
    ],
)
def test_check_reports_broken_content(content: Path, fmt: str, expected: str) -> None:
    broken = content / "articles" / "broken.md"
    broken.write_text("---\ndate: 2024-02-30\ntitle: x\n---\nx\n")
    result = run_cli("check", "--content", str(content), "--format", fmt)
    assert result.returncode == 1
    github_path = str(broken).replace(":", "%3A").replace(",", "%2C")
    assert expected.format(path=broken, github_path=github_path) in result.stdout


def test_check_json_lists_every_problem(content: Path) -> None:
    (content / "articles" / "broken.md").write_text("---\ntitle: no\ndate: 2024-08-21\n---\nx\n")
    (content / "actors" / "bad.md").write_text("---\nname: X\n---\n")
    result = run_cli("check", "--content", str(content), "--format", "json")
    problems = json.loads(result.stdout)["problems"]
    fields = sorted(
        (Path(p["file"]).name, p["field"]) for p in problems if p["severity"] == "error"
    )
    assert fields == [
        ("bad.md", "aliases"),
        ("bad.md", "kind"),
        ("bad.md", "summary"),
        ("broken.md", "title"),
    ]
    assert result.returncode == 1


def test_check_passes_clean_content(content: Path) -> None:
    result = run_cli("check", "--content", str(content))
    assert result.returncode == 0, result.stdout
    assert "0 error(s)" in result.stdout


@pytest.mark.build
def test_failed_build_keeps_the_previous_site(content: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    first = run_cli("build", "--content", str(content), "--site-dir", str(site))
    assert first.returncode == 0, first.stderr
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (content / "articles" / "broken.md").write_text(BROKEN)
    second = run_cli("build", "--content", str(content), "--site-dir", str(site))
    assert second.returncode == 1
    assert "broken.md" in second.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]


@pytest.mark.build
def test_two_builds_are_byte_identical(content: Path, tmp_path: Path) -> None:
    """Every page, feed and asset; not Pagefind's bundle, whose chunk order varies by run."""
    sites = [tmp_path / "one", tmp_path / "two"]
    for site in sites:
        assert run_cli("build", "--content", str(content), "--site-dir", str(site)).returncode == 0
    files = [{p.relative_to(s): p.read_bytes() for p in s.rglob("*") if p.is_file()} for s in sites]
    index = Path("pagefind")
    pages = [{p: b for p, b in f.items() if index not in p.parents} for f in files]
    assert pages[0] == pages[1] and len(pages[0]) > 40
    assert all(any(index in p.parents for p in f) for f in files)


def test_new_scaffolds_an_article_that_check_refuses_until_written(content: Path) -> None:
    created = run_cli(
        "new", "Talks resume in Cairo", "--date", "2024-09-01", "--content", str(content)
    )
    assert created.returncode == 0, created.stderr
    path = content / "articles" / "talks-resume-in-cairo.md"
    assert path.is_file()
    check = run_cli("check", "--content", str(content))
    assert check.returncode == 1
    assert "talks-resume-in-cairo.md:4: summary: still the placeholder" in check.stdout
    assert "talks-resume-in-cairo.md:7: body: still holds the placeholder paragraph" in check.stdout
    text = path.read_text().replace(placeholders.SUMMARY, "Envoys met again in Cairo.")
    path.write_text(text.replace(placeholders.PARAGRAPH, "Blinken arrived on Sunday."))
    assert run_cli("check", "--content", str(content)).returncode == 0
    again = run_cli(
        "new", "Talks resume in Cairo", "--date", "2024-09-01", "--content", str(content)
    )
    assert again.returncode == 1
    assert "already exists" in again.stderr
    assert path.read_text().endswith("Blinken arrived on Sunday.\n")


@pytest.mark.parametrize(
    ("title", "says"),
    [("", "the title is empty"), ("   ", "the title is empty"), ("a\u202eb", "invisible")],
)
def test_new_refuses_a_title_check_would_refuse(content: Path, title: str, says: str) -> None:
    before = sorted((content / "articles").iterdir())
    result = run_cli("new", title, "--date", "2024-09-01", "--content", str(content))
    assert result.returncode == 2
    assert says in result.stderr and "nothing written" in result.stderr
    assert sorted((content / "articles").iterdir()) == before


@pytest.mark.parametrize("args", [["new", "x", "--date", "2024-02-30"], ["frobnicate"], []])
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert run_cli(*args).returncode == 2


@pytest.mark.build
def test_a_busy_entry_lists_its_latest_mentions_and_links_the_rest(tmp_path: Path) -> None:
    from bs4 import BeautifulSoup

    from generator.site.pages.entity import MENTIONS_ON_PAGE

    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "actors").mkdir()
    (content / "actors" / "antony-blinken.md").write_text(ACTOR)
    for day in range(MENTIONS_ON_PAGE + 5):
        date = f"2024-{1 + day // 28:02d}-{1 + day % 28:02d}"
        article = f"---\ntitle: Talks {day}\ndate: {date}\n---\nBlinken spoke on day {day}.\n"
        (content / "articles" / f"talks-{day}.md").write_text(article)
    site = tmp_path / "site"
    result = run_cli("build", "--content", str(content), "--site-dir", str(site))
    assert result.returncode == 0, result.stderr  # strict: the link to the feed resolves
    page = BeautifulSoup((site / "actors/antony-blinken/index.html").read_text(), "html.parser")
    assert len(page.select("article blockquote mark")) == MENTIONS_ON_PAGE
    assert page.find("a", string="Atom feed")["href"] == "feed.xml"
    assert (site / "actors/antony-blinken/feed.xml").is_file()
