"""``explainer init DIR``: a new archive that builds as it is, with one example of each kind.

The archive is the content folder, an ``mkdocs.yml`` that uses the ``explainer`` plugin
(whose theme ships inside the package), an empty docs folder (MkDocs refuses to load a
configuration whose ``docs_dir`` is missing, before any plugin runs) and a ``.gitignore``
for what builds make. Nothing is ever overwritten: the folder must be missing or empty.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

DEFAULT_SITE_NAME = "Explainer Archive"

EXAMPLES = {
    "content/articles/lighthouse-reopens.md": """\
---
title: "Lighthouse on Gull Point reopens after repairs"
date: 2024-05-02
summary: "The keepers' association relit the Gull Point lighthouse after a winter of repairs."
tags: [example]
---

The Keepers' Association relit the lighthouse on Gull Point on Thursday evening, after a
winter in which storms cracked its lantern glass.

Volunteers from the association carried the new panes up the tower by hand. Fishing
crews had asked for the light to return before the spring season.
""",
    "content/actors/keepers-association.md": """\
---
name: Keepers' Association
kind: organisation
aliases: [Keepers' Association]
summary: "Volunteer group that maintains the old lighthouses of the coast."
---
The association was formed by former keepers when the lights were automated.
""",
    "content/locations/gull-point.md": """\
---
name: Gull Point
kind: site
aliases: [Gull Point]
summary: "Rocky headland at the mouth of the bay, with a lighthouse."
coordinates: {lat: 54.2, lon: -4.6}
---
Gull Point marks the entrance to the bay for boats coming in from the north.
""",
}

# Build outputs are ignored; the docs folder itself stays, so that a fresh clone loads.
GITIGNORE = """\
/site
/build/*
!/build/docs/
/build/docs/*
!/build/docs/.gitkeep
__pycache__/
"""

MKDOCS_YML = """\
site_name: {site_name}
# Where the site is published: set SITE_URL when building for it. Without it, links point here.
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]

# Generated, never edited: `content/` is the source. The explainer plugin fills this folder.
docs_dir: build/docs
site_dir: site
use_directory_urls: true

theme:
  # The explainer plugin adds its own templates and styles (shipped in the package).
  name: material
  language: en
  font: false
  features:
    - navigation.tabs
    - search.highlight

extra_css:
  - assets/stylesheets/explainer.css
extra_javascript:
  - assets/javascripts/previews.js
  - assets/javascripts/drawings.js
  - assets/javascripts/search-query.js
  - assets/javascripts/search-refine.js

nav:
  - Home: index.md
  - Articles: articles/index.md
  - Actors: actors/index.md
  - Locations: locations/index.md
  - Topics: topics/index.md
  - Explore: explore/index.md

plugins:
  - search
  - explainer:
      content: content

markdown_extensions:
  - toc:
      permalink: true
      slugify: !!python/name:generator.output.anchors.heading_id
  - admonition
  - md_in_html
"""


class InitError(Exception):
    """The folder cannot take a new archive; nothing was written."""


def archive_files(site_name: str) -> dict[str, str]:
    """Every file of a new archive, by path relative to its folder."""
    # JSON is YAML: a quoted string keeps any name (colons, quotes) one plain value.
    return {
        **EXAMPLES,
        "mkdocs.yml": MKDOCS_YML.format(site_name=json.dumps(site_name, ensure_ascii=False)),
        ".gitignore": GITIGNORE,
        "build/docs/.gitkeep": "",
    }


def init_archive(folder: Path, site_name: str = DEFAULT_SITE_NAME) -> list[Path]:
    """Write a new archive into ``folder`` (missing or empty); return the files written.

    Raises :class:`InitError` when ``folder`` is not a folder or holds anything at all.
    """
    name = " ".join(site_name.split())
    if not name:
        raise InitError("the site name is empty")
    if os.path.lexists(folder) and not folder.is_dir():
        raise InitError(f"{folder} exists and is not a folder")
    if folder.is_dir() and any(folder.iterdir()):
        raise InitError(f"{folder} is not empty; choose a new or empty folder")
    written = []
    for relative, text in archive_files(name).items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as handle:  # "x": never overwrite
            handle.write(text)
        written.append(path)
    return written
