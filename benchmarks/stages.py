"""Measured stages, each run by ``benchmarks.run`` in a process of its own.

``python -m benchmarks.stages generate CONTENT DOCS RESULT.json``
    read + generate + write_pages into DOCS, each timed (wall and CPU), one generator run.
``python -m benchmarks.stages warm-edit CONTENT DOCS RESULT.json``
    as under ``explainer serve``: generate + write, edit one article, then generate + write
    again in the same (warm) process, timing the second run.
``python -m benchmarks.stages serve-edit CONTENT SITE RESULT.json``
    what ``explainer serve`` does on a change, in one process: a first dirty-mode build,
    then an article edited, a new entry, a rename and a deletion, each rebuilt as MkDocs'
    server does (configuration reloaded, pages regenerated, changed pages rebuilt), timed
    until the site is rebuilt and until the search index, updated in the background, has
    caught up, and the served site checked (``benchmarks/serve_edits.py``).
``python -m benchmarks.stages cli RESULT.json -- ARGS…``
    the product's own CLI (``python -m generator ARGS…``) with timers wrapped around
    ``generate``, ``write_pages``, MkDocs' ``build`` and the search index, so the stages of a real
    ``explainer build`` can be told apart. The wrappers only record time.

Each writes a JSON object to RESULT.json; the parent measures the whole process (wall, CPU,
peak memory).
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import time
from pathlib import Path


def _generate(content: Path, docs: Path, result: Path) -> int:
    from generator.content.read import read_archive
    from generator.output.write import write_pages
    from generator.site.build import generate_archive

    marks = [(time.perf_counter(), time.process_time())]
    archive = read_archive(content)
    marks.append((time.perf_counter(), time.process_time()))
    generation = generate_archive(archive)
    marks.append((time.perf_counter(), time.process_time()))
    if generation.errors:
        print(*(p.format() for p in generation.errors[:20]), sep="\n", file=sys.stderr)
        return 1
    report = write_pages(generation.pages, docs)
    marks.append((time.perf_counter(), time.process_time()))
    data = {
        "pages": len(generation.pages),
        "written": len(report.written),
        "unchanged": report.unchanged,
        "removed": len(report.removed),
        "warnings": sum(1 for p in generation.problems if p.severity == "warning"),
        "markdown_bytes": sum(len(p.text.encode("utf-8")) for p in generation.pages),
    }
    for name, (a, b) in zip(("read", "generate", "write"), itertools.pairwise(marks), strict=True):
        data[f"{name}_s"], data[f"{name}_cpu"] = b[0] - a[0], b[1] - a[1]
    data["stage_s"] = marks[-1][0] - marks[0][0]
    data["stage_cpu"] = marks[-1][1] - marks[0][1]
    result.write_text(json.dumps(data))
    return 0


def _warm_edit(content: Path, docs: Path, result: Path) -> int:
    """As under ``explainer serve``: generate once, edit one article, generate again."""
    from benchmarks.synthetic import edit_one_article
    from generator.output.write import write_pages
    from generator.site.build import generate
    from generator.site.run_cache import RunCache

    cache = RunCache()  # what the plugin keeps between the rebuilds of one server
    marks = [(time.perf_counter(), time.process_time())]
    write_pages(generate(content, cache=cache).pages, docs)
    marks.append((time.perf_counter(), time.process_time()))
    edit_one_article(content)
    marks.append((time.perf_counter(), time.process_time()))
    report = write_pages(generate(content, cache=cache).pages, docs)
    marks.append((time.perf_counter(), time.process_time()))
    data = {
        "first_s": marks[1][0] - marks[0][0],
        "warm_s": marks[3][0] - marks[2][0],
        "warm_cpu": marks[3][1] - marks[2][1],
        "written": len(report.written),
    }
    result.write_text(json.dumps(data))
    return 0


def _serve_edit(content: Path, site: Path, result: Path) -> int:
    """Edits under ``explainer serve``, timed and checked (see ``benchmarks/serve_edits.py``)."""
    from benchmarks.serve_edits import serve_edit_figures

    figures = serve_edit_figures(content, site)
    result.write_text(json.dumps(figures))
    problems = [p for edit in figures["edits"] for p in edit["problems"]]
    print(*problems, sep="\n", file=sys.stderr)
    return 1 if problems else 0


def _cli(result: Path, argv: list[str]) -> int:
    start = time.perf_counter()
    # Per call: [wall seconds, CPU seconds of this process].
    calls: dict[str, list[list[float]]] = {
        "generate": [],
        "write_pages": [],
        "mkdocs_build": [],
        "search_index": [],
    }

    # The build forks MkDocs' process (generator/output/apart.py): calls timed there are
    # appended to a file beside the result, which this process reads at the end.
    parent, forked = os.getpid(), result.with_suffix(".forked")
    forked.unlink(missing_ok=True)

    def timed(name, function):
        def wrapper(*args, **kwargs):
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                call = [time.perf_counter() - wall, time.process_time() - cpu]
                calls[name].append(call)
                if os.getpid() != parent:
                    with forked.open("a", encoding="utf-8") as out:
                        out.write(json.dumps([name, call]) + "\n")

        return wrapper

    # Patched before the CLI and the MkDocs plugin import them by name.
    import mkdocs.commands.build

    import generator.output.search_index
    import generator.output.write
    import generator.site.build

    generator.site.build.generate = timed("generate", generator.site.build.generate)
    generator.output.write.write_pages = timed("write_pages", generator.output.write.write_pages)
    mkdocs.commands.build.build = timed("mkdocs_build", mkdocs.commands.build.build)
    # Pagefind runs in a child process: this records its wall time (CPU is the child's).
    index_site = generator.output.search_index.index_site
    generator.output.search_index.index_site = timed("search_index", index_site)
    from generator.cli import main

    began = time.perf_counter()
    status = main(argv)
    ended = time.perf_counter()
    if forked.is_file():
        for line in forked.read_text(encoding="utf-8").splitlines():
            name, call = json.loads(line)
            calls[name].append(call)
    result.write_text(
        json.dumps({"imports_s": began - start, "main_s": ended - began, "status": status, **calls})
    )
    return status


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["generate"] and len(args) == 4:
        return _generate(Path(args[1]), Path(args[2]), Path(args[3]))
    if args[:1] == ["warm-edit"] and len(args) == 4:
        return _warm_edit(Path(args[1]), Path(args[2]), Path(args[3]))
    if args[:1] == ["serve-edit"] and len(args) == 4:
        return _serve_edit(Path(args[1]), Path(args[2]), Path(args[3]))
    if args[:1] == ["cli"] and len(args) >= 3 and args[2] == "--":
        return _cli(Path(args[1]), args[3:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
