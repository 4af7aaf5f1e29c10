"""``explainer import``: files written, overwrite protection, the report, exit statuses."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import frontmatter
import pytest

from generator.importer import import_file
from generator.importer.command import add_arguments, run, run_from_args
from generator.importer.render import render_article

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).parent / "import_corpus"
DATED = CORPUS / "text_afp_captions.txt"  # states its own date
UNDATED = CORPUS / "text_lists_escapes.txt"  # states none
DATED_SLUG = "floodwaters-recede-in-southern-sindh-but-thousands-remain-in-camps"


def _run(paths, tmp_path, **options):
    out, err = io.StringIO(), io.StringIO()
    settings = {"date": None, "output_dir": tmp_path / "articles", "force": False, "report": None}
    settings.update(options)
    status = run([Path(p) for p in paths], out=out, err=err, **settings)
    return status, out.getvalue(), err.getvalue()


def test_writes_the_article_under_its_slug(tmp_path):
    status, out, err = _run([DATED], tmp_path)
    target = tmp_path / "articles" / f"{DATED_SLUG}.md"
    assert (status, err) == (0, "")
    assert target.read_text(encoding="utf-8") == render_article(import_file(DATED))
    assert f"wrote {target}" in out
    post = frontmatter.load(target)
    assert list(post.metadata) == ["title", "date", "byline", "source", "summary"]
    assert post.metadata["date"] == dt.date(2024, 9, 3)


def test_prints_each_dropped_line_with_its_reason(tmp_path):
    _, out, _ = _run([DATED], tmp_path)
    assert "  dropped (advertisement): Advertisement\n" in out
    assert "  dropped (photo caption or credit): Getty Images\n" in out
    assert "  dropped (dateline (moved to front-matter)): HYDERABAD, Pakistan (AFP) —\n" in out


def test_refuses_to_overwrite_without_force(tmp_path):
    target = tmp_path / "articles" / f"{DATED_SLUG}.md"
    target.parent.mkdir()
    target.write_text("an editor's version\n")
    status, out, err = _run([DATED], tmp_path)
    assert status == 1
    assert str(DATED) in err and "already exists" in err and "--force" in err
    assert target.read_text() == "an editor's version\n"
    assert "wrote" not in out


def test_force_overwrites_and_says_so(tmp_path):
    target = tmp_path / "articles" / f"{DATED_SLUG}.md"
    target.parent.mkdir()
    target.write_text("old\n")
    status, out, _ = _run([DATED], tmp_path, force=True)
    assert status == 0
    assert f"overwrote {target}" in out
    assert target.read_text(encoding="utf-8").startswith("---\ntitle: Floodwaters recede")


def test_report_file_lists_what_was_dropped(tmp_path):
    report = tmp_path / "report.txt"
    status, out, _ = _run([DATED], tmp_path, report=report)
    text = report.read_text(encoding="utf-8")
    assert status == 0
    assert text.startswith(f"{DATED} -> {tmp_path / 'articles' / DATED_SLUG}.md\n")
    assert "  dropped (advertisement): Advertisement\n" in text
    assert "dropped (" not in out and f"listed in {report}" in out


def test_missing_date_fails_that_input_and_the_others_still_proceed(tmp_path):
    status, out, err = _run([UNDATED, DATED], tmp_path)
    assert status == 1
    assert str(UNDATED) in err and "--date YYYY-MM-DD" in err
    assert [p.name for p in (tmp_path / "articles").iterdir()] == [f"{DATED_SLUG}.md"]
    assert "wrote" in out


def test_date_option_supplies_the_missing_date(tmp_path):
    status, _, _ = _run([UNDATED], tmp_path, date=dt.date(2024, 11, 18))
    written = next((tmp_path / "articles").iterdir())
    assert status == 0
    assert frontmatter.load(written).metadata["date"] == dt.date(2024, 11, 18)


def test_unreadable_input_is_reported_by_name(tmp_path):
    status, _, err = _run([tmp_path / "missing.txt"], tmp_path)
    assert status == 1
    assert "missing.txt" in err and "cannot be read: No such file" in err


def test_two_inputs_with_one_slug_do_not_overwrite_each_other(tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(DATED.read_bytes())
    status, _, err = _run([DATED, copy], tmp_path, force=True)
    assert status == 1
    assert "copy.txt" in err and "earlier input" in err


def test_no_temporary_or_half_written_files_are_left(tmp_path):
    target = tmp_path / "articles" / f"{DATED_SLUG}.md"
    target.parent.mkdir()
    target.write_text("existing\n")
    _run([DATED], tmp_path)  # refused
    _run([UNDATED], tmp_path)  # failed before writing
    assert sorted(p.name for p in target.parent.iterdir()) == [f"{DATED_SLUG}.md"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="explainer import")
    add_arguments(parser)
    return parser


def test_content_option_is_added_once():
    parser = argparse.ArgumentParser()
    parser.add_argument("--content", type=Path, default=Path("elsewhere"))
    add_arguments(parser)
    assert parser.parse_args(["a.txt"]).content == Path("elsewhere")
    assert _parser().parse_args(["a.txt"]).content == Path("content")


def test_arguments_parse():
    args = _parser().parse_args(
        [
            "a.txt",
            "b.html",
            "--date",
            "2024-08-21",
            "--force",
            "--report",
            "r.txt",
            "--output-dir",
            "out",
        ]
    )
    assert args.paths == [Path("a.txt"), Path("b.html")]
    assert (args.date, args.force, args.report, args.output_dir) == (
        dt.date(2024, 8, 21),
        True,
        Path("r.txt"),
        Path("out"),
    )


@pytest.mark.parametrize("value", ["21-08-2024", "2024-8-21", "2024-02-30", "yesterday"])
def test_bad_date_is_a_usage_error(value, capsys):
    with pytest.raises(SystemExit) as exit_info:
        _parser().parse_args(["a.txt", "--date", value])
    assert exit_info.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_paths_are_required():
    with pytest.raises(SystemExit) as exit_info:
        _parser().parse_args([])
    assert exit_info.value.code == 2


def test_output_defaults_to_the_content_folders_articles(tmp_path):
    args = _parser().parse_args([str(DATED), "--content", str(tmp_path / "site")])
    out = io.StringIO()
    assert run_from_args(args, out=out, err=io.StringIO()) == 0
    assert (tmp_path / "site" / "articles" / f"{DATED_SLUG}.md").is_file()


def _cli(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "import", *argv],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        check=False,
    )


def test_python_m_generator_import_end_to_end(tmp_path):
    result = _cli(str(DATED), "--content", str(tmp_path / "content"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "content" / "articles" / f"{DATED_SLUG}.md").is_file()
    assert "dropped (advertisement): Advertisement" in result.stdout


def test_python_m_generator_import_exit_statuses(tmp_path):
    assert _cli(str(UNDATED), "--output-dir", str(tmp_path), cwd=tmp_path).returncode == 1
    bad = _cli(str(DATED), "--date", "2024/08/21", cwd=tmp_path)
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr


def _archive_with_the_same_title(tmp_path: Path) -> Path:
    """A content folder whose one article, under another file name, has DATED's slug."""
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    text = render_article(import_file(DATED))
    (content / "articles" / "sindh-floods.md").write_text(text, encoding="utf-8")
    return content


def test_refuses_a_slug_another_article_already_has_naming_its_file(tmp_path):
    content = _archive_with_the_same_title(tmp_path)
    before = sorted((content / "articles").iterdir())
    status, _, err = _run([DATED], tmp_path, output_dir=content / "articles", content=content)
    assert status == 1
    assert f"the slug '{DATED_SLUG}' is already used by" in err
    assert "sindh-floods.md" in err and "--slug" in err
    assert sorted((content / "articles").iterdir()) == before
    forced = _run([DATED], tmp_path, output_dir=content / "articles", content=content, force=True)
    assert forced[0] == 1  # --force overwrites the same file, never makes a second article


def test_slug_chooses_another_url_and_check_accepts_both(tmp_path):
    content = _archive_with_the_same_title(tmp_path)
    options = {"output_dir": content / "articles", "content": content, "slug": "sindh-camps"}
    status, _, err = _run([DATED], tmp_path, **options)
    assert (status, err) == (0, "")
    written = content / "articles" / "sindh-camps.md"
    assert frontmatter.load(written).metadata["slug"] == "sindh-camps"
    check = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--content", str(content)],
        capture_output=True,
        text=True,
    )
    assert "already used" not in check.stdout


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--slug", "Bad Slug"], "invalid slug"),
        ([str(UNDATED), "--slug", "ok-slug"], "one article"),
    ],
)
def test_slug_usage_errors_exit_2(tmp_path, args: list[str], says: str) -> None:
    command = [sys.executable, "-m", "generator", "import", str(DATED), *args]
    command += ["--content", str(tmp_path / "content"), "--date", "2024-09-03"]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 2
    assert says in result.stderr
    assert not (tmp_path / "content").exists()
