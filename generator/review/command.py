"""``explainer report --base REF``: what the work tree's content changes against a commit.

Exit status: 0 when the summary was written (whatever problems it lists: ``explainer
check`` is what fails on them), 2 when there is nothing to compare with (no git work
tree, an unknown ref, a bad option).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

from generator.output.terminal import printable, printable_path
from generator.review.compare import review
from generator.review.git_tree import GitError, export_folder, repository_root, resolve_commit
from generator.review.snapshot import take_snapshot
from generator.review.summary import Links, to_markdown

# What the options may hold: they become parts of URLs in the summary.
_SERVER_URL = re.compile(r"https://[A-Za-z0-9.-]+(:[0-9]+)?")
_REPOSITORY = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
_COMMIT = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--base``, ``--content``, ``--output`` and the GitHub link options."""
    parser.add_argument("--base", required=True, metavar="REF", help="commit to compare with")
    parser.add_argument(
        "--content", type=Path, default=Path("content"), help="content folder (default: content)"
    )
    parser.add_argument("--output", type=Path, help="write the Markdown here (default: stdout)")
    github = parser.add_argument_group("links to GitHub (default: repository-relative paths)")
    github.add_argument("--server-url", metavar="URL", help="e.g. $GITHUB_SERVER_URL")
    github.add_argument("--repository", metavar="OWNER/REPO", help="e.g. $GITHUB_REPOSITORY")
    github.add_argument("--sha", metavar="COMMIT", help="commit of the work tree: $GITHUB_SHA")


def links_from(server_url: str | None, repository: str | None, sha: str | None) -> Links:
    """Links for the three GitHub options: all given and well-formed, or none."""
    given = [value for value in (server_url, repository, sha) if value]
    if not given:
        return Links()
    checks = ((server_url, _SERVER_URL), (repository, _REPOSITORY), (sha, _COMMIT))
    if len(given) < 3 or not all(pattern.fullmatch(value or "") for value, pattern in checks):
        raise ValueError(
            "--server-url https://HOST, --repository OWNER/REPO and --sha with a full "
            "commit id go together"
        )
    return Links(blob_root=f"{server_url}/{repository}/blob/", head=sha or "")


def summarise(content_dir: Path, base_ref: str, links: Links) -> str:
    """The Markdown summary of ``content_dir`` (in a git work tree) against ``base_ref``."""
    repo = repository_root(content_dir)
    try:
        shown_as = content_dir.resolve().relative_to(repo.resolve()).as_posix()
    except ValueError:
        raise GitError(
            f"{printable_path(content_dir)} is not inside {printable_path(repo)}"
        ) from None
    base_commit = resolve_commit(repo, base_ref)
    head = take_snapshot(content_dir, shown_as, with_problems=True)
    with tempfile.TemporaryDirectory(prefix="explainer-base-") as scratch:
        base_dir = export_folder(repo, base_commit, shown_as, Path(scratch))
        base = take_snapshot(base_dir, shown_as, with_problems=False)
    links = Links(links.blob_root, links.head, base_commit)
    return to_markdown(review(base, head), f"{base_ref} ({base_commit[:12]})", links)


def main(args: argparse.Namespace) -> int:
    """Run with the arguments :func:`add_arguments` defined."""
    try:
        links = links_from(args.server_url, args.repository, args.sha)
        markdown = summarise(args.content, args.base, links)
    except (ValueError, GitError) as err:
        print(f"explainer report: {printable(str(err))}", file=sys.stderr)
        return 2
    if args.output:
        args.output.write_text(markdown, encoding="utf-8")
    else:
        sys.stdout.write(markdown)
    return 0
