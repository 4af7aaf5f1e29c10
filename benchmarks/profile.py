"""Profile the generator stage (or MkDocs) on a synthetic archive with cProfile.

``python -m benchmarks.profile --size 1000 [--top 15] [--stage generator|mkdocs] [--save F]``

``generator`` profiles read + generate + write_pages into a fresh docs folder; ``mkdocs``
profiles a bare mkdocs-material build (the project's config without its hook) of those pages.
Prints the top functions by cumulative time, then by own time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.run import ENV, _bare_config
from benchmarks.synthetic import make_archive


def _generator(content: Path, docs: Path) -> None:
    from generator.content.read import read_archive
    from generator.output.write import write_pages
    from generator.site.build import generate_archive

    generation = generate_archive(read_archive(content))
    if generation.errors:
        raise SystemExit(f"{len(generation.errors)} content errors")
    write_pages(generation.pages, docs)


def _mkdocs(config: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(config), strict=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--stage", choices=("generator", "mkdocs"), default="generator")
    parser.add_argument("--no-glossary", action="store_true")
    parser.add_argument("--save", type=Path, help="write the raw profile (for snakeviz etc.)")
    args = parser.parse_args(argv)
    os.environ.update({k: v for k, v in ENV.items() if k not in os.environ})
    work = Path(tempfile.mkdtemp(prefix="explainer-profile-"))
    try:
        content, docs = work / "content", work / "docs"
        make_archive(args.size, content, with_glossary=not args.no_glossary)
        if args.stage == "mkdocs":
            _generator(content, docs)
            config = _bare_config(work, docs, work / "site")
            target, what = (lambda: _mkdocs(config)), "bare mkdocs build"
        else:
            target, what = (lambda: _generator(content, docs)), "read + generate + write_pages"
        profiler = cProfile.Profile()
        began = time.perf_counter()
        profiler.runcall(target)
        elapsed = time.perf_counter() - began
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.save:
        profiler.dump_stats(str(args.save))
    print(f"{what}, N={args.size}: {elapsed:.2f} s under cProfile")
    for order in ("cumulative", "tottime"):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order)
        stats.print_stats(args.top)
        print(f"\n--- top {args.top} by {order} ---")
        print(out.getvalue().split("\n\n", 1)[-1].strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
