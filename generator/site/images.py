"""The images of one content folder, as the bodies of one run look them up.

Each file is read and verified once per run, however many bodies show it. A page of the
site stands two levels below its root (``articles/<slug>/``, with MkDocs' directory URLs),
so a published image is addressed from there.
"""

from __future__ import annotations

import errno
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.image_files import Picture, read_image_bytes, verified_picture
from generator.content.image_paths import RefusedPath, content_path

PAGE_PREFIX = "../../"


@dataclass
class ContentImages:
    """Pictures below ``root`` (None: an archive not read from a folder publishes none)."""

    root: Path | None
    seen: dict[str, Picture | RefusedPath] = field(default_factory=dict)

    def picture(self, relative: str) -> Picture:
        """The verified picture at ``relative`` below the root; raises RefusedPath."""
        if self.root is None:
            raise RefusedPath("images are looked up in a content folder, and there is none")
        if relative not in self.seen:
            try:
                self.seen[relative] = verified_picture(self.root, relative)
            except RefusedPath as err:
                self.seen[relative] = err
        found = self.seen[relative]
        if isinstance(found, RefusedPath):
            raise found
        return found

    def folder(self, folder: str) -> FolderImages:
        """The lookup for bodies of files in ``folder`` (below the content folder)."""
        return FolderImages(self, folder)


@dataclass(frozen=True)
class FolderImages:
    """Image paths as written in the files of one folder, looked up (an ImageLookup)."""

    images: ContentImages
    folder: str
    prefix: str = PAGE_PREFIX

    def find(self, src: str) -> Picture:
        """The picture ``src`` names; raises RefusedPath with the reason it cannot be."""
        return self.images.picture(content_path(src, self.folder))


def published(bodies) -> dict[str, Picture]:
    """Every picture the rendered ``bodies`` publish, by published path."""
    return {p.published: p for body in bodies for p in body.pictures}


@dataclass(frozen=True)
class Copied:
    """An image to publish: its place in the docs folder and the verified file it copies."""

    path: str
    root: str
    source: str
    digest: str

    def data(self) -> bytes:
        """The file's bytes, read again without following links and checked against the
        digest verified earlier: a file swapped since the check is never published.

        Raises OSError naming the file when it is gone, unreadable or changed.
        """
        shown = f"{self.root}/{self.source}"
        try:
            data = read_image_bytes(Path(self.root), self.source)
        except RefusedPath as err:
            raise OSError(errno.EIO, str(err), shown) from None
        if hashlib.sha256(data).hexdigest() != self.digest:
            raise OSError(errno.EIO, "changed since it was checked; build again", shown)
        return data


def copies(root: str, bodies) -> tuple[Copied, ...]:
    """The files to copy into the docs folder for the pictures the ``bodies`` publish."""
    found = published(bodies)
    return tuple(
        Copied(path, root, picture.source, picture.digest)
        for path, picture in sorted(found.items())
    )
