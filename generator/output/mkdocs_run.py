"""One MkDocs run over pages already written, into a staging folder, with or without the
build cache; the search index is not part of it (``explainer build`` indexes afterwards,
from a process that holds little)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from generator.output.cache_use import store_rendered
from generator.output.page_reuse import CacheEntryError, PageReuse
from generator.output.search_reuse import bundle_key
from generator.output.staging import Staging
from generator.output.terminal import printable

PLUGIN = "explainer"

log = logging.getLogger("explainer")


class MkDocsRunError(Exception):
    """MkDocs stopped the build; the message is MkDocs' own."""


class _WarningCount(logging.Handler):
    """Counts the warnings (and worse) MkDocs and its plugins log during one build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass(frozen=True)
class CacheOutcome:
    """What a build with a cache leaves for the search step: the bundle's key, and the
    objects to keep in the next index (None: MkDocs warned, so the index stays as it was)."""

    search_key: str
    kept: dict[str, str] | None


def _run_once(
    config, staging: Staging, finished: dict[str, tuple[int, ...]], reuse: PageReuse | None
) -> bool:
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    config.site_dir = str(staging.site)
    # The pages are in docs_dir already: the plugin only themes them.
    config.plugins[PLUGIN].config.generate = False
    config.plugins.on_startup(command="build", dirty=False)
    config.plugins[PLUGIN].finished = finished
    config.plugins[PLUGIN].index_later = True
    config.plugins[PLUGIN].reuse = reuse
    warnings = _WarningCount()
    logging.getLogger("mkdocs").addHandler(warnings)
    try:
        build(config)
    except MkDocsException as err:
        raise MkDocsRunError(str(err)) from None
    finally:
        logging.getLogger("mkdocs").removeHandler(warnings)
        config.plugins.on_shutdown()
    # A page reused is not rendered, so it cannot warn again: only pages of a build
    # without a warning are kept (a strict build then fails as a cold one would).
    if reuse is None:
        return False
    if warnings.count:
        log.info("explainer: MkDocs warned; the build cache keeps what it had")
        return False
    return store_rendered(reuse, staging.site, config.nav)


def run_mkdocs(
    config,
    staging: Staging,
    finished: dict[str, tuple[int, ...]],
    reuse: PageReuse | None,
    reload: Callable[[], object],
) -> CacheOutcome | None:
    """Build the site from the pages in ``config.docs_dir`` into ``staging.site``.

    ``finished``: where those pages keep finished HTML, for MkDocs to pass it on unread.
    ``reuse``: pages taken from the build cache, which then keeps what MkDocs rendered; a
    spoiled cache entry means every page is built again, from a fresh ``reload()`` of the
    configuration. Returns, with a cache, what the search step needs of it; else None.
    Raises :class:`MkDocsRunError` when MkDocs fails.
    """
    try:
        stored = _run_once(config, staging, finished, reuse)
    except CacheEntryError as err:
        log.warning("explainer: %s; building every page again", printable(str(err)))
        docs_dir = config.docs_dir
        config = reload()
        config.docs_dir = docs_dir
        # Nothing reused this time; what is rendered replaces the spoiled entries.
        reuse = replace(reuse, hits={}, dest={}, reused=[]) if reuse else None
        stored = _run_once(config, staging, finished, reuse)
    if reuse is None:
        return None
    kept = dict(reuse.cache.kept) if stored else None
    return CacheOutcome(bundle_key(Path(staging.site), reuse), kept)
