"""An article's HTML as blocks: paragraphs, headings, lists, quotes, tables, in reading order.

Inline markup becomes Markdown (emphasis, links, code); text is escaped where Markdown would
misread it. Furniture found on the way is kept as ``dropped`` blocks, so the report lists it
where it stood.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from bs4 import Comment, NavigableString, Tag

from generator.importer import markup
from generator.importer.boilerplate import classify
from generator.importer.html_figures import figure_blocks, images_of
from generator.importer.html_rules import INLINE_TAGS, SILENT_TAGS, drop_reason
from generator.importer.layout import ends_sentence, is_list_header
from generator.importer.model import Block

_BREAK = "\x00"  # a <br>, kept through whitespace collapsing
_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML whitespace; a no-break space is content
_EMPHASIS = {"strong": "**", "b": "**", "em": "*", "i": "*", "cite": "*", "dfn": "*"}
_CODE = frozenset({"code", "kbd", "samp", "tt"})
_BOLD_HEADING_MAX_WORDS = 12
_WHOLE_LINK = re.compile(r"\[[^\n]*\]\([^)\s]*\)")  # a line that is one link, as Markdown


class _Inline:
    """Markdown and plain text of inline content, built side by side."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def render(self, node: Tag) -> tuple[str, str]:
        parts = [self.child(child) for child in node.children]
        return "".join(p[0] for p in parts), "".join(p[1] for p in parts)

    def child(self, node: object) -> tuple[str, str]:
        if isinstance(node, Comment) or not isinstance(node, NavigableString | Tag):
            return "", ""
        if isinstance(node, NavigableString):
            if type(node) is not NavigableString:  # CData, doctype, processing instructions
                return "", ""
            return markup.escape_inline(str(node)), str(node)
        if node.name in SILENT_TAGS or drop_reason(node, 0) in ("hidden text", "button"):
            return "", ""
        if node.name == "br":
            return _BREAK, _BREAK
        md, plain = self.render(node)
        if node.name in _EMPHASIS:
            return _wrap(md, _EMPHASIS[node.name]), plain
        if node.name in _CODE:
            fence = "``" if "`" in plain else "`"
            return (f"{fence}{plain}{fence}" if plain.strip() else plain), plain
        if node.name == "a":
            return self.link(node, md), plain
        if node.name == "q":
            return f"“{md}”", f"“{plain}”"
        if node.name not in INLINE_TAGS:
            return f" {md} ", f" {plain} "
        return md, plain

    def link(self, node: Tag, md: str) -> str:
        href = str(node.get("href") or "").strip()
        url = urljoin(self.base_url, href) if self.base_url else href
        if not md.strip() or not re.match(r"(?:https?|mailto):", url):
            return md
        safe = url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
        label = re.sub(r"([\[\]])", r"\\\1", md.replace("\\[", "[").replace("\\]", "]"))
        return _wrap(label, "[", f"]({safe})")


def _wrap(md: str, opening: str, closing: str | None = None) -> str:
    """Wrap inline Markdown, keeping its surrounding spaces outside the markers."""
    core = md.strip()
    if not core or core == _BREAK:
        return md
    lead, trail = md[: len(md) - len(md.lstrip())], md[len(md.rstrip()) :]
    return f"{lead}{opening}{core}{closing if closing is not None else opening}{trail}"


def _lines(text: str) -> list[str]:
    """Split on <br>, collapse HTML whitespace; an empty string marks a paragraph break."""
    return [_SPACE.sub(" ", line).strip() for line in text.split(_BREAK)]


def _paragraphs(md: str, plain: str) -> list[tuple[str, str]]:
    """Inline content cut at each <br> into (markdown, plain) paragraphs.

    A line break inside a Markdown paragraph would render as a space, and br-separated lines
    are usually separate things ("By Jane Doe<br>2 June 2024"), so each becomes a block.
    """
    pairs = zip(_lines(md), _lines(plain), strict=True)
    return [(md_line, plain_line) for md_line, plain_line in pairs if plain_line]


def _link_only(node: Tag, plain: str) -> bool:
    links = sum(len(_SPACE.sub("", a.get_text())) for a in node.find_all("a"))
    return links > 0 and links >= 0.9 * len(_SPACE.sub("", plain))


def text_lines(node: Tag) -> list[str]:
    """The visible lines of an element, one per block-level element, for the report."""
    parts: list[str] = []

    def walk(tag: Tag) -> None:
        for child in tag.children:
            if isinstance(child, NavigableString) and type(child) is NavigableString:
                parts.append(str(child))
            elif isinstance(child, Tag) and child.name not in SILENT_TAGS:
                edge = "" if child.name in INLINE_TAGS else "\n"
                parts.append(edge)
                walk(child)
                parts.append(edge)

    walk(node)
    return [line for line in _lines("".join(parts).replace("\n", _BREAK)) if line]


def _dropped_lines(node: Tag, reason: str) -> list[Block]:
    """A removed element's lines, each with the most specific reason known for it: a text
    rule's ("Sign up"), the header's above it ("Related"), else the element's."""
    blocks = []
    for line in text_lines(node):
        own = classify(line)
        if own and is_list_header(line):
            reason = own
        blocks.append(Block("dropped", line, reason=own or reason))
    return blocks


class _Walker:
    """Collects blocks from a container, flushing inline runs into paragraphs."""

    def __init__(self, base_url: str, guard: int) -> None:
        self.inline = _Inline(base_url)
        self.guard = guard
        self.blocks: list[Block] = []
        self.pending: list[tuple[str, str]] = []

    def flush(self, node: Tag | None = None) -> None:
        md = "".join(p[0] for p in self.pending)
        plain = "".join(p[1] for p in self.pending)
        self.pending = []
        for para_md, para_plain in _paragraphs(md, plain):
            link_only = bool(_WHOLE_LINK.fullmatch(para_md)) or (
                node is not None and _link_only(node, para_plain)
            )
            self.blocks.append(
                Block(
                    "paragraph", para_plain, markup.paragraph_markdown(para_md), link_only=link_only
                )
            )

    def walk(self, container: Tag) -> None:
        for child in container.children:
            if isinstance(child, Tag):
                self.element(child)
            else:
                self.pending.append(self.inline.child(child))

    def element(self, node: Tag) -> None:
        if node.name in ("img", "picture"):
            self.blocks += images_of(node, self.inline.base_url)
            return
        if node.name in SILENT_TAGS:
            return
        reason = drop_reason(node, self.guard)
        if node.name == "figure" and reason == "photo caption or credit":
            self.flush()
            self.blocks += figure_blocks(node, self.inline.base_url)
        elif reason:
            self.flush()
            self.blocks += _dropped_lines(node, reason)
        elif node.name in INLINE_TAGS or node.name == "br":
            self.pending.append(self.inline.child(node))
        else:
            self.flush()
            self.block(node)

    def block(self, node: Tag) -> None:
        name = node.name
        if name == "p":
            self.paragraph(node)
        elif re.fullmatch(r"h[1-6]", name):
            text = _SPACE.sub(" ", node.get_text(" ")).strip()
            level = int(name[1])
            self.blocks.append(Block("heading", text, markup.heading(text, level), level=level))
        elif name in ("ul", "ol"):
            self.blocks.append(self.list_block(node))
        elif name == "blockquote":
            self.quote(node)
        elif name == "pre":
            code = node.get_text().strip("\n")
            self.blocks.append(Block("code", code, f"```\n{code}\n```"))
        elif name == "table" and not node.find(["p", "div", "table", "ul", "ol"]):
            self.blocks.append(_table(node))
        elif name != "hr":
            self.walk(node)
            self.flush()

    def paragraph(self, node: Tag) -> None:
        self.pending.append(self.inline.render(node))
        start = len(self.blocks)
        self.flush(node)
        only = [c for c in node.children if not (isinstance(c, str) and not c.strip())]
        new = self.blocks[start:]
        bold = len(only) == 1 and isinstance(only[0], Tag) and only[0].name in ("strong", "b")
        if bold and len(new) == 1 and _bold_heading(new[0].text):
            self.blocks[start] = Block(
                "heading", new[0].text, markup.heading(new[0].text, 2), level=2
            )

    def list_block(self, node: Tag) -> Block:
        items_md, items_plain = [], []
        for item in node.find_all("li", recursive=False):
            nested = [self.list_block(sub) for sub in item.find_all(["ul", "ol"], recursive=False)]
            for sub in item.find_all(["ul", "ol"], recursive=False):
                sub.extract()
            md, plain = self.inline.render(item)
            md_text = " ".join(line for line in _lines(md) if line)
            plain_text = " ".join(line for line in _lines(plain) if line)
            if not plain_text and not nested:
                continue
            items_md.append("\n".join([md_text, *(b.markdown for b in nested)]))
            items_plain.append(plain_text)
        ordered = node.name == "ol"
        start = int(node["start"]) if ordered and str(node.get("start", "")).isdigit() else 1
        return Block(
            "list",
            "\n".join(items_plain),
            markup.list_block(items_md, ordered=ordered, start=start),
            link_only=_link_only(node, "".join(items_plain)),
            items=tuple(items_plain),
        )

    def quote(self, node: Tag) -> None:
        inner = _Walker(self.inline.base_url, self.guard)
        inner.walk(node)
        inner.flush()
        kept = [b for b in inner.blocks if b.kind != "dropped"]
        if kept:
            md = "\n\n".join(b.markdown for b in kept)
            self.blocks.append(Block("quote", "\n".join(b.text for b in kept), markup.quote(md)))


def _bold_heading(text: str) -> bool:
    """A paragraph that is all bold, short and unpunctuated reads as a subheading."""
    return len(text.split()) <= _BOLD_HEADING_MAX_WORDS and not ends_sentence(text)


def _table(node: Tag) -> Block:
    """A data table as a Markdown pipe table (first row as header)."""
    rows = [
        [_SPACE.sub(" ", cell.get_text(" ")).strip() for cell in row.find_all(["th", "td"])]
        for row in node.find_all("tr")
    ]
    rows = [row for row in rows if any(row)]
    text = "\n".join(" | ".join(row) for row in rows)
    return Block("table", text, markup.table(rows) if rows else "")


def blocks_from(container: Tag, *, base_url: str = "", guard: int = 0) -> list[Block]:
    """The container's content as blocks; ``base_url`` resolves relative links."""
    walker = _Walker(base_url, guard)
    walker.walk(container)
    walker.flush()
    return walker.blocks
