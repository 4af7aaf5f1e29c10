"""Score ``explainer suggest`` on the real-page corpus: ``python -m benchmarks.suggest_eval``.

Each page's hand-written answer (title, paragraphs, subheadings) is written as an article
into a temporary content folder with an empty glossary, so that suggestions are measured
apart from import quality; the split's pages form one archive, as a contributor's would.
Suggestions are paired with the answer's ``names`` by :mod:`benchmarks.suggest_score`.

``--split dev`` while tuning (``--notes`` lists every miss and extra, dev only); the
held-out third is reported apart and never tuned on. ``--by-site`` adds one dev row per
site, to show how far the figures spread between publishers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks.suggest_score import SECTIONS, Name, Tally, score_page
from generator.content.model import Article
from generator.content.read import read_archive
from generator.importer.clean import clean_article
from generator.importer.markup import heading, paragraph
from generator.importer.model import ImportedArticle
from generator.importer.render import render_article
from generator.suggest import load_gazetteer, suggest
from generator.suggest.model import Weights

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "import_real"
_UNDATED = dt.date(2000, 1, 1)
SPLIT_TITLES = {"dev": "Development pages (tuned on)", "held": "Held-out pages (never tuned on)"}


def load_pages(corpus: Path, split: str) -> list[tuple[dict, dict]]:
    """``(manifest entry, expected answer)`` of every page of one split, in manifest order."""
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    return [
        (entry, json.loads((corpus / "expected" / f"{entry['id']}.json").read_text("utf-8")))
        for entry in manifest
        if entry["split"] == split
    ]


def article_text(expected: dict) -> str:
    """The answer as an article file: paragraphs, then the subheadings as headings."""
    blocks = [paragraph(p) for p in expected["paragraphs"]]
    blocks += [heading(h, 2) for h in expected.get("subheadings", [])]
    date = dt.date.fromisoformat(expected["date"]) if expected.get("date") else _UNDATED
    article = ImportedArticle(
        title=expected["title"],
        date=date,
        byline=expected.get("byline") or "",
        source=None,
        summary="",
        body="\n\n".join(blocks),
    )
    # As ``explainer import`` would write it: a saved page's stray control characters go.
    return render_article(clean_article(article))


def expected_names(expected: dict) -> list[Name]:
    """The answer's actors and locations as :class:`Name` values."""
    return [
        Name(item["name"], section, item["kind"])
        for section, key in (("actor", "actors"), ("location", "locations"))
        for item in expected["names"][key]
    ]


def read_pages(pages: list[tuple[dict, dict]], folder: Path) -> list[Article]:
    """The pages' answers written as one archive's articles under ``folder``, read back."""
    content = folder / "content"
    (content / "articles").mkdir(parents=True)
    for entry, expected in pages:
        path = content / "articles" / f"{entry['id']}.md"
        path.write_text(article_text(expected), encoding="utf-8")
    archive = read_archive(content)
    if archive.errors:
        raise SystemExit("\n".join(p.format() for p in archive.errors))
    return list(archive.articles)


def suggested_names(
    pages: list[tuple[dict, dict]], weights: Weights | None = None
) -> dict[str, list[Name]]:
    """Each page's suggestions when the pages are one archive with an empty glossary."""
    with tempfile.TemporaryDirectory() as tmp:
        articles = read_pages(pages, Path(tmp))
        found = suggest(articles, [], load_gazetteer(), weights=weights).by_article()
    by_id = {Path(path).stem: names for path, names in found.items()}
    return {
        entry["id"]: [Name(s.name, s.guess, s.kind) for s in by_id.get(entry["id"], ())]
        for entry, _ in pages
    }


def score_pages(
    pages: list[tuple[dict, dict]], keep: Callable[[dict], bool], weights: Weights | None = None
) -> Tally:
    """The tally over the pages ``keep`` accepts (the whole split is still one archive)."""
    found = suggested_names(pages, weights)
    total = Tally()
    for entry, expected in pages:
        if keep(entry):
            total.add(score_page(expected_names(expected), found[entry["id"]], entry["id"]))
    return total


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def row(label: str, pages: int, tally: Tally) -> str:
    """One Markdown table row: counts, then precision/recall overall and per section."""
    cells = [label, str(pages), str(tally.expected), str(tally.suggested)]
    cells += [_percent(tally.precision()), _percent(tally.recall())]
    for section in SECTIONS:
        cells += [_percent(tally.precision(section)), _percent(tally.recall(section))]
    return "| " + " | ".join(cells) + " |"


HEADER = (
    "| pages | n | names | suggested | precision | recall | actor P | actor R "
    "| location P | location R |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
)


def main(argv: list[str] | None = None) -> int:
    """Print the table; exit 0 (targets are reported, not enforced)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "held", "all"], default="all")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--by-site", action="store_true", help="one dev row per site")
    parser.add_argument("--notes", action="store_true", help="list misses and extras (dev)")
    args = parser.parse_args(argv)
    splits = ["dev", "held"] if args.split == "all" else [args.split]
    print(HEADER)
    notes: list[str] = []
    for split in splits:
        pages = load_pages(args.corpus, split)
        tally = score_pages(pages, lambda entry: True)
        print(row(SPLIT_TITLES[split], len(pages), tally))
        if split != "dev":
            continue  # held-out misses are never listed: nobody tunes on them
        notes = tally.notes
        for site in sorted({entry["site"] for entry, _ in pages}) if args.by_site else ():
            count = sum(entry["site"] == site for entry, _ in pages)
            print(row(site, count, score_pages(pages, lambda entry, s=site: entry["site"] == s)))
    if args.notes:
        print("\n" + "\n".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
