"""The GitHub Actions workflows, read as YAML: pinned actions, least permissions, the PR jobs.

GitHub Actions cannot run here; these are the properties a reader would check by eye.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
# owner/repo@<full commit id> # vMAJOR.MINOR.PATCH: what dependabot updates, both parts.
PINNED = re.compile(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def _load(path: Path) -> dict:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    workflow["on"] = workflow.pop(True, workflow.get("on"))
    return workflow


def _steps(path: Path):
    for name, job in _load(path)["jobs"].items():
        for step in job.get("steps", []):
            yield name, step


def test_there_are_workflows() -> None:
    assert [p.name for p in WORKFLOWS] == ["ci.yml", "deploy.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path: Path) -> None:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    uses = [line.removeprefix("- ") for line in lines if "uses:" in line]
    assert uses
    assert [line for line in uses if not PINNED.fullmatch(line)] == []


def test_one_action_is_pinned_to_one_commit_everywhere() -> None:
    pins: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for _, step in _steps(path):
            if "uses" in step:
                action, commit = step["uses"].split("@")
                pins.setdefault(action, set()).add(commit)
    assert {action: len(commits) for action, commits in pins.items()} == dict.fromkeys(pins, 1)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_permissions_are_granted_per_job_only(path: Path) -> None:
    workflow = _load(path)
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        assert isinstance(job.get("permissions"), dict), name
        assert "write" not in job["permissions"].values() or name == "deploy", name


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkouts_keep_no_credentials_and_scripts_splice_no_expressions(path: Path) -> None:
    for name, step in _steps(path):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False, name
        # ${{ }} in a script is pasted in before the shell reads it: pass values via env.
        assert "${{" not in step.get("run", ""), name


def _job(name: str) -> dict:
    return _load(ROOT / ".github" / "workflows" / "ci.yml")["jobs"][name]


def _runs(job: dict) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


@pytest.mark.parametrize(
    ("job", "command"),
    [
        ("content", "explainer check --format github"),
        ("content", 'explainer report --base "origin/$BASE_REF"'),
        ("content", '>> "$GITHUB_STEP_SUMMARY"'),
        ("lint", "ruff check --output-format=github ."),
        ("lint", "ruff format --check ."),
        ("tests", "nox -s tests"),
        ("tests", "mkdocs build --strict"),
    ],
)
def test_pull_request_jobs_run(job: str, command: str) -> None:
    assert any(command in run for run in _runs(_job(job)))


def test_the_summary_compares_with_the_whole_history_of_the_base_branch() -> None:
    job = _job("content")
    checkout = job["steps"][0]
    assert checkout["with"]["fetch-depth"] == 0
    (report,) = [step for step in job["steps"] if "explainer report" in step.get("run", "")]
    assert report["env"] == {"BASE_REF": "${{ github.base_ref }}"}
    assert "!cancelled()" in report["if"]


def test_dependabot_watches_actions_and_pip() -> None:
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {update["package-ecosystem"] for update in config["updates"]}
    assert ecosystems == {"github-actions", "pip"}


FAILING_TEST = "def test_fails():\n    value = 1\n    assert value == 2\n"


def test_a_failing_test_is_annotated_under_github_actions(tmp_path: Path) -> None:
    (tmp_path / "test_example.py").write_text(FAILING_TEST, encoding="utf-8")
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(tmp_path)}
    command = [sys.executable, "-m", "pytest", "-W", "error", "-p", "no:cacheprovider"]
    result = subprocess.run(
        [*command, "test_example.py"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 1
    # Workflow commands work from either stream; the plugin writes to stderr.
    assert "::error file=test_example.py,line=3::test_fails%0A" in result.stderr


def _deploy_steps() -> list[dict]:
    return _load(ROOT / ".github" / "workflows" / "deploy.yml")["jobs"]["build"]["steps"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_python_setup_keeps_the_downloaded_wheels(path: Path) -> None:
    setups = [s for _, s in _steps(path) if s.get("uses", "").startswith("actions/setup-python@")]
    assert setups
    assert [s["with"].get("cache") for s in setups] == ["pip"] * len(setups)


def test_the_deploy_builds_with_the_page_cache_it_restores() -> None:
    steps = _deploy_steps()
    (cache,) = [s for s in steps if s.get("uses", "").startswith("actions/cache@")]
    (build,) = [s for s in steps if s.get("run", "").startswith("explainer build")]
    assert steps.index(cache) < steps.index(build)
    folder = cache["with"]["path"]
    assert build["run"] == f"explainer build --cache {folder}"
    # A new entry every run (an entry never changes once saved), the newest one restored.
    assert cache["with"]["key"].endswith("-${{ github.run_id }}")
    assert cache["with"]["key"].startswith(cache["with"]["restore-keys"])


def test_the_browser_download_is_kept_per_playwright_version() -> None:
    steps = _job("tests")["steps"]
    (cache,) = [s for s in steps if s.get("uses", "").startswith("actions/cache@")]
    (install,) = [s for s in steps if "playwright install" in s.get("run", "")]
    assert steps.index(cache) < steps.index(install)
    assert cache["with"]["path"] == "~/.cache/ms-playwright"
    assert "steps.playwright.outputs.version" in cache["with"]["key"]
