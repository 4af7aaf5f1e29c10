"""Fast, correct rebuilds under ``serve``: what one serving process remembers between builds.

MkDocs reloads the configuration before every rebuild but keeps the plugin object (see
``mkdocs_plugin.py``), which holds a :class:`LiveState` for what must outlive one build.
With ``--dirty`` MkDocs rebuilds only the pages whose Markdown is newer than their HTML;
the generator rewrites only pages whose text changed, so an edit rebuilds the article, the
glossary pages and indexes it touches. Two things a dirty build does not do are done here:
removing the output of pages that no longer exist, and starting afresh when the theme or
the configuration changed.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

# Files MkDocs and Material write besides the pages and static files of a build.
BUILD_OUTPUTS = frozenset({"sitemap.xml", "sitemap.xml.gz", "404.html", "search/search_index.json"})


@dataclass
class LiveState:
    """Whether this process serves, builds dirty, and what the last build was made from."""

    serving: bool = False
    dirty: bool = False
    design: float | None = None
    keep: set[str] = field(default_factory=set)

    def design_changed(self, paths: list[Path]) -> bool:
        """True when the theme or configuration changed since the last build (never at first)."""
        stamp = design_stamp(paths)
        changed = self.design is not None and stamp != self.design
        self.design = stamp
        return changed


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
