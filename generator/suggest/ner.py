"""Optional: names from a spaCy pipeline that the user installed.

Nothing here is required, imported by default or downloaded: suggestions work from the
rules and the gazetteer alone. A user who has spaCy and a model (for example
``en_core_web_sm``, installed the way spaCy documents) can name it with
``explainer suggest --spacy-model en_core_web_sm``; its entities are then found alongside
the rules' names, and its labels weigh in when guessing actor or location.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.suggest.candidates import Found

# spaCy's entity labels (OntoNotes scheme) that name actors or places; NORP (nationalities,
# religious and political groups) is left out: "Israeli", "Sunni" are no glossary entries.
LABELS = {
    "PERSON": "ner-person",
    "ORG": "ner-org",
    "GPE": "ner-gpe",
    "LOC": "ner-loc",
    "FAC": "ner-fac",
}
NerFinder = Callable[[str], list[Found]]


class NerUnavailable(Exception):
    """spaCy or the named model is not installed; the message says what to install."""


def load_pipeline(model: str) -> Any:
    """``spacy.load(model)``, or :class:`NerUnavailable` saying what is missing."""
    try:
        import spacy
    except ImportError:
        raise NerUnavailable(
            "spaCy is not installed; suggestions work without it. To use a model: "
            "pip install spacy, then install a model as spaCy's documentation says."
        ) from None
    try:
        return spacy.load(model)
    except OSError as err:
        raise NerUnavailable(f"spaCy model {model!r} could not be loaded: {err}") from None


def ner_finder(nlp: Callable[[str], Any]) -> NerFinder:
    """A finder that returns the pipeline's actor and place entities as :class:`Found`."""

    def find(text: str) -> list[Found]:
        """The entities of ``text`` whose labels name actors or places."""
        found = []
        for ent in nlp(text).ents:
            cue = LABELS.get(ent.label_)
            name = " ".join(ent.text.split())
            if cue and name[:1].isalnum():
                found.append(Found(name, ent.start_char, ent.end_char, frozenset({cue})))
        return found

    return find
