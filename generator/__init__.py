"""Explainer Archive: news articles in, a cross-linked explainer site out.

The package is a pure pipeline (read -> validate -> match -> render -> pages -> write);
only :mod:`generator.cli`, :mod:`generator.site` and :mod:`generator.mkdocs_plugin` know
about MkDocs.
"""
