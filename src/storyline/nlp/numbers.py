"""Find and read every number in news text, with its hedge and its kind.

`find_numbers(text)` scans raw text (no tokenizer, no model) and returns one `Number` per
numeric expression: digits ("1,200", "2.3 million", "£2bn", "70%"), number words ("one
hundred and five", "a 100", "half a million"), vague amounts ("dozens", "tens of thousands"),
fractions ("two-thirds" -> 66.67 percent), ordinals, times and date parts.  Each number
carries the hedge written in front of it ("more than", "an estimated", "up to", "between ...
and ...") as a `qualifier`, bounds `low`/`high`, and a `kind` (count, money, percent,
date_part, time, duration, age, ordinal, other) so that consumers -- the figures ledger,
above all -- can keep casualty and hostage counts and drop "Channel 12" or "Covid-19".

Why hand-written: word->number converters (word2number, numerizer, text2num) turn "twenty
five" into 25 but give neither character spans, hedges, vague news amounts ("scores",
"hundreds of thousands") nor kinds, and they rewrite the text rather than locate numbers in
it.  The grammar needed here is small, so it is done with regular expressions and a little
state, and it runs in linear time over the text.

Conventions (documented choices)
--------------------------------
* `text` is the value text as written: hedge words, the number, and its own marks (currency
  symbol or word, scale word, "%"/"percent", "-some"/"-plus"/"or so").  It does not include
  the counted noun or the time unit ("nearly six" in "nearly six months").  `number_start`/
  `number_end` span the numeric part without the leading hedge.
* `value` is the number itself; for a range it is the low end.  Bounds: exact and approx ->
  low == high == value; over -> (value, None); under -> (None, value); range -> (a, b).
  None marks an open end.
* Vague amounts (annotation scheme values), qualifier "approx", with these bounds:
  a few / a handful 3 (2-5), several 3 (3-9), a couple 2 (2-3), a dozen 12 (10-14),
  dozens 24 (24-99), several dozen 36 (36-99), a few dozen 36 (24-60), scores 40 (40-199),
  tens (of) 20 (20-99), hundreds 200 (200-999), thousands 2,000 (2,000-9,999),
  tens of thousands 20,000 (20,000-99,999), hundreds of thousands 200,000 (200,000-999,999),
  millions 2,000,000 (2,000,000-9,999,999), tens of millions 20,000,000,
  hundreds of millions 200,000,000, billions 2,000,000,000.  "several/a few/a handful" before
  a scale word multiply it by 3 ("several hundred" = 300, bounds 3x-9x resp. 2x-5x).
  A hedge in front ("more than a dozen") replaces approx by over/under with open bounds.
* Fractions are percents: "two-thirds" 66.67, "a quarter of" 25, "half of" 50, "one in
  five" 20.  "half a million" is a count (500,000), "half an hour" a duration (0.5 hour).
* "one" used as a pronoun or article ("one of the", "one Egyptian security source", "no one")
  is returned with kind "other".  "one" counts (kind count) only when hedged, in a range, or
  directly followed by a countable victim/thing noun ("one hostage", "one soldier").
* Times: value is the hour of day as a decimal (10:30 -> 10.5, 3 p.m. -> 15.0).
  ISO dates ("2023-11-24") and slash dates give one date_part per component; decades
  ("the 1990s") are date_part ranges (1990-1999).
* Ages and durations carry the unit (year, month, week, day, hour, ...) in `unit`.
  "N-month-old" is an age unless the next noun is a thing ("seven-month-old offensive" is a
  duration).  Bare "over"/"under" before a duration are read as prepositions ("over two
  days"), not hedges.
* Money has the currency in `unit` (usd, gbp, eur, ils); percents have unit "percent";
  measurements ("10km", "5 miles") are kind "other" with the measure as unit.
* Hedges are only taken when directly in front of the number.  "nearly" and "almost" are
  approx; "up to" and "as many as" are under; "at least" is over.
* Repairs of tokenization damage: "2. 3 million" -> 2.3 million, "1, 200" -> 1200 (only when
  the 3-digit group is not part of a list or a date).  URLs, e-mail addresses, domains,
  @handles, #hashtags and HTML tags are skipped; version numbers ("17.4.1"), identifiers of seven
  or more bare digits, phone numbers, "Channel 12"-style names and list numbering are kind "other".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Number", "find_numbers", "format_number", "KINDS", "QUALIFIERS"]

KINDS = ("count", "money", "percent", "date_part", "time", "duration", "age", "ordinal", "other")
QUALIFIERS = ("exact", "approx", "over", "under", "range")


@dataclass
class Number:
    """One numeric expression found in a text."""

    start: int  # character span of `text` in the input (hedge included)
    end: int
    text: str  # value text as written, hedge included
    value: float  # the number (for a range its low end)
    low: float | None  # bounds; None for an open end
    high: float | None
    qualifier: str  # exact | approx | over | under | range
    kind: str  # count | money | percent | date_part | time | duration | age | ordinal | other
    unit: str | None = None  # currency code, "percent", or time unit for durations/ages
    number_start: int = -1  # span of the numeric part alone, without hedge
    number_end: int = -1

    def __post_init__(self) -> None:
        if self.number_start < 0:
            self.number_start = self.start
        if self.number_end < 0:
            self.number_end = self.end


def format_number(n: Number) -> dict:
    """A JSON-ready dict for one Number."""
    return {
        "text": n.text,
        "start": n.start,
        "end": n.end,
        "value": _clean(n.value),
        "low": _clean(n.low),
        "high": _clean(n.high),
        "qualifier": n.qualifier,
        "kind": n.kind,
        "unit": n.unit,
    }


def _clean(x: float | None) -> float | int | None:
    if x is None:
        return None
    if float(x).is_integer() and abs(x) < 2**53:
        return int(x)
    return round(x, 4)


# --------------------------------------------------------------------------- vocabularies

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
ORD_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19,
}
ORD_TENS = {
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}
ORD_SCALES = {"hundredth": 100, "thousandth": 1000, "millionth": 1e6}

_FRAC_DEN = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7,
    "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10,
    "tenths": 10,
}
_FRAC_NUM = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "seven": 7, "eight": 8, "nine": 9}

# words that can begin a number expression (lower case)
_START_WORDS = (
    set(UNITS) | set(TENS) | set(ORD_UNITS) | set(ORD_TENS) | {"hundredth", "thousandth"}
    | {"a", "half", "dozens", "dozen", "several", "scores", "hundreds", "thousands", "millions",
       "billions", "tens", "us", "nis", "usd", "gbp", "eur", "ils"}
)

MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)

_COUNT_NOUNS = (
    r"people|persons|hostages|captives|prisoners|detainees|palestinians|israelis|gazans|"
    r"civilians|children|kids|babies|infants|minors|teenagers|women|men|soldiers|troops|"
    r"reservists|fighters|militants|members|residents|families|workers|patients|doctors|"
    r"nurses|journalists|trucks|lorries|bodies|homes|houses|buildings|rockets|missiles|"
    r"drones|targets|tunnels|sites|strikes|deaths|dead|casualties|killed|injured|wounded|"
    r"victims|refugees|tonnes|tons|beds|meals|vehicles|others|more|foreigners|nationals|"
    r"citizens|students|staff|employees|individuals|names"
)
_COUNT_NOUN_RE = re.compile(r"(?:\s+|-)(?:" + _COUNT_NOUNS + r")\b", re.I)
_COUNT_NOUN_NEAR_RE = re.compile(r"\s+(?:" + _COUNT_NOUNS + r")\b", re.I)
_ONE_COUNT_RE = re.compile(
    r"\s+(?:more\s+)?(?:hostage|captive|prisoner|detainee|soldier|civilian|child|baby|infant|"
    r"woman|man|person|body|truck|reservist|fighter|militant|journalist|worker|patient|"
    r"rocket|missile|drone|tunnel|hospital|death|victim|member|citizen|national)\b",
    re.I,
)

_THING_NOUNS = (
    r"offensive|war|conflict|truce|ceasefire|cease-fire|campaign|operation|siege|blockade|"
    r"deal|agreement|accord|crisis|fighting|occupation|policy|law|dispute|government|"
    r"coalition|talks|negotiations|assault|invasion|bombardment|bombing|movement|group|"
    r"programme|program|feud|standoff|stand-off|stalemate|lull|pause|battle|record|"
    r"plan|strike|protest|protests|boycott|investigation|inquiry|trial|case|process|"
    r"relationship|rule|regime|mission|effort|attack|attacks|incursion|hunger|war's|"
    r"military|ground|air|search|struggle|tradition|pact|freeze|suspension|delay|gap"
)

_HEDGES = [
    # (phrase, qualifier) -- longest first when compiled
    ("approximately", "approx"), ("about", "approx"), ("around", "approx"),
    ("roughly", "approx"), ("nearly", "approx"), ("almost", "approx"), ("some", "approx"),
    ("an estimated", "approx"), ("estimated", "approx"), ("close to", "approx"),
    ("circa", "approx"), ("c.", "approx"), ("approx.", "approx"), ("just about", "approx"),
    ("more or less", "approx"), ("in the region of", "approx"), ("an approximate", "approx"),
    ("~", "approx"), ("just over", "over"), ("just under", "under"), ("well over", "over"),
    ("well above", "over"), ("more than", "over"), ("over", "over"), ("above", "over"),
    ("at least", "over"), ("upwards of", "over"), ("upward of", "over"),
    ("in excess of", "over"), ("greater than", "over"), ("no fewer than", "over"),
    ("no less than", "over"), ("not less than", "over"), ("a minimum of", "over"),
    ("north of", "over"), ("fewer than", "under"), ("less than", "under"),
    ("up to", "under"), ("at most", "under"), ("under", "under"), ("below", "under"),
    ("no more than", "under"), ("not more than", "under"), ("as many as", "under"),
    ("a maximum of", "under"), ("just shy of", "under"), ("between", "range"),
]
_HEDGE_Q = {h: q for h, q in _HEDGES}
_HEDGE_RE = re.compile(
    r"(?:(?<![\w.])|(?<=~))(?P<h>"
    + "|".join(re.escape(h) for h, _ in sorted(_HEDGES, key=lambda x: -len(x[0])))
    + r")\s*$",
    re.I,
)

# --------------------------------------------------------------------------- regexes

_MASK_RE = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|<[A-Za-z/!][^<>]{0,800}>"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w@])@\w+"
    r"|#\w+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|int|co\.uk|co\.il|org\.il|gov\.il|uk|il|io)"
    r"(?:/\S*)?(?![\w.])",
    re.I,
)
def _trie_regex(words: set[str]) -> str:
    """A regex alternation for `words`, factored by prefix (much faster to scan)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        optional = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if optional else body

    return emit(trie)


_CAND_RE = re.compile(
    r"(?<![A-Za-z])(?i:"
    + _trie_regex(_START_WORDS - {"a"})
    + r"|a(?=\s+(?:few|handful|couple|dozen|hundred|thousand|million|billion|trillion|"
    r"quarter|third|half|fifth|sixth|seventh|eighth|ninth|tenth|1)))(?![A-Za-z])|(?<!\d)\d|[$£€₪]|\+(?=\d)"
)
_MASK_PREFILTER_RE = re.compile(
    r"https?://|www\.|@|#|<[A-Za-z/!]|\.(?:com|org|net|gov|edu|int|uk|il|io)\b", re.I)
_WORD_RE = re.compile(r"[A-Za-z]+")

_ISO_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_ISO_TIME_RE = re.compile(
    r"[T ](?P<t>(?P<h>[01]\d|2[0-3]):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d)(?:\.\d+)?)?)"
    r"(?:Z|[+-]\d{2}:?\d{2})?(?![\d:])")
_SLASHDATE_RE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")
_COMPACT_DATE_RE = re.compile(r"((?:19|20)\d{2})(\d{2})(\d{2})(?![\d,.])")
_VERSION_RE = re.compile(r"(\d+\.\d+)(?:\.\d+)+(?!\d)")
_LONG_DIGITS_RE = re.compile(r"\d{7,}(?![\d,.])")
_SLASH_RE = re.compile(r"(\d+)/(\d+)(?![\d/])")
_TIME_RE = re.compile(
    r"(?P<h>2[0-3]|[01]\d|\d)(?:(?P<sep>[:.])(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?)?"
    r"(?P<ap>\s?(?P<apl>[ap])(?:\.m\.?|m)(?![A-Za-z]))?",
    re.I,
)
_GMT_RE = re.compile(r"(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?=\s*(?:GMT|UTC|BST|hrs|hours\s+GMT|local\s+time))")
_OCLOCK_RE = re.compile(r"(?P<h>1[0-2]|0?[1-9])(?=\s+o['’]clock)")
_PHONE_RE = re.compile(
    r"(?:\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]\d{2,8}){1,4}"
    r"|\(\d{2,4}\)\s?\d{3,4}[\s.-]\d{3,4}"
    r"|0\d{2,4}[\s-]\d{3,4}[\s-]\d{3,4}"
    r"|\d{3}-\d{3}-\d{4})(?![\d-])"
)
_LISTNUM_RE = re.compile(r"(\d{1,2})[.)](?=\s)")
_DIGITS_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])|\d+(?:\.\d+)?")
_REPAIR_COMMA_RE = re.compile(r"\s?,\s(\d{3})(?![\d,]|\.\d)")
_REPAIR_DOT_RE = re.compile(
    r"\.\s(\d{1,2})(?=\s*(?:million|billion|trillion|bn\b|thousand|per\s?cent|%))", re.I
)
_SCALE_RE = re.compile(
    r"(?:\s+|-)?(?P<w>million|billion|trillion|thousand|hundred)s?\b"
    r"|\s?(?P<b>bn|mn|tn)\b|(?P<m>m|k)\b",
    re.I,
)
_ORD_SUFFIX_RE = re.compile(r"(?:st|nd|rd|th)\b", re.I)
_DECADE_RE = re.compile(r"(?:['’]?)s\b")

_CURRENCY_PREFIX_RE = re.compile(
    r"(?P<c>US\s?\$|A\$|C\$|\$|USD\s?|£|GBP\s?|€|EUR\s?|₪|NIS\s?|ILS\s?)(?=\d|a\s|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred)",
)
_CURRENCY_CODES = {
    "$": "usd", "us$": "usd", "usd": "usd", "a$": "aud", "c$": "cad", "£": "gbp",
    "gbp": "gbp", "€": "eur", "eur": "eur", "₪": "ils", "nis": "ils", "ils": "ils",
}
_CURRENCY_SUFFIX_RE = re.compile(
    r"\s+(?:US\s+|American\s+|new\s+(?=shekels?)|Israeli\s+(?=shekels?|new))?"
    r"(?P<c>dollars?|pounds?(?:\s+sterling)?|euros?|shekels?|NIS|USD|GBP|EUR|ILS|riyals?|"
    r"dinars?)\b",
)
_CURRENCY_WORDS = {
    "dollar": "usd", "pound": "gbp", "euro": "eur", "shekel": "ils", "nis": "ils",
    "usd": "usd", "gbp": "gbp", "eur": "eur", "ils": "ils", "riyal": "qar", "dinar": "jod",
}
_PERCENT_RE = re.compile(r"\s?%|\s*-?\s*(?:per\s?cent|percent)\b|\s+percentage\s+points?\b", re.I)
_SUFFIX_HEDGE_RE = re.compile(
    r"(?P<over>-some\b|-plus\b|\+(?!\d)|\s+or\s+more\b(?!\s+than)|\s+plus\b(?!\s+\d))"
    r"|(?P<approx>-odd\b|\s+or\s+so\b)"
    r"|(?P<under>\s+or\s+(?:fewer|less)\b(?!\s+than))",
    re.I,
)
_RANGE_SEP_RE = re.compile(r"\s*[-–—]\s*|\s+to\s+|\s+or\s+", re.I)
_BETWEEN_AND_RE = re.compile(r"\s+and\s+", re.I)
_ONE_IN_RE = re.compile(r"\s+in\s+(?:every\s+)?", re.I)
_AND_HALF_RE = re.compile(r"(?:\s+and\s+|-and-)a[\s-]half\b", re.I)

_MEASURE_RE = re.compile(
    r"(?P<g>(?:km|kg|cm|mm|sq\s?km|ft|mph|kmh|km/h|ha|m|lb|lbs|kt)\b)"
    r"|(?:\s+|-)(?P<w>kilometres|kilometers|kilometre|kilometer|km|miles?|metres|meters|"
    r"metre|meter|feet|foot|ft|tonnes|tonne|tons|ton|kg|kilos?|kilograms?|grams?|acres?|hectares?|"
    r"square\s+(?:kilometres|kilometers|miles|metres|meters)|sq\s?km|litres?|liters?|"
    r"gallons?|inches|inch|cm|centimetres|mm|millimetres|calories|mph|degrees)\b",
    re.I,
)
_AGE_RIGHT_RE = re.compile(
    r"(?:\s+|-)(?P<u>year|month|week|day)s?(?:\s+|-)old\b(?P<rest>[\s-]+(?P<noun>[A-Za-z'’-]+))?",
    re.I,
)
_AGE_LEFT_RE = re.compile(r"\b(?:aged|age|ages|age\s+of|ages\s+of)\s+$", re.I)
_NAME_COMMA_LEFT_RE = re.compile(r"[A-Z][A-Za-z'’-]+,\s$")
_NAME_COMMA_RIGHT_RE = re.compile(r",\s")
_DECADE_AGE_LEFT_RE = re.compile(
    r"\bin\s+(?:his|her|their|its|your|my|our)\s+(?:early|mid|late)?[\s-]*$", re.I
)
_THING_RE = re.compile(r"(?:" + _THING_NOUNS + r")\b", re.I)
_DURATION_RIGHT_RE = re.compile(
    r"(?:\s+|-|\s*-\s*)(?:(?:more|additional|further|extra|full|long|straight|consecutive|"
    r"whole|other|short|solid|past|previous|next|last|remaining|working|calendar|entire|"
    r"agonising|agonizing|brutal|long-|harrowing)\s+)?"
    r"(?P<u>seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|decades?|"
    r"century|centuries|nights?|fortnights?|weekends?)\b",
    re.I,
)
_HALF_DURATION_RE = re.compile(
    r"\s+an?\s+(?P<u>second|minute|hour|day|week|month|year|decade|century|night)\b", re.I
)
_DURATION_UNITS = {
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute",
    "min": "minute", "mins": "minute", "hour": "hour", "hours": "hour", "hr": "hour",
    "hrs": "hour", "day": "day", "days": "day", "week": "week", "weeks": "week",
    "month": "month", "months": "month", "year": "year", "years": "year", "decade": "decade",
    "decades": "decade", "century": "century", "centuries": "century", "night": "night",
    "nights": "night", "fortnight": "fortnight", "fortnights": "fortnight",
    "weekend": "weekend", "weekends": "weekend",
}
_MONTH_LEFT_RE = re.compile(r"\b" + MONTHS + r"\.?,?\s+(?:the\s+)?$")
_MONTH_RIGHT_RE = re.compile(r"(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTHS + r"\b")
_OTHER_PREFIX_RE = re.compile(
    r"(?:\b(?:channel|resolutions?|articles?|route|highway|kan|flight|brigade|battalion|"
    r"division|section|chapter|room|apartment|platform|bus|phase|terminal|page|paragraph|"
    r"clause|protocol|episode|volume|vol\.|galaxy|iphone|boeing|airbus|no\.|nos\.|"
    r"amendment|psalm|surah|verse|apache|merkava|mk|world\s+war|radio|tv))\s+$",
    re.I,
)
_OTHER_PREFIX_CS_RE = re.compile(  # capitalised only: "Number 10", but "at that point 200"
    r"\b(?:Number|Point|Line|Code|Team|Part|Round|Camp|Station|Post|Area|Tower|Item|Level|"
    r"Order|Act|Bill|Law|Figure|Table|Studio|Square|Street|Block|Lot|Plot|Mark|Type|Road|Gate|"
    r"Unit|Building|Stage|Floor|Sector|Season|Zone|Ward|Bed|Cell|Hall|Model|Version|Tunnel)\s+$"
)
_GLUED_LEFT_RE = re.compile(r"[A-Za-z]-?$")
_DATE_PREFIX_OK_RE = re.compile(r"\b(?:pre|post|mid|late|early|since|by|until|circa)-$", re.I)
_FROM_LEFT_RE = re.compile(r"\bfrom\s+$", re.I)
_A_POWER_RE = re.compile(r"(?P<a>a\s+)(?P<n>10{2,}|1(?:,000)+)(?![\d,.-])(?!\s*(?:%|per\s?cent|percent))", re.I)

# vague amounts: (regex, value, low, high)
_V = r"(?<![A-Za-z])"
_VAGUE = [
    (_V + r"hundreds\s+of\s+millions\b", 2e8, 2e8, 999_999_999),
    (_V + r"tens\s+of\s+millions\b", 2e7, 2e7, 99_999_999),
    (_V + r"hundreds\s+of\s+thousands\b", 2e5, 2e5, 999_999),
    (_V + r"tens\s+of\s+thousands\b", 2e4, 2e4, 99_999),
    (_V + r"tens(?=\s+of\b)", 20, 20, 99),
    (_V + r"several\s+dozens?\b", 36, 36, 99),
    (_V + r"a\s+few\s+dozens?\b", 36, 24, 60),
    (_V + r"dozens\b", 24, 24, 99),
    (_V + r"scores(?=\s+(?:of|more)\b)", 40, 40, 199),
    (_V + r"hundreds\b", 200, 200, 999),
    (_V + r"thousands\b", 2000, 2000, 9999),
    (_V + r"millions\b", 2e6, 2e6, 9_999_999),
    (_V + r"billions\b", 2e9, 2e9, 9_999_999_999),
    (_V + r"a\s+dozen\b", 12, 10, 14),
]
_VAGUE = [(re.compile(p, re.I), v, lo, hi) for p, v, lo, hi in _VAGUE]
_VAGUE_MULT_RE = re.compile(
    _V + r"(?P<q>a\s+few|several|a\s+handful\s+of|a\s+couple\s+of|a\s+couple)\s+"
    r"(?P<s>hundred|thousand|million|billion)\b(?:\s+(?P<s2>thousand|million)\b)?",
    re.I,
)
_VAGUE_MULT = {"a few": (3, 2, 5), "several": (3, 3, 9), "a handful of": (3, 2, 5),
               "a couple of": (2, 2, 3), "a couple": (2, 2, 3)}
_VAGUE_SMALL_RE = re.compile(
    _V + r"(?P<q>a\s+few|a\s+handful|several|a\s+couple)\b(?!\s+(?:of\s+)?(?:times?\b))", re.I
)
_VAGUE_SMALL = {"a few": (3, 2, 5), "a handful": (3, 2, 5), "several": (3, 3, 9),
                "a couple": (2, 2, 3)}

_FRAC_RE = re.compile(
    _V + r"(?P<n>a|one|two|three|four|five|six|seven|eight|nine)(?P<sep>-|\s+)"
    r"(?P<d>halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|"
    r"ninths?|tenths?)\b",
    re.I,
)
_HALF_RE = re.compile(_V + r"half\b(?!-(?!an?-))", re.I)
_HALF_OF_RE = re.compile(
    r"\s+(?:of|the|its|their|his|her|our|all|those|these|them|that|this)\b", re.I)
_HALF_SCALE_RE = re.compile(
    r"[\s-]+an?[\s-]+(?P<s>million|billion|thousand|dozen|hundred)\b", re.I)
_HALF_BAD_LEFT_RE = re.compile(
    r"\b(?:first|second|latter|former|other|the|a|one|and|in|by|to|next|last)\s+$", re.I)
_QUARTER_SCALE_RE = re.compile(
    r"(?:[\s-]+of)?[\s-]+an?[\s-]+(?P<s>million|billion)\b|[\s-]+(?P<s2>million|billion)\b", re.I)


# --------------------------------------------------------------------------- core parsing


@dataclass
class _Core:
    start: int
    end: int
    value: float
    form: str = "digits"  # digits | words | vague | fraction | ordinal | time | decade
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    scale: float = 1.0  # scale word applied (1 = none)
    currency: str | None = None
    percent: bool = False
    plain: bool = False  # plain integer digits: no separators, decimals, scale or marks
    ndigits: int = 0
    kind: str | None = None  # forced kind
    unit: str | None = None
    text_lower: str = ""
    suffix_q: str | None = None
    extra: dict = field(default_factory=dict)


_A_SCALE_RE = re.compile(r"a\s+(hundred|thousand|million|billion|trillion|dozen)\b", re.I)
_WORD_SEP_RE = re.compile(r"\s+and\s+|\s+|-", re.I)


def _parse_words(text: str, pos: int) -> tuple[float, int, bool, bool] | None:
    """Parse a run of number words at pos -> (value, end, is_ordinal, dozen_approx)."""
    total = 0.0
    current = 0.0
    last: str | None = None
    p = pos
    end = None
    value_at_end = 0.0
    ordinal = False
    first = True
    dozen_approx = False
    while True:
        m = _WORD_RE.match(text, p)
        if not m:
            break
        w = m.group().lower()
        if first and w == "a":
            # "a hundred", "a million", "a dozen"
            m2 = _A_SCALE_RE.match(text, p)
            if not m2:
                return None
            current = 1
            last = "a"
            p = m2.start(1)
            first = False
            continue
        if w in UNITS:
            v = UNITS[w]
            if last in ("unit", "teen"):
                break
            if last == "tens":
                if not 1 <= v <= 9:
                    break
                current += v
                last = "unit"
            else:
                current += v
                last = "unit" if v < 10 else "teen"
        elif w in TENS:
            if last in ("unit", "teen", "tens"):
                break
            current += TENS[w]
            last = "tens"
        elif w == "hundred":
            if last not in ("unit", "teen", "tens", "a") or current >= 100:
                break
            current = current * 100
            last = "hundred"
        elif w in SCALES:
            if last not in ("unit", "teen", "tens", "a", "hundred"):
                break
            total += current * SCALES[w]
            current = 0
            last = "scale"
        elif w == "dozen":
            if last not in ("unit", "teen", "tens", "a"):
                break
            if last == "a":
                dozen_approx = True
            current = current * 12
            last = "dozen"
        elif w in ORD_UNITS or w in ORD_TENS or w in ORD_SCALES:
            if w in ORD_UNITS:
                if last in ("unit", "teen") or (last == "tens" and ORD_UNITS[w] > 9):
                    break
                current += ORD_UNITS[w]
            elif w in ORD_TENS:
                if last in ("unit", "teen", "tens"):
                    break
                current += ORD_TENS[w]
            else:
                if last not in (None, "unit", "teen", "tens"):
                    break
                current = (current or 1) * ORD_SCALES[w]
            ordinal = True
            end = m.end()
            value_at_end = total + current
            break
        else:
            break
        first = False
        end = m.end()
        value_at_end = total + current
        if last == "dozen":
            break
        # separator to the next word
        sep = _WORD_SEP_RE.match(text, end)
        if not sep:
            break
        if "and" in sep.group().lower():
            if last not in ("hundred", "scale"):
                break
            nm = _WORD_RE.match(text, sep.end())
            if not nm or (nm.group().lower() not in UNITS and nm.group().lower() not in TENS):
                break
        if sep.group() == "-" and last in ("hundred", "scale"):
            break
        if sep.group().startswith("\n") or "\n\n" in sep.group():
            break
        p = sep.end()
    if end is None or last == "a":
        return None
    return value_at_end, end, ordinal, dozen_approx


def _apply_scale(text: str, core: _Core, allow_mk: bool) -> None:
    m = _SCALE_RE.match(text, core.end)
    if not m:
        return
    if m.group("w"):
        w = m.group("w").lower()
        if m.group(0).lower().endswith("s") and not m.group(0).lower().endswith(w):
            return  # "2 millions" unlikely; "3 hundreds" no
        factor = 100.0 if w == "hundred" else SCALES[w]
    elif m.group("b"):
        factor = {"bn": 1e9, "mn": 1e6, "tn": 1e12}[m.group("b").lower()]
    else:
        g = m.group("m").lower()
        if g == "m":
            if not (allow_mk or "." in text[core.start:core.end]
                    or _COUNT_NOUN_NEAR_RE.match(text, m.end())):
                return
            factor = 1e6
        else:
            if not (allow_mk or _COUNT_NOUN_NEAR_RE.match(text, m.end())):
                return
            factor = 1e3
    core.value *= factor
    core.scale = factor
    core.plain = False
    core.end = m.end()


def _parse_digits(text: str, pos: int) -> _Core | None:
    m = _DIGITS_RE.match(text, pos)
    if not m:
        return None
    raw = m.group()
    end = m.end()
    value_s = raw.replace(",", "")
    plain = raw.isdigit()
    # repair "1, 200" -> 1200 (a clear thousands group)
    if plain and len(raw) <= 3:
        r = _REPAIR_COMMA_RE.match(text, end)
        if r and _repair_comma_ok(text, pos, r.end()):
            value_s = raw + r.group(1)
            end = r.end()
            plain = False
        else:
            r = _REPAIR_DOT_RE.match(text, end)
            if r:
                value_s = raw + "." + r.group(1)
                end = r.end()
                plain = False
    core = _Core(pos, end, float(value_s), form="digits", plain=plain, ndigits=len(raw))
    # ordinal suffix "7th", decade "1990s"
    o = _ORD_SUFFIX_RE.match(text, end)
    if plain and o:
        core.end = o.end()
        core.form = "ordinal"
        core.plain = False
        return core
    d = _DECADE_RE.match(text, end)
    if plain and d and raw.endswith("0") and len(raw) in (2, 4):
        core.end = d.end()
        core.form = "decade"
        core.low = core.value
        core.high = core.value + 9
        core.qualifier = "range"
        return core
    return core


def _at_line_start(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return text[line_start:pos].strip() == ""


def _repair_comma_ok(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 30):start]
    if re.search(r"\d\s?,\s?$", before):  # a list "3, 4, 200"
        return False
    if _MONTH_LEFT_RE.search(before) or _OTHER_PREFIX_RE.search(before) \
            or _OTHER_PREFIX_CS_RE.search(before):
        return False
    if re.match(r"\s*(?:,|and|or|&)\s*\d", text[end:end + 12]):
        return False
    if re.match(r"\s*-\s*(?:year|month)", text[end:end + 12]):
        return False
    return True


def _parse_bare(text: str, pos: int) -> _Core | None:
    """A number at pos without currency prefix."""
    ch = text[pos]
    if ch.isdigit():
        return _parse_digits(text, pos)
    wm = _WORD_RE.match(text, pos)
    if not wm:
        return None
    w = wm.group().lower()
    if w not in _START_WORDS:
        return None
    # "a 100" in transcripts
    if w == "a":
        am = _A_POWER_RE.match(text, pos)
        if am:
            core = _parse_digits(text, am.start("n"))
            if core and core.form == "digits":
                core.start = pos
                core.extra["a_digits"] = True
                return core
    # vague multiplied: "several hundred", "a few thousand"
    m = _VAGUE_MULT_RE.match(text, pos)
    if m:
        mult, lo, hi = _VAGUE_MULT[" ".join(m.group("q").lower().split())]
        scale = 100.0 if m.group("s").lower() == "hundred" else SCALES[m.group("s").lower()]
        if m.group("s2"):
            scale *= SCALES[m.group("s2").lower()]
        return _Core(pos, m.end(), mult * scale, form="vague", low=lo * scale, high=hi * scale,
                     qualifier="approx")
    for rx, v, lo, hi in _VAGUE:
        m = rx.match(text, pos)
        if m:
            return _Core(pos, m.end(), v, form="vague", low=lo, high=hi, qualifier="approx")
    # fractions
    m = _FRAC_RE.match(text, pos)
    if m:
        n = _FRAC_NUM[m.group("n").lower()]
        dw = m.group("d").lower()
        den = _FRAC_DEN[dw]
        plural = dw.endswith("s") and dw != "halves" or dw == "halves"
        hyph = m.group("sep") == "-"
        after = text[m.end():m.end() + 40]
        qs = _QUARTER_SCALE_RE.match(after) if n == 1 and not hyph else None
        if qs and dw in ("quarter", "third", "half"):
            s = (qs.group("s") or qs.group("s2")).lower()
            return _Core(pos, m.end() + qs.end(), SCALES[s] / den, form="words")
        if hyph or (plural and n > 1) or re.match(r"\s+of\b", after, re.I):
            if n < den:
                return _Core(pos, m.end(), round(100.0 * n / den, 2), form="fraction",
                             percent=True)
    # "half": half a million / half an hour / half of
    m = _HALF_RE.match(text, pos)
    if m:
        hs = _HALF_SCALE_RE.match(text, m.end())
        if hs:
            s = hs.group("s").lower()
            factor = {"hundred": 100.0, "dozen": 12.0}.get(s) or SCALES[s]
            return _Core(pos, hs.end(), 0.5 * factor, form="words")
        hd = _HALF_DURATION_RE.match(text, m.end())
        if hd:
            return _Core(pos, m.end(), 0.5, form="words", kind="duration",
                         unit=_DURATION_UNITS[hd.group("u").lower()],
                         extra={"half_duration": True})
        before = text[max(0, pos - 30):pos]
        if _HALF_BAD_LEFT_RE.search(before) and not _HEDGE_RE.search(before):
            return None
        if _HALF_OF_RE.match(text, m.end()) or _HEDGE_RE.search(before):
            return _Core(pos, m.end(), 50.0, form="fraction", percent=True)
        return None
    # small vague amounts: a few, several, a handful, a couple
    m = _VAGUE_SMALL_RE.match(text, pos)
    if m:
        v, lo, hi = _VAGUE_SMALL[" ".join(m.group("q").lower().split())]
        return _Core(pos, m.end(), v, form="vague", low=lo, high=hi, qualifier="approx")
    # number words and ordinal words
    r = _parse_words(text, pos)
    if r:
        value, end, ordinal, dozen_approx = r
        core = _Core(pos, end, value, form="ordinal" if ordinal else "words")
        if dozen_approx:
            core.form = "vague"
            core.qualifier = "approx"
            core.low, core.high = 10, 14
        return core
    return None


def _parse_core(text: str, pos: int) -> _Core | None:
    """Currency prefix + number + scale + marks (percent, currency word, suffix hedge)."""
    currency = None
    cm = _CURRENCY_PREFIX_RE.match(text, pos)
    start = pos
    if cm:
        currency = _CURRENCY_CODES[re.sub(r"\s", "", cm.group("c")).lower()]
        pos = cm.end()
    elif not (text[pos].isalnum()):
        return None
    core = _parse_bare(text, pos)
    if core is None:
        return None
    core.start = start
    core.currency = currency
    if core.form in ("digits", "words"):
        # "two and a half", "one and a half million"
        h = _AND_HALF_RE.match(text, core.end)
        if h and core.scale == 1.0 and (core.form == "words" or core.plain):
            last = text[core.start:core.end].lower().split()[-1]
            half = {"hundred": 50.0, "thousand": 500.0, "million": 5e5, "billion": 5e8}
            core.value += half.get(last, 0.5)  # "a million and a half" = 1.5 million
            core.end = h.end()
            core.plain = False
        _apply_scale(text, core, allow_mk=currency is not None)
    if core.form in ("digits", "words", "vague", "ordinal") and core.form != "ordinal":
        cs = _CURRENCY_SUFFIX_RE.match(text, core.end)
        if cs and currency is None and core.form != "vague":
            word = cs.group("c").lower().split()[0].rstrip("s") if cs.group("c").lower() not in ("nis",) else "nis"
            word = "nis" if word == "ni" else word
            core.currency = _CURRENCY_WORDS.get(word, word)
            core.end = cs.end()
            core.plain = False
        p = _PERCENT_RE.match(text, core.end)
        if p and core.form != "vague":
            core.percent = True
            core.end = p.end()
            core.plain = False
    sh = _SUFFIX_HEDGE_RE.match(text, core.end)
    if sh and core.form in ("digits", "words") and core.kind is None:
        if not (sh.group("over") and sh.group(0).strip().lower() == "plus" and core.currency):
            core.suffix_q = "over" if sh.group("over") else ("approx" if sh.group("approx") else "under")
            core.end = sh.end()
            core.plain = False
            if core.scale == 1.0 and sh.group(0) == "+":
                _apply_scale(text, core, allow_mk=core.currency is not None)  # "$14+ billion"
    core.text_lower = text[core.start:core.end].lower()
    return core


# --------------------------------------------------------------------------- classification


def _classify(text: str, c: _Core, start: int, end: int, hedge: str | None,
              is_range: bool) -> tuple[str, str | None]:
    """Return (kind, unit) for the number spanning [start, end) whose first core is c."""
    left = text[max(0, start - 60):start]
    left_num = text[max(0, c.start - 60):c.start]
    right = text[end:end + 80]
    if c.kind:
        return c.kind, c.unit
    if c.currency:
        return "money", c.currency
    if c.percent:
        return "percent", "percent"
    ms = _MEASURE_RE.match(right)
    if ms and c.form in ("digits", "words", "vague"):
        u = (ms.group("g") or ms.group("w")).lower()
        return "other", " ".join(u.split())
    if c.form in ("digits", "ordinal", "decade"):
        gl = _GLUED_LEFT_RE.search(left_num)
        if gl and not _DATE_PREFIX_OK_RE.search(left_num) and not hedge:
            return "other", None
        if re.match(r"[A-Za-z]", right) and c.form == "digits":
            return "other", None
    if (_OTHER_PREFIX_RE.search(left) or _OTHER_PREFIX_CS_RE.search(left)) and not hedge \
            and not _COUNT_NOUN_RE.match(right) and c.form in ("digits", "words", "ordinal"):
        if not re.search(r"(?i)\bno\.\s+$", left) or c.form == "digits":
            return "other", None
    if c.form in ("words", "ordinal") and _in_name(text, c):
        return "other", None
    if c.form in ("digits", "words") and _STATE_RE.match(right):
        return "other", None
    if c.form == "ordinal":
        if c.value <= 31 and (_MONTH_LEFT_RE.search(left) or _MONTH_RIGHT_RE.match(right)) \
                and c.text_lower[:1].isdigit():
            return "date_part", None
        return "ordinal", None
    # age
    a = _AGE_RIGHT_RE.match(right)
    if a:
        unit = a.group("u").lower()
        noun = a.group("noun")
        if noun and _THING_RE.match(noun):
            return "duration", unit
        return "age", unit
    if _AGE_LEFT_RE.search(left) and c.form in ("digits", "words") and c.value <= 130:
        return "age", "year"
    if (c.form == "digits" and c.plain and not hedge and not is_range and 0 < c.value <= 120
            and _NAME_COMMA_LEFT_RE.search(left) and _NAME_COMMA_RIGHT_RE.match(right)
            and not _MONTH_LEFT_RE.search(left)):
        return "age", "year"
    if c.form == "decade":
        if _DECADE_AGE_LEFT_RE.search(left) and c.value < 100:
            return "age", "year"
        return "date_part", None
    # duration
    d = _DURATION_RIGHT_RE.match(right)
    if d and c.form in ("digits", "words", "vague", "fraction"):
        if c.form != "fraction":
            return "duration", _DURATION_UNITS[d.group("u").lower()]
    # date parts
    if c.form == "digits" and c.plain:
        if 1 <= c.value <= 31 and c.ndigits <= 2 and not hedge and (
                _MONTH_LEFT_RE.search(left) or _MONTH_RIGHT_RE.match(right)):
            return "date_part", None
        if c.ndigits == 4 and 1000 <= c.value <= 2100 and not _COUNT_NOUN_RE.match(right):
            return "date_part", None
    if c.form == "fraction":
        return "percent", "percent"
    if c.form == "words" and c.text_lower == "one" and not hedge and not is_range:
        if not _ONE_COUNT_RE.match(right):
            return "other", None
    return "count", None


_STATE_RE = re.compile(r"-(?:state|party|nation|way|sided|man|person|member|seater|storey|star|point)\b", re.I)
_SENT_START_RE = re.compile(r"(?:^|[.!?:;\n\"'“‘(\[–—-]|\.\s[\"'“‘])\s*$")


def _in_name(text: str, c: _Core) -> bool:
    """A capitalised number word inside a name ("Nine Elms", "Channel Four")."""
    first = text[c.start:c.start + 1]
    if not first.isupper():
        return False
    if _SENT_START_RE.search(text[max(0, c.start - 6):c.start]):
        return False
    word = text[c.start:c.end]
    if len(word) >= 3 and word.isupper():
        return False  # "THREE HOSTAGES" in a shouted headline
    return True


# --------------------------------------------------------------------------- main scan


def _masks(text: str) -> list[tuple[int, int]]:
    """Spans of URLs, e-mail addresses, domains, @handles and #hashtags (skipped)."""
    if not _MASK_PREFILTER_RE.search(text):
        return []
    return [(m.start(), m.end()) for m in _MASK_RE.finditer(text)]


def _mk(text: str, start: int, end: int, value: float, kind: str, unit: str | None = None,
        qualifier: str = "exact", low: float | None = None, high: float | None = None) -> Number:
    return Number(start, end, text[start:end], value,
                  value if low is None and qualifier == "exact" else low,
                  value if high is None and qualifier == "exact" else high,
                  qualifier, kind, unit, start, end)


def _special(text: str, pos: int) -> tuple[list[Number], int] | None:
    """Forms handled whole: phone numbers, ISO/slash dates, times, list numbering."""
    if not text[pos].isdigit() and text[pos] != "+":
        return None
    before = text[max(0, pos - 1):pos]
    m = _ISO_RE.match(text, pos)
    if m:
        out = [_mk(text, m.start(i), m.end(i), float(m.group(i)), "date_part") for i in (1, 2, 3)]
        end = m.end()
        t = _ISO_TIME_RE.match(text, end)
        if t:  # ISO date-time: the clock part is one time, the zone offset is dropped
            v = int(t.group("h")) + int(t.group("m")) / 60 + int(t.group("s") or 0) / 3600
            out.append(_mk(text, t.start("t"), t.end("t"), v, "time"))
            end = t.end()
        return out, end
    m = _SLASHDATE_RE.match(text, pos)
    if m:
        out = [_mk(text, m.start(i), m.end(i), float(m.group(i)), "date_part") for i in (1, 2, 3)]
        return out, m.end()
    m = _COMPACT_DATE_RE.match(text, pos)
    if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31:
        out = [_mk(text, m.start(i), m.end(i), float(m.group(i)), "date_part") for i in (1, 2, 3)]
        return out, m.end()
    m = _VERSION_RE.match(text, pos)
    if m:  # version numbers, IP addresses: "17.4.1"
        return [_mk(text, m.start(), m.end(), float(m.group(1)), "other")], m.end()
    m = _LONG_DIGITS_RE.match(text, pos)
    if m:  # identifiers: seven or more digits without separators
        return [_mk(text, m.start(), m.end(), float(m.group()), "other")], m.end()
    m = _PHONE_RE.match(text, pos)
    if m and sum(ch.isdigit() for ch in m.group()) >= 9:
        return [_mk(text, m.start(), m.end(), float(re.sub(r"\D", "", m.group())), "other")], m.end()
    m = _SLASH_RE.match(text, pos)
    if m:
        out = [_mk(text, m.start(i), m.end(i), float(m.group(i)), "other") for i in (1, 2)]
        return out, m.end()
    m = _GMT_RE.match(text, pos)
    if m:
        v = int(m.group("h")) + int(m.group("m")) / 60
        return [_mk(text, m.start(), m.end(), v, "time")], m.end()
    m = _TIME_RE.match(text, pos)
    if m and (m.group("ap") or m.group("sep") == ":") and not re.match(r"\d|:\d", text[m.end():m.end() + 2]):
        if m.group("sep") == "." and not m.group("ap"):
            m = None
        elif m.group("ap") and int(m.group("h")) > 12:
            m = None
        if m:
            h = int(m.group("h"))
            mins = int(m.group("m") or 0)
            if m.group("apl"):
                ap = m.group("apl").lower()
                if ap == "p" and h < 12:
                    h += 12
                if ap == "a" and h == 12:
                    h = 0
            end = m.end()
            v = h + mins / 60 + int(m.group("s") or 0) / 3600
            out = _mk(text, pos, end, v, "time")
            hm = _HEDGE_RE.search(text[max(0, pos - 30):pos])
            if hm and _HEDGE_Q[hm.group("h").lower()] == "approx":
                hs = pos - (len(text[max(0, pos - 30):pos]) - hm.start("h"))
                out = Number(hs, end, text[hs:end], v, v, v, "approx", "time", None, pos, end)
            return [out], end
    m = _OCLOCK_RE.match(text, pos)
    if m:
        return [_mk(text, m.start(), m.end(), float(m.group("h")), "time")], m.end()
    m = _LISTNUM_RE.match(text, pos)
    if m and _at_line_start(text, pos) and before in ("", "\n", " ", "\t"):
        if not _REPAIR_DOT_RE.match(text, m.start() + len(m.group(1))):
            return [_mk(text, m.start(1), m.end(1), float(m.group(1)), "other")], m.end()
    if before == "(" and re.match(r"\d{1,2}\)", text[pos:pos + 3]):
        lb = text[max(0, pos - 3):pos - 1]
        if lb == "" or lb.endswith("\n") or lb.rstrip().endswith((":", ";")):
            n = re.match(r"\d{1,2}", text[pos:]).group()
            return [_mk(text, pos, pos + len(n), float(n), "other")], pos + len(n) + 1
    return None


def _hedge_before(text: str, pos: int) -> tuple[str, str, int] | None:
    """(hedge phrase, qualifier, start) directly before pos, or None."""
    window = text[max(0, pos - 30):pos]
    m = _HEDGE_RE.search(window)
    if not m:
        return None
    h = " ".join(m.group("h").lower().split())
    return h, _HEDGE_Q[h], pos - len(window) + m.start("h")


def find_numbers(text: str) -> list[Number]:
    """Every number in `text`, in order, each with hedge, bounds, kind and unit."""
    out: list[Number] = []
    masks = _masks(text)
    mi = 0
    pos = 0
    n = len(text)
    while pos < n:
        m = _CAND_RE.search(text, pos)
        if not m:
            break
        pos = m.start()
        while mi < len(masks) and masks[mi][1] <= pos:
            mi += 1
        if mi < len(masks) and masks[mi][0] <= pos < masks[mi][1]:
            pos = masks[mi][1]
            continue
        ch = text[pos]
        if ch.isalpha():
            w = _WORD_RE.match(text, pos).group()
            if w.lower() not in _START_WORDS:
                pos += len(w)
                continue
        sp = _special(text, pos)
        if sp:
            out.extend(sp[0])
            pos = sp[1]
            continue
        core = _parse_core(text, pos)
        if core is None or core.end <= pos:
            pos += len(_WORD_RE.match(text, pos).group()) if ch.isalpha() else 1
            continue
        num = _finish(text, core, out[-1].end if out else 0)
        pos = num.end if num else core.end
        if num:
            out.append(num)
    return out


def _finish(text: str, a: _Core, floor: int = 0) -> Number | None:
    """Attach hedges, ranges and suffixes to core `a` and classify it.

    `floor` is the end of the previous number: a hedge never reaches back over it.
    """
    hedge = _hedge_before(text, a.start)
    if hedge and hedge[2] < floor:
        hedge = None
    b: _Core | None = None
    end = a.end
    if a.form in ("digits", "words", "decade") and a.suffix_q is None:
        sm = None
        if hedge and hedge[1] == "range":
            sm = _BETWEEN_AND_RE.match(text, a.end)
        if sm is None:
            sm = _RANGE_SEP_RE.match(text, a.end)
            if sm and "or" in sm.group().lower() and a.form != "words":
                sm = None
            if sm and _FROM_LEFT_RE.search(text[max(0, a.start - 10):a.start]):
                sm = None
        if sm and sm.end() < len(text):
            cand = _parse_core(text, sm.end())
            if cand and cand.form in ("digits", "words", "decade") and cand.kind is None \
                    and not (a.form == "digits" and cand.form == "words" and "-" in sm.group()):
                lo = a.value
                if (a.plain and a.ndigits == 4 and cand.plain and cand.ndigits == 2
                        and sm.group().strip() in ("-", "–", "—")
                        and cand.value > a.value % 100):
                    cand.value += a.value - a.value % 100  # "1948-49"
                if cand.scale > 1 and a.scale == 1 and lo * cand.scale <= cand.value:
                    lo *= cand.scale
                elif (a.plain and lo < 1000 and cand.value >= 1000 and not cand.plain
                        and cand.scale == 1 and sm.group().strip() in ("-", "–", "—")
                        and cand.value / 10 <= lo * 1000 <= cand.value):
                    lo *= 1000  # "80-90,000"
                if lo < cand.value and not (cand.extra.get("a_digits")):
                    b = cand
                    a.value = lo
                    end = cand.end
                    if cand.percent:
                        a.percent = True
                    if cand.currency and not a.currency:
                        a.currency = cand.currency
    if b is None and a.form in ("digits", "words") and a.scale == 1 and a.suffix_q is None \
            and not a.currency and not a.percent and 0 < a.value < 100:
        im = _ONE_IN_RE.match(text, a.end)
        if im:
            den = _parse_core(text, im.end())
            if den and den.form in ("digits", "words") and den.value > a.value \
                    and den.scale == 1 and not den.percent and not den.currency \
                    and den.value <= 1000 and not (den.plain and den.ndigits == 4):
                a.value = round(100.0 * a.value / den.value, 2)
                a.percent = True
                a.form = "fraction"
                a.end = end = den.end
                a.text_lower = text[a.start:a.end].lower()
    qualifier = a.qualifier
    low, high = a.low, a.high
    value = a.value
    start = a.start
    if a.form == "decade":
        qualifier = "range"
    if b is not None:
        qualifier, low, high = "range", value, b.value
        if b.form == "decade":
            high = b.high
    if hedge and hedge[1] == "range" and b is None:
        hedge = None
    if b is None:
        if low is None and high is None:
            low = high = value
        q = a.suffix_q
        if q:
            qualifier = q
    kind, unit = _classify(text, a, hedge[2] if hedge else a.start, end, hedge[0] if hedge else None,
                           b is not None)
    if hedge and kind in ("other", "ordinal"):
        hedge = None
    if hedge and kind == "duration" and hedge[0] in ("over", "under", "above", "below"):
        hedge = None
    if hedge and b is None:
        q = hedge[1]
        start = hedge[2]
        if q == "approx":
            qualifier = "approx"
            if a.form != "vague":
                low = high = value
        elif q == "over":
            qualifier, low, high = "over", value, None
        elif q == "under":
            qualifier, low, high = "under", None, value
    elif hedge and b is not None:
        start = hedge[2]
    if qualifier == "over" and a.suffix_q == "over" and not hedge:
        low, high = value, None
    if qualifier == "under" and not hedge and a.suffix_q == "under":
        low, high = None, value
    if qualifier == "exact":
        low = high = value
    return Number(start, end, text[start:end], value, low, high, qualifier, kind, unit,
                  a.start, end)
