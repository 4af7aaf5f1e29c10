"""Stage 2, body: contributed Markdown, parsed once, linked, rendered, sanitised.

Takes a body's text and the content stage's name matcher; gives safe HTML with mentions
linked (markdown-it-py tokens, nh3), the sentences a mention sits in, and body problems
(size and nesting limits). Imports only :mod:`generator.content`.
"""
