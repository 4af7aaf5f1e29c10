"""Pasted text: find the article in the page with fitted line scores, before the rules run.

The hand rules (:mod:`.boilerplate`, :mod:`.credits`) recognise furniture by its words;
a pasted page carries much more that no rule names (menus, teasers, comment threads,
captions). Here every line the rules leave is scored: the headline among the lines above
the page's main run of prose, the byline among the lines around the headline, and each
other line as article text or not (:mod:`.line_features`, weights in
``import_weights.json``). Lines scored out are handed on already dropped; the title and
byline go on as page metadata, so :func:`~generator.importer.assemble.assemble` treats the
page as before.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from generator.importer import layout
from generator.importer import line_shape as shape
from generator.importer.boilerplate import RELATED_HEADER, classify
from generator.importer.byline import REACH_ABOVE, REACH_BELOW, byline_features, named_line
from generator.importer.credits import credit_line, is_person_names, metadata_line
from generator.importer.dates import find_date
from generator.importer.headline import (
    content_words,
    headline_shaped,
    title_candidates,
    title_features,
)
from generator.importer.line_features import HEADLINE_REACH, Run, line_features, prose_map
from generator.importer.model import Block, PageMeta
from generator.importer.scores import LineModel, shipped_model

SCORED_OUT = "page furniture (line score)"
ABOVE_TITLE = "page furniture (above the headline)"
_MOVED = " (moved to front-matter)"
# A byline or a date this close under a line makes it more likely the headline.
_CREDIT_REACH = 4
# The run under a headline has at least this share of the page's longest run's words.
_MIN_RUN_SHARE = 0.5
# log(1 + 5): five words make a sentence that the article's run keeps.
_SENTENCE_LOG_WORDS = 1.79


@dataclass(frozen=True)
class Models:
    """The three fitted scores a page is read with."""

    body: LineModel
    title: LineModel
    byline: LineModel


def shipped_models() -> Models:
    """The models in the shipped weights file."""
    return Models(shipped_model("body"), shipped_model("title"), shipped_model("byline"))


def rule_credit(block: Block) -> bool:
    """True when the hand rules read a byline, date or credit on the line."""
    text = block.text
    return block.kind == "paragraph" and bool(metadata_line(text) or credit_line(text))


def rule_verdicts(blocks: list[Block]) -> list[str]:
    """For each block, how the hand rules take it out of the body, mirroring ``assemble``:
    "rule" (a drop rule, a credit, an interface word), "header" (a line under a "Related"
    header), or "" when they leave it."""
    verdicts: list[str] = []
    under_header = False
    for block in blocks:
        if block.kind == "list":
            hit = all(classify(item) for item in block.items)
        else:
            hit = bool(
                rule_credit(block) or classify(block.text) or layout.is_interface_word(block)
            )
        verdict = "rule" if hit else ""
        if not hit and under_header and layout.continues_header(block):
            verdict = "header"
        elif not hit or layout.is_list_header(block.text):
            under_header = bool(RELATED_HEADER.match(" ".join(block.text.split())))
        verdicts.append(verdict)
    return verdicts


def title_features_of(
    blocks: list[Block], verdicts: list[str]
) -> list[tuple[int, Run, dict[str, float]]]:
    """Each headline candidate: its index, the run of prose it would head, its features.

    A line under a "Related" header may still be the headline (the header may be a menu's
    last item), so only lines a rule itself drops are no candidates.
    """
    handled = [bool(verdict) for verdict in verdicts]
    prose = prose_map(blocks, handled)
    longest = max((run.words for run in prose.runs()), default=0)
    counts = Counter(shape.fold(block.text) for block in blocks)
    credits = [rule_credit(b) or bool((n := named_line(b.text)) and n.by) for b in blocks]
    dated = [find_date(b.text) is not None for b in blocks]
    candidates = title_candidates(blocks, [v == "rule" for v in verdicts])
    shaped = [i for i in candidates if headline_shaped(blocks[i].text) and not credits[i]]
    shaped_set = set(shaped)
    vocabulary: dict[int, set[str]] = {}
    found = []
    for index in candidates:
        below = prose.run_from(index, HEADLINE_REACH)
        if below is None or below.words < _MIN_RUN_SHARE * longest:
            continue  # A headline heads the article, not a short stretch of prose.
        if below.start not in vocabulary:
            lines = range(below.start, below.end + 1)
            vocabulary[below.start] = set().union(*(content_words(blocks[i].text) for i in lines))
        text = " ".join(blocks[index].text.split())
        features = title_features(
            text,
            index,
            below,
            below.words / longest,
            vocabulary[below.start],
            repeated=counts[shape.fold(text)] > 1,
            credit_after=any(credits[index + 1 : index + 1 + _CREDIT_REACH]),
            date_after=any(dated[index + 1 : index + 1 + _CREDIT_REACH]),
            prose_above=index > 0 and bool(prose.words[index - 1]),
            closer=sum(index < i < below.start for i in shaped),
            shaped_above=index - 1 in shaped_set,
        )
        found.append((index, below, features))
    return found


def pick_title(
    blocks: list[Block], verdicts: list[str], model: LineModel
) -> tuple[int, Run] | None:
    """The best-scored headline and the article's run below it; None when none qualifies."""
    scored = [
        (model.probability(features), -index, below)
        for index, below, features in title_features_of(blocks, verdicts)
    ]
    best = max(scored, key=lambda item: item[:2], default=None)
    return (-best[1], best[2]) if best and best[0] >= model.threshold else None


def byline_candidates(blocks: list[Block], handled: list[bool], title: int) -> list[dict]:
    """Each line near the headline that names someone, with its names and features."""
    found = []
    page = [" ".join(block.text.split()) for block in blocks]
    for index in range(max(0, title - REACH_ABOVE), min(len(blocks), title + REACH_BELOW + 1)):
        named = named_line(page[index]) if index != title else None
        if named is None or blocks[index].kind != "paragraph":
            continue
        if shape.is_prose(page[index]) and not named.by:
            continue  # A sentence that opens with a name ("Top US diplomat ...") is text.
        elsewhere = sum(named.names in line for i, line in enumerate(page) if i != index)
        rule = bool(rule_credit(blocks[index]) and handled[index])
        features = byline_features(page[index], named, index, title, rule, elsewhere)
        found.append({"index": index, "names": named.names, "features": features})
    return found


def _rule_byline(blocks: list[Block], handled: list[bool], title: int) -> dict | None:
    """The byline the hand rules read nearest under the headline ("Shaun Tandon with AFP")."""
    for index in range(title + 1, min(len(blocks), title + REACH_BELOW + 1)):
        credit = metadata_line(blocks[index].text) if handled[index] else None
        if credit is not None and credit.byline:
            return {"index": index, "names": credit.byline}
    return None


def pick_byline(candidates: list[dict], model: LineModel) -> dict | None:
    """The best-scored byline candidate, or None when none reaches the bar."""
    scored = [(model.probability(c["features"]), -c["index"], c) for c in candidates]
    best = max(scored, key=lambda item: item[:2], default=None)
    return best[2] if best and best[0] >= model.threshold else None


def _drop(block: Block, reason: str) -> Block:
    return replace(block, reason=reason)


def _drop_above(blocks: list[Block], handled: list[bool], title: int) -> None:
    """Every line above the headline that no rule took is a menu, a label or a teaser."""
    above = [i for i in range(title) if not handled[i]]
    reasons: list[str | None] = [None] * len(blocks)
    layout.drop_top_labels(blocks, reasons, [*above, title])
    for index in above:
        blocks[index] = _drop(blocks[index], reasons[index] or ABOVE_TITLE)


def _last_footer_name(blocks: list[Block], index: int, article: Run) -> bool:
    """A bare name just after the body: the hand rule's signature byline, left to it."""
    return article.end < index <= article.end + 2 and is_person_names(
        blocks[index].text, min_words=2
    )


def _sentence_in_article(features: dict[str, float]) -> bool:
    """A sentence inside the article's run stays whatever its neighbours (a short last
    paragraph between two "Related" boxes), unless the page prints it twice (a caption or
    a pull quote): losing a paragraph costs more than leaving a caption."""
    return bool(
        features["in_article"]
        and features["sentence_end"]
        and features["starts_capital"]
        and features["log_words"] >= _SENTENCE_LOG_WORDS
        and not features["repeated"]
    )


def read_text_page(
    blocks: list[Block], models: Models | None = None
) -> tuple[list[Block], PageMeta]:
    """The page's blocks with the scored-out ones dropped, and the title and byline found."""
    models = models or shipped_models()
    verdicts = rule_verdicts(blocks)
    handled = [bool(verdict) for verdict in verdicts]
    picked = pick_title(blocks, verdicts, models.title)
    if picked is None:
        return blocks, PageMeta()
    title, article = picked
    byline = _rule_byline(blocks, handled, title) or pick_byline(
        byline_candidates(blocks, handled, title), models.byline
    )
    out = list(blocks)
    out[title] = _drop(blocks[title], "title" + _MOVED)
    _drop_above(out, handled, title)
    if byline and not handled[byline["index"]]:
        out[byline["index"]] = _drop(blocks[byline["index"]], "byline" + _MOVED)
    tables = line_features(blocks, handled, article)
    # Between the headline and the article's first sentence only the rules judge (a dek, a
    # caption): a line there is too close to the text to be scored out on its shape alone.
    for index in range(article.start, len(blocks)):
        if handled[index] or out[index].reason or _last_footer_name(blocks, index, article):
            continue
        if not (models.body.accepts(tables[index]) or _sentence_in_article(tables[index])):
            out[index] = _drop(blocks[index], SCORED_OUT)
    return out, PageMeta(title=blocks[title].text, byline=byline["names"] if byline else "")
