"""Read a commit's copy of the content folder out of git, never touching the work tree.

The base of a comparison is exported with ``git archive`` into a folder of its own and
unpacked through :mod:`tarfile`'s ``data`` filter: a member with an absolute path, ``..``,
a device or a link that leads out of that folder is left out (the reader would refuse
such a link anyway), and nothing is ever written outside it. What git prints on failure is passed on
as one printable line.
"""

from __future__ import annotations

import subprocess
import tarfile
from pathlib import Path

from generator.output.terminal import printable, printable_path


def _kept(member: tarfile.TarInfo, dest: str) -> tarfile.TarInfo | None:
    """The ``data`` filter, leaving out a member it refuses instead of stopping."""
    try:
        return tarfile.data_filter(member, dest)
    except tarfile.FilterError:
        return None


class GitError(Exception):
    """Git could not answer: not a repository, an unknown ref, or a failed export."""


def _git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    if result.returncode != 0:
        said = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(printable(said[-1] if said else f"git {args[0]} failed"))
    return result.stdout.decode("utf-8", "surrogateescape").strip()


def repository_root(folder: Path) -> Path:
    """The top of the git work tree that holds ``folder``."""
    if not folder.is_dir():
        raise GitError(f"{printable_path(folder)} is not a folder")
    return Path(_git(folder, "rev-parse", "--show-toplevel"))


def resolve_commit(repo: Path, ref: str) -> str:
    """The full commit id ``ref`` names (a branch, tag, ``origin/main``, a commit id…)."""
    if not ref or ref.startswith("-"):
        # Git would read it as an option.
        raise GitError(f"{printable(ref)!r} is not a git ref")
    try:
        return _git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except GitError:
        raise GitError(f"no commit {printable(ref)!r} in this repository") from None


def export_folder(repo: Path, commit: str, folder: str, dest: Path) -> Path:
    """Unpack ``folder`` (a path relative to ``repo``) as of ``commit`` under ``dest``.

    Returns where the folder now is; a commit without the folder gives an empty one.
    """
    target = dest / folder
    if not _git(repo, "ls-tree", "-d", commit, "--", folder):
        target.mkdir(parents=True, exist_ok=True)
        return target
    command = ["git", "-C", str(repo), "archive", "--format=tar", commit, "--", folder]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as export:
        assert export.stdout is not None and export.stderr is not None
        try:
            with tarfile.open(fileobj=export.stdout, mode="r|") as archive:
                archive.extractall(dest, filter=_kept)
        except (tarfile.TarError, OSError) as err:
            export.kill()
            raise GitError(f"could not unpack {printable(folder)}: {printable(str(err))}") from None
        said = export.stderr.read().decode("utf-8", "replace").strip()
    if export.returncode != 0:
        raise GitError(printable(said or "git archive failed"))
    return target
