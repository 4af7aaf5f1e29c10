"""The folders a build writes and deletes in, proved to be its own before anything is touched.

A pull request controls every path in the repository: it can add a symbolic link named
``site`` (``.gitignore`` ignores folders, and a link is a file), replace ``build/docs`` with
one, or point ``site_dir`` in ``mkdocs.yml`` anywhere; a maintainer can mistype
``--site-dir``. So a build follows no link it did not make, never puts its output over the
project, its sources or its docs folder, and replaces a site folder only when that folder
is empty or carries the marker file that every build leaves in it. Paths are made absolute
without resolving links, and that same spelling is used for every later operation.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.output.terminal import printable, printable_path

# Left in every site folder a build makes: a later build may replace that folder.
SITE_MARKER = ".explainer-site"
SITE_MARKER_TEXT = "Made by explainer build; the next build replaces this folder.\n"
# A deploy checkout keeps these across rebuilds (a gh-pages worktree, GitHub Pages' switch).
KEPT_IN_SITE = (".git", ".nojekyll")


class UnsafeFolderError(Exception):
    """A folder the build would write into or delete from is not provably its own."""


def absolute(path: str | os.PathLike[str]) -> Path:
    """``path`` made absolute and normalised without following any link."""
    return Path(os.path.abspath(path))


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def link_on_path(path: Path, project: Path) -> Path | None:
    """The first symbolic link among ``path`` and its ancestors below ``project``, if any.

    ``path`` and ``project`` are absolute and unresolved. Folders above the project, and
    above a path outside it, are the maintainer's own choice and are not looked at.
    """
    below = [step for step in reversed(path.parents) if project in step.parents]
    for step in [*below, path]:
        if step.is_symlink():
            return step
    return None


def _refuse_links(path: Path, project: Path, role: str) -> None:
    link = link_on_path(path, project)
    if link is not None:
        raise UnsafeFolderError(
            f"the {role} {printable_path(path)} passes through the symbolic link "
            f"{printable_path(link)}; a build follows no link it did not make"
        )


def _refuse_overlap(path: Path, role: str, protected: dict[str, Path]) -> None:
    """Refuse a folder that is, holds or lies inside one of the ``protected`` folders."""
    real = Path(os.path.realpath(path))
    for name, folder in protected.items():
        other = Path(os.path.realpath(folder))
        if _inside(other, real):
            raise UnsafeFolderError(
                f"the {role} {printable_path(path)} is or holds the {name} "
                f"{printable_path(folder)}; building there would replace it"
            )
        if _inside(real, other) and name != "project folder":
            raise UnsafeFolderError(
                f"the {role} {printable_path(path)} lies inside the {name} {printable_path(folder)}"
            )


def _refuse_foreign_site(site: Path) -> None:
    """A site folder must be missing, empty (but for kept files) or marked as a build's."""
    if not os.path.lexists(site):
        parent = next(p for p in site.parents if os.path.lexists(p))
        if not parent.is_dir():
            raise UnsafeFolderError(
                f"the site folder {printable_path(site)} cannot be made: "
                f"{printable_path(parent)} is not a folder"
            )
        return
    if not site.is_dir():
        raise UnsafeFolderError(f"the site folder {printable_path(site)} is not a folder")
    try:
        names = set(os.listdir(site))
    except OSError as err:
        raise UnsafeFolderError(f"cannot list {printable_path(site)}: {err.strerror}") from None
    marker = site / SITE_MARKER
    if names - {SITE_MARKER, *KEPT_IN_SITE} and not (marker.is_file() and not marker.is_symlink()):
        raise UnsafeFolderError(
            f"the site folder {printable_path(site)} holds files no build made (it has no "
            f"{SITE_MARKER}); move them away, or choose another folder with --site-dir"
        )


def check_folders(
    project: Path, content: Path, site: Path | None, docs: Path, *, own_docs: bool = True
) -> None:
    """Raise :class:`UnsafeFolderError` unless a build may replace ``site`` and write ``docs``.

    Neither folder may be or pass through a link below the project; neither may be, hold
    or lie inside the content folder or the other; neither may be or hold the project.
    ``site`` must be missing, empty or marked as a build's. ``site`` None: not checked
    (``mkdocs serve`` builds into a temporary folder of its own); ``own_docs`` False: the
    pages go to a scratch folder, and ``docs`` is only protected from the site.
    """
    checked = {"site folder": site} if site is not None else {}
    if own_docs:
        checked["docs folder"] = docs
    for role, folder in checked.items():
        _refuse_links(folder, project, role)
    protected = {"project folder": project, "content folder": content}
    if site is not None:
        _refuse_overlap(site, "site folder", {**protected, "docs folder": docs})
        _refuse_foreign_site(site)
    if own_docs:
        others = {**protected, "site folder": site} if site is not None else protected
        _refuse_overlap(docs, "docs folder", others)


def mark_site(site: Path) -> None:
    """Leave the marker that lets the next build replace ``site``."""
    marker = site / SITE_MARKER
    if not marker.is_file() or marker.is_symlink():
        marker.unlink(missing_ok=True)
        marker.write_text(SITE_MARKER_TEXT, encoding="utf-8")


def os_error_message(err: OSError) -> str:
    """One line naming the path that failed (a full disk, a folder that cannot be written)."""
    if err.filename is None:
        return printable(str(err))
    where = printable_path(err.filename)
    if err.filename2 is not None:
        where += f" → {printable_path(err.filename2)}"
    return f"{where}: {err.strerror or err}"
