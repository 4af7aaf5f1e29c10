"""Run MkDocs on the generated pages and put the result in place only when it succeeds."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from generator.output.apart import ChildFailedError, run_apart
from generator.output.cache_use import open_cache, open_reuse, save_cache
from generator.output.folders import (
    UnsafeFolderError,
    absolute,
    check_folders,
    os_error_message,
)
from generator.output.mkdocs_plugin import ExplainerPlugin
from generator.output.mkdocs_run import PLUGIN, CacheOutcome, MkDocsRunError, run_mkdocs
from generator.output.plugin_setup import pin_build_date
from generator.output.populate import finished_blocks
from generator.output.progress import Progress
from generator.output.search_index import SearchIndexError, index_site
from generator.output.search_reuse import index_with_cache
from generator.output.site_address import loopback_notice
from generator.output.staging import Staging, staging_folder, swap_in
from generator.output.terminal import printable
from generator.output.write import write_pages
from generator.site.build import Generation, generate
from generator.site.emit import DEFAULT_SITE_URL

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
    cache_dir: Path | None = None,
) -> tuple[Generation, Path | None]:
    """Generate the pages, then build the whole site and swap it into ``site_dir``.

    ``own_docs``: write the pages into the docs folder ``mkdocs.yml`` names (the project's
    own content); otherwise into a scratch folder, so another content folder never touches
    the project's pages. Returns the generation (with its problems) and the site folder,
    or None when content errors stopped the build before anything was written. Raises
    :class:`SiteBuildError` when a folder is not the build's to replace, a file cannot be
    written, or MkDocs fails; the previous site is then untouched.

    ``cache_dir``: a build cache (generator/output/build_cache.py) to take unchanged pages'
    HTML from and to keep this build's in; the site is byte for byte the same without it.
    """
    config, _plugin = _load(config_file, strict)
    content = absolute(content_dir)
    try:
        target, docs = _folders(config, content, site_dir, own_docs)
    except UnsafeFolderError as err:
        raise SiteBuildError(str(err)) from None
    _tell_site_url(config.site_url or DEFAULT_SITE_URL)
    run = _Run(config_file, strict, content, target, cache_dir)
    try:
        with staging_folder(target) as staging:
            pages_into = docs if own_docs else staging.docs
            # Generation and MkDocs in a process of their own, which exits before Pagefind
            # runs: it takes its ~0.6 GB (at 10,000 articles) with it.
            generation, outcome = run_apart(
                lambda: _generate_and_build(config, run, pages_into, staging)
            )
            if generation.errors:
                return generation, None
            _index(run, config, staging.site, pages_into, outcome)
            swap_in(staging, target)
    except (OSError, UnsafeFolderError) as err:
        raise SiteBuildError(_failure(err)) from None
    except (SearchIndexError, ChildFailedError, MkDocsRunError) as err:
        raise SiteBuildError(str(err)) from None
    return generation, target


@dataclass(frozen=True)
class _Run:
    """What one ``explainer build`` was asked for, as both of its processes need it."""

    config_file: Path
    strict: bool
    content: Path
    target: Path
    cache_dir: Path | None


def _generate_and_build(
    config, run: _Run, docs: Path, staging: Staging
) -> tuple[Generation, CacheOutcome | None]:
    """Generate the pages, write them into ``docs`` and build the site into staging.

    Returns the generation without its pages (only problems and counts), since the caller
    gets it from another process, and with a build cache what the search step needs; content
    errors stop before anything is written.
    """
    progress = Progress()
    generation = generate(
        run.content, config.site_url or DEFAULT_SITE_URL, progress, site_name=config.site_name
    )
    progress.close()
    if generation.errors:
        return replace(generation, pages=()), None
    pages = generation.pages
    finished = finished_blocks(pages)
    images = generation.images
    generation = replace(generation, pages=(), images=(), written=len(pages))
    write_pages(pages, docs, images=images)
    pin_build_date(generation)  # before the cache's keys, which may hold the date
    folders = (run.content, run.target, docs)
    reuse = open_reuse(run.cache_dir, config, pages, folders) if run.cache_dir else None
    # MkDocs reads the pages back from disk: free them (and, with the generation's own
    # RunCache gone, the render memo) before it runs (~430 MB at 10,000 articles).
    pages = ()
    config.docs_dir = str(docs)
    outcome = run_mkdocs(
        config, staging, finished, reuse, lambda: _load(run.config_file, run.strict)[0]
    )
    return generation, outcome


def _index(run: _Run, config, site: Path, docs: Path, outcome: CacheOutcome | None) -> None:
    """Index the built site for search, from the build cache when it holds this very site.

    The cache's index is written here, once, after the search bundle: the pages MkDocs
    kept in the other process and the bundle both belong to the next build's index.
    """
    if run.cache_dir is None or outcome is None:
        index_site(site)
        return
    project = Path(config.config_file_path).parent
    cache = open_cache(run.cache_dir, (run.content, run.target, docs), project)
    if outcome.kept is not None:
        cache.kept.update(outcome.kept)
    if index_with_cache(site, cache, outcome.search_key):
        log.info("explainer: search index taken from the build cache")
    if outcome.kept is not None:
        save_cache(cache)


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
