"""Stage 1, content: what ``content/`` says, read and checked.

Takes the content folder's files; gives the typed :class:`~generator.content.model.Archive`
(articles, actors, locations), the name matcher built from it, and every
:class:`~generator.content.model.Problem` in front-matter, fields and references.
Knows nothing of Markdown bodies, pages or MkDocs.
"""
