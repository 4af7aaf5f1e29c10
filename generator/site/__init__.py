"""Stage 3, site: the whole site as data, written nowhere.

Takes the archive and rendered bodies; gives cross-references, related articles, topics, every
generated page (``pages/``), drawings (``svg/``), feeds and search hints, as paths and text.
``check`` and ``build`` run the pipeline up to here; the run cache keeps their work for
``serve``. Imports :mod:`generator.content` and :mod:`generator.body`, never MkDocs.
"""
