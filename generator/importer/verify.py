"""An imported article checked by the rules ``explainer check`` applies, before it is written.

The importer cleans what it can (:mod:`generator.importer.clean`); this is the backstop for
whatever a page may still do that no cleaning rule foresaw (a summary longer than a
front-matter line may be, a paragraph of 600 ``[``, lists nested 40 deep). Such an input
is refused with the problem ``check`` would report, instead of being written and then
failing the build.
"""

from __future__ import annotations

from generator.body.render import markdown_to_html
from generator.content.front_matter import MAX_FILE_BYTES
from generator.content.model import Problem
from generator.content.read import parse_article
from generator.importer.model import ImportFailure

_SHOWN_PROBLEMS = 3


def article_problems(text: str, shown: str) -> list[Problem]:
    """The errors ``check`` would report for an article file holding ``text``."""
    raw = text.encode("utf-8")
    if len(raw) > MAX_FILE_BYTES:
        return [Problem(shown, "file", f"larger than {MAX_FILE_BYTES // 2**20} MiB")]
    article, problems = parse_article(raw, shown)
    if article is None:
        return [p for p in problems if p.severity == "error"]
    _, notes = markdown_to_html(article.body)
    return [
        Problem(
            shown,
            "body",
            note.message,
            article.body_line + note.line - 1 if note.line else None,
        )
        for note in notes
        if note.severity == "error"
    ]


def _describe(problem: Problem) -> str:
    line = f" (line {problem.line})" if problem.line else ""
    return f"{problem.field}: {problem.message}{line}"


def verify_article(text: str, name: str) -> None:
    """Raise :class:`ImportFailure` naming input ``name`` when ``check`` would refuse ``text``."""
    problems = article_problems(text, name)
    if problems:
        listed = "; ".join(_describe(p) for p in problems[:_SHOWN_PROBLEMS])
        more = len(problems) - _SHOWN_PROBLEMS
        listed += f"; and {more} more" if more > 0 else ""
        raise ImportFailure(
            f"{name}: the article made from it would not pass `explainer check`, "
            f"so it was not written: {listed}"
        )
