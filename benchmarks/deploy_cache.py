"""A deploy with the page cache, and the full build against bare mkdocs-material.

``python -m benchmarks.deploy_cache [--sizes 1000 10000] [--workdir DIR]``

For each size N, on one synthetic archive (:mod:`benchmarks.synthetic`), each build a
process of its own, measured in CPU seconds (children included: Pagefind) because the
machine is shared:

- **cold**: ``explainer build`` as the deploy workflow ran it before the cache;
- **cold, filling the cache**: ``explainer build --cache DIR`` into an empty cache, the
  first deploy's cost;
- **warm**: one article edited (a sentence added), then ``explainer build --cache DIR``;
- **cold after the edit**: the reference the warm site must equal byte for byte (Pagefind's
  bundle apart from its per-page fragments: two runs over the same pages differ in it);
- **bare mkdocs-material**: ``mkdocs build`` of the same generated pages with the project's
  theme, extensions and nav, Material's own search, and no explainer plugin.

:func:`deploy_figures` returns the deploy figures for the table of targets (the bare ratio
there comes from :mod:`benchmarks.run`'s own bare build); :func:`measure` returns both.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from benchmarks.run import PROJECT_CONFIG, ROOT, _measure
from benchmarks.synthetic import edit_one_article, make_archive

WARM_SHARE_TARGET = 0.25
BARE_TARGETS = {1000: 1.0, 10000: 1.15}


def _build(content: Path, site: Path, cache: Path | None = None):
    command = [sys.executable, "-m", "generator", "build", "--content", str(content)]
    command += ["--site-dir", str(site), "--config-file", str(PROJECT_CONFIG), "--no-strict"]
    return _measure(command + (["--cache", str(cache)] if cache else []))


def _bare_config(folder: Path, docs: Path, site: Path) -> Path:
    """The project's theme, extensions and nav over ``docs``; Material's search, no plugin."""
    config = folder / "mkdocs-bare.yml"
    config.write_text(
        f"INHERIT: {PROJECT_CONFIG}\n"
        f"docs_dir: {docs}\nsite_dir: {site}\n"
        f"plugins: [search]\nwatch: []\n"
        f"theme:\n  custom_dir: {ROOT / 'theme'}\n",
        encoding="utf-8",
    )
    return config


def _tree(site: Path) -> dict[str, bytes]:
    files = {}
    for path in site.rglob("*"):
        relative = path.relative_to(site).as_posix()
        if path.is_file() and (not relative.startswith("pagefind/") or "/fragment/" in relative):
            files[relative] = path.read_bytes()
    return files


def _figures(run) -> dict:
    return {"cpu_s": run.cpu_s, "wall_s": run.wall_s, "peak_mb": run.peak_mb}


def _bare(content: Path, folder: Path) -> dict:
    """Bare mkdocs-material over the pages the generator makes of ``content``."""
    docs = folder / "docs"
    stage = [sys.executable, "-m", "benchmarks.stages", "generate", str(content), str(docs)]
    _measure([*stage, str(folder / "result.json")], folder / "result.json")
    config = _bare_config(folder, docs, folder / "site-bare")
    return _figures(_measure([sys.executable, "-m", "mkdocs", "build", "-f", str(config)]))


def measure(n: int, work: Path) -> tuple[dict, dict]:
    """The deploy figures and the bare ratio at ``n`` articles: see :func:`deploy_figures`."""
    deploy, cold = _deploy(n, work)
    bare = _bare(work / f"deploy-{n}" / "content", work / f"deploy-{n}")
    ratio = {
        "n": n,
        "full": _figures(cold),
        "bare": bare,
        "ratio": cold.cpu_s / bare["cpu_s"],
        "target": BARE_TARGETS.get(n, 1.15),
    }
    return deploy, ratio


def _deploy(n: int, work: Path):
    folder = work / f"deploy-{n}"
    shutil.rmtree(folder, ignore_errors=True)
    content, cache = folder / "content", folder / "cache"
    make_archive(n, content)
    filling = _build(content, folder / "site-fill", cache)
    edited = edit_one_article(content)
    warm = _build(content, folder / "site-warm", cache)
    cold = _build(content, folder / "site-cold")
    warm_files, cold_files = _tree(folder / "site-warm"), _tree(folder / "site-cold")
    differing = sorted(
        p for p in cold_files.keys() | warm_files.keys() if warm_files.get(p) != cold_files.get(p)
    )
    deploy = {
        "n": n,
        "edited": edited.name,
        "cold_filling": _figures(filling),
        "warm": _figures(warm),
        "cold": _figures(cold),
        "warm_share": warm.cpu_s / cold.cpu_s,
        "files_compared": len(cold_files),
        "files_differing": differing,
        "cache_mb": sum(p.stat().st_size for p in cache.rglob("*") if p.is_file()) / 2**20,
    }
    return deploy, cold


def deploy_figures(n: int, work: Path) -> dict:
    """A first deploy filling an empty cache, then one article edited: the deploy with the
    cache against a cold build of the same content, and whether their sites are equal."""
    return _deploy(n, work)[0]


def _verdict(value: float, target: float) -> str:
    return "met" if value <= target else f"missed by {value / target - 1:.0%}"


def lines(deploy: dict | None, bare: dict | None) -> list[str]:
    """The figures as report lines, each target with its verdict."""
    out = []
    if deploy:
        d = deploy
        same = (
            "byte-identical"
            if not d["files_differing"]
            else f"{len(d['files_differing'])} files differ"
        )
        out.append(
            f"- N={d['n']:,}: one-article deploy with the page cache "
            f"{d['warm']['cpu_s']:.1f} s CPU "
            f"against {d['cold']['cpu_s']:.1f} s cold ({d['warm_share']:.0%}; first "
            f"deploy filling the cache {d['cold_filling']['cpu_s']:.1f} s; cache "
            f"{d['cache_mb']:.0f} MB); site {same} over "
            f"{d['files_compared']:,} files — target ≤ 25%: "
            f"**{_verdict(d['warm_share'], WARM_SHARE_TARGET)}**"
        )
    if bare:
        b = bare
        out.append(
            f"- N={b['n']:,}: `explainer build` {b['full']['cpu_s']:.1f} s CPU against bare "
            f"mkdocs-material {b['bare']['cpu_s']:.1f} s ({b['ratio']:.2f}×) — target ≤ "
            f"{b['target']:.2f}×: **{_verdict(b['ratio'], b['target'])}**"
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--workdir", type=Path, help="keep archives, sites and caches here")
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="explainer-deploy-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        for n in args.sizes:
            print(*lines(*measure(n, work)), sep="\n", flush=True)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
