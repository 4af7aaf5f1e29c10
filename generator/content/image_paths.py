"""Where an image reference in a body points, checked before any file is opened.

An article names an image by a path relative to its own file, as GitHub's preview of a
pull request resolves it: ``![Map](../images/crossing.png)`` in ``content/articles/x.md``
is ``content/images/crossing.png``. Anything that is not such a path inside the content
folder is refused here, with the reason a contributor can act on.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from urllib.parse import unquote

# A scheme as URLs start with one (``https:``, ``data:``, ``file:``), or ``//host``.
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
RASTER_SUFFIXES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}
RASTER_SUFFIXES |= {".gif": "GIF", ".avif": "AVIF"}
SVG_REFUSED = (
    "SVG images are refused: an SVG file can carry scripts, styles and links to other "
    "sites; export the drawing as PNG or WebP"
)


class RefusedPath(Exception):
    """An image reference that cannot be published, with the reason."""


def _hard_to_read(text: str) -> bool:
    """Control or format characters, which a reviewer would not see in the path."""
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in text)


def _refuse_remote(src: str) -> None:
    if src.lower().startswith("data:"):
        raise RefusedPath("data: URLs are refused: put the image file under content/")
    scheme = _SCHEME.match(src)
    if scheme and scheme.group().lower() not in ("http:", "https:"):
        raise RefusedPath(
            f"{scheme.group().lower()} URLs are refused: an image is a file under content/, "
            "named by a path relative to the article"
        )
    if scheme or src.startswith("//"):
        raise RefusedPath(
            "remote images are refused (readers' privacy, and the site must build "
            "offline): save the file under content/images/ and refer to it by a relative path"
        )


def content_path(src: str, folder: str) -> str:
    """The image's path below the content folder, for ``src`` written in ``folder``.

    ``folder`` is the referring file's folder below the content folder (``articles``).
    Raises :class:`RefusedPath` for a remote, absolute, escaping or unreadable path, an
    SVG file, or a name that is not an image's.
    """
    if not src.strip():
        raise RefusedPath("the image has no path")
    _refuse_remote(src)
    path = unquote(src)
    if _hard_to_read(path) or "\\" in path:
        raise RefusedPath(
            "the image path holds a backslash or an invisible character; "
            "use plain names and forward slashes"
        )
    if "?" in src or "#" in src:
        raise RefusedPath("the image path has a query or fragment (? or #); name the file only")
    if path.startswith("/"):
        raise RefusedPath(
            "absolute image paths are refused: write the path relative to the article "
            "file, e.g. ../images/name.png"
        )
    joined = posixpath.normpath(posixpath.join(folder, path))
    if joined == ".." or joined.startswith("../"):
        raise RefusedPath("the image path leads outside the content folder")
    parts = joined.split("/")
    if any(part.startswith(".") for part in parts):
        raise RefusedPath("hidden files and folders (names starting with a dot) are not published")
    suffix = posixpath.splitext(joined)[1].lower()
    if suffix == ".svg":
        raise RefusedPath(SVG_REFUSED)
    if suffix not in RASTER_SUFFIXES:
        raise RefusedPath(
            f"{posixpath.basename(joined)!r} is not named as an image: "
            "use .png, .jpg, .webp, .gif or .avif"
        )
    return joined
