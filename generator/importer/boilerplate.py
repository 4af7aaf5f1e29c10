"""Drop rules shared by the text and HTML readers: page furniture that is not the article.

Every rule matches a whole line (or a whole HTML block) and has a word limit, so prose that
merely mentions a newsletter, a photo or cookies is never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_AGENCIES = (
    r"(?:AFP|Reuters|REUTERS|AP|EPA(?:-EFE)?|Getty Images|Anadolu(?: Agency)?|Xinhua|"
    r"Bloomberg|SOPA Images|NurPhoto|ZUMA Press|Shutterstock|Alamy|dpa|Pool)"
)


@dataclass(frozen=True)
class Rule:
    """Lines matching ``pattern`` (case-insensitive, whole line) of at most ``max_words``."""

    reason: str
    pattern: re.Pattern[str]
    max_words: int = 12


def _rule(reason: str, max_words: int, *alternatives: str) -> Rule:
    body = "|".join(f"(?:{alt})" for alt in alternatives)
    return Rule(reason, re.compile(rf"^(?:{body})$", re.IGNORECASE), max_words)


# Headers that open a list of other stories; the lines under them go with them.
RELATED_HEADER = re.compile(
    r"^(?:read more|read also|also read|read next|see also|related|related (?:articles?|stories|"
    r"news|content|coverage|reading|links)|more on (?:this|the) (?:story|topic)|more stories|"
    r"more from [\w '’&-]{1,40}|you (?:may|might) (?:also )?(?:like|be interested in)|"
    r"recommended(?: for you| stories| reading)?|most (?:read|popular|viewed|shared)|"
    r"trending(?: now| stories)?|top stories|latest(?: news| stories| headlines)?|"
    r"editor'?s? picks|don'?t miss|more in [\w '’&-]{1,40}|in (?:pictures|photos)|"
    r"watch next|explore more|keep reading)\s*[:»›>]?$",
    re.IGNORECASE,
)

RULES: tuple[Rule, ...] = (
    _rule(
        "newsletter sign-up",
        25,
        r"(?:subscribe|sign[- ]?up|register)(?: now| today| here| free)?(?: for| to)? .{0,80}"
        r"(?:newsletters?|briefing|bulletin|digest|alerts?|emails?|inbox)[.!]?",
        r"(?:get|receive) (?:our|the) .{0,60}(?:newsletters?|briefing|in your inbox)\b.{0,40}",
        r"newsletters?(?: sign[- ]?up| subscription)?",
        r"(?:subscribe|sign[- ]?up|join)(?: now| here)?[.!]?",
        r"thanks?(?: you)? for (?:signing up|sign[- ]?up|subscribing|your subscription)[.!]?",
        r"(?:please )?(?:enter|type|your) (?:your )?e-?mail(?: address)?(?: here)?[.:]?",
        r"by (?:signing up|subscribing|clicking|submitting|registering)\b.*",
        r"you(?:'ve| have)? (?:been |are now )?(?:successfully )?(?:subscribed|signed up)\b.*",
        r"(?:please )?check your (?:inbox|email).*|invalid e-?mail(?: address)?[.!]?",
        r"privacy policy|terms (?:of (?:service|use)|(?:and|&) conditions)",
    ),
    _rule(
        "progress message",
        8,
        r"(?:please wait|loading|processing|submitting)(?:\.{2,}|…)?",
        r"something went wrong\b.*|(?:please )?try again(?: later)?[.!]?",
    ),
    _rule(
        "cookie notice",
        70,
        r"(?:we|this (?:web)?site|our (?:web)?site)(?: and our partners)? uses? cookies\b.*",
        r"(?:accept|reject|allow|manage|decline)(?: all)?(?: cookies| the cookies)?"
        r"(?: (?:and|&) (?:continue|close))?[.!]?",
        r"cookies? (?:settings|preferences|policy|notice|consent)[.!]?",
        r"by (?:continuing|using|browsing)\b.{0,60}\b(?:site|website|cookies)\b.*",
    ),
    _rule(
        "share buttons",
        12,
        r"(?:(?:share|tweet|e-?mail|print|copy(?: the)? link|link copied|save|bookmark|gift|"
        r"facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|messenger|"
        r"flipboard|threads|bluesky|mastodon)(?: this)?(?: (?:article|story|page|post))?"
        r"(?: (?:on|via|to) \w+)?[\s|,·•/]*)+",
        r"share (?:this|the) (?:article|story|page)(?: with .{1,30})?[.:!]?",
        r"(?:gift|save|share) (?:this )?(?:article|story)s?\b.{0,40}",
    ),
    _rule(
        "advertisement",
        12,
        r"(?:advertisement|advertising|advert|ad|ads|sponsored(?: content)?|paid (?:post|content)|"
        r"promoted(?: content)?|partner content)",
        r"(?:the )?(?:story|article) continues (?:below|after)(?: (?:this|the))?"
        r"(?: advertisement| ad(?:vert)?)?[.:]?",
        r"continue reading(?: (?:below|the main story))?[.:]?|scroll to continue(?: with content)?",
        r"skip (?:this )?ad(?:vert(?:isement)?)?|remove ads|ad-free.{0,40}",
    ),
    _rule(
        "related links",
        30,
        r"(?:read more|read also|also read|read next|see also|related|watch|listen|"
        r"more|recommended|latest)\s*[:|»›>]\s*\S.{0,200}",
        r"read (?:more|the latest) (?:about|on|from)\b.{0,120}",
    ),
    _rule(
        "photo caption or credit",
        80,
        r".*\((?:file )?(?:photo|image|picture|pic|photograph|credit|illustration|video)s?"
        r"(?: by)?\s*[:/]?\s*[^()]{1,100}\)\.?",
        r"(?:.*[.!?”\"]\s+)?(?:photo(?:graph)?|image|picture|credit|illustration)s?\s*(?::|by)"
        r"\s*[^.!?]{1,80}",
        rf".*\b{_AGENCIES}(?: Photo| Images| via Getty Images)?\s*/\s*[A-Z][\w .'’-]{{1,60}}",
        rf".*[/|]\s*{_AGENCIES}\)?\.?|.*\bvia getty images\)?\.?",
        r"(?:image|photo(?:graph)?|picture|caption|credit|illustration|graphic|file photo)"
        r"\s*[:|]\s*.*|(?:image|media|video) (?:caption|source)\s*[:,|]\s*.*",
        r"(?:file )?(?:photo|image|picture|video)|(?:\w+ )?getty images|images?",
    ),
    _rule(
        "social media promotion",
        20,
        r"follow (?:us|our|@\w+|[\w ]{1,30} on)\b.*",
        r"(?:download|get|open in|install) (?:the|our) .{0,30}\bapp\b.*|open in app",
        r"join (?:us|our \w+(?: \w+)?) on \w+.*",
    ),
    _rule(
        "comments",
        12,
        r"\d*\s*comments?|(?:show|view|load|hide|read|see|post|add|leave|write|join)"
        r"(?: (?:all|a|the|your))?(?: \d+)? (?:comments?|replies|conversation|discussion)\b.*",
        r"(?:be the first to comment|comments are (?:closed|now closed|open)|"
        r"(?:log|sign) in to (?:comment|reply)|join the conversation|have your say)[.!]?",
        r"(?:sort|order) by\s*:?\s*(?:newest|oldest|best|top|most recent).*",
    ),
    _rule(
        "tag list",
        40,
        r"(?:tags?|topics?|tagged(?: with| as)?|filed under|categor(?:y|ies)|keywords|subjects|"
        r"related topics|more about)\s*[:|]\s*.+",
        r"(?:tags|topics|keywords|filed under)\s*:?",
    ),
    _rule(
        "copyright notice",
        60,
        r"(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})).*|.*\ball rights reserved\.?",
        r"this (?:material|article|content|story) may not be (?:published|reproduced|copied|"
        r"redistributed|rewritten)\b.*",
    ),
    _rule(
        "navigation",
        10,
        r"skip to (?:the )?(?:main )?(?:content|navigation|search|footer)|(?:main )?menu|search|"
        r"home(?:page)?|log ?in|sign ?in|log ?out|sign ?out|register|my account|close|"
        r"toggle navigation|back to top|(?:next|previous) (?:article|story)|next|previous",
        r"[\w '’&-]{1,30}(?:\s*(?:>|›|»|/|\|)\s*[\w '’&-]{1,30}){2,}",
    ),
    _rule(
        "page controls",
        14,
        r"listen(?: to (?:this )?(?:article|story))?(?:\s*\(?\d+\s*min(?:ute)?s?\)?)?|"
        r"(?:font|text) size.*|a\s*a|print(?: this)? (?:article|page)|"
        r"report (?:an )?(?:error|typo)|"
        r"(?:send us|submit) a (?:tip|correction)|contact us|corrections? policy",
        r"save (?:this |the )?(?:articles?|story|stories)?\s*(?:to read later|for later)\b.*|"
        r"save(?: (?:this |the )?(?:article|story))?|bookmark(?: this)?(?: (?:article|story))?",
        r"(?:support|fund) (?:our|independent|quality) journalism\b.*|donate(?: now)?|"
        r"become a (?:member|subscriber|supporter)\b.*|already (?:a subscriber|have an account)\??"
        r".{0,30}|subscribe to (?:continue|read)\b.*|this (?:article|content) is (?:only )?"
        r"(?:for|available to) (?:subscribers|members)\b.*",
    ),
    _rule(
        "call to action",
        16,
        r"(?:click|tap) here\b.*",
        r"subscribe (?:to|for) (?:our|the|a)\b.*",
    ),
    _rule(
        "reading time",
        8,
        r"\d+\s*(?:-\s*)?min(?:ute)?s?\.?(?:\s+read(?:ing)?(?:\s+time)?)?",
        r"(?:estimated\s+)?read(?:ing)?\s+time\s*:?\s*\d+\s*min(?:ute)?s?",
    ),
    _rule("page address", 3, r"(?:source|url|link)?\s*:?\s*<?https?://\S+>?"),
)


def classify(text: str) -> str | None:
    """The reason a line is page furniture, or None when it may be article text."""
    line = " ".join(text.split())
    if not line:
        return None
    if RELATED_HEADER.match(line):
        return "related links"
    words = len(line.split())
    for rule in RULES:
        if words <= rule.max_words and rule.pattern.match(line):
            return rule.reason
    # "Advertisement · Scroll to continue", "Share | Print | Email": furniture in pieces.
    pieces = _PIECES.split(line)
    if len(pieces) > 1:
        reasons = [classify(piece) for piece in pieces]
        if all(reasons):
            return reasons[0]
    return None


_PIECES = re.compile(r"\s+[|·•]\s+")
URL_LINE = re.compile(r"^(?:source|url|link)?\s*:?\s*<?(?P<url>https?://\S+?)>?$", re.IGNORECASE)
