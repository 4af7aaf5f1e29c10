"""What one long-lived process keeps from one generator run to the next (``serve``).

A rebuild after one edit makes almost every file from the same inputs as the run before.
A :class:`RunCache` holds every memo the pipeline consults; whoever runs the pipeline
creates one and passes it in. ``explainer serve`` keeps it on the MkDocs plugin, which
MkDocs keeps across the rebuilds of one server; a one-off build or check gets a fresh one
and lets it go with the run.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.body.render import ImageLookup, Rendered, render_body
from generator.content.image_paths import RefusedPath
from generator.content.matcher import AliasMatcher
from generator.content.memo import RunMemo
from generator.site.crossref import CrossIndex
from generator.site.emit import EmitMemos


class RenderMemo:
    """Rendered bodies kept between runs, for as long as the glossary stays the same.

    Rendering is a pure function of the text, the glossary's aliases, neighbour words and
    link targets, the entity a description belongs to, the entries an article lists and
    the images it shows, so a body whose text and glossary are unchanged is not rendered
    again unless one of its images changed. Any change to the glossary empties the memo.
    """

    def __init__(self) -> None:
        self.glossary: tuple = ()
        self.bodies: dict[tuple[str, str, frozenset[str], str], Rendered] = {}
        # What each article names (its body's and title's mentions), by file: made from
        # the article, its rendered body and the glossary, so it goes with the glossary.
        self.named = RunMemo()

    def settle(self, glossary: tuple) -> tuple:
        """The glossary key this run renders with: the kept one when equal, so that every
        later comparison of it is an identity test; a different glossary empties the memo."""
        if glossary != self.glossary:
            self.glossary, self.bodies = glossary, {}
            self.named.clear()
        return self.glossary

    def render(
        self,
        glossary: tuple,
        text: str,
        matcher: AliasMatcher,
        hrefs: dict,
        skip: str = "",
        listed: frozenset[str] = frozenset(),
        images: ImageLookup | None = None,
    ) -> Rendered:
        """``render_body(text, …)``, or the body rendered before from the same inputs."""
        # One run passes the same key to every call: the identity test spares comparing
        # every entry of the glossary once per body.
        if glossary is not self.glossary:
            if glossary != self.glossary:
                self.bodies = {}
            # Kept either way: the next body of this run then passes the identity test.
            self.glossary = glossary
        key = (text, skip, listed, getattr(images, "folder", ""))
        kept = self.bodies.get(key)
        if kept is None or not _same_images(kept, images):
            kept = self.bodies[key] = render_body(text, matcher, hrefs, skip, listed, images)
        return kept

    def clear(self) -> None:
        """Forget every rendered body."""
        self.glossary, self.bodies = (), {}
        self.named.clear()


def _same_images(rendered: Rendered, images: ImageLookup | None) -> bool:
    """True when every image path the body names finds what it found before."""
    for src, before in rendered.looked_up:
        try:
            now: object = images.find(src) if images is not None else None
        except RefusedPath as err:
            now = str(err)
        if now != before:
            return False
    return True


@dataclass
class RunCache:
    """Every memo of the pipeline: parsed files, rendered bodies, pages, feeds, rankings."""

    parsed: RunMemo = field(default_factory=RunMemo)
    # Files read, by stamp: an unchanged file is not even read again.
    stamped: RunMemo = field(default_factory=RunMemo)
    rendered: RenderMemo = field(default_factory=RenderMemo)
    emitted: EmitMemos = field(default_factory=EmitMemos)

    def _memos(self) -> tuple[RunMemo, ...]:
        e = self.emitted
        return (
            self.parsed,
            self.stamped,
            self.rendered.named,
            e.article_pages,
            e.entity_pages,
            e.feeds,
            e.ranked,
            e.dated,
            e.topic_pages,
        )

    def next_run(self) -> None:
        """Start a run: what the last run made becomes what this one may reuse."""
        for memo in self._memos():
            memo.next_run()

    def forget(self) -> None:
        """Empty every memo (a one-off build needs the memory back before MkDocs runs)."""
        self.rendered.clear()
        self.emitted.cross = CrossIndex()
        for memo in self._memos():
            memo.clear()
