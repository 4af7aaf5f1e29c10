"""The thin adapter that lets plain ``mkdocs build`` and ``mkdocs serve`` run the generator.

Everything it does is call the pure pipeline: generate the pages from the content folder
into ``docs_dir`` before MkDocs reads it, ask ``serve`` to watch the content folder, and
index the built site for search with Pagefind. Content errors stop the build before MkDocs
cleans or writes the site folder.
"""

from __future__ import annotations

import calendar
import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

try:
    from generator.build import Generation, generate
except ImportError:  # a checkout used without `pip install -e .`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from generator.build import Generation, generate

from generator import live, search_index
from generator.emit import DEFAULT_SITE_URL
from generator.folders import (
    UnsafeFolderError,
    absolute,
    check_folders,
    mark_site,
    os_error_message,
)
from generator.pages.search_hints import TEXT_END
from generator.terminal import printable
from generator.write import ForeignFilesError, WriteReport, write_pages

log = logging.getLogger("mkdocs.plugins.explainer")
CONTENT_ENV = "EXPLAINER_CONTENT"
# Set by `explainer build`, which has generated and written the pages itself.
PREGENERATED_ENV = "EXPLAINER_PREGENERATED"


def content_dir(config) -> Path:
    """The content folder: ``$EXPLAINER_CONTENT``, else ``content/`` beside ``mkdocs.yml``."""
    configured = os.environ.get(CONTENT_ENV)
    if configured:
        return Path(configured)
    return Path(config.config_file_path).resolve().parent / "content"


def pin_build_date(generation: Generation) -> None:
    """Make MkDocs' build date the newest article's, so two builds are byte-identical."""
    if generation.latest and "SOURCE_DATE_EPOCH" not in os.environ:
        epoch = calendar.timegm(generation.latest.timetuple())
        # MkDocs writes the date into a gzip header, which holds 0 … 2**32 - 1 seconds.
        os.environ["SOURCE_DATE_EPOCH"] = str(min(max(epoch, 0), 2**32 - 1))


def _check_folders(config, content: Path) -> None:
    """Refuse docs and site folders that are not the build's own, before MkDocs cleans any.

    ``mkdocs serve`` builds into a temporary folder of its own, which needs no check.
    """
    project = absolute(config.config_file_path).parent
    docs, site = absolute(config.docs_dir), absolute(config.site_dir)
    try:
        check_folders(project, content, None if live.state.serving else site, docs)
    except UnsafeFolderError as err:
        raise PluginError(str(err)) from None


def _write(generation: Generation, config) -> WriteReport:
    """Write the pages, and mark the site folder as the build's before MkDocs fills it."""
    try:
        report = write_pages(generation.pages, Path(config.docs_dir))
        if not live.state.serving:
            Path(config.site_dir).mkdir(parents=True, exist_ok=True)
            mark_site(Path(config.site_dir))
    except ForeignFilesError as err:
        raise PluginError(str(err)) from None
    except OSError as err:
        raise PluginError(os_error_message(err)) from None
    return report


def on_config(config):
    """Generate the Markdown pages into ``docs_dir``; stop on any content error."""
    if os.environ.get(PREGENERATED_ENV):
        return config
    content = absolute(content_dir(config))
    _check_folders(config, content)
    generation = generate(content, config.site_url or DEFAULT_SITE_URL)
    for problem in generation.problems:
        if problem.severity == "warning":
            # Content warnings are the contributor's to-do list, not a broken site:
            # logged at info so that `mkdocs build --strict` stays about the site itself.
            log.info("content warning: %s", printable(problem.format()))
    if generation.errors:
        listing = "\n".join(printable(p.format()) for p in generation.errors)
        raise PluginError(f"{len(generation.errors)} content error(s), nothing built:\n{listing}")
    report = _write(generation, config)
    log.info(
        "explainer: %d files written, %d unchanged, %d removed",
        len(report.written),
        report.unchanged,
        len(report.removed),
    )
    pin_build_date(generation)
    return config


def on_startup(command, dirty):
    """Remember how this process builds: serving (index search in the background), dirty."""
    live.state.serving = command == "serve"
    live.state.dirty = dirty


def on_pre_build(config):
    """Before a dirty rebuild after a theme or configuration edit, start from scratch."""
    design = [Path(config.config_file_path)]
    if config.theme.custom_dir:
        design.append(Path(config.theme.custom_dir))
    if live.state.dirty and live.design_changed(design):
        live.clear_folder(Path(config.site_dir))


def on_files(files, config):
    """Remember what this build makes, to remove what a dirty build leaves behind."""
    if live.state.dirty:
        live.state.keep = {file.dest_uri for file in files}
    return files


def on_page_markdown(markdown, page, config, files):
    """Keep pages out of Material's own search index: Pagefind answers searches.

    A page the generator kept out of search (``search: {exclude: true}``) stays out of
    Pagefind's index too; the theme reads ``pagefind`` to mark the text to index.
    """
    search = page.meta.get("search") or {}
    page.meta["pagefind"] = not search.get("exclude")
    page.meta["search"] = {**search, "exclude": True}
    return markdown


def on_page_content(html, page, config, files):
    """Keep what follows a page's own text (listings, boxes) out of the search index."""
    head, marker, tail = html.partition(TEXT_END)
    if not marker:
        return html
    return f"{head}<div data-pagefind-ignore>{tail}</div>"


def on_post_build(config):
    """Index the built site for search; under ``serve`` without holding up the reload."""
    site_dir = Path(config.site_dir)
    if live.state.dirty:
        removed = live.remove_stale(site_dir, live.state.keep, (search_index.BUNDLE_DIR,))
        if removed:
            log.info("explainer: removed %d files of deleted pages", len(removed))
    if live.state.serving:
        search_index.background().request(site_dir)
        return
    try:
        search_index.index_site(site_dir)
    except search_index.SearchIndexError as err:
        raise PluginError(str(err)) from None


def on_serve(server, config, builder):
    """Rebuild when the content folder changes, wherever it is."""
    server.watch(str(content_dir(config)))
    return server
