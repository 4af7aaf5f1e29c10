"""``explainer import``: raw pages in, article files out, and a list of what was dropped.

The CLI owner wires it up with :func:`add_arguments` and :func:`run_from_args`; tests call
:func:`run` directly.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from generator.content.slugs import article_slug, is_valid_slug
from generator.importer import ImportedArticle, ImportFailure, import_file
from generator.importer.dates import parse_iso_argument
from generator.importer.destination import (
    Destination,
    check_output_dir,
    check_target,
    refuse_taken,
    taken_slugs,
    write_new,
)
from generator.importer.render import render_article
from generator.importer.verify import verify_article
from generator.output.terminal import printable, printable_path

DEFAULT_CONTENT = Path("content")


def _date_argument(value: str) -> dt.date:
    """argparse type for ``--date``: a bad value is a usage error (exit status 2)."""
    try:
        return parse_iso_argument(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"invalid date {value!r}: use YYYY-MM-DD, e.g. 2024-08-21"
        ) from None


def _slug_argument(value: str) -> str:
    """argparse type for ``--slug``: one that ``check`` would refuse is a usage error."""
    if not is_valid_slug(value):
        raise argparse.ArgumentTypeError(
            f"invalid slug {value!r}: lower-case letters, digits and single hyphens"
        )
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``PATH... --date --output-dir --force --report`` (and ``--content``) to a parser.

    ``--content`` is added only when the parser does not have it yet; without
    ``--output-dir`` articles go to ``<content>/articles/``.
    """
    parser.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="raw article files: plain text (.txt) or saved pages (.html)",
    )
    parser.add_argument(
        "--date",
        type=_date_argument,
        default=None,
        metavar="YYYY-MM-DD",
        help="publication date, for pages that state none (overrides the page)",
    )
    parser.add_argument(
        "--output-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="where to write articles (default: <content>/articles/)",
    )
    parser.add_argument(
        "--force", action="store_true", help="overwrite an article file that already exists"
    )
    parser.add_argument(
        "--slug",
        type=_slug_argument,
        default=None,
        help="the article's URL name, when the title's is taken (one input only)",
    )
    parser.add_argument(
        "--report",
        type=Path,
        default=None,
        metavar="FILE",
        help="write the list of dropped lines to FILE instead of printing it",
    )
    with contextlib.suppress(argparse.ArgumentError):  # the CLI may already give it
        parser.add_argument(
            "--content",
            type=Path,
            default=DEFAULT_CONTENT,
            metavar="DIR",
            help="content folder (default: content)",
        )


def run_from_args(
    args: argparse.Namespace, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run with parsed arguments; the output folder defaults to ``<content>/articles``."""
    content = Path(getattr(args, "content", None) or DEFAULT_CONTENT)
    if args.slug and len(args.paths) > 1:
        print("error: --slug names one article; import one page at a time", file=err or sys.stderr)
        return 2
    return run(
        args.paths,
        date=args.date,
        output_dir=args.output_dir or content / "articles",
        content=content,
        force=args.force,
        slug=args.slug,
        report=args.report,
        out=out or sys.stdout,
        err=err or sys.stderr,
    )


def main(args: argparse.Namespace) -> int:
    """The ``import`` command's entry point for the CLI (``set_defaults(run=main)``)."""
    return run_from_args(args)


def _dropped_lines(source: Path, target: Path, article: ImportedArticle) -> list[str]:
    """The report's lines for one input, each safe to show on a terminal."""
    lines = [f"{printable_path(source)} -> {printable_path(target)}"]
    lines += [
        f"  dropped ({printable(line.reason)}): {printable(line.text)}" for line in article.dropped
    ]
    return lines


def images_notice(article: ImportedArticle) -> str:
    """The line saying which images the import left out, safe on a terminal ("" for none)."""
    found = article.images_left_out
    if not found:
        return ""
    listed = " ".join(printable(src) for src in found)
    noun = "image" if len(found) == 1 else "images"
    return (
        f"  left out {len(found)} {noun} (an article shows only files under content/; "
        f"save one there and add it as ![Alt text](../images/name.jpg)): {listed}"
    )


def _import_one(
    path: Path, date: dt.date | None, where: Destination, written: set[Path]
) -> tuple[Path, ImportedArticle, bool]:
    """Import and write one file; ImportFailure explains anything that stops it."""
    article = import_file(path, date)
    if where.slug:
        article = replace(article, slug=where.slug)
    slug = where.slug or article_slug(article.title, article.date)
    target = where.output_dir / f"{slug}.md"
    if target in written:
        raise ImportFailure(f"{path}: same article file as an earlier input: {target}")
    refuse_taken(path, slug, target, where)
    check_target(target)
    text = render_article(article)
    verify_article(text, str(path))
    try:
        replaced = write_new(target, text, force=where.force)
    except FileExistsError:
        raise ImportFailure(
            f"{path}: {target} already exists; use --force to overwrite it"
        ) from None
    except OSError as error:
        raise ImportFailure(f"{path}: cannot write {target}: {error}") from error
    written.add(target)
    return target, article, replaced


def run(
    paths: list[Path],
    *,
    date: dt.date | None,
    output_dir: Path,
    force: bool,
    report: Path | None,
    content: Path | None = None,
    slug: str | None = None,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    """Import each path into ``output_dir``; return 0 when all succeeded, 1 otherwise.

    A failed input is reported on ``err`` and the others still proceed. What was written
    goes to ``out``; the dropped lines go to ``out`` too, or to ``report`` when given.
    An ``output_dir`` inside ``content`` that a link leads out of it fails every input. A
    slug another article of ``content`` has is refused, naming that file (``slug`` chooses
    another).
    Whatever came from a page or a file name is printed with unprintable characters
    escaped, in the report file too (it is read with ``cat`` and ``less``).
    """
    try:
        check_output_dir(output_dir, content)
    except ImportFailure as failure:
        print(f"error: {printable(str(failure))}", file=err)
        return 1
    where = Destination(output_dir, taken_slugs(content), force, slug)
    failed = False
    written: set[Path] = set()
    report_lines: list[str] = []
    for path in paths:
        try:
            target, article, replaced = _import_one(Path(path), date, where, written)
        except ImportFailure as failure:
            print(f"error: {printable(str(failure))}", file=err)
            report_lines.append(f"{printable_path(path)}: FAILED: {printable(str(failure))}")
            failed = True
            continue
        verb = "overwrote" if replaced else "wrote"
        shown = printable_path(target)
        print(f"{verb} {shown} ({len(article.dropped)} lines dropped)", file=out)
        notice = images_notice(article)
        if notice:
            print(notice, file=out)
        details = _dropped_lines(Path(path), target, article)
        report_lines += details + ([notice] if notice else [])
        if report is None and article.dropped:
            print("\n".join(details[1:]), file=out)
    if report is not None:
        try:
            report.write_text("\n".join(report_lines) + "\n", encoding="utf-8")
        except OSError as error:
            shown = printable_path(report)
            print(f"error: cannot write the report {shown}: {error.strerror}", file=err)
            return 1
        print(f"dropped lines listed in {printable_path(report)}", file=out)
    return 1 if failed else 0
