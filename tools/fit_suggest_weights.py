"""Fit the weights ``explainer suggest`` ships: ``python -m tools.fit_suggest_weights``.

Reads the development pages of the real-page corpus (never the held-out ones), finds every
group of names in them as ``suggest`` does before dropping any, and labels each group by
the hand-written answers: kept when its name finds an expected name of a page it is on
(the matching rule of :mod:`benchmarks.suggest_score`), a place when that name is listed
as a location. Two L2-regularised logistic regressions are fitted by Newton's method in
plain Python (a few thousand rows, a hundred features: no numerical library needed) and
written to ``generator/suggest/weights.json``.

``--cv`` instead reports leave-one-site-out cross-validation: for each site, the weights are
fitted without any group found on that site's pages and scored on those pages only.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from types import MappingProxyType

from benchmarks.suggest_eval import (
    CORPUS,
    HEADER,
    expected_names,
    load_pages,
    read_pages,
    row,
    score_pages,
)
from benchmarks.suggest_score import Name, Tally, finds
from generator.suggest import load_gazetteer
from generator.suggest.core import feature_table
from generator.suggest.model import WEIGHTS_FILE, Logistic, Weights
from tools import logistic_fit

OUT = Path(__file__).resolve().parent.parent / "generator" / "suggest" / WEIGHTS_FILE
L2 = 1.0  # pulls rare features' weights towards 0: a corpus of 33 pages is small
NEWTON_STEPS = 25
# Below an even chance: a missed name costs a contributor more than an extra line to skip.
KEEP_THRESHOLD = 0.2


# One training row: the pages the group is on, its features, kept?, a place? (None: unknown)
Row = tuple[frozenset[str], dict[str, float], bool, bool | None]


def labelled_rows(pages: list[tuple[dict, dict]]) -> list[Row]:
    """Every group found on the pages, labelled by the pages' answers."""
    answers = {entry["id"]: expected_names(expected) for entry, expected in pages}
    with tempfile.TemporaryDirectory() as tmp:
        articles = read_pages(pages, Path(tmp))
        table = feature_table(articles, load_gazetteer())
    rows: list[Row] = []
    for group, guess, features in table:
        ids = frozenset(Path(path).stem for path in group.articles)
        name = Name(group.name, guess.section, guess.kind)
        hits = [e for page in ids for e in answers[page] if finds(name, e)]
        place = (hits[0].section == "location") if hits else None
        rows.append((ids, features, bool(hits), place))
    return rows


def fit(samples: Iterable[tuple[dict[str, float], bool]]) -> Logistic:
    """An L2-regularised logistic regression (:mod:`tools.logistic_fit`, as the importer's).

    The feature table carries a constant ``bias`` feature; the fitter keeps its own
    unpenalised bias, which is written back under that name.
    """
    samples = list(samples)
    names = sorted({name for features, _ in samples for name in features} - {"bias"})
    fitted = logistic_fit.fit(
        [features for features, _ in samples],
        [1 if label else 0 for _, label in samples],
        names,
        ridge=L2,
        iterations=NEWTON_STEPS,
    )
    weights = {"bias": fitted.bias, **fitted.weights}
    return Logistic(MappingProxyType({n: round(w, 6) for n, w in weights.items() if round(w, 6)}))


def fit_weights(rows: Iterable[Row]) -> Weights:
    """The keep model from every row, the typing model from the rows of real names."""
    rows = list(rows)
    # Only what the hand rules keep is weighed: the model learns which of those to drop.
    keep = fit((f, kept) for _, f, kept, _ in rows if f["rules_keep"])
    keep = Logistic(keep.weights, KEEP_THRESHOLD)
    location = fit((features, place) for _, features, _, place in rows if place is not None)
    return Weights(keep, location)


def cross_validate(pages: list[tuple[dict, dict]], rows: list[Row]) -> list[str]:
    """Leave-one-site-out: one table row per site, and the total over all sites."""
    total, lines = Tally(), []
    sites = sorted({entry["site"] for entry, _ in pages})
    for site in sites:
        ids = {entry["id"] for entry, _ in pages if entry["site"] == site}
        weights = fit_weights(r for r in rows if not r[0] & ids)
        tally = score_pages(pages, lambda entry, s=site: entry["site"] == s, weights)
        total.add(tally)
        lines.append(row(site, len(ids), tally))
    return [row("Leave-one-site-out (dev)", len(pages), total), *lines]


def main(argv: list[str] | None = None) -> int:
    """Write the weights, or (``--cv``) print the cross-validation table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--cv", action="store_true", help="leave-one-site-out on dev")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    pages = load_pages(args.corpus, "dev")  # never "held": those pages are not tuned on
    rows = labelled_rows(pages)
    if args.cv:
        print(HEADER)
        print("\n".join(cross_validate(pages, rows)))
        return 0
    weights = fit_weights(rows)
    args.out.write_text(json.dumps(weights.as_json(), indent=1) + "\n", encoding="utf-8")
    kept = sum(r[2] for r in rows)
    print(f"{len(rows)} groups, {kept} real names: weights written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
