"""A saved page's figures: the caption kept as a caption, the image's address reported.

An imported article cannot keep a page's images: they live on the publisher's servers,
and the archive publishes only files under ``content/``. Their addresses are reported so
that a contributor can fetch one and add it by hand; the caption stays in the body as a
``figure`` element holding it, which GitHub's preview and the site both show as a caption,
and beside which the image can be put back (``![Alt](../images/name.jpg)``).
"""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

from bs4 import NavigableString, Tag

from generator.importer.boilerplate import classify
from generator.importer.html_rules import SILENT_TAGS, drop_reason
from generator.importer.model import Block

_SPACE = re.compile(r"\s+")
# The label some sites print before a caption for screen readers ("Image caption, …").
_LABEL = re.compile(r"^(?:image|media|video|photo) caption\s*[:,|]?\s*", re.IGNORECASE)
# A credit at the end of a caption: "… Market Street. Photo: Valley Chronicle".
_CREDIT_TAIL = re.compile(
    r"(?<=[.!?”\"])\s+(?:photo(?:graph)?|image|picture|credit|illustration)s?\s*(?::|by)"
    r"\s*[^.!?]{1,80}$",
    re.IGNORECASE,
)
# Longer addresses are cut in the middle when reported, keeping the file name.
_MAX_SHOWN = 240


def image_address(img: Tag, base_url: str) -> str:
    """Where ``img`` loads its picture from, resolved against the page's address."""
    src = str(img.get("src") or img.get("data-src") or "").strip()
    if not src and img.get("srcset"):
        src = str(img["srcset"]).split(",")[0].strip().split(" ")[0]
    if not src:
        return "(an image without an address)"
    if src.lower().startswith("data:"):
        return src[:30] + "…"
    full = urljoin(base_url, src) if base_url else src
    return full if len(full) <= _MAX_SHOWN else f"{full[:150]}…{full[-80:]}"


def images_of(node: Tag, base_url: str) -> list[Block]:
    """An ``image`` block for every picture in ``node`` (itself, when it is one)."""
    found = [node] if node.name == "img" else node.find_all("img")
    return [Block("image", image_address(img, base_url)) for img in found]


def _caption_parts(node: Tag, credits: list[str]) -> str:
    """The caption's visible words; credits and hidden labels go to ``credits``."""
    parts: list[str] = []
    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:
                parts.append(str(child))
        elif isinstance(child, Tag) and child.name not in SILENT_TAGS:
            reason = drop_reason(child, 0)
            if reason == "photo caption or credit":
                credits.append(_SPACE.sub(" ", child.get_text(" ")).strip())
            elif reason != "hidden text":
                parts.append(" " + _caption_parts(child, credits) + " ")
    return _SPACE.sub(" ", "".join(parts)).strip()


def _caption(node: Tag) -> tuple[str, list[str]]:
    """A figcaption's text without its label, and the credits taken out of it."""
    credits: list[str] = []
    caption = _LABEL.sub("", _caption_parts(node, credits))
    tail = _CREDIT_TAIL.search(caption)
    if tail:
        caption, credit = caption[: tail.start()].strip(), tail.group().strip()
        credits.append(credit)
    return caption, [c for c in credits if c]


def figure_markdown(caption: str) -> str:
    """The caption as it stands in the body: a figure element, which Markdown passes on."""
    return f"<figure>\n<figcaption>{html.escape(caption, quote=False)}</figcaption>\n</figure>"


def _other_lines(node: Tag, caption_node: Tag | None) -> list[Block]:
    """Text of the figure outside its caption (credits, "Image source"), as dropped lines."""
    if caption_node is not None:
        caption_node.extract()
    text = _SPACE.sub(" ", node.get_text(" ")).strip()
    return [Block("dropped", text, reason="photo caption or credit")] if text else []


def figure_blocks(node: Tag, base_url: str) -> list[Block]:
    """A figure's images (reported, not kept) and its caption, kept unless it is a credit."""
    blocks = images_of(node, base_url)
    found = node.find("figcaption")
    caption_node = found if isinstance(found, Tag) else None
    caption, credits = _caption(caption_node) if caption_node else ("", [])
    blocks += _other_lines(node, caption_node)
    blocks += [Block("dropped", credit, reason="photo caption or credit") for credit in credits]
    reason = classify(caption) if caption else None
    if reason:
        blocks.append(Block("dropped", caption, reason=reason))
    elif caption:
        blocks.append(Block("figure", caption, figure_markdown(caption)))
    return blocks
