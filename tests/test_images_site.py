"""The image article of the seed site as built by ``explainer build`` (MkDocs included).

The page's ``img`` must resolve, from the page's own address (``/articles/<slug>/``, MkDocs'
directory URLs), to a published file holding the very bytes of the image in ``content/``;
the site holds no image that no page shows.
"""

from __future__ import annotations

import os
import posixpath
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

REPO = Path(__file__).resolve().parent.parent
SLUG = "the-january-2025-gaza-ceasefire-agreement"
SOURCE = REPO / "content" / "images" / "articles-by-month.png"


def _resolve(page_url: str, src: str) -> str:
    """Where ``src`` leads from ``page_url`` (both site paths), as a browser resolves it."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_url), src)).lstrip("/")


def test_the_published_image_is_the_contributed_file_at_the_address_the_page_uses(
    seed_site: Path,
) -> None:
    html = (seed_site / "articles" / SLUG / "index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(html, "html.parser").select_one("article")
    (figure,) = article.select(".ea-prose figure")
    img = figure.img
    target = seed_site / _resolve(f"/articles/{SLUG}/", img["src"])
    assert target.is_file() and not target.is_symlink(), img["src"]
    assert target.read_bytes() == SOURCE.read_bytes()
    with Image.open(SOURCE) as picture:
        width, height = picture.size
    assert (img["width"], img["height"]) == (str(width), str(height))
    assert (img["loading"], img["decoding"]) == ("lazy", "async")
    assert img["alt"].startswith("Bar chart of the archive's articles by month")
    assert figure.figcaption.get_text().startswith("The archive's articles by month")
    published = sorted(p.name for p in (seed_site / "images").iterdir())
    assert published == [target.name]


@pytest.mark.build
def test_a_site_without_directory_urls_is_refused_before_anything_is_built(
    tmp_path: Path,
) -> None:
    """Mentions and images are addressed from ``articles/<slug>/``: other URLs would break them."""
    config = tmp_path / "mkdocs.yml"
    (tmp_path / "docs").mkdir()
    config.write_text(
        "site_name: Test\ndocs_dir: docs\nsite_dir: site\nuse_directory_urls: false\n"
        f"plugins:\n  - explainer:\n      content: {REPO / 'content'}\n",
        encoding="utf-8",
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "needs `use_directory_urls: true`" in result.stderr + result.stdout
    assert not (tmp_path / "site").exists() and not any((tmp_path / "docs").iterdir())
