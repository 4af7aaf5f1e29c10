"""The ``explainer`` MkDocs plugin: plain ``mkdocs build`` and ``mkdocs serve`` run the generator.

Everything it does is call the pure pipeline: generate the pages from the content folder
into ``docs_dir`` before MkDocs reads it, ask ``serve`` to watch the content folder, and
index the built site for search with Pagefind. Content errors stop the build before MkDocs
cleans or writes the site folder.

MkDocs keeps a plugin object that has ``on_startup`` across the rebuilds of one
``mkdocs serve`` (it reloads only the configuration), so the object holds what a server
remembers between builds: the :class:`RunCache`, the dirty-build state and the background
search indexer. Registered as the entry point ``explainer`` (``pyproject.toml``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from generator.output import search_index
from generator.output.cache_keys import nav_pages
from generator.output.folders import (
    absolute,
    mark_site,
    os_error_message,
)
from generator.output.live import (
    LiveState,
    clear_folder,
    exclude_unchanged,
    keep_long_lived,
    quiet_skipped_links,
    remove_listed,
    remove_stale,
)
from generator.output.page_reuse import PageReuse
from generator.output.plugin_setup import (
    ExplainerConfig,
    check_build_folders,
    pin_build_date,
    read_marked_markdown,
    require_directory_urls,
    use_packaged_theme,
)
from generator.output.populate import PopulateError, Populator, finished_blocks
from generator.output.site_address import loopback_notice
from generator.output.terminal import printable
from generator.output.write import ForeignFilesError, WriteReport, write_pages
from generator.site.build import Generation, generate
from generator.site.emit import DEFAULT_SITE_URL
from generator.site.run_cache import RunCache

log = logging.getLogger("mkdocs.plugins.explainer")


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    """Generates the pages, keeps them out of Material's search, and indexes with Pagefind."""

    def __init__(self) -> None:
        self.cache = RunCache()
        self.live = LiveState()
        self.indexer = search_index.BackgroundIndexer()
        # Set by ``explainer serve --content``: this object outlives the configurations.
        self.content_override: Path | None = None
        self.content: Path | None = None
        # Where the generated pages keep finished HTML (set by ``explainer build`` when it
        # generated them itself), and one build's placeholders (generator/output/populate.py).
        self.finished: Mapping[str, tuple[int, ...]] = {}
        self.populator = Populator()
        # Set by ``explainer build``: it indexes the site itself, once this process is gone.
        self.index_later = False
        # Pages ``explainer build --cache`` takes from its cache instead of rendering them.
        self.reuse: PageReuse | None = None
        self.files = None

    def on_startup(self, *, command, dirty) -> None:
        """Start an invocation afresh: serving (index in the background) or not, dirty."""
        self.cache = RunCache()
        self.live = LiveState(serving=command == "serve", dirty=dirty)
        if self.live.serving and dirty:
            quiet_skipped_links(True)

    def on_shutdown(self) -> None:
        """Let MkDocs' notes about links to excluded pages through again."""
        quiet_skipped_links(False)
        keep_long_lived(False)
        self.live.stage.remove()

    def on_build_error(self, *, error) -> None:
        """A failed build leaves no stage standing in for the docs folder."""
        self.live.stage.remove()
        self.live.docs_dir = None

    def on_config(self, config):
        """Generate the Markdown pages into ``docs_dir``; stop on any content error."""
        use_packaged_theme(config)
        read_marked_markdown(config)
        require_directory_urls(config)
        self.content = absolute(self.content_override or self.config.content)
        if not self.config.generate:
            return config
        check_build_folders(config, self.content, serving=self.live.serving)
        # A one-off build lets its memos go with the run; a server keeps them.
        cache = self.cache if self.live.serving else RunCache()
        site_url = config.site_url or DEFAULT_SITE_URL
        self._tell_site_url(site_url)
        generation = generate(self.content, site_url, site_name=config.site_name, cache=cache)
        for problem in generation.problems:
            if problem.severity == "warning":
                # Content warnings are the contributor's to-do list, not a broken site:
                # logged at info so that `mkdocs build --strict` stays about the site itself.
                log.info("content warning: %s", printable(problem.format()))
        if generation.errors:
            listing = "\n".join(printable(p.format()) for p in generation.errors)
            count = len(generation.errors)
            raise PluginError(f"{count} content error(s), nothing built:\n{listing}")
        report = self._write(generation, config)
        self.live.rewritten(report.written)
        self.finished = finished_blocks(generation.pages)
        log.info(
            "explainer: %d files written, %d unchanged, %d removed",
            len(report.written),
            report.unchanged,
            len(report.removed),
        )
        pin_build_date(generation)
        return config

    def _tell_site_url(self, site_url: str) -> None:
        """Say once per build when its links point at this machine (not under ``serve``).

        Logged at info: MkDocs shows it, and ``mkdocs build --strict``, which the
        pull-request check runs without a public address, does not fail on it.
        """
        notice = loopback_notice(site_url)
        if notice and not self.live.serving:
            log.info("explainer: %s", printable(notice))

    def _write(self, generation: Generation, config) -> WriteReport:
        """Write the pages, and mark the site folder as the build's before MkDocs fills it."""
        try:
            known = self.live.docs if self.live.serving else None
            report = write_pages(generation.pages, Path(config.docs_dir), known, generation.images)
            if not self.live.serving:
                Path(config.site_dir).mkdir(parents=True, exist_ok=True)
                mark_site(Path(config.site_dir))
        except ForeignFilesError as err:
            raise PluginError(str(err)) from None
        except OSError as err:
            raise PluginError(os_error_message(err)) from None
        return report

    def on_pre_build(self, *, config) -> None:
        """Draw the build's placeholder token; after a design edit, rebuild from scratch."""
        # A fresh token for every build: no page can hold a placeholder of this one.
        self.populator = Populator(self.finished)
        design = [Path(config.config_file_path), *map(Path, config.theme.dirs[:1])]
        if self.live.dirty and self.live.design_changed(design):
            clear_folder(Path(config.site_dir))
        if self.config.generate:
            self.live.stage_docs(config)

    # Last, so that it sees every file other plugins add.
    @event_priority(-100)
    def on_files(self, files, *, config):
        """Remember what this build makes; past the first build, skip what is unchanged."""
        self.live.made = None
        if self.config.generate:
            self.live.unstaged_files(files, config)
        if self.live.dirty:
            self.live.keep = {file.dest_uri for file in files}
        if self.live.incremental and self.config.generate:
            skipped = exclude_unchanged(files, self.live.pending)
            self.live.made = {f.dest_uri for f in files if not f.inclusion.is_excluded()}
            log.info("explainer: %d unchanged files left as they are", skipped)
        if self.reuse is not None:
            reused = self.reuse.exclude(files, nav_pages(config.nav))
            # Every link to a reused page resolves; MkDocs would note each one at info level.
            quiet_skipped_links(True)
            log.info("explainer: %d pages taken from the build cache", reused)
        self.files = files
        return files

    def on_template_context(self, context, *, template_name, config):
        """With pages taken from the build cache, show templates (the sitemap) every page."""
        if self.reuse is not None and self.reuse.reused and self.files is not None:
            context["pages"] = self.reuse.sitemap_pages(self.files, config)
        return context

    # Last, so that the environment kept is the one every plugin has adjusted.
    @event_priority(-100)
    def on_env(self, env, *, config, files):
        """Under ``serve``, keep the theme's compiled templates while the design is the same.

        MkDocs makes a new environment for every build, and compiling the theme's templates
        again costs about a second; they change only with the theme or the configuration,
        which ``design_changed`` watches (it drops the kept environment).
        """
        if not (self.live.serving and self.live.dirty):
            return env
        key = (tuple(config.theme.dirs), str(config.theme.locale), self.live.design)
        return self.live.template_env(env, key)

    def on_page_markdown(self, markdown, *, page, config, files):
        """Set finished HTML aside from the Markdown pass; keep pages out of Material's search.

        Site search is Pagefind's, which reads the marks the generated pages carry
        (generator/site/pages/search_hints.py); Material's own index would only duplicate it.
        """
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        try:
            return self.populator.markdown(page.file.src_uri, markdown)
        except PopulateError as err:
            raise PluginError(f"{page.file.src_uri}: {err}") from None

    # First, so that every other plugin sees the page's finished HTML, not placeholders.
    @event_priority(100)
    def on_page_content(self, html, *, page, config, files):
        """Put the finished HTML back where its placeholders are."""
        try:
            finished = self.populator.html(page.file.src_uri, html)
        except PopulateError as err:
            raise PluginError(f"{page.file.src_uri}: {err}") from None
        # MkDocs renders every page before it writes any and keeps each page's Markdown
        # to the end; nothing reads it once rendered, and at 10,000 articles it is memory.
        page.markdown = None
        return finished

    def on_post_build(self, *, config) -> None:
        """Index the built site for search; under ``serve`` without holding up the reload."""
        site_dir = Path(config.site_dir)
        if self.reuse is not None:
            # Before Pagefind, which must read every page.
            self.reuse.place(site_dir)
        self.live.restore_docs(config)
        changed = None  # site paths this build wrote or removed, when known
        if self.live.dirty:
            first = self.live.built is None
            changed = None if first or self.live.made is None else set(self.live.made)
            stale = self.live.completed()
            removed = (
                remove_stale(site_dir, self.live.keep, (search_index.BUNDLE_DIR,))
                if first
                else remove_listed(site_dir, stale)
            )
            if removed:
                log.info("explainer: removed %d files of deleted pages", len(removed))
            changed = None if changed is None else changed | set(removed)
            if first and self.live.serving:
                keep_long_lived()
        if self.live.serving:
            self.indexer.request(site_dir, changed)
            return
        if self.index_later:
            return
        try:
            search_index.index_site(site_dir)
        except search_index.SearchIndexError as err:
            raise PluginError(str(err)) from None

    def on_serve(self, server, *, config, builder):
        """Rebuild when the content folder changes, wherever it is."""
        server.watch(str(self.content))
        return server
