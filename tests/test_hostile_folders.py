"""Nothing outside the site folder changes, whatever links or folders a pull request plants.

Each case copies the project (``mkdocs.yml``, the theme, the generator, a one-article
archive) into ``tmp_path``, beside a folder named ``victim`` that stands for a maintainer's
files, plants what a hostile pull request or a slip would, and builds the way a maintainer
does: ``explainer build`` and plain ``mkdocs build``, in subprocesses. The build must stop
with exit status 1 and one clear line, and every file of the victim, the project and its
sources must be exactly as before.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from generator.output.folders import SITE_MARKER
from generator.output.staging import STAGING_MARKER

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
ENV.pop("PYTHONPATH", None)
ARTICLE = "---\ntitle: Talks resume\ndate: 2024-08-21\n---\nZorblax met the envoy.\n"
ACTOR = "---\nname: Zorblax\nkind: person\naliases: [Zorblax]\nsummary: A person.\n---\n"


def make_project(base: Path) -> Path:
    """A copy of the project with a one-article archive; a ``victim`` folder beside it."""
    project = base / "project"
    shutil.copytree(ROOT / "generator", project / "generator", ignore=_caches)
    shutil.copytree(ROOT / "theme", project / "theme")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    register_plugin(project)
    (project / "build" / "docs").mkdir(parents=True)
    (project / "build" / "docs" / ".gitkeep").write_text("")
    for path, text in {"articles/talks.md": ARTICLE, "actors/zorblax.md": ACTOR}.items():
        (project / "content" / path).parent.mkdir(parents=True, exist_ok=True)
        (project / "content" / path).write_text(text, encoding="utf-8")
    victim = base / "victim"
    (victim / ".git").mkdir(parents=True)
    (victim / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (victim / "notes.txt").write_text("a maintainer's notes\n")
    (victim / "docs").mkdir()  # so that a link named build/ leads to a docs folder
    (victim / "docs" / "draft.md").write_text("a maintainer's draft\n")
    return project


def register_plugin(project: Path) -> None:
    """Register the copy's own ``explainer`` plugin, as installing the project would.

    MkDocs finds plugins by entry point. A ``.dist-info`` folder in the project (the first
    folder on ``sys.path`` of ``python -m``) declares the entry points of ``pyproject.toml``,
    so the plugin that runs is the copy's, whatever is installed.
    """
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    info = project / f"{meta['name'].replace('-', '_')}-{meta['version']}.dist-info"
    info.mkdir()
    header = f"Metadata-Version: 2.1\nName: {meta['name']}\nVersion: {meta['version']}\n"
    (info / "METADATA").write_text(header, encoding="utf-8")
    groups = meta["entry-points"]
    lines = [
        f"[{group}]\n" + "".join(f"{k} = {v}\n" for k, v in points.items())
        for group, points in groups.items()
    ]
    (info / "entry_points.txt").write_text("\n".join(lines), encoding="utf-8")


def _caches(folder: str, names: list[str]) -> list[str]:
    return [name for name in names if name == "__pycache__"]


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every file, link and folder below ``folder`` with its bytes or target."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[key] = f"-> {os.readlink(path)}"
        elif path.is_dir():
            found[key] = "folder"
        else:
            found[key] = path.read_bytes()
    return found


def explainer(project: Path, *args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    """``python -m generator ARGS`` run in ``project`` (its own copy of the generator)."""
    command = [sys.executable, "-m", "generator", *args]
    return subprocess.run(
        command, cwd=project, env=ENV, capture_output=True, text=True, timeout=600, **kwargs
    )


def mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Plain ``mkdocs build`` in ``project``, as the pull-request workflow runs it."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", *args]
    return subprocess.run(command, cwd=project, env=ENV, capture_output=True, text=True)


def plant_link(project: Path, name: str, target: str) -> None:
    """A symbolic link at ``name`` in the project (parents made), as a pull request adds."""
    link = project / name
    if link.is_dir() and not link.is_symlink():
        shutil.rmtree(link)
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(target)


LINKS = [
    ("site", "../victim", "site folder"),
    ("site", "..", "site folder"),
    ("build/docs", "../../victim", "docs folder"),
    ("build/docs", "../..", "docs folder"),
    ("build", "../victim", "docs folder"),
]


@pytest.mark.parametrize("runner", ["explainer", "mkdocs"])
@pytest.mark.parametrize(("name", "target", "role"), LINKS)
@pytest.mark.build
def test_a_planted_link_is_refused_and_nothing_is_touched(
    tmp_path: Path, runner: str, name: str, target: str, role: str
) -> None:
    project = make_project(tmp_path)
    plant_link(project, name, target)
    before = snapshot(tmp_path)
    result = explainer(project, "build") if runner == "explainer" else mkdocs(project)
    assert result.returncode == 1, result.stderr
    assert f"the {role}" in result.stderr
    assert "symbolic link" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("site_dir", "says"),
    [
        ("content", "is or holds the content folder"),
        (".", "is or holds the project folder"),
        ("..", "is or holds the project folder"),
        ("build", "is or holds the docs folder"),
        ("build/docs", "is or holds the docs folder"),
        ("content/articles", "lies inside the content folder"),
        ("build/docs/site", "lies inside the docs folder"),
        ("theme", "holds files no build made"),
        ("generator", "holds files no build made"),
        ("../victim", "holds files no build made"),
    ],
)
@pytest.mark.build
def test_a_site_folder_over_the_project_or_a_strangers_files_is_refused(
    tmp_path: Path, site_dir: str, says: str
) -> None:
    project = make_project(tmp_path)
    before = snapshot(tmp_path)
    result = explainer(project, "build", "--site-dir", site_dir)
    assert result.returncode == 1, result.stderr
    assert says in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(tmp_path) == before
    assert mkdocs(project, "--site-dir", site_dir).returncode == 1
    assert snapshot(tmp_path) == before


@pytest.mark.build
def test_mkdocs_refuses_a_site_dir_in_its_configuration_that_holds_other_files(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_dir: site", "site_dir: ../victim"))
    before = snapshot(tmp_path / "victim")
    result = mkdocs(project)
    assert result.returncode == 1
    assert "holds files no build made" in result.stderr
    assert snapshot(tmp_path / "victim") == before


@pytest.mark.build
def test_a_built_site_is_replaced_and_keeps_a_deploy_checkouts_files(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    assert explainer(project, "build").returncode == 0
    site = project / "site"
    assert (site / SITE_MARKER).is_file()
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    (site / ".nojekyll").write_text("")
    (site / "stale.html").write_text("from an older build")
    assert explainer(project, "build").returncode == 0
    assert (site / ".git" / "HEAD").read_text() == "ref: refs/heads/gh-pages\n"
    assert (site / ".nojekyll").exists()
    assert not (site / "stale.html").exists()
    assert (site / "index.html").is_file()
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".")) == []
    # Plain MkDocs rebuilds the folder the same way and leaves the marker.
    assert mkdocs(project).returncode == 0
    assert (site / SITE_MARKER).is_file() and (site / ".git" / "HEAD").is_file()


@pytest.mark.parametrize(
    ("planted", "says"),
    [
        ({"evil.md": "<script>alert(1)</script>"}, "evil.md"),
        ({"articles/evil.md": "# planted"}, "articles/evil.md"),
        ({".explainer-manifest": "../../victim/notes.txt\n", "evil.md": "x"}, "evil.md"),
    ],
)
@pytest.mark.build
def test_files_planted_in_the_docs_folder_stop_the_build_and_stay(
    tmp_path: Path, planted: dict[str, str], says: str
) -> None:
    project = make_project(tmp_path)
    for name, text in planted.items():
        (project / "build" / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "build" / "docs" / name).write_text(text)
    before = snapshot(tmp_path)
    for result in (explainer(project, "build"), mkdocs(project)):
        assert result.returncode == 1
        assert "did not write" in result.stderr and says in result.stderr
        assert snapshot(tmp_path) == before


@pytest.mark.build
def test_a_link_planted_in_the_docs_folder_stops_the_build(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project / "build" / "docs" / "secret.md").symlink_to(tmp_path / "victim" / "notes.txt")
    before = snapshot(tmp_path)
    result = explainer(project, "build")
    assert result.returncode == 1
    assert "secret.md (a symbolic link)" in result.stderr
    assert snapshot(tmp_path) == before


@pytest.mark.build
def test_stale_staging_folders_are_swept_and_strangers_left(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], **_text())
    stale = project / ".site.abandoned"
    (stale / "site").mkdir(parents=True)
    (stale / STAGING_MARKER).write_text(dead.stdout)
    stranger = project / ".site.mine"
    stranger.mkdir()
    (stranger / "keep.txt").write_text("not a build's")
    assert explainer(project, "build").returncode == 0
    assert not stale.exists()
    assert (stranger / "keep.txt").read_text() == "not a build's"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site.")) == [
        ".site.mine"
    ]


def _text() -> dict:
    return {"capture_output": True, "text": True, "check": True}


def _start_build(project: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "generator", "build"]
    return subprocess.Popen(
        command, cwd=project, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _staging(project: Path) -> list[Path]:
    return [p for p in project.iterdir() if p.name.startswith(".site.")]


def _stop_while_staged(project: Path, signum: int) -> subprocess.CompletedProcess[str] | None:
    """Start a build, send ``signum`` once its staging folder exists (MkDocs runs in it).

    Returns None when the build finished before the signal could land (then try again).
    """
    build = _start_build(project)
    while build.poll() is None:
        if any((stage / STAGING_MARKER).is_file() for stage in _staging(project)):
            build.send_signal(signum)
            break
    out, err = build.communicate(timeout=600)
    if build.returncode == 0:
        return None
    return subprocess.CompletedProcess(build.args, build.returncode, out, err)


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
@pytest.mark.build
def test_a_stopped_build_cleans_up_and_keeps_the_previous_site(
    tmp_path: Path, signum: int, status: int
) -> None:
    project = make_project(tmp_path)
    assert explainer(project, "build").returncode == 0
    for _attempt in range(20):
        # A build the signal missed replaced the site, and Pagefind's bundle is not
        # byte-identical from one build to the next: compare with the latest site.
        before = snapshot(project / "site")
        stopped = _stop_while_staged(project, signum)
        if stopped is not None:
            break
    assert stopped is not None, "every build finished before the signal landed"
    assert stopped.returncode == status, stopped.stderr
    assert "Traceback" not in stopped.stderr
    assert "interrupted" in stopped.stderr
    assert _staging(project) == []
    assert snapshot(project / "site") == before


@pytest.mark.build
def test_a_killed_build_leaves_one_folder_that_the_next_build_sweeps(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    for _attempt in range(20):
        if _stop_while_staged(project, signal.SIGKILL) is not None:
            break
    assert len(_staging(project)) == 1
    assert explainer(project, "build").returncode == 0
    assert _staging(project) == []


@pytest.mark.build
def test_a_site_folder_under_a_file_is_one_line_naming_it(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project / "plain-file").write_text("")
    result = explainer(project, "build", "--site-dir", "plain-file/site")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert "plain-file is not a folder" in result.stderr


def _file_size_limit(limit: int):
    def apply() -> None:
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past it fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.build
def test_a_write_that_fails_midway_is_one_line_and_keeps_the_site(tmp_path: Path) -> None:
    """A file size limit stands in for a full disk: writes fail part-way through the build."""
    project = make_project(tmp_path)
    assert explainer(project, "build").returncode == 0
    before = snapshot(project / "site")
    result = explainer(project, "build", preexec_fn=_file_size_limit(20_000))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "File too large" in result.stderr
    assert "previous site kept" in result.stderr
    assert snapshot(project / "site") == before
    assert _staging(project) == []


@pytest.mark.parametrize("name", ["site", ".site.x1y2", "site.old", ".site.old"])
def test_git_ignores_build_output_whether_file_folder_or_link(tmp_path: Path, name: str) -> None:
    shutil.copy(ROOT / ".gitignore", tmp_path / ".gitignore")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / name).symlink_to("..")
    ignored = subprocess.run(["git", "-C", str(tmp_path), "check-ignore", "-q", name])
    assert ignored.returncode == 0, f"{name} would be committed"
