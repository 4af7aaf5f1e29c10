"""Which tests a run holds: the ``browser``, ``build`` and ``bounds`` tiers, Hypothesis profiles.

``nox -s tests`` runs everything. ``nox -s fast`` runs ``-p no:playwright -m "not browser and
not build and not bounds" --hypothesis-profile fast``: without pytest-playwright, modules
marked ``browser`` as a whole are not even imported (so Playwright is not), and the run says
so in its header. A test is marked ``build`` when it asks for a built site, by fixture or by
parameter; tests that build in a subprocess carry the mark themselves, as tests of inputs at
the size limits carry ``bounds``. Property tests that set their own example count write it as
``examples(N)``, so that the fast profile caps it too.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import settings

# The session fixtures of conftest.py that build a site with ``explainer build``; a test
# asking for one through another fixture (``site_url``, ``base_url``) has it in its closure.
BUILD_FIXTURES = frozenset({"sample_site", "seed_site"})
BROWSER_MARK = "pytest.mark.browser"

# "ci" keeps every count and prints how to replay a failure from the log; "fast" caps every
# property test's count, its own included (see ``examples``), for the loop while working.
settings.register_profile("ci", print_blob=True)
settings.register_profile("fast", max_examples=10)


def examples(full: int) -> int:
    """A property test's example count: ``full``, capped under the "fast" profile only."""
    if settings.get_current_profile_name() == "fast":
        return min(full, settings.get_profile("fast").max_examples)
    return full


def browser_run(config: pytest.Config) -> bool:
    """Whether pytest-playwright is loaded: browser tests can run (``-p no:playwright`` off)."""
    return config.pluginmanager.has_plugin("playwright")


def pytest_configure(config: pytest.Config) -> None:
    """Register the browser fixtures where Playwright is loaded anyway; elsewhere insist that
    the run deselects browser tests, so that none is ever left out unasked (a CI without
    pytest-playwright fails here)."""
    if browser_run(config):
        config.pluginmanager.import_plugin("browser_fixtures")
    elif "not browser" not in (config.option.markexpr or ""):
        raise pytest.UsageError(
            "pytest-playwright is not loaded (not installed, or -p no:playwright), so browser "
            'tests cannot run: install `.[test]`, or deselect them with -m "not browser".'
        )


def pytest_report_header(config: pytest.Config) -> str | None:
    """Say so when browser modules are left out: a tier, never a silent skip."""
    if browser_run(config):
        return None
    return "browser tests: not collected (pytest-playwright is disabled: -p no:playwright)"


def marks_module_browser(path: Path) -> bool:
    """Whether the module at ``path`` says ``pytestmark = pytest.mark.browser`` (or a list
    holding it), read from its source without importing it."""
    for node in ast.parse(path.read_bytes(), filename=str(path)).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "pytestmark" for target in node.targets
        ):
            value = node.value
            marks = value.elts if isinstance(value, ast.List | ast.Tuple) else [value]
            return any(ast.unparse(mark) == BROWSER_MARK for mark in marks)
    return False


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Without pytest-playwright, skip importing modules that are browser tests as a whole."""
    if collection_path.suffix != ".py" or not collection_path.name.startswith("test_"):
        return None
    if browser_run(config) or not marks_module_browser(collection_path):
        return None
    return True


def builds_a_site(item: pytest.Item) -> bool:
    """Whether ``item`` asks for a built site: as a fixture, or as a parameter naming one
    that the test looks up with ``request.getfixturevalue``."""
    if BUILD_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    params = getattr(getattr(item, "callspec", None), "params", {})
    return any(isinstance(value, str) and value in BUILD_FIXTURES for value in params.values())


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark ``build`` every test that asks for a built site, so new ones need no marking."""
    for item in items:
        if builds_a_site(item):
            item.add_marker(pytest.mark.build)


def _imports_playwright(module: ModuleType) -> bool:
    names = vars(module).values()
    return any(
        getattr(value, "__module__", "").startswith("playwright")
        or getattr(value, "__name__", "").startswith("playwright")
        for value in names
    )


def pytest_collection_finish(session: pytest.Session) -> None:
    """Keep the fast tier free of Playwright: a module that imports it must be a browser one."""
    if browser_run(session.config) or "playwright" not in sys.modules:
        return
    modules = {item.module for item in session.items if isinstance(item, pytest.Function)}
    culprits = sorted(m.__name__ for m in modules if _imports_playwright(m))
    raise pytest.UsageError(
        "Playwright was imported in a run without browser tests, by "
        + (", ".join(culprits) or "a module imported by a test module")
        + ": mark the module `pytestmark = pytest.mark.browser`, or move its browser tests "
        "to a module that is."
    )
