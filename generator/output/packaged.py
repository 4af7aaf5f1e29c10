"""Files the package ships besides its code: the site's theme.

The theme's source is the repository's top-level ``theme/`` folder; the wheel carries a
copy at ``generator/theme/`` (see ``[tool.setuptools]`` in ``pyproject.toml``). From a
checkout, the folder beside the package is used.
"""

from __future__ import annotations

from pathlib import Path

# This module sits in generator/output/; the theme is found beside the package, generator/.
_PACKAGE = Path(__file__).resolve().parents[1]


def _theme_dir() -> Path:
    for folder in (_PACKAGE / "theme", _PACKAGE.parent / "theme"):
        if (folder / "main.html").is_file():
            return folder
    return _PACKAGE / "theme"


# Material's templates overridden and the site's own stylesheets and scripts.
THEME_DIR = _theme_dir()
