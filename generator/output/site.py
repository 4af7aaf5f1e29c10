"""Run MkDocs on the generated pages and put the result in place only when it succeeds."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from generator.output.folders import (
    UnsafeFolderError,
    absolute,
    check_folders,
    os_error_message,
)
from generator.output.mkdocs_plugin import ExplainerPlugin, pin_build_date
from generator.output.populate import finished_blocks
from generator.output.progress import Progress
from generator.output.site_address import loopback_notice
from generator.output.staging import Staging, staging_folder, swap_in
from generator.output.terminal import printable
from generator.output.write import write_pages
from generator.site.build import Generation, generate
from generator.site.emit import DEFAULT_SITE_URL

PLUGIN = "explainer"

log = logging.getLogger("explainer")


class SiteBuildError(Exception):
    """MkDocs could not build the site; the previous site folder is untouched."""


def _load(config_file: Path, strict: bool = True):
    """``mkdocs.yml`` loaded by MkDocs, and the explainer plugin it must list."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    try:
        config = load_config(str(config_file), strict=strict)
    except ConfigurationError as err:
        raise SiteBuildError(str(err)) from None
    plugin = config.plugins.get(PLUGIN)
    if not isinstance(plugin, ExplainerPlugin):
        raise SiteBuildError(f"{config_file} does not list the plugin: plugins: - {PLUGIN}")
    return config, plugin


def _run_mkdocs(
    config, staging: Staging, target: Path, finished: dict[str, tuple[int, ...]]
) -> None:
    """Build the site from pages already written, into staging, then swap it into place.

    ``finished``: where those pages keep finished HTML, for MkDocs to pass it on unread.
    """
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    config.site_dir = str(staging.site)
    # The pages are in docs_dir already: the plugin only themes and indexes them.
    config.plugins[PLUGIN].config.generate = False
    config.plugins.on_startup(command="build", dirty=False)
    config.plugins[PLUGIN].finished = finished
    try:
        build(config)
    except MkDocsException as err:
        raise SiteBuildError(str(err)) from None
    finally:
        config.plugins.on_shutdown()
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
    config, _plugin = _load(config_file, strict)
    content = absolute(content_dir)
    try:
        target, docs = _folders(config, content, site_dir, own_docs)
    except UnsafeFolderError as err:
        raise SiteBuildError(str(err)) from None
    progress = Progress()
    site_url = config.site_url or DEFAULT_SITE_URL
    _tell_site_url(site_url)
    generation = generate(content, site_url, progress, site_name=config.site_name)
    progress.close()
    if generation.errors:
        return generation, None
    pages = generation.pages
    finished = finished_blocks(pages)
    generation = replace(generation, pages=(), written=len(pages))
    try:
        with staging_folder(target) as staging:
            if not own_docs:
                docs = staging.docs
            write_pages(pages, docs, images=generation.images)
            # MkDocs reads the pages back from disk: free them (and, with the generation's
            # own RunCache gone, the render memo) before it runs (~430 MB at 10,000 articles).
            pages = ()
            pin_build_date(generation)
            config.docs_dir = str(docs)
            _run_mkdocs(config, staging, target, finished)
    except (OSError, UnsafeFolderError) as err:
        raise SiteBuildError(_failure(err)) from None
    return generation, target


def _tell_site_url(site_url: str) -> None:
    """A warning when the site's links point at this machine, before MkDocs runs.

    Outside MkDocs' build, so that ``--strict`` (on by default) does not fail on it: a
    loopback address is right for a preview, and the deploy workflow sets a public one.
    """
    notice = loopback_notice(site_url)
    if notice:
        log.warning("explainer: %s", printable(notice))


def _failure(err: OSError | UnsafeFolderError) -> str:
    return os_error_message(err) if isinstance(err, OSError) else str(err)


@contextmanager
def _content_for_serve(config_file: Path, content_dir: Path) -> Iterator[None]:
    """Point the plugin object that ``mkdocs serve`` will use at ``content_dir``.

    MkDocs keeps a plugin object with ``on_startup`` for the whole process and reloads only
    its options on each rebuild, so the folder is set on the object, not on one config.
    """
    _config, plugin = _load(config_file, strict=False)
    plugin.content_override = absolute(content_dir)
    try:
        yield
    finally:
        plugin.content_override = None


def serve_site(config_file: Path, content_dir: Path, address: str, *, dirty: bool = True) -> None:
    """Serve the site with live reload, regenerating pages when content changes.

    ``dirty``: after the first build, rebuild only the pages whose Markdown changed (see
    generator/output/live.py); otherwise every change rebuilds the whole site.
    """
    from mkdocs.commands.serve import serve

    with _content_for_serve(config_file, content_dir):
        serve(
            str(config_file),
            dev_addr=address,
            livereload=True,
            build_type="dirty" if dirty else None,
        )
