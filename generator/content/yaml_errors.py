"""PyYAML's errors in a contributor's words, placed where the mistake is.

The parser says where it gave up ("while scanning a quoted scalar … found unexpected end
of stream", two lines below the quote that was never closed). Each rule here recognises
one common mistake from the error's kind, its two marks and the text around them, and
says what to change, at the line and column of the mistake. libyaml and PyYAML's own
parser word their errors differently but place them alike, so the rules match words both
use. An error no rule knows keeps the parser's own words, at the parser's mark.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

from generator.content.yaml_site import COLON_NO_SPACE, QUOTES, ErrorSite, Explained, indent


def _unclosed_quote(e: ErrorSite) -> Explained | None:
    if "quoted scalar" not in e.words or "end of stream" not in e.words or not e.context:
        return None
    line, column = e.context
    what = e.key_on(line, column) or "value"
    quote = e.char(line, column)
    message = f"the quoted {what} that starts on line {e.file_line(line)} is never closed"
    return Explained(line, column, f"{message}: end it with {quote}")


def _bad_start(e: ErrorSite) -> Explained | None:
    """A character that cannot start a value: tab, @, `, %, *, &, |x, >x, ..."""
    if "cannot start any token" in e.words:
        line, column = e.problem
        char = e.char(line, column)
        if char == "\t" and not e.text(line)[:column].strip():
            return Explained(line, column, "a tab cannot indent YAML; use spaces")
        if char == "\t":
            return Explained(line, column, "a tab cannot stand here in YAML; use a space")
        if char:
            return Explained(line, column, _quote_it(char))
    if "node content" in e.words and e.char(*e.problem) not in ("", ","):
        return Explained(*e.problem, _quote_it(e.char(*e.problem)))
    for word in ("alias", "anchor", "block scalar"):
        if f"scanning an {word}" in e.words or f"scanning a {word}" in e.words:
            line, column = e.context or e.problem
            return Explained(line, column, _quote_it(e.char(line, column)))
    return None


def _quote_it(char: str) -> str:
    return f"a value cannot start with {char!r}: put the value in quotes"


def _key_without_colon(e: ErrorSite, line: int) -> Explained:
    text = e.text(line)
    spaced = COLON_NO_SPACE.match(text)
    column = indent(text)
    if spaced:
        key = spaced.group("key")
        where = column + len(key)
        return Explained(line, where, f"a ':' after a key needs a space: write `{key}: …`")
    word = text.strip()
    return Explained(line, column, f"{word!r} is a key without a value: write `{word}: …`")


def _colon_in_value(e: ErrorSite) -> Explained | None:
    if "mapping values are not allowed" not in e.words:
        return None
    line, column = e.problem
    if e.key_on(line, column) or line == 0:
        return Explained(line, column, "':' inside an unquoted value: put the value in quotes")
    above = e.previous(line)
    here = e.text(line)
    upper = e.text(above) if above is not None else ""
    if above is not None and COLON_NO_SPACE.match(upper):
        return _key_without_colon(e, above)
    bare_word = ":" not in upper and not upper.lstrip().startswith("-")
    if above is not None and bare_word and indent(here) == indent(upper):
        return _key_without_colon(e, above)
    if above is not None and indent(here) > indent(upper):
        key = f"`{e.key_on(above, len(upper)) or upper.strip()}`"
        message = (
            f"this line is indented more than {key} on line {e.file_line(above)}, so it "
            "reads as more of that value: line the keys up, or quote the value"
        )
        return Explained(line, indent(here), message)
    return Explained(line, column, "':' inside an unquoted value: put the value in quotes")


def _missing_colon(e: ErrorSite) -> Explained | None:
    if "expected ':'" not in e.words or not e.context:
        return None
    return _key_without_colon(e, e.context[0])


def _unclosed_flow(e: ErrorSite) -> Explained | None:
    if "flow sequence" in e.words or "flow mapping" in e.words:
        opening, closing = ("[", "]") if "flow sequence" in e.words else ("{", "}")
        if f"',' or '{closing}'" not in e.words or not e.context:
            return None
        line, column = e.context
        if e.problem[0] > line or not e.char(*e.problem):
            message = f"the {opening!r} on line {e.file_line(line)} is never closed"
            return Explained(line, column, f"{message}: end it with {closing!r}")
        message = f"separate the items in {opening} {closing} with ',' (quote items with quotes)"
        return Explained(*e.problem, message)
    if "flow node" in e.words and e.char(*e.problem) == ",":
        return Explained(*e.problem, "an empty item in a list: remove the extra ','")
    return None


def _text_after(e: ErrorSite, line: int, column: int) -> Explained | None:
    """Text after a closing quote or bracket on the same line."""
    before = e.text(line)[:column].rstrip()
    last = before[-1:]
    if not last:
        return None
    if last in QUOTES:
        opened = before[:-1].find(last)
        if opened < 0:  # the quote opened on an earlier line
            start = next(
                (i for i in range(line - 1, -1, -1) if e.text(i).count(last) % 2), line - 1
            )
            what = e.key_on(start, len(e.text(start))) or "value"
            message = f"the quoted {what} that starts on line {e.file_line(start)} is not closed"
            return Explained(start, e.text(start).find(last), f"{message} on that line")
        inside = "write '' for ' inside '…'" if last == "'" else "use '…' around a value with \""
        return Explained(
            line, column, f"text after the closing {last}: quote the whole value ({inside})"
        )
    if last in "]}":
        message = f"text after the closing {last!r}: a value that starts with '[' or '{{' "
        return Explained(line, column, message + "must end there; put the whole value in quotes")
    return None


def _wrong_indent(e: ErrorSite) -> Explained | None:
    if "block mapping" not in e.words and "block collection" not in e.words:
        return None
    line, column = e.problem
    char = e.char(line, column)
    after = _text_after(e, line, column)
    if after:
        return after
    if char in "]}" and char:
        return Explained(line, column, f"{char!r} closes nothing: remove it, or quote the value")
    if char == ":":
        return Explained(line, column, "a ':' without a key before it")
    if char == "-":
        return Explained(line, column, _item_hint(e, line))
    if "block collection" in e.words:
        return Explained(line, column, "a `key:` line among list items: start each item with '- '")
    return Explained(line, column, "a key at the wrong indentation: line it up with the keys above")


def _item_hint(e: ErrorSite, line: int) -> str:
    """Where a list item should stand: like the item above it, or under a key."""
    above = e.previous(line)
    if above is not None and e.text(above).lstrip().startswith("- "):
        return f"a list item at the wrong indentation: indent it like line {e.file_line(above)}"
    return "a list item at the wrong indentation: put it under its `key:`, indented"


def _unknown_tag(e: ErrorSite) -> Explained | None:
    found = re.search(r"constructor for the tag '(.*)'", e.words)
    if not found:
        return None
    if found.group(1) == "tag:yaml.org,2002:merge":
        return Explained(*e.problem, "'<<' merge keys are not allowed: write each key out")
    message = f"YAML reads {found.group(1)!r} as a type tag: put the value in quotes"
    return Explained(*e.problem, message)


def _item_on_key_line(e: ErrorSite) -> Explained | None:
    if "sequence entries are not allowed" not in e.words:
        return None
    message = "a list cannot start on the line of its key: put each '- item' on its own line"
    return Explained(*e.problem, message)


def _bad_escape(e: ErrorSite) -> Explained | None:
    if "escape" not in e.words and "hexdecimal" not in e.words:
        return None
    line, column = e.problem
    backslash = e.text(line).rfind("\\", 0, column + 1)
    column = backslash if backslash >= 0 else column
    if "unicode character" in e.words.lower():
        escape = re.match(r"\\[uU][0-9A-Fa-f]*", e.text(line)[column:])
        shown = escape.group() if escape else "this escape"
        return Explained(line, column, f"{shown} is not a character text may hold")
    message = "a '\\' in a \"…\" value starts an escape: write '\\\\', or use '…' quotes"
    return Explained(line, column, message)


def _early_end(e: ErrorSite) -> Explained | None:
    if "<document start>" not in e.words:
        return None
    for line in range(e.problem[0], -1, -1):
        text = e.text(line)
        if text.startswith("..."):
            return Explained(line, 0, "a line '...' ends the front-matter early: remove it")
        if text.startswith("%"):
            return Explained(line, 0, "'%' directives are not allowed in front-matter")
    return None


_RULES: tuple[Callable[[ErrorSite], Explained | None], ...] = (
    _unclosed_quote,
    _bad_start,
    _colon_in_value,
    _missing_colon,
    _unclosed_flow,
    _early_end,
    _wrong_indent,
    _item_on_key_line,
    _bad_escape,
    _unknown_tag,
)


def _position(mark: yaml.Mark | None) -> tuple[int, int] | None:
    return (mark.line, mark.column) if mark is not None else None


def explain(err: yaml.MarkedYAMLError, text: str, first_line: int) -> Explained | None:
    """``err`` (raised parsing ``text``) in plain words at the mistake, or None without marks.

    ``first_line``: the file line of ``text``'s first line.
    """
    problem = _position(err.problem_mark) or _position(err.context_mark)
    if problem is None:
        return None
    words = " ".join(str(part) for part in (err.context, err.problem) if part)
    lines = tuple(text.split("\n"))
    error = ErrorSite(words, problem, _position(err.context_mark), lines, first_line)
    for rule in _RULES:
        found = rule(error)
        if found is not None:
            return found
    return Explained(*problem, f"invalid YAML: {words}")
