"""Review a change to the content: ``explainer report --base REF``.

The work tree's ``content/`` and the base commit's copy are each read by the generator's
own pipeline; what differs (articles, glossary entries, mention counts) and the problems
``explainer check`` finds become a Markdown summary for a pull request.
"""

from generator.review.compare import FileChange, MentionChange, Review, review
from generator.review.gfm import escape
from generator.review.snapshot import Snapshot, mention_counts, take_snapshot
from generator.review.summary import Links, to_markdown

__all__ = [
    "FileChange",
    "Links",
    "MentionChange",
    "Review",
    "Snapshot",
    "escape",
    "mention_counts",
    "review",
    "take_snapshot",
    "to_markdown",
]
