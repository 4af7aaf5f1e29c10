"""The project as another archive uses it: the wheel installed, ``explainer init``, a build.

The wheel is built from a copy of the sources (nothing is written into the checkout) and
installed without dependencies into a fresh virtual environment that sees this one's
packages (a ``.pth`` line naming their folder; its own ``.pth`` files, such as an editable
install of this checkout, are not run), so the test needs no network. The build runs
outside the repository, so it can only use the theme and the plugin the wheel carries.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "generator", "theme")

PURELIB = "import sysconfig; print(sysconfig.get_path('purelib'))"

pytestmark = pytest.mark.wheel


def _run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PYTHONPATH", None)  # only what the wheel installed may be imported
    done = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def _copy_sources(into: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__")
    into.mkdir()
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, into / name, ignore=ignore)
        else:
            shutil.copy(source, into / name)
    return into


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    sources = _copy_sources(work / "sources")
    out = work / "dist"
    # Without build isolation: the build backend installed here (the test extra) is used.
    _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        ".",
        "--no-deps",
        "--no-build-isolation",
        "-w",
        out,
        cwd=sources,
    )
    return next(out.glob("explainer_archive-*.whl"))


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("venv") / "env"
    _run(sys.executable, "-m", "venv", folder, cwd=folder.parent)
    bin_dir = folder / ("Scripts" if os.name == "nt" else "bin")
    purelib = _run(bin_dir / "python", "-c", PURELIB, cwd=folder.parent).stdout.strip()
    dependencies = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (Path(purelib) / "dependencies.pth").write_text("\n".join(sorted(dependencies)) + "\n")
    _run(
        bin_dir / "python",
        "-m",
        "pip",
        "install",
        "--no-deps",
        "--no-index",
        wheel,
        cwd=folder.parent,
    )
    return bin_dir


def _shipped(root: Path, folder: str) -> set[str]:
    return {
        path.relative_to(root).as_posix()
        for path in (root / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_the_wheel_carries_every_module_and_the_theme(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {p for p in _shipped(ROOT, "generator") if p.endswith(".py")} <= names
    assert {f"generator/{p}" for p in _shipped(ROOT, "theme")} <= names


def test_a_new_archive_builds_from_the_installed_wheel(venv: Path, tmp_path: Path) -> None:
    explainer = venv / "explainer"
    version = _run(explainer, "--version", cwd=tmp_path).stdout
    assert version.startswith("explainer ")
    _run(explainer, "init", "archive", "--site-name", "Harbour Notes", cwd=tmp_path)
    archive = tmp_path / "archive"
    assert _run(explainer, "check", cwd=archive).stdout == "0 error(s), 0 warning(s)\n"
    _run(explainer, "build", cwd=archive)
    site = archive / "site"
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.title.get_text() == "Harbour Notes"
    page = site / "articles" / "lighthouse-on-gull-point-reopens-after-repairs" / "index.html"
    article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    links = {a.get_text(): a["href"] for a in article.select("article a[href]")}
    assert links["Gull Point"] == "../../locations/gull-point/"
    # The packaged theme was used: its stylesheet is linked and copied.
    assert (site / "assets" / "stylesheets" / "explainer.css").is_file()
    assert (site / "pagefind" / "pagefind.js").is_file()


def test_plain_mkdocs_build_runs_the_installed_plugin(venv: Path, tmp_path: Path) -> None:
    _run(venv / "explainer", "init", "archive", cwd=tmp_path)
    archive = tmp_path / "archive"
    _run(venv / "python", "-m", "mkdocs", "build", "--strict", cwd=archive)
    page = archive / "site" / "actors" / "keepers-association" / "index.html"
    assert "Lighthouse on Gull Point reopens" in page.read_text(encoding="utf-8")
    assert (archive / "site" / "assets" / "stylesheets" / "explainer.css").is_file()
