"""Malformed and hostile content folders: a located problem every time, never a traceback.

Each case is a small content folder in ``tmp_path``. It goes through ``generate()`` and
through the command line (``check`` and ``build``, in-process, so that an exception fails
the test with its traceback): the problem must name the file, the field and the line, and
nothing may be written. Inputs that could crash MkDocs or hang Python-Markdown are run in a
subprocess, with a time limit. The last tests build whole sites: atomic output when a
build fails, byte-identical output when it succeeds twice, and a 5 MB article.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import lxml.etree
import pytest
from hostile import payloads

from generator.cli import main
from generator.site.build import generate

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
ACTOR = "---\nname: Zorblax\nkind: person\naliases: [Zorblax]\nsummary: A person.\n---\n"
COUNTRY = "---\nname: Vestoria\nkind: country\naliases: [Vestoria]\nsummary: A country.\n---\n"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def art(*extra: str, title: str = "Talks", date: str = "2024-08-21", body="Zorblax met.") -> str:
    """An article: ``title`` on line 2, ``date`` on line 3, ``extra`` lines from line 4."""
    lines = ["---", f"title: {title}", f"date: {date}", *extra, "---", body]
    return "\n".join(lines) + "\n"


def actor(*extra: str, name: str = "Other", aliases: str = "[Otherone]") -> str:
    """An actor: ``name`` on line 2, kind 3, ``aliases`` 4, summary 5, ``extra`` from 6."""
    lines = ["---", f"name: {name}", "kind: person", f"aliases: {aliases}", "summary: S."]
    return "\n".join([*lines, *extra, "---", "Zorblax knows them."]) + "\n"


@dataclass(frozen=True)
class Link:
    """A symbolic link; ``{outside}`` in the target is a folder beside the content folder."""

    target: str


Files = dict[str, "str | bytes | Link"]


def make_content(base: Path, files: Files) -> Path:
    """A valid one-article, one-actor archive, with ``files`` added or replaced."""
    content = base / "content"
    outside = base / "outside"
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "secret.md").write_text(art(title="Outside secret"), encoding="utf-8")
    for section in ("articles", "actors", "locations"):
        (content / section).mkdir(parents=True, exist_ok=True)
    (content / "actors" / "zorblax.md").write_text(ACTOR, encoding="utf-8")
    (content / "locations" / "vestoria.md").write_text(COUNTRY, encoding="utf-8")
    base_article = art(title="Base story", date="2024-08-20")
    (content / "articles" / "base.md").write_text(base_article, encoding="utf-8")
    for rel, data in files.items():
        path = content / rel
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.is_dir():
            shutil.rmtree(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, Link):
            path.symlink_to(data.target.format(outside=outside))
        elif isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return content


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (symbolic links as their target), to prove nothing moved."""
    found = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[rel] = os.readlink(path).encode()
        elif path.is_file():
            found[rel] = path.read_bytes()
    return found


@dataclass(frozen=True)
class Bad:
    """Input that must be refused: the file, field, line and words of the problem."""

    id: str
    files: Files
    file: str
    field: str | tuple[str, ...]  # one of these
    line: int | None
    needle: str


def _bad(id: str, body: str | bytes, field, line, needle: str, name="articles/bad.md") -> Bad:
    return Bad(id, {name: body}, name, field, line, needle)


DAY = "2024-08-21"
BAD: list[Bad] = [
    # YAML syntax and the front-matter block itself
    _bad("yaml-unclosed-flow", art("tags: [a, b"), "front-matter", 4, "never closed"),
    _bad("yaml-unclosed-quote", art('summary: "abc'), "front-matter", 4, "never closed"),
    _bad("yaml-tab-indent", art("tags:\n\t- a"), "front-matter", 5, "a tab cannot indent"),
    _bad("yaml-bad-indent", art("summary: x\n  byline: y"), "front-matter", 5, "indented more"),
    _bad("front-matter-list", "---\n- a\n- b\n---\nx\n", "front-matter", 2, "found a list"),
    _bad("front-matter-scalar", "---\njust text\n---\nx\n", "front-matter", 2, "single value"),
    _bad(
        "no-closing-dashes", "---\ntitle: x\ndate: 2024-08-21\nx\n", "front-matter", 1, "not closed"
    ),
    _bad("no-opening-dashes", "title: x\ndate: 2024-08-21\n---\nx\n", "front-matter", 1, "start"),
    _bad("blank-line-first", "\n" + art(), "front-matter", 1, "must start with a line `---`"),
    _bad("only-dashes", "---\n", "front-matter", 1, "not closed"),
    _bad("empty-front-matter", "---\n---\nZorblax met.\n", "title", 2, "required field is missing"),
    # wrong types
    _bad("title-list", art(title="[a, b]"), "title", 2, "expected text, got a list"),
    _bad("title-mapping", art(title="{a: 1}"), "title", 2, "expected text, got a mapping"),
    _bad("title-empty", art(title='""'), "title", 2, "is empty"),
    _bad("title-blank", art(title='"   "'), "title", 2, "is empty"),
    _bad("title-too-long", art(title="x" * 2001), "title", 2, "longer than 2000"),
    _bad("date-word", art(date="yesterday"), "date", 3, "expected a date"),
    _bad("date-dmy", art(date="21/08/2024"), "date", 3, "expected a date"),
    _bad("date-datetime", art(date="2024-08-21 10:00:00"), "date", 3, "expected a date"),
    _bad("tags-scalar", art("tags: ceasefire"), "tags", 4, "expected a list"),
    _bad("tags-nested", art("tags: [{a: 1}]"), "tags[0]", 4, "expected text, got a mapping"),
    _bad("source-scalar", art("source: AFP"), "source", 4, "expected a mapping"),
    _bad("source-unknown-key", art("source: {nme: AFP}"), "source.nme", 4, "unknown key"),
    _bad("sources-mapping", art("sources: {name: AFP}"), "sources", 4, "expected a list"),
    _bad("sources-empty-item", art("sources: [{}]"), "sources[0]", 4, "give a name, a url"),
    _bad("actors-scalar", art("actors: zorblax"), "actors", 4, "expected a list"),
    _bad("actors-bad-id", art("actors: [Not-An-Id]"), "actors[0]", 4, "not a valid id"),
    _bad("actors-missing", art("actors: [nobody]"), "actors", 4, "no glossary entry"),
    _bad("locations-actor", art("locations: [zorblax]"), "locations", 4, "not a location"),
    _bad("aliases-scalar", actor(aliases="Hamas"), "aliases", 4, "expected a list", "actors/x.md"),
    _bad("aliases-empty", actor(aliases="[]"), "aliases", 4, "at least one alias", "actors/x.md"),
    _bad(
        "kind-unknown", actor().replace("person", "wizard"), "kind", 3, "not one of", "actors/x.md"
    ),
    _bad("coords-list", actor("coordinates: [1, 2]"), "coordinates", 6, "lat", "locations/x.md"),
    _bad(
        "coords-range",
        actor("coordinates: {lat: 91, lon: 0}").replace("person", "city"),
        "coordinates.lat",
        6,
        "outside -90..90",
        "locations/x.md",
    ),
    _bad(
        "coords-nan",
        actor("coordinates: {lat: .nan, lon: 0}").replace("person", "city"),
        "coordinates.lat",
        6,
        "outside",
        "locations/x.md",
    ),
    _bad("wikidata-number", actor("wikidata: 42"), "wikidata", 6, "Wikidata id", "actors/x.md"),
    _bad("wikidata-q0", actor("wikidata: Q0"), "wikidata", 6, "Wikidata id", "actors/x.md"),
    _bad("country-actor", actor("country: zorblax"), "country", 6, "kind country", "actors/x.md"),
    # impossible dates
    _bad("date-feb-30", art(date="2024-02-30"), "front-matter", 3, "2024-02-30 is not a real date"),
    _bad("date-feb-29", art(date="2023-02-29"), "front-matter", 3, "not a real date"),
    _bad("date-month-13", art(date="2024-13-01"), "front-matter", 3, "not a real date"),
    _bad("date-day-0", art(date="2024-08-00"), "front-matter", 3, "not a real date"),
    _bad("date-quoted-feb-30", art(date="'2024-02-30'"), "date", 3, "not a real date"),
    # duplicate keys
    _bad("duplicate-key", art("title: Again"), "front-matter", 4, "duplicate key 'title'"),
    _bad("duplicate-nested", art("source: {name: a, name: b}"), "front-matter", 4, "duplicate"),
    # YAML 1.1 surprises: values that are not strings where strings are expected
    _bad("title-no", art(title="no"), "title", 2, "boolean false"),
    _bad("title-yes", art(title="Yes"), "title", 2, "boolean true"),
    _bad("title-on", art(title="on"), "title", 2, "boolean true"),
    _bad("title-OFF", art(title="OFF"), "title", 2, "boolean false"),
    _bad("title-date", art(title="2024-08-21"), "title", 2, "the date 2024-08-21"),
    _bad("title-octal", art(title="0755"), "title", 2, "quote it"),
    _bad("title-hex", art(title="0x1F"), "title", 2, "quote it"),
    _bad("title-sexagesimal", art(title="1:20"), "title", 2, "quote it"),
    _bad("title-float", art(title="1.0e+3"), "title", 2, "the number 1000.0"),
    _bad("title-inf", art(title=".inf"), "title", 2, "the number inf"),
    _bad("title-null", art(title="~"), "title", 2, "got nothing"),
    _bad("summary-off", art("summary: off"), "summary", 4, "boolean false"),
    _bad("tags-yes-no", art("tags: [yes, no]"), "tags[0]", 4, "boolean true"),
    _bad("alias-no", actor(aliases="[NO]"), "aliases[0]", 4, "boolean false", "actors/x.md"),
    # tags and constructors PyYAML would run or that name Python objects
    _bad(
        "python-apply",
        art(title='!!python/object/apply:os.system ["touch PWNED"]'),
        "front-matter",
        2,
        "as a type tag",
    ),
    _bad("python-name", art(title="!!python/name:os.system"), "front-matter", 2, "type tag"),
    _bad("python-object", art(title="!!python/object:os.x {}"), "front-matter", 2, "type tag"),
    _bad("env-tag", art(title="!ENV [HOME]"), "front-matter", 2, "type tag"),
    _bad("binary-tag", art(title="!!binary aGk="), "title", 2, "expected text, got bytes"),
    _bad("set-tag", art("tags: !!set {a, b}"), "tags", 4, "expected a list"),
    _bad("merge-key", art("<<: {summary: x}"), "front-matter", 4, "merge keys"),
    # aliases, anchors, nesting
    _bad(
        "alias-bomb",
        art(*[f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 30)]).replace(
            "date: 2024-08-21", "date: 2024-08-21\na0: &a0 [x, x, x]"
        ),
        "front-matter",
        5,
        "anchors and aliases",
    ),
    _bad("alias-simple", art("summary: &s x", "byline: *s"), "front-matter", 5, "anchors"),
    _bad("deep-flow", art("tags: " + "[" * 60 + "]" * 60), "front-matter", 4, "nested deeper"),
    _bad("deep-flow-10000", art("tags: " + "[" * 10_000), "front-matter", 4, "nest"),
    _bad(
        "deep-block",
        art("tags:", *["  " * level + "-" for level in range(1, 20)]),
        "front-matter",
        16,
        "nested deeper",
    ),
    _bad("key-on", art("on: x"), "front-matter", 4, "must be text"),
    _bad("key-number", art("1: x"), "front-matter", 4, "must be text"),
    _bad("key-null", art("~: x"), "front-matter", 4, "must be text"),
    _bad("key-complex", art("? [a, b]\n: x"), "front-matter", 4, "must be text"),
    # keys that break python-frontmatter, or that would steer the theme
    _bad("key-content", art("content: x"), "content", 4, "unknown field"),
    _bad("key-handler", art("handler: x"), "handler", 4, "unknown field"),
    _bad("key-template", art("template: redirect.html"), "template", 4, "unknown field"),
    _bad("key-hide", art("hide: [navigation]"), "hide", 4, "unknown field"),
    _bad("key-search", art("search: {exclude: true}"), "search", 4, "unknown field"),
    _bad("key-icon", art("icon: material/x"), "icon", 4, "unknown field"),
    # bytes that are not text
    _bad("latin-1-title", art(title="caf\xe9").encode("latin-1"), "file", 2, "not UTF-8"),
    _bad("latin-1-body", art(body="Zorblax\n\ncaf\xe9").encode("latin-1"), "file", 7, "0xe9"),
    _bad("utf-16", art().encode("utf-16"), "file", 1, "not UTF-8"),
    _bad("nul-in-body", art(body="Zorblax\n\nnul\x00here"), "file", 7, "U+0000"),
    _bad("esc-in-title", art(title="x\x1b[31m"), "file", 2, "U+001B"),
    _bad("del-in-summary", art("summary: a\x7fb"), "file", 4, "U+007F"),
    _bad("c1-in-body", art(body="Zorblax \x85 met"), "file", 5, "U+0085"),
    _bad("vertical-tab", art("byline: a\x0bb"), "file", 4, "U+000B"),
    _bad("form-feed", art(body="Zorblax\x0c met"), "file", 5, "U+000C"),
    # the same characters written as YAML escapes reach the value all the same
    # (refused by the field check or by the YAML parser: either names the line)
    _bad("escaped-nul", art('summary: "a\\0b"'), ("summary", "front-matter"), 4, "character"),
    _bad("escaped-esc", art('byline: "\\e[31mred"'), ("byline", "front-matter"), 4, "character"),
    _bad("escaped-bell", art('summary: "x\\ay"'), ("summary", "front-matter"), 4, "character"),
    _bad(
        "escaped-nonchar", art('summary: "x\\uFFFFy"'), ("summary", "front-matter"), 4, "character"
    ),
    _bad(
        "escaped-surrogate",
        art('summary: "x\\uD800y"'),
        ("summary", "front-matter"),
        4,
        "character",
    ),
    # bodies
    _bad("file-9-mib", art(body="word " * (9 << 18)), "file", None, "larger than the 8 MiB limit"),
    _bad("empty-body", art(body="").rstrip("\n"), "body", 5, "the article has no text"),
    _bad("blank-body", art(body="   \n\t\n"), "body", 5, "the article has no text"),
    *[
        _bad(f"body-{name}", art(body=f"Zorblax.\n\n{text}"), "body", 7 + offset, needle)
        for name, text, needle, offset in payloads.REJECTED_BODIES
    ],
    # slugs, file names, ids
    *[
        _bad(f"slug-{value.strip('/.') or 'empty'}", art(f"slug: '{value}'"), "slug", 4, "valid id")
        for value in ("../x", "/etc/x", "a/b", "", "Talks", "a--b", "-a", "a.b", "x" * 81)
    ],
    *[
        _bad(f"slug-reserved-{name}", art(f"slug: '{name}'"), "slug", 4, "reserved name")
        for name in ("index", "search", "assets", "404", "sitemap", "feed", "pagefind")
    ],
    _bad("slug-number", art("slug: 123"), "slug", 4, "expected an id, got the number"),
    Bad("file-upper", {"articles/Talks.md": art()}, "articles/Talks.md", "file", None, "valid id"),
    Bad("file-space", {"articles/a b.md": art()}, "articles/a b.md", "file", None, "valid id"),
    Bad("file-index", {"actors/index.md": ACTOR}, "actors/index.md", "file", None, "valid id"),
    Bad("file-accent", {"articles/été.md": art()}, "articles/été.md", "file", None, "valid id"),
    Bad(
        "same-slug",
        {"articles/one.md": art("slug: talks"), "articles/two.md": art("slug: talks")},
        "articles/two.md",
        "slug",
        4,
        "already used by",
    ),
    Bad(
        "same-derived-slug",
        {
            "articles/one.md": art(title="Talks resume"),
            "articles/two.md": art(title="Talks Resume!"),
        },
        "articles/two.md",
        "slug",
        2,
        "already used by",
    ),
    Bad(
        "same-id-in-two-sections",
        {"locations/zorblax.md": COUNTRY.replace("Vestoria", "Zorbland")},
        "locations/zorblax.md",
        "file",
        None,
        "already used by",
    ),
    # symbolic links out of the content folder
    Bad(
        "symlink-file",
        {"articles/leak.md": Link("{outside}/secret.md")},
        "articles/leak.md",
        "file",
        None,
        "outside the content folder",
    ),
    Bad(
        "symlink-passwd",
        {"articles/passwd.md": Link("/etc/passwd")},
        "articles/passwd.md",
        "file",
        None,
        "outside the content folder",
    ),
    Bad(
        "symlink-folder",
        {"locations": Link("{outside}")},
        "locations",
        "file",
        None,
        "outside the content folder",
    ),
    Bad(
        "symlink-loop",
        {"articles/loop.md": Link("loop.md")},
        "articles/loop.md",
        "file",
        None,
        "link",
    ),
    Bad(
        "symlink-dangling",
        {"articles/gone.md": Link("missing.md")},
        "articles/gone.md",
        "file",
        None,
        "or nowhere",
    ),
    # aliases
    # An alias two entries share (however it is written) asks the article naming it to choose.
    Bad(
        "alias-claimed-twice",
        {"actors/zz.md": actor(aliases="[Zorblax]")},
        "articles/base.md",
        "body",
        5,
        "nothing in the article says which",
    ),
    Bad(
        "alias-claimed-nfd",
        {
            "actors/a.md": actor(aliases='["Caf\u00e9 Noir"]'),
            "actors/b.md": actor(aliases='["Cafe\u0301 Noir"]'),
            "articles/bad.md": art(body="Zorblax met Caf\u00e9 Noir."),
        },
        "articles/bad.md",
        "body",
        5,
        "nothing in the article says which",
    ),
    Bad(
        "alias-claimed-modifier-apostrophe",
        {
            "actors/a.md": actor(aliases='["D\'arcy"]'),
            "actors/b.md": actor(aliases='["D\u02bcarcy"]'),
            "articles/bad.md": art(body="Zorblax met D\u2019arcy."),
        },
        "articles/bad.md",
        "body",
        5,
        "nothing in the article says which",
    ),
    *[
        _bad(
            f"alias-{value}",
            actor(aliases=f'["{value}"]'),
            "aliases[0]",
            4,
            "must begin",
            "actors/x.md",
        )
        for value in ("C++", "(Hamas)", "A.*", "[x]", "*", "^x$", "-x", "x-", "#x")
    ],
    # URLs a source may not have
    *[
        _bad(f"url-{index}", art(f"source: {{url: {json.dumps(url)}}}"), "source.url", 4, needle)
        for index, (url, needle) in enumerate(payloads.REJECTED_URLS)
    ],
    _bad("url-bracket-host", art('source: {url: "https://[x"}'), "source.url", 4, "http(s) URL"),
    _bad("url-bad-ipv6", art('sources: [{url: "https://[evil]/"}]'), "sources[0].url", 4, "URL"),
    _bad("url-bracket", art('source: {url: "https://a]b/"}'), "source.url", 4, "http(s) URL"),
]


@pytest.fixture
def no_env_leak(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process builds may set SOURCE_DATE_EPOCH; keep it to this test."""
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def _listing(problems) -> str:
    return "\n".join(p.format() for p in problems) or "(no problem at all)"


@pytest.mark.parametrize("case", BAD, ids=lambda case: case.id)
def test_malformed_input_is_one_located_problem_and_nothing_is_written(
    tmp_path: Path, case: Bad, capsys: pytest.CaptureFixture[str], no_env_leak
) -> None:
    content = make_content(tmp_path, case.files)
    before = snapshot(tmp_path)
    generation = generate(content)
    assert generation.pages == (), "built pages despite:\n" + _listing(generation.problems)
    path = f"{content}/{case.file}"
    fields = case.field if isinstance(case.field, tuple) else (case.field,)
    found = [p for p in generation.errors if p.path == path and p.field in fields]
    assert found, f"no error on {case.file} field {case.field}:\n" + _listing(generation.problems)
    assert any(case.needle in p.message for p in found), _listing(found)
    assert next(p.line for p in found if case.needle in p.message) == case.line, _listing(found)
    # The command line says the same, as `file:line: field: message`, and writes nothing.
    assert main(["check", "--content", str(content)]) == 1
    where = f"{path}:{case.line}" if case.line else path
    # `file:line:column:` where the column is known (YAML mistakes), `file:line:` otherwise.
    located = [rf"{re.escape(where)}(?::\d+)?: {re.escape(field)}: " for field in fields]
    out = capsys.readouterr().out
    assert any(
        any(re.match(f"error: {pattern}", line) for pattern in located) and case.needle in line
        for line in out.splitlines()
    ), out
    site = tmp_path / "site"
    build = ["build", "--content", str(content), "--site-dir", str(site)]
    assert main([*build, "--config-file", str(CONFIG)]) == 1
    err = capsys.readouterr().err
    assert any(re.search(pattern, err) for pattern in located), err
    assert "nothing was built" in err, err
    assert snapshot(tmp_path) == before
    assert not site.exists()


# --- Accepted input: it builds, and reads as written -------------------------------------
def _page(generation, path: str) -> str:
    pages = {page.path: page.text for page in generation.pages}
    assert path in pages, f"no {path} among {sorted(pages)}:\n" + _listing(generation.problems)
    return pages[path]


def _linked(generation, page: str, entity_url: str) -> bool:
    return f'class="ea-mention" href="../../{entity_url}"' in _page(generation, page)


GOOD_TEXT = art(title="Talks", body="Zorblax met.")


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("bom", ("\ufeff" + GOOD_TEXT).encode()),
        ("crlf", GOOD_TEXT.replace("\n", "\r\n").encode()),
        ("lone-cr", GOOD_TEXT.replace("\n", "\r").encode()),
        ("mixed-endings", GOOD_TEXT.replace("\n", "\r\n", 2).encode()),
        ("trailing-spaces-on-closing", GOOD_TEXT.replace("\n---\n", "\n---  \n", 1).encode()),
    ],
)
def test_bom_and_line_endings_build_the_same_page(tmp_path: Path, name: str, raw: bytes) -> None:
    reference = generate(make_content(tmp_path / "ref", {"articles/good.md": GOOD_TEXT}))
    generation = generate(make_content(tmp_path / name, {"articles/good.md": raw}))
    assert generation.errors == (), _listing(generation.errors)
    assert _page(generation, "articles/talks.md") == _page(reference, "articles/talks.md")


@pytest.mark.parametrize(
    ("written", "title", "slug"),
    [
        ("1e3", "1e3", "1e3"),  # PyYAML reads this one as text
        ("Index", "Index", None),  # a reserved name falls back to the date and a hash
        ("Search", "Search", None),
        ("'404'", "404", None),
        ("حماس تقول", "حماس تقول", "hms-tqwl"),  # transliterated
        ("'🙂 ☃'", "🙂 ☃", None),  # nothing Latin remains
        ("Ça va, Zoë", "Ça va, Zoë", "ca-va-zoe"),
        ("'../../etc/passwd'", "../../etc/passwd", "etc-passwd"),
    ],
)
def test_titles_make_safe_slugs(tmp_path: Path, written: str, title: str, slug) -> None:
    generation = generate(make_content(tmp_path, {"articles/good.md": art(title=written)}))
    assert generation.errors == (), _listing(generation.errors)
    paths = {p.path for p in generation.pages if p.path.startswith("articles/")}
    (path,) = paths - {"articles/index.md", "articles/base-story.md"}
    if slug:
        assert path == f"articles/{slug}.md"
    else:
        assert path.startswith("articles/2024-08-21-") and path.endswith(".md")
    assert f"# {title}\n" in _page(generation, path)


def test_a_second_dashes_line_is_body_text(tmp_path: Path) -> None:
    body = "Zorblax met.\n\n---\n\ntitle: not front-matter\n"
    generation = generate(make_content(tmp_path, {"articles/good.md": art(body=body)}))
    assert generation.errors == ()
    assert "title: not front-matter" in _page(generation, "articles/talks.md")


def test_an_unknown_extension_is_a_warning_naming_the_file(tmp_path: Path) -> None:
    generation = generate(make_content(tmp_path, {"articles/good.MD": art(title="Loud")}))
    assert generation.errors == ()
    warned = [p for p in generation.problems if p.path.endswith("articles/good.MD")]
    assert warned and "not a Markdown (.md) file" in warned[0].message


@pytest.mark.parametrize(
    ("alias", "text", "linked"),
    [
        ("C++ 20", "The C++ 20 group met.", True),
        ("A.B", "Then A.B spoke.", True),
        ("A.B", "Then AxB spoke.", False),
        ("x+y", "Then xxy spoke.", False),
        ("x+y", "Then x+y spoke.", True),
        ("a|b", "Then a|b spoke.", True),
        ("a|b", "Then a spoke.", False),
        ("Q.E.D.", "Then Q.E.D. spoke.", True),
        pytest.param("حماس", "قالت حماس اليوم", True, id="arabic"),
        pytest.param("ישראל", "אמרה ישראל היום", True, id="hebrew"),
        pytest.param("Zoë Ça", "Then Zoë Ça spoke.", True, id="accents"),
        pytest.param("Zoe\u0308 \u00c7a", "Then Zo\u00eb \u00c7a spoke.", True, id="nfd-alias"),
        pytest.param("Zo\u00eb \u00c7a", "Then Zoe\u0308 C\u0327a spoke.", True, id="nfd-text"),
        pytest.param("Zoë", "Then Zoëlle spoke.", False, id="accent-prefix"),
        pytest.param("भारत", "भारत ने कहा", True, id="hindi-india"),  # "India said"
        # "the Indian army said": भारतीय is one word (ी is a combining vowel sign)
        pytest.param("भारत", "भारतीय सेना ने कहा", False, id="hindi-indian-is-one-word"),
        # "Modi said", "in Delhi": names that end in a vowel sign (a combining mark)
        pytest.param("मोदी", "मोदी ने कहा", True, id="hindi-alias-ending-in-a-mark"),
        pytest.param("दिल्ली", "दिल्ली में", True, id="hindi-delhi"),
    ],
)
def test_aliases_match_literally_as_whole_words(tmp_path: Path, alias, text, linked) -> None:
    files = {
        "actors/special.md": actor(name="Special", aliases=json.dumps([alias], ensure_ascii=False)),
        "articles/good.md": art(body=f"Zorblax met.\n\n{text}"),
    }
    generation = generate(make_content(tmp_path, files))
    assert generation.errors == (), _listing(generation.errors)
    assert _linked(generation, "articles/talks.md", "actors/special/") is linked


# --- Inputs that reach MkDocs: no traceback, the previous site kept ----------------------
def _cli(*args: str, env: dict[str, str] | None = None, timeout: float = 300):
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=ROOT,
        env=env or ENV,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _build(content: Path, site: Path, env: dict[str, str] | None = None):
    return _cli(
        "build",
        "--content",
        str(content),
        "--site-dir",
        str(site),
        "--config-file",
        str(CONFIG),
        env=env,
    )


OLD = art(title="Moon landing", date="1969-07-20")
# Content that passes `check` but reached MkDocs (or the writer) and broke the build there.
# name: (files, the file the message must name)
BUILD_BREAKERS: dict[str, tuple[Files, str]] = {
    "content-error": ({"articles/bad.md": art(title="no")}, "articles/bad.md"),
    "newest-date-before-1970": ({"articles/base.md": OLD}, "articles/base.md"),
    "newest-date-after-2106": (
        {"articles/late.md": art(title="Far future", date="2204-08-21")},
        "articles/late.md",
    ),
    "escaped-surrogate": ({"articles/bad.md": art('summary: "x\\uD800y"')}, "articles/bad.md"),
    "bracket-host-url": (
        {"articles/bad.md": art('source: {url: "https://[x"}')},
        "articles/bad.md",
    ),
    "symlink-loop": ({"articles/loop.md": Link("loop.md")}, "articles/loop.md"),
    "unwrapped-relative-link": (
        {"articles/bad.md": art(body="Zorblax.\n\n<section>\n[x](java&#09;script:x)\n</section>")},
        "articles/bad.md",
    ),
}


@pytest.fixture(scope="module")
def first_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built once from the valid base archive."""
    base = tmp_path_factory.mktemp("first")
    site = base / "site"
    result = _build(make_content(base, {}), site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.parametrize("name", BUILD_BREAKERS)
@pytest.mark.build
def test_a_failing_build_keeps_the_previous_site_and_says_why(
    tmp_path: Path, first_site: Path, name: str
) -> None:
    """Exit 1 naming the contributor's file, the previous site byte-identical; or a whole site."""
    site = tmp_path / "site"
    shutil.copytree(first_site, site)
    before = snapshot(site)
    files, bad_file = BUILD_BREAKERS[name]
    result = _build(make_content(tmp_path, files), site)
    assert "Traceback" not in result.stderr, result.stderr
    if result.returncode == 0:  # built after all: then it must be a whole, new site
        assert (site / "index.html").is_file()
    else:
        assert result.returncode == 1
        assert bad_file in result.stderr, result.stderr
        assert snapshot(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "outside", "site"]


@pytest.mark.build
def test_feeds_stay_well_formed_xml_whatever_the_text(tmp_path: Path) -> None:
    """Text XML 1.0 cannot hold (written as YAML escapes) is refused, or kept out of feeds."""
    summary = 'summary: "NUL \\0, escape \\e, bell \\a, U+FFFF \\uFFFF"'
    content = make_content(tmp_path, {"articles/odd.md": art(summary, title="Odd")})
    result = _build(content, tmp_path / "site")
    assert "Traceback" not in result.stderr, result.stderr
    if result.returncode == 1:
        assert "articles/odd.md" in result.stderr
        return
    for feed in sorted((tmp_path / "site").rglob("*.xml")):
        try:
            lxml.etree.fromstring(feed.read_bytes())
        except lxml.etree.XMLSyntaxError as err:
            pytest.fail(f"{feed.relative_to(tmp_path)} is not well-formed XML: {err}")


@pytest.mark.build
def test_two_builds_of_the_payload_archive_are_byte_identical(tmp_path: Path) -> None:
    """Same content, files written in another order, another time zone and locale."""
    first, second = tmp_path / "one", tmp_path / "two"
    payloads.write_archive(first / "content")
    for file in sorted((first / "content").rglob("*.md"), reverse=True):
        target = second / "content" / file.relative_to(first / "content")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, target)
    results = [
        _build(first / "content", first / "site"),
        _build(second / "content", second / "site", {**ENV, "TZ": "Asia/Kathmandu", "LC_ALL": "C"}),
    ]
    for result in results:
        assert result.returncode == 0, result.stderr
    # Pagefind's index is not byte-stable between runs (its filter chunks come out in a
    # different order and so under other hashed names); the browser tests query it.
    one, two = snapshot(first / "site"), snapshot(second / "site")
    one, two = ({k: v for k, v in s.items() if not k.startswith("pagefind/")} for s in (one, two))
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []


@pytest.mark.build
def test_a_5_mb_article_builds(tmp_path: Path) -> None:
    paragraph = (
        "Zorblax said on Sunday that negotiators would *return* to `Doha` with officials, "
        "and [more](https://example.org) followed. "
    ) * 6
    paragraphs, size, index = [], 0, 0
    while size < 5 * 1024 * 1024:
        paragraphs.append(f"{paragraph}Paragraph {index}.")
        size += len(paragraphs[-1]) + 2
        index += 1
    content = make_content(
        tmp_path, {"articles/big.md": art(title="Big", body="\n\n".join(paragraphs))}
    )
    assert (content / "articles" / "big.md").stat().st_size > 5 * 1024 * 1024
    started = time.monotonic()
    result = _build(content, tmp_path / "site")
    seconds = time.monotonic() - started
    print(f"\n5 MB article ({index} paragraphs): explainer build took {seconds:.1f} s")
    assert result.returncode == 0, result.stderr[-3000:]
    page = (tmp_path / "site" / "articles" / "big" / "index.html").read_text(encoding="utf-8")
    assert f"Paragraph {index - 1}." in page
    assert seconds < 120


# --- Pathological Markdown: fail fast, with a line -----------------------------------------
_GENERATE = """
import dataclasses, json, sys, time
from pathlib import Path
from generator.site.build import generate
started = time.monotonic()
generation = generate(Path(sys.argv[1]))
print(json.dumps({"seconds": time.monotonic() - started, "pages": len(generation.pages),
                  "errors": [dataclasses.asdict(p) for p in generation.errors]}))
"""
FAST = 5.0


@pytest.mark.parametrize(
    ("name", "body", "needle"),
    [
        ("brackets-10000", "[" * 10_000, "would take too long"),
        ("brackets-10000-nested", "[" * 10_000 + "x" + "](y)" * 10_000, "would take too long"),
        ("list-400-indented", "".join("    " * i + "- x\n" for i in range(400)), "nested"),
        ("quote-400", "> " * 400 + "x", "nested"),
        ("list-400-one-line", "- " * 400 + "x", "nested"),
        ("list-1000-one-line", "* " * 1000 + "x", "nested"),
        ("ordered-400-one-line", "1. " * 400 + "x", "nested"),
        ("unclosed-tags-60kb", "<a " * 20_000, None),
        ("unclosed-cdata-27kb", "<![CDATA[" * 3_000, None),
        ("nested-divs-5000", "<div>" * 5_000 + "x" + "</div>" * 5_000, None),
        ("open-spans-20000", "<span>" * 20_000 + "x", None),
        ("emphasis-40000", "*" * 20_000 + "x" + "*" * 20_000, None),
        ("table-5000-columns", "|" + "a|" * 5_000 + "\n|" + "-|" * 5_000, None),
    ],
)
@pytest.mark.bounds
def test_pathological_markdown_fails_fast_with_a_line(tmp_path: Path, name, body, needle):
    """``needle``: the body must be refused with that problem; None: refused or built, fast."""
    content = make_content(tmp_path, {"articles/patho.md": art(body=f"Zorblax.\n\n{body}")})
    script = [sys.executable, "-c", _GENERATE, str(content)]
    try:
        run = subprocess.run(script, cwd=ROOT, capture_output=True, text=True, timeout=3 * FAST)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name}: generate() still running after {3 * FAST:.0f} s")
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout)
    assert result["seconds"] < FAST, f"{name}: took {result['seconds']:.1f} s"
    on_file = [e for e in result["errors"] if e["path"].endswith("articles/patho.md")]
    if needle is None:
        assert result["pages"] or on_file, result
        return
    assert result["pages"] == 0
    assert [e for e in on_file if needle in e["message"] and e["field"] == "body"], result
    assert all(e["line"] for e in on_file), f"{name}: no line number: {on_file}"
