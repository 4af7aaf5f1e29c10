"""An alias is linked only where it is a name: one table per rule, on rendered bodies."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from generator.body.choice import Choices
from generator.body.render import render_body
from generator.content.matcher import AliasMatcher
from generator.content.model import Entity
from generator.content.read import read_archive


def _entry(entity_id: str, *aliases: str, **fields) -> Entity:
    section = fields.pop("section", "actors")
    return Entity(
        entity_id,
        section,
        f"{section}/{entity_id}.md",
        aliases[0],
        "person",
        aliases,
        "s",
        **fields,
    )


GLOSSARY = [
    _entry("blinken", "Antony Blinken", "Blinken"),
    _entry("netanyahu", "Benjamin Netanyahu", "Netanyahu"),
    _entry("us", "United States", "US", "U.S.", section="locations"),
    _entry("unsc", "United Nations Security Council", "UN Security Council", "Security Council"),
    _entry("un", "United Nations", "UN"),
    _entry("washington", "Washington", section="locations", country="us"),
    _entry("israel", "Israel", section="locations"),
    _entry("gaza", "Gaza Strip", "Gaza", section="locations"),
    _entry("rafah", "Rafah", section="locations"),
    _entry("hamas", "Hamas"),
    _entry("tamim", "Sheikh Tamim bin Hamad Al-Thani", "Tamim bin Hamad Al-Thani", "Al-Thani"),
    _entry("pm", "Mohammed bin Abdulrahman Al-Thani", "Al-Thani"),
    _entry("may", "Theresa May", "May"),
    _entry("chad", "Republic of Chad", "Chad", section="locations"),
    _entry(
        "jordan",
        "Jordan",
        section="locations",
        not_before=("river", "Valley"),
        not_after=("Michael",),
    ),
    _entry("mj", "Michael Jordan", not_after=("the",)),
]
MATCHER = AliasMatcher(GLOSSARY)
HREFS = {entry.id: entry.id for entry in GLOSSARY}


def linked(body: str, listed: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(entry, words) of every link the body gets, in order."""
    html = "".join(
        b.content for b in render_body(body, MATCHER, HREFS, "", frozenset(listed)).blocks
    )
    return [(a["href"], a.get_text()) for a in BeautifulSoup(html, "html.parser").find_all("a")]


def _ids(body: str, listed: tuple[str, ...] = ()) -> list[str]:
    return [entry for entry, _ in linked(body, listed)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A part of a longer capitalised name is not a mention.
        ("He served on the National Security Council staff.", []),
        ("**National** Security Council staff met.", []),
        ("The Washington Post reported it.", []),
        ("Israel Defense Forces said so.", []),
        ("Gaza City was shelled.", []),
        ("a Blinken Doctrine of sorts", []),
        # "of" inside a name joins it: the alias after it is a part.
        ("The Bank of Israel raised rates.", []),
        ("ships in the Gulf of Gaza", []),
        ("the President of Israel said", ["israel"]),
        ("Residents of Gaza fled.", ["gaza"]),
        ("the people of Gaza fled", ["gaza"]),
        ("Most of Gaza is in ruins.", ["gaza"]),
        ("Hamas of Gaza said", ["hamas", "gaza"]),
        # ... unless the longer run is itself an alias, or two names side by side.
        ("The UN Security Council voted.", ["unsc"]),
        ("The Security Council voted.", ["unsc"]),
        ("The UN Security Council and the UN met.", ["unsc", "un"]),
        ("said Hamas Gaza chief Yahya Sinwar", ["hamas", "gaza"]),
        # A possessive ends a run; a describing adjective does not make one.
        ("Israel's Gaza offensive went on.", ["israel", "gaza"]),
        ("Netanyahu’s Likud party won.", ["netanyahu"]),
        ("the Israeli Rafah offensive", ["rafah"]),
        # Sentence starts: an ordinary opener is no part of a name, a sentence's end no run.
        ("The United States has presented ideas.", ["us"]),
        ("Fighting went on in Gaza. Hamas said it would reply.", ["gaza", "hamas"]),
        ("Several Hamas officials spoke.", ["hamas"]),
        # A date word after a name is no part of it.
        ("He met Blinken Tuesday in Cairo.", ["blinken"]),
        # Title case says nothing by its capitals.
        ("Blinken Leaves Washington After Talks With Hamas", ["blinken", "washington", "hamas"]),
    ],
)
def test_a_capitalised_run_is_a_longer_name(body: str, expected: list[str]) -> None:
    assert _ids(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Prime Minister Benjamin Netanyahu spoke.", ["netanyahu"]),
        ("Israeli Prime Minister Benjamin Netanyahu spoke.", ["netanyahu"]),
        ("US Secretary of State Antony Blinken left.", ["us", "blinken"]),
        ("Top US diplomat Antony Blinken left.", ["us", "blinken"]),
        ("Emir Sheikh Tamim bin Hamad Al-Thani spoke.", ["tamim"]),
        ("US President Joe Biden called.", ["us"]),
        ("the UN Secretary-General said", ["un"]),
        ("Mr. Netanyahu and Gen. Blinken", ["netanyahu", "blinken"]),
    ],
)
def test_a_title_before_a_name_keeps_it_a_name(body: str, expected: list[str]) -> None:
    assert _ids(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Talks resume in May 2024.", []),
        ("Talks resumed on 3 May in Cairo.", []),
        ("Talks resumed on May 3rd in Cairo.", []),
        ("Talks resumed in early May.", []),
        ("Talks resumed last May, Tuesday May 7.", []),
        ("Blinken met Theresa May.", ["blinken", "may"]),
        ("Blinken met May in London.", ["blinken", "may"]),
        ("In 2019 talks with May failed.", ["may"]),
    ],
)
def test_a_month_next_to_a_date_is_the_date(body: str, expected: list[str]) -> None:
    assert _ids(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("May we add a word? Blinken met her.", ["blinken"]),
        ("Chad closed its border.", []),
        ("“Chad closed its border,” he said.", []),
        ("He flew to Chad. Chad closed its border.", ["chad"]),
        ("The Republic of Chad spoke. Later Chad closed it.", ["chad"]),
        # Named in full earlier (even in a heading), the short form opening a sentence counts.
        ("## Theresa May\n\nMay said so.", ["may"]),
        ("May said so. Then Theresa May left.", ["may"]),
    ],
)
def test_an_ordinary_word_opening_a_sentence_is_the_word(body: str, expected) -> None:
    assert _ids(body) == expected


def test_the_short_form_after_the_full_name_is_the_first_link_when_headings_named_it() -> None:
    assert linked("## Theresa May\n\nMay said so.") == [("may", "May")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Jordan closed the crossing.", ["jordan"]),
        ("Water from the Jordan river.", []),
        ("The Jordan Valley is fertile.", []),
        ("Fans of Michael Jordan cheered.", ["mj"]),
        ("He watched the Michael Jordan film.", []),
        ("Fans of Michael Jordan cheered, and Jordan closed it.", ["mj", "jordan"]),
    ],
)
def test_neighbour_words_rule_a_match_out(body: str, expected: list[str]) -> None:
    assert _ids(body) == expected


@pytest.mark.parametrize(
    ("body", "listed", "expected"),
    [
        ("Al-Thani said so.", ("tamim",), ["tamim"]),
        ("Al-Thani said so.", ("pm",), ["pm"]),
        ("Tamim bin Hamad Al-Thani arrived. Al-Thani said so.", (), ["tamim"]),
        ("Al-Thani said so, as Mohammed bin Abdulrahman Al-Thani had.", (), ["pm"]),
        ("Al-Thani said so.", (), []),
    ],
)
def test_the_article_chooses_between_entries_sharing_an_alias(body, listed, expected) -> None:
    assert _ids(body, listed) == expected


def test_an_unchosen_shared_alias_asks_naming_both_entries_at_its_line() -> None:
    result = render_body("Blinken met.\n\nThen Al-Thani said so.", MATCHER, HREFS)
    [note] = result.problems
    assert (note.line, note.severity) == (3, "error")
    assert "'Al-Thani'" in note.message and "pm or tamim" in note.message
    assert "actors:" in note.message


@pytest.mark.parametrize(
    ("choices", "candidates", "expected"),
    [
        (Choices(), ("a",), "a"),
        (Choices(), ("a", "b"), None),
        (Choices(listed=frozenset({"b"})), ("a", "b"), "b"),
        (Choices(listed=frozenset({"a", "b"})), ("a", "b"), None),
        (Choices(listed=frozenset({"a", "b"}), named=frozenset({"a"})), ("a", "b"), "a"),
        (Choices(named=frozenset({"b"})), ("a", "b"), "b"),
        (Choices(named=frozenset({"x"}), countries={"a": "x"}), ("a", "b"), "a"),
        (Choices(listed=frozenset({"y"}), countries={"a": "x", "b": "y"}), ("a", "b"), "b"),
    ],
)
def test_choices_decide_in_order(choices: Choices, candidates, expected) -> None:
    assert choices.choose(candidates) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Blinken met Netanyahu. Blinken left; Netanyahu stayed.", ["blinken", "netanyahu"]),
        ("He served on the National Security Council. The Security Council met.", ["unsc"]),
        ("In May 2024 nothing. Blinken met May.", ["blinken", "may"]),
    ],
)
def test_linking_stays_first_mention_only(body: str, expected: list[str]) -> None:
    assert _ids(body) == expected


def test_a_match_that_is_no_name_is_no_mention_either() -> None:
    found = render_body("He served on the National Security Council.", MATCHER, HREFS).found
    assert found == ()


def _entry_file(tmp_path, extra: str):
    folder = tmp_path / "content" / "locations"
    folder.mkdir(parents=True)
    text = (
        f"---\nname: Washington\nkind: city\naliases: [Washington]\nsummary: A city.\n{extra}---\n"
    )
    (folder / "washington.md").write_text(text, encoding="utf-8")
    return read_archive(tmp_path / "content")


@pytest.mark.parametrize(
    ("extra", "problems"),
    [
        ("not_before: Post\n", [("not_before", "expected a list")]),
        ("not_before: [1, Post]\n", [("not_before[0]", "expected text")]),
        ("not_after: [Post, '(x']\n", [("not_after[1]", "must begin with a letter")]),
        ("not_before: ['" + "x" * 41 + "']\n", [("not_before[0]", "longer than 40")]),
        ("not_before: [" + ", ".join(["w"] * 21) + "]\n", [("not_before", "21 words; at most 20")]),
        ("not_before: [{a: b}]\n", [("not_before[0]", "expected text, got a mapping")]),
        ("not_before: ['a\u200bb']\n", [("not_before[0]", "ZERO WIDTH SPACE")]),
        ("not_befor: [Post]\n", [("not_befor", "unknown field")]),
        (
            "not_before: [3]\nnot_after: ['']\n",
            [("not_before[0]", "expected text"), ("not_after[0]", "is empty")],
        ),
    ],
)
def test_neighbour_fields_are_checked_all_at_once(tmp_path, extra: str, problems) -> None:
    archive = _entry_file(tmp_path, extra)
    found = [(p.field, p.message) for p in archive.problems]
    assert len(found) == len(problems), found
    for (field, message), (want_field, needle) in zip(found, problems, strict=True):
        assert field == want_field and needle in message, found
    # Each problem stands at its own key's line (the extra keys start at line 6).
    lines = {line.split(":")[0]: 6 + n for n, line in enumerate(extra.splitlines())}
    assert [p.line for p in archive.problems] == [lines[f.split("[")[0]] for f, _ in found]


def test_neighbour_fields_reach_the_entry(tmp_path) -> None:
    archive = _entry_file(tmp_path, "not_before: [Post, Commanders]\nnot_after: [Fort]\n")
    [entry] = archive.entities
    assert (entry.not_before, entry.not_after) == (("Post", "Commanders"), ("Fort",))
