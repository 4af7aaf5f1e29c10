"""Under ``serve``, MkDocs lists only the pages a rebuild makes; the rest come from memory.

MkDocs walks the whole docs folder before any plugin sees its files, and makes an object
for each of them: at 10,000 articles that walk costs more than building the pages an edit
touched. Past a complete build the plugin knows which pages it rewrote, so it points this
build's ``docs_dir`` at a small folder holding copies of just those (and of the pages the
nav names), and hands MkDocs back every other page in ``on_files``: the same file objects
as the last build, marked excluded, so that links to them still resolve. Their output is in
the site already; MkDocs neither reads nor copies an excluded file.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from mkdocs.structure.files import File, Files, InclusionLevel


class DocsStage:
    """A private folder of this process with copies of the pages one rebuild makes."""

    def __init__(self) -> None:
        self.folder: Path | None = None
        # What each page of the docs folder was last handed to MkDocs as, by source path;
        # made again only when the folders or the URL style change.
        self._files: dict[str, File] = {}
        self._made_for: tuple = ()

    def fill(self, docs_dir: Path, pages: Iterable[str]) -> Path:
        """Empty the stage and copy ``pages`` (docs-relative paths) from ``docs_dir`` into it."""
        if self.folder is None or not self.folder.is_dir():
            self.folder = Path(tempfile.mkdtemp(prefix="explainer-serve-"))
        for child in self.folder.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
        for rel in pages:
            source = docs_dir / rel
            # Only the generator's own regular files: nothing is followed through a link.
            if source.is_file() and not source.is_symlink() and ".." not in rel.split("/"):
                target = self.folder / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
        return self.folder

    def add_unchanged(
        self, files: Files, pages: Iterable[str], staged: set[str], docs_dir: str, config
    ) -> int:
        """Add every page of ``pages`` but the ``staged`` ones to ``files``, excluded.

        ``docs_dir``: the real docs folder, whose place the stage took; ``config``: the
        build's, for ``site_dir`` and the URL style. Returns how many were added.
        """
        made_for = (docs_dir, config["site_dir"], config["use_directory_urls"])
        if made_for != self._made_for:
            self._files, self._made_for = {}, made_for
        kept: dict[str, File] = {}
        for rel in pages:
            if rel in staged:
                continue
            file = self._files.get(rel) or File(rel, *made_for)
            # Not the page of an earlier build: its anchors are not this build's to check.
            file.page = None
            file.inclusion = InclusionLevel.EXCLUDED
            present = files.get_file_from_path(rel)
            if present is not None:
                files.remove(present)  # a theme file of the same name: the page wins
            files.append(file)
            kept[rel] = file
        self._files = kept
        return len(kept)

    def remember(self, files: Files, config) -> None:
        """Keep the docs folder's file objects of a complete build, for the rebuilds after."""
        docs_dir = config["docs_dir"]
        self._made_for = (docs_dir, config["site_dir"], config["use_directory_urls"])
        self._files = {file.src_uri: file for file in files if file.src_dir == docs_dir}

    def remove(self) -> None:
        """Delete the stage folder (the server stops)."""
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
