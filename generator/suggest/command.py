"""``explainer suggest``: list names that deserve a glossary entry; write stubs for chosen ones."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from generator.output.terminal import printable, printable_data, printable_path
from generator.suggest.choose import ask, select
from generator.suggest.core import Candidate, Suggestions, suggest
from generator.suggest.near_duplicates import NearDuplicate
from generator.suggest.ner import NerUnavailable, load_pipeline, ner_finder

FORMATS = ("text", "json")
EXAMPLE_WIDTH = 90


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--content DIR``, ``--format text|json``, ``--write [NAME…]``, ``--spacy-model``."""
    parser.add_argument(
        "--content", type=Path, default=Path("content"), help="content folder (default: content)"
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="a readable table, or JSON for tools (default: text)",
    )
    parser.add_argument(
        "--write",
        nargs="*",
        metavar="NAME",
        default=None,
        help="create a glossary stub for each NAME (a suggested name or its id); with no "
        "NAME, pick them from a numbered list (at a terminal only); never overwrites",
    )
    parser.add_argument(
        "--spacy-model",
        metavar="NAME",
        default=None,
        help="also use the entities of this spaCy model, if you installed "
        "spaCy and the model (optional; not needed)",
    )


def main(args: argparse.Namespace) -> int:
    """Run with the arguments :func:`add_arguments` defined."""
    # Asking needs someone to answer: only a terminal on stdin gets the numbered list.
    interactive = args.write == [] and sys.stdin.isatty()
    return run(
        args.content,
        fmt=args.format,
        write=args.write,
        spacy_model=getattr(args, "spacy_model", None),
        answers=sys.stdin if interactive else None,
    )


def run(
    content_dir: Path,
    *,
    fmt: str = "text",
    write: Sequence[str] | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
    spacy_model: str | None = None,
    answers: TextIO | None = None,
) -> int:
    """Suggest glossary entries for ``content_dir``; write stubs for the names in ``write``.

    ``write=[]`` with ``answers`` (a terminal) lists the candidates and reads the choice
    from ``answers``; without ``answers`` it is a usage error. Returns 0, 1 when the content
    cannot be read (the problems are printed) and 2 when a ``spacy_model`` cannot be loaded
    or a name to write is no suggestion (then nothing is written). ``out`` and ``err``
    default to the ``sys.stdout`` and ``sys.stderr`` of the moment of the call.
    """
    from generator.content.read import read_archive  # the reader is only needed when run

    out, err = out or sys.stdout, err or sys.stderr
    if write == [] and answers is None:
        print("suggest: --write needs the names to write (or a terminal to ask)", file=err)
        return 2
    try:
        ner = ner_finder(load_pipeline(spacy_model)) if spacy_model else None
    except NerUnavailable as problem:
        print(f"suggest: {printable(str(problem))}", file=err)
        return 2
    archive = read_archive(content_dir)
    for problem in archive.problems:
        print(printable(problem.format()), file=err)
    if archive.errors:
        print(
            f"suggest: {len(archive.errors)} error(s) in {printable_path(content_dir)}; "
            "fix them first (an unreadable entry's aliases would be suggested again)",
            file=err,
        )
        return 1
    suggestions = suggest(archive.articles, archive.entities, ner=ner)
    # Names, sentences and paths all come from the articles: escape before printing.
    if fmt == "json":
        document = printable_data(to_json(suggestions))
        print(json.dumps(document, indent=2, ensure_ascii=False), file=out)
    else:
        print(to_text(suggestions), file=out)
    if write is None:
        return 0
    # In JSON mode stdout stays one JSON document; the choice and what was written go to stderr.
    stream = out if fmt == "text" else err
    candidates = list(suggestions.candidates)
    wanted = write or (ask(candidates, answers, stream) if answers and candidates else [])
    chosen, unknown = select(candidates, wanted)
    for message in unknown:
        print(printable(f"suggest: {message}; nothing written"), file=err)
    if unknown:
        return 2
    _write(content_dir, chosen, stream)
    return 0


def _write(content_dir: Path, candidates: list[Candidate], stream: TextIO) -> None:
    from generator.suggest.stubs import write_stubs

    results = write_stubs(content_dir, candidates)
    print("", file=stream)
    for result in results:
        if result.created:
            print(f"created {printable_path(result.path)}", file=stream)
        else:
            print(printable(f"skipped {result.name!r}: {result.reason}"), file=stream)
    created = sum(r.created for r in results)
    print(f"{created} stub(s) created, {len(results) - created} skipped", file=stream)


def _candidate_json(c: Candidate) -> dict[str, object]:
    return {
        "name": c.name,
        "id": c.id,
        "guess": c.guess,
        "kind": c.kind,
        "articles": c.article_count,
        "mentions": c.mention_count,
        "example": c.example,
        "example_path": c.example_path,
        "variants": list(c.variants),
    }


def _near_json(d: NearDuplicate) -> dict[str, object]:
    return {
        "name": d.name,
        "entity": d.entity or None,
        "other": d.other,
        "other_entity": d.other_entity,
        "difference": list(d.difference),
        "articles": d.articles,
    }


def to_json(suggestions: Suggestions) -> dict[str, object]:
    """The JSON document: per-article names, ranked candidates, near-duplicates."""
    return {
        "articles": {
            path: [{"name": s.name, "guess": s.guess, "kind": s.kind} for s in names]
            for path, names in suggestions.articles
        },
        "candidates": [_candidate_json(c) for c in suggestions.candidates],
        "near_duplicates": [_near_json(d) for d in suggestions.near_duplicates],
        "gazetteer": suggestions.gazetteer,
    }


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _guess_label(c: Candidate) -> str:
    return f"{c.guess}/{c.kind}" if c.kind else f"{c.guess}/?"


def to_text(suggestions: Suggestions) -> str:
    """A ranked table of candidates, then the near-duplicate spellings."""
    lines = []
    candidates = suggestions.candidates
    if not candidates:
        lines.append("No new names: every name found is in the glossary.")
    else:
        width = min(max(len(c.name) for c in candidates), 40)
        lines.append(
            f"{len(candidates)} name(s) without a glossary entry, most widely used first "
            f"(place names: {suggestions.gazetteer or 'none'}):"
        )
        lines.append("")
        lines.append(f"{'name':<{width}}  {'guess':<19} {'articles':>8} {'mentions':>8}  example")
        for c in candidates:
            lines.append(
                f"{_shorten(c.name, width):<{width}}  {_guess_label(c):<19} "
                f"{c.article_count:>8} {c.mention_count:>8}  "
                f"{_shorten(c.example, EXAMPLE_WIDTH)} ({c.example_path})"
            )
    if suggestions.near_duplicates:
        lines += ["", "Near-duplicate spellings (aliases match letter for letter):"]
        lines += [f"  {_near_line(d)}" for d in suggestions.near_duplicates]
    # One table row per line, whatever a name or example sentence holds.
    return "\n".join(printable(line) for line in lines)


def _near_line(d: NearDuplicate) -> str:
    differs = ", ".join(d.difference) or "spelling"
    if d.entity:
        return (
            f"{d.name!r} ({d.entity}) and {d.other!r} ({d.other_entity}) differ only in "
            f"{differs}: one entry written twice?"
        )
    return (
        f"{d.name!r} in {d.articles} article(s) is not an alias of {d.other_entity}, "
        f"which has {d.other!r} (differs in {differs}): add it to that entry's aliases?"
    )
