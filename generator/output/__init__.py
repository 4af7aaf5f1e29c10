"""Stage 4, output: the site's pages on disk and the renderers that read them.

Takes the pages the site stage generated; gives them written (only files the generator owns),
the MkDocs plugin and the atomic MkDocs run, live rebuilds for ``serve``, the Pagefind index,
and what may be printed to a terminal. The only stage that knows MkDocs and Pagefind.
"""
