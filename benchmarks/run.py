"""Build benchmarks: the archive against a bare mkdocs-material build of the same pages.

``python -m benchmarks.run --sizes 100 1000 [10000] [--repeat R] [--output FILE.md] [--json F]``
``python -m benchmarks.run --report A.json B.json [--output FILE.md]`` (one table of saved runs)

For each size N, in one run, on synthetic archives from :mod:`benchmarks.synthetic`:

- **explainer build**: the product's CLI (``python -m generator build``) in a subprocess, as
  shipped. Its generator stage (every ``generate`` and ``write_pages`` call, timed in the
  process by :mod:`benchmarks.stages`) is told apart from the rest (MkDocs, start-up).
- **generator stage**: one ``generate`` + ``write_pages`` into a fresh docs folder, in a
  process of its own.
- **bare mkdocs-material**: ``mkdocs build`` of those same generated pages with the project's
  ``mkdocs.yml`` minus its hook (same theme, nav, plugins and extensions).
- the same three for the **no-glossary** archive: the same article files, no glossary entries.
- **one-edit rebuild**: after the full build, one article gains a sentence; generate + write
  into the same docs folder (how many files change), then ``mkdocs build --dirty``; and the
  same edit regenerated in a warm process, as ``explainer serve`` does.

Peak memory is the maximum resident set size of each subprocess (``wait4``). Times are wall
clock; with ``--repeat R`` each build runs R times, interleaved, and the fastest counts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import itertools
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from benchmarks.memory import measure_tree
from benchmarks.search import busiest_name, measure_search
from benchmarks.synthetic import edit_one_article, make_archive
from benchmarks.targets import scale_rows

ROOT = Path(__file__).resolve().parent.parent
PROJECT_CONFIG = ROOT / "mkdocs.yml"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}
# What the product's hook would set: the build date follows the content (2025-12-31 at most).
ENV.setdefault("SOURCE_DATE_EPOCH", "1767139200")
GENERATOR_SHARE_TARGET = 0.10
FULL_OVER_BARE_TARGET = 1.15
SEARCH_CATCH_UP_TARGET = 10.0


@dataclass
class Run:
    """One measured subprocess."""

    wall_s: float
    cpu_s: float
    peak_mb: float
    data: dict = field(default_factory=dict)
    # The largest sum of the process tree's resident memory (benchmarks/memory.py).
    tree_peak_mb: float = 0.0
    warnings: list[str] = field(default_factory=list)


def _measure(command: list[str], result: Path | None = None, cwd: Path = ROOT) -> Run:
    """Run ``command``: its wall and CPU time, peak RSS, and the JSON it wrote to ``result``.

    CPU counts the children it waited for (MkDocs' process, Pagefind); ``peak_mb`` is the
    largest single process, ``tree_peak_mb`` the most the whole tree held at once.
    """
    if result is not None:
        result.unlink(missing_ok=True)
    with tempfile.TemporaryFile() as log:
        run = measure_tree(command, cwd=cwd, env=ENV, log=log)
        log.seek(0)
        text = log.read().decode("utf-8", "replace")
    if run.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {run.returncode}:\n{text[-3000:]}")
    data = json.loads(result.read_text()) if result is not None else {}
    warnings = [line for line in text.splitlines() if line.startswith("WARNING")]
    peaks = {"peak_mb": run.largest_process_mb, "tree_peak_mb": run.tree_peak_mb}
    return Run(run.wall_s, run.cpu_s, data=data, warnings=warnings, **peaks)


def _bare_config(folder: Path, docs: Path, site: Path) -> Path:
    """The project's mkdocs.yml without its plugin or hooks, building ``docs`` into ``site``."""
    config = folder / "mkdocs-bare.yml"
    config.write_text(
        f"# The project's configuration (same theme, nav, plugins, extensions), no hooks.\n"
        f"INHERIT: {PROJECT_CONFIG}\n"
        f"docs_dir: {docs}\n"
        f"site_dir: {site}\n"
        f"hooks: []\n"
        # Without the explainer plugin, which keeps pages out of Material's search (lunr).
        f"plugins:\n  - search\n"
        f"watch: []\n"
        f"theme:\n  custom_dir: {ROOT / 'theme'}\n",
        encoding="utf-8",
    )
    return config


def _site_stats(site: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    index = site / "search" / "search_index.json"
    raw = index.read_bytes() if index.is_file() else b""
    workers = sorted((site / "assets" / "javascripts" / "workers").glob("search.*.js"))
    worker = workers[0].read_bytes() if workers else b""
    pagefind = [p for p in files if p.relative_to(site).parts[0] == "pagefind"]
    listed = site / "pagefind" / "bundles.json"
    bundles = 1 + len(json.loads(listed.read_text())["bundles"]) if listed.is_file() else 1
    return {
        "pagefind_bytes": sum(p.stat().st_size for p in pagefind),
        "bundles": bundles,
        "bytes": sum(p.stat().st_size for p in files),
        "files": len(files),
        "html_pages": sum(1 for p in files if p.suffix == ".html" and p.name != "404.html"),
        "index_bytes": len(raw),
        "index_gzip": len(gzip.compress(raw, 6)),
        "index_docs": len(json.loads(raw)["docs"]) if raw else 0,
        "worker_bytes": len(worker),
        "worker_gzip": len(gzip.compress(worker, 6)),
    }


def _best(runs: list[Run]) -> dict:
    """The fastest run (its in-process timings too), with the highest peak memory seen."""
    best = min(runs, key=lambda r: r.wall_s)
    return {
        **best.data,
        "wall_s": best.wall_s,
        "cpu_s": best.cpu_s,
        "peak_mb": max(r.peak_mb for r in runs),
        "tree_peak_mb": max(r.tree_peak_mb for r in runs),
        "warnings": best.warnings,
    }


def _variant(folder: Path, content: Path, repeat: int) -> dict:
    """Generator stage, bare build and ``explainer build`` of one content folder."""
    docs, bare_site, full_site = folder / "docs", folder / "site-bare", folder / "site-full"
    config = _bare_config(folder, docs, bare_site)
    result = folder / "result.json"
    py = sys.executable
    gen_runs, bare_runs, full_runs = [], [], []
    for _ in range(repeat):
        shutil.rmtree(docs, ignore_errors=True)
        stage = [py, "-m", "benchmarks.stages", "generate", str(content), str(docs), str(result)]
        gen_runs.append(_measure(stage, result))
        # Not strict, and not -q (which hides warnings even from --strict): MkDocs warnings
        # are counted and reported instead of stopping the benchmark.
        bare_runs.append(_measure([py, "-m", "mkdocs", "build", "-f", str(config)]))
        cli = ["build", "--content", str(content), "--site-dir", str(full_site), "--no-strict"]
        cli += ["--config-file", str(PROJECT_CONFIG)]
        stage = [py, "-m", "benchmarks.stages", "cli", str(result), "--", *cli]
        full_runs.append(_measure(stage, result))
    full = _best(full_runs)
    timed = full["generate"] + full["write_pages"]
    full["generator_s"] = sum(wall for wall, _cpu in timed)
    full["generator_cpu"] = sum(cpu for _wall, cpu in timed)
    full["site"] = _site_stats(full_site)
    bare = _best(bare_runs)
    bare["site"] = _site_stats(bare_site)
    return {"gen": _best(gen_runs), "bare": bare, "full": full}


def _edit(folder: Path, content: Path) -> dict:
    """One article edited after a full build: regenerate + write, then ``mkdocs --dirty``."""
    docs, config, result = folder / "docs", folder / "mkdocs-bare.yml", folder / "result.json"
    py = sys.executable
    stage = [py, "-m", "benchmarks.stages", "generate", str(content), str(docs), str(result)]
    dirty = [py, "-m", "mkdocs", "build", "--dirty", "-f", str(config)]
    # The docs folder and bare site are those of the last full build of this archive.
    edited = edit_one_article(content)
    gen = _measure(stage, result)
    dirty_run = _measure(dirty)
    after = _site_stats(folder / "site-bare")
    # Again with nothing changed: the cost of a no-op regeneration.
    noop = _measure(stage, result)
    # Under `explainer serve` the process stays up between edits (and may memoise).
    warm = [py, "-m", "benchmarks.stages", "warm-edit", str(content), str(docs), str(result)]
    served = _measure(warm, result)
    # The real thing: MkDocs' dirty rebuild with the hook, in a process that built once.
    stage = [py, "-m", "benchmarks.stages", "serve-edit", str(content), str(folder / "site-serve")]
    serve = _measure([*stage, str(result)], result)
    return {
        "serve_s": serve.data["rebuild_s"],
        "serve_cpu": serve.data["rebuild_cpu"],
        "serve_search_s": serve.data["search_s"],
        "serve_edits": serve.data.get("edits", []),
        "article": edited.name,
        "gen_s": gen.data["stage_s"],
        "gen_cpu": gen.data["stage_cpu"],
        "write_s": gen.data["write_s"],
        "written": gen.data["written"],
        "noop_gen_s": noop.data["stage_s"],
        "noop_written": noop.data["written"],
        "dirty_s": dirty_run.wall_s,
        "dirty_cpu": dirty_run.cpu_s,
        "dirty_peak_mb": dirty_run.peak_mb,
        "index_docs_after": after["index_docs"],
        "warm_s": served.data["warm_s"],
        "warm_cpu": served.data["warm_cpu"],
        "warm_written": served.data["written"],
    }


def _light(folder: Path, content: Path) -> dict:
    """Only ``explainer build`` of one content folder: for sizes too large to build thrice."""
    site, result = folder / "site-full", folder / "result.json"
    cli = ["build", "--content", str(content), "--site-dir", str(site), "--no-strict"]
    cli += ["--config-file", str(PROJECT_CONFIG)]
    command = [sys.executable, "-m", "benchmarks.stages", "cli", str(result), "--", *cli]
    full = _best([_measure(command, result)])
    full["site"] = _site_stats(site)
    return {"full": full}


def measure_size(n: int, work: Path, repeat: int, seed: int = 0, *, light: bool = False) -> dict:
    """Every figure for archives of ``n`` articles.

    ``light``: only ``explainer build`` of the archive and a first search on it (no bare or
    no-glossary builds, no edit), for the memory and search targets at large sizes.
    """
    base = work / f"n{n}"
    out: dict = {"n": n, "light": light}
    variants = (("glossary", True),) if light else (("glossary", True), ("plain", False))
    for name, glossary in variants:
        folder = base / name
        folder.mkdir(parents=True, exist_ok=True)
        info = make_archive(n, folder / "content", seed, with_glossary=glossary)
        print(f"  N={n} {name}: {info.entries} glossary entries; building…", file=sys.stderr)
        out[name] = (
            _light(folder, info.content_dir)
            if light
            else _variant(folder, info.content_dir, repeat)
        )
        out[name]["archive"] = {"entries": info.entries, "words": info.words}
    print(f"  N={n}: a first search in Chromium…", file=sys.stderr)
    glossary = base / "glossary"
    query = busiest_name(glossary / "site-full")
    out["search"] = {"pagefind": measure_search(glossary / "site-full", query)}
    if light:
        return out
    out["search"]["lunr"] = measure_search(glossary / "site-bare", query, lunr=True)
    print(f"  N={n}: one-edit rebuild…", file=sys.stderr)
    out["edit"] = _edit(base / "glossary", base / "glossary" / "content")
    # Imported here: the deploy benchmark measures with this module's helpers.
    from benchmarks.deploy_cache import deploy_figures

    print(f"  N={n}: a deploy with the build cache…", file=sys.stderr)
    out["deploy"] = deploy_figures(n, work)
    return out


def fingerprint(root: Path = ROOT) -> str:
    """A short hash of what is being measured: the generator, theme, config and pins."""
    digest = hashlib.sha256()
    files = [*(root / "generator").rglob("*"), *(root / "theme").rglob("*")]
    files += [root / "mkdocs.yml", root / "pyproject.toml"]
    for path in sorted(p for p in files if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def _commit(root: Path = ROOT) -> str:
    """The checked-out commit (read-only git), "+changes" when the measured sources differ."""

    def git(*args: str) -> str:
        command = ["git", "-C", str(root), *args]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    try:
        commit = git("rev-parse", "--short", "HEAD").strip()
        paths = ("generator", "theme", "mkdocs.yml", "pyproject.toml")
        dirty = git("status", "--porcelain", "--", *paths).strip()
    except (OSError, subprocess.CalledProcessError):
        return "n/a"
    return commit + ("+changes" if dirty else "")


# --- reporting -------------------------------------------------------------------------------


def machine() -> dict:
    mem = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        kb = int(meminfo.read_text().split("MemTotal:")[1].split()[0])
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()

    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "absent"

    return {
        "cores": cores,
        "cpu": cpu or platform.processor(),
        "memory": mem,
        "os": platform.platform(),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "markdown": version("markdown"),
        "load": " / ".join(f"{x:.2f}" for x in os.getloadavg()),
        "date": dt.date.today().isoformat(),
        "commit": _commit(),
        "fingerprint": fingerprint(),
    }


def _mb(n: float) -> str:
    return f"{n / 1e6:.2f}"


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "–"


def _rows(r: dict) -> list[tuple[str, dict]]:
    """(label, figures) for each kind of build of one size; times are wall and CPU seconds."""
    rows = []
    for variant, label in (("glossary", "archive"), ("plain", "no-glossary archive")):
        v = r[variant]
        full, gen, bare = v["full"], v["gen"], v["bare"]
        pages = full["site"]["html_pages"]
        rows.append(
            (
                f"{label}: `explainer build` ({len(full['generate'])}× generate)",
                {
                    "pages": pages,
                    "gen": full["generator_s"],
                    "gen_cpu": full["generator_cpu"],
                    "total": full["wall_s"],
                    "total_cpu": full["cpu_s"],
                    "peak": full["peak_mb"],
                    "site": full["site"],
                },
            )
        )
        rows.append(
            (
                f"{label}: generate+write, then mkdocs without hook",
                {
                    "pages": pages,
                    "gen": gen["stage_s"],
                    "gen_cpu": gen["stage_cpu"],
                    "total": gen["stage_s"] + bare["wall_s"],
                    "total_cpu": gen["stage_cpu"] + bare["cpu_s"],
                    "peak": max(gen["peak_mb"], bare["peak_mb"]),
                    "site": bare["site"],
                },
            )
        )
        rows.append(
            (
                f"{label}: bare mkdocs-material, same pages",
                {
                    "pages": pages,
                    "gen": 0.0,
                    "gen_cpu": 0.0,
                    "total": bare["wall_s"],
                    "total_cpu": bare["cpu_s"],
                    "peak": bare["peak_mb"],
                    "site": bare["site"],
                },
            )
        )
    for _label, f in rows:
        f["mkdocs"] = f["total"] - f["gen"]
        f["mkdocs_cpu"] = f["total_cpu"] - f["gen_cpu"]
    return rows


def _figures_line(n: int, label: str, f: dict) -> str:
    s = f["site"]
    return (
        f"| {n:,} | {label} | {f['pages']:,} | {f['gen']:.1f} ({f['gen_cpu']:.1f}) | "
        f"{f['mkdocs']:.1f} ({f['mkdocs_cpu']:.1f}) | {f['total']:.1f} ({f['total_cpu']:.1f}) | "
        f"{f['gen'] / f['total']:.0%} ({f['gen_cpu'] / f['total_cpu']:.0%}) | "
        f"{f['peak']:.0f} | {1000 * f['total_cpu'] / f['pages']:.1f} | {_mb(s['bytes'])} | "
        f"{_mb(s['index_bytes'])} ({_mb(s['index_gzip'])}) | "
        f"{_mb(s.get('pagefind_bytes', 0))} |"
    )


def _ratio_line(n: int, label: str, a: dict, b: dict) -> str:
    sa, sb = a["site"], b["site"]
    return (
        f"| {n:,} | {label} | {_ratio(a['mkdocs_cpu'], b['mkdocs_cpu'])} | "
        f"{_ratio(a['total'], b['total'])} | {_ratio(a['total_cpu'], b['total_cpu'])} | "
        f"{_ratio(a['peak'], b['peak'])} | "
        f"{_ratio(a['total_cpu'] / a['pages'], b['total_cpu'] / b['pages'])} | "
        f"{_ratio(sa['bytes'], sb['bytes'])} |"
    )


def memory_table(results: list[dict]) -> list[str]:
    """``explainer build`` of each size: CPU, the whole tree's peak and the largest process."""
    lines = [
        "",
        "`explainer build`, whole process tree (MkDocs' forked process, Pagefind's runs): CPU "
        "seconds of all of them, the most they held at once (sampled) and the largest single "
        "process (`wait4`):",
        "",
        "| N | HTML pages | CPU s | CPU ms/page | tree peak MB | largest process MB "
        "| search bundles | Pagefind MB |",
        "|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        full = r["glossary"]["full"]
        site, tree = full["site"], full.get("tree_peak_mb", 0)
        lines.append(
            f"| {r['n']:,} | {site['html_pages']:,} | {full['cpu_s']:.1f} | "
            f"{1000 * full['cpu_s'] / site['html_pages']:.1f} | {tree:.0f} | "
            f"{full['peak_mb']:.0f} | {site.get('bundles', 1)} | {_mb(site['pagefind_bytes'])} |"
        )
    return lines


def report(results: list[dict], info: dict, seed: int = 0) -> str:
    """The whole report: build tables of complete runs, memory, search, scale targets."""
    every = results
    results = [r for r in every if not r.get("light")]
    text = _full_report(results, info, seed) if results else "## Build benchmark\n"
    lines = [*memory_table(every), *search_table(every), "", "Scale targets:", ""]
    lines.append(scale_rows(every).render())
    return text + "\n".join(lines) + "\n"


def _full_report(results: list[dict], info: dict, seed: int = 0) -> str:
    repeats = sorted({r.get("repeat", 1) for r in results})
    if len(repeats) == 1:
        runs = f"fastest of {repeats[0]} run{'s' if repeats[0] > 1 else ''} per build"
    else:
        runs = "fastest of " + ", ".join(f"{r.get('repeat', 1)} (N={r['n']:,})" for r in results)
        runs += " runs per build"
    lines = [
        "## Build benchmark",
        "",
        f"Machine: {info['cores']} cores ({info['cpu']}), {info['memory']} RAM, {info['os']}; "
        f"Python {info['python']}, mkdocs {info['mkdocs']}, mkdocs-material "
        f"{info['mkdocs-material']}, Markdown {info['markdown']}. Load average at the end: "
        f"{info['load']}. {info.get('date', '')}; {runs}. Product: commit {info['commit']}, "
        f"sources fingerprint {info['fingerprint']}.",
        "",
        f"Synthetic archives from `benchmarks/synthetic.py` (seed {seed}): N articles of "
        "600–900 words, N/5 glossary entries, 5–15 mentions per article. Times are seconds, "
        "wall clock with CPU time in brackets (CPU time is the steadier figure on a shared "
        "machine). *generator* = every `generate` + `write_pages` call; *mkdocs* = the rest "
        "(MkDocs and process start-up); peak = max RSS of the process (of the larger of the "
        "two processes when staged); ms/page = CPU ms per HTML page; *lunr index* = Material's "
        "`search_index.json` (empty when Pagefind serves search); *Pagefind* = the "
        "`pagefind/` bundle, of which a query fetches only the chunks it needs.",
        "",
        "| N | build | HTML pages | generator s | mkdocs s | total s | generator share | "
        "peak MB | CPU ms/page | site MB | lunr index MB (gzip) | Pagefind MB |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        for label, figures in _rows(r):
            lines.append(_figures_line(r["n"], label, figures))
    lines += [
        "",
        "Ratios:",
        "",
        "| N | comparison | mkdocs CPU | total wall | total CPU | peak | CPU ms/page | site |",
        "|---|---|--:|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        rows = dict(_rows(r))
        full, staged, bare, plain_full, _plain_staged, plain_bare = rows.values()
        n = r["n"]
        lines.append(_ratio_line(n, "`explainer build` ÷ bare", full, bare))
        lines.append(_ratio_line(n, "generate+write, then mkdocs ÷ bare", staged, bare))
        lines.append(_ratio_line(n, "`explainer build` ÷ no-glossary `explainer build`", full,
                                 plain_full))  # fmt: skip
        lines.append(_ratio_line(n, "bare ÷ no-glossary bare (page content)", bare, plain_bare))
    lines += [
        "",
        "One edit (a sentence appended to one article) after a full build, same docs folder:",
        "",
        "| N | generate+write s | files rewritten | `mkdocs build --dirty` s | dirty ÷ full bare "
        "| index entries after dirty / full | no-op generate+write s (rewritten) "
        "| same edit in a warm process: s (rewritten) "
        "| `explainer serve`: site rebuilt s | search caught up s |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        e, bare = r["edit"], r["glossary"]["bare"]
        lines.append(
            f"| {r['n']:,} | {e['gen_s']:.1f} ({e['gen_cpu']:.1f}) | {e['written']} | "
            f"{e['dirty_s']:.1f} ({e['dirty_cpu']:.1f}) | "
            f"{_ratio(e['dirty_cpu'], bare['cpu_s'])} | {e['index_docs_after']:,} / "
            f"{bare['site']['index_docs']:,} | {e['noop_gen_s']:.1f} ({e['noop_written']}) | "
            + (f"{e['warm_s']:.1f} ({e['warm_written']}) |" if "warm_s" in e else "– |")
            + (
                f" {e['serve_s']:.2f} ({e['serve_cpu']:.2f}) | {e['serve_search_s']:.1f} |"
                if "serve_s" in e
                else " – | – |"
            )
        )
    lines += ["", *targets(results), "", *notes(results)]
    return "\n".join(lines) + "\n"


def search_table(results: list[dict]) -> list[str]:
    """A reader's first search in Chromium: Pagefind (the product) and lunr (bare build)."""
    lines = [
        "",
        "A first search in headless Chromium, cold cache, site on 127.0.0.1 (fastest of 3): "
        "time from the keystroke to the first results on screen, and what was fetched for "
        "search from opening the page (index, worker, code); then a second query, and the "
        "same query typed at a reader's pace (a key every 120 ms):",
        "",
        "| N | search | query | first results ms | fetched for search MB | requests "
        "| next query ms | typed by a reader: ms after the last key |",
        "|---|---|---|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        engines = (("pagefind", "Pagefind (`explainer build`)"), ("lunr", "lunr (bare build)"))
        for engine, label in engines:
            m = r.get("search", {}).get(engine)
            if m:
                lines.append(
                    f"| {r['n']:,} | {label} | {m['query']} | {m['first_ms']:.0f} | "
                    f"{_mb(m['bytes'])} | {m['requests']} | {m['next_ms']:.0f} | "
                    f"{m.get('typed_ms', float('nan')):.0f} |"
                )
    return lines


def notes(results: list[dict]) -> list[str]:
    """MkDocs warnings, and whether the full and bare builds made the same search index."""
    lines = ["Notes:", ""]
    for r in results:
        product = r["product"]
        if product["before"] != product["after"]:
            lines.append(
                f"- N={r['n']:,}: **the product changed during the measurement** "
                f"({product['before']} → {product['after']}); these figures mix two versions"
            )
        for variant in ("glossary", "plain"):
            v = r[variant]
            for build in ("full", "bare"):
                warnings = v[build]["warnings"]
                if warnings:
                    lines.append(
                        f"- N={r['n']:,} {variant} {build}: {len(warnings)} MkDocs warning(s), "
                        f"e.g. `{warnings[0][:200]}`"
                    )
            full, bare = v["full"]["site"], v["bare"]["site"]
            if full["html_pages"] != bare["html_pages"]:
                lines.append(
                    f"- N={r['n']:,} {variant}: `explainer build` and the bare build differ "
                    f"({full['html_pages']} vs {bare['html_pages']} pages)"
                )
    if len(lines) == 2:
        lines.append("- no MkDocs warnings; full and bare builds made the same pages")
    return lines


def targets(results: list[dict]) -> list[str]:
    """The issue's targets, met or missed and by how much (judged on CPU time)."""
    lines = ["Targets (judged on CPU time; wall time in brackets):", ""]
    for r in results:
        full, staged, bare = list(dict(_rows(r)).values())[:3]
        n = r["n"]
        share, share_wall = full["gen_cpu"] / full["total_cpu"], full["gen"] / full["total"]
        staged_share = staged["gen_cpu"] / staged["total_cpu"]
        verdict = "met" if share <= GENERATOR_SHARE_TARGET else "missed"
        lines.append(
            f"- N={n:,}: generator stage {share:.0%} ({share_wall:.0%}) of `explainer build`, "
            f"{staged_share:.0%} staged — target ≤ 10%: **{verdict}**"
        )
        ratio, ratio_wall = full["total_cpu"] / bare["total_cpu"], full["total"] / bare["total"]
        verdict = "met" if ratio <= FULL_OVER_BARE_TARGET else "missed"
        lines.append(
            f"- N={n:,}: `explainer build` {ratio:.2f}× ({ratio_wall:.2f}×) the bare build, "
            f"{staged['total_cpu'] / bare['total_cpu']:.2f}× staged — target ≤ 1.15×: "
            f"**{verdict}**"
        )
        search = r.get("search", {}).get("pagefind")
        if search:
            typed = search.get("typed_ms", float("inf"))
            ok = search["bytes"] <= 1e6 and search["first_ms"] <= 500
            lines.append(
                f"- N={n:,}: first search {_mb(search['bytes'])} MB fetched, results in "
                f"{search['first_ms']:.0f} ms with the whole query at once on a cold page, "
                f"{typed:.0f} ms after the last key as a reader types — target ≤ 1 MB and "
                f"≤ 500 ms: **{'met' if ok else 'met as typed' if typed <= 500 else 'missed'}**"
            )
        edit = r.get("edit", {})
        if "serve_cpu" in edit:
            verdict = "met" if edit["serve_cpu"] <= 1.0 else "missed"
            lines.append(
                f"- N={n:,}: one edit under `explainer serve` rebuilt the site in "
                f"{edit['serve_cpu']:.2f} s CPU ({edit['serve_s']:.2f} s wall) — target ≤ 1 s: "
                f"**{verdict}**"
            )
            search = edit["serve_search_s"]
            verdict = "met" if search <= SEARCH_CATCH_UP_TARGET else "missed"
            lines.append(
                f"- N={n:,}: after that edit search caught up in {search:.1f} s wall "
                f"(Pagefind re-indexes the whole site) — target ≤ 10 s: **{verdict}**"
            )
            for step in edit.get("serve_edits", [])[1:]:
                lines.append(
                    f"  - then {step['edit']}: {step['rebuild_cpu']:.2f} s CPU "
                    f"({step['rebuild_s']:.2f} s wall), checked: "
                    f"{'correct' if not step['problems'] else '; '.join(step['problems'])}"
                )
    if len(results) > 1:
        slopes = []
        for a, b in itertools.pairwise(results):
            ra, rb = next(iter(dict(_rows(a)).values())), next(iter(dict(_rows(b)).values()))
            slope = (rb["peak"] - ra["peak"]) / (rb["pages"] - ra["pages"]) * 1000
            slopes.append(f"{slope:.0f} MB per 1,000 pages from N={a['n']:,} to {b['n']:,}")
        lines.append(f"- peak memory of `explainer build`: {'; '.join(slopes)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=1, help="runs per build; fastest counts")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--light-from",
        type=int,
        default=20_000,
        metavar="N",
        help="from this size on, only explainer build and a first search (default 20000)",
    )
    parser.add_argument("--output", type=Path, help="also write the Markdown report here")
    parser.add_argument("--json", type=Path, help="write every raw figure here")
    parser.add_argument("--workdir", type=Path, help="keep archives and sites here")
    parser.add_argument(
        "--report", type=Path, nargs="+", metavar="JSON", help="only print a report of saved runs"
    )
    args = parser.parse_args(argv)
    if args.report:
        saved = [json.loads(path.read_text()) for path in args.report]
        results = sorted((r for run in saved for r in run["results"]), key=lambda r: r["n"])
        text = report(results, saved[0]["machine"], args.seed)
        print(text)
        if args.output:
            args.output.write_text(text, encoding="utf-8")
        return 0
    work = args.workdir or Path(tempfile.mkdtemp(prefix="explainer-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        for n in args.sizes:
            began, before = time.perf_counter(), fingerprint()
            light = n >= args.light_from
            results.append(measure_size(n, work, args.repeat, args.seed, light=light))
            results[-1]["product"] = {"before": before, "after": fingerprint()}
            results[-1]["repeat"] = args.repeat
            print(f"  N={n}: {time.perf_counter() - began:.0f} s", file=sys.stderr)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    info = machine()
    text = report(results, info, args.seed)
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "results": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
