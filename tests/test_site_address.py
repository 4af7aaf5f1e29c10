"""The site's name and address come from ``mkdocs.yml``: a renamed, published sample site.

The sample content is built in a project of its own whose ``mkdocs.yml`` is the repository's
with another ``site_name`` (holding a character HTML must escape), once by ``explainer
build`` without ``SITE_URL`` and once by plain ``mkdocs build --strict`` with it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BUILD_ENV, CONFIG_FILE, REPO, SAMPLE_CONTENT

from generator.output.site_address import is_loopback, loopback_notice

NAME = "Harbour & Co Notes"
PUBLIC = "https://example.org/archive/"
ATOM = "{http://www.w3.org/2005/Atom}"
TALKS = "ferry-talks-stall-over-checkpoint"


@pytest.mark.parametrize(
    ("site_url", "loopback"),
    [
        ("http://127.0.0.1:8000/", True),
        ("http://127.8.9.1/", True),
        ("http://localhost:8000/", True),
        ("http://[::1]:8000/", True),
        ("http://archive.localhost/", True),
        ("", True),
        ("https://example.org/archive/", False),
        ("https://user.github.io/explainers/", False),
        ("http://10.0.0.5/", False),  # a private network is somewhere to publish to
        ("http://[::1/", False),  # not a URL at all: MkDocs reports it, not this
    ],
)
def test_loopback_addresses(site_url, loopback):
    assert is_loopback(site_url) is loopback
    assert (loopback_notice(site_url) is not None) is loopback


def test_the_notice_names_the_config_key_and_the_variable():
    notice = loopback_notice("http://127.0.0.1:8000/")
    assert "site_url is http://127.0.0.1:8000/" in notice
    assert "SITE_URL" in notice and "mkdocs.yml" in notice


def _project(folder: Path) -> Path:
    """A project with the sample content and the repository's config, renamed."""
    folder.mkdir()
    shutil.copytree(SAMPLE_CONTENT, folder / "content")
    (folder / "build" / "docs").mkdir(parents=True)
    config = CONFIG_FILE.read_text(encoding="utf-8")
    config = re.sub(r"(?m)^site_name: .*$", f'site_name: "{NAME}"', config)
    theme = (REPO / "theme").as_posix()
    config = config.replace("custom_dir: theme", f"custom_dir: {theme}")
    config = config.replace("\n  - theme\n", f"\n  - {theme}\n")
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder


def _run(project: Path, command: list[str], site_url: str | None):
    env = {**os.environ, **BUILD_ENV, "PYTHONPATH": str(REPO)}
    env.pop("SITE_URL", None)
    if site_url:
        env["SITE_URL"] = site_url
    done = subprocess.run(
        [sys.executable, "-m", *command],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, tuple[Path, str]]:
    """``explainer build`` on loopback and ``mkdocs build --strict`` on a public address."""
    project = _project(tmp_path_factory.mktemp("renamed") / "project")
    local = _run(project, ["generator", "build", "--site-dir", "local"], None)
    public = _run(project, ["mkdocs", "build", "--strict", "--site-dir", "public"], PUBLIC)
    return {
        "local": (project / "local", local.stdout + local.stderr),
        "public": (project / "public", public.stdout + public.stderr),
    }


def _html(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_bytes(), "lxml")


TITLES = {
    "index.html": NAME,
    f"articles/{TALKS}/index.html": f"Ferry talks stall over checkpoint - {NAME}",
    "actors/mara-oduya/index.html": f"Mara Oduya - {NAME}",
    "404.html": f"Page not found - {NAME}",
}


@pytest.mark.build
@pytest.mark.parametrize("build", ["local", "public"])
@pytest.mark.parametrize(("path", "title"), TITLES.items(), ids=list(TITLES))
def test_page_titles_carry_the_configured_name(builds, build, path, title):
    site = builds[build][0]
    assert _html(site, path).title.get_text() == title
    assert "&amp; Co" in (site / path).read_text(encoding="utf-8").split("</title>")[0]


@pytest.mark.build
@pytest.mark.parametrize("build", ["local", "public"])
def test_the_home_heading_and_site_name_meta_are_the_configured_name(builds, build):
    home = _html(builds[build][0], "index.html")
    assert home.select_one("article h1").get_text().strip().rstrip("¶") == NAME
    assert home.find("meta", property="og:site_name")["content"] == NAME


FEEDS = {
    "feed.xml": NAME,
    "actors/mara-oduya/feed.xml": f"Mara Oduya — {NAME}",
    "locations/vesta/feed.xml": f"Vesta — {NAME}",
}


@pytest.mark.build
@pytest.mark.parametrize("build", ["local", "public"])
@pytest.mark.parametrize(("path", "title"), FEEDS.items(), ids=list(FEEDS))
def test_every_feed_is_titled_and_authored_by_the_configured_name(builds, build, path, title):
    feed = ET.parse(builds[build][0] / path).getroot()
    assert feed.findtext(f"{ATOM}title") == title
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == NAME


@pytest.mark.build
def test_no_page_or_feed_names_the_default_site_name(builds):
    site = builds["local"][0]
    written = [*site.rglob("*.html"), *site.rglob("*.xml")]
    assert [p for p in written if "Explainer Archive" in p.read_text(encoding="utf-8")] == []


@pytest.mark.build
def test_a_loopback_build_says_so_once_and_how_to_change_it(builds):
    output = builds["local"][1]
    assert output.count("site_url is http://127.0.0.1:8000/") == 1, output
    assert "set the SITE_URL environment variable" in output


@pytest.mark.build
def test_a_published_build_is_quiet_and_links_to_its_address(builds):
    site, output = builds["public"]
    assert "site_url is" not in output
    article = _html(site, f"articles/{TALKS}/index.html")
    assert article.find("link", rel="canonical")["href"] == f"{PUBLIC}articles/{TALKS}/"
    locations = [loc.text for loc in ET.parse(site / "sitemap.xml").getroot().iter()]
    assert f"{PUBLIC}articles/{TALKS}/" in locations
    feed = ET.parse(site / "feed.xml").getroot()
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == f"{PUBLIC}feed.xml"
    assert "127.0.0.1" not in (site / "sitemap.xml").read_text(encoding="utf-8")
