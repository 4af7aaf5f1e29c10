"""Properties of the whole pipeline on arbitrary input, checked with hypothesis.

- ``generate()`` never raises, whatever YAML values the front-matter holds: it returns
  problems or pages.
- The alias matcher's matches never overlap, are in order, each is an alias at word
  boundaries (Unicode-aware: a combining mark belongs to its word), and every alias written
  between separators is found.
- Linking changes no text: an article page reads the same with and without the glossary,
  rendered as MkDocs renders it (tests/test_render.py checks this for one rendered body and
  a fixed glossary; here it is the whole page, random aliases and random Markdown).
- Front-matter text reads back verbatim wherever it lands (titles, summaries in listings,
  bylines, names, roles, and the quoted sentence on a glossary page).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import tempfile
import unicodedata
from pathlib import Path

import markdown
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from mkdocs.utils.yaml import yaml_load
from tiers import examples

from generator.content.matcher import AliasMatcher
from generator.content.model import Entity
from generator.content.schema import ACTOR_FIELDS
from generator.content.values import check_value
from generator.report import FORMATS, format_problems
from generator.site.build import generate

ROOT = Path(__file__).resolve().parent.parent
# No "explain" phase: on a failure it re-runs the test hundreds of times to annotate the
# counterexample, which costs more than the rest of the file.
SETTINGS = settings(
    deadline=None,
    max_examples=examples(120),
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
ALIAS_SPEC = next(spec for spec in ACTOR_FIELDS if spec.name == "aliases")


# --- Writing content folders ------------------------------------------------------------
def _dump(meta: dict, body: str) -> str:
    text = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1_000_000)
    return f"---\n{text}---\n{body}"


def _write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _generate(files: dict[str, str]):
    with tempfile.TemporaryDirectory(prefix="explainer-prop-") as folder:
        return generate(_write(Path(folder) / "content", files))


# --- 1. generate() never raises -----------------------------------------------------------
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.dates(),
    st.datetimes(),
    st.binary(max_size=6),
)
YAML_VALUES = st.recursive(
    _SCALARS,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=6,
)
_TEXT = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=30)
_URL = st.builds(
    "{}://{}/{}".format,
    st.sampled_from(["http", "https", "HTTPS", "javascript", "ftp", ""]),
    st.text("abc.-:@%[]0123456789", min_size=0, max_size=12),
    st.text("abc/?#=&<>\"'[] ", max_size=10),
)
_SOURCE = st.fixed_dictionaries({}, optional={"name": _TEXT, "url": _URL, "other": YAML_VALUES})
_IDS = st.sampled_from(["zorblax", "vestoria", "nobody", "Bad Id", ""])
_ALIAS_TEXT = st.text("Zab .'’-+&1\u0301\u093eभ", min_size=1, max_size=8)


def _field(plausible: st.SearchStrategy) -> st.SearchStrategy:
    """Mostly plausible values (to reach later stages), sometimes anything YAML can hold."""
    return st.one_of(plausible, plausible, YAML_VALUES)


ARTICLES = st.fixed_dictionaries(
    {"title": _field(_TEXT), "date": _field(st.dates())},
    optional={
        "slug": _field(st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)),
        "summary": _field(_TEXT),
        "byline": _field(_TEXT),
        "source": _field(_SOURCE),
        "sources": _field(st.lists(_SOURCE, max_size=3)),
        "tags": _field(st.lists(_TEXT, max_size=3)),
        "actors": _field(st.lists(_IDS, max_size=2)),
        "locations": _field(st.lists(_IDS, max_size=2)),
        "template": YAML_VALUES,
    },
)
ENTITIES = st.fixed_dictionaries(
    {
        "name": _field(_TEXT),
        "kind": _field(st.sampled_from(["person", "media", "city", "wizard"])),
        "aliases": _field(st.lists(_ALIAS_TEXT, max_size=3)),
        "summary": _field(_TEXT),
    },
    optional={
        "role": _field(_TEXT),
        "country": _field(_IDS),
        "wikidata": _field(st.from_regex(r"Q[0-9]{1,4}", fullmatch=True)),
        "coordinates": _field(st.fixed_dictionaries({"lat": st.floats(), "lon": st.floats()})),
        "hide": YAML_VALUES,
    },
)
_BODY = st.text(st.characters(exclude_categories=("Cs", "Cc")) | st.sampled_from("\n#*_[]()<>`!-"))
COUNTRY = _dump(
    {"name": "Vestoria", "kind": "country", "aliases": ["Vestoria"], "summary": "A state."}, ""
)


@SETTINGS
@example(  # a source URL with a bracket in its host: urlsplit raises ValueError
    article={"title": "T", "date": dt.date(2024, 8, 21), "source": {"url": "http://[/"}},
    entity={"name": "Z", "kind": "person", "aliases": ["Zorblax"], "summary": "S"},
    body="",
    description="",
)
@given(ARTICLES, ENTITIES, _BODY, _BODY)
def test_generate_never_raises_on_arbitrary_front_matter(article, entity, body, description):
    """Every value YAML can hold, in every field: problems or pages, never an exception."""
    files = {
        "articles/a.md": _dump(article, body + "\nZorblax and Vestoria.\n"),
        "actors/zorblax.md": _dump(entity, description),
        "locations/vestoria.md": COUNTRY,
    }
    generation = _generate(files)
    for fmt in FORMATS:
        format_problems(generation.problems, fmt)
    if generation.errors:
        assert generation.pages == ()
    else:
        assert any(page.path.startswith("articles/") for page in generation.pages)
    for problem in generation.problems:
        assert isinstance(problem.message, str) and problem.message
        assert problem.line is None or problem.line >= 1


# --- 2. The matcher ---------------------------------------------------------------------
# Latin, Hebrew (with a point), Arabic, Devanagari (vowel signs are combining marks) and
# the characters aliases may hold inside: full stops, apostrophes, hyphens, plus, ampersand.
_ALIAS_CHARS = "ZaqHs" + "יש" + "\u05b4" + "عل" + "भरत" + "\u093e\u0940" + "é" + "\u0301" + ".'’-+&"


def _valid_alias(text: str) -> str | None:
    """``text`` as the reader stores it (NFC, whitespace folded), if the schema accepts it."""
    checked, messages = check_value(ALIAS_SPEC, [text])
    return None if messages else checked[0]  # type: ignore[index]


ALIAS = st.text(_ALIAS_CHARS + " ", min_size=1, max_size=7).map(_valid_alias).filter(bool)


def _fold(text: str) -> str:
    return text.replace("’", "'").replace("ʼ", "'")


def _glossary(alias_lists: list[list[str]]) -> list[Entity]:
    """Entities with those aliases, each alias (folded) owned once, as validation demands."""
    owned: set[str] = set()
    entities = []
    for index, aliases in enumerate(alias_lists):
        mine = tuple(a for a in dict.fromkeys(aliases) if _fold(a) not in owned)
        owned.update(_fold(a) for a in mine)
        if mine:
            entities.append(
                Entity(f"e{index}", "actors", f"e{index}.md", mine[0], "person", mine, "s")
            )
    return entities


def _word(char: str) -> bool:
    """Part of a word: a letter, digit or underscore, or a mark (it belongs to its letter)."""
    return char == "_" or unicodedata.category(char)[0] in "LNM"


GLOSSARY = st.lists(st.lists(ALIAS, min_size=1, max_size=3), min_size=1, max_size=4).map(_glossary)
_FILLER = st.text(_ALIAS_CHARS + " ,;\n_", max_size=6)


@st.composite
def glossary_and_text(draw) -> tuple[list[Entity], str]:
    """A glossary, and a text of its aliases among random characters and possessives."""
    glossary = draw(GLOSSARY)
    aliases = [a for e in glossary for a in e.aliases]
    pieces = st.one_of(_FILLER, st.sampled_from(aliases), st.sampled_from(["'s", "’s", "'"]))
    return glossary, unicodedata.normalize("NFC", "".join(draw(st.lists(pieces, max_size=10))))


def _entity(*aliases: str) -> list[Entity]:
    return [Entity("x", "locations", "x.md", aliases[0], "country", aliases, "s")]


@SETTINGS
@example((_entity("भारत"), "भारतीय सेना"))  # "Indian army": भारत + a vowel sign, one word
@example((_entity("ישראל"), "בְּישראל"))  # a pointed prefix: the mark joins the words
@given(glossary_and_text())
def test_matches_are_aliases_at_word_boundaries_never_overlapping(case) -> None:
    glossary, text = case
    owner = {_fold(a): e.id for e in glossary for a in e.aliases}
    matches = AliasMatcher(glossary).find(text)
    for first, second in itertools.pairwise(matches):
        assert first.end <= second.start, (first, second)
    for match in matches:
        surface = _fold(text[match.start : match.end])
        alias = _fold(match.alias)
        assert owner[alias] == match.entity_id
        assert surface.startswith(alias)
        assert surface[len(alias) :] in ("", "'s", "'"), (text, match)
        end = match.start + len(alias)
        before = text[match.start - 1] if match.start else " "
        after = text[end] if end < len(text) else " "
        assert not _word(before), f"{text!r}: {alias!r} starts inside a word"
        assert not _word(after), f"{text!r}: {alias!r} ends inside a word"


@SETTINGS
@given(GLOSSARY, st.data())
def test_every_alias_written_between_separators_is_found(glossary, data) -> None:
    aliases = [a for e in glossary for a in e.aliases]
    placed = data.draw(st.lists(st.sampled_from(aliases), min_size=1, max_size=6))
    separator = data.draw(st.sampled_from([" , ", " ; ", " (", ") ", "\n", " — "]))
    text = unicodedata.normalize("NFC", separator.join(["", *placed, ""]))
    found = [text[m.start : m.end] for m in AliasMatcher(glossary).find(text)]
    assert found == placed


# --- 3 and 4. Pages as MkDocs renders them -------------------------------------------------
def _markdown_extensions() -> tuple[list, dict]:
    """The Markdown extensions ``mkdocs.yml`` configures, for Python-Markdown."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        config = yaml_load(handle)
    names, options = [], {}
    for item in config["markdown_extensions"]:
        if isinstance(item, dict):
            ((name, settings_),) = item.items()
            names.append(name)
            options[name] = settings_ or {}
        else:
            names.append(item)
    return names, options


EXTENSIONS, EXTENSION_CONFIGS = _markdown_extensions()
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def _rendered(generation, path: str) -> BeautifulSoup:
    """A generated page rendered as MkDocs renders it (its content area)."""
    pages = {page.path: page.text for page in generation.pages}
    assert path in pages, f"{path} not among {sorted(pages)}: {generation.problems}"
    body = _FRONT_MATTER.sub("", pages[path], count=1)
    html = markdown.markdown(body, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    soup = BeautifulSoup(html, "html.parser")
    for permalink in soup.select("a.headerlink"):
        permalink.decompose()
    return soup


def _text(node) -> str:
    """What a reader sees: the hidden search hints (filter names) are not page text."""
    for hints in node.select(".ea-search-hints"):
        hints.decompose()
    return " ".join(node.get_text().split())


_PROSE_PIECES = st.sampled_from(
    [
        "Zorblax",
        "Zorblax Nine",
        "Vestoria",
        "Port Kell",
        "Zorblax's",
        "talks",
        "in",
        " ",
        ", ",
        ". ",
        "\n\n",
        "\n- ",
        "\n1. ",
        "\n> ",
        "\n## ",
        "`code Zorblax`",
        "*Vestoria*",
        "**Port Kell**",
        "[Zorblax link](https://example.org)",
        "<b>Vestoria</b>",
        "&lt;b&gt;",
        "&amp;",
        "\\*",
        "\n\n| a | Zorblax |\n|---|---|\n| Vestoria | b |\n\n",
        "\n\n<section>\nZorblax *in* Vestoria\n</section>\n\n",
        "\n\n<div>Port Kell</div>\n\n",
        "\n\n```\nZorblax\n```\n\n",
        "\n\nTerm Zorblax\n: Vestoria defined\n\n",
        '\n\n!!! note "Zorblax"\n    Vestoria inside\n\n',
    ]
)
_GLOSSARY_FILES = {
    "actors/zorblax.md": _dump(
        {
            "name": "Zorblax Nine",
            "kind": "person",
            "aliases": ["Zorblax Nine", "Zorblax"],
            "summary": "A person.",
        },
        "",
    ),
    "locations/vestoria.md": _dump(
        {"name": "Vestoria", "kind": "country", "aliases": ["Vestoria"], "summary": "A state."}, ""
    ),
    "locations/port-kell.md": _dump(
        {"name": "Port Kell", "kind": "city", "aliases": ["Port Kell"], "summary": "A city."}, ""
    ),
}
_BOXES = ("Actors in this article", "Locations in this article")


def _without_boxes(soup: BeautifulSoup) -> BeautifulSoup:
    for box in soup.select("div.admonition"):
        title = box.select_one(".admonition-title")
        if title is not None and title.get_text() in _BOXES:
            box.decompose()
    return soup


@SETTINGS
@given(st.lists(_PROSE_PIECES, min_size=1, max_size=25).map("".join))
def test_a_linked_article_page_reads_like_the_unlinked_one(body: str) -> None:
    article = _dump({"title": "Talks in Vestoria", "date": dt.date(2024, 8, 21)}, body + "\n")
    plain = _generate({"articles/talks.md": article})
    linked = _generate({"articles/talks.md": article, **_GLOSSARY_FILES})
    if plain.errors or linked.errors:  # e.g. a body that renders to nothing at all
        assert [p.message for p in plain.errors] == [p.message for p in linked.errors]
        return
    path = "articles/talks-in-vestoria.md"
    with_links = _without_boxes(_rendered(linked, path))
    assert _text(with_links) == _text(_rendered(plain, path))
    assert not with_links.select("a a")
    assert not with_links.select("code a, pre a, h1 a, h2 a, h3 a")


_LINE = st.lists(
    st.sampled_from(
        [
            *"aZé中ع 0-+*_#>!|:()[]{}\\`<>&;\"'=~^$%@/,?",
            "- ",
            "+ ",
            "1. ",
            "> ",
            ": ",
            "!!! note ",
            "&amp;",
            "&#60;",
            "<b>",
            "</p>",
            "{{ x }}",
            "--8<-- ",
            "    ",
            "===",
            "---",
        ]
    ),
    min_size=1,
    max_size=12,
).map("".join)
LINE = _LINE.filter(lambda s: s.strip() and len(" ".join(s.split())) > 0)


def _shown(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


# How the mentioning paragraph starts: escaped so that it stays one paragraph, whose text
# then starts with a list marker, a quote sign, a heading sign…
LEAD = st.sampled_from(
    ["", "\\- a", "1\\. a", "\\+ a", "\\> a", "a\\: b", "\\!\\!\\! note", "\\# a"]
)


@SETTINGS
@example(title="T", summary="- a list marker", byline="b", name="n", role="r", lead="")
@example(title="T", summary=": a definition", byline="b", name="n", role="r", lead="")
@example(title="T", summary="s", byline="b", name="n", role="r", lead="\\- a")
@example(title="T", summary="s", byline="b", name="n", role="r", lead="\\!\\!\\! note")
@given(title=LINE, summary=LINE, byline=LINE, name=LINE, role=LINE, lead=LEAD)
def test_front_matter_text_reads_back_verbatim_on_every_page(
    title: str, summary: str, byline: str, name: str, role: str, lead: str
) -> None:
    """Each one-line field shows exactly as written on every page that shows it."""
    sentence_lead = lead
    article = {
        "title": title,
        "date": dt.date(2024, 8, 21),
        "slug": "talks",
        "summary": summary,
        "byline": byline,
        "source": {"name": byline},
        "tags": [role],
    }
    entity = {
        "name": name,
        "kind": "person",
        "aliases": ["Zorblax"],
        "summary": summary,
        "role": role,
    }
    files = {
        "articles/talks.md": _dump(article, f"{sentence_lead} Zorblax spoke\n"),
        "actors/zorblax.md": _dump(entity, ""),
    }
    generation = _generate(files)
    assert generation.errors == (), generation.errors
    page = _rendered(generation, "articles/talks.md")
    assert _text(page.select_one("h1")) == _shown(title)
    if page.select_one(".ea-summary") is not None:
        assert _text(page.select_one(".ea-summary")) == _shown(summary)
    assert _text(page.select_one(".ea-byline")) == _shown(byline)
    assert _text(page.select_one(".ea-source")) == f"Source: {_shown(byline)}"
    assert [_text(li) for li in page.select(".ea-tags li")] == [_shown(role)]
    mention = page.select_one("a.ea-mention")
    assert mention is not None
    block = mention.find_parent(["p", "li", "td", "dd", "dt"])
    for listing in ("index.md", "articles/index.md", "archive/2024-08.md"):
        (row,) = _rendered(generation, listing).select("li:has(time)")
        assert _text(row.select_one("a")) == _shown(title), listing
        assert _text(row).endswith(_shown(summary)), (listing, str(row))
        assert len(row.find_parent(["ul", "ol"]).find_all("li", recursive=False)) == 1, listing
    glossary = _rendered(generation, "actors/zorblax.md")
    assert _text(glossary.select_one("h1")) == _shown(name)
    assert _text(glossary.select_one(".ea-summary")) == _shown(summary)
    facts = {_text(dt_): _text(dt_.find_next_sibling("dd")) for dt_ in glossary.select("dl dt")}
    assert facts.get("Role") == _shown(role)
    (quote,) = glossary.select("blockquote")
    assert _text(quote) == _text(block)
    assert _text(quote.select_one("mark")) == "Zorblax"
