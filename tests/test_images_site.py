"""The image article of the seed site as built by ``explainer build`` (MkDocs included).

The page's ``img`` must resolve, from the page's own address (``/articles/<slug>/``, MkDocs'
directory URLs), to a published file holding the very bytes of the image in ``content/``;
the site holds no image that no page shows.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

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
