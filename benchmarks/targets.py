"""The scale targets as one table: target, figure, ratio to the limit, met or missed.

Any part of the benchmarks adds its rows to a :class:`TargetTable`::

    table = TargetTable()
    table.add("peak memory, whole build, N=10,000", limit=1000, figure=870, unit="MB")
    table.not_measured("deploy with cache ÷ cold build", "≤ 25%", "no deploy benchmark yet")
    print(table.render())

A row with no figure prints "not measured" and never counts as met. :func:`scale_rows` fills
the rows the build benchmark (:mod:`benchmarks.run`) measures from its results.
"""

from __future__ import annotations

from dataclasses import dataclass

HUNDRED_K = 100_000
# "Must not grow with N", read with the 5% by which one run differs from the next here.
NOT_GROWING = 1.05


@dataclass(frozen=True)
class Row:
    """One target: its limit and the figure measured (None: not measured)."""

    target: str
    goal: str
    figure: str | None
    ratio: float | None
    note: str = ""
    # For a yes-or-no target (no ratio): whether it holds.
    holds: bool | None = None

    @property
    def verdict(self) -> str:
        """ "met", "missed" or "not measured"."""
        if self.holds is not None:
            return "met" if self.holds else "missed"
        if self.ratio is None:
            return "not measured"
        return "met" if self.ratio <= 1.0 else "missed"


def _number(value: float, unit: str) -> str:
    text = f"{value:,.2f}" if abs(value) < 10 else f"{value:,.0f}"
    return f"{text}{unit}" if unit == "×" else f"{text} {unit}".strip()


class TargetTable:
    """Rows of targets, in the order added."""

    def __init__(self) -> None:
        self.rows: list[Row] = []

    def add(
        self,
        target: str,
        limit: float,
        figure: float | None,
        unit: str = "",
        *,
        note: str = "",
        goal: str | None = None,
    ) -> None:
        """A target met when ``figure`` ≤ ``limit`` (ratio = figure ÷ limit)."""
        if figure is None:
            self.not_measured(target, goal or f"≤ {_number(limit, unit)}", note)
            return
        self.rows.append(
            Row(
                target,
                goal or f"≤ {_number(limit, unit)}",
                _number(figure, unit),
                figure / limit,
                note,
            )
        )

    def check(self, target: str, goal: str, figure: str, holds: bool, note: str = "") -> None:
        """A yes-or-no target: ``figure`` says what was found."""
        self.rows.append(Row(target, goal, figure, None, note, holds))

    def not_measured(self, target: str, goal: str, note: str = "") -> None:
        """A target this run has no figure for."""
        self.rows.append(Row(target, goal, None, None, note))

    def render(self) -> str:
        """The table in Markdown."""
        lines = [
            "| target | goal | figure | ratio | verdict | note |",
            "|---|---|--:|--:|---|---|",
        ]
        for row in self.rows:
            ratio = "–" if row.ratio is None else f"{row.ratio:.2f}"
            verdict = f"**{row.verdict}**" if row.verdict == "missed" else row.verdict
            figure = row.figure or "not measured"
            lines.append(
                f"| {row.target} | {row.goal} | {figure} | {ratio} | {verdict} | {row.note} |"
            )
        return "\n".join(lines)


def fit_line(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Least-squares (intercept, slope) through ``points``; None with fewer than two sizes."""
    if len({x for x, _y in points}) < 2:
        return None
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points)
    slope /= sum((x - mean_x) ** 2 for x, _ in points)
    return mean_y - slope * mean_x, slope


def _by_n(results: list[dict]) -> dict[int, dict]:
    return {r["n"]: r for r in results}


def _full(r: dict) -> dict:
    return r["glossary"]["full"]


def _memory_rows(table: TargetTable, results: list[dict]) -> None:
    by_n = _by_n(results)
    ten = by_n.get(10_000)
    table.add(
        "peak memory of the whole build (process tree, Pagefind included), N=10,000",
        1000,
        _full(ten).get("tree_peak_mb") if ten else None,
        "MB",
        note="sampled from /proc every 50 ms",
    )
    points = [(r["n"], _full(r)["tree_peak_mb"]) for r in results if "tree_peak_mb" in _full(r)]
    points = [p for p in points if p[0] >= 1000]
    line = fit_line(points)
    table.add(
        "peak memory growth per 1,000 articles (flat as the archive grows)",
        10,
        line[1] * 1000 if line else None,
        "MB",
        note=f"fitted over N = {', '.join(f'{x:,}' for x, _ in points)}"
        if line
        else "needs two sizes",
    )
    table.add(
        "extrapolated peak memory at N=100,000, on a 16 GB runner",
        16_000,
        line[0] + line[1] * HUNDRED_K if line else None,
        "MB",
        note="straight-line fit of the measured sizes" if line else "needs two sizes",
    )


def _time_rows(table: TargetTable, results: list[dict]) -> None:
    points = [(r["n"], _full(r)["cpu_s"]) for r in results if r["n"] >= 1000]
    line = fit_line(points)
    # One process does most of the work (Pagefind alone uses more cores): CPU ≈ wall.
    table.add(
        "extrapolated build at N=100,000 on a 4-core runner (CPU s, taken as wall)",
        3600,
        line[0] + line[1] * HUNDRED_K if line else None,
        "s",
        note="straight-line fit of CPU s; this machine's cores are slower"
        if line
        else "needs two sizes",
    )
    per_page = {r["n"]: 1000 * _full(r)["cpu_s"] / _full(r)["site"]["html_pages"] for r in results}
    if 1000 in per_page and len(per_page) > 1:
        largest = max(per_page)
        # Flat within the noise of one run on a shared machine: 5%.
        table.add(
            f"CPU ms per page at N={largest:,} ÷ at N=1,000 (must not grow)",
            NOT_GROWING,
            per_page[largest] / per_page[1000],
            "×",
            note=", ".join(f"N={n:,}: {ms:.1f} ms" for n, ms in sorted(per_page.items())),
        )
    else:
        table.not_measured(
            "CPU ms per page must not grow with N", "≤ 1.05×", "needs N=1,000 and a larger size"
        )
    for n, limit in ((1000, 1.0), (10_000, 1.15)):
        r = _by_n(results).get(n)
        bare = r["glossary"].get("bare") if r else None
        ratio = _full(r)["cpu_s"] / bare["cpu_s"] if bare else None
        note = "" if bare else "bare build not run at this size"
        name = f"full build ÷ bare mkdocs-material, N={n:,} (CPU)"
        table.add(name, limit, ratio, "×", goal=f"≤ {limit:.2f}×", note=note)


def _get(figures: dict | None, key: str, scale: float = 1.0) -> float | None:
    return figures[key] * scale if figures and key in figures else None


def _edit_rows(table: TargetTable, results: list[dict]) -> None:
    edit = _by_n(results).get(10_000, {}).get("edit")
    note = "" if edit else "edit benchmark not run at N=10,000"
    table.add(
        "one edit under serve, N=10,000: page rebuilt (CPU)",
        1.0,
        _get(edit, "serve_cpu"),
        "s",
        note=note,
    )
    table.add(
        "one edit under serve, N=10,000: search caught up",
        10.0,
        _get(edit, "serve_search_s"),
        "s",
        note=note,
    )


def _search_rows(table: TargetTable, results: list[dict]) -> None:
    for n in (10_000, HUNDRED_K):
        search = _by_n(results).get(n, {}).get("search", {}).get("pagefind")
        note = "" if search else f"no archive of {n:,} measured"
        table.add(
            f"first search, N={n:,}: cold page, whole query",
            300,
            _get(search, "first_ms"),
            "ms",
            note=note,
        )
        table.add(
            f"first search, N={n:,}: typed at a reader's pace",
            150,
            _get(search, "typed_ms"),
            "ms",
            note=note,
        )
        table.add(
            f"first search, N={n:,}: fetched", 1.0, _get(search, "bytes", 1e-6), "MB", note=note
        )


def scale_rows(results: list[dict], table: TargetTable | None = None) -> TargetTable:
    """Every scale target, from :mod:`benchmarks.run`'s results (sizes not run: not measured)."""
    table = table or TargetTable()
    _memory_rows(table, results)
    _time_rows(table, results)
    _edit_rows(table, results)
    _search_rows(table, results)
    _deploy_rows(table, results)
    return table


def _deploy_rows(table: TargetTable, results: list[dict]) -> None:
    for n in (1000, 10_000):
        deploy = _by_n(results).get(n, {}).get("deploy")
        name = f"deploy after a one-article change ÷ cold build, N={n:,} (CPU, cache warm)"
        if not deploy:
            table.not_measured(name, "≤ 25%", f"deploy benchmark not run at N={n:,}")
            continue
        note = (
            f"{deploy['warm']['cpu_s']:.1f} s against {deploy['cold']['cpu_s']:.1f} s; "
            f"cache {deploy['cache_mb']:.0f} MB"
        )
        table.add(name, 25, 100 * deploy["warm_share"], "%", note=note, goal="≤ 25%")
        differing = deploy["files_differing"]
        table.check(
            f"deployed site equals a cold build, N={n:,}",
            "byte-identical",
            f"{len(differing)} of {deploy['files_compared']:,} files differ",
            not differing,
            note="Pagefind's bundle compared by its page fragments (its other files differ "
            "between any two runs)",
        )
