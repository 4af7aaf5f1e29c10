"""Names a hostile pull request can choose: file names, keys, look-alikes, device names.

Reports must stay terminal-safe whatever a file or key is called; invisible characters
are refused in one-line fields; look-alike names and aliases that take another entry's
mentions are warned about; Windows device names are refused.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.content.model import Problem
from generator.content.slugs import article_slug, is_valid_slug
from generator.output.progress import Progress
from generator.site.build import generate
from generator.suggest.command import run as run_suggest

REPO = Path(__file__).resolve().parent.parent
ARTICLE = "---\ntitle: {title}\ndate: 2024-08-21\n{extra}---\n{body}\n"
ENTRY = "---\nname: {name}\nkind: organisation\naliases: {aliases}\nsummary: Something.\n---\n"
# What must never reach a terminal raw: ESC, BEL, CR, C1 CSI, bidi controls, surrogates.
RAW_CONTROLS = ("\x1b", "\x07", "\r", "\x9b", "\u202e", "\u2066", "\u200b")


def _content(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    base: dict[str, str | bytes] = {
        "articles/talks.md": ARTICLE.format(title="Talks", extra="", body="Hamas met in Rafah."),
        "actors/hamas.md": ENTRY.format(name="Hamas", aliases="[Hamas]"),
    }
    root = tmp_path / "content"
    for name, text in {**base, **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return root


def _check(content: Path, fmt: str) -> subprocess.CompletedProcess[bytes]:
    """``explainer check`` with a stdout that refuses anything but valid UTF-8."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict", "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "generator", "check", "--content", str(content)]
    return subprocess.run(
        [*command, "--format", fmt], cwd=REPO, env=env, capture_output=True, timeout=300
    )


@pytest.fixture
def hostile_names(tmp_path: Path) -> Path:
    """Content whose file names and keys try to steer the terminal."""
    content = _content(
        tmp_path,
        {
            "articles/x\x1b]0;owned\x07.md": "not front-matter\n",
            "articles/y\x1b[2K\x1b[1A\r0 error(s), 0 warning(s).md": "no\n",
            "articles/z\u202eevil.md": "no\n",
            "articles/keys.md": ARTICLE.format(
                title="Keys", extra='"ti\\e[2Ktle": x\n"\\u202ekey": y\n', body="Text."
            ),
        },
    )
    # A file name that is not UTF-8 at all: it arrives as lone surrogates.
    (content / "articles" / os.fsdecode(b"caf\xe9.md")).write_bytes(b"no\n")
    return content


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_check_reports_hostile_names_terminal_safe(hostile_names: Path, fmt: str) -> None:
    result = _check(hostile_names, fmt)
    assert result.returncode == 1, result.stderr
    out = result.stdout.decode("utf-8")  # strict: a lone surrogate would have crashed it
    assert not any(char in out for char in RAW_CONTROLS)
    lines = out.splitlines()
    if fmt != "json":
        assert "caf\\xe9.md" in out
        assert "x\\x1b]0;owned\\x07.md" in out
    if fmt == "text":
        assert lines[-1].endswith("warning(s)") and not lines[-1].startswith("0 error")
        assert all(line.startswith(("error: ", "warning: ")) for line in lines[:-1])
    elif fmt == "github":
        assert all(line.startswith(("::error ", "::warning ")) for line in lines)
    else:
        # A tool reads the same escaped text a person sees.
        files = {Path(row["file"]).name for row in json.loads(out)["problems"]}
        assert {"caf\\xe9.md", "x\\x1b]0;owned\\x07.md", "z\\u202eevil.md"} <= files
        fields = {row["field"] for row in json.loads(out)["problems"]}
        assert {"ti\\x1b[2Ktle", "\\u202ekey"} <= fields


def test_suggest_prints_contributed_text_escaped(tmp_path: Path) -> None:
    body = "Zorblax Nine spoke. Zorblax Nine said \u202eno\u202c to the plan. Zorblax Nine left."
    files = {
        f"articles/a{n}.md": ARTICLE.format(title=f"A{n}", extra="", body=body) for n in (1, 2)
    }
    content = _content(tmp_path, files)
    for fmt in ("text", "json"):
        out, err = io.StringIO(), io.StringIO()
        assert run_suggest(content, fmt=fmt, out=out, err=err) == 0
        assert "Zorblax Nine" in out.getvalue()
        assert not any(char in out.getvalue() + err.getvalue() for char in RAW_CONTROLS)
    json.loads(out.getvalue())


def test_progress_line_escapes_its_label() -> None:
    stream = io.StringIO()
    progress = Progress(stream, force=True)
    progress.started = time.monotonic() - 60  # the quiet first seconds are over
    progress(1, 2, "reading \x1b]0;owned\x07")
    assert "\\x1b]0;owned\\x07" in stream.getvalue()
    assert stream.getvalue().count("\x1b") == 1  # only the line's own erase-to-end code


def _problems(tmp_path: Path, files: dict[str, str | bytes]) -> list[Problem]:
    return list(generate(_content(tmp_path, files)).problems)


_LOOKALIKE = re.compile("looks like|also the name of")


def _only(problems: list[Problem], severity: str) -> list[Problem]:
    return [p for p in problems if p.severity == severity]


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("title", "Talks \u202eresume", "U+202E"),  # right-to-left override
        ("title", "Talks \u2066isolated\u2069", "U+2066"),
        ("summary", "Zero\u200bwidth space", "U+200B"),
        ("byline", "Jane\u2060Doe", "U+2060"),  # word joiner
        ("title", "soft\u00adhyphen", "U+00AD"),
        ("title", "inner\ufeffBOM", "U+FEFF"),
        ("title", "left\u200emark", "U+200E"),
        ("title", "Latin zero\u200cwidth non-joiner", "U+200C"),
        ("tags", ["ok", "ceasefire\u200d"], "U+200D"),
        ("title", "tag \U000e0041 character", "U+E0041"),
    ],
)
def test_invisible_characters_are_refused_in_one_line_fields(
    tmp_path: Path, field: str, value: object, code: str
) -> None:
    # Written as the characters themselves, as a contributor's editor would save them.
    quoted = ", ".join(f'"{v}"' for v in value) if isinstance(value, list) else f'"{value}"'
    quoted = f"[{quoted}]" if isinstance(value, list) else quoted
    extra = f"{field}: {quoted}\n" if field != "title" else ""
    title = quoted if field == "title" else "Talks"
    problems = _problems(
        tmp_path, {"articles/talks.md": ARTICLE.format(title=title, extra=extra, body="Text.")}
    )
    [problem] = _only(problems, "error")
    assert problem.path.endswith("articles/talks.md")
    assert problem.field.startswith(field)
    assert problem.line == (2 if field == "title" else 4)
    assert code in problem.message and "invisible character" in problem.message


@pytest.mark.parametrize(
    ("aliases", "code"),
    [
        ('["Ha\\u200bmas"]', "U+200B"),
        ('["Hamas\\u202e"]', "U+202E"),
        ('["Ha\\u00admas"]', "U+00AD"),
    ],
)
def test_invisible_characters_are_refused_in_aliases(
    tmp_path: Path, aliases: str, code: str
) -> None:
    problems = _problems(tmp_path, {"actors/hamas.md": ENTRY.format(name="Hamas", aliases=aliases)})
    [problem] = _only(problems, "error")
    assert (problem.field, problem.line) == ("aliases[0]", 4)
    assert code in problem.message


@pytest.mark.parametrize(
    "name",
    [
        "می\u200cخواهم",  # Persian spells with the zero-width non-joiner between letters
        "क्\u200dष",  # a zero-width joiner after a virama chooses a conjunct's form
    ],
)
def test_joiners_that_a_script_spells_with_are_kept(tmp_path: Path, name: str) -> None:
    entry = ENTRY.format(name=f'"{name}"', aliases=f'["{name}"]')
    assert not _only(_problems(tmp_path, {"actors/script.md": entry}), "error")


@pytest.mark.parametrize(
    ("entry", "field", "needle"),
    [
        (ENTRY.format(name="HAMAS", aliases="[Hamas movement]"), "name", "also the name of"),
        (ENTRY.format(name="Ｈａｍａｓ", aliases="[Hamas movement]"), "name", "also the name of"),
        (ENTRY.format(name="Наmas", aliases="[Наmas]"), "name", "CYRILLIC CAPITAL LETTER EN"),
        (ENTRY.format(name="Other", aliases="[Other, Нamas]"), "aliases", "looks like 'Hamas'"),
        (ENTRY.format(name="Other", aliases="[Other, Harnas]"), "aliases", "looks like 'Hamas'"),
    ],
)
def test_look_alike_names_and_aliases_are_warned_about(
    tmp_path: Path, entry: str, field: str, needle: str
) -> None:
    problems = _problems(tmp_path, {"actors/spoof.md": entry})
    assert not _only(problems, "error")
    [warning] = [p for p in _only(problems, "warning") if _LOOKALIKE.search(p.message)]
    assert warning.path.endswith("actors/spoof.md")
    assert warning.field == field and needle in warning.message
    assert "actors/hamas.md" in warning.message


@pytest.mark.parametrize(
    ("entry", "body", "warned"),
    [
        # An alias of another entry that extends "Hamas" and takes a mention of it.
        (
            ENTRY.format(name="Gaza civil defence", aliases="[Gaza civil defence, Hamas Fighters]"),
            "Hamas Fighters crossed.",
            True,
        ),
        # The same alias, but no article says it: nothing is taken.
        (
            ENTRY.format(name="Gaza civil defence", aliases="[Gaza civil defence, Hamas Fighters]"),
            "Hamas crossed.",
            False,
        ),
        # An entry whose own name extends the alias says what it is: "Hamas politburo".
        (
            ENTRY.format(name="Hamas politburo", aliases="[Hamas politburo]"),
            "The Hamas politburo met.",
            False,
        ),
        # "Hamasi" does not extend "Hamas": a longer word is no extension.
        (ENTRY.format(name="Hamasi", aliases="[Hamasi]"), "Hamasi spoke.", False),
    ],
)
def test_an_alias_that_takes_another_entrys_mentions_is_warned_about(
    tmp_path: Path, entry: str, body: str, warned: bool
) -> None:
    article = ARTICLE.format(title="Talks", extra="", body=body)
    problems = _problems(tmp_path, {"actors/other.md": entry, "articles/talks.md": article})
    warnings = [p for p in _only(problems, "warning") if "extends" in p.message]
    assert bool(warnings) == warned
    if warned:
        [warning] = warnings
        assert warning.path.endswith("actors/other.md") and warning.field == "aliases"
        assert "'Hamas Fighters' extends 'Hamas' of" in warning.message
        assert "actors/hamas.md" in warning.message and "articles/talks.md" in warning.message


def test_the_projects_own_content_has_no_name_warnings() -> None:
    problems = generate(REPO / "content").problems
    assert not problems, [p.format() for p in problems]


@pytest.mark.parametrize(
    "name", ["con", "prn", "aux", "nul", "com1", "com9", "lpt1", "lpt9", "com0"]
)
def test_windows_device_names_are_no_slugs(name: str) -> None:
    assert not is_valid_slug(name)
    assert article_slug(name.upper(), __import__("datetime").date(2024, 8, 21)).startswith("2024")


@pytest.mark.parametrize(
    "file_name", ["con.md", "NUL.md", "aux.txt", "com1.tar.gz", "lpt9", "Prn.MD"]
)
def test_windows_device_file_names_are_errors(tmp_path: Path, file_name: str) -> None:
    problems = _problems(tmp_path, {f"actors/{file_name}": ENTRY.format(name="X", aliases="[X]")})
    [error] = _only(problems, "error")
    assert error.path.endswith(f"actors/{file_name}")
    assert "Windows device name" in error.message


@pytest.mark.parametrize(
    ("extra", "field"), [("slug: con\n", "slug"), ("actors: [com1]\n", "actors[0]")]
)
def test_windows_device_names_are_refused_as_ids(tmp_path: Path, extra: str, field: str) -> None:
    article = ARTICLE.format(title="Talks", extra=extra, body="Text.")
    [error] = _only(_problems(tmp_path, {"articles/talks.md": article}), "error")
    assert error.field == field and "Windows device name" in error.message
