"""Pagefind's bundle from the build cache, when every page it would read is the same.

Pagefind has no incremental mode: any changed page means indexing the whole site again.
But a build whose HTML is the same as an earlier one's (a deploy after a change to
nothing the site shows) needs no index either: the bundle stored for that set of pages is
put back. Its key hashes the Pagefind command and every HTML file of the site; a reused
page's HTML is known by its object name, so only the pages rendered in this build are read.

Two Pagefind runs over the same pages do not write the same bytes (its filter chunks and
metadata file differ from run to run), so a reused bundle is one Pagefind could have
written, not the one it would write now; its per-page fragments are the same.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path

from generator.output.build_cache import BuildCache, digest
from generator.output.page_reuse import PageReuse
from generator.output.search_bundles import BUNDLE_BYTES, MOST_BUNDLES
from generator.output.search_index import BUNDLE_DIR, index_site, pagefind_command

_SAFE_PATH = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*(/[A-Za-z0-9_][A-Za-z0-9_.-]*)*")


def _html_files(site_dir: Path) -> list[str]:
    """Every HTML file Pagefind would read, relative to ``site_dir``, sorted."""
    found = []
    for folder, dirs, names in os.walk(site_dir):
        rel = os.path.relpath(folder, site_dir).replace(os.sep, "/")
        if rel == BUNDLE_DIR:
            dirs.clear()
            continue
        prefix = "" if rel == "." else rel + "/"
        found += [prefix + name for name in names if name.endswith(".html")]
    return sorted(found)


def bundle_key(site_dir: Path, reuse: PageReuse) -> str:
    """The key of the search bundle for the site as it stands in ``site_dir``."""
    known = {file.dest_uri: reuse.hits[file.src_uri] for file in reuse.reused}
    command = pagefind_command(Path("SITE"), Path("OUT"))
    # How pages are dealt into bundles is part of what the bundle is.
    shape = [reuse.design, command[1:], BUNDLE_BYTES, MOST_BUNDLES]
    key = hashlib.sha256(json.dumps(shape).encode("utf-8"))
    for rel in _html_files(site_dir):
        name = known.get(rel) or digest((site_dir / rel).read_bytes())
        key.update(f"{rel}\0{name}\0".encode())
    return key.hexdigest()


def _file_key(key: str, rel: str) -> str:
    return hashlib.sha256(f"{key}\0{rel}".encode()).hexdigest()


def _restore(cache: BuildCache, key: str, bundle: Path) -> bool:
    """Write the stored bundle of ``key`` into ``bundle``; False (and nothing) if any part
    is missing, unsafe or changed."""
    name = cache.lookup(key)
    manifest = cache.read(key, name) if name else None
    try:
        files = json.loads(manifest) if manifest else None
    except ValueError:
        files = None
    if not isinstance(files, dict) or not all(
        isinstance(r, str) and _SAFE_PATH.fullmatch(r) and isinstance(n, str)
        for r, n in files.items()
    ):
        return False
    for rel, stored in files.items():
        data = (
            cache.read(_file_key(key, rel), stored) if cache.lookup(_file_key(key, rel)) else None
        )
        if data is None:
            shutil.rmtree(bundle, ignore_errors=True)
            return False
        (bundle / rel).parent.mkdir(parents=True, exist_ok=True)
        (bundle / rel).write_bytes(data)
    return True


def _keep(cache: BuildCache, key: str, bundle: Path) -> None:
    """Store the bundle Pagefind just wrote, file by file, and its list under ``key``."""
    files = {}
    for folder, _dirs, names in os.walk(bundle):
        for name in names:
            path = Path(folder, name)
            rel = path.relative_to(bundle).as_posix()
            if path.is_symlink() or not path.is_file() or not _SAFE_PATH.fullmatch(rel):
                return  # not Pagefind's usual output: index afresh next time
            data = path.read_bytes()
            cache.store(_file_key(key, rel), data)
            files[rel] = digest(data)
    cache.store(key, json.dumps(files, sort_keys=True).encode("utf-8"))


def index_with_cache(site_dir: Path, cache: BuildCache, key: str) -> bool:
    """Index ``site_dir`` for search, or put back the bundle of an identical earlier site.

    ``key``: :func:`bundle_key` of the site, worked out where the reused pages are known.
    Returns whether the bundle came from the cache. Raises ``SearchIndexError`` as
    :func:`index_site` does.
    """
    bundle = site_dir / BUNDLE_DIR
    if not os.path.lexists(bundle) and _restore(cache, key, bundle):
        return True
    index_site(site_dir)
    _keep(cache, key, bundle)
    return False
