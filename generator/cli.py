"""``explainer`` / ``python -m generator``: build, serve, check, init, new, import, suggest, report.

Exit status: 0 success, 1 content errors, 2 usage errors.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import signal
import sys
import threading
from pathlib import Path

from generator.new_archive import DEFAULT_SITE_NAME
from generator.output.terminal import printable, printable_path
from generator.report import FORMATS, format_problems
from generator.site.check import check_content

DEFAULT_CONTENT = Path("content")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date YYYY-MM-DD") from None


def _add_content(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content", type=Path, default=DEFAULT_CONTENT, help="content folder (default: content)"
    )


def _config_file(args: argparse.Namespace) -> Path:
    config = args.config_file
    if not config.is_file():
        raise SystemExit(
            f"explainer: {printable_path(config)} not found; "
            "run from the project folder or pass --config-file"
        )
    return config


def _uses_project_content(config: Path, content: Path) -> bool:
    return content.resolve() == (config.resolve().parent / "content")


def cmd_build(args: argparse.Namespace) -> int:
    """Check the content, then build the whole site atomically."""
    from generator.output.site import SiteBuildError, build_site

    config = _config_file(args)
    # Another content folder gets a scratch docs folder of its own, never the project's.
    own_docs = _uses_project_content(config, args.content)
    try:
        generation, site = build_site(
            config,
            args.content,
            args.site_dir,
            own_docs=own_docs,
            strict=not args.no_strict,
            cache_dir=args.cache,
        )
    except SiteBuildError as err:
        message = printable(str(err))
        print(f"explainer: site not built, previous site kept: {message}", file=sys.stderr)
        return 1
    if generation.problems:
        print(format_problems(generation.problems), file=sys.stderr)
    if site is None:
        print("explainer: nothing was built; fix the errors above", file=sys.stderr)
        return 1
    print(f"explainer: built {generation.written} files into {printable_path(site)}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the site locally with live reload."""
    from generator.output.site import SiteBuildError, serve_site

    config = _config_file(args)
    try:
        serve_site(config, args.content, args.dev_addr, dirty=not args.full_rebuilds)
    except SiteBuildError as err:
        print(f"explainer: cannot serve: {printable(str(err))}", file=sys.stderr)
        return 1
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    """Write a new archive: example content, mkdocs.yml using the plugin, .gitignore."""
    from generator.new_archive import InitError, init_archive

    try:
        written = init_archive(args.folder, args.site_name)
    except InitError as err:
        print(f"explainer: init: {printable(str(err))}; nothing written", file=sys.stderr)
        return 2
    print(f"explainer: wrote {len(written)} files into {printable_path(args.folder)}")
    print("explainer: next, in that folder: explainer check, then explainer build")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Report every problem in the content without writing anything."""
    problems = check_content(args.content)
    report = format_problems(problems, args.format)
    if report:
        print(report)
    return 1 if any(p.severity == "error" for p in problems) else 0


def cmd_new(args: argparse.Namespace) -> int:
    """Scaffold an article with valid front-matter."""
    from generator.scaffold import ScaffoldError, new_article

    try:
        path = new_article(args.content, args.title, args.date or dt.date.today())
    except ScaffoldError as err:
        print(f"explainer: new: {printable(str(err))}; nothing written", file=sys.stderr)
        return 2
    except FileExistsError as err:
        print(
            f"explainer: {printable_path(err.filename)} already exists; nothing written",
            file=sys.stderr,
        )
        return 1
    print(f"explainer: created {printable_path(path)}: replace its summary and text, then check")
    return 0


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("explainer-archive")
    except PackageNotFoundError:  # a checkout run without being installed
        return "unknown (not installed)"


def _global_flags(*, top: bool) -> argparse.ArgumentParser:
    """Flags taken before or after the subcommand (``explainer build -v``)."""
    flags = argparse.ArgumentParser(add_help=False)
    # Below the subcommand, an absent flag must not undo one given before it.
    default = False if top else argparse.SUPPRESS
    flags.add_argument(
        "-v", "--verbose", action="store_true", default=default, help="log what MkDocs does"
    )
    return flags


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="explainer", description=__doc__.splitlines()[0], parents=[_global_flags(top=True)]
    )
    parser.add_argument("--version", action="version", version=f"explainer {_version()}")
    flags = _global_flags(top=False)
    commands = parser.add_subparsers(dest="command", required=True)
    _add_site_commands(commands, flags)
    _add_content_commands(commands, flags)
    _add_optional_commands(commands, flags)
    return parser


def _add_site_commands(commands, flags: argparse.ArgumentParser) -> None:
    """``build``, ``serve`` and ``init``: the commands that make or start a site."""
    build = commands.add_parser("build", help="build the site into site/", parents=[flags])
    _add_content(build)
    build.add_argument("--site-dir", type=Path, help="output folder (default: from mkdocs.yml)")
    build.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    build.add_argument("--no-strict", action="store_true", help="do not fail on MkDocs warnings")
    build.add_argument(
        "--cache",
        type=Path,
        metavar="DIR",
        help="reuse the HTML of unchanged pages from DIR and keep this build's there "
        "(default: no cache; the site is the same either way)",
    )
    build.set_defaults(run=cmd_build)

    serve = commands.add_parser("serve", help="serve the site with live reload", parents=[flags])
    _add_content(serve)
    serve.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")
    serve.add_argument(
        "--full-rebuilds",
        action="store_true",
        help="rebuild every page on each change (default: only the pages that changed)",
    )
    serve.set_defaults(run=cmd_serve)

    init = commands.add_parser(
        "init", help="write a new archive into an empty folder", parents=[flags]
    )
    init.add_argument("folder", type=Path, help="a new or empty folder")
    init.add_argument("--site-name", default=DEFAULT_SITE_NAME, help="the site's title")
    init.set_defaults(run=cmd_init)


def _add_content_commands(commands, flags: argparse.ArgumentParser) -> None:
    """``check`` and ``new``: the commands a contributor runs on the content."""
    check = commands.add_parser(
        "check", help="report every problem in the content", parents=[flags]
    )
    _add_content(check)
    check.add_argument("--format", choices=FORMATS, default="text")
    check.set_defaults(run=cmd_check)

    new = commands.add_parser("new", help="scaffold a new article", parents=[flags])
    new.add_argument("title")
    new.add_argument("--date", type=_date, help="publication date (default: today)")
    _add_content(new)
    new.set_defaults(run=cmd_new)


def _add_optional_commands(commands, flags: argparse.ArgumentParser) -> None:
    """``import``, ``suggest`` and ``report`` live in packages with their own arguments."""
    from generator.importer import command as importer
    from generator.review import command as reviewer
    from generator.suggest import command as suggester

    imp = commands.add_parser("import", help="import raw text or HTML articles", parents=[flags])
    importer.add_arguments(imp)
    imp.set_defaults(run=importer.main)
    suggest = commands.add_parser(
        "suggest", help="suggest names for new glossary entries", parents=[flags]
    )
    suggester.add_arguments(suggest)
    suggest.set_defaults(run=suggester.main)
    report = commands.add_parser(
        "report",
        help="summarise what the content changes against a git ref (Markdown)",
        parents=[flags],
    )
    reviewer.add_arguments(report)
    report.set_defaults(run=reviewer.main)


class Terminated(BaseException):
    """SIGTERM arrived: unwind like Ctrl-C, so every clean-up runs.

    A BaseException, as KeyboardInterrupt is, so that no ``except Exception`` on the way
    (MkDocs', a plugin's) can swallow it and let a stopped build carry on.
    """


def _terminate(signum, frame) -> None:
    raise Terminated


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``explainer`` console script."""
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s"
    )
    # Signal handlers belong to the main thread (tests may call main from another).
    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if in_main else None
    try:
        return args.run(args)
    except BrokenPipeError:
        # The reader closed the pipe (`explainer check | head`): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except (KeyboardInterrupt, Terminated) as stop:
        signum = signal.SIGTERM if isinstance(stop, Terminated) else signal.SIGINT
        print("explainer: interrupted; nothing half-made was kept", file=sys.stderr)
        return 128 + signum
    finally:
        if in_main:
            signal.signal(signal.SIGTERM, previous)
