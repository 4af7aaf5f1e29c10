"""Run MkDocs on the generated pages and put the result in place only when it succeeds."""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from generator.build import Generation, forget_rendered, generate
from generator.emit import DEFAULT_SITE_URL
from generator.mkdocs_hook import CONTENT_ENV, PREGENERATED_ENV, pin_build_date
from generator.progress import Progress
from generator.write import write_pages


class SiteBuildError(Exception):
    """MkDocs could not build the site; the previous site folder is untouched."""


@contextmanager
def _environment(**values: str):
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _swap_in(built: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` with ``built`` in two renames, so readers never see half a site."""
    old = site_dir.with_name(f"{site_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    built.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def _run_mkdocs(config, target: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    config.site_dir = str(staging)
    try:
        with _environment(**{PREGENERATED_ENV: "1"}):
            build(config)
    except MkDocsException as err:
        shutil.rmtree(staging, ignore_errors=True)
        raise SiteBuildError(str(err)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap_in(staging, target)


def build_site(
    config_file: Path,
    content_dir: Path,
    site_dir: Path | None,
    docs_dir: Path | None,
    *,
    strict: bool = True,
) -> tuple[Generation, Path | None]:
    """Generate the pages, then build the whole site and swap it into ``site_dir``.

    Returns the generation (with its problems) and the site folder, or None when content
    errors stopped the build before anything was written.
    """
    from mkdocs.config import load_config

    overrides: dict[str, object] = {"strict": strict}
    if docs_dir is not None:
        docs_dir.mkdir(parents=True, exist_ok=True)
        overrides["docs_dir"] = str(docs_dir)
    config = load_config(str(config_file), **overrides)
    progress = Progress()
    generation = generate(content_dir, config.site_url or DEFAULT_SITE_URL, progress)
    progress.close()
    if generation.errors:
        return generation, None
    write_pages(generation.pages, Path(config.docs_dir))
    pin_build_date(generation)
    # MkDocs reads the pages back from disk: free them and the render memo before it runs
    # (about 430 MB at 10,000 articles).
    written = len(generation.pages)
    generation = replace(generation, pages=(), written=written)
    forget_rendered()
    target = Path(site_dir or config.site_dir).resolve()
    _run_mkdocs(config, target)
    return generation, target


def serve_site(config_file: Path, content_dir: Path, address: str, *, dirty: bool = True) -> None:
    """Serve the site with live reload, regenerating pages when content changes.

    ``dirty``: after the first build, rebuild only the pages whose Markdown changed (see
    generator/live.py); otherwise every change rebuilds the whole site.
    """
    from mkdocs.commands.serve import serve

    with _environment(**{CONTENT_ENV: str(content_dir.resolve())}):
        serve(
            str(config_file),
            dev_addr=address,
            livereload=True,
            build_type="dirty" if dirty else None,
        )
