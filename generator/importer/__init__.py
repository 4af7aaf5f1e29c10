"""The importer: a raw scraped page (plain text or saved HTML) becomes a clean article.

``import_file`` reads one file and returns an :class:`ImportedArticle`; it writes nothing.
:mod:`generator.importer.command` writes articles into ``content/articles/``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.importer.assemble import assemble
from generator.importer.clean import clean_article, clean_text
from generator.importer.model import DroppedLine, ImportedArticle, ImportFailure
from generator.importer.source_file import read_input
from generator.importer.text import blocks_from_text, decode
from generator.importer.text_page import Models, read_text_page

__all__ = [
    "DroppedLine",
    "ImportFailure",
    "ImportedArticle",
    "import_file",
    "import_html",
    "import_text",
]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})


def _cleaned(article: ImportedArticle, name: str) -> ImportedArticle:
    """The article without the characters ``check`` refuses (see :mod:`.clean`)."""
    cleaned = clean_article(article)
    if not cleaned.title:
        raise ImportFailure(f"{name}: no title: the headline is only invisible characters")
    return cleaned


def import_text(
    text: str, *, name: str = "<text>", date: dt.date | None = None, models: Models | None = None
) -> ImportedArticle:
    """Import plain text (already decoded); ``name`` is used in error messages.

    ``models`` are the fitted line scores (the shipped ones unless given; the fitting
    script passes its own while cross-validating).
    """
    blocks, meta = read_text_page(blocks_from_text(clean_text(text)), models)
    return _cleaned(assemble(blocks, meta, name=name, date=date, infer_headings=True), name)


def import_html(
    markup: str | bytes, *, name: str = "<html>", date: dt.date | None = None
) -> ImportedArticle:
    """Import a saved HTML page (bytes are decoded as the page declares)."""
    from generator.importer.html import read_page

    blocks, meta = read_page(markup)
    return _cleaned(assemble(blocks, meta, name=name, date=date), name)


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body"))


def import_file(path: Path, date: dt.date | None = None) -> ImportedArticle:
    """Read one raw article file (``.txt`` or ``.html``) and return it cleaned.

    ``date`` overrides the date the page states. Raises :class:`ImportFailure`, with a
    message naming the file, when the file cannot be read (not a regular file, or larger
    than :data:`~generator.importer.source_file.MAX_INPUT_BYTES`) or has no title or no date.
    """
    path = Path(path)
    data = read_input(path)
    if path.suffix.lower() in HTML_SUFFIXES or _looks_like_html(data):
        return import_html(data, name=str(path), date=date)
    try:
        text = decode(data)
    except (UnicodeDecodeError, ValueError) as error:
        raise ImportFailure(f"{path}: not a text file ({error})") from error
    return import_text(text, name=str(path), date=date)
