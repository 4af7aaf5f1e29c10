"""Which modules the fast tier leaves unimported: read from their source, never imported."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tiers import marks_module_browser

SOURCES = [
    ("import pytest\npytestmark = pytest.mark.browser\n", True),
    ("import pytest\npytestmark = [pytest.mark.browser, pytest.mark.build]\n", True),
    ("import pytest\npytestmark = (pytest.mark.build, pytest.mark.browser)\n", True),
    ("import pytest\npytestmark = pytest.mark.build\n", False),
    # Marked test by test: the module is imported, and its unmarked tests run.
    ("import pytest\n@pytest.mark.browser\ndef test_x():\n    pass\n", False),
    ("def test_x():\n    pytestmark = 'pytest.mark.browser'\n", False),
    ("import pytest\n", False),
]


@pytest.mark.parametrize(("source", "browser"), SOURCES)
def test_a_module_is_browser_only_when_its_pytestmark_says_so(
    tmp_path: Path, source: str, browser: bool
) -> None:
    module = tmp_path / "test_m.py"
    module.write_text(source, encoding="utf-8")
    assert marks_module_browser(module) is browser


IMPORTS_PLAYWRIGHT = re.compile(r"^(from|import) playwright\b", re.M)


def test_every_module_that_imports_playwright_is_a_browser_module() -> None:
    tests = Path(__file__).parent
    importing = [
        path
        for path in sorted(tests.glob("test_*.py"))
        if IMPORTS_PLAYWRIGHT.search(path.read_text(encoding="utf-8"))
    ]
    assert len(importing) >= 8  # test_a11y.py, test_reader.py, test_search.py, ...
    assert [p.name for p in importing if not marks_module_browser(p)] == []
