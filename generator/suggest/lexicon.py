"""Word lists the name rules rely on: what is not a name, and what announces one.

Lists are lower-case, whitespace-separated text so that adding a word is a one-word edit.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MONTHS = _words(
    "january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec"
)
WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")

# Words that open sentences or headlines and are not names. A capitalised word in this list
# is ignored wherever it stands; ordinary words missing from it are caught when the archive
# also uses them in lower case.
STOPWORDS = _words("""
a about above according across after afterwards again against ago ahead all almost alone
along already also although always am among amid an and another any anyone anything are
around as at away back be because been before being below beneath beside besides between
beyond both but by can cannot could despite did do does doing done down during each early
earlier either else elsewhere even ever every everyone everything except far few finally
first for former from further furthermore had has have having he hence her here hers
herself him himself his how however i if in including indeed inside instead into is it its
itself just last late later latest least less like likely many may meanwhile might more
moreover most much must my near nearly neither never nevertheless next no nobody none
nor not nothing now of off often on once one only onto or other others otherwise our out
outside over overall own per perhaps please rather recently since so some someone something
sometimes soon still such than that the their theirs them themselves then there thereby
therefore these they this those though through throughout thus to today together tomorrow
too toward towards under unless unlike until up upon us very via was we well were what
whatever when whenever where whereas whether which while who whoever whole whom whose why
will with within without yes yesterday yet you your
two three four five six seven eight nine ten dozens hundreds thousands millions billions
analysts asked authorities critics experts fighting hundreds officials observers people
police residents reports sources speaking supporters talks troops witnesses workers
doctors medics rescuers activists protesters diplomats negotiators mediators investors
economists traders lawmakers ministers leaders militants fighters soldiers rebels villagers
families survivors victims parents students teachers scientists researchers campaigners
organisers organizers fans players prosecutors lawyers judges voters polls markets shares
asked breaking exclusive live update updated watch read related analysis opinion explainer
mr mrs ms dr sir madam
""")

# Capitalised words that name no actor or place: religions, languages, events, eras.
NOT_NAMES = _words("""
god allah islam islamic islamist islamists christianity christian christians muslim muslims
jew jews jewish judaism sunni sunnis shia shiite shiites shiism catholic catholics orthodox
protestant hindu hindus buddhist arab arabs arabic english hebrew persian farsi french
german spanish russian chinese turkish kurdish latin
ramadan eid christmas easter hanukkah passover diwali yom kippur new year
internet web covid coronavirus brexit holocaust nakba intifada jihad zionism zionist zionists
olympics olympic paralympics games cup championship championships grand prix tournament
celsius fahrenheit am pm gmt utc bst cet est edt pst ok tv ceo cfo gdp ipo ai ev evs
ngo ngos vat dna hiv uk's us's ii iii iv vi vii viii ix xi xii
parliament government cabinet ministry army police state republic kingdom court
president minister north south east west northeast northwest southeast southwest
northern southern eastern western central
""")
# Last words of events and competitions: not actors, not places.
EVENT_SUFFIXES = _words("""
cup games olympics paralympics open championship championships prix summit conference war
wars election elections awards award festival week day expo marathon derby finals series
trophy slam
""")

# Acronyms in capitals that are not organisations or places.
NOT_ACRONYMS = _words("""
ceo cfo coo cto gdp ipo ai ev evs ngo ngos vat dna hiv aids tv pm am gmt utc bst cet ok id
mp mps pr hr it vip suv faq cctv lgbt lgbtq pdf url api usd eur gbp jpy bc ad ce bce
ii iii iv vi vii viii ix xi xii covid sars esg ftse pc rpg rpgs ied ieds q1 q2 q3 q4 h1 h2
""")

# Job titles and honorifics in capitals before a name ("Prime Minister Benjamin Netanyahu").
# A run of these words that contains a head word is a title; what follows is a person.
TITLE_HEADS = _words("""
president presidents minister secretary secretary-general chancellor king queen prince
princess emir sheikh sheikha sultan pope ayatollah imam mullah rabbi cardinal archbishop
bishop mr mrs ms dr prof professor general gen colonel col lieutenant lt admiral commander
sergeant sgt captain capt major senator sen rep representative congressman congresswoman
governor gov mayor ambassador envoy spokesman spokeswoman spokesperson leader chairman
chairwoman chair ceo director coach manager striker midfielder defender goalkeeper judge
justice speaker lord lady sir dame premier commissioner commissioner-general taoiseach
tanaiste crown vice-president president-elect executive chief marshal field-marshal
rapporteur
negotiator adviser advisor
""")
TITLE_MODIFIERS = _words("""
prime foreign defence defense finance interior health energy economy economic justice
education trade culture environment transport agriculture labour labor security
intelligence home treasury public social affairs state industry digital climate housing
development international european deputy vice acting former supreme crown chief senior
opposition national army navy air armed joint of the for and high grand first second
special interim caretaker outgoing incoming designate elect
""")
# Lower-case role words: "Arsenal manager Mikel Arteta", "his envoy, Brett McGurk".
ROLE_WORDS = _words("""
president minister leader chief spokesman spokeswoman spokesperson envoy negotiator manager
coach striker midfielder defender goalkeeper captain driver executive chairman chairwoman
founder governor mayor ambassador commander general secretary official analyst economist
premier chancellor principal ceo director head adviser advisor senator lawmaker mp judge
prosecutor king queen prince sheikh emir counterpart deputy correspondent reporter
journalist author star champion winger forward player teammate rival commissioner-general
""")

# Last words that make a name an organisation.
ORG_SUFFIXES = _words("""
agency council forces force party brigades brigade movement organization organisation
authority committee office ministry department bank group union association federation
commission court parliament assembly corporation corp company co inc ltd llc plc gmbh ag sa
institute university college school foundation front army guard guards corps fund network
alliance coalition league club fc society trust bureau service services police navy
tribunal programme program senate congress board exchange airlines airways motors
international holdings capital partners media news times post press observatory
""")
# First words of places named "X of Y".
REGION_HEADS_OF = _words("gulf cape strait straits bay sea isle isles lake mount port horn")
# Words that head an organisation's name and may be followed by "of" or "for".
ORG_HEADS = ORG_SUFFIXES | _words("bank campaign centre center council ministry union")

# Words that "of" may follow inside a name: "Bank of England", "Cape of Good Hope",
# "Secretary of State", "House of Commons", "Democratic Republic of the Congo".
OF_HEADS = (
    ORG_HEADS
    | REGION_HEADS_OF
    | TITLE_HEADS
    | TITLE_MODIFIERS
    | _words("republic kingdom state states emirate house city museum order chamber")
)

# Last words that make a name a place: a region, a feature, a building.
REGION_SUFFIXES = _words("""
strip heights peninsula sea gulf valley province governorate region desert river mountains
mountain islands island coast corridor crossing canal strait straits ocean lake basin
plateau delta highlands line county district territory territories side beach
""")
SITE_SUFFIXES = _words("""
stadium arena airport square palace hospital mosque church cathedral temple synagogue camp
bridge tower port harbour harbor base prison checkpoint museum embassy consulate
boulevard avenue street theatre theater
""")
# First words that make a name a place: "Gulf of Aden", "Cape of Good Hope".
REGION_HEADS = REGION_HEADS_OF | _words("lower upper greater boulevard avenue rue")
# "west of Hodeidah", "the outskirts of Kyiv": the words before "of" that point to a place.
PLACE_BEFORE_OF = _words("""
north south east west northeast northwest southeast southwest outskirts suburbs centre
center heart city town village region province capital coast
""")
# Lower-case feature words that extend a place name: "the Rafah crossing".
FEATURE_WORDS = _words("corridor crossing camp border strait canal")

# "the Gaza health ministry": a name, an optional portfolio word, then one of these.
MINISTRY_WORDS = _words("ministry")
PORTFOLIOS = _words("""
health foreign defence defense interior finance economy justice education culture energy
information trade labour labor environment transport agriculture religious
""")

# Lower-case particles that may stand inside a name ("Ursula von der Leyen", "Bank of England").
NAME_PARTICLES = _words("of the de da di du del della der den van von la le bin ibn bint al el y")
# Particles written with a hyphen or apostrophe before a capital: "al-Sisi", "d'Estaing".
HYPHEN_PARTICLES = _words("al el ad ash as at an ar az ibn bin abu bint de du van von d l")
# Lower-case endings of a compound adjective: "Iran-backed" names Iran, not a group.
COMPOUND_ENDINGS = _words("""
run led backed controlled based linked allied affiliated held born owned made style era
ruled funded supported aligned leaning dominated majority bound
""")

# Words before a name that point to a place: "in Doha", "northern Israel".
PLACE_PREPOSITIONS = _words(
    "in near across outside inside into towards toward around through to via within"
)
# Nouns before "in" that make it no place: "shares in Nvidia", "a stake in Maersk".
NOT_PLACE_BEFORE_IN = _words(
    "shares stake stakes investment interest role trust confidence member members job jobs seat"
)
# Weaker: "analysts at Morgan Stanley", "a letter from Hamas".
WEAK_PLACE_PREPOSITIONS = _words("at from")
PLACE_ADJECTIVES = _words("""
northern southern eastern western central northeastern northwestern southeastern
southwestern north south east west occupied besieged war-torn neighbouring neighboring
""")
# Verbs that follow people and organisations, not adjectives: "Brian said".
SPEECH_VERBS = _words("said says told tells added warned urged called announced insisted")

# Nationality and other adjectives from place names; never names on their own.
DEMONYMS = _words("""
afghan african albanian algerian american angolan argentine argentinian armenian asian
australian austrian azerbaijani bahraini bangladeshi belarusian belgian bolivian bosnian
brazilian british bulgarian burmese cambodian cameroonian canadian chilean chinese
colombian congolese croatian cuban cypriot czech danish dutch ecuadorian egyptian emirati
english eritrean estonian ethiopian european filipino finnish french georgian german
ghanaian greek guatemalan haitian honduran hungarian icelandic indian indonesian iranian
iraqi irish israeli italian ivorian jamaican japanese jordanian kazakh kenyan korean
kosovar kurdish kuwaiti kyrgyz lebanese liberian libyan lithuanian latvian macedonian
malaysian malian maltese mexican moldovan mongolian montenegrin moroccan mozambican
namibian nepalese nigerian nigerien norwegian omani pakistani palestinian panamanian
paraguayan persian peruvian polish portuguese qatari romanian russian rwandan saudi
scottish senegalese serbian sierra singaporean slovak slovenian somali sudanese south
spanish sri swedish swiss syrian taiwanese tajik tanzanian thai tunisian turkish turkmen
ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh western eastern yemeni
zambian zimbabwean arab arabian latin nordic scandinavian balkan baltic caucasian
bavarian catalan basque flemish walloon sicilian texan californian soviet ottoman
sunni shiite shia alawite druze yazidi islamist jihadist socialist communist leftist rightist
nationalist
""")
# Suffixes that make adjectives of place names; used only when the next word is lower case.
# ("-i" is left out: "Kobani overnight", "Ferrari driver" are names.)
DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish")
# Function words that Title Case capitalises but no name holds capitalised: "You Loved Me
# Like a Distant Star", "Though It Were Written" are titles of works, not names.
FUNCTION_WORDS = _words("""
i me my mine you your yours we us our ours he him his she her hers it its they them their
theirs was were is are be been being am do does did have has had will would could should
can might must shall not though although if than that this these those what which who whom
whose when where why how like because while until unless whether
""")
