"""Score ``explainer import`` on the public article-extraction benchmark.

``python -m benchmarks.article_eval`` imports each of the 181 pages of
``benchmarks/article_extraction/`` (scrapinghub/article-extraction-benchmark, MIT), turns the
article's body (its title is front-matter, not body) into plain text, and prints word 4-gram
F1, precision and recall (:mod:`benchmarks.article_metric`) beside the figures the benchmark
publishes for other extractors. ``--output FILE`` writes the extractions in the benchmark's own
format (``{id: {"articleBody": text}}``), which its ``evaluate.py`` reads; ``--pages FILE``
writes each page's figures, worst first.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
from collections.abc import Callable
from pathlib import Path

import markdown
from bs4 import BeautifulSoup

from benchmarks.article_metric import PageCounts, page_counts, score
from generator.importer import ImportFailure, import_html

DATA = Path(__file__).resolve().parent / "article_extraction"
# The benchmark scores the body only; a fixed date keeps a page that states none from failing.
_ANY_DATE = dt.date(2000, 1, 1)
# Published on the benchmark's README at commit 4a3bc979 (F1, precision, recall).
PUBLISHED = (
    ("readability-lxml 0.8.4.1", 0.922, 0.913, 0.931),
    ("newspaper4k 0.9.3.1", 0.949, 0.964, 0.934),
    ("trafilatura 2.0.0", 0.958, 0.938, 0.978),
    ("rs_trafilatura 9261e08 (best published)", 0.970, 0.951, 0.990),
)
_SOURCE = (
    "Published figures: README of scrapinghub/article-extraction-benchmark at "
    "4a3bc979f76c0df73cb95fe272e2fc1b96f9f010 (181 pages)."
)


def markdown_text(body: str) -> str:
    """A Markdown body as the plain text a reader sees (marks, link targets dropped)."""
    return BeautifulSoup(markdown.markdown(body, extensions=["tables"]), "html.parser").get_text()


def explainer_text(page: bytes, page_id: str) -> str:
    """The article body ``explainer import`` makes of a page, as plain text."""
    return markdown_text(import_html(page, name=page_id, date=_ANY_DATE).body)


def _extractors() -> dict[str, Callable[[bytes, str], str]]:
    extractors = {"explainer": explainer_text}
    try:
        import trafilatura
    except ImportError:  # a comparison only; the product does not need it here
        return extractors
    extractors["trafilatura"] = lambda page, _id: (
        trafilatura.extract(page, include_comments=False) or ""
    )
    return extractors


def load_truth(data: Path = DATA) -> dict[str, str]:
    """Each page id with its true article text."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    return {page_id: entry.get("articleBody", "") for page_id, entry in truth.items()}


def extract_all(
    extract: Callable[[bytes, str], str], truth: dict[str, str], data: Path = DATA
) -> tuple[dict[str, str], dict[str, str]]:
    """Every page's extracted text, and why each page that failed did."""
    texts, failures = {}, {}
    for page_id in truth:
        page = gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes())
        try:
            texts[page_id] = extract(page, page_id)
        except ImportFailure as failure:
            texts[page_id] = ""
            failures[page_id] = str(failure).removeprefix(f"{page_id}: ")
    return texts, failures


def report(name: str, counts: dict[str, PageCounts], failures: dict[str, str]) -> str:
    """A Markdown table: our figures, then the published ones, then the failures."""
    ours = score(counts.values())
    rows = [
        "| extractor | F1 | precision | recall |",
        "|---|--:|--:|--:|",
        f"| **{name} (measured here)** | **{ours.f1:.3f}** | {ours.precision:.3f} "
        f"| {ours.recall:.3f} |",
        *(f"| {label} | {f1:.3f} | {p:.3f} | {r:.3f} |" for label, f1, p, r in PUBLISHED),
    ]
    lines = [f"### Article-extraction benchmark ({ours.pages} pages)", "", *rows, "", _SOURCE]
    lines.append(f"Pages that failed to import: {len(failures)}")
    lines += [f"- {page_id}: {reason}" for page_id, reason in sorted(failures.items())]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the benchmark table; exit 0 (figures are reported, not enforced)."""
    extractors = _extractors()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extractor", choices=sorted(extractors), default="explainer")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--output", type=Path, help="extractions, in the benchmark's format")
    parser.add_argument("--pages", type=Path, help="per-page figures, worst first")
    args = parser.parse_args(argv)
    truth = load_truth(args.data)
    texts, failures = extract_all(extractors[args.extractor], truth, args.data)
    counts = {page_id: page_counts(truth[page_id], texts[page_id]) for page_id in truth}
    print(report(args.extractor, counts, failures))
    if args.output:
        output = {page_id: {"articleBody": text} for page_id, text in texts.items()}
        args.output.write_text(json.dumps(output, ensure_ascii=False, indent=1), "utf-8")
    if args.pages:
        rows = [
            {"id": i, "precision": c.precision, "recall": c.recall, "failure": failures.get(i)}
            for i, c in sorted(counts.items(), key=lambda kv: kv[1].precision + kv[1].recall)
        ]
        args.pages.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
