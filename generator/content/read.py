"""Read ``content/`` into an :class:`Archive`, never raising on bad input.

Every file is read and checked on its own; whatever is wrong is returned as
:class:`Problem` records so that a contributor sees all of it at once.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from pathlib import Path

from generator.content.files import UnreadableFile, read_regular_file
from generator.content.front_matter import MAX_FILE_BYTES, Document, parse_document
from generator.content.memo import RunMemo
from generator.content.model import Archive, Article, Entity, FailedFile, Problem, Section
from generator.content.schema import FIELDS_BY_SECTION, FieldSpec
from generator.content.slugs import article_slug, is_valid_slug, is_windows_device_name
from generator.content.values import check_value

SECTIONS = ("articles", "actors", "locations")


def _checked_fields(
    doc: Document, specs: tuple[FieldSpec, ...], path: str
) -> tuple[dict[str, object], list[Problem]]:
    """Check every key of ``doc`` against ``specs``: unknown, missing and mistyped ones."""
    known = {spec.name: spec for spec in specs}
    problems = [
        Problem(
            path,
            str(key),
            f"unknown field (allowed: {', '.join(known)})",
            doc.key_lines.get(str(key)),
        )
        for key in doc.data
        if key not in known
    ]
    values: dict[str, object] = {}
    for spec in specs:
        if spec.name not in doc.data:
            if spec.required:
                problems.append(Problem(path, spec.name, "required field is missing", 2))
            continue
        value, messages = check_value(spec, doc.data[spec.name])
        line = doc.key_lines.get(spec.name)
        problems += [Problem(path, name, text, line) for name, text in messages]
        if not messages:
            values[spec.name] = value
    return values, problems


def _article(doc: Document, path: str) -> tuple[Article | None, list[Problem]]:
    values, problems = _checked_fields(doc, FIELDS_BY_SECTION["articles"], path)
    if not doc.body.strip():
        problems.append(Problem(path, "body", "the article has no text", doc.body_line))
    if problems:
        return None, problems
    title, date = values.pop("title"), values.pop("date")
    slug = values.pop("slug", None) or article_slug(title, date)  # type: ignore[arg-type]
    body = unicodedata.normalize("NFC", doc.body)
    article = Article(
        path=path,
        slug=slug,
        title=title,
        date=date,
        body=body,
        body_line=doc.body_line,
        key_lines=tuple(doc.key_lines.items()),
        **values,
    )
    return article, []  # type: ignore[arg-type]


def _entity(doc: Document, path: str, section: Section, entity_id: str):
    values, problems = _checked_fields(doc, FIELDS_BY_SECTION[section], path)
    if problems:
        return None, problems
    description = unicodedata.normalize("NFC", doc.body)
    return Entity(
        id=entity_id,
        section=section,
        path=path,
        description=description,
        body_line=doc.body_line,
        key_lines=tuple(doc.key_lines.items()),
        **values,
    ), []  # type: ignore[arg-type]


def _inside(path: Path, root: Path) -> bool:
    """True when ``path``, links followed, stays inside ``root`` (a link loop does not)."""
    try:
        return path.resolve(strict=True).is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop, or a link to nothing
        return False


def _device_name_problem(shown: str, name: str) -> Problem:
    return Problem(
        shown,
        "file",
        f"{name!r} is a Windows device name (con, nul, com1, …), which git for Windows "
        "cannot check out; rename it",
    )


def _file_problems(path: Path, root: Path, shown: str, folder_inside: bool) -> list[Problem]:
    """Problems with a file as a file: where it points, what it is called."""
    # A file that is no link, in a folder known to be inside, is inside: no resolving.
    if not (folder_inside and not path.is_symlink()) and not _inside(path, root):
        return [
            Problem(
                shown,
                "file",
                "is a symbolic link that leads outside the content folder, or nowhere",
            )
        ]
    if is_windows_device_name(path.name):
        return [_device_name_problem(shown, path.name)]
    if not is_valid_slug(path.stem):
        return [
            Problem(
                shown,
                "file",
                f"file name {path.name!r} must be a valid id: lowercase "
                "a-z, 0-9 and hyphens, ending in .md",
            )
        ]
    return []


def read_file(path: Path, root: Path, section: str, shown: str, *, folder_inside: bool = False):
    """Read one content file of ``section``; return the Article or Entity (or None), and problems.

    ``folder_inside``: the file's folder is known to resolve inside ``root``.
    """
    item, problems = _read(path, root, section, shown, folder_inside)
    return (None if isinstance(item, FailedFile) else item), problems


def _read(
    path: Path,
    root: Path,
    section: str,
    shown: str,
    folder_inside: bool,
    parsed: RunMemo | None = None,
):
    """Like :func:`read_file`, but a file that was read and failed comes back as a FailedFile.

    ``parsed``: files parsed by the previous run; an unchanged file is not parsed again,
    and reads back as the very same object (``serve``).
    """
    problems = _file_problems(path, root, shown, folder_inside)
    if problems:
        return None, problems
    try:
        # One byte over the limit is enough for the parser to report the file as too large.
        raw = read_regular_file(path, MAX_FILE_BYTES + 1)
    except UnreadableFile as err:
        return None, [Problem(shown, "file", str(err))]
    inputs = (raw, shown, section, path.stem)
    return _parse(*inputs) if parsed is None else parsed.get(shown, inputs, _parse)


def _parse(raw: bytes, shown: str, section: str, stem: str):
    """A file's bytes as the Article or Entity of ``section`` (or a FailedFile), and problems."""
    doc, problems = parse_document(raw, shown)
    if doc is None:
        return FailedFile(shown, section, stem), problems
    if section == "articles":
        item, problems = _article(doc, shown)
    else:
        item, problems = _entity(doc, shown, section, stem)  # type: ignore[arg-type]
    if item is None:
        body = unicodedata.normalize("NFC", doc.body)
        return FailedFile(shown, section, stem, body, doc.body_line), problems
    return item, problems


def _stamp(path: Path) -> tuple[int, ...] | None:
    """What identifies a regular file's bytes without reading them (None for anything else).

    An edit, a rename onto the path or a replacement changes the inode, size, or the
    change time, which no tool can set back; a link or a missing file is never stamped.
    """
    try:
        st = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _read_stamped(
    path: Path, root: Path, section: str, shown: str, parsed: RunMemo, stamped: RunMemo
):
    """``_read`` of a file in a folder inside the content folder, not repeated for a file
    whose stamp is the one the previous run read (``serve``: most files did not change)."""
    stamp = _stamp(path)
    if stamp is None:
        return _read(path, root, section, shown, True, parsed)
    inputs = (stamp, str(path), section)
    return stamped.get(shown, inputs, lambda *_: _read(path, root, section, shown, True, parsed))


def parse_article(raw: bytes, shown: str) -> tuple[Article | None, list[Problem]]:
    """An article file's bytes as ``check`` reads them: the Article, or its problems.

    ``shown`` names the file in the problems. For a writer (``explainer import``) that
    wants to know before writing that the file will pass.
    """
    return _parse(raw, shown, "articles", "")  # type: ignore[return-value]


def _is_file(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _section_files(folder: Path, shown: str) -> tuple[list[Path], list[Problem]]:
    """The Markdown files of one section folder, and warnings about anything else in it."""
    try:
        # scandir: the kind of each entry comes with the listing, without a stat per file.
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as err:  # not a folder after all, gone, or not ours to list
        return [], [Problem(shown, "file", f"folder cannot be listed: {err.strerror or err}")]
    files, problems = [], []
    for entry in entries:
        path = folder / entry.name
        if path.name.startswith("."):
            continue
        if is_windows_device_name(path.name):
            problems.append(_device_name_problem(f"{shown}/{path.name}", path.name))
        elif path.suffix == ".md" and (_is_file(entry) or entry.is_symlink()):
            files.append(path)
        else:
            problems.append(
                Problem(
                    f"{shown}/{path.name}",
                    "file",
                    "not a Markdown (.md) file; ignored",
                    severity="warning",
                )
            )
    return files, problems


def read_archive(
    content_dir: Path, parsed: RunMemo | None = None, stamped: RunMemo | None = None
) -> Archive:
    """Read every article and glossary entry under ``content_dir``.

    ``parsed``: the memo of a long-lived process (see :class:`generator.site.run_cache.RunCache`);
    ``stamped``: with it, a file whose stamp (see ``_stamp``) is unchanged is not read again.
    """
    if not content_dir.is_dir():
        return Archive(problems=(Problem(str(content_dir), "file", "content folder not found"),))
    articles, entities, failed, problems = [], [], [], []
    for section in SECTIONS:
        folder = content_dir / section
        if not os.path.lexists(folder):
            continue  # a section may be absent; one that is there but no folder is listed below
        if not _inside(folder, content_dir):
            message = "is a symbolic link to a folder outside the content folder; not read"
            problems.append(Problem(f"{content_dir}/{section}", "file", message))
            continue
        files, found = _section_files(folder, f"{content_dir}/{section}")
        problems += found
        for path in files:
            shown = f"{content_dir}/{section}/{path.name}"
            if parsed is not None and stamped is not None:
                item, found = _read_stamped(path, content_dir, section, shown, parsed, stamped)
            else:
                item, found = _read(path, content_dir, section, shown, True, parsed)
            problems += found
            if isinstance(item, Article):
                articles.append(item)
            elif isinstance(item, FailedFile):
                failed.append(item)
            elif item is not None:
                entities.append(item)
    return Archive(
        tuple(articles), tuple(entities), tuple(problems), tuple(failed), str(content_dir)
    )
