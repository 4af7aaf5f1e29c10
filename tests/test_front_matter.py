"""Reading content files: every malformed input is a located problem, never a traceback."""

from __future__ import annotations

import pytest

from generator.content import front_matter
from generator.content.front_matter import parse_document
from generator.content.read import read_file

GOOD = "---\ntitle: Talks\ndate: 2024-08-21\n---\nBody text.\n"


@pytest.fixture(autouse=True, params=["libyaml", "pure-python"])
def yaml_backend(request, monkeypatch):
    """Every case runs on both parsers: libyaml where installed, PyYAML's own otherwise."""
    if request.param == "pure-python":
        monkeypatch.setattr(front_matter.yaml, "__with_libyaml__", False)
    else:
        assert front_matter.yaml.__with_libyaml__, "PyYAML was installed without libyaml"
    return request.param


@pytest.mark.parametrize(
    ("raw", "line", "needle"),
    [
        (b"---\ntitle: a\ntitle: b\n---\nx", 3, "duplicate key 'title'"),
        (b"---\ntitle: a\ndate: 2024-02-30\n---\nx", 3, "2024-02-30 is not a real date"),
        (b"---\n- a\n- b\n---\nx", 2, "found a list"),
        (b"---\njust text\n---\nx", 2, "found a single value"),
        (b"---\ntitle: !!python/object:os.system x\n---\n", 2, "as a type tag"),
        (b"---\na: &a [1, 2]\nb: *a\n---\n", 3, "anchors and aliases"),
        (b"---\ntitle: \xff\n---\n", 2, "not UTF-8"),
        (b"---\ntitle: x\nbody", 1, "not closed"),
        (b"title: x\n", 1, "must start with a line `---`"),
        (b"---\ntitle: x\x00\n---\n", 2, "U+0000"),
        (b"---\ntitle: x\x1b[31m\n---\n", 2, "U+001B"),
        (b"---\na: " + b"[" * 60 + b"]" * 60 + b"\n---\n", 2, "nested deeper"),
        (b"---\n1: x\n---\n", 2, "must be text"),
        (b"---\non: x\n---\n", 2, "must be text"),
        (b"---\ntitle: [x\ndate: 1\n---\n", 2, "is never closed"),
    ],
)
def test_malformed_front_matter_is_located(raw: bytes, line: int, needle: str) -> None:
    document, problems = parse_document(raw, "a.md")
    assert document is None
    assert len(problems) == 1
    assert problems[0].line == line
    assert needle in problems[0].message


@pytest.mark.parametrize(
    "raw",
    [
        GOOD.encode(),
        ("\ufeff" + GOOD).encode(),
        GOOD.replace("\n", "\r\n").encode(),
        GOOD.replace("\n", "\r").encode(),
    ],
)
def test_bom_and_line_endings_are_accepted(raw: bytes) -> None:
    document, problems = parse_document(raw, "a.md")
    assert problems == []
    assert document.data["title"] == "Talks"
    assert document.body == "Body text.\n"
    assert document.key_lines == {"title": 2, "date": 3}


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["---", "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 30)]
    document, problems = parse_document(("\n".join([*lines, "---", ""])).encode(), "a.md")
    assert document is None
    assert "anchors and aliases" in problems[0].message


ARTICLE = "---\ntitle: {title}\ndate: {date}\n{extra}---\n{body}"


@pytest.mark.parametrize(
    ("title", "date", "extra", "body", "field", "line", "needle"),
    [
        ("no", "2024-08-21", "", "x", "title", 2, "boolean false"),
        ("2024-08-21", "2024-08-21", "", "x", "title", 2, "the date 2024-08-21"),
        ("1e3", "2024-08-21", "", "x", "title", None, None),
        ("T", "21/08/2024", "", "x", "date", 3, "expected a date"),
        ("T", "'2024-13-01'", "", "x", "date", 3, "not a real date"),
        ("T", "2024-08-21", "slug: Bad_Slug\n", "x", "slug", 4, "not a valid id"),
        ("T", "2024-08-21", "slug: ../../etc\n", "x", "slug", 4, "not a valid id"),
        ("T", "2024-08-21", "template: redirect.html\n", "x", "template", 4, "unknown field"),
        ("T", "2024-08-21", "tags: ceasefire\n", "x", "tags", 4, "expected a list"),
        (
            "T",
            "2024-08-21",
            "source: {url: 'javascript:alert(1)'}\n",
            "x",
            "source.url",
            4,
            "not an http(s) URL",
        ),
        ("T", "2024-08-21", "source: {nme: AFP}\n", "x", "source.nme", 4, "unknown key"),
        ("T", "2024-08-21", "actors: [Not-An-Id]\n", "x", "actors[0]", 4, "not a valid id"),
        ("T", "2024-08-21", "", "", "body", 5, "no text"),
    ],
)
def test_article_field_problems(tmp_path, title, date, extra, body, field, line, needle) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    path = folder / "a.md"
    path.write_text(ARTICLE.format(title=title, date=date, extra=extra, body=body))
    article, problems = read_file(path, tmp_path, "articles", "articles/a.md")
    if needle is None:
        assert problems == [] and article is not None
        return
    assert article is None
    assert [(p.field, p.line) for p in problems] == [(field, line)]
    assert needle in problems[0].message


def test_missing_required_fields_are_all_reported(tmp_path) -> None:
    path = tmp_path / "x.md"
    path.write_text("---\nname: X\n---\n")
    entity, problems = read_file(path, tmp_path, "actors", "actors/x.md")
    assert entity is None
    assert sorted(p.field for p in problems) == ["aliases", "kind", "summary"]


def test_symlink_outside_content_is_not_read(tmp_path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text(GOOD)
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    link = content / "articles" / "leak.md"
    link.symlink_to(secret)
    article, problems = read_file(link, content, "articles", "articles/leak.md")
    assert article is None
    assert "outside the content folder" in problems[0].message
