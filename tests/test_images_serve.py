"""``explainer serve`` and images: a new picture is published, a changed one gets a new
address and the old one goes, as MkDocs' dirty rebuilds serve them."""

from __future__ import annotations

import io
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from PIL import Image
from serving import Server, serve_sample, wait_for

pytestmark = pytest.mark.browser  # beside the other serve tests: it runs a server

PAGE = "articles/ferry-talks-stall-over-checkpoint/"


def _png(size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (20, 90, 160)).save(out, format="PNG")
    return out.getvalue()


def _bytes(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, b""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, b""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve_sample(tmp_path_factory.mktemp("serve-images")) as running:
        yield running


def _src(server: Server) -> str:
    """The address of the article's image, from the site root ("" while it has none)."""
    _, html = server.page(PAGE)
    marker = 'src="../../images/'
    if marker not in html:
        return ""
    return "images/" + html.split(marker, 1)[1].split('"', 1)[0]


def test_an_added_then_changed_image_is_served_and_the_old_one_removed(server: Server):
    images = server.content / "images"
    images.mkdir()
    first, second = _png((30, 20)), _png((60, 20))
    (images / "harbour.png").write_bytes(first)
    article = server.content / "articles" / "ferry-talks.md"
    article.write_text(
        article.read_text(encoding="utf-8") + "\n![The harbour](../images/harbour.png)\n",
        encoding="utf-8",
    )
    wait_for(lambda: _src(server) != "", "the page shows the image", server.log)
    old = _src(server)
    wait_for(lambda: _bytes(server.url + old) == (200, first), "the image is served", server.log)
    (images / "harbour.png").write_bytes(second)
    wait_for(lambda: _src(server) not in ("", old), "the page shows the new image", server.log)
    new = _src(server)
    assert 'width="60" height="20"' in server.page(PAGE)[1]
    wait_for(lambda: _bytes(server.url + new) == (200, second), "the new one is served", server.log)
    wait_for(lambda: _bytes(server.url + old)[0] == 404, "the old one is gone", server.log)
