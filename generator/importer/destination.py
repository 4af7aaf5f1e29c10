"""Where an imported article may be written, and writing it so no reader sees half a file.

``explainer check`` refuses an article reached through a symbolic link that leads out of
the content folder, so a link planted inside ``content/`` (``content/articles`` pointing
at ``/etc`` or at another checkout) would make the importer write where the archive never
reads, or somewhere it must not write at all. An output folder inside the content folder
must therefore resolve inside it; one the user names outside the content folder is the
user's own choice. An existing article file that is a link is never written through or
replaced.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from generator.content.read import read_archive
from generator.importer.model import ImportFailure


def _lexically_inside(path: Path, folder: Path) -> bool:
    """True when ``path`` as written (``..`` folded, links not followed) is in ``folder``."""
    absolute = Path(os.path.normpath(path.absolute()))
    return absolute.is_relative_to(Path(os.path.normpath(folder.absolute())))


def check_output_dir(output_dir: Path, content: Path | None) -> None:
    """Raise :class:`ImportFailure` when ``output_dir`` leads out of ``content`` by a link.

    ``content`` None means no content folder applies (the output folder is the caller's).
    """
    if content is None or not _lexically_inside(output_dir, content):
        return
    try:
        inside = output_dir.resolve().is_relative_to(content.resolve())
    except (OSError, RuntimeError):  # a link loop
        inside = False
    if not inside:
        raise ImportFailure(
            f"{output_dir}: leads outside the content folder {content} through a symbolic "
            "link, where `explainer check` would not read articles; nothing was written "
            "(replace the link with a folder, or name a folder with --output-dir)"
        )


def check_target(target: Path) -> None:
    """Raise :class:`ImportFailure` when the article file ``target`` is a symbolic link."""
    if target.is_symlink():
        raise ImportFailure(
            f"{target}: is a symbolic link; the importer does not write through links "
            "(remove it, or name another folder with --output-dir)"
        )


def write_new(target: Path, text: str, *, force: bool) -> bool:
    """Write ``text`` to ``target`` via a temporary file in the same folder, then rename.

    Returns True when an existing file was replaced. Raises FileExistsError when the file
    exists and ``force`` is not set; a reader never sees a half-written file.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    # A fresh name opened with "x" gets the usual permissions (mkstemp's are owner-only);
    # "x" also refuses a link planted under that name.
    temporary = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
    try:
        with temporary.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        existed = target.exists()
        if existed and not force:
            raise FileExistsError(target)
        if force:
            os.replace(temporary, target)
        else:
            # link() refuses to replace a file that appeared since the check above.
            os.link(temporary, target)
            os.unlink(temporary)
        return existed
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


@dataclass(frozen=True)
class Destination:
    """Where articles go, and the slugs the archive's articles already have."""

    output_dir: Path
    taken: dict[str, Path]
    force: bool
    slug: str | None = None


def taken_slugs(content: Path | None) -> dict[str, Path]:
    """Each slug of the content folder's readable articles, with its file."""
    if content is None or not (content / "articles").is_dir():
        return {}
    return {article.slug: Path(article.path) for article in read_archive(content).articles}


def refuse_taken(path: Path, slug: str, target: Path, where: Destination) -> None:
    """Raise :class:`ImportFailure` when another article already has ``slug``.

    Writing it anyway would give the archive two articles with one URL, which ``check``
    then refuses; overwriting the same file takes ``--force``.
    """
    owner = where.taken.get(slug)
    if owner is None or (where.force and _same_file(owner, target)):
        return
    if _same_file(owner, target):
        raise ImportFailure(f"{path}: {target} already exists; use --force to overwrite it")
    raise ImportFailure(
        f"{path}: the slug {slug!r} is already used by {owner}; "
        "choose another with --slug, or leave that article as it is"
    )


def _same_file(one: Path, other: Path) -> bool:
    return one.resolve() == other.resolve()
