"""The hostile archive in a real browser: every page opened, nothing of a payload runs.

The payload archive (``tests/hostile``) is built once with ``explainer build`` and served on
127.0.0.1, next to a clean twin: the same archive with every payload replaced by plain
words, which tells the theme's own scripts, handlers and elements from injected ones. Every
built HTML page is opened in headless Chromium, tabbed through, hovered and scanned.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import pytest
from browser_fixtures import type_into_search
from conftest import build_with_cli, serve
from hostile import payloads
from playwright.sync_api import Browser, Dialog, Page, Route, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from generator.site.build import generate

pytestmark = pytest.mark.browser

# Elements that run, load or submit something, or that can restyle the page. Any of these
# on a hostile page must also exist, with the same shape, on the clean twin's pages.
ACTIVE = (
    "script,iframe,frame,frameset,object,embed,applet,portal,base,meta,link,style,form,input,"
    "button,textarea,select,img,image,video,audio,source,picture,track,template,noscript,"
    "foreignObject,use,animate,animateMotion,animateTransform,set,svg,math,feImage,area,map"
)
URL_ATTRIBUTES = (
    "href,src,action,formaction,data,poster,background,xlink:href,srcset,ping,codebase,cite,"
    "icon,manifest,lowsrc,dynsrc,longdesc,usemap"
)
BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:", "mocha:")

SCAN = """
([active, urlAttributes, badSchemes, secrets]) => {
  const activeTags = new Set(active.split(",").map((t) => t.toLowerCase()));
  const urlNames = new Set(urlAttributes.split(","));
  const article = document.querySelector("article.md-content__inner");
  // What the URL parser does: drop tabs and newlines anywhere, C0 and spaces at the ends.
  const strip = (v) => v.replace(/[\\t\\n\\r]/g, "")
    .replace(/^[\\u0000-\\u0020]+|[\\u0000-\\u0020]+$/g, "").toLowerCase();
  const bad = (value) => {
    let protocol = "";
    try { protocol = new URL(value, document.baseURI).protocol; } catch (e) {}
    return badSchemes.includes(protocol) || badSchemes.some((s) => strip(value).startsWith(s));
  };
  const normal = (text) => text.replace(/(\\.\\.\\/)+/g, "").replace(/"[./]*"/g, '""')
    .replace(/"\\/assets/g, '"assets').slice(0, 300);
  const where = (el) => (article && article.contains(el) ? "article" : "page");
  const signature = (el) => {
    const tag = el.localName.toLowerCase();
    // Only the attributes that load or run something: the theme toggles hidden/style/aria.
    const names = [...el.attributes].map((a) => a.name.toLowerCase())
      .filter((n) => urlNames.has(n) || n === "srcdoc" || n === "http-equiv").sort().join(",");
    const kinds = ["class", "rel", "name", "http-equiv", "type", "role", "property"]
      .filter((k) => el.hasAttribute(k)).map((k) => `${k}=${el.getAttribute(k)}`).join(";");
    let extra = "";
    if (tag === "script") {
      extra = el.src ? el.src.split("/").pop() : normal(el.textContent);
    } else if (tag === "style") {
      extra = normal(el.textContent);
    }
    return `${where(el)}: <${tag} ${names}> ${kinds} ${extra}`.trim();
  };
  const out = { title: document.title, handlers: [], urls: [], active: [], styles: [],
                ids: [], secrets: [], preview: [] };
  const seen = new Map();
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on")) {
        out.handlers.push(`${where(el)}: <${el.localName} ${name}="${attr.value.slice(0, 60)}">`);
      }
      if ((urlNames.has(name) && bad(attr.value)) || name === "srcdoc") {
        out.urls.push(`<${el.localName} ${name}="${attr.value}">`);
      }
      const refresh = name === "content" ? attr.value.split(/url\\s*=/i)[1] : undefined;
      if (refresh !== undefined && bad(refresh)) {
        out.urls.push(`<${el.localName} content="${attr.value}">`);
      }
    }
    if (activeTags.has(el.localName.toLowerCase())) out.active.push(signature(el));
    if (el.id) seen.set(el.id, (seen.get(el.id) || 0) + 1);
    if (article && article.contains(el) && el.hasAttribute("style")) {
      const style = el.getAttribute("style");
      if (!/^\\s*(text-align\\s*:\\s*[a-z-]+\\s*;?\\s*)*$/i.test(style)) {
        out.styles.push(`<${el.localName} style="${style}">`);
      }
    }
  }
  out.ids = [...seen].filter(([, n]) => n > 1).map(([id, n]) => `${id} x${n}`);
  const text = document.body ? document.body.textContent : "";
  out.secrets = secrets.filter((s) => text.includes(s));
  const card = document.getElementById("ea-preview");
  if (card) {
    for (const el of card.querySelectorAll("*")) {
      if (!["p", "a"].includes(el.localName)) out.preview.push(el.outerHTML.slice(0, 120));
    }
  }
  return out;
}
"""


@dataclass(frozen=True)
class Built:
    """The hostile archive and its clean twin, built."""

    site: Path
    clean: Path
    archive: payloads.Archive
    build_seconds: float


@dataclass
class Visits:
    """Everything seen while visiting the pages of one site."""

    pages: dict[str, dict] = field(default_factory=dict)
    dialogs: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    seconds: float = 0.0
    static: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def findings(self, key: str) -> dict[str, list[str]]:
        return {url: scan[key] for url, scan in self.pages.items() if scan[key]}


def _pages(site: Path) -> list[str]:
    """Every built HTML page, as a URL path below the site root."""
    urls = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        urls.append(rel.removesuffix("index.html") if rel.endswith("index.html") else rel)
    return urls


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("hostile")
    archive = payloads.write_archive(root / "content")
    payloads.write_archive(root / "clean-content", clean=True)
    started = time.monotonic()
    jobs = [(root / "content", root / "site"), (root / "clean-content", root / "clean")]
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda job: build_with_cli(*job), jobs))
    seconds = time.monotonic() - started
    for (content, _), result in zip(jobs, results, strict=True):
        assert result.returncode == 0, f"{content}:\n{result.stdout}\n{result.stderr}"
    return Built(root / "site", root / "clean", archive, seconds)


@pytest.fixture(scope="module")
def hostile_url(built: Built) -> Iterator[str]:
    with serve(built.site) as url:
        yield url


def _hover_first_mention(page: Page) -> list[str]:
    """Hover the first glossary link, as a reader would; say if no preview card came."""
    mention = page.locator("article a.ea-mention")
    if not mention.count():
        return []
    try:
        mention.first.hover(timeout=3_000)
        page.locator("#ea-preview").wait_for(timeout=3_000)
    except PlaywrightTimeoutError:
        return ["hovering the first glossary link showed no preview card"]
    return []


def _visit(browser: Browser, root: str, urls: list[str], *, interact: bool = True) -> Visits:
    """Open each page, tab and hover through it (with ``interact``), and scan its DOM."""
    seen = Visits()
    current = [""]
    context = browser.new_context()

    def outside(route: Route) -> None:
        seen.outside.append(f"{current[0]}: {route.request.url}")
        route.abort()

    def dialog(d: Dialog) -> None:
        seen.dialogs.append(f"{current[0]}: {d.type} {d.message!r}")
        d.dismiss()

    context.route(lambda url: urlsplit(url).hostname != "127.0.0.1", outside)
    page = context.new_page()
    page.on("dialog", dialog)
    page.on(
        "console", lambda m: m.type == "error" and seen.console.append(f"{current[0]}: {m.text}")
    )
    page.on("pageerror", lambda e: seen.console.append(f"{current[0]}: uncaught {e}"))
    started = time.monotonic()
    secrets = list(payloads.SECRETS)
    try:
        for url in urls:
            current[0] = url
            page.goto(root + url, wait_until="load")
            missing = []
            if interact:
                page.keyboard.press("Tab")  # autofocus/onfocus payloads
                page.mouse.move(300, 400, steps=2)  # onmouseover/onpointerenter payloads
                missing = _hover_first_mention(page)
                page.wait_for_timeout(30)
            scan = page.evaluate(SCAN, [ACTIVE, URL_ATTRIBUTES, BAD_SCHEMES, secrets])
            scan["preview"] += missing
            seen.pages[url] = scan
    finally:
        context.close()
    seen.seconds = time.monotonic() - started
    return seen


def _normal(text: str) -> str:
    """The scan's ``normal()``: script and style text with the page's depth taken out."""
    text = re.sub(r"(\.\./)+", "", text)
    return re.sub(r'"[./]*"', '""', text).replace('"/assets', '"assets')[:300]


_ACTIVE_TAGS = {tag.lower() for tag in ACTIVE.split(",")}
_URL_NAMES = set(URL_ATTRIBUTES.split(",")) | {"srcdoc", "http-equiv"}
_KINDS = ("class", "rel", "name", "http-equiv", "type", "role", "property")
_PARSER = lxml.html.HTMLParser(encoding="utf-8")


def _static_scan(site: Path) -> dict[str, dict[str, list[str]]]:
    """The scan's ``active`` and ``handlers`` for every page, read from the built files.

    The same strings as the browser scan makes, for the elements in the HTML as built; the
    browser scan of a few pages of each kind adds what the theme's script adds at run time.
    """
    scans = {}
    for url in _pages(site):
        file = site / (url + "index.html" if url.endswith("/") or not url else url)
        tree = lxml.html.fromstring(file.read_bytes(), parser=_PARSER)
        inner = set(tree.xpath('//article[contains(@class, "md-content__inner")]//*'))
        active, handlers = [], []
        for el in tree.iter():
            if not isinstance(el.tag, str):
                continue
            tag, where = el.tag.lower(), "article" if el in inner else "page"
            handlers += [
                f'{where}: <{tag} {n.lower()}="{v[:60]}">'
                for n, v in el.attrib.items()
                if n.lower().startswith("on")
            ]
            if tag not in _ACTIVE_TAGS:
                continue
            names = ",".join(sorted(n.lower() for n in el.attrib if n.lower() in _URL_NAMES))
            kinds = ";".join(f"{k}={el.get(k)}" for k in _KINDS if el.get(k) is not None)
            extra = ""
            if tag == "script":
                extra = el.get("src").split("/")[-1] if el.get("src") else _normal(el.text or "")
            elif tag == "style":
                extra = _normal(el.text or "")
            active.append(f"{where}: <{tag} {names}> {kinds} {extra}".strip())
        scans[url] = {"active": active, "handlers": handlers}
    return scans


def _one_of_each_kind(urls: list[str], each: int = 2) -> list[str]:
    """The first pages of each kind (home, 404, an index, articles, actors, months…)."""
    kinds: dict[str, list[str]] = {}
    for url in urls:
        kind = url if url.count("/") <= 1 else url.split("/")[0] + "/*"
        kinds.setdefault(kind, []).append(url)
    return [url for group in kinds.values() for url in group[:each]]


@pytest.fixture(scope="module")
def visits(built: Built, hostile_url: str, browser: Browser) -> tuple[Visits, Visits]:
    """The hostile site's every page visited as a reader would; the clean twin: a few pages
    of each kind in the browser, and every page as built (what the theme's own is)."""
    with serve(built.clean) as clean_url:
        clean = _visit(browser, clean_url, _one_of_each_kind(_pages(built.clean)), interact=False)
    clean.static = _static_scan(built.clean)
    hostile = _visit(browser, hostile_url, _pages(built.site))
    return hostile, clean


def _theirs(clean: Visits, key: str) -> set[str]:
    """What the clean twin has under ``key``: seen in the browser, or in the built files."""
    scans = [*clean.pages.values(), *clean.static.values()]
    return {item for scan in scans for item in scan[key]}


def _report(
    found: dict[str, list[str]] | list[str], archive: payloads.Archive | None = None
) -> str:
    """One line per finding; with ``archive``, also which body payloads each page carries."""
    if not isinstance(found, dict):
        return "\n".join(found)
    lines = []
    for url, items in found.items():
        carried = archive.bodies.get(url) if archive else None
        if carried:
            lines.append(f"{url} (body payloads {', '.join(carried)}):")
        lines += [f"  {url}: {item}" for item in items]
    return "\n".join(lines)


PLANTED = """<!doctype html><html><head><title>Planted</title>
<script>document.title = "Planted";</script></head><body>
<article class="md-content__inner"><p id="x">one</p><p id="x">two</p>
<a href=" java&#9;script:void(0)">js</a><a href="data:text/html,x">data</a>
<a href="\u3000javascript:void(0)">not a scheme</a><a href="vbscript:x">vb</a>
<iframe srcdoc="x"></iframe><p onclick="void 0">handler</p>
<p style="position:fixed">styled</p><td style="text-align:center">ok</td>
<meta http-equiv="refresh" content="5;url=javascript:void(0)">root:x:0:0</article>
</body></html>"""


def test_the_scan_reports_what_it_is_meant_to_catch(page: Page) -> None:
    """The DOM scan is not vacuous: each kind of planted finding is reported."""
    page.set_content(PLANTED)
    scan = page.evaluate(SCAN, [ACTIVE, URL_ATTRIBUTES, BAD_SCHEMES, list(payloads.SECRETS)])
    assert scan["title"] == "Planted"
    assert scan["handlers"] == ['article: <p onclick="void 0">']
    assert len(scan["urls"]) == 5, scan["urls"]  # tab, data:, vbscript:, srcdoc, refresh
    assert not any("\u3000" in url for url in scan["urls"])  # a relative URL, as browsers read it
    assert {a.split(" ")[1] for a in scan["active"]} >= {"<script", "<iframe", "<meta"}
    assert scan["styles"] == ['<p style="position:fixed">']
    assert scan["ids"] == ["x x2"]
    assert scan["secrets"] == ["root:x:0:0"]


# --- The archive itself -----------------------------------------------------------------
def test_payload_archive_passes_check_so_every_payload_reaches_a_page(built: Built) -> None:
    generation = generate(built.site.parent / "content")
    assert generation.errors == (), _report([p.format() for p in generation.errors])
    assert len(_pages(built.site)) == len(_pages(built.clean)) >= 50


def test_every_built_page_was_opened(built: Built, visits) -> None:
    hostile, clean = visits
    assert sorted(hostile.pages) == sorted(_pages(built.site))
    assert sorted(clean.static) == sorted(_pages(built.clean))
    assert len(clean.pages) >= 10
    print(
        f"\nbuilt both archives in {built.build_seconds:.1f} s; visited "
        f"{len(hostile.pages)} hostile pages in {hostile.seconds:.1f} s, "
        f"{len(clean.pages)} clean pages in {clean.seconds:.1f} s"
    )


def test_the_static_scan_reads_pages_as_the_browser_does(visits) -> None:
    """On the clean pages opened in the browser, every element found in the built file is
    found, with the same signature, in the browser's DOM (so the baseline is sound)."""
    _, clean = visits
    missing = {
        url: sorted(set(clean.static[url]["active"]) - set(scan["active"]))
        for url, scan in clean.pages.items()
    }
    assert {url: items for url, items in missing.items() if items} == {}


# --- Nothing runs, loads or leaves --------------------------------------------------------
def test_no_dialog_opened(visits) -> None:
    hostile, _ = visits
    assert hostile.dialogs == [], _report(hostile.dialogs)


def test_no_console_error_caused_by_a_payload(visits) -> None:
    hostile, clean = visits
    theirs = set(clean.console)
    caused = [c for c in hostile.console if c not in theirs]
    assert caused == [], _report(caused)


def test_no_console_error_on_the_clean_twin(visits) -> None:
    """The theme and the site's own script, without any payload, log no error."""
    _, clean = visits
    assert clean.console == [], _report(clean.console)


def test_no_request_left_loopback(visits) -> None:
    hostile, clean = visits
    assert clean.outside == [], _report(clean.outside)
    assert hostile.outside == [], _report(hostile.outside)


def test_no_script_url_in_the_dom(built: Built, visits) -> None:
    hostile, _ = visits
    found = hostile.findings("urls")
    assert found == {}, "javascript:/vbscript:/data: URLs or srcdoc in the DOM:\n" + _report(
        found, built.archive
    )


def test_no_event_handler_attribute_beyond_the_themes(built: Built, visits) -> None:
    hostile, clean = visits
    theirs = _theirs(clean, "handlers")
    found = {
        url: [h for h in scan["handlers"] if h not in theirs] for url, scan in hostile.pages.items()
    }
    found = {url: items for url, items in found.items() if items}
    assert found == {}, "on* attributes the clean build does not have:\n" + _report(
        found, built.archive
    )


def test_no_script_or_active_element_beyond_a_clean_builds(built: Built, visits) -> None:
    hostile, clean = visits
    theirs = _theirs(clean, "active")
    found = {
        url: sorted({a for a in scan["active"] if a not in theirs})
        for url, scan in hostile.pages.items()
    }
    found = {url: items for url, items in found.items() if items}
    assert found == {}, "scripts/frames/forms/styles the clean build does not have:\n" + _report(
        found, built.archive
    )


def test_contributed_styles_only_align_text(built: Built, visits) -> None:
    hostile, _ = visits
    found = hostile.findings("styles")
    assert found == {}, _report(found, built.archive)


def test_no_id_is_used_twice(built: Built, visits) -> None:
    """A heading must not take an id the theme uses (``__search``, ``__drawer``…)."""
    hostile, clean = visits
    assert clean.findings("ids") == {}
    found = hostile.findings("ids")
    assert found == {}, "duplicate ids:\n" + _report(found, built.archive)


def test_glossary_previews_hold_only_text(built: Built, visits) -> None:
    hostile, _ = visits
    found = hostile.findings("preview")
    assert found == {}, _report(found, built.archive)


def test_document_title_is_the_contributed_title(built: Built, visits) -> None:
    hostile, _ = visits
    wrong = []
    for url, scan in hostile.pages.items():
        file = built.site / (url + "index.html" if url.endswith("/") or not url else url)
        static = lxml.html.fromstring(file.read_bytes()).findtext(".//title")
        expected = built.archive.titles.get(url, static)
        if scan["title"] != expected or static != expected:
            wrong.append(
                f"{url}: document.title {scan['title']!r}, <title> {static!r}, "
                f"expected {expected!r}"
            )
    assert wrong == [], _report(wrong)
    assert len(built.archive.titles) >= 40


# --- What reaches the files -----------------------------------------------------------------
def test_no_included_file_content_anywhere(built: Built, visits) -> None:
    """Snippet syntax (``--8<-- "mkdocs.yml"``, ``/etc/passwd``) stays text: nothing is read."""
    hostile, _ = visits
    assert hostile.findings("secrets") == {}
    leaked = [
        f"{file.relative_to(built.site)}: {secret!r}"
        for file in built.site.rglob("*")
        if file.is_file() and file.suffix in (".html", ".json", ".xml")
        for secret in payloads.SECRETS
        if secret in file.read_text(encoding="utf-8", errors="replace")
    ]
    assert leaked == [], _report(leaked)


def _article_text(built: Built, url: str) -> str:
    tree = lxml.html.fromstring((built.site / url / "index.html").read_bytes())
    (article,) = tree.xpath('//article[contains(@class, "md-content__inner")]')
    return " ".join(article.text_content().split())


@pytest.mark.parametrize(
    ("payload_id", "literal"),
    [
        ("B162", "{{ config }} and {{ config.site_name }}"),
        ("B163", '{% include "partials/header.html" %}'),
        ("B164", "{{ 7*7 }}"),
        ("B165", "{% raw %}raw{% endraw %} {# comment #}"),
        ("B156", '--8<-- "mkdocs.yml"'),
        ("B174", "<script>alert('B174')</script>"),
        ("B175", "&lt;script&gt;alert('B175')&lt;/script&gt;"),
        ("B176", "<script>alert('B176')</script>"),
        ("B173", "[x](javascript:alert('B173'))"),
    ],
)
def test_template_and_markup_text_reads_literally(built: Built, payload_id, literal) -> None:
    assert literal in _article_text(built, built.archive.page_of(payload_id))


_TEXT_TAGS = {"p", "ul", "ol", "li", "code", "pre", "strong", "em", "b", "i", "mark", "span"}
_TEXT_TAGS |= {"table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "blockquote"}
_TEXT_TAGS |= {"del", "ins", "sub", "sup", "small", "abbr", "cite", "q", "kbd", "samp", "var"}
_TEXT_TAGS |= {"s", "u", "time", "br", "hr", "div", "h1", "h2", "h3", "h4", "h5", "h6"}


_RESULT_TAGS = {"a", "article", "button", "details", "summary", "nav", "ol", "li"}
_ELEMENTS_IN_RESULTS = """() => [...document.querySelectorAll('.md-search-result *')]
  .map((el) => el.localName)"""


def test_search_results_hold_only_text_markup(page: Page, hostile_url: str, watched) -> None:
    """Material inserts result titles and texts with innerHTML: the worker's must be inert."""
    page.goto(hostile_url)
    for query, _ in SEARCHES:
        _search(page, query)
        expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
        page.wait_for_timeout(300)
        tags = set(page.evaluate(_ELEMENTS_IN_RESULTS))
        assert tags - _TEXT_TAGS - _RESULT_TAGS == set(), query
    assert watched == []


def test_feeds_sitemap_and_preview_data_are_well_formed(built: Built) -> None:
    feeds = sorted(built.site.rglob("*.xml"))
    assert len(feeds) > 10
    for file in feeds:
        lxml.etree.fromstring(file.read_bytes())  # raises on anything ill-formed
    json.loads((built.site / "assets" / "previews.json").read_text(encoding="utf-8"))


# --- A reader's view ---------------------------------------------------------------------
@pytest.fixture
def watched(page: Page) -> Iterator[list[str]]:
    problems: list[str] = []
    page.on("dialog", lambda d: (problems.append(f"dialog {d.message!r}"), d.dismiss()))
    page.on("pageerror", lambda e: problems.append(f"uncaught {e}"))
    page.on("console", lambda m: m.type == "error" and problems.append(f"console {m.text}"))
    page.context.route(
        lambda url: urlsplit(url).hostname != "127.0.0.1",
        lambda route: (problems.append(f"request {route.request.url}"), route.abort()),
    )
    yield problems


def test_benign_text_about_script_reads_correctly(page: Page, hostile_url: str, watched) -> None:
    page.goto(hostile_url + "articles/about-script-tags/")
    expect(page).to_have_title(f"{payloads.BENIGN_TITLE} - Explainer Archive")
    article = page.locator("article.md-content__inner")
    expect(article.locator("h1")).to_have_text(re.compile("^" + re.escape(payloads.BENIGN_TITLE)))
    expect(article.locator(".ea-summary")).to_have_text(payloads.BENIGN_SUMMARY)
    expect(article.locator("p code").first).to_have_text(payloads.BENIGN_INLINE_CODE)
    expect(article.locator("p", has_text="In prose")).to_have_text(payloads.BENIGN_PROSE)
    expect(article.locator("pre code")).to_have_text(payloads.BENIGN_CODE_BLOCK + "\n")
    expect(article.locator(".ea-tags li")).to_have_text(["<script>", "&amp;"])
    expect(page.locator(".md-header__topic").last).to_contain_text(payloads.BENIGN_TITLE)
    assert page.locator("article script, article [onclick]").count() == 0
    assert watched == []


_RESULT_ACTIVE = (
    ".md-search-result script, .md-search-result img, .md-search-result iframe, "
    ".md-search-result svg, .md-search-result math, .md-search-result style, "
    ".md-search-result object, .md-search-result embed, .md-search-result form, "
    ".md-search-result input, .md-search-result a[href^='javascript'], "
    ".md-search-result template, .md-search-result link, .md-search-result meta"
)
_HANDLERS_IN_RESULTS = """() => [...document.querySelectorAll('.md-search-result *')]
  .flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on'))
  .map((a) => el.localName + ' ' + a.name))"""


def _search(page: Page, query: str) -> None:
    type_into_search(page, query)
    expect(page.locator(".md-search-result__meta")).not_to_have_text("Initializing search")


def _results_are_inert(page: Page) -> None:
    page.wait_for_timeout(300)  # anything injected would have run by now
    assert page.locator(_RESULT_ACTIVE).count() == 0
    assert page.evaluate(_HANDLERS_IN_RESULTS) == []


SEARCHES = [
    ("Zorblax", "<script>alert('F01')</script> Zorblax Nine"),
    ("iframe onload", "<iframe onload="),
    ("script alert", "<script>alert("),
    ("javascript", "javascript:alert("),
]
TYPED_PAYLOADS = [
    "<img src=x onerror=alert('Q1')>",
    '"><svg/onload=alert("Q2")>',
    "</mark><iframe onload=alert('Q3')>",
    "javascript:alert('Q4')",
    "Zorblax <b>",
]


def test_search_results_show_payloads_as_text(page: Page, hostile_url: str, watched) -> None:
    """Titles and texts with payloads are found, and shown as the text they are."""
    page.goto(hostile_url)
    title = page.title()
    for query, expected in SEARCHES:
        _search(page, query)
        expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
        expect(page.locator(".md-search-result__list")).to_contain_text(expected)
        _results_are_inert(page)
    assert page.title() == title
    assert watched == []


def test_a_payload_typed_into_search_stays_text(page: Page, hostile_url: str, watched) -> None:
    page.goto(hostile_url)
    title = page.title()
    for query in TYPED_PAYLOADS:
        _search(page, query)
        _results_are_inert(page)
    assert page.title() == title
    assert watched == []
