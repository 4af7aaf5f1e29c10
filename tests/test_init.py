"""``explainer init``, ``--version`` and flags after the subcommand, run in this checkout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import _parser, main
from generator.new_archive import archive_files, init_archive
from generator.site.check import check_content

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_new_archive_has_one_example_of_each_kind_and_passes_check(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    written = init_archive(folder, "Harbour Notes")
    content = folder / "content"
    assert {path.parent.name for path in content.rglob("*.md")} == {
        "articles",
        "actors",
        "locations",
    }
    assert check_content(content) == ()
    assert (folder / "build" / "docs").is_dir()
    assert 'site_name: "Harbour Notes"' in (folder / "mkdocs.yml").read_text(encoding="utf-8")
    assert sorted(written) == sorted(folder / name for name in archive_files("x"))


@pytest.mark.parametrize(
    ("site_name", "line"),
    [
        ("Notes: a harbour", 'site_name: "Notes: a harbour"'),
        ('The "Lantern"', 'site_name: "The \\"Lantern\\""'),
        ("  spaced   out ", 'site_name: "spaced out"'),
    ],
)
def test_the_site_name_is_one_quoted_value(tmp_path: Path, site_name: str, line: str) -> None:
    init_archive(tmp_path / "a", site_name)
    assert line in (tmp_path / "a" / "mkdocs.yml").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize(
    ("plant", "says"),
    [
        ("notes.txt", "is not empty"),
        (".git/HEAD", "is not empty"),
        ("", "is not a folder"),
    ],
)
def test_init_refuses_a_folder_with_anything_in_it(tmp_path: Path, plant: str, says: str) -> None:
    folder = tmp_path / "archive"
    if plant:
        (folder / plant).parent.mkdir(parents=True)
        (folder / plant).write_text("a maintainer's file\n")
    else:
        folder.write_text("a file, not a folder\n")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    done = run_cli("init", str(folder))
    assert done.returncode == 2
    assert says in done.stderr and "nothing written" in done.stderr
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_version_names_the_installed_distribution(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.startswith("explainer ")


@pytest.mark.parametrize(
    ("argv", "verbose"),
    [
        (["check"], False),
        (["-v", "check"], True),
        (["check", "-v"], True),
        (["--verbose", "build", "--no-strict"], True),
        (["build", "--no-strict", "--verbose"], True),
        (["init", "new-archive", "-v"], True),
        (["report", "--base", "main", "-v"], True),
    ],
)
def test_global_flags_go_before_or_after_the_subcommand(argv: list[str], verbose: bool) -> None:
    assert _parser().parse_args(argv).verbose is verbose
