"""Explainer Archive: news articles in, a cross-linked explainer site out.

Four stages, each a folder, data flowing one way: ``content/`` (read and check what
``content/`` says) -> ``body/`` (render contributed Markdown) -> ``site/`` (the site as data)
-> ``output/`` (pages on disk, MkDocs, Pagefind). The commands (``cli``, ``report``,
``scaffold``, ``new_archive``, ``importer/``, ``suggest/``, ``review/``) sit on top. Only
:mod:`generator.output` and :mod:`generator.cli` know about MkDocs; the import contracts in
``pyproject.toml`` (``lint-imports``) keep it so.
"""
