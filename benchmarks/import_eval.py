"""Score ``explainer import`` on the real-page corpus: ``python -m benchmarks.import_eval``.

Reads ``tests/import_real/`` (pages, hand-written answers, the manifest), imports every page
with the product's importer, and prints one table per split: per site, then overall.
``--split dev`` while tuning; the held-out third is reported apart and never tuned on.
``--json FILE`` keeps the per-page scores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import defaultdict
from dataclasses import asdict, fields
from pathlib import Path

from benchmarks.import_score import PageScore, score_page
from generator.importer import ImportFailure, import_file

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "import_real"
# A page that states no date is imported with this one, so that its text is still scored.
_FALLBACK_DATE = dt.date(2000, 1, 1)


def _import(path: Path) -> tuple[dict | None, str]:
    try:
        article = import_file(path)
    except ImportFailure as failure:
        if "date" not in str(failure):
            return None, str(failure)
        try:
            article = import_file(path, _FALLBACK_DATE)
        except ImportFailure as second:
            return None, str(second)
    found = {field.name: getattr(article, field.name) for field in fields(article)}
    return found, ""


def score_corpus(corpus: Path, splits: set[str]) -> list[tuple[dict, PageScore]]:
    """Every page of the chosen splits with its score, in manifest order."""
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    scored = []
    for entry in manifest:
        if entry["split"] not in splits:
            continue
        expected = json.loads((corpus / "expected" / f"{entry['id']}.json").read_text("utf-8"))
        suffix = ".html" if entry["kind"] == "html" else ".txt"
        imported, failure = _import(corpus / "pages" / f"{entry['id']}{suffix}")
        scored.append((entry, score_page(expected, imported, failure)))
    return scored


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "–"


def _row(label: str, scores: list[PageScore]) -> str:
    total = lambda name: sum(getattr(s, name) for s in scores)  # noqa: E731
    present = [s for s in scores if s.byline_present]
    cells = [
        label,
        str(len(scores)),
        _ratio(total("kept"), total("paragraphs")),
        _ratio(total("left"), total("boilerplate")),
        _ratio(total("title_right"), len(scores)),
        _ratio(sum(s.byline_right for s in present), len(present)),
        _ratio(total("subheadings_found"), total("subheadings")),
        _ratio(total("date_right"), len(scores)),
        str(sum(bool(s.failed) for s in scores)),
    ]
    return "| " + " | ".join(cells) + " |"


def table(scored: list[tuple[dict, PageScore]], title: str) -> str:
    """A Markdown table: one row per site, then all pages (per kind and overall)."""
    header = (
        f"### {title}\n\n| site | pages | paragraphs kept | boilerplate left | title "
        "| byline (of present) | subheadings | date | failed |\n"
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|"
    )
    by_site: dict[str, list[PageScore]] = defaultdict(list)
    by_kind: dict[str, list[PageScore]] = defaultdict(list)
    for entry, score in scored:
        by_site[entry["site"]].append(score)
        by_kind[entry["kind"]].append(score)
    rows = [_row(site, by_site[site]) for site in sorted(by_site)]
    rows += [_row(f"**all {kind}**", by_kind[kind]) for kind in sorted(by_kind)]
    rows.append(_row("**all**", [score for _, score in scored]))
    return "\n".join([header, *rows])


def main(argv: list[str] | None = None) -> int:
    """Print the tables; exit 0 (targets are reported, not enforced)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "held", "all"], default="all")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--json", type=Path, help="write per-page scores here")
    args = parser.parse_args(argv)
    splits = ["dev", "held"] if args.split == "all" else [args.split]
    results = {split: score_corpus(args.corpus, {split}) for split in splits}
    names = {"dev": "Development pages (tuned on)", "held": "Held-out pages (never tuned on)"}
    for split in splits:
        print(table(results[split], names[split]), end="\n\n")
    if args.json:
        rows = [{**e, **asdict(s)} for split in splits for e, s in results[split]]
        args.json.write_text(json.dumps(rows, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
