"""Heading ids for MkDocs' table of contents, named in ``mkdocs.yml``.

The default slug keeps leading underscores, so a heading "__search" would get the id of
Material's own search toggle and break the page. Ids here never start with one.
"""

from __future__ import annotations

from markdown.extensions.toc import slugify


def heading_id(value: str, separator: str) -> str:
    """The default MkDocs slug, with leading underscores and separators removed."""
    return slugify(value, separator).lstrip("_" + separator) or "section"
