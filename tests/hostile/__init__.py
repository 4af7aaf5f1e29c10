"""Hostile-input corpus: payload tables and the content archive built from them.

``payloads`` holds the tables (Markdown bodies, one-line front-matter strings, URLs,
aliases) and ``write_archive`` turns them into a content folder in which every place a
contributor's text can land carries payloads. Everything in that archive passes
``python -m generator check`` (warnings allowed), so it reaches the built pages; inputs
that ``check`` rejects are listed separately for the input tests.
"""
