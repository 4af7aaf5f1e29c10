"""An image file under the content folder, read safely and verified with Pillow.

The file is reached one path component at a time, none of which may be a symbolic link
(a link could lead anywhere on the machine, and GitHub shows no link's target). The bytes
decide the format, not the name. Pixel dimensions are read from the header and checked
before anything is decoded, so a decompression bomb is refused unopened; Pillow's own
bomb check (its warning, made an error here) is the second line. Nothing here changes
Pillow's module-wide settings.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from generator.content.image_paths import RASTER_SUFFIXES, SVG_REFUSED, RefusedPath

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_SIDE = 8000
MAX_IMAGE_PIXELS = 24_000_000
# Pillow's names for the formats published, and the suffix each is published under.
PUBLISHED_SUFFIX = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp", "GIF": "gif", "AVIF": "avif"}
_LABEL = {"PNG": "PNG", "JPEG": "JPEG", "WEBP": "WebP", "GIF": "GIF", "AVIF": "AVIF"}
_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0)
_SVG = re.compile(rb"\s*(?:<\?xml|<svg[\s>/]|<!doctype svg)", re.IGNORECASE)


@dataclass(frozen=True)
class Picture:
    """A verified image: where it is below the content folder, what it is, its digest."""

    source: str
    format: str
    width: int
    height: int
    digest: str

    @property
    def published(self) -> str:
        """Its path in the site: content-hashed, so a changed image gets a new address."""
        stem = re.sub(r"[^a-z0-9]+", "-", Path(self.source).stem.lower()).strip("-")
        return f"images/{stem or 'image'}.{self.digest[:12]}.{PUBLISHED_SUFFIX[self.format]}"


def _listing(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def _walk(root: Path, relative: str) -> Path:
    """``root / relative``, refusing a symbolic link at any step and a missing file.

    Names must match exactly, letter case included, even where the file system ignores
    case: GitHub's preview and the published site tell ``Map.png`` from ``map.png``.
    """
    shown = f"{root.as_posix()}/{relative}"
    path = root
    for part in relative.split("/"):
        folder, path = path, path / part
        try:
            mode = os.lstat(path).st_mode
        except FileNotFoundError:
            mode = None
        except OSError as err:
            raise RefusedPath(f"cannot read {shown}: {err.strerror or err}") from None
        names = _listing(folder)
        if mode is None or part not in names:
            near = [n for n in names if n.lower() == part.lower() and n != part]
            hint = f" (there is {near[0]!r}: names are case-sensitive)" if near else ""
            raise RefusedPath(f"image not found: {shown}{hint}")
        if stat.S_ISLNK(mode):
            raise RefusedPath(
                f"{shown}: {path.relative_to(root).as_posix()} is a symbolic link, "
                "which is not followed; put the file itself under the content folder"
            )
    if not stat.S_ISREG(mode):
        raise RefusedPath(f"{shown} is not a regular file")
    return path


def read_image_bytes(root: Path, relative: str) -> bytes:
    """The bytes of the image at ``relative`` below ``root``, at most the size limit.

    Raises :class:`RefusedPath` for a link, a missing or special file, an I/O error or a
    file over :data:`MAX_IMAGE_BYTES`.
    """
    path = _walk(root, relative)
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as err:
        raise RefusedPath(f"cannot read {relative}: {err.strerror or err}") from None
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise RefusedPath(f"{relative} is not a regular file")
        data = handle.read(MAX_IMAGE_BYTES + 1)
    if len(data) > MAX_IMAGE_BYTES:
        size = max(info.st_size, len(data)) / 1024 / 1024
        limit = MAX_IMAGE_BYTES // 1024 // 1024
        raise RefusedPath(f"{relative} is {size:.1f} MB; an image may be at most {limit} MB")
    return data


def _dimensions_problem(width: int, height: int) -> str | None:
    if width < 1 or height < 1:
        return f"{width}×{height} pixels is not a picture"
    if max(width, height) > MAX_IMAGE_SIDE or width * height > MAX_IMAGE_PIXELS:
        return (
            f"{width}×{height} pixels is too large: at most {MAX_IMAGE_SIDE} pixels a side "
            f"and {MAX_IMAGE_PIXELS // 1_000_000} million pixels; scale it down"
        )
    return None


def _decode(data: bytes) -> None:
    """Decode the first frame, so that a truncated or corrupt file is refused here rather
    than shown broken. Only ever called on a size already checked; a JPEG is decoded at an
    eighth of its size (its whole stream is read all the same)."""
    with Image.open(io.BytesIO(data), formats=list(PUBLISHED_SUFFIX)) as image:
        if image.format == "JPEG":
            image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
        image.load()


def identify(data: bytes, relative: str) -> tuple[str, int, int]:
    """Pillow's format name and the pixel size of ``data``, verified, never decoded.

    Raises :class:`RefusedPath` for a file Pillow cannot read as one of the published
    formats, one too large, or one whose name says another format than its bytes.
    """
    if _SVG.match(data[:256]):
        raise RefusedPath(f"{relative}: {SVG_REFUSED}")
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=list(PUBLISHED_SUFFIX)) as image:
                kind, (width, height) = str(image.format), image.size
                problem = _dimensions_problem(width, height)
                if problem:
                    raise RefusedPath(f"{relative}: {problem}")
                image.verify()
            _decode(data)
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise RefusedPath(
                f"{relative}: too many pixels to open safely (at most "
                f"{MAX_IMAGE_PIXELS // 1_000_000} million); scale it down"
            ) from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
            raise RefusedPath(
                f"{relative} cannot be read as a PNG, JPEG, WebP, GIF or AVIF image"
            ) from None
    named = RASTER_SUFFIXES[os.path.splitext(relative)[1].lower()]
    if named != kind:
        raise RefusedPath(
            f"{relative} is named as {_LABEL[named]} but is a {_LABEL[kind]} image; "
            f"rename it to .{PUBLISHED_SUFFIX[kind]}"
        )
    return kind, width, height


def verified_picture(root: Path, relative: str) -> Picture:
    """The image at ``relative`` below ``root``, read and verified (see :func:`identify`)."""
    data = read_image_bytes(root, relative)
    kind, width, height = identify(data, relative)
    return Picture(relative, kind, width, height, hashlib.sha256(data).hexdigest())
