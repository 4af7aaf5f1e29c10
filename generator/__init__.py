"""Explainer Archive: news articles in, a cross-linked explainer site out.

The package is a pure pipeline (read -> validate -> match -> render -> pages -> write);
only :mod:`generator.cli` and :mod:`generator.mkdocs_hook` know about MkDocs.
"""

__version__ = "0.1.0"
