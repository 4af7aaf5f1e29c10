"""Edits under ``explainer serve`` on a large archive: each rebuild timed, and checked.

``serve_edit_figures(content, site)`` does what MkDocs' server does, in one process: a
first dirty build, then, one after another, an article edited, a new glossary entry named
by an article, an article renamed (its slug) and an article deleted. Each rebuild is
timed in CPU and wall seconds, then the wait until the search index, rebuilt in the
background, has caught up; and the served site is checked as ``tests/test_serve.py``
checks it at the size of the sample archive. It returns a dict of plain figures.

``python -m benchmarks.serve_edits N [--work DIR]`` prints them for a synthetic archive.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.synthetic import edit_one_article, make_archive

CONFIG_FILE = Path(__file__).resolve().parent.parent / "mkdocs.yml"
NEW_ENTRY = "actors/quayward-dockers.md"  # an id no synthetic entry has (no invented word)
# Edits and checks take the site folder and return what is wrong (nothing: empty).
Check = Callable[[Path], list[str]]


def _articles(content: Path) -> list[Path]:
    return sorted((content / "articles").glob("*.md"))


def _slug(path: Path) -> str:
    found = re.search(r"(?m)^slug: (.+)$", path.read_text(encoding="utf-8"))
    return found.group(1).strip() if found else path.stem


def _page(site: Path, rel: str) -> str:
    path = site / rel / "index.html"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _named_entries(html: str) -> list[str]:
    """The glossary pages an article page links to (where it must be listed)."""
    return sorted(set(re.findall(r'href="\.\./\.\./((?:actors|locations)/[a-z0-9-]+)/"', html)))


def edit_article(content: Path) -> Check:
    """A sentence appended to one article; its page must show it."""
    slug = _slug(edit_one_article(content))

    def check(site: Path) -> list[str]:
        ok = "An editor added this sentence" in _page(site, f"articles/{slug}")
        return [] if ok else [f"articles/{slug}: the edit is not shown"]

    return check


def new_entry(content: Path) -> Check:
    """A new entry, named by one article: its page exists and the article links it."""
    (content / NEW_ENTRY).write_text(
        "---\nname: Quayward Dockers\nkind: organisation\naliases: [Quayward Dockers]\n"
        "summary: A dock workers' union.\n---\n\nThe union of the dockers.\n",
        encoding="utf-8",
    )
    article = _articles(content)[1]
    with article.open("a", encoding="utf-8") as out:
        out.write("\nThe Quayward Dockers welcomed the decision.\n")
    slug = _slug(article)

    def check(site: Path) -> list[str]:
        problems = []
        if "Quayward Dockers" not in _page(site, "actors/quayward-dockers"):
            problems.append("actors/quayward-dockers: no page")
        if 'href="../../actors/quayward-dockers/"' not in _page(site, f"articles/{slug}"):
            problems.append(f"articles/{slug}: does not link the new entry")
        return problems

    return check


def _listing(site: Path, slug: str) -> list[str]:
    """The glossary pages that list an article now."""
    named = _named_entries(_page(site, f"articles/{slug}"))
    return [entry for entry in named if f"articles/{slug}/" in _page(site, entry)]


def rename_article(content: Path, site: Path) -> Check:
    """An article's slug changed: the new address serves it, the old one is gone, and the
    glossary pages that listed it link the new address instead."""
    article = _articles(content)[2]
    old = _slug(article)
    new = f"{old[:60]}-renamed"
    listed = _listing(site, old)
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace(f"\nslug: {old}\n", f"\nslug: {new}\n", 1), "utf-8")

    def check(built: Path) -> list[str]:
        problems = [f"articles/{old}: still served"] if (built / "articles" / old).exists() else []
        if not listed:
            problems.append(f"articles/{old}: no glossary page listed it, nothing to check")
        if not _page(built, f"articles/{new}"):
            problems.append(f"articles/{new}: not served")
        for entry in listed:
            html = _page(built, entry)
            if f"articles/{old}/" in html or f"articles/{new}/" not in html:
                problems.append(f"{entry}: does not list the new address")
        return problems

    return check


def delete_article(content: Path, site: Path) -> Check:
    """An article deleted: its page is gone and no glossary page it named still lists it."""
    article = _articles(content)[3]
    slug = _slug(article)
    named = _listing(site, slug)
    article.unlink()

    def check(built: Path) -> list[str]:
        problems = [] if not (built / "articles" / slug).exists() else [f"{slug}: still served"]
        problems += [e for e in named if f"articles/{slug}/" in _page(built, e)]
        if not named:
            problems.append(f"articles/{slug}: no glossary page listed it, nothing to check")
        return problems

    return check


def serve_edit_figures(content: Path, site: Path, timeout: float = 1800) -> dict:
    """Each edit's rebuild (CPU and wall seconds), search catch-up and problems, as a dict.

    ``rebuild_cpu``, ``rebuild_s`` and ``search_s`` are the first edit's (an article's text),
    the figure the target is about; ``edits`` holds every edit's.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    folders = {"site_dir": str(site), "docs_dir": str(site.parent / "serve-docs")}
    Path(folders["docs_dir"]).mkdir(parents=True, exist_ok=True)
    first = load_config(str(CONFIG_FILE), **folders)
    plugin = first.plugins["explainer"]
    plugin.content_override = content.resolve()  # as ``explainer serve --content`` does
    first.plugins.on_startup(command="serve", dirty=True)
    wall, cpu = time.perf_counter(), time.process_time()
    build(first, dirty=True)
    figures: dict = {"first_s": time.perf_counter() - wall, "first_cpu": time.process_time() - cpu}
    plugin.indexer.wait(timeout)
    steps = [
        ("edit", edit_article),
        ("new entry", new_entry),
        ("rename", lambda folder: rename_article(folder, site)),
        ("delete", lambda folder: delete_article(folder, site)),
    ]
    edits = []
    for name, edit in steps:
        check = edit(content)
        wall, cpu = time.perf_counter(), time.process_time()
        # As MkDocs' server does before each build: a fresh configuration.
        build(load_config(str(CONFIG_FILE), **folders), dirty=True)
        rebuilt = (time.perf_counter() - wall, time.process_time() - cpu)
        caught_up = plugin.indexer.wait(timeout)
        searchable = time.perf_counter() - wall
        edits.append(
            {
                "edit": name,
                "rebuild_s": rebuilt[0],
                "rebuild_cpu": rebuilt[1],
                "search_s": searchable if caught_up else None,
                "problems": check(site),
            }
        )
    first_plugins = first.plugins
    first_plugins.on_shutdown()
    figures.update(edits[0])
    del figures["edit"]
    figures["edits"] = edits
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n_articles", type=int)
    parser.add_argument("--work", type=Path, default=Path("/tmp/serve-edits"))
    args = parser.parse_args(argv)
    content = args.work / f"content-{args.n_articles}"
    make_archive(args.n_articles, content)
    site = args.work / "site"
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(args.work / "serve-docs", ignore_errors=True)
    figures = serve_edit_figures(content, site)
    print(json.dumps(figures, indent=2))
    return 1 if any(edit["problems"] for edit in figures["edits"]) else 0


if __name__ == "__main__":
    sys.exit(main())
