"""What the ``explainer`` plugin sets on, and asks of, MkDocs' configuration.

Its typed options, the theme and Markdown extension it needs, the build date it pins and
the folders it refuses: each a function of the configuration, so the plugin's events stay
about when things happen.
"""

from __future__ import annotations

import calendar
import os
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError

from generator.output.folders import UnsafeFolderError, absolute, check_folders
from generator.output.packaged import THEME_DIR
from generator.site.build import Generation


class ExplainerConfig(base.Config):
    """The plugin's options in ``mkdocs.yml`` (``plugins: - explainer: {content: …}``)."""

    # The archive's source, relative to mkdocs.yml.
    content = c.Dir(exists=False, default="content")
    # False when the pages are already in docs_dir: ``explainer build`` generates and
    # writes them itself (with progress and an atomic swap), then runs MkDocs.
    generate = c.Type(bool, default=True)


def pin_build_date(generation: Generation) -> None:
    """Make MkDocs' build date the newest article's, so two builds are byte-identical."""
    if generation.latest and "SOURCE_DATE_EPOCH" not in os.environ:
        epoch = calendar.timegm(generation.latest.timetuple())
        # MkDocs writes the date into a gzip header, which holds 0 … 2**32 - 1 seconds.
        os.environ["SOURCE_DATE_EPOCH"] = str(min(max(epoch, 0), 2**32 - 1))


def use_packaged_theme(config) -> None:
    """Without a ``custom_dir`` of its own, a site gets the theme shipped in the package."""
    if config.theme.custom_dir is None and str(THEME_DIR) not in config.theme.dirs:
        config.theme.dirs.insert(0, str(THEME_DIR))


def read_marked_markdown(config) -> None:
    """Let Markdown inside the generator's ``markdown="1"`` element be read as Markdown.

    The generated pages mark the text search indexes with such an element (see
    generator/site/pages/search_hints.py); a ``mkdocs.yml`` that forgot ``md_in_html``
    would otherwise show that text as raw Markdown.
    """
    if "md_in_html" not in config.markdown_extensions:
        config.markdown_extensions.append("md_in_html")


def require_directory_urls(config) -> None:
    """Refuse ``use_directory_urls: false``: mentions and images are addressed from a
    page's own folder (``articles/<slug>/``)."""
    if not config.use_directory_urls:
        raise PluginError("the explainer plugin needs `use_directory_urls: true`")


def check_build_folders(config, content: Path, *, serving: bool) -> None:
    """Refuse docs and site folders that are not the build's own, before MkDocs cleans any.

    ``mkdocs serve`` builds into a temporary folder of its own, which needs no check.
    """
    project = absolute(config.config_file_path).parent
    docs, site = absolute(config.docs_dir), absolute(config.site_dir)
    try:
        check_folders(project, content, None if serving else site, docs)
    except UnsafeFolderError as err:
        raise PluginError(str(err)) from None
