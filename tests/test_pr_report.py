"""``explainer report --base REF``: the pull request's summary, on a real git history.

The escaping is checked twice: the exact Markdown it writes, and what GitHub's own
Markdown library (cmark-gfm, with raw HTML allowed, so that only our escaping stands
between a title and the page) makes of it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

from generator.output.terminal import printable
from generator.review.command import links_from
from generator.review.compare import review
from generator.review.gfm import escape, table
from generator.review.snapshot import Snapshot
from generator.review.summary import Links

ROOT = Path(__file__).resolve().parent.parent
# Git must see nothing of the machine's configuration (no signing, no hooks, no names).
GIT_ENV = {
    **os.environ,
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "NO_MKDOCS_2_WARNING": "1",
    "PYTHONPATH": str(ROOT),
}

HOSTILE = [
    # (contributor text, the Markdown it becomes)
    ("<img src=x onerror=alert(1)>", "&lt;img src\\=x onerror\\=alert\\(1\\)&gt;"),
    ("[x](javascript:alert(1))", "\\[x\\]\\(javascript\\:alert\\(1\\)\\)"),
    ("a | b || c", "a \\| b \\|\\| c"),
    ("`code` and ``more``", "\\`code\\` and \\`\\`more\\`\\`"),
    ("two\nlines\r\n", "two\\\\x0alines\\\\x0d\\\\x0a"),
    ("<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"),
    ("<!-- hide the rest", "&lt;\\!-- hide the rest"),
    ("&lt;b&gt; stays text", "&amp;lt\\;b&amp;gt\\; stays text"),
    (
        "**bold** _it_ ~~gone~~ $x$ :smile:",
        "\\*\\*bold\\*\\* \\_it\\_ \\~\\~gone\\~\\~ \\$x\\$ \\:smile\\:",
    ),
    ("www.evil.example https://evil.example", "www\\.evil\\.example https\\://evil\\.example"),
    ("![i](x.png) [r]: http://e", "\\!\\[i\\]\\(x\\.png\\) \\[r\\]\\: http\\://e"),
    ("\"quotes\" and 'apostrophes'", "&quot;quotes&quot; and &#39;apostrophes&#39;"),
    ("C:\\path\\", "C\\:\\\\path\\\\"),
    ("# heading, - list, > quote", "\\# heading, - list, &gt; quote"),
    ("bidi \u202eevil", "bidi \\\\u202eevil"),
    ("Netanyahu’s ‘plan’ – Gaza", "Netanyahu’s ‘plan’ – Gaza"),
]


@pytest.mark.parametrize(("text", "markdown"), HOSTILE)
def test_escape_writes_plain_text(text: str, markdown: str) -> None:
    assert escape(text) == markdown


class _Cells(HTMLParser):
    """The tags and text inside each ``td`` of a rendered table."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cells: list[dict] = []
        self.in_cell = False

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "td":
            self.cells.append({"tags": [], "text": ""})
            self.in_cell = True
        elif self.in_cell:
            self.cells[-1]["tags"].append((tag, dict(attrs)))

    def handle_endtag(self, tag) -> None:
        self.in_cell = self.in_cell and tag != "td"

    def handle_data(self, data) -> None:
        if self.in_cell:
            self.cells[-1]["text"] += data


def _rendered_cells(cell: str) -> list[dict]:
    markdown = "\n".join(table(["title", "next"], [[cell, "after"]]))
    parser = _Cells()
    parser.feed(cmarkgfm.github_flavored_markdown_to_html(markdown, Options.CMARK_OPT_UNSAFE))
    return parser.cells


@pytest.mark.parametrize("text", [text for text, _ in HOSTILE])
def test_escaped_text_renders_as_that_text_in_one_cell(text: str) -> None:
    cells = _rendered_cells(escape(text))
    assert [cell["text"] for cell in cells] == [printable(text), "after"]
    assert cells[0]["tags"] == []


@pytest.mark.parametrize(
    ("text", "link"),
    [
        # cmark-gfm links an e-mail address in plain text whatever the escaping: only mailto.
        ("write to a@b.example", "mailto:a@b.example"),
    ],
)
def test_only_mail_addresses_become_links(text: str, link: str) -> None:
    (cell, _) = _rendered_cells(escape(text))
    assert cell["tags"] == [("a", {"href": link})]


def test_escape_bounds_a_cell() -> None:
    assert escape("x" * 1000, limit=10) == "x" * 9 + "…"


@pytest.mark.parametrize(
    ("links", "path", "line", "at_base", "url"),
    [
        (Links(), "content/articles/a.md", 3, False, "content/articles/a.md#L3"),
        (Links(), "content/articles/a (b).md", None, False, "content/articles/a%20%28b%29.md"),
        (Links(), "content/articles/gone.md", None, True, None),
        (
            Links("https://github.com/o/r/blob/", "h" * 40, "b" * 40),
            "content/actors/x.md",
            7,
            False,
            f"https://github.com/o/r/blob/{'h' * 40}/content/actors/x.md?plain=1#L7",
        ),
        (
            Links("https://github.com/o/r/blob/", "h" * 40, "b" * 40),
            "content/actors/x.md",
            None,
            True,
            f"https://github.com/o/r/blob/{'b' * 40}/content/actors/x.md",
        ),
    ],
)
def test_links_point_at_lines(links, path, line, at_base, url) -> None:
    assert links.to(path, line, at_base=at_base) == url


SHA = "0123456789abcdef0123456789abcdef01234567"


@pytest.mark.parametrize(
    ("server", "repo", "sha"),
    [
        ("javascript:alert(1)", "o/r", SHA),
        ("https://github.com/x)", "o/r", SHA),
        ("https://github.com", "o/r)(x", SHA),
        ("https://github.com", "o/r", "main"),
        ("https://github.com", None, SHA),
    ],
)
def test_github_options_must_be_well_formed_and_together(server, repo, sha) -> None:
    with pytest.raises(ValueError, match="go together"):
        links_from(server, repo, sha)


@pytest.mark.parametrize(
    ("before", "after", "counts"),
    [
        ({"a": 1}, {"a": 1}, []),
        ({"a": 1}, {"a": 3}, [("a", 1, 3)]),
        ({"a": 2, "b": 1}, {"b": 0, "c": 1}, [("a", 2, 0), ("b", 1, 0), ("c", 0, 1)]),
    ],
)
def test_mention_changes_list_every_count_that_moved(before, after, counts) -> None:
    result = review(Snapshot(mentions=before), Snapshot(mentions=after))
    assert [(m.entity_id, m.before, m.after) for m in result.mentions] == counts


# --- a real repository with two commits -------------------------------------------------

ARTICLE = "---\ntitle: {title}\ndate: 2024-08-21\n---\n{body}\n"
ACTOR = (
    "---\nname: Antony Blinken\nkind: person\naliases: [Antony Blinken, Blinken]\n"
    "summary: A diplomat.\n---\n"
)
DOHA = "---\nname: Doha\nkind: city\naliases: [Doha]\nsummary: Capital of Qatar.\n---\n"
HOSTILE_TITLE = "Talks <img src=x onerror=alert(1)> | resume"

BASE_FILES = {
    "content/articles/talks.md": ARTICLE.format(title="Talks", body="Blinken met envoys."),
    "content/articles/old.md": ARTICLE.format(title="Old news", body="Blinken flew home."),
    "content/articles/gone.md": ARTICLE.format(title="Gone soon", body="Blinken left."),
    "content/actors/antony-blinken.md": ACTOR,
}
HEAD_FILES = {
    # changed: a new sentence, Doha now mentioned
    "content/articles/talks.md": ARTICLE.format(title="Talks", body="Blinken met envoys in Doha."),
    "content/articles/new.md": ARTICLE.format(
        title=f'"{HOSTILE_TITLE}"', body="Blinken arrived in Doha."
    ),
    # broken: an impossible date, on line 3
    "content/articles/old.md": "---\ntitle: Old news\ndate: 2024-02-30\n---\nBlinken.\n",
    "content/locations/doha.md": DOHA,
}


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), *args], env=GIT_ENV, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def _commit(repo: Path, files: dict[str, str], removed: tuple[str, ...], message: str) -> str:
    for name in removed:
        (repo / name).unlink()
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", message)
    return _git(repo, "rev-parse", "HEAD")


@pytest.fixture
def history(tmp_path: Path) -> tuple[Path, str, str]:
    """A repository whose second commit adds, changes, removes and breaks content."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    base = _commit(repo, BASE_FILES, (), "base")
    head = _commit(repo, HEAD_FILES, ("content/articles/gone.md",), "head")
    return repo, base, head


def _report(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "generator", "report", *args]
    return subprocess.run(command, cwd=repo, env=GIT_ENV, capture_output=True, text=True)


HOSTILE_ROW = "| added | Talks &lt;img src\\=x onerror\\=alert\\(1\\)&gt; \\| resume"


@pytest.mark.parametrize(
    "row",
    [
        "Articles: 1 added, 2 changed, 1 removed · glossary entries: 1 added, 0 changed, "
        "0 removed · 1 error, 0 warnings",
        f"{HOSTILE_ROW} | [content/articles/new\\.md](content/articles/new.md) |",
        "| changed | Old news | [content/articles/old\\.md](content/articles/old.md) |",
        "| changed | Talks | [content/articles/talks\\.md](content/articles/talks.md) |",
        "| removed | Gone soon | content/articles/gone\\.md |",
        "| added | Doha | locations | [content/locations/doha\\.md](content/locations/doha.md) |",
        "| Doha | doha | 0 → 2 (+2) |",
        "| Antony Blinken | antony-blinken | 3 → 2 (-1) |",
        "| error | [content/articles/old\\.md\\:3](content/articles/old.md#L3) | front-matter |",
    ],
)
def test_report_lists_what_the_second_commit_did(history, row: str) -> None:
    repo, base, _ = history
    result = _report(repo, "--base", "HEAD~1")
    assert result.returncode == 0, result.stderr
    assert row in result.stdout
    assert f"against HEAD\\~1 \\({base[:12]}\\)" in result.stdout


def test_report_links_to_the_commit_on_github_and_leaves_the_work_tree_alone(history) -> None:
    repo, base, head = history
    status = _git(repo, "status", "--porcelain", "--ignored")
    output = repo.parent / "summary.md"
    github = ["--server-url", "https://github.com", "--repository", "o/r", "--sha", head]
    result = _report(repo, "--base", base, "--output", str(output), *github)
    assert result.returncode == 0, result.stderr
    summary = output.read_text(encoding="utf-8")
    blob = "https://github.com/o/r/blob/"
    assert f"({blob}{head}/content/articles/old.md?plain=1#L3)" in summary
    assert f"| removed | Gone soon | [content/articles/gone\\.md]({blob}{base}/" in summary
    assert _git(repo, "status", "--porcelain", "--ignored") == status


@pytest.mark.parametrize(
    ("base", "message"),
    [
        ("no-such-branch", "no commit 'no-such-branch'"),
        ("--output=/tmp/x", "is not a git ref"),
    ],
)
def test_report_refuses_what_it_cannot_compare_with(history, base: str, message: str) -> None:
    repo, _, _ = history
    result = _report(repo, f"--base={base}")
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_a_base_with_links_out_of_the_content_is_read_without_them(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    articles = repo / "content" / "articles"
    articles.mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    links = {
        "abs.md": "/etc/passwd",
        "up.md": "../../../../outside.md",
        "inside.md": "../actors/antony-blinken.md",
    }
    for name, target in links.items():
        (articles / name).symlink_to(target)
    _commit(repo, {"content/actors/antony-blinken.md": ACTOR}, (), "links")
    for name in links:
        (articles / name).unlink()
    result = _report(repo, "--base", "HEAD")
    assert result.returncode == 0, result.stderr
    # The link that stays inside was unpacked (and is gone now); the others never were.
    assert "| removed | inside\\.md | content/articles/inside\\.md |" in result.stdout
    assert "abs" not in result.stdout
    assert "up\\.md" not in result.stdout
    assert not (tmp_path / "outside.md").exists()
