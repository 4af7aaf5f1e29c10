"""Images in bodies: what ``check`` refuses (at the line and column), what a page shows.

Each row writes a small archive to ``tmp_path``: one article whose body names an image,
and the files under ``content/`` the row needs. Image files are made with Pillow, except
the ones whose bytes are the point (a bomb's header, a truncated file, an SVG).
"""

from __future__ import annotations

import io
import os
import posixpath
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from tiers import examples

from generator.content.image_files import MAX_IMAGE_BYTES
from generator.content.image_paths import RASTER_SUFFIXES, RefusedPath, content_path
from generator.output.write import write_pages
from generator.site.build import generate
from generator.site.check import check_content
from generator.site.run_cache import RunCache

HEAD = "---\ntitle: Pictures\ndate: 2024-05-01\n---\n\n"
BODY_LINE = HEAD.count("\n") + 1  # the file line of the body's first line


def picture(fmt: str = "PNG", size: tuple[int, int] = (40, 30)) -> bytes:
    """A small image of ``fmt``, drawn by Pillow."""
    out = io.BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(out, format=fmt)
    return out.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares ``width``×``height`` pixels and holds one scan line: a bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 16)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


@dataclass(frozen=True)
class Link:
    """A symbolic link to make, to ``target`` (relative to the link's folder)."""

    target: str
    folder: bool = False


@dataclass(frozen=True)
class Case:
    id: str
    body: str
    files: dict[str, bytes | Link] = field(default_factory=dict)
    needle: str = ""
    line: int = 1  # body line
    column: int | None = 1


def make_content(base: Path, body: str, files: dict[str, bytes | Link]) -> Path:
    """An archive with one article holding ``body``, and ``files`` below the content folder."""
    content = base / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "pictures.md").write_text(HEAD + body, encoding="utf-8")
    (base / "outside").mkdir()
    (base / "outside" / "away.png").write_bytes(picture())
    for relative, data in files.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, Link):
            path.symlink_to(data.target, target_is_directory=data.folder)
        else:
            path.write_bytes(data)
    return content


GOOD = {"images/red.png": picture()}
REFUSED = [
    Case("no-alt", "![](../images/red.png)\n", GOOD, "alt text is required"),
    Case("blank-alt", "Text\n\n![  ](../images/red.png)\n", GOOD, "alt text is required", 3),
    Case("https", "![Red](https://example.org/red.png)\n", {}, "remote images are refused"),
    Case("http-upper", "![Red](HTTP://example.org/red.png)\n", {}, "remote images are refused"),
    Case("protocol-relative", "![Red](//example.org/red.png)\n", {}, "remote images"),
    Case("data", "![Red](data:image/png;base64,iVBORw0KGgo=)\n", {}, "data: URLs are refused"),
    Case("javascript", "![Red](javascript:alert(1))\n", {}, "javascript: URLs are refused"),
    Case("file-scheme", "![Red](file:///etc/passwd.png)\n", {}, "file: URLs are refused"),
    Case(
        "reference-remote",
        "![Red][r]\n\n[r]: https://example.org/red.png\n",
        {},
        "remote images are refused",
    ),
    Case("absolute", "![Red](/images/red.png)\n", GOOD, "absolute image paths are refused"),
    Case("escapes", "![Red](../../outside/away.png)\n", {}, "leads outside the content folder"),
    Case("escapes-encoded", "![Red](..%2F..%2Foutside/away.png)\n", {}, "leads outside"),
    Case("backslash", "![Red](..\\images\\red.png)\n", GOOD, "backslash"),
    Case("control", "![Red](../images/red%0A.png)\n", GOOD, "invisible character"),
    Case("bidi", "![Red](../images/re%E2%80%AEd.png)\n", GOOD, "invisible character"),
    Case("query", "![Red](../images/red.png?v=2)\n", GOOD, "query or fragment"),
    Case("hidden", "![Red](../images/.red.png)\n", {"images/.red.png": picture()}, "hidden"),
    Case("svg-name", "![Red](../images/red.svg)\n", {"images/red.svg": b"<svg/>"}, "SVG"),
    Case(
        "svg-bytes",
        "![Red](../images/red.png)\n",
        {"images/red.png": b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'},
        "SVG images are refused",
    ),
    Case("not-image-name", "![Red](../images/red.txt)\n", {}, "not named as an image"),
    Case("missing", "![Red](../images/none.png)\n", {}, "image not found"),
    Case(
        "letter-case",
        "![Red](../Images/Red.png)\n",
        GOOD,
        "Images/Red.png (there is 'images': names are case-sensitive)",
    ),
    Case(
        "jpeg-named-png",
        "![Red](../images/red.png)\n",
        {"images/red.png": picture("JPEG")},
        "is named as PNG but is a JPEG image; rename it to .jpg",
    ),
    Case(
        "bmp",
        "![Red](../images/red.png)\n",
        {"images/red.png": picture("BMP")},
        "cannot be read as a PNG, JPEG, WebP, GIF or AVIF",
    ),
    Case(
        "truncated",
        "![Red](../images/red.png)\n",
        {"images/red.png": picture()[:40]},
        "cannot be read",
    ),
    Case(
        "truncated-jpeg",
        "![Red](../images/red.jpg)\n",
        {"images/red.jpg": picture("JPEG", (64, 64))[:-200]},
        "cannot be read",
    ),
    Case(
        "svg-bytes-newline",
        "![Red](../images/red.png)\n",
        {"images/red.png": b"\n<svg\nonload='x'/>"},
        "SVG images are refused",
    ),
    Case(
        "too-many-bytes",
        "![Red](../images/red.png)\n",
        {"images/red.png": picture() + b"\0" * MAX_IMAGE_BYTES},
        "an image may be at most 5 MB",
    ),
    Case(
        "too-wide",
        "![Red](../images/red.png)\n",
        {"images/red.png": png_header(9000, 2)},
        "9000×2 pixels is too large",
    ),
    Case(
        "too-many-pixels",
        "![Red](../images/red.png)\n",
        {"images/red.png": png_header(6000, 6000)},
        "6000×6000 pixels is too large",
    ),
    Case(
        "bomb",
        "![Red](../images/red.png)\n",
        {"images/red.png": png_header(60000, 60000)},
        "too many pixels to open safely",
    ),
    Case(
        "symlink-file",
        "![Red](../images/red.png)\n",
        {"images/red.png": Link("../../outside/away.png")},
        "images/red.png is a symbolic link",
    ),
    Case(
        "symlink-inside",
        "![Red](../images/red.png)\n",
        {"images/real.png": picture(), "images/red.png": Link("real.png")},
        "is a symbolic link, which is not followed",
    ),
    Case(
        "symlink-folder",
        "![Red](../pics/away.png)\n",
        {"pics": Link("../outside", folder=True)},
        "pics/away.png: pics is a symbolic link",
    ),
    Case("in-heading", "## A ![Red](../images/red.png)\n", GOOD, "in a heading", 1, 6),
    Case(
        "later-line",
        "First line\nsecond ![Red](../images/none.png) and ![Blue](../images/no.png)\n",
        {},
        "images/no.png",
        2,
        39,
    ),
    Case("in-table", "| a | b |\n|---|---|\n| x | ![](../images/red.png) |\n", GOOD, "alt", 3, 7),
    Case("in-list", "- one\n- ![Red](https://e.org/x.png)\n", {}, "remote", 2, 3),
    Case("raw-img", 'Text <img src="../images/red.png" alt="r">\n', GOOD, "raw <img>", 1, None),
]


@pytest.mark.parametrize("case", REFUSED, ids=lambda case: case.id)
def test_check_refuses_the_image_at_its_line_and_column(tmp_path: Path, case: Case) -> None:
    content = make_content(tmp_path, case.body, case.files)
    problems = [p for p in check_content(content) if p.severity == "error"]
    found = [p for p in problems if case.needle in p.message]
    listing = "\n".join(p.format() for p in problems)
    assert found, listing
    (problem,) = found
    assert problem.path == f"{content}/articles/pictures.md"
    assert problem.field == "body"
    assert (problem.line, problem.column) == (BODY_LINE + case.line - 1, case.column), listing
    assert not generate(content).pages


def test_every_refusal_of_one_article_is_reported_at_once(tmp_path: Path) -> None:
    body = "".join(f"Para {c.id}: {c.body.strip()}\n\n" for c in REFUSED if "\n" not in c.body[:-1])
    files: dict[str, bytes | Link] = {"images/red.png": picture()}
    problems = check_content(make_content(tmp_path, body, files))
    images = [p for p in problems if p.severity == "error"]
    # "no-alt", "https" … each paragraph (one per line pair) gives its own problem.
    assert len({p.line for p in images}) >= 15, "\n".join(p.format() for p in images)


FORMATS = [("PNG", "png", "png"), ("JPEG", "jpg", "jpg"), ("JPEG", "jpeg", "jpg")]
FORMATS += [("WEBP", "webp", "webp"), ("GIF", "gif", "gif"), ("AVIF", "avif", "avif")]


@pytest.mark.parametrize(("fmt", "suffix", "published"), FORMATS)
def test_each_raster_format_is_published_with_its_size(
    tmp_path: Path, fmt: str, suffix: str, published: str
) -> None:
    body = f"Before ![A red box](../images/Red%20Box.{suffix}) after.\n"
    content = make_content(tmp_path, body, {f"images/Red Box.{suffix}": picture(fmt, (64, 48))})
    generation = generate(content)
    assert not generation.errors, [p.format() for p in generation.errors]
    (image,) = generation.images
    assert image.path.startswith("images/red-box.") and image.path.endswith(f".{published}")
    page = {p.path: p.text for p in generation.pages}["articles/pictures.md"]
    img = BeautifulSoup(page, "html.parser").select_one(".ea-prose p img")
    assert img is not None and img.attrs == {
        "src": f"../../{image.path}",
        "alt": "A red box",
        "width": "64",
        "height": "48",
        "loading": "lazy",
        "decoding": "async",
    }


RENDERED = [
    # (body, selector of the image's parent, caption or None)
    ('![Red box](../images/red.png "A caption")\n', "figure", "A caption"),
    (
        '![Red box](../images/red.png "A <b>caption</b> & more")\n',
        "figure",
        "A <b>caption</b> & more",
    ),
    ("![Red box](../images/red.png)\n", "p", None),
    ('Text ![Red box](../images/red.png "Tooltip only") text.\n', "p", None),
    ('- ![Red box](../images/red.png "In a tight list")\n', "li", None),
    ("[![Red box](../images/red.png)](https://example.org)\n", "a", None),
]


@pytest.mark.parametrize(("body", "parent", "caption"), RENDERED)
def test_a_titled_image_alone_in_its_paragraph_is_a_figure(
    tmp_path: Path, body: str, parent: str, caption: str | None
) -> None:
    generation = generate(make_content(tmp_path, body, GOOD))
    page = {p.path: p.text for p in generation.pages}["articles/pictures.md"]
    prose = BeautifulSoup(page, "html.parser").select_one(".ea-prose")
    (img,) = prose.select("img")
    assert img.parent.name == parent
    assert img.attrs.keys() == {"src", "alt", "width", "height", "loading", "decoding"}
    figcaption = prose.select_one("figcaption")
    assert (figcaption.get_text() if figcaption else None) == caption
    if caption:
        assert not figcaption.find("b"), "a caption is text, never markup"


def test_alt_text_is_plain_text_and_cannot_break_out(tmp_path: Path) -> None:
    body = '![A *red* "box" <script>x</script> `code`](../images/red.png)\n'
    generation = generate(make_content(tmp_path, body, GOOD))
    page = {p.path: p.text for p in generation.pages}["articles/pictures.md"]
    prose = BeautifulSoup(page, "html.parser").select_one(".ea-prose")
    (img,) = prose.select("img")
    # Raw tags in the description are not read (the element is dropped, its text kept).
    assert img["alt"] == 'A red "box" x code'
    assert not prose.select("script")


def test_a_contributors_marker_lookalike_stays_text(tmp_path: Path) -> None:
    from generator.body import images

    marker = images._MARKER.replace(images._MARKER[7:31], "0" * 24)
    body = f"![Red](../images/red.png) {marker}0x eaimage0n0x\n"
    generation = generate(make_content(tmp_path, body, GOOD))
    page = {p.path: p.text for p in generation.pages}["articles/pictures.md"]
    prose = BeautifulSoup(page, "html.parser").select_one(".ea-prose")
    assert len(prose.select("img")) == 1 and f"{marker}0x" in prose.get_text()


def test_only_referenced_images_are_copied_and_unchanged_ones_not_rewritten(
    tmp_path: Path,
) -> None:
    files = {"images/red.png": picture(), "images/unused.png": picture("PNG", (5, 5))}
    body = "![Red](../images/red.png)\n\nAgain ![Red](../images/red.png).\n"
    content = make_content(tmp_path, body, files)
    generation = generate(content)
    (image,) = generation.images
    docs = tmp_path / "docs"
    first = write_pages(generation.pages, docs, images=generation.images)
    assert image.path in first.written
    published = sorted(p.relative_to(docs).as_posix() for p in (docs / "images").iterdir())
    assert published == [image.path]
    assert (docs / image.path).read_bytes() == files["images/red.png"]
    again = write_pages(generation.pages, docs, images=generation.images)
    assert again.written == ()
    without = write_pages(generation.pages, docs)
    assert image.path in without.removed and not (docs / "images").exists()


def test_an_image_swapped_after_the_check_is_not_published(tmp_path: Path) -> None:
    content = make_content(tmp_path, "![Red](../images/red.png)\n", GOOD)
    generation = generate(content)
    (content / "images" / "red.png").write_bytes(picture("PNG", (41, 30)))
    with pytest.raises(OSError, match="changed since it was checked"):
        write_pages(generation.pages, tmp_path / "docs", images=generation.images)
    (content / "images" / "red.png").unlink()
    (content / "images" / "red.png").symlink_to(tmp_path / "outside" / "away.png")
    with pytest.raises(OSError, match="symbolic link"):
        write_pages(generation.pages, tmp_path / "docs", images=generation.images)


def test_a_long_lived_process_sees_an_image_change(tmp_path: Path) -> None:
    content = make_content(tmp_path, "![Red](../images/red.png)\n", GOOD)
    cache = RunCache()
    first = generate(content, cache=cache)
    (content / "images" / "red.png").write_bytes(picture("PNG", (80, 60)))
    second = generate(content, cache=cache)
    page = {p.path: p.text for p in second.pages}["articles/pictures.md"]
    assert first.images != second.images and 'width="80" height="60"' in page
    os.unlink(content / "images" / "red.png")
    third = generate(content, cache=cache)
    assert any("image not found" in p.message for p in third.errors)


PATH_PIECES = st.sampled_from(
    ["..", ".", "images", "a.png", "b.JPG", ".hid", "x.svg", "%2e%2e", "%2F", "/", "\\", "%00"]
)


@settings(deadline=None, max_examples=examples(300))
@given(st.lists(PATH_PIECES, max_size=8).map("/".join), st.sampled_from(["articles", "actors"]))
def test_an_accepted_image_path_always_stays_inside_the_content_folder(
    src: str, folder: str
) -> None:
    try:
        relative = content_path(src, folder)
    except RefusedPath as err:
        assert str(err)
        return
    parts = relative.split("/")
    assert relative == posixpath.normpath(relative) and not relative.startswith("/")
    assert ".." not in parts and not any(part.startswith(".") for part in parts)
    assert "\\" not in relative and "\x00" not in relative
    assert posixpath.splitext(relative)[1].lower() in RASTER_SUFFIXES


def test_a_glossary_description_shows_an_image_from_its_own_folder(tmp_path: Path) -> None:
    actor = (
        "---\nname: Zorblax\nkind: person\naliases: [Zorblax]\nsummary: A person.\n---\n\n"
        '![Portrait of Zorblax](../images/red.png "Zorblax in 2024")\n\n'
        "![Broken](images/red.png)\n"
    )
    files: dict[str, bytes | Link] = {**GOOD, "actors/zorblax.md": actor.encode()}
    content = make_content(tmp_path, "Zorblax spoke.\n", files)
    problems = [p for p in check_content(content) if p.severity == "error"]
    # Relative to the entry's own folder: images/red.png is content/actors/images/red.png.
    assert [(p.path.rsplit("/", 2)[-2:], p.line) for p in problems] == [
        (["actors", "zorblax.md"], 10)
    ]
    (content / "actors" / "zorblax.md").write_text(actor.rsplit("\n\n", 1)[0] + "\n")
    generation = generate(content)
    page = {p.path: p.text for p in generation.pages}["actors/zorblax.md"]
    figure = BeautifulSoup(page, "html.parser").select_one(".ea-prose figure")
    assert figure is not None and figure.img["src"] == f"../../{generation.images[0].path}"
    assert figure.figcaption.get_text() == "Zorblax in 2024"
