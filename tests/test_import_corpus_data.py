"""The real-page import corpus (tests/import_real/) is well-formed.

These tests judge the hand-written answers, not the importer: every manifest
entry has its page and expected file, each expected file follows the schema in
tests/import_real/README.md, the split follows the id hash rule, and for raw
text pages every paragraph, subheading, title and boilerplate line really
occurs in the page text, which catches typos made while copying by hand.
"""

import hashlib
import json
import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "import_real"
MANIFEST_KEYS = {"id", "site", "url", "origin", "licence", "kind", "split", "labeller"}
EXPECTED_KEYS = {"title", "byline", "date", "paragraphs", "subheadings", "boilerplate", "names"}
ACTOR_KINDS = {"person", "organisation", "party", "movement", "army", "media", "state-body"}
LOCATION_KINDS = {"country", "territory", "region", "city", "site"}
PAGE_LIMIT_BYTES = 2 * 1024 * 1024


def load_manifest() -> list[dict]:
    """Return the manifest entries, or an empty list when there is no manifest yet."""
    path = CORPUS / "manifest.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def normalised(text: str) -> str:
    """Return `text` with every run of whitespace made one space, as answers are written."""
    return re.sub(r"\s+", " ", text).strip()


def split_for(page_id: str) -> str:
    """Return the split the id alone decides: held for one id in three."""
    return "held" if int(hashlib.sha1(page_id.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def page_path(entry: dict) -> Path:
    """Return where the page of a manifest entry lives."""
    suffix = "txt" if entry["kind"] == "text" else "html"
    return CORPUS / "pages" / f"{entry['id']}.{suffix}"


ENTRIES = load_manifest()
IDS = [entry.get("id", "?") for entry in ENTRIES]


def test_manifest_is_a_list_sorted_by_unique_ids():
    """The lead merges two helpers' lists, so the file stays a plain sorted list."""
    assert isinstance(ENTRIES, list)
    assert sorted(IDS) == IDS
    assert len(IDS) == len(set(IDS))


def manifest_problems(entry: dict) -> list[str]:
    """Return every way one manifest entry breaks the layout."""
    problems = []
    if set(entry) != MANIFEST_KEYS:
        problems.append(f"keys {sorted(set(entry) ^ MANIFEST_KEYS)} missing or extra")
    if not re.fullmatch(r"[a-z0-9-]+", entry.get("id", "")):
        problems.append("id is not [a-z0-9-]+")
    if entry.get("kind") not in {"html", "text"}:
        problems.append(f"kind {entry.get('kind')!r}")
    if entry.get("split") != split_for(entry.get("id", "")):
        problems.append(f"split {entry.get('split')!r} is not {split_for(entry.get('id', ''))!r}")
    if entry.get("labeller") not in {"corpus-text", "corpus-html"}:
        problems.append(f"labeller {entry.get('labeller')!r}")
    for key in ("site", "origin", "licence"):
        if not isinstance(entry.get(key), str) or not entry.get(key):
            problems.append(f"{key} is empty")
    return problems


def names_problems(names: object) -> list[str]:
    """Return every way the names block breaks the schema."""
    if not isinstance(names, dict) or set(names) != {"actors", "locations"}:
        return ["names must hold exactly actors and locations"]
    problems = []
    for group, kinds in (("actors", ACTOR_KINDS), ("locations", LOCATION_KINDS)):
        seen = set()
        for item in names[group]:
            if not isinstance(item.get("name"), str) or item.get("kind") not in kinds:
                problems.append(f"{group}: {item!r} has no name or a kind outside {sorted(kinds)}")
            elif item["name"] in seen:
                problems.append(f"{group}: {item['name']!r} listed twice")
            seen.add(item.get("name"))
    return problems


def expected_problems(expected: dict) -> list[str]:
    """Return every way one expected answer breaks the schema."""
    problems = []
    if not EXPECTED_KEYS <= set(expected) <= EXPECTED_KEYS | {"notes"}:
        problems.append(f"keys {sorted(set(expected) ^ EXPECTED_KEYS)} missing or extra")
    if not isinstance(expected.get("title"), str) or not expected.get("title"):
        problems.append("title is empty")
    if expected.get("byline") is not None and not isinstance(expected.get("byline"), str):
        problems.append("byline is neither text nor null")
    date = expected.get("date")
    if date is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(date)):
        problems.append(f"date {date!r} is not YYYY-MM-DD")
    for key in ("paragraphs", "subheadings", "boilerplate"):
        value = expected.get(key)
        if not isinstance(value, list) or not all(isinstance(line, str) and line for line in value):
            problems.append(f"{key} is not a list of non-empty strings")
    if not expected.get("paragraphs"):
        problems.append("no paragraphs")
    return problems + names_problems(expected.get("names"))


def missing_from_page(expected: dict, page_text: str) -> list[str]:
    """Return every hand-copied line of a text answer that the page does not contain."""
    page = normalised(page_text)
    copied = [("title", expected["title"])]
    for key in ("paragraphs", "subheadings", "boilerplate"):
        copied += [(key, line) for line in expected[key]]
    return [
        f"{key}: {line[:60]!r} not in page" for key, line in copied if normalised(line) not in page
    ]


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_manifest_entry_follows_the_layout(entry):
    """Each entry names its source, licence and kind, and its split is the hash rule's."""
    assert manifest_problems(entry) == []


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_page_and_expected_files_exist(entry):
    """Each entry has its page, small enough to commit, and its hand-written answer."""
    page = page_path(entry)
    assert page.is_file()
    assert page.stat().st_size < PAGE_LIMIT_BYTES
    assert (CORPUS / "expected" / f"{entry['id']}.json").is_file()


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_expected_answer_follows_the_schema(entry):
    """Types, dates and name kinds are those the schema allows, with no name twice."""
    expected = json.loads((CORPUS / "expected" / f"{entry['id']}.json").read_text(encoding="utf-8"))
    assert expected_problems(expected) == []


TEXT_ENTRIES = [entry for entry in ENTRIES if entry.get("kind") == "text"]


@pytest.mark.parametrize("entry", TEXT_ENTRIES, ids=[entry["id"] for entry in TEXT_ENTRIES])
def test_text_answer_is_copied_from_its_page(entry):
    """Every paragraph and furniture line of a text answer occurs in the pasted text."""
    expected = json.loads((CORPUS / "expected" / f"{entry['id']}.json").read_text(encoding="utf-8"))
    assert missing_from_page(expected, page_path(entry).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("page_id", "split"),
    [
        ("a", "dev"),
        ("voa-ukraine-grain-2023", "dev"),
        ("bbc-obama-gun-laws-2015", "dev"),
        ("guardian-maori-whale-strandings-2019", "held"),
    ],
)
def test_split_rule_matches_known_hashes(page_id, split):
    """SHA-1 of the id modulo 3 decides the split (values worked out by hand once)."""
    assert split_for(page_id) == split


PAGE = "Home\nShare\n\nThe  first\nparagraph.\n\nCaption text\n"


@pytest.mark.parametrize(
    ("paragraphs", "boilerplate", "missing"),
    [
        (["The first paragraph."], ["Caption text", "Share"], []),
        (["The first paragraf."], ["Share"], ["paragraphs: 'The first paragraf.' not in page"]),
        (["The first paragraph."], ["Caption txt"], ["boilerplate: 'Caption txt' not in page"]),
    ],
)
def test_copy_check_finds_typos(paragraphs, boilerplate, missing):
    """Lines match across whitespace differences, and a mistyped line is reported."""
    expected = {
        "title": "Home",
        "paragraphs": paragraphs,
        "subheadings": [],
        "boilerplate": boilerplate,
    }
    assert missing_from_page(expected, PAGE) == missing
