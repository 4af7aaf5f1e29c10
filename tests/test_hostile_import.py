"""``explainer import`` on pages nobody here wrote: each imported article passes ``check``.

- characters ``check`` refuses (controls, lone surrogates) and invisible format characters
  are removed from every field and the body, whether the page carries them as bytes, as
  HTML character references or as JSON-LD escapes;
- any nesting depth is read without a RecursionError;
- inputs larger than the limit, and files that are not regular files, are refused by name;
- a symbolic link inside the content folder that leads out of it is never written through;
- whatever the importer prints is safe for a terminal.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import frontmatter
import pytest

from generator.content.invisible import first_invisible
from generator.content.values import MAX_LINE_LENGTH
from generator.importer import ImportFailure, import_html, import_text
from generator.importer.clean import clean_line, clean_text
from generator.importer.command import run
from generator.importer.html_depth import MAX_DEPTH
from generator.importer.source_file import MAX_INPUT_BYTES, read_input
from generator.site.build import generate

REPO = Path(__file__).resolve().parents[1]
LEDE = "Negotiators met again in Cairo on Sunday to discuss the terms of a new agreement."
DATE = dt.date(2024, 9, 3)


def _page(title: str = "Talks resume in Cairo", body: str = LEDE, head: str = "") -> str:
    return (
        f"<!doctype html><html><head><title>{title}</title>{head}</head><body><article>"
        f"<h1>{title}</h1><p>By Jane Doe</p><p>{body}</p><p>{LEDE}</p></article></body></html>"
    )


def _import(tmp_path: Path, name: str, data: bytes | str, **options):
    """Run the command on one input written to ``tmp_path``; (status, out, err, content)."""
    source = tmp_path / name
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    source.write_bytes(data)
    content = tmp_path / "content"
    out, err = io.StringIO(), io.StringIO()
    settings = {"date": None, "force": False, "report": None, "output_dir": content / "articles"}
    settings.update(options)
    status = run([source], content=content, out=out, err=err, **settings)
    return status, out.getvalue(), err.getvalue(), content


def _errors(content: Path) -> list[str]:
    return [f"{p.field}: {p.message}" for p in generate(content).errors]


def _written(content: Path) -> str:
    (article,) = (content / "articles").iterdir()
    return article.read_text(encoding="utf-8")


# --- 1. Characters check refuses ----------------------------------------------------------
# Each can reach a page as bytes (a lone surrogate cannot: UTF-8 has no bytes for it).
RAW_CHARACTERS = [
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\x9b",  # C1 control sequence introducer
    "\u202e",  # right-to-left override
    "\u2066",  # left-to-right isolate
    "\u200b",  # zero-width space
    "\ufeff",
    "\u00ad",  # soft hyphen
    "\ufffe",
    "\U000e0041",  # tag character
]
ESCAPED_CHARACTERS = [*RAW_CHARACTERS, "\ud800", "\udfff"]


def _hex(char: str) -> str:
    return f"U+{ord(char):04X}"


# A NUL near the start of a text file marks it as binary (an image passed by mistake).
@pytest.mark.parametrize("char", RAW_CHARACTERS[1:], ids=_hex)
def test_text_input_characters_are_removed_everywhere(tmp_path, char):
    text = f"Talks{char} resume in Cairo\n\nBy Jane{char} Doe\n\n{LEDE}{char}\n\nMore{char}.\n"
    status, _, err, content = _import(tmp_path, "page.txt", text, date=DATE)
    written = _written(content)
    assert (status, err) == (0, "")
    assert char not in written
    assert "title: Talks resume in Cairo\n" in written and "byline: Jane Doe\n" in written
    assert _errors(content) == []


def test_text_with_a_nul_is_refused_as_binary_and_later_ones_are_removed(tmp_path):
    status, _, err, _ = _import(tmp_path, "page.txt", f"Talks\x00\n\n{LEDE}\n", date=DATE)
    assert status == 1 and "page.txt: not a text file (binary data" in err
    late = f"Talks resume in Cairo\n\n{LEDE * 60}\n\n{LEDE}\x00\n"
    status, _, err, content = _import(tmp_path, "late.txt", late, date=DATE)
    assert (status, err) == (0, "") and "\x00" not in _written(content)


def _html_with(char: str, form: str) -> str:
    if form == "raw":
        return _page(f"Talks{char} resume in Cairo", f"{LEDE}{char}")
    if form == "reference":
        return _page(f"Talks&#{ord(char)}; resume in Cairo", f"{LEDE}&#x{ord(char):x};")
    escaped = json.dumps(char)[1:-1]  # "\\u001b", or a surrogate pair
    ld = {"@type": "NewsArticle", "headline": f"Talks{char} resume in Cairo"}
    ld |= {"author": {"name": f"Jane{char} Doe"}, "publisher": {"name": f"AFP{char}"}}
    script = json.dumps(ld).replace(escaped.lower(), escaped)
    return _page(head=f'<script type="application/ld+json">{script}</script>')


@pytest.mark.parametrize(
    ("char", "form"),
    [(c, "raw") for c in RAW_CHARACTERS]
    + [(c, form) for c in ESCAPED_CHARACTERS for form in ("reference", "json-ld")],
    ids=lambda value: _hex(value) if len(value) == 1 else value,
)
def test_html_input_characters_are_removed_everywhere(tmp_path, char, form):
    status, _, err, content = _import(tmp_path, "page.html", _html_with(char, form), date=DATE)
    written = _written(content)
    # HTML reads some references as other characters: &#0; and &#xd800; as U+FFFD.
    read_as = html.unescape(f"&#{ord(char)};") if form == "reference" else char
    assert (status, err) == (0, "")
    assert char not in written
    assert f"title: Talks{clean_text(read_as)} resume in Cairo\n" in written
    assert _errors(content) == []


@pytest.mark.parametrize(
    ("raw", "body", "line"),
    [
        ("a\tb", "a\tb", "a b"),  # a tab is layout
        ("a\r\nb\rc", "a\nb\nc", "a b c"),
        ("a\x85b\u2028c\u2029d", "a\nb\nc\nd", "a b c d"),
        ("a\x0bb\x0cc\x1fd", "a b c d", "a b c d"),  # separators part words
        ("10\xa0km", "10\xa0km", "10 km"),  # a no-break space is text
        ("Ne\u200btan\u00adyahu", "Netanyahu", "Netanyahu"),
        # The body keeps a right-to-left mark and an emoji joiner; a one-line field keeps
        # only what check accepts there, so both go.
        (
            "\u05e9\u05dc\u05d5\u05dd\u200f (peace)",
            "\u05e9\u05dc\u05d5\u05dd\u200f (peace)",
            "\u05e9\u05dc\u05d5\u05dd (peace)",
        ),
        ("\U0001f469\u200d\U0001f4bb", "\U0001f469\u200d\U0001f4bb", "\U0001f469\U0001f4bb"),
        ("evil\u202etxt.exe", "eviltxt.exe", "eviltxt.exe"),
    ],
)
def test_what_is_layout_and_what_is_removed(raw, body, line):
    assert (clean_text(raw), clean_line(raw)) == (body, line)


def test_a_headline_of_invisible_characters_is_no_title(tmp_path):
    status, out, err, _ = _import(tmp_path, "page.html", _page("\u200b\u202e", "text"), date=DATE)
    assert status == 1 and "page.html: no title" in err and "wrote" not in out


def test_a_lede_longer_than_a_front_matter_line_is_cut_at_a_sentence(tmp_path):
    sentence = "The talks went on for a long time and nobody knew when they would end. "
    text = f"Talks resume in Cairo\n\n{sentence * 40}\n\n{LEDE}\n"
    status, _, err, content = _import(tmp_path, "page.txt", text, date=DATE)
    summary = frontmatter.loads(_written(content))["summary"]
    assert (status, err) == (0, "")
    assert len(summary) <= MAX_LINE_LENGTH and summary.endswith("end.")
    assert _errors(content) == []


@pytest.mark.parametrize(
    ("name", "page"),
    [
        ("page.html", _page(body="[" * 600 + " words.")),
        ("page.txt", f"Talks resume in Cairo\n\n{'[' * 600} words.\n\n{LEDE}\n"),
    ],
)
def test_what_cleaning_cannot_mend_is_refused_with_checks_words(tmp_path, name, page):
    status, out, err, content = _import(tmp_path, name, page, date=DATE)
    assert status == 1
    assert f"{name}: the article made from it would not pass `explainer check`" in err
    assert "600 '[' characters (the limit is 500)" in err
    assert not (content / "articles").exists() or not any((content / "articles").iterdir())
    assert "wrote" not in out


# --- 2. Any nesting depth -----------------------------------------------------------------
DEEP_TEXT = "The deepest paragraph of the article still reads as text."


def _nested(opening: str, closing: str, depth: int) -> str:
    return _page(body=f"{opening * depth}{DEEP_TEXT}{closing * depth}")


@pytest.mark.parametrize(
    ("opening", "closing", "depth"),
    [
        ("<div>", "</div>", 100_000),
        ("<span>", "</span>", 100_000),
        ("<b>", "</b>", 20_000),
        ("<p>", "</p>", 20_000),
        ("<blockquote>", "</blockquote>", 20_000),
        ("<ul><li>", "</li></ul>", 20_000),
        ("<ol><li>x ", "</li></ol>", 20_000),
        ("<table><tr><td>", "</td></tr></table>", 5_000),
        ("<a href='https://example.org/'>", "</a>", 20_000),
        ("<div>", "", 20_000),  # never closed
        ("<div>", "</div>", MAX_DEPTH + 1),
    ],
    ids=lambda value: str(value)[:16],
)
@pytest.mark.bounds
def test_any_nesting_depth_is_read(tmp_path, opening, closing, depth):
    page = _nested(opening, closing, depth)
    status, _, err, content = _import(tmp_path, "deep.html", page, date=DATE)
    assert (status, err) == (0, ""), err
    assert DEEP_TEXT in " ".join(_written(content).split())
    assert _errors(content) == []


@pytest.mark.parametrize("depth", [10, 5_000, 100_000])
def test_deeply_nested_json_ld_is_read_or_ignored(tmp_path, depth):
    ld = "[" * depth + '{"@type": "NewsArticle", "headline": "Talks resume in Cairo"}'
    head = f'<script type="application/ld+json">{ld}{"]" * depth}</script>'
    status, _, err, content = _import(tmp_path, "deep.html", _page(head=head), date=DATE)
    assert (status, err) == (0, "")
    assert _errors(content) == []


def test_a_page_shallower_than_the_limit_is_read_as_before():
    page = _nested("<div>", "</div>", MAX_DEPTH - 10).replace(DEEP_TEXT, f"<em>{DEEP_TEXT}</em>")
    assert f"*{DEEP_TEXT}*" in import_html(page, date=DATE).body


# --- 3. Size and kind of the input ---------------------------------------------------------
@pytest.mark.parametrize(("size", "refused"), [(10, False), (11, True), (0, False)])
def test_read_input_reads_at_most_the_limit(tmp_path, size, refused):
    path = tmp_path / "page.txt"
    path.write_bytes(b"x" * size)
    if refused:
        with pytest.raises(ImportFailure, match=r"page\.txt: larger than 10 bytes"):
            read_input(path, limit=10)
    else:
        assert read_input(path, limit=10) == b"x" * size


def test_an_input_over_the_limit_is_refused_by_name_and_limit(tmp_path):
    huge = tmp_path / "huge.html"
    with huge.open("wb") as stream:  # sparse: no disk space used
        stream.truncate(MAX_INPUT_BYTES + 1)
    result = _cli(str(huge), "--content", str(tmp_path / "content"), cwd=tmp_path)
    assert result.returncode == 1
    assert f"{huge}: larger than 8 MiB, the most an input may be" in result.stderr
    assert not (tmp_path / "content").exists()


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _socket(path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as server:  # the socket file stays once it is closed
        server.bind(str(path))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX file kinds")
@pytest.mark.parametrize(
    ("make", "kind"),
    [(_fifo, "a named pipe (FIFO)"), (_socket, "a socket"), (Path.mkdir, "a folder")],
)
def test_an_input_that_is_not_a_regular_file_is_refused_without_reading(tmp_path, make, kind):
    path = tmp_path / "input.html"
    make(path)
    with pytest.raises(ImportFailure) as failure:
        read_input(path)
    assert str(failure.value) == f"{path}: is not a regular file ({kind}); not read"


def test_import_of_a_fifo_with_no_writer_does_not_hang(tmp_path):
    pipe = tmp_path / "page.html"
    os.mkfifo(pipe)
    result = _cli(str(pipe), "--output-dir", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 1
    assert f"{pipe}: is not a regular file (a named pipe (FIFO))" in result.stderr
    assert "Traceback" not in result.stderr


# --- 4. Links out of the content folder ----------------------------------------------------
def _content_with(tmp_path: Path, layout: str) -> tuple[Path, Path, Path]:
    """(content folder, output folder, a folder outside) laid out as ``layout`` says."""
    content, outside = tmp_path / "content", tmp_path / "outside"
    content.mkdir()
    outside.mkdir()
    output = content / "articles"
    if layout == "articles links outside":
        output.symlink_to(outside, target_is_directory=True)
    elif layout == "parent links outside":
        (content / "drafts").symlink_to(outside, target_is_directory=True)
        output = content / "drafts" / "articles"
    elif layout == "articles links to a loop":
        output.symlink_to(output)
    elif layout == "articles links inside":
        (content / "real").mkdir()
        output.symlink_to(content / "real", target_is_directory=True)
    elif layout == "explicit folder outside":
        output = outside
    elif layout == "explicit link outside":
        output = tmp_path / "link"
        output.symlink_to(outside, target_is_directory=True)
    return content, output, outside


@pytest.mark.parametrize(
    ("layout", "refused"),
    [
        ("articles links outside", True),
        ("parent links outside", True),
        ("articles links to a loop", True),
        ("articles links inside", False),
        ("explicit folder outside", False),  # the user's own choice
        ("explicit link outside", False),
        ("plain", False),
    ],
)
def test_links_out_of_the_content_folder_are_not_written_through(tmp_path, layout, refused):
    content, output, outside = _content_with(tmp_path, layout)
    source = tmp_path / "page.html"
    source.write_text(_page(), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    status = run(
        [source],
        date=DATE,
        output_dir=output,
        force=True,
        report=None,
        content=content,
        out=out,
        err=err,
    )
    if refused:
        assert status == 1
        assert "leads outside the content folder" in err.getvalue()
        assert str(output) in err.getvalue() and "nothing was written" in err.getvalue()
        assert list(outside.iterdir()) == [] and out.getvalue() == ""
    else:
        assert (status, err.getvalue()) == (0, "")
        assert any(output.iterdir())


@pytest.mark.parametrize("force", [False, True])
def test_an_article_file_that_is_a_link_is_not_written_or_replaced(tmp_path, force):
    content, output, outside = _content_with(tmp_path, "plain")
    output.mkdir()
    victim = outside / "victim.txt"
    victim.write_text("keep me\n")
    (output / "talks-resume-in-cairo.md").symlink_to(victim)
    source = tmp_path / "page.html"
    source.write_text(_page(), encoding="utf-8")
    err = io.StringIO()
    status = run(
        [source],
        date=DATE,
        output_dir=output,
        force=force,
        report=None,
        content=content,
        out=io.StringIO(),
        err=err,
    )
    assert status == 1 and "is a symbolic link" in err.getvalue()
    assert victim.read_text() == "keep me\n"
    assert (output / "talks-resume-in-cairo.md").is_symlink()


def test_cli_refuses_a_planted_articles_link_with_status_1(tmp_path):
    content, _, outside = _content_with(tmp_path, "articles links outside")
    source = tmp_path / "page.html"
    source.write_text(_page(), encoding="utf-8")
    result = _cli(str(source), "--content", str(content), "--date", str(DATE), cwd=tmp_path)
    assert result.returncode == 1 and "leads outside the content folder" in result.stderr
    assert list(outside.iterdir()) == []


# --- 5. What the importer prints -----------------------------------------------------------
HOSTILE = "\x1b]0;pwned\x07\x1b[2J\u202e"


def _printable_lines(text: str) -> bool:
    return all(line.isprintable() for line in text.split("\n"))


def test_everything_printed_or_reported_is_terminal_safe(tmp_path):
    named = tmp_path / f"page{HOSTILE}.txt"
    named.write_text(f"Talks resume in Cairo\n\nAdvertisement\n\n{LEDE}\n", encoding="utf-8")
    undated = tmp_path / f"undated{HOSTILE}.txt"
    undated.write_text(f"Talks resume in Cairo\n\n{LEDE}\n", encoding="utf-8")
    bad_bytes = Path(os.fsdecode(os.fsencode(tmp_path) + b"/bad\xff.txt"))
    report = tmp_path / f"report{HOSTILE}.txt"
    for options in ({"report": None}, {"report": report}):
        out, err = io.StringIO(), io.StringIO()
        run(
            [named, undated, bad_bytes],
            date=None,
            output_dir=tmp_path / f"out{HOSTILE}",
            force=True,
            out=out,
            err=err,
            **options,
        )
        assert _printable_lines(out.getvalue()) and _printable_lines(err.getvalue())
        assert "\\x1b]0;pwned\\x07" in out.getvalue() + err.getvalue()
        assert "bad\\xff.txt" in err.getvalue()
    assert _printable_lines(report.read_text(encoding="utf-8"))


def test_dropped_lines_from_a_page_are_shown_escaped(tmp_path):
    page = _page().replace("<p>By Jane Doe</p>", "<nav>Home \x1b[31m Sections</nav>")
    status, out, _, _ = _import(tmp_path, "page.html", page.replace("&", ""), date=DATE)
    assert status == 0 and _printable_lines(out)


def _cli(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "import", *argv],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("body", "summary"),
    [
        ("a\u200cb is a name.", "ab is a name."),  # a joiner between Latin letters is no spelling
        ("Emoji \U0001f468\u200d\U0001f469 here.", "Emoji \U0001f468\U0001f469 here."),
        ("Left\u200emark here.", "Leftmark here."),
        ("می\u200cخواهم برویم.", "می\u200cخواهم برویم."),  # Persian spelling keeps its joiner
    ],
)
def test_a_summary_keeps_only_the_invisible_characters_check_accepts(body: str, summary: str):
    article = import_text(f"Headline of the page\n\n{body}\n\nSecond paragraph here.", date=DATE)
    assert article.summary == summary
    assert first_invisible(article.summary) is None
