"""The benchmark's target table: every target a row, judged on its figure or said unmeasured."""

from __future__ import annotations

import pytest

from benchmarks.targets import TargetTable, fit_line, scale_rows


@pytest.mark.parametrize(
    ("limit", "figure", "verdict"),
    [(1000, 878, "met"), (1000, 1000, "met"), (1.0, 1.35, "missed"), (25, None, "not measured")],
)
def test_a_row_is_met_at_or_under_its_limit(limit, figure, verdict) -> None:
    table = TargetTable()
    table.add("t", limit, figure, "MB")
    assert table.rows[0].verdict == verdict


@pytest.mark.parametrize(("holds", "verdict"), [(True, "met"), (False, "missed")])
def test_a_yes_or_no_row_says_whether_it_holds(holds: bool, verdict: str) -> None:
    table = TargetTable()
    table.check("same site", "byte-identical", "0 files differ", holds)
    assert table.rows[0].verdict == verdict
    assert f"| {'**missed**' if not holds else 'met'} |" in table.render()


def test_a_straight_line_needs_two_sizes() -> None:
    assert fit_line([(1000, 5.0)]) is None
    assert fit_line([(1000, 100.0), (10_000, 1000.0)]) == pytest.approx((0.0, 0.1))


def test_deploy_rows_come_from_the_deploy_figures() -> None:
    deploy = {
        "warm": {"cpu_s": 61.1},
        "cold": {"cpu_s": 138.6},
        "warm_share": 61.1 / 138.6,
        "cache_mb": 400.0,
        "files_differing": [],
        "files_compared": 26_229,
    }
    full = {"cpu_s": 147.0, "tree_peak_mb": 878.0, "site": {"html_pages": 12_173}}
    result = {"n": 10_000, "glossary": {"full": full}, "deploy": deploy}
    rows = {r.target: r for r in scale_rows([result]).rows}
    share = rows["deploy after a one-article change ÷ cold build, N=10,000 (CPU, cache warm)"]
    assert (share.figure, share.verdict) == ("44 %", "missed")
    same = rows["deployed site equals a cold build, N=10,000"]
    assert (same.figure, same.verdict) == ("0 of 26,229 files differ", "met")
