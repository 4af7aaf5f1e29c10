"""Run MkDocs on the generated pages and put the result in place only when it succeeds."""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from generator.build import Generation, forget_rendered, generate
from generator.emit import DEFAULT_SITE_URL
from generator.folders import (
    UnsafeFolderError,
    absolute,
    check_folders,
    os_error_message,
)
from generator.mkdocs_hook import CONTENT_ENV, PREGENERATED_ENV, pin_build_date
from generator.progress import Progress
from generator.staging import Staging, staging_folder, swap_in
from generator.write import write_pages


class SiteBuildError(Exception):
    """MkDocs could not build the site; the previous site folder is untouched."""


@contextmanager
def _environment(**values: str):
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _run_mkdocs(config, staging: Staging, target: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    config.site_dir = str(staging.site)
    try:
        with _environment(**{PREGENERATED_ENV: "1"}):
            build(config)
    except MkDocsException as err:
        raise SiteBuildError(str(err)) from None
    swap_in(staging, target)


def _folders(config, content: Path, site_dir: Path | None, own_docs: bool) -> tuple[Path, Path]:
    """The site and docs folders, absolute and unresolved, checked to be the build's own."""
    project = absolute(config.config_file_path).parent
    target = absolute(site_dir or config.site_dir)
    docs = absolute(config.docs_dir)
    check_folders(project, content, target, docs, own_docs=own_docs)
    return target, docs


def build_site(
    config_file: Path,
    content_dir: Path,
    site_dir: Path | None,
    *,
    own_docs: bool = True,
    strict: bool = True,
) -> tuple[Generation, Path | None]:
    """Generate the pages, then build the whole site and swap it into ``site_dir``.

    ``own_docs``: write the pages into the docs folder ``mkdocs.yml`` names (the project's
    own content); otherwise into a scratch folder, so another content folder never touches
    the project's pages. Returns the generation (with its problems) and the site folder,
    or None when content errors stopped the build before anything was written. Raises
    :class:`SiteBuildError` when a folder is not the build's to replace, a file cannot be
    written, or MkDocs fails; the previous site is then untouched.
    """
    from mkdocs.config import load_config

    config = load_config(str(config_file), strict=strict)
    content = absolute(content_dir)
    try:
        target, docs = _folders(config, content, site_dir, own_docs)
    except UnsafeFolderError as err:
        raise SiteBuildError(str(err)) from None
    progress = Progress()
    generation = generate(content, config.site_url or DEFAULT_SITE_URL, progress)
    progress.close()
    if generation.errors:
        return generation, None
    pages = generation.pages
    generation = replace(generation, pages=(), written=len(pages))
    try:
        with staging_folder(target) as staging:
            if not own_docs:
                docs = staging.docs
            write_pages(pages, docs)
            # MkDocs reads the pages back from disk: free them and the render memo before
            # it runs (about 430 MB at 10,000 articles).
            pages = ()
            forget_rendered()
            pin_build_date(generation)
            config.docs_dir = str(docs)
            _run_mkdocs(config, staging, target)
    except (OSError, UnsafeFolderError) as err:
        raise SiteBuildError(_failure(err)) from None
    return generation, target


def _failure(err: OSError | UnsafeFolderError) -> str:
    return os_error_message(err) if isinstance(err, OSError) else str(err)


def serve_site(config_file: Path, content_dir: Path, address: str, *, dirty: bool = True) -> None:
    """Serve the site with live reload, regenerating pages when content changes.

    ``dirty``: after the first build, rebuild only the pages whose Markdown changed (see
    generator/live.py); otherwise every change rebuilds the whole site.
    """
    from mkdocs.commands.serve import serve

    with _environment(**{CONTENT_ENV: str(content_dir.resolve())}):
        serve(
            str(config_file),
            dev_addr=address,
            livereload=True,
            build_type="dirty" if dirty else None,
        )
