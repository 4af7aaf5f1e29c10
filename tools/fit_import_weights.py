"""Fit the pasted-text importer's line scores: ``python -m tools.fit_import_weights``.

Reads only the development pages of ``tests/import_real/`` (manifest ``split: dev``; held
pages are never opened), labels every line from the hand-written answers (paragraphs and
subheadings are article text, boilerplate is not; the headline and byline are the answers'
own), fits three logistic models (:mod:`tools.logistic_fit`), chooses their thresholds by
leave-one-site-out cross-validation, prints the cross-validated scores, and writes
``generator/importer/import_weights.json``. ``--check`` only prints the scores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import defaultdict
from dataclasses import asdict
from pathlib import Path

from benchmarks.import_eval import table
from benchmarks.import_score import normalise, same_byline, same_title, score_page
from generator.importer import ImportFailure, import_text
from generator.importer.clean import clean_text
from generator.importer.line_features import HEADLINE_REACH, line_features, prose_map
from generator.importer.scores import WEIGHTS_FILE, LineModel
from generator.importer.text import blocks_from_text
from generator.importer.text_page import Models, byline_candidates, rule_verdicts
from generator.importer.text_page import title_features_of as title_rows
from tools.logistic_fit import Fitted, fit

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "import_real"
OUT = ROOT / "generator" / "importer" / WEIGHTS_FILE
# Keeping a paragraph matters more than dropping one more menu line: positives weigh more,
# and the body threshold is the highest that keeps this share of article lines across folds.
POSITIVE_WEIGHT = 3.0
KEEP_SHARE = 0.999
RIDGE = 1.0
_FALLBACK_DATE = dt.date(2000, 1, 1)


def dev_pages(corpus: Path) -> list[dict]:
    """The development pages: manifest entry, answer and text (held pages stay unread)."""
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    pages = []
    for entry in manifest:
        if entry["split"] != "dev" or entry["kind"] != "text":
            continue
        answer = json.loads((corpus / "expected" / f"{entry['id']}.json").read_text("utf-8"))
        text = (corpus / "pages" / f"{entry['id']}.txt").read_text(encoding="utf-8")
        pages.append({"entry": entry, "answer": answer, "text": text})
    return pages


def _line_label(block, article: set[str], furniture: set[str]) -> int | None:
    texts = [normalise(t) for t in (block.items or (block.text,))]
    if any(t in article for t in texts):
        return 1
    return 0 if all(t in furniture for t in texts) else None


def labelled(page: dict) -> dict:
    """One page's training rows: body lines, headline candidates, byline candidates."""
    answer = page["answer"]
    blocks = blocks_from_text(clean_text(page["text"]))
    verdicts = rule_verdicts(blocks)
    handled = [bool(verdict) for verdict in verdicts]
    article = {normalise(t) for t in answer["paragraphs"] + answer["subheadings"]}
    first = next(i for i, b in enumerate(blocks) if _line_label(b, article, set()) == 1)
    # The headline the reader sees is the last copy of it before the article's first line.
    title = max(i for i, b in enumerate(blocks[:first]) if same_title(answer["title"], b.text))
    article_run = prose_map(blocks, handled).run_from(title, HEADLINE_REACH)
    furniture = {normalise(t) for t in answer["boilerplate"]}
    rows: dict[str, list] = {"body": [], "title": [], "byline": []}
    for index, features in enumerate(line_features(blocks, handled, article_run)):
        label = _line_label(blocks[index], article, furniture)
        if index > title and not handled[index] and label is not None:
            rows["body"].append((features, label))
    for index, _, features in title_rows(blocks, verdicts):
        rows["title"].append((features, int(same_title(answer["title"], blocks[index].text))))
    for found in byline_candidates(blocks, handled, title):
        good = bool(answer["byline"]) and same_byline(answer["byline"], found["names"])
        rows["byline"].append((found["features"], int(good)))
    return rows


def _fit(rows: list[tuple[dict, int]], positive_weight: float | None = None) -> Fitted:
    """Fit one model; without ``positive_weight`` the two classes weigh the same in total
    (a page has one headline among hundreds of lines)."""
    names = sorted({name for features, _ in rows for name in features})
    tables, labels = [r for r, _ in rows], [y for _, y in rows]
    if positive_weight is None:
        positive_weight = (len(labels) - sum(labels)) / max(sum(labels), 1)
    return fit(tables, labels, names, ridge=RIDGE, positive_weight=positive_weight)


def fit_all(pages: list[dict], labels: dict[str, dict]) -> dict[str, Fitted]:
    """The three models fitted on ``pages``, each line (or candidate) a row; the body's
    article lines weigh :data:`POSITIVE_WEIGHT`, the byline's classes weigh the same."""
    pooled: dict[str, list] = defaultdict(list)
    for page in pages:
        for kind, rows in labels[page["entry"]["id"]].items():
            pooled[kind].append(rows)
    return {
        "body": _fit([row for rows in pooled["body"] for row in rows], POSITIVE_WEIGHT),
        "title": _fit([row for rows in pooled["title"] for row in rows], 1.0),
        "byline": _fit([row for rows in pooled["byline"] for row in rows]),
    }


def _model(fitted: Fitted, threshold: float) -> LineModel:
    return LineModel(fitted.bias, tuple(fitted.weights.items()), threshold)


def _body_threshold(scored: list[tuple[float, int]]) -> float:
    """The highest threshold that keeps :data:`KEEP_SHARE` of the article lines."""
    kept = sorted(p for p, y in scored if y)
    return kept[int(len(kept) * (1 - KEEP_SHARE))] if kept else 0.5


def _byline_threshold(scored: list[tuple[float, bool, bool]]) -> float:
    """The threshold that gets most pages' byline right (present or absent)."""
    grid = [t / 20 for t in range(1, 20)]
    return max(grid, key=lambda t: sum((p >= t) == good for p, good, _ in scored))


def cross_validate(pages: list[dict], labels: dict[str, dict]) -> tuple[dict, list]:
    """Leave one site out: thresholds from the held-out folds, and each page imported with
    the models fitted without its site (its score against the answer)."""
    sites = sorted({page["entry"]["site"] for page in pages})
    body_scores, byline_scores, folds = [], [], {}
    for site in sites:
        train = [p for p in pages if p["entry"]["site"] != site]
        fitted = fit_all(train, labels)
        folds[site] = fitted
        for page in (p for p in pages if p["entry"]["site"] == site):
            rows = labels[page["entry"]["id"]]
            body_scores += [(fitted["body"].probability(f), y) for f, y in rows["body"]]
            best = max(
                ((fitted["byline"].probability(f), y) for f, y in rows["byline"]), default=None
            )
            present = bool(page["answer"]["byline"])
            byline_scores.append(
                (best[0] if best else 0.0, bool(best and best[1]) or not present, present)
            )
    thresholds = {"body": _body_threshold(body_scores), "title": 0.0}
    thresholds["byline"] = _byline_threshold(byline_scores)
    scored = []
    for page in pages:
        fitted = folds[page["entry"]["site"]]
        models = Models(*(_model(fitted[k], thresholds[k]) for k in ("body", "title", "byline")))
        scored.append((page["entry"], score_page(page["answer"], *_imported(page, models))))
    return thresholds, scored


def _imported(page: dict, models: Models) -> tuple[dict | None, str]:
    for date in (None, _FALLBACK_DATE):
        try:
            article = import_text(page["text"], name=page["entry"]["id"], date=date, models=models)
        except ImportFailure as failure:
            if "date" in str(failure) and date is None:
                continue
            return None, str(failure)
        return asdict(article), ""
    return None, "no date"


def weights_json(fitted: dict[str, Fitted], thresholds: dict[str, float], note: str) -> str:
    """The shipped weights file: one model per name, rounded to four places."""
    models = {
        kind: {
            "bias": round(model.bias, 4),
            "weights": {k: round(v, 4) for k, v in sorted(model.weights.items())},
            "threshold": round(thresholds[kind], 4),
        }
        for kind, model in fitted.items()
    }
    return json.dumps({"about": note, "models": models}, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Cross-validate, print the scores, and (unless ``--check``) write the weights."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="print scores, write nothing")
    args = parser.parse_args(argv)
    pages = dev_pages(CORPUS)
    labels = {page["entry"]["id"]: labelled(page) for page in pages}
    thresholds, scored = cross_validate(pages, labels)
    print(table(scored, "Leave-one-site-out cross-validation (dev pages)"), end="\n\n")
    print("thresholds:", json.dumps(thresholds))
    if not args.check:
        note = (
            f"Fitted by tools/fit_import_weights.py on {len(pages)} development pages of "
            "tests/import_real/ (held pages unread); thresholds from leave-one-site-out folds."
        )
        OUT.write_text(weights_json(fit_all(pages, labels), thresholds, note), encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
