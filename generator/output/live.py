"""Fast, correct rebuilds under ``serve``: what one serving process remembers between builds.

MkDocs reloads the configuration before every rebuild but keeps the plugin object (see
``mkdocs_plugin.py``), which holds a :class:`LiveState` for what must outlive one build.
With ``--dirty`` MkDocs rebuilds only the pages whose Markdown is newer than their HTML;
the generator rewrites only pages whose text changed, so an edit rebuilds the article, the
glossary pages and indexes it touches. Two things a dirty build does not do are done here:
removing the output of pages that no longer exist, and starting afresh when the theme or
the configuration changed.

Past the first build, the cost of a rebuild should follow the edit, not the archive. The
plugin knows which pages the generator rewrote; every other file of the docs folder, the
nav's pages included, and the theme's own files, are already in the site, so they are
marked excluded before MkDocs makes a page object for each of them (their links still
resolve: MkDocs only notes at info level that a link points to an excluded page). MkDocs
does not even walk the docs folder: it lists a stage holding copies of the rewritten pages,
and the rest are handed back from memory (``live_docs.py``). The theme's compiled templates
are kept too, until the design changes; and stale output is found from the difference
between two builds' file lists, never by walking the site.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.structure.files import InclusionLevel

from generator.output.live_docs import DocsStage

# Files MkDocs and Material write besides the pages and static files of a build.
BUILD_OUTPUTS = frozenset({"sitemap.xml", "sitemap.xml.gz", "404.html", "search/search_index.json"})


@dataclass
class LiveState:
    """Whether this process serves, builds dirty, and what the last build was made from."""

    serving: bool = False
    dirty: bool = False
    design: float | None = None
    keep: set[str] = field(default_factory=set)
    # What the last complete build produced (site paths); None until one completed, or
    # after the design changed: then the next build makes every page.
    built: set[str] | None = None
    # Docs pages the generator rewrote since the last complete build: what must be built.
    pending: set[str] = field(default_factory=set)
    # What the generator last wrote into the docs folder (see ``write_pages``).
    docs: dict[str, tuple[str, int]] = field(default_factory=dict)
    # The theme's template environment, kept while the design stays the same.
    env: tuple[tuple, Any] | None = None
    # The pages a rebuild makes, copied aside for MkDocs to list (see ``live_docs.py``),
    # and the real docs folder while the stage stands in for it.
    stage: DocsStage = field(default_factory=DocsStage)
    staged: set[str] = field(default_factory=set)
    docs_dir: str | None = None
    # The site paths an incremental build makes (what search must index again).
    made: set[str] | None = None

    def design_changed(self, paths: list[Path]) -> bool:
        """True when the theme or configuration changed since the last build (never at first)."""
        stamp = design_stamp(paths)
        changed = self.design is not None and stamp != self.design
        self.design = stamp
        if changed:
            self.built, self.env = None, None
        return changed

    @property
    def incremental(self) -> bool:
        """Whether this build may skip the files the last complete build already made."""
        return self.serving and self.dirty and self.built is not None

    def rewritten(self, paths: Iterable[str]) -> None:
        """Record the docs pages the generator has just written."""
        self.pending.update(paths)

    def completed(self) -> list[str]:
        """Close a build: return what the last one made that this one did not (stale)."""
        stale = sorted(self.built - self.keep) if self.built is not None else []
        self.built, self.pending = set(self.keep), set()
        return stale

    def stage_docs(self, config) -> None:
        """Past a complete build, point ``docs_dir`` at copies of only the pages to build."""
        if not self.incremental:
            return
        self.docs_dir = config["docs_dir"]
        self.staged = set(self.pending)
        config["docs_dir"] = str(self.stage.fill(Path(self.docs_dir), self.staged))

    def unstaged_files(self, files, config) -> int:
        """Give MkDocs back every page the stage left out, excluded; return how many.

        After a complete build (no stage), remember its files for the rebuilds to come.
        """
        if self.docs_dir is None:
            if self.serving and self.dirty:
                self.stage.remember(files, config)
            return 0
        return self.stage.add_unchanged(files, self.docs, self.staged, self.docs_dir, config)

    def restore_docs(self, config) -> None:
        """Put the real docs folder back in the configuration once the build is over."""
        if self.docs_dir is not None:
            config["docs_dir"], self.docs_dir = self.docs_dir, None

    def template_env(self, env: Any, key: tuple) -> Any:
        """The environment kept from an earlier build with the same ``key``, else ``env``."""
        if self.env is not None and self.env[0] == key:
            return self.env[1]
        self.env = (key, env)
        return env


class _SkippedLinks(logging.Filter):
    """Drops MkDocs' notes that a page, or the nav, links to an excluded page.

    Past the first build every unchanged page is excluded, so a rebuilt page would log
    the note once for each of its links and the nav once for each of its pages, though
    every one of them resolves.
    """

    ENDINGS = (
        "which is excluded from the built site.",
        "but this file is excluded from the built site.",
    )

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).endswith(self.ENDINGS)


QUIET_SKIPPED_LINKS = _SkippedLinks()
# Where MkDocs logs those notes: links in pages, and pages of the nav.
_NOTING = ("mkdocs.structure.pages", "mkdocs.structure.nav")


def quiet_skipped_links(quiet: bool) -> None:
    """Keep MkDocs' notes about links to excluded pages quiet (True), or let them through."""
    for name in _NOTING:
        logger = logging.getLogger(name)
        if quiet:
            logger.addFilter(QUIET_SKIPPED_LINKS)
        else:
            logger.removeFilter(QUIET_SKIPPED_LINKS)


def keep_long_lived(keep: bool = True) -> None:
    """Leave what a server keeps out of the garbage collector's full passes (or, False, no more).

    After its first build a server holds the archive's memos, hundreds of thousands of
    objects at 10,000 articles, for good; each full collection walked all of them again and
    added up to half a second to a rebuild, at random. So garbage is collected once, and
    what survives is frozen (``gc.freeze``): later passes look only at what rebuilds make.
    """
    if keep:
        gc.collect()
        gc.freeze()
    else:
        gc.unfreeze()


def exclude_unchanged(files: Iterable, pending: set[str]) -> int:
    """Mark every file but ``pending`` pages excluded; return how many.

    The nav's pages too: MkDocs builds the nav of excluded pages from their titles in the
    configuration, and rendering the large index pages again cost more than the edit.

    Called only past a complete build whose design is unchanged: the excluded files' output
    is in the site already, and MkDocs neither reads nor copies an excluded file.
    """
    count = 0
    for file in files:
        if file.src_uri not in pending:
            file.inclusion = InclusionLevel.EXCLUDED
            count += 1
    return count


def design_stamp(paths: list[Path]) -> float:
    """The newest modification time among the files that shape every page."""
    newest = 0.0
    for path in paths:
        if path.is_file():
            newest = max(newest, path.stat().st_mtime)
        elif path.is_dir():
            for root, _, names in os.walk(path):
                for name in names:
                    newest = max(newest, os.stat(os.path.join(root, name)).st_mtime)
    return newest


def clear_folder(folder: Path) -> None:
    """Empty ``folder`` so that a dirty build rebuilds every page (the theme changed)."""
    for child in folder.iterdir() if folder.is_dir() else ():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def remove_listed(site_dir: Path, paths: Iterable[str]) -> list[str]:
    """Delete these site paths (the output of pages gone since the last build) and any
    folder they leave empty; return what was removed."""
    removed = []
    for rel in paths:
        if os.path.isabs(rel) or ".." in rel.split("/"):
            continue  # MkDocs' own paths never leave the site; nothing else is deleted
        target = site_dir / rel
        if target.is_file() and not target.is_symlink():
            target.unlink()
            removed.append(rel)
            folder = target.parent
            while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
    return removed


def remove_stale(site_dir: Path, expected: set[str], keep_under: tuple[str, ...]) -> list[str]:
    """Delete files below ``site_dir`` that the current build did not produce.

    ``expected`` holds paths relative to ``site_dir``; anything below a folder named in
    ``keep_under`` (the search index) is left alone. Returns what was removed.
    """
    removed = []
    for root, dirs, names in os.walk(site_dir, topdown=True):
        rel_root = os.path.relpath(root, site_dir)
        if rel_root != "." and rel_root.split(os.sep)[0] in keep_under:
            dirs.clear()
            continue
        for name in names:
            rel = os.path.normpath(os.path.join(rel_root, name)).replace(os.sep, "/")
            if rel not in expected and rel not in BUILD_OUTPUTS:
                os.unlink(os.path.join(root, name))
                removed.append(rel)
    for root, _dirs, _names in os.walk(site_dir, topdown=False):
        if root != str(site_dir) and not os.listdir(root):
            os.rmdir(root)
    return removed
