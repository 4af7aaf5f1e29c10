"""What ``serve`` rebuilds after an edit is the site a full build makes, page for page.

MkDocs runs here as its server runs it, in one process: the plugin kept across
rebuilds, the configuration loaded afresh each time, dirty builds that list only the pages
the generator rewrote (see generator/output/live_docs.py). After each edit the served site's
pages must equal those of ``explainer build`` of the same content, and pages of deleted or
renamed content must be gone.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import CONFIG_FILE, SAMPLE_CONTENT, build_with_cli
from mkdocs.commands.build import build
from mkdocs.config import load_config
from test_serve_incremental import (
    alias_relinks,
    delete_article,
    edit_body,
    new_entry,
    rename_article,
    rename_entry,
)

pytestmark = pytest.mark.build

# What differs by design: the search index is written in the background, and a dirty
# build's sitemap lists only the pages it built.
NOT_COMPARED = ("pagefind/", "search/", "sitemap.xml")


def _pages(site: Path) -> dict[str, bytes]:
    found = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and not rel.startswith(NOT_COMPARED) and rel != ".explainer-site":
            found[rel] = path.read_bytes()
    return found


class Served:
    """One in-process server's state: its plugin, folders and content."""

    def __init__(self, root: Path) -> None:
        self.content = root / "content"
        shutil.copytree(SAMPLE_CONTENT, self.content)
        self.folders = {"site_dir": str(root / "site"), "docs_dir": str(root / "docs")}
        Path(self.folders["docs_dir"]).mkdir()
        first = load_config(str(CONFIG_FILE), **self.folders)
        self.plugin = first.plugins["explainer"]
        self.plugin.content_override = self.content
        first.plugins.on_startup(command="serve", dirty=True)
        self.plugins = first.plugins
        build(first, dirty=True)
        assert self.plugin.indexer.wait(120)

    def rebuild(self) -> None:
        build(load_config(str(CONFIG_FILE), **self.folders), dirty=True)
        assert self.plugin.indexer.wait(120)

    @property
    def site(self) -> Path:
        return Path(self.folders["site_dir"])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SOURCE_DATE_EPOCH", raising=False)  # the plugin pins it per build
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        server = Served(tmp_path_factory.mktemp("served"))
        yield server
        server.plugins.on_shutdown()
        # The plugin object outlives this module (MkDocs keeps it): leave it as a build's.
        server.plugins.on_startup(command="build", dirty=False)


EDITS = [edit_body, new_entry, alias_relinks, rename_entry, rename_article, delete_article]


@pytest.mark.parametrize("edit", EDITS, ids=lambda edit: edit.__name__)
def test_the_served_site_after_each_edit_is_the_built_one(served, edit, tmp_path):
    edit(served.content, served.rebuild)
    served.rebuild()
    result = build_with_cli(served.content, tmp_path / "built")
    assert result.returncode == 0, result.stderr
    built, kept = _pages(tmp_path / "built"), _pages(served.site)
    assert sorted(kept) == sorted(built)
    differ = [rel for rel in built if built[rel] != kept[rel]]
    assert differ == []
    assert served.plugin.live.docs_dir is None  # the stage gave the docs folder back
