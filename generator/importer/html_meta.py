"""What an HTML page says about itself: Open Graph, ``<meta>``, JSON-LD, ``<time>``, bylines."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

from bs4 import BeautifulSoup, Tag

from generator.importer.credits import Credit, is_person_names, metadata_line
from generator.importer.dates import find_date
from generator.importer.html_blocks import text_lines
from generator.importer.model import PageMeta

_PUBLISHED_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "published_time",
)
_UPDATED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "last-modified")
_AUTHOR_KEYS = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "byl",
    "dc.creator",
    "dcterms.creator",
)
_ARTICLE_TYPE = re.compile(r"article|posting|report", re.IGNORECASE)
_BYLINE_SELECTORS = (
    '[rel~="author"]',
    '[itemprop~="author"]',
    ".byline",
    ".author",
    '[data-component*="byline"]',
    '[data-testid*="byline"]',
)
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ")


def _meta(soup: BeautifulSoup, keys: tuple[str, ...]) -> list[str]:
    """Contents of ``<meta>`` tags whose property, name or itemprop is one of ``keys``."""
    found: dict[str, list[str]] = {}
    for tag in soup.find_all("meta"):
        key = str(tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower()
        content = " ".join(str(tag.get("content") or "").split())
        if key in keys and content:
            found.setdefault(key, []).append(content)
    return [value for key in keys for value in found.get(key, [])]


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object, including those inside lists and ``@graph``, in order.

    Iterative: a page may nest lists as deep as the JSON parser allows.
    """
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            yield item
            stack.append(item.get("@graph", []))


def _json_ld(soup: BeautifulSoup) -> dict[str, Any]:
    """The page's JSON-LD article object (NewsArticle, BlogPosting...), or {}."""
    objects: list[dict[str, Any]] = []
    for script in soup.find_all("script", type=re.compile(r"ld\+json", re.IGNORECASE)):
        try:
            objects.extend(_flatten(json.loads(script.string or "", strict=False)))
        except (ValueError, RecursionError):
            continue  # Broken JSON-LD is common; the page's other metadata still counts.
    typed = [o for o in objects if _ARTICLE_TYPE.search(str(o.get("@type", "")))]
    return next(iter(typed or [o for o in objects if "headline" in o]), {})


def _names(value: Any) -> list[str]:
    """Person or organisation names from a JSON-LD ``author``/``publisher`` value."""
    names, stack = [], [value]
    while stack:  # iterative: the value may nest as deep as the JSON parser allows
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            stack.append(item.get("name", ""))
        elif text := " ".join(str(item or "").split()):
            names.append(text)
    return names


def _join_names(names: list[str]) -> str:
    unique = list(dict.fromkeys(names))
    return unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " and " + unique[-1]


def _clean_byline(text: str) -> str:
    """A byline's names, without "By" and without any date printed beside them."""
    text = " ".join(text.split())
    if not text or re.match(r"https?://", text):
        return ""
    credit = metadata_line(text) or metadata_line(f"By {text}")
    if credit is not None:
        return credit.byline
    return text if is_person_names(text) else ""


def _byline(soup: BeautifulSoup, ld: dict[str, Any], scope: Tag) -> str:
    metas = [_clean_byline(value) for value in _meta(soup, _AUTHOR_KEYS)]
    candidates = [_join_names([m for m in metas if m])] if any(metas) else []
    if _names(ld.get("author")):
        candidates.append(_join_names(_names(ld.get("author"))))
    for selector in _BYLINE_SELECTORS:
        for tag in scope.select(selector):
            # Its pieces first: "By Jane Doe" beside "Transport correspondent" in a sibling.
            candidates += [_clean_byline(text) for text in tag.stripped_strings]
            candidates.append(_clean_byline(tag.get_text(" ")))
    return next((c for c in candidates if c), "")


def _strip_site(title: str, site: str) -> str:
    """Remove " | Site Name" from a title; from a bare ``<title>``, anything after " | "."""
    for separator in _TITLE_SEPARATORS:
        if site and title.endswith(separator + site):
            return title[: -len(separator + site)].strip()
        if site and title.startswith(site + separator):
            return title[len(site + separator) :].strip()
    return title


def _title(soup: BeautifulSoup, ld: dict[str, Any], container: Tag, site: str) -> str:
    """og:title, else the article's ``<h1>`` (a logo's ``<h1>`` is skipped), else
    the JSON-LD headline, twitter:title or ``<title>``; without the site's name."""
    h1s = [" ".join(h.get_text(" ").split()) for h in [*container("h1"), *soup("h1")]]
    ordered = [*_meta(soup, ("og:title",)), *(h for h in h1s if h and h != site)]
    ordered += [*_names(ld.get("headline")), *_meta(soup, ("twitter:title",))]
    for found in ordered:
        if found:
            return _strip_site(" ".join(found.split()), site)
    page_title = " ".join((soup.title.get_text() if soup.title else "").split())
    return _strip_site(page_title, site).split(" | ")[0].strip()


def _time_tags(scope: Tag) -> list[str]:
    tags = scope.find_all("time", attrs={"datetime": True})
    tags.sort(key=lambda t: not (t.has_attr("pubdate") or "publish" in str(t.attrs).lower()))
    return [str(t["datetime"]) for t in tags]


def _first_date(values: list[Any]) -> dt.date | None:
    return next((d for v in values if v and (d := find_date(str(v))) is not None), None)


def _credits_in_text(soup: BeautifulSoup) -> Credit:
    """Bylines, agencies and dates printed anywhere on the page (outside the article too),
    such as "Omar Haddad, Reuters | Published 18 September 2024" in a header."""
    found: list[Credit] = []
    for line in text_lines(soup.body or soup):
        credit = metadata_line(line) if len(line) < 120 else None
        if credit is not None:
            found.append(credit)
    return Credit(
        reason="",
        byline=next((c.byline for c in found if c.byline), ""),
        agency=next((c.agency for c in found if c.agency), ""),
        published=next((c.published for c in found if c.published), None),
    )


def _url(soup: BeautifulSoup, ld: dict[str, Any]) -> str:
    canonical = soup.find("link", rel="canonical")
    entity = ld.get("mainEntityOfPage")
    candidates = [canonical.get("href") if canonical else ""]
    candidates += [*_meta(soup, ("og:url",)), ld.get("url")]
    candidates.append(entity.get("@id") if isinstance(entity, dict) else entity)
    return next(
        (str(c).strip() for c in candidates if c and re.match(r"https?://\S+$", str(c).strip())), ""
    )


def page_meta(soup: BeautifulSoup, container: Tag) -> PageMeta:
    """Collect title, dates, byline, site name and URL from the page's metadata."""
    ld = _json_ld(soup)
    site = next(
        iter(
            _meta(soup, ("og:site_name",))
            + _names(ld.get("publisher"))
            + _meta(soup, ("application-name",))
        ),
        "",
    )
    published = _first_date(
        [*_meta(soup, _PUBLISHED_KEYS), ld.get("datePublished"), ld.get("dateCreated")]
    )
    updated = _first_date([*_meta(soup, _UPDATED_KEYS), ld.get("dateModified")])
    printed = _credits_in_text(soup)
    return PageMeta(
        title=_title(soup, ld, container, site),
        date=published
        or _first_date(_time_tags(container) + _time_tags(soup))
        or printed.published,
        updated=updated,
        byline=_byline(soup, ld, container) or _byline(soup, {}, soup) or printed.byline,
        site_name=site,
        url=_url(soup, ld),
        agency=printed.agency,
    )
