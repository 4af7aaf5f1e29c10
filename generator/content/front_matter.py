"""Split a content file into YAML front-matter and body, refusing what YAML would misread.

python-frontmatter silently returns empty metadata for a BOM, a missing closing ``---``
or a list at the top, and PyYAML accepts duplicate keys, aliases and arbitrary tags. The
checks here turn each of those into a :class:`Problem` that names the file and line, so a
contributor never sees a traceback or a misleading "title missing".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml
from yaml.nodes import MappingNode

from generator.content.model import Problem
from generator.content.yaml_errors import explain

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_YAML_DEPTH = 12
# Tabs and newlines are text; every other C0/C1 control character is invisible and
# confuses both YAML and the reader's browser.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CLOSING = re.compile(r"^---[ \t]*$", re.MULTILINE)
# YAML's line 0 is the file's line 2: line 1 is the opening ``---``.
_YAML_FIRST_LINE = 2


@dataclass(frozen=True)
class Document:
    """A content file's front-matter values, the file line of each key, and the body."""

    data: dict[str, object]
    key_lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML that front-matter does not take; the message is already plain words."""

    def __init__(self, message: str, mark) -> None:  # type: ignore[no-untyped-def]
        super().__init__(problem=message, problem_mark=mark)


class _StrictConstruction:
    """Constructor rules for front-matter: text keys only, no duplicates, real dates."""

    def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise _Refused(
                    f"key {key_node.value!r} must be text (quote it)", key_node.start_mark
                )
            if key in seen:
                raise _Refused(f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node):  # type: ignore[no-untyped-def]
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            raise _Refused(f"{node.value} is not a real date", node.start_mark) from None


_ALIASES = "YAML anchors and aliases (*name) are not allowed"
_TOO_DEEP = f"nested deeper than {MAX_YAML_DEPTH} levels"


class _StrictLoader(_StrictConstruction, yaml.SafeLoader):
    """Pure-Python loader that also refuses aliases and deep nesting while composing."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            raise _Refused(_ALIASES, self.peek_event().start_mark)
        self._depth += 1
        if self._depth > MAX_YAML_DEPTH:
            raise _Refused(_TOO_DEEP, self.peek_event().start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _StrictLoader.construct_yaml_timestamp)

if yaml.__with_libyaml__:

    class _FastLoader(_StrictConstruction, yaml.CSafeLoader):
        """libyaml's parser and composer (several times faster), with the same rules.

        libyaml composes in C, so aliases and depth are checked on its event stream first.
        """

    _FastLoader.add_constructor("tag:yaml.org,2002:timestamp", _FastLoader.construct_yaml_timestamp)


def _check_events(text: str) -> None:
    """Refuse aliases and deep nesting before libyaml composes (and could recurse)."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(_ALIASES, event.start_mark)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise _Refused(_TOO_DEEP, event.start_mark)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _loader(text: str):  # type: ignore[no-untyped-def]
    if yaml.__with_libyaml__:
        _check_events(text)
        return _FastLoader(text)
    return _StrictLoader(text)


def _decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Bytes to normalised text (no BOM, ``\\n`` line ends), or the reason it is not text."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        bad = raw[err.start : err.start + 1].hex()
        return None, [
            Problem(path, "file", f"not UTF-8 text (byte 0x{bad}); save it as UTF-8", line)
        ]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    problems = []
    for match in _CONTROL.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        code = f"U+{ord(match.group()):04X}"
        problems.append(Problem(path, "file", f"control character {code} is not allowed", line))
    return text, problems[:5]


def _key_lines(node: MappingNode) -> dict[str, int]:
    """File line of each top-level key."""
    return {str(key.value): key.start_mark.line + _YAML_FIRST_LINE for key, _ in node.value}


def _yaml_problem(err: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    """A YAML error as a Problem at the mistake's line and column, with that line."""
    if isinstance(err, _Refused):
        mark = err.problem_mark
        line, column, message = mark.line, mark.column, str(err.problem)
    else:
        explained = explain(err, text, _YAML_FIRST_LINE)
        if explained is None:
            return Problem(path, "front-matter", f"invalid YAML: {err}")
        line, column, message = explained.line, explained.column, explained.message
    lines = text.split("\n")
    source = lines[line] if line < len(lines) else ""
    return Problem(
        path,
        "front-matter",
        message,
        line + _YAML_FIRST_LINE,
        column=column + 1,
        source=source,
    )


def _load_yaml(
    text: str, path: str
) -> tuple[dict[str, object] | None, dict[str, int], list[Problem]]:
    """Parse the front-matter block; all YAML failures become one located Problem."""
    loader = None
    try:
        loader = _loader(text)
        node = loader.get_single_node()
        if node is None:
            return {}, {}, []
        if not isinstance(node, MappingNode):
            kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
            message = f"front-matter must be `key: value` lines, found {kind}"
            line = node.start_mark.line + _YAML_FIRST_LINE
            return None, {}, [Problem(path, "front-matter", message, line)]
        return loader.construct_document(node), _key_lines(node), []
    except yaml.MarkedYAMLError as err:
        return None, {}, [_yaml_problem(err, text, path)]
    except (yaml.YAMLError, RecursionError, ValueError) as err:
        # ValueError: PyYAML's own parser lets chr() fail on an escape past U+10FFFF.
        return None, {}, [Problem(path, "front-matter", f"invalid YAML: {err}", None)]
    finally:
        if loader is not None:
            loader.dispose()


def parse_document(raw: bytes, path: str) -> tuple[Document | None, list[Problem]]:
    """Parse a content file; return the document, or None and every problem found."""
    if len(raw) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        return None, [Problem(path, "file", f"larger than the {limit} MiB limit; split it")]
    text, problems = _decode(raw, path)
    if text is None or problems:
        return None, problems
    if not text.startswith("---\n"):
        return None, [Problem(path, "front-matter", "the file must start with a line `---`", 1)]
    # Split here rather than with python-frontmatter, whose boundary pattern lets blank
    # lines drift between the parts and would shift every reported line number.
    closing = _CLOSING.search(text, 4)
    if not closing:
        message = "not closed: add a line `---` after the last key"
        return None, [Problem(path, "front-matter", message, 1)]
    data, key_lines, problems = _load_yaml(text[4 : closing.start()], path)
    if data is None:
        return None, problems
    body = text[closing.end() + 1 :]
    stripped = body.lstrip("\n")
    body_line = text.count("\n", 0, closing.end()) + 2 + len(body) - len(stripped)
    text_body = stripped.rstrip("\n") + "\n" if stripped.strip() else ""
    return Document(data, key_lines, text_body, body_line), []


def is_date(value: object) -> bool:
    """True for a calendar date (YAML gives ``datetime.date`` for unquoted dates)."""
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
