"""Rule-based temporal tagger: find time expressions in English news text and normalise them to TimeML
TIMEX3 values (types DATE, TIME, DURATION, SET) relative to a document creation time (DCT).

Why hand-written: no maintained pure-Python library finds TIMEX3 spans *and* resolves TIMEX3 values.
``dateparser`` parses a string you already isolated into one ``datetime`` (no spans, no durations, no
``1998-W02`` / ``1998-Q3`` / ``PAST_REF`` values); HeidelTime and SUTime are Java; spaCy's NER gives spans
without normalisation and is ~100x too slow for the per-document budget here. This module is regex/token
based (a few milliseconds per news article) and follows the TimeML/TIMEX3 conventions as the TempEval-3
gold data (TimeBank, AQUAINT) uses them: spans include determiners and modifiers ("the third quarter",
"nearly six months", "five years ago") but not governing prepositions ("on", "since", "during").

Resolution of underspecified expressions ("Wednesday", "October 7", "in October") uses a cheap tense
heuristic: the nearest tense cue in the clause ("will", "next", "said", past-tense "-ed" verbs...) decides
whether the expression points forward or backward from the DCT; weak cues ("scheduled", "set", "due") only
count when no strong one is present, and news defaults to the past (a bare weekday is in the DCT's week).
A possessive weekday ("Wednesday's ruling") names an event already reported, so it is never moved forward;
nouns ("vacation plans") and participles ("the rally planned for Sunday") are not planning verbs.

Where the TempEval-3 gold data (TimeBank + AQUAINT) is consistent, its conventions win over the letter of
the TIMEX3 guidelines: "Wednesday night" / "Friday morning" is the plain date (DATE ``2000-01-05``);
"the past year" is the previous calendar year (DATE), while "the past three years" is ``P3Y``; "the
quarter" / "the latest period" / "a year earlier" follow the fiscal quarter the article reports on; the
prepositions "within" / "over" and the determiner of adjectival durations ("the [eight-year] contract")
are outside the span; "three days later" is the duration "three days" (the adverb is a signal); "a year
earlier" compares with the reporting period named just before it (after "the nine months" it is the previous
year, after "the third quarter" the year-ago quarter). Where the two corpora disagree with each other (decades ``199`` vs ``199X``,
ISO week padding ``W08`` vs ``W8``) the majority / ISO form is kept (``199``, ``W08``).

Representation of multi-day named periods (religious holidays such as Ramadan or Passover, and day
ranges such as "24-30 November"): TIMEX3 has no interval value, so ``value`` is the finest standard
TIMEX3 DATE value that contains the whole period ("2024" for Ramadan 2024, which runs 11 March - 9 April;
"2023-11" for "24-30 November"; the day itself for one-day holidays) and ``interval`` holds the exact
first and last calendar days; :func:`resolve_range` returns ``interval`` when it is set.
Islamic dates come from ``hijridate`` (Umm al-Qura; ``convertdate`` outside its range), Hebrew ones from
``convertdate.hebrew``, Easter from ``dateutil.easter``.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

__all__ = ["Timex", "tag", "resolve_range"]


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value
    mod: str | None = None  # START | MID | END | APPROX | MORE_THAN | LESS_THAN | EQUAL_OR_MORE | ...
    anchor: str | None = None  # value of the anchor of a relative expression (e.g. "since October 7")
    interval: tuple[date, date] | None = None  # exact first/last day for holidays and day ranges


# --------------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------------

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}
_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
        "last": 4, "final": 4}
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
          "midday": "MI", "noon": "MI"}
# unit -> (time part?, letter, multiplier)
_UNITS = {
    "second": (True, "S", 1), "sec": (True, "S", 1), "minute": (True, "M", 1), "min": (True, "M", 1),
    "hour": (True, "H", 1), "hr": (True, "H", 1), "day": (False, "D", 1), "night": (False, "D", 1),
    "week": (False, "W", 1), "fortnight": (False, "W", 2), "month": (False, "M", 1),
    "quarter": (False, "Q", 1), "year": (False, "Y", 1), "yr": (False, "Y", 1),
    "decade": (False, "Y", 10), "century": (False, "Y", 100), "centurie": (False, "Y", 100),
    "millennium": (False, "Y", 1000), "millennia": (False, "Y", 1000), "weekend": (False, "D", 2),
}

_MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
             r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WORD_NUM_RE = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five"
                r"|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)")
_NUM_RE = (rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+ [13]/[24]|\d+(?:\.\d+)?|(?:a |one )?(?:hundred|dozen|thousand)"
           rf"|{_WORD_NUM_RE}(?: (?:hundred|thousand))?|an?|a few|few|several|a couple of|a couple|couple of"
           r"|many|numerous|some)")
_UNIT_RE = (r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?"
            r"|quarters?|years?|yrs?|decades?|centur(?:y|ies)|millenni(?:um|a))")
_YEAR_RE = r"(?:1[5-9]\d\d|20\d\d)"
_DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_ORDW_RE = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_DMOD_RE = (r"(?:about|around|approximately|roughly|some|nearly|almost|close to|more than|over|upwards of"
            r"|at least|less than|under|fewer than|up to|no more than|at most|within|just over|just under"
            r"|well over|only|just|another|an additional|an extra|a further|the better part of|barely)")
_DMOD = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "nearly": "APPROX", "almost": "APPROX", "close to": "APPROX", "the better part of": "APPROX",
    "more than": "MORE_THAN", "over": "MORE_THAN", "upwards of": "MORE_THAN", "just over": "MORE_THAN",
    "well over": "MORE_THAN", "at least": "EQUAL_OR_MORE", "less than": "LESS_THAN", "under": "LESS_THAN",
    "fewer than": "LESS_THAN", "just under": "LESS_THAN", "barely": "LESS_THAN", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS", "within": "EQUAL_OR_LESS",
}
_HOLIDAY_RE = (r"(?:Christmas(?: Day| Eve)?|New Year'?s(?: Day| Eve)?|Thanksgiving(?: Day)?|Easter(?: Sunday)?"
               r"|Good Friday|Independence Day|Fourth of July|July Fourth|Labou?r Day|Memorial Day|Veterans Day|Election Day"
               r"|Halloween|Valentine'?s Day|Ramadh?an|Ramazan|Eid(?: al| el|-al|-el|ul|-ul)?[- ]?(?:Fitr|Adha)"
               r"|Passover|Pesach|Hanukk?ah|Chanukk?ah|Yom Kippur|Rosh Hashanah?|Sukkot|Simchat Torah|Purim"
               r"|Shavuot|Tisha B'?Av|Ashura|Mawlid|Isra(?: and |-)Mi'?raj)")

_L = r"(?<![\w$£€#])"  # left boundary
_R = r"(?![\w])"  # right boundary


def _num_value(s: str) -> float | None:
    """Number words/digits -> number; None for vague quantities (several, a few...)."""
    s = s.lower().strip().replace("-", " ")
    if s in ("a", "an", "one"):
        return 1
    if s in ("a few", "few", "several", "many", "numerous", "some"):
        return None
    if s in ("a couple of", "a couple", "couple of"):
        return 2
    fm = re.fullmatch(r"(\d+) ([13])/([24])", s)
    if fm:
        return int(fm.group(1)) + int(fm.group(2)) / int(fm.group(3))
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", s):
        try:
            return float(s.replace(",", ""))
        except ValueError:
            return None
    total = 0
    cur = 0
    for w in s.split():
        if w in ("a", "and"):
            cur = cur or 0
            if w == "a":
                cur = 1
            continue
        if w in _SMALL:
            cur += _SMALL[w]
        elif w in _TENS:
            cur += _TENS[w]
        elif w == "hundred":
            cur = (cur or 1) * 100
        elif w == "dozen":
            cur = (cur or 1) * 12
        elif w == "thousand":
            total += (cur or 1) * 1000
            cur = 0
        else:
            return None
    return total + cur


def _fmt_num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _unit_key(u: str) -> str:
    u = u.lower().rstrip(".")
    if u in ("centuries", "century"):
        return "century"
    if u in ("millennium", "millennia"):
        return "millennium"
    if u.endswith("s") and u[:-1] in _UNITS:
        return u[:-1]
    return u


_FRACTION_SPLIT = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60), "Q": ("M", 3)}


def _duration(n: float | None, unit: str) -> str:
    timep, letter, mult = _UNITS[_unit_key(unit)]
    if n is None:
        return ("PT" if timep else "P") + "X" + letter
    x = n * mult
    if not float(x).is_integer() and letter in _FRACTION_SPLIT:
        sub, k = _FRACTION_SPLIT[letter]
        whole, frac = int(x), x - int(x)
        rest = frac * k
        if float(rest).is_integer():
            if letter == "D":
                return (f"P{whole}D" if whole else "P") + f"T{int(rest)}H"
            if letter == "Q":
                return f"P{whole * 3 + int(rest)}M"
            head = f"{whole}{letter}" if whole else ""
            return ("PT" if timep else "P") + head + f"{int(rest)}{sub}"
    return ("PT" if timep else "P") + _fmt_num(x) + letter


# --------------------------------------------------------------------------------------------------
# Calendar helpers
# --------------------------------------------------------------------------------------------------


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _add_years(d: date, n: int) -> date:
    y = d.year + n
    return date(y, d.month, min(d.day, calendar.monthrange(y, d.month)[1]))


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(d: date) -> int:
    return (d.month - 1) // 3 + 1


def _parse_dct(dct) -> date | None:
    if dct is None:
        return None
    if isinstance(dct, _dt.datetime):
        return dct.date()
    if isinstance(dct, date):
        return dct
    m = re.match(r"(\d{4})-?(\d\d)-?(\d\d)", str(dct).strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _easter(y: int) -> date:
    from dateutil.easter import easter

    return easter(y)


def _nth_weekday(y: int, month: int, weekday: int, n: int) -> date:
    """n-th (1-based; -1 = last) ISO weekday (1=Mon) of a month."""
    if n > 0:
        d = date(y, month, 1)
        d += timedelta(days=(weekday - d.isoweekday()) % 7)
        return d + timedelta(weeks=n - 1)
    d = date(y, month, calendar.monthrange(y, month)[1])
    return d - timedelta(days=(d.isoweekday() - weekday) % 7)


def _hijri_to_greg(hy: int, hm: int, hd: int) -> date:
    try:
        from hijridate import Hijri

        g = Hijri(hy, hm, hd).to_gregorian()
        return date(g.year, g.month, g.day)
    except Exception:  # outside Umm al-Qura range
        from convertdate import islamic

        return date(*islamic.to_gregorian(hy, hm, hd))


def _hijri_year_of(d: date) -> int:
    try:
        from hijridate import Gregorian

        return Gregorian(d.year, d.month, d.day).to_hijri().year
    except Exception:
        from convertdate import islamic

        return islamic.from_gregorian(d.year, d.month, d.day)[0]


def _islamic_period(gyear: int, hmonth: int, hday: int, ndays: int | None) -> list[tuple[date, date]]:
    """Occurrences (first, last day) of an Islamic date/month that start in Gregorian year ``gyear``."""
    out = []
    hy0 = _hijri_year_of(date(gyear, 1, 1))
    for hy in (hy0, hy0 + 1, hy0 + 2):
        start = _hijri_to_greg(hy, hmonth, hday)
        if start.year != gyear:
            continue
        if ndays is None:  # the whole month
            nxt = _hijri_to_greg(hy + (hmonth == 12), hmonth % 12 + 1, 1)
            end = nxt - timedelta(days=1)
        else:
            end = start + timedelta(days=ndays - 1)
        out.append((start, end))
    return out


def _hebrew_period(gyear: int, hmonth: int, hday: int, ndays: int) -> list[tuple[date, date]]:
    import warnings

    from convertdate import hebrew

    with warnings.catch_warnings():  # convertdate 2.5 calls its own deprecated month_days()
        warnings.simplefilter("ignore", DeprecationWarning)
        return _hebrew_period_inner(hebrew, gyear, hmonth, hday, ndays)


def _hebrew_period_inner(hebrew, gyear: int, hmonth: int, hday: int, ndays: int) -> list[tuple[date, date]]:
    out = []
    for hy in (gyear + 3760, gyear + 3761):
        month = hmonth
        if hmonth == 12 and hebrew.leap(hy):  # Purim falls in Adar II in leap years
            month = 13
        start = date(*hebrew.to_gregorian(hy, month, hday))  # first full day (it begins at sundown before)
        if start.year == gyear:
            out.append((start, start + timedelta(days=ndays - 1)))
    return out


@lru_cache(maxsize=4096)
def _holiday(name: str, y: int) -> tuple[date, date] | None:
    """First/last day of a named holiday whose first day is in Gregorian year ``y``."""
    n = name.lower().replace("’", "'")
    n = re.sub(r"\s+", " ", n)
    fixed = {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
        "new years day": (1, 1), "new year's": (1, 1), "new years": (1, 1), "new year's eve": (12, 31),
        "new years eve": (12, 31), "independence day": (7, 4), "fourth of july": (7, 4),
        "july fourth": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14), "valentines day": (2, 14),
        "veterans day": (11, 11),
    }
    if n in fixed:
        d = date(y, *fixed[n])
        return d, d
    if n.startswith("thanksgiving"):
        d = _nth_weekday(y, 11, 4, 4)
        return d, d
    if n in ("labor day", "labour day"):
        d = _nth_weekday(y, 9, 1, 1)
        return d, d
    if n == "election day":  # U.S.: the Tuesday after the first Monday of November
        d = _nth_weekday(y, 11, 1, 1) + timedelta(days=1)
        return d, d
    if n == "memorial day":
        d = _nth_weekday(y, 5, 1, -1)
        return d, d
    if n.startswith("easter"):
        d = _easter(y)
        return d, d
    if n == "good friday":
        d = _easter(y) - timedelta(days=2)
        return d, d
    periods: list[tuple[date, date]] = []
    if n.startswith("rama"):
        periods = _islamic_period(y, 9, 1, None)
    elif n.startswith("eid") and "fitr" in n:
        periods = _islamic_period(y, 10, 1, 3)
    elif n.startswith("eid") and "adha" in n:
        periods = _islamic_period(y, 12, 10, 4)
    elif n == "ashura":
        periods = _islamic_period(y, 1, 10, 1)
    elif n == "mawlid":
        periods = _islamic_period(y, 3, 12, 1)
    elif n.startswith("isra"):
        periods = _islamic_period(y, 7, 27, 1)
    elif n in ("passover", "pesach"):
        periods = _hebrew_period(y, 1, 15, 8)
    elif n in ("hanukkah", "hanukah", "chanukah", "chanukkah"):
        periods = _hebrew_period(y, 9, 25, 8)
    elif n == "yom kippur":
        periods = _hebrew_period(y, 7, 10, 1)
    elif n.startswith("rosh hashana"):
        periods = _hebrew_period(y, 7, 1, 2)
    elif n == "sukkot":
        periods = _hebrew_period(y, 7, 15, 7)
    elif n == "simchat torah":
        periods = _hebrew_period(y, 7, 23, 1)
    elif n == "purim":
        periods = _hebrew_period(y, 12, 14, 1)
    elif n == "shavuot":
        periods = _hebrew_period(y, 3, 6, 2)
    elif n.startswith("tisha"):
        periods = _hebrew_period(y, 5, 9, 1)
    return periods[0] if periods else None


def _span_value(a: date, b: date) -> str:
    """Finest TIMEX3 DATE value containing [a, b]."""
    if a == b:
        return a.isoformat()
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.year:04d}-{a.month:02d}"
    if a.year == b.year:
        return f"{a.year:04d}"
    return f"{a.year // 10:03d}" if a.year // 10 == b.year // 10 else f"{a.year // 100:02d}"


# --------------------------------------------------------------------------------------------------
# Tense heuristic
# --------------------------------------------------------------------------------------------------

# Strong cues fix the tense of the clause; weak cues (planning verbs, "until") only decide when no strong cue
# is found, because they also occur in past-tense reports ("the meeting planned for Saturday was cancelled").
_FUTURE_WORDS = {
    "will", "shall", "'ll", "wo", "won't", "next", "upcoming", "tomorrow", "gonna", "would", "ahead", "until",
    "till", "plan", "plans", "planned", "planning", "intends", "intend", "payable", "effective", "expire",
    "expires", "deadline",
}
_WEAK_FUTURE_WORDS = {
    "coming", "scheduled", "expected", "expects", "expect", "due", "hope", "hopes", "aims", "going", "set",
    "slated", "begin", "start", "resume", "later", "soon", "begins", "starts",
}
_PAST_WORDS = {
    "said", "was", "were", "had", "did", "ago", "last", "earlier", "told", "began", "came", "went", "took",
    "met", "held", "made", "gave", "left", "fell", "rose", "won", "lost", "saw", "got", "struck", "killed",
    "announced", "reported", "since", "previous", "previously", "became", "found", "spoke", "wrote", "sent",
    "hit", "led", "ran", "sold", "bought", "paid", "broke", "fled", "flew", "brought", "thought", "knew",
    "yesterday", "arrived", "closed", "ended", "released", "freed",
}
_NOT_PAST_ED = {"scheduled", "expected", "planned", "proposed", "need", "speed", "indeed", "proceed", "seed",
                "feed", "united", "red", "bed", "shed", "hundred", "based", "related", "limited", "armed",
                "concerned", "interested", "supposed", "used", "embed", "detailed", "unexpected", "unprecedented",
                "continued", "alleged", "so-called", "called", "named", "advanced", "combined", "needed",
                "succeed", "exceed", "breed", "bleed", "heed", "greed", "weed", "deed", "steed"}
_DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "your",
                "still", "newly", "recently", "previously", "already", "any", "no", "each", "every"}
_TOKEN_RE = re.compile(r"[A-Za-z']+")
_CLAUSE_BREAK = re.compile(r"[.;!?:\n]['’]*\s|[\"“”]|''|``")
# a period after an abbreviation ("Dr. Slepian", "Roe vs. Wade", "Birmingham, Ala., killed", "U.S. officials")
# or before a lower-case word does not end the clause
_ABBREV_RE = re.compile(
    r"(?:^|[^\w.])(?:Mr|Mrs|Ms|Dr|St|Sr|Jr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Cmdr|Adm|Maj|Rev|Prof|Supt|vs|v|No|Inc"
    r"|Corp|Co|Ltd|Bros|Mt|Ft|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Ala|Ariz|Ark|Calif|Colo|Conn|Fla"
    r"|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wyo"
    r"|(?:[A-Z]\.)*[A-Z])$")


def _clause_breaks(s: str):
    """Clause boundaries in ``s`` (see ``_CLAUSE_BREAK``), skipping periods of abbreviations."""
    for m in _CLAUSE_BREAK.finditer(s):
        i = m.start()
        if s[i] == "." and (_ABBREV_RE.search(s, max(0, i - 12), i) or s[m.end():m.end() + 1].islower()):
            continue
        yield m


_FUTURE_PHRASE_RE = re.compile(r"\b(?:as (?:early|soon) as|no later than|is to|are to|to be held|by)\s+(?:on\s+)?$", re.I)


def _direction(text: str, start: int, end: int) -> int:
    """+1 if the clause around text[start:end] talks about the future, -1 past, 0 unknown.

    The nearest strong cue wins (left context first at equal distance); weak cues only count without one.
    A fronted expression ("In January, a week after ..., a bomb exploded") may find its verb further right:
    the fallback reads the rest of the clause up to 140 characters (the word cap is only a safety bound).
    Periods of abbreviations ("Dr.", "vs.", "Ala.", "U.S.") do not end the clause.
    """
    return _direction_in(text, start, end, 60, 6) or _direction_in(text, start, end, 140, 40)


def _direction_in(text: str, start: int, end: int, rchars: int, rwords: int) -> int:
    lo = max(0, start - 90)
    left = text[lo:start]
    if _FUTURE_PHRASE_RE.search(left):
        return 1
    m = None
    for m in _clause_breaks(left):
        pass
    if m is not None:
        left = left[m.end():]
    right = text[end: end + rchars]
    m = next(_clause_breaks(right), None)
    if m is not None:
        right = right[: m.start()]
    lw = _TOKEN_RE.findall(left)[::-1][:9]
    rw = _TOKEN_RE.findall(right)[:rwords]
    weak = 0
    for words, is_left in ((lw, True), (rw, False)):
        for i in range(len(words)):
            w = words[i].lower()
            if w in _FUTURE_WORDS:
                # "the plan", "its plans": nouns, not a planning verb
                prev = words[i + 1].lower() if is_left and i + 1 < len(words) else (
                    words[i - 1].lower() if not is_left and i > 0 else "")
                if w in ("plan", "plans") and prev in _DETERMINERS:
                    continue
                # "vacation plans": a noun unless it governs "to" ("plans to visit")
                nxt = words[i - 1].lower() if is_left and i > 0 else (
                    words[i + 1].lower() if not is_left and i + 1 < len(words) else "")
                if w in ("plan", "plans") and nxt != "to":
                    continue
                # "next to the embassy": a preposition of place
                if w == "next" and nxt == "to":
                    continue
                # "until Thursday, they had not called him": a past perfect looks back from a past moment
                if w in ("until", "till") and is_left and any(x.lower() in ("had", "hadn't") for x in rw[:4]):
                    return -1
                # "the service planned for Saturday", "as previously planned": a participle, only a weak cue
                # "the hastily planned trip": an adjectival participle, no cue
                prev2 = words[i + 2].lower() if is_left and i + 2 < len(words) else (
                    words[i - 2].lower() if not is_left and i > 1 else "")
                if w == "planned" and (prev in _DETERMINERS or (prev.endswith("ly") and prev2 in _DETERMINERS)):
                    continue
                if w == "planned" and (nxt in ("for", "at", "on", "in", "by") or prev in (
                        "as", "previously", "originally", "was", "were", "been", "is", "are", "be")):
                    weak = weak or 1
                    continue
                # "it had been due to expire Friday", "was to expire": a future seen from a past moment
                if is_left and w in ("expire", "expires", "plan", "planned", "effective", "deadline") and any(
                        x.lower() in ("had", "was", "were") for x in words[i + 1: i + 5]):
                    return -1
                return 1
            if w in _PAST_WORDS or (w.endswith("ed") and len(w) > 4 and w not in _NOT_PAST_ED):
                # passive/infinitive participles ("will be paid", "to be completed") do not fix the tense
                prev = words[i + 1].lower() if is_left and i + 1 < len(words) else (
                    words[i - 1].lower() if not is_left and i > 0 else "")
                if prev in ("be", "being", "to", "been") and w not in ("was", "were", "had", "did"):
                    before = words[i + 2].lower() if is_left and i + 2 < len(words) else ""
                    if prev == "been" and before in ("had", "has", "have", "'d"):
                        return -1  # "had been abducted ... on 7 October"
                    continue
                # adjectival participles ("a still unspecified date", "the proposed merger")
                if w not in _PAST_WORDS and (w.startswith("un") or prev in _DETERMINERS):
                    continue
                return -1
            if w == "set" and is_left and i + 1 < len(words) and words[i + 1].lower() not in (
                    "is", "are", "be", "been", "was", "were", "being", "now", "also", "tentatively"):
                # "the record high set on Aug. 6": a past participle, not "is set for" (scheduling)
                nxt = words[i - 1].lower() if i > 0 else ""
                if nxt not in ("to", "for") and words[i + 1].lower() not in ("to", "will", "would"):
                    return -1
            if not weak and w in _WEAK_FUTURE_WORDS:
                # "set aside", "set up": only "set to" / "set for" schedules something
                nxt = words[i - 1].lower() if is_left and i > 0 else (
                    words[i + 1].lower() if not is_left and i + 1 < len(words) else "")
                if w != "set" or nxt in ("to", "for", ""):
                    weak = 1
    return weak


# --------------------------------------------------------------------------------------------------
# Rules (candidate spans)
# --------------------------------------------------------------------------------------------------

_YEAR_REL = {"this year": 0, "last year": -1, "next year": 1}  # "October last year", "7 October last year"
_PART_RE = r"(?:morning|afternoon|evening|night)"
_RELW = r"(?:this|last|next|past|coming|previous|following|current|same)"
_AMPM = r"(?:a\.\s?m\.?|p\.\s?m\.?|am|pm|AM|PM|A\.M\.?|P\.M\.?)"
_TZ = r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|IST|[A-Z]{3}T|local time|Israel time|Gaza time))?"

_RULES_SRC: list[tuple[str, str]] = [
    # --- explicit times of day -------------------------------------------------------------------
    ("clock", rf"{_L}(?:(?:about|around|approximately|shortly after|shortly before|just after|just before)\s+)?"
              rf"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>{_AMPM}){_TZ}"
              rf"(?:,?\s+(?:on\s+)?(?P<tail>(?:(?P<twd>{_WEEKDAY_RE})(?:,?\s+(?P<tmon>{_MONTH_RE})\s+(?P<tday>{_DAY_RE}))?"
              rf"|(?P<tmon2>{_MONTH_RE})\s+(?P<tday2>{_DAY_RE})|(?P<trel>today|tomorrow|yesterday|tonight))))?(?![\w])"),
    ("clock24", rf"{_L}(?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s+(?:hours|hrs|GMT|UTC|local time))?{_R}"),
    ("noon", rf"{_L}(?:(?:about|around|shortly after|shortly before|just after|just before)\s+)?(?P<w>noon|midnight|midday)"
             rf"(?:\s+(?:on\s+)?(?P<twd>{_WEEKDAY_RE}|today|tomorrow|yesterday))?{_R}"),
    ("hour_in_part", rf"{_L}(?P<h>[1-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                     rf"(?: o'clock)? in the (?P<part>morning|afternoon|evening){_R}"),
    # --- absolute dates ---------------------------------------------------------------------------
    ("wd_md", rf"{_L}(?P<wd>{_WEEKDAY_RE}),?\s+(?:(?P<mon>{_MONTH_RE})\s+(?P<day>{_DAY_RE})|(?P<day2>{_DAY_RE})\s+(?P<mon2>{_MONTH_RE}))"
              rf"(?:,?\s+(?P<year>{_YEAR_RE}))?{_R}"),
    ("day_rel", rf"{_L}the\s+day\s+(?P<dir>before|after)\s+(?:(?P<rel>last|next|this)\s+)?(?:(?P<wd>{_WEEKDAY_RE})"
                rf"|(?P<mon>{_MONTH_RE})\s+(?P<day>{_DAY_RE})){_R}"),
    ("week_of", rf"{_L}the\s+week\s+(?:of|beginning|starting|ending)\s+(?:(?P<mon>{_MONTH_RE})\s+(?P<day>{_DAY_RE})|(?P<day2>{_DAY_RE})\s+(?P<mon2>{_MONTH_RE}))"
                rf"(?:,?\s+(?P<year>{_YEAR_RE}))?{_R}"),
    ("md_range", rf"{_L}(?:(?P<d1>{_DAY_RE})\s*(?:-|–|—|to|and)\s*(?P<d2>{_DAY_RE})\s+(?P<mon>{_MONTH_RE})"
                 rf"|(?P<mon2>{_MONTH_RE})\s+(?P<d3>{_DAY_RE})\s*(?:-|–|—)\s*(?P<d4>{_DAY_RE}))(?:,?\s+(?P<year>{_YEAR_RE}))?{_R}"),
    ("md", rf"{_L}(?:(?P<emod>early|late|mid)[- ])?(?P<mon>{_MONTH_RE})\s+(?P<day>{_DAY_RE})(?:,?\s+(?P<year>{_YEAR_RE}|'\d\d)|\s+(?P<yrel>this year|last year|next year))?{_R}"),
    ("dm", rf"{_L}(?:the\s+)?(?P<day>{_DAY_RE})(?:\s+of)?\s+(?P<mon>{_MONTH_RE})(?:,?\s+(?P<year>{_YEAR_RE})|\s+(?P<yrel>this year|last year|next year))?{_R}"),
    ("numeric_date", rf"{_L}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}}|\d\d){_R}"),
    ("iso_date", rf"{_L}(?P<y>{_YEAR_RE})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d){_R}"),
    ("my", rf"{_L}(?:(?P<emod>early|late|mid|the end of|the beginning of|the start of|the middle of)[- ])?(?P<mon>{_MONTH_RE})(?:\s+of)?,?\s+(?P<year>{_YEAR_RE}){_R}"),
    ("month", rf"{_L}(?:(?:(?P<emod>early|late|mid|the end of|the beginning of|the start of|the middle of|the first half of|the second half of|(?:early|late)\s+in)[- ])"
              rf"|(?P<rel>this|last|next|this past|this coming|past|each|every)\s+)?(?P<mon>{_MONTH_RE})"
              rf"(?:\s+(?P<yrel>this year|last year|next year))?{_R}"),
    ("year", rf"{_L}(?:(?P<emod>early|late|mid|the end of|the beginning of|the start of|the middle of|the first half of|"
             rf"the second half of|the (?:last|latter) half of|(?:the )?first two quarters of|(?:the )?last two quarters of|the spring of|the summer of|the fall of|the autumn of|the winter of|"
             rf"(?:spring|summer|fall|autumn|winter)|(?:early|late)\s+in|fiscal(?: year)?|calendar(?: year)?|the year|"
             rf"(?:the |a )?good part of|post|pre)[- ]|(?P<fy>FY\s?))?(?P<year>{_YEAR_RE})(?![\w%$]|,\d|\.\d)"),
    ("spoken_year", rf"{_L}(?:the year\s+|(?P<smon>{_MONTH_RE})\s+|(?:(?:the|early|late)\s+)?(?P<ssea>spring|summer|fall|autumn|winter)\s+of\s+)?(?:(?P<c>nineteen|twenty)[- ](?P<yy>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                    rf"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
                    rf"|(?P<tt>two thousand(?:(?: and)? (?:one|two|three|four|five|six|seven|eight|nine|ten))?)){_R}"),
    ("decade", rf"{_L}(?:the\s+)?(?:(?P<emod>early|late|mid)[- ]?)?(?:(?P<dec>1[5-9]\d0|20\d0)'?s|'(?P<dd>\d0)s"
               rf"|(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)){_R}"),
    ("century", rf"{_L}(?:the\s+)?(?:(?P<emod>early|late|mid)[- ])?(?P<c>\d{{1,2}}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|"
                rf"ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)"
                rf"[- ]century{_R}"),
    ("this_century", rf"{_L}(?P<rel>this|last|next|the last|the past|the next|the previous)\s+century{_R}"),
    ("quarter", rf"{_L}(?:(?P<det>the|a|an|this year's|last year's|next year's)\s+)?(?:(?P<adj>flat|strong|weak|disappointing|latest|same|difficult|poor|record|solid|sluggish)\s+)?"
                rf"(?:(?P<y1>{_YEAR_RE})\s+)?(?:(?:fiscal|calendar)[- ])?(?P<ord>{_ORDW_RE}|first|second|third|fourth|final)"
                rf"[- ](?:fiscal[- ])?(?P<unit>quarter|half|period)s?(?:\s+of\s+(?:(?:fiscal|calendar)\s+)?(?P<y2>{_YEAR_RE}|this year|last year|next year|the year))?(?:\s+(?P<y3>{_YEAR_RE}))?{_R}"),
    ("quarter_q", rf"{_L}(?:the\s+)?(?P<q>Q[1-4])(?:\s+(?P<y>{_YEAR_RE}))?{_R}"),
    ("holiday", rf"{_L}(?:(?P<rel>this|last|next|this past|this year's|last year's|next year's)\s+)?(?P<h>{_HOLIDAY_RE})(?P<hw>\s+week)?(?:\s+(?P<year>{_YEAR_RE}))?{_R}"),
    # --- relative dates ---------------------------------------------------------------------------
    ("weekday", rf"{_L}(?:(?P<emod>early|late|mid|later)[- ])?(?:(?P<rel>this|last|next|this past|this coming|coming|past|the previous|the following|the next|each|every)\s+)?"
                rf"(?P<wd>{_WEEKDAY_RE})(?P<pl>s)?(?:\s+(?P<part>morning|afternoon|evening|night|nights|mornings))?{_R}"),
    ("part_weekday", rf"{_L}(?:(?P<emod>early|late|mid)[- ])?(?P<part>morning|afternoon|evening|night)\s+(?:of\s+|on\s+)?(?P<wd>{_WEEKDAY_RE}){_R}"),
    ("deictic", rf"{_L}(?:(?P<emod>early|late|later|earlier|mid|mid-afternoon|midafternoon|mid-morning|midmorning)[- ])?"
                rf"(?P<w>today|tonight|tomorrow|yesterday|the day before yesterday|the day after tomorrow)"
                rf"(?:\s+(?P<part>morning|afternoon|evening|night))?{_R}"),
    ("part_deictic", rf"{_L}(?P<w>this|last|tomorrow|yesterday)\s+(?P<part>morning|afternoon|evening|night){_R}"),
    ("part_anaphoric", rf"{_L}the\s+(?P<w>next|following|previous)\s+(?P<part>morning|afternoon|evening|night){_R}"),
    ("overnight", rf"{_L}(?P<w>overnight){_R}"),
    ("present", rf"{_L}(?P<w>now|right now|just now|currently|at present|presently|nowadays|these days|at the moment|"
                rf"current){_R}"),
    ("past_ref", rf"{_L}(?P<w>(?:more |most |until |very |only )?recently|lately|the past|previously|formerly|recent){_R}"),
    ("future_ref", rf"{_L}(?P<w>the future|future|shortly|the near future|the near term|the short term|the long term|"
                   rf"the longer term|eventually|a later date|"
                   rf"as soon as possible|later){_R}"),
    ("relunit", rf"{_L}(?:(?P<emod>early|late|earlier|later|the end of|the beginning of|the start of|the middle of|the rest of|"
                rf"the remainder of|the first half of|the second half of|(?:early|late|earlier|later) in)\s+)?"
                rf"(?P<rel>this|last|next|the past|the last|the next|the previous|the following|the coming|the current|"
                rf"the same|this past|this coming|that|the)\s+(?P<fisc>fiscal\s+|calendar\s+)?"
                rf"(?P<unit>week|weekend|month|year|quarter|spring|summer|fall|autumn|winter|season|decade|day|period)(?![\w-])"),
    ("relunit_adj", rf"{_L}(?P<emod>early|late|mid|end|start)[- ](?P<unit>week|month|year|decade)(?![\w-])"),
    ("year_end", rf"{_L}(?:(?P<pre>around|by|at|until)\s+)?(?P<unit>year|month|quarter)[- ](?P<w>end|start){_R}"),
    ("prev_year_period", rf"{_L}(?:the\s+(?P<unit>quarter|period)\s+a\s+year\s+(?:ago|earlier)|last\s+year's\s+(?P<unit2>quarter|period)){_R}"),
    ("yearago_adj", rf"{_L}(?:(?P<det>the|a)\s+)?(?:(?:comparable|corresponding|same)\s+)?(?P<w>year[- ]earlier|year[- ]ago|prior[- ]year|previous[- ]year)"
                    rf"(?:\s+(?:(?P<ord>{_ORDW_RE})\s+)?(?P<unit>quarter|period|nine months|six months|three months|first half|second half|level|figure|results?|quarter's))?{_R}"),
    ("the_year_num", rf"{_L}the\s+(?P<y>{_YEAR_RE})\s+(?P<unit>period|quarter|first half|second half|fiscal year|season|year|nine months|six months){_R}"),
    ("latest_period", rf"{_L}(?P<det>the|its)\s+(?P<adj>latest|most recent|recent|comparable|corresponding|same|current|year-ago|year-earlier|fiscal|just-ended|just-completed)\s+(?:fiscal\s+)?(?P<unit>period|quarter|year){_R}"),
    ("season", rf"{_L}(?:(?P<emod>early|late|mid)[- ])?(?:(?P<rel>this|last|next|this past|this coming|the|each|every)\s+)?(?P<s>spring|summer|fall|autumn|winter)"
               rf"(?:\s+(?:of\s+)?(?P<year>{_YEAR_RE}))?{_R}"),
    # --- durations & sets -------------------------------------------------------------------------
    ("set_adv", rf"{_L}(?P<w>daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly|biweekly|bimonthly|semiannually|"
                rf"year-round|around the clock|round the clock){_R}"),
    ("set_every", rf"{_L}(?P<q>every|each|per|a)\s+(?:(?P<n>other|second|two|three|four|five|six|few|several)\s+)?"
                  rf"(?P<unit>second|minute|hour|day|night|week|weekend|month|quarter|year|decade|morning|afternoon|evening|(?:{_WEEKDAY_RE})|(?:{_MONTH_RE}))s?{_R}"),
    ("duration", rf"{_L}(?:(?P<dmod>{_DMOD_RE})\s+)?(?:(?P<det>the|its|their|his|her|these|those|that|this)\s+)?"
                 rf"(?:(?P<rel>first|last|past|next|previous|following|coming|latest|final|initial|remaining|year-earlier|year-ago|same|entire|whole|full|"
                 rf"other|intervening|ensuing|subsequent|preceding|prior|additional|further|opening|closing|recent)\s+)?"
                 rf"(?P<num>{_NUM_RE}|{_WORD_NUM_RE}-(?:and-)?a-half|\d+-(?:and-)?a-half|\d+½|\d+(?:\.\d+)?-plus)(?:\s+and\s+a\s+half)?"
                 rf"(?P<sep>\s+|-)(?:(?:more|additional|full|straight|consecutive|long|short|extra|further|whole|successive)\s+)?"
                 rf"(?P<unit>{_UNIT_RE}|weekends?)(?:\s+and\s+a\s+half)?(?P<suf>[- ](?:long|old)|-plus)?"
                 rf"(?:\s+(?P<ago>ago|earlier|later|before|after|prior|previously|back|hence|from now|since|beforehand|afterwards?|on))?{_R}"),
    ("duration_word", rf"{_L}(?P<w>weeklong|week-long|monthlong|month-long|yearlong|year-long|daylong|day-long|overnight|"
                      rf"decades-long|decade-long|years-long|months-long|weeks-long|days-long|hours-long|centuries-long|"
                      rf"multiyear|multi-year|half-hour|half an hour|a half-hour|half a day|half a year|a year and a half|"
                      rf"an hour and a half|a day and a half|a week and a half|a month and a half|a minute and a half){_R}"),
    ("bare_units", rf"{_L}(?:(?P<pre>for|in|within|over|after|take|takes|took|taken|taking|last|lasted|lasts|spent|spend|"
                   rf"for the past|for the last|in the past|in the last|over the past|over the last|in|the|recent|coming|"
                   rf"the coming|the next|the past|the last|the first|the final|the early|the initial|the)\s+)"
                   rf"(?P<unit>seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries){_R}"),
    ("the_year", rf"{_L}(?P<pre>for|of|in|during|through|throughout|over)\s+(?P<det>the|its)\s+(?:(?P<adj>full|fiscal|entire|whole|current|same)\s+)?"
                 rf"(?:(?P<adj2>fiscal)\s+)?year(?P<post>\s+(?:ended|ending|ends|that ended|to date))?{_R}"),
]

_WORD_RULE_FLAGS = re.I
_RULES = [(name, re.compile(src, _WORD_RULE_FLAGS)) for name, src in _RULES_SRC]
_PRIORITY = {name: i for i, (name, _) in enumerate(_RULES_SRC)}


@dataclass
class _Cand:
    start: int
    end: int
    rule: str
    m: re.Match


_CAPS_REQUIRED_MONTHS = {"may", "march", "mar", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                         "nov", "dec"}


def _month_ok(tok: str, followed_by_number: bool, lowercase_doc: bool) -> bool:
    t = tok.rstrip(".")
    low = t.lower()
    if low in _CAPS_REQUIRED_MONTHS:
        if followed_by_number:
            return not t.islower() or lowercase_doc or low not in ("may", "march", "mar")
        if t[0].islower():
            return lowercase_doc and low not in ("may", "march", "mar")
        if low in ("may", "march", "mar"):
            return True
        return tok.endswith(".") or len(t) > 3
    if not lowercase_doc and t[0].islower():
        return False
    return True


_TRIGGER_WORDS = set(_MONTHS) | set(_WEEKDAYS) | {w + "s" for w in _WEEKDAYS} | set(_SEASONS) | {
    "sept", "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
    "day", "days", "night", "nights", "week", "weeks", "fortnight", "fortnights", "month", "months", "quarter",
    "quarters", "year", "years", "yr", "yrs", "decade", "decades", "century", "centuries", "millennium",
    "millennia", "weekend", "weekends", "weeklong", "monthlong", "yearlong", "daylong", "multiyear", "half",
    "period", "fiscal", "fy", "today", "tonight", "tomorrow", "yesterday", "now", "currently", "current",
    "presently", "nowadays", "present", "recently", "recent", "lately", "past", "previously", "formerly",
    "future", "soon", "term", "daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly",
    "quarterly", "biweekly", "bimonthly", "semiannually", "clock", "noon", "midnight", "midday", "overnight",
    "morning", "mornings", "afternoon", "evening", "ago", "nineteen", "thousand", "twenties", "thirties",
    "forties", "fifties", "sixties", "seventies", "eighties", "nineties", "am", "pm", "q",
    "christmas", "thanksgiving", "easter", "independence", "july", "labor", "labour", "memorial", "veterans",
    "halloween", "valentine", "valentines", "ramadan", "ramadhan", "ramazan", "eid", "passover",
    "pesach", "hanukkah", "hanukah", "chanukah", "chanukkah", "yom", "rosh", "sukkot", "simchat", "purim",
    "shavuot", "tisha", "ashura", "mawlid", "isra", "midafternoon", "midmorning", "season",
}
_TOKEN_SCAN = re.compile(r"[A-Za-z]+|\d+(?:[:/.-]\d+)*")
_WINDOW = 48


_YEAR_TOK = re.compile(r"(?:1[5-9]|20)\d\d(?:$|[-/:.])")

_UNIT_TOKENS = {"second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
                "day", "days", "night", "nights", "week", "weeks", "fortnight", "fortnights", "month", "months",
                "quarter", "quarters", "year", "years", "yr", "yrs", "decade", "decades", "century", "centuries",
                "millennium", "millennia", "weekend", "weekends"}
_MONTH_TOKENS = set(_MONTHS) | {"sept"}
_WEEKDAY_TOKENS = {w for w in _WEEKDAYS if len(w) > 4} | {w + "s" for w in _WEEKDAYS if len(w) > 4}
_SEASON_TOKENS = set(_SEASONS)
# Tokens every match of a rule contains (lower-cased words; "#Y" a 4-digit year, "#/" a slashed number,
# "#" any other kept number): the rule only runs in windows around them, which keeps dense texts fast.
_RULE_ANCHORS: dict[str, frozenset] = {k: frozenset(v) for k, v in {
    "duration": _UNIT_TOKENS,
    "bare_units": {"seconds", "minutes", "hours", "days", "weeks", "months", "quarters", "years", "decades",
                   "centuries"},
    "year": {"#Y"}, "my": {"#Y"}, "iso_date": {"#Y"}, "the_year_num": {"#Y"},
    "md": _MONTH_TOKENS, "dm": _MONTH_TOKENS, "md_range": _MONTH_TOKENS, "wd_md": _MONTH_TOKENS,
    "week_of": _MONTH_TOKENS, "month": _MONTH_TOKENS,
    "numeric_date": {"#/"},
    "spoken_year": {"nineteen", "twenty", "thousand"},
    "decade": {"#Y", "#", "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
               "nineties"},
    "century": {"century"}, "this_century": {"century"},
    "quarter": {"quarter", "quarters", "half", "halfs", "period", "periods"},
    "quarter_q": {"q"},
    "weekday": _WEEKDAY_TOKENS, "part_weekday": _WEEKDAY_TOKENS,
    "deictic": {"today", "tonight", "tomorrow", "yesterday"},
    "part_deictic": {"morning", "afternoon", "evening", "night"},
    "overnight": {"overnight"},
    "relunit": {"week", "weekend", "month", "year", "quarter", "spring", "summer", "fall", "autumn", "winter",
                "season", "decade", "day", "period"},
    "relunit_adj": {"week", "month", "year", "decade"},
    "year_end": {"year", "month", "quarter"},
    "prev_year_period": {"quarter", "period"},
    "yearago_adj": {"year"},
    "latest_period": {"period", "quarter", "year"},
    "season": _SEASON_TOKENS,
    "the_year": {"year"},
}.items()}
_ANCHOR_MARGIN = 64


def _windows(text: str) -> tuple[list[tuple[int, int]], dict[str, list[int]]]:
    """Regions of the text around trigger tokens (temporal vocabulary, 4-digit numbers, clock times), and the
    positions of every word / number class (for the per-rule anchor windows)."""
    spans: list[tuple[int, int]] = []
    index: dict[str, list[int]] = {}
    n = len(text)
    trig = _TRIGGER_WORDS
    for m in _TOKEN_SCAN.finditer(text):
        tok = m.group()
        c0 = tok[0]
        if c0.isdigit():
            if not (len(tok) == 4 or ":" in tok or "/" in tok or "-" in tok or tok.endswith(("0",))
                    or text.startswith(("s", "'s", " a", " p", "a", "p", " A", " P", "A", "P", " o"), m.end())):
                continue
            key = "#Y" if _YEAR_TOK.match(tok) else ("#/" if "/" in tok else "#")
            index.setdefault(key, []).append(m.start())
        else:
            low = tok.lower()
            index.setdefault(low, []).append(m.start())
            if low not in trig:
                continue
        s0 = m.start() - _WINDOW
        e0 = m.end() + _WINDOW
        if spans and s0 <= spans[-1][1]:
            spans[-1] = (spans[-1][0], min(n, e0))
        else:
            spans.append((max(0, s0), min(n, e0)))
    return spans, index


def _rule_windows(anchors: frozenset, index: dict[str, list[int]], n: int) -> list[tuple[int, int]]:
    pos = sorted(p for k in anchors for p in index.get(k, ()))
    spans: list[tuple[int, int]] = []
    for p in pos:
        s0, e0 = p - _ANCHOR_MARGIN, p + _ANCHOR_MARGIN
        if spans and s0 <= spans[-1][1]:
            spans[-1] = (spans[-1][0], min(n, e0))
        else:
            spans.append((max(0, s0), min(n, e0)))
    return spans


def _candidates(text: str, lowercase_doc: bool) -> list[_Cand]:
    out = []
    windows, index = _windows(text)
    n = len(text)
    for name, rx in _RULES:
        anchors = _RULE_ANCHORS.get(name)
        wins = windows if anchors is None else _rule_windows(anchors, index, n)
        for ws, we in wins:
            for m in rx.finditer(text, ws, we):
                if m.end() <= m.start():
                    continue
                if not _accept(name, m, text, lowercase_doc):
                    continue
                if name != "holiday" and _in_title(text, m.start(), m.end(), lowercase_doc):
                    continue
                s, e = m.start(), m.end()
                # trim trailing spaces/commas captured accidentally (keep "a.m." dots and abbreviations)
                while e > s and text[e - 1] in " ,":
                    e -= 1
                out.append(_Cand(s, e, name, m))
    return out


_GENERIC_TIME_WORDS = {"week", "weeks", "minute", "minutes", "hour", "hours", "day", "days", "today", "tonight", "noon",
                       "night", "morning", "year", "years", "month", "months", "decade", "century", "tomorrow",
                       "yesterday", "now", "weekend", "midnight", "evening", "afternoon"}
_TITLE_TOKEN = re.compile(r"[A-Za-z]+")
_SENT_START = re.compile(r"(?:^|[.!?:;\n]|--)[\s\"'`“‘(\[]*$")


def _in_title(text: str, s: int, e: int, lowercase_doc: bool) -> bool:
    """A generic time word capitalised in mid-sentence is part of a name or title ("ABC's This Week",
    "60 Minutes", "High Noon", "USA Today"), not a temporal expression."""
    if lowercase_doc:
        return False
    for tm in _TITLE_TOKEN.finditer(text, s, e):
        tok = tm.group()
        if tok.lower() in _GENERIC_TIME_WORDS and tok[0].isupper() and tok[1:].islower():
            if not _SENT_START.search(text[max(0, tm.start() - 6): tm.start()]):
                return True
    return False


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _accept(name: str, m: re.Match, text: str, lowercase_doc: bool) -> bool:
    g = m.groupdict()
    s = m.group(0)
    if name in ("md", "dm", "wd_md", "md_range", "my", "month", "week_of", "day_rel"):
        for key in ("mon", "mon2"):
            tok = g.get(key)
            if tok:
                numbered = name != "month"
                if not _month_ok(tok, numbered, lowercase_doc):
                    return False
                if name == "month" and re.match(r"\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w,.]?\d)", text[m.end():m.end() + 8]):
                    return False  # "last Oct. 23": the month-day rule owns it
                if name == "month":
                    # "May" at sentence start or as a modal verb: require a temporal preposition context
                    low = tok.rstrip(".").lower()
                    if low in ("may", "march") and not g.get("rel") and not g.get("emod") and not g.get("yrel"):
                        before = text[max(0, m.start() - 12): m.start()].lower()
                        # "the March accession", "the May elections": a month modifying a noun (not "the March on ...")
                        attributive = re.search(r"\bthe\s+$", before) and re.match(
                            r"\s+(?!on\b|of\b|to\b|for\b|against\b|through\b|and\b)[a-z]{3,}", text[m.end(): m.end() + 20])
                        if not attributive and not re.search(
                                r"\b(?:in|since|until|by|of|from|through|to|early|late|mid|last|this|next|during|before|after)\s+$", before):
                            return False
        if name == "dm":
            # "3 Oct" but not "the 10 May" style false hits inside numbers; require day word boundary
            if g.get("day") and not g["day"][0].isdigit():
                return False
    if name == "part_weekday" and re.match(rf",?\s+(?:{_MONTH_RE}\s+\d|\d{{1,2}}\s+{_MONTH_RE})", text[m.end(): m.end() + 14]):
        return False  # "the night of Friday, Oct. 23": the full date is the expression
    if name == "noon" and re.search(r"\bhigh\s+$", text[max(0, m.start() - 5): m.start()], re.I):
        return False  # the idiom / film title "high noon"
    if name in ("weekday", "part_weekday", "wd_md", "day_rel"):
        wd = g.get("wd")
        if wd and not _is_cap(wd) and not lowercase_doc:
            return False
    if name == "holiday":
        h = g.get("h") or ""
        if not _is_cap(h) and not lowercase_doc:
            return False
    if name == "year":
        y = int(g["year"])
        pre = text[max(0, m.start() - 2): m.start()]
        if pre.endswith(("$", "#", "No. ", "No.")) or re.search(r"[\d$#]\s?$", pre):
            return False
        post = text[m.end(): m.end() + 12]
        if re.match(r"\s*(?:%|percent|per cent|-?(?:point|share|acre|mile|ton|foot|feet|meter|metre|yen|dollar|troops|people|shares|cars|units))", post, re.I):
            return False
        if re.match(r"-(?:\d|[a-z]+(?!s?\b))", post) and not g.get("emod"):  # 1990-91 fine, "1990-model" no
            if not re.match(r"-\d\d\b", post):
                return False
        if not g.get("emod") and not g.get("fy"):
            if y < 1800 or y > 2100:
                return False
            # plain integers that are clearly counts: preceded by "about/some/of" + followed by noun
            if re.match(r"\s+[a-z]", post) and re.search(r"(?:about|some|nearly|almost|than|of|and)\s+$",
                                                         text[max(0, m.start() - 10): m.start()], re.I) and \
                    not re.match(r"\s+(?:and|to|through|when|as|after|before|until|with|in|on|at|for|the|that|was|is|were)\b", post):
                return False
    if name == "spoken_year":
        if g.get("smon") and not _month_ok(g["smon"], True, lowercase_doc):
            return False
        if g.get("tt") and not (s.lower().startswith("the year") or g.get("smon") or g.get("ssea")):
            # "two thousand" alone is usually a number, keep only "the year two thousand"
            return False
        post = text[m.end(): m.end() + 12].lower()
        if re.match(r"\s*(?:dollars|people|percent|troops|years|times|hundred)", post):
            return False
    if name == "present":
        w = g["w"].lower()
        post = text[m.end(): m.end() + 15]
        pre = text[max(0, m.start() - 12): m.start()].lower()
        if w == "current":
            # adjective use only: "current levels", not "current account"/"current assets"
            if re.match(r"\s+(?:account|assets|liabilities|affairs|events|issue|dollars|prices|yield|coupon|ratio)", post, re.I):
                return False
            if re.match(r"\s+(?:quarter|year|month|week|fiscal|period|season|term|session|budget|contract)", post, re.I):
                return False
            if not re.match(r"\s+[a-z]", post):
                return False
        if w in ("just now", "at present"):
            return False  # rarely annotated in TimeML gold
        if w == "now" and re.match(r"[-\s]+(?:defunct|famous|closed|former|infamous|retired|deceased)", post):
            return True
        if w == "now" and post.startswith(",") and m.start() == m.start("w") and _is_cap(s) \
                and re.search(r"(?:^|[.!?]['\"’”]*\s+|[\"“`']\s*)$", text[max(0, m.start() - 4): m.start()]):
            return False  # sentence-initial discourse marker "Now, ..."
    if name == "past_ref":
        w = g["w"].lower()
        post = text[m.end(): m.end() + 20].lower()
        if w in ("formerly", "previously", "recent"):
            return False
        if w == "recent" and re.match(r"\s+(?:days|weeks|months|years|quarters|decades)", post):
            return False
        if w == "the past" and re.match(rf"\s+(?:{_WORD_NUM_RE}|\d+|few|several|many|couple)\b", post):
            return False  # "the past three summers": a counted period, not the indefinite past
    if name == "future_ref":
        w = g["w"].lower()
        post = text[m.end(): m.end() + 12].lower()
        if w in ("later", "eventually", "shortly", "the long term", "the longer term"):
            return False
        if w == "future":
            return False
        if w == "future" and re.match(r"\s+(?:contracts?|prices?|options?|markets?|exchange|trading|delivery)", post):
            return False
    if name == "relunit":
        rel = g["rel"].lower()
        unit = g["unit"].lower()
        post = text[m.end(): m.end() + 12].lower()
        if rel in ("that", "the"):
            if unit in ("week", "month", "year", "day", "period", "season", "decade") and not g.get("emod"):
                # "that year" (anaphoric, resolved on the last date) is a timex; "the year" alone is not
                if not (rel == "that" and unit == "year"):
                    return False
            if rel == "the" and unit in ("spring", "summer", "fall", "autumn", "winter"):
                return True
        if unit == "period" and rel not in ("the same", "the previous", "the current", "this", "that"):
            return False
        if unit == "quarter" and re.match(r"\s*(?:-?point|of\b|percent|mile|century)", post):
            return False
        if unit == "day" and rel in ("the past", "the last", "the next", "the same", "the following", "the previous", "that", "the", "the coming", "the current"):
            if rel not in ("the following", "the previous", "the next", "the same") and not (rel == "that" and g.get("emod")):
                return False
        if unit == "season" and not g.get("emod") and rel in ("the", "that"):
            return False
    if name == "duration":
        num = g["num"].lower()
        unit = g["unit"].lower()
        post = text[m.end(): m.end() + 12].lower()
        if unit.startswith("quarter") and (re.match(r"\s+of\b", post) or num in ("three",) and "of" in post[:4]):
            return False
        if unit.startswith("second") and num in ("a", "an"):
            return False  # "a second" (ordinal)
        if num in ("some", "many", "numerous") and not g.get("rel") and not g.get("det"):
            if num != "many":
                return False
        if num in ("a", "an") and unit in ("minute", "second") and not g.get("dmod"):
            return False
        if num in ("a", "an", "one") and unit in ("day", "night") and not g.get("dmod") and not g.get("ago") and not g.get("rel"):
            # "one day" (future_ref-ish) / "a day" rate -> handled, keep
            pass
        if num in ("a", "an") and unit == "year" and re.match(r"\s*(?:old|older|younger|-old)\b", post):
            return False
        if g.get("det") and g["det"].lower() in ("his", "her", "their", "its") and not g.get("rel"):
            pass
        if num in ("a few", "few") and unit.startswith("second"):
            return False
        suf = (g.get("suf") or "").lower()
        if "old" in suf:
            if unit.startswith(("year", "yr")) or re.match(
                    r"\s*(?:boy|girl|man|woman|son|daughter|child|baby|infant|kid|twin|brother|sister|patient|victim|"
                    r"mother|father|resident|student|citizen|[,.;)]|$)", post):
                return False
    if name == "bare_units":
        pre = (g.get("pre") or "").lower()
        post = text[m.end(): m.end() + 15].lower()
        if pre in ("in", "the", "after", "over", "take", "takes", "took", "taken", "taking", "spent", "spend", "last",
                   "lasted", "lasts", "within"):
            if pre == "in" and not re.match(r"\s*(?:[.,;]|$)", post):
                return False
            if pre == "the" and not re.match(r"\s+(?:before|after|that|following|since|ahead|to come)", post):
                return False
            if pre in ("after", "over", "take", "takes", "took", "taken", "taking", "spent", "spend", "last", "lasted", "lasts", "within"):
                pass
        if re.match(r"\s+(?:of (?:age|experience)|old|-old)\b", post):
            return False
        if pre in ("the early", "the first", "the final") and re.match(rf"\s+of\s+(?:{_WEEKDAY_RE}|{_MONTH_RE})", post, re.I):
            return False  # "the early hours of Thursday morning": the day is the expression
    if name == "set_every":
        q = g["q"].lower()
        unit = g["unit"].lower()
        if q == "a":
            pre = text[max(0, m.start() - 20): m.start()].lower()
            if not re.search(r"(?:\d|percent|%|times|once|twice|thrice|dollars|cents|million|billion|trillion|shekels|\$\S*)\s*$", pre):
                return False
            if unit not in ("day", "week", "month", "year", "hour", "quarter", "night", "minute", "second"):
                return False
        if q == "per" and unit not in ("day", "week", "month", "year", "hour", "quarter", "night"):
            return False
        if unit[:1].isalpha() and unit.rstrip(".").lower() in _MONTHS and not _is_cap(unit):
            return False
        if unit.lower() in _WEEKDAYS and not _is_cap(unit) and not lowercase_doc:
            return False
    if name == "set_adv":
        w = g["w"].lower()
        post = text[m.end(): m.end() + 15].lower()
        if w in ("daily", "weekly", "monthly") and re.match(r"\s+(?:newspaper|paper|magazine|news|journal|mail|express|telegraph|star|beast|show)", post):
            return False
        if w in ("quarterly", "annually"):
            return False
        if w in ("daily", "weekly", "monthly", "yearly") and _is_cap(m.group("w")) and m.start() > 0 and text[m.start() - 1] != "\n" and \
                not re.search(r"[.!?]\s*$", text[max(0, m.start() - 3): m.start()]):
            return False  # "Daily News", "Weekly Standard"
    if name == "clock":
        if not g.get("ap"):
            return False
    if name == "clock24":
        pre = text[max(0, m.start() - 6): m.start()].lower()
        if not re.search(r"(?:at|by|until|from|about|around)\s+$", pre):
            return False
    if name == "numeric_date":
        a, b = int(g["a"]), int(g["b"])
        if not (1 <= a <= 12 and 1 <= b <= 31):
            return False
    if name == "season":
        if not g.get("rel") and not g.get("year") and not g.get("emod"):
            pre = text[max(0, m.start() - 12): m.start()].lower()
            if not re.search(r"\b(?:in|during|by|until|since|this|last|next|through|over)\s+$", pre):
                return False
        if g.get("rel") and g["rel"].lower() == "the" and not g.get("year"):
            pre = text[max(0, m.start() - 12): m.start()].lower()
            if not re.search(r"\b(?:in|during|by|until|since|through|over)\s+$", pre):
                return False
        post = text[m.end(): m.end() + 10].lower()
        if re.match(r"\s*(?:-?\s*(?:collection|line|olympics|games|season|camp|school|session)\b)", post):
            return False
        if g["s"].lower() == "fall" and not g.get("rel") and not g.get("year") and not g.get("emod"):
            pre = text[max(0, m.start() - 12): m.start()].lower()
            if not re.search(r"\b(?:in|during|this|last|next|since|until|by)\s+(?:the\s+)?$", pre):
                return False
            if re.match(r"\s+(?:of|in|to|by|from)\b", post):
                return False
    if name == "quarter":
        unit = g["unit"].lower()
        if unit == "period" and not g.get("y1") and not g.get("y2"):
            return False
        if unit == "half":
            post = text[m.end(): m.end() + 6].lower()
            if not (g.get("y1") or g.get("y2") or g.get("det")):
                return False
            if re.match(r"\s+of\s+(?!\d|this|last|next|the year|fiscal)", post):
                return False
        post = text[m.end(): m.end() + 12].lower()
        if unit == "quarter" and re.match(r"\s*(?:-?point|of a|percent|mile|century)", post):
            return False
    if name in ("deictic",):
        w = g["w"].lower()
        if w == "today" and re.match(r"\s*(?:show|'s show)\b", text[m.end(): m.end() + 10], re.I):
            return False
        if w == "today" and _GENERIC_TODAY_RE.match(text, m.end()):
            return False  # "today's youth": the present age, not the document's day
        if _is_cap(g["w"]) and m.start() > 0 and not re.search(r"(?:[.!?\"“'(\n]\s*|^)$", text[max(0, m.start() - 3): m.start()]) \
                and w == "today" and re.match(r"\s+[A-Z]", text[m.end(): m.end() + 3]):
            return False  # "USA Today" etc.
    return True


# "today's youth", "today's world": "today" as the present age (TimeBank leaves these untagged)
_GENERIC_TODAY_RE = re.compile(r"['’]s\s+(?:youth|young|world|society|generation|generations|children|kids|teenagers"
                               r"|families|standards|culture)\b", re.I)


def _select(cands: list[_Cand]) -> list[_Cand]:
    cands.sort(key=lambda c: (-(c.end - c.start), c.start, _PRIORITY[c.rule]))
    taken: list[_Cand] = []
    occupied = bytearray()
    for c in cands:
        if len(occupied) < c.end:
            occupied.extend(b"\0" * (c.end - len(occupied)))
        if any(occupied[c.start: c.end]):
            continue
        occupied[c.start: c.end] = b"\1" * (c.end - c.start)
        taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


# --------------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------------


class _Ctx:
    """Per-document state: DCT and the last explicitly resolved reference date (for anaphora)."""

    def __init__(self, text: str, dct: date | None):
        self.text = text
        self.dct = dct
        self.last_date: str | None = None  # last resolved DATE value (calendar)
        self.last_quarter: str | None = None  # last quarter value "YYYY-Qn"
        self.last_quarter_pos = -10**9
        self.topic_quarter: str | None = None  # last explicitly named current-period quarter ("the third quarter")
        self.last_date_pos = -10**9
        # last reporting period named in the text (earnings news): (position, "Q" quarter | "Y" year-like
        # period such as "the nine months" / "the year" / "1988" | "H" half), for "a year earlier" & co.
        self.period_mark: tuple[int, str] | None = None


def _emod(s: str | None) -> str | None:
    if not s:
        return None
    s = s.lower().strip()
    if s.startswith(("early", "the beginning", "the start", "earlier", "start")):
        return "START"
    if s.startswith(("late", "the end", "later", "end")):
        return "END"
    if s.startswith(("mid", "the middle")):
        return "MID"
    if s.startswith("the first half"):
        return "START"
    if s.startswith("the second half"):
        return "END"
    return None


def _month_year(ctx: _Ctx, month: int, direction: int) -> int | None:
    """Year of a bare month name: the nearest occurrence, unless the tense clearly says otherwise."""
    d = ctx.dct
    if d is None:
        return None
    if month == d.month:
        return d.year
    cands = sorted(((y - d.year) * 12 + month - d.month, y) for y in (d.year - 1, d.year, d.year + 1))
    cands = [c for c in cands if c[0] != 0]
    nearest = min(cands, key=lambda c: abs(c[0]))
    if abs(nearest[0]) <= 1:
        return nearest[1]
    past = max(c for c in cands if c[0] < 0)
    fut = min(c for c in cands if c[0] > 0)
    if direction > 0:
        return fut[1]
    if direction < 0:
        return past[1]
    return fut[1] if fut[0] <= 3 else past[1]


def _month_day_date(ctx: _Ctx, month: int, day: int, direction: int) -> str:
    """Date of "Month D" without a year: the nearest occurrence, the tense deciding far-away cases."""
    d = ctx.dct
    if d is None:
        return f"XXXX-{month:02d}-{day:02d}"
    cands = []
    for y in (d.year - 1, d.year, d.year + 1):
        try:
            x = date(y, month, day)
        except ValueError:  # 29 February
            x = date(y, month, 28)
        cands.append(((x - d).days, x))
    nearest = min(cands, key=lambda c: abs(c[0]))
    if abs(nearest[0]) <= 45:
        return nearest[1].isoformat()
    past = max(c for c in cands if c[0] <= 0)
    fut = min(c for c in cands if c[0] >= 0)
    if direction > 0:
        return fut[1].isoformat()
    if direction < 0:
        return past[1].isoformat()
    return (fut if fut[0] <= 120 else past)[1].isoformat()


def _weekday_date(ctx: _Ctx, wd: int, direction: int, rel: str | None) -> str:
    d = ctx.dct
    if d is None:
        return f"XXXX-WXX-{wd}"
    cur = d.isoweekday()
    rel = (rel or "").lower()
    if rel in ("next", "this coming", "coming", "the following", "the next"):
        delta = (wd - cur) % 7 or 7
        if rel == "next" and False:
            delta += 7
        return (d + timedelta(days=delta)).isoformat()
    if rel in ("last", "this past", "past", "the previous"):
        delta = (cur - wd) % 7 or 7
        return (d - timedelta(days=delta)).isoformat()
    if rel == "this":
        return (d + timedelta(days=wd - cur)).isoformat()
    if wd == cur:
        return d.isoformat()
    if direction > 0:
        return (d + timedelta(days=(wd - cur) % 7)).isoformat()
    return (d - timedelta(days=(cur - wd) % 7)).isoformat()


_POSSESSIVE_RE = re.compile(r"['’]s\b")
_AHEAD_RE = re.compile(r"\b(?:ahead of|before|until|till|for|awaiting|await|upcoming|will|'ll)\s+(?:the\s+)?$", re.I)


def _possessive_past(text: str, start: int, end: int) -> bool:
    """ "Wednesday's ruling": a possessive weekday names an event already reported (past or today)."""
    if not _POSSESSIVE_RE.match(text, end):
        return False
    return not _AHEAD_RE.search(text[max(0, start - 20): start])


def _value_start(value: str) -> date | None:
    r = _range_of_value(value)
    return r[0] if r else None


def _granularity(value: str) -> str:
    if re.fullmatch(r"\d{4}-\d\d-\d\d(?:T.*)?", value):
        return "D"
    if re.fullmatch(r"\d{4}-W\d\d?(?:-WE)?", value):
        return "W"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "M"
    if re.fullmatch(r"\d{4}-Q\d", value):
        return "Q"
    if re.fullmatch(r"\d{4}-H\d", value):
        return "H"
    if re.fullmatch(r"\d{4}(?:-(?:SP|SU|FA|WI))?", value):
        return "Y"
    return "?"


def _shift(value: str, n: float, unit: str, sign: int, gran: str | None = None) -> str | None:
    """Shift a calendar value by n units (sign -1 back, +1 forward), keeping a sensible granularity."""
    start = _value_start(value)
    if start is None:
        return None
    ug = _UNITS.get(_unit_key(unit))
    if ug is None:
        return None
    timep, letter, mult = ug
    amount = n * mult
    vg = _granularity(value)
    if letter == "Y":
        y = start.year + sign * int(round(amount))
        target_g = gran or ("Y" if vg in ("Y",) else vg)
        if target_g == "Q":
            return f"{y:04d}-Q{_quarter(start)}"
        if target_g == "M":
            return f"{y:04d}-{start.month:02d}"
        if target_g == "D":
            return _add_years(start, sign * int(round(amount))).isoformat()
        if target_g == "W":
            return _week(_add_years(start, sign * int(round(amount))))
        if target_g == "H":
            return f"{y:04d}-H{1 if start.month <= 6 else 2}"
        return f"{y:04d}"
    if letter == "Q":
        d2 = _add_months(start, sign * int(round(amount)) * 3)
        return f"{d2.year:04d}-Q{_quarter(d2)}"
    if letter == "M":
        d2 = _add_months(start, sign * int(round(amount)))
        if (gran or vg) == "D":
            return d2.isoformat()
        return f"{d2.year:04d}-{d2.month:02d}"
    if letter == "W":
        d2 = start + timedelta(weeks=sign * amount)
        if (gran or vg) == "D":
            return d2.isoformat()
        return _week(d2)
    if letter == "D":
        return (start + timedelta(days=sign * amount)).isoformat()
    if timep:
        return start.isoformat()
    return None


def _season_value(ctx: _Ctx, s: str, rel: str | None, direction: int, year: int | None) -> str:
    code = _SEASONS[s.lower()]
    if year is not None:
        return f"{year:04d}-{code}"
    d = ctx.dct
    if d is None:
        return f"XXXX-{code}"
    order = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}
    cur = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA")
    y = d.year
    rel = (rel or "").lower()
    if rel in ("last", "this past"):
        if order[code] >= order[cur]:
            y -= 1
    elif rel in ("next", "this coming"):
        if order[code] <= order[cur]:
            y += 1
    elif rel in ("this",):
        pass
    else:
        if direction < 0 and order[code] > order[cur]:
            y -= 1
        elif direction > 0 and order[code] < order[cur]:
            y += 1
    return f"{y:04d}-{code}"


def _quarter_value(ctx: _Ctx, q: int, direction: int) -> str:
    d = ctx.dct
    if d is None:
        return f"XXXX-Q{q}"
    cq = _quarter(d)
    y = d.year
    if q > cq and direction <= 0:
        # e.g. "the fourth quarter" in a January report -> last year's, unless clearly future
        if direction < 0 or q - cq >= 2:
            y -= 1
    return f"{y:04d}-Q{q}"


def _current_unit(ctx: _Ctx, unit: str, offset: int) -> str:
    d = ctx.dct
    unit = unit.lower()
    if d is None:
        return {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX", "quarter": "XXXX-QX",
                "decade": "XXX", "day": "XXXX-XX-XX", "weekend": "XXXX-WXX-WE"}.get(unit, "XXXX")
    if unit == "week":
        return _week(d + timedelta(weeks=offset))
    if unit == "weekend":
        return _week(d + timedelta(weeks=offset)) + "-WE"
    if unit == "month":
        d2 = _add_months(d, offset)
        return f"{d2.year:04d}-{d2.month:02d}"
    if unit == "year":
        return f"{d.year + offset:04d}"
    if unit == "quarter":
        d2 = _add_months(d, 3 * offset)
        return f"{d2.year:04d}-Q{_quarter(d2)}"
    if unit == "decade":
        return f"{(d.year // 10 + offset):03d}"
    if unit == "day":
        return (d + timedelta(days=offset)).isoformat()
    return f"{d.year:04d}"


def _weekend_value(ctx: _Ctx, direction: int) -> str:
    d = ctx.dct
    if d is None:
        return "XXXX-WXX-WE"
    wd = d.isoweekday()
    if wd >= 6:
        return _week(d) + "-WE"
    if direction > 0:
        return _week(d) + "-WE"
    return _week(d - timedelta(days=wd)) + "-WE"  # previous Sunday's week


def _y2(s: str, ctx: _Ctx) -> int:
    s = s.strip("'")
    if len(s) == 4:
        return int(s)
    v = int(s)
    base = (ctx.dct.year if ctx.dct else 2000)
    cent = base // 100 * 100
    y = cent + v
    if y > base + 20:
        y -= 100
    return y


def _spoken_year(m: re.Match) -> int | None:
    g = m.groupdict()
    if g.get("tt"):
        rest = g["tt"].lower().replace("two thousand", "").replace("and", "").strip()
        return 2000 + (_SMALL.get(rest, 0) if rest else 0)
    c = 1900 if g["c"].lower() == "nineteen" else 2000
    yy = _num_value(g["yy"])
    if yy is None:
        return None
    return c + int(yy)


def _normalize(c: _Cand, ctx: _Ctx) -> Timex | None:
    m, g, text = c.m, c.m.groupdict(), ctx.text
    s = text[c.start: c.end]
    d = ctx.dct
    rule = c.rule

    def T(typ, val, mod=None, anchor=None, interval=None, start=None, end=None):
        st = c.start if start is None else start
        en = c.end if end is None else end
        return Timex(st, en, text[st:en], typ, val, mod, anchor, interval)

    direction = None

    def dirn():
        nonlocal direction
        if direction is None:
            direction = _direction(text, c.start, c.end)
        return direction

    if rule == "clock":
        h = int(g["h"])
        mi = int(g["mi"]) if g.get("mi") else None
        ap = g["ap"].lower().replace(" ", "").replace(".", "")
        if ap == "pm" and h < 12:
            h += 12
        if ap == "am" and h == 12:
            h = 0
        day = _time_day(ctx, g, dirn())
        val = f"{day}T{h:02d}:{mi:02d}" if mi is not None else f"{day}T{h:02d}:00"
        mod = "APPROX" if re.match(r"(?:about|around|approximately)\b", s, re.I) else None
        return T("TIME", val, mod)
    if rule == "clock24":
        day = d.isoformat() if d else "XXXX-XX-XX"
        return T("TIME", f"{day}T{int(g['h']):02d}:{g['mi']}")
    if rule == "noon":
        w = g["w"].lower()
        day = _time_day(ctx, {"twd": g.get("twd") if g.get("twd") and g["twd"].lower() in _WEEKDAYS else None,
                              "trel": g.get("twd") if g.get("twd") and g["twd"].lower() not in _WEEKDAYS else None},
                        dirn())
        if w == "midnight":
            return T("TIME", f"{day}T24:00")
        return T("TIME", f"{day}T12:00")
    if rule == "hour_in_part":
        h = int(_num_value(g["h"]) or 0)
        part = g["part"].lower()
        if part in ("afternoon", "evening") and h < 12:
            h += 12
        day = d.isoformat() if d else "XXXX-XX-XX"
        return T("TIME", f"{day}T{h:02d}:00")
    if rule == "wd_md":
        mon = _MONTHS[(g["mon"] or g["mon2"]).rstrip(".").lower()]
        day = int(re.match(r"\d+", g["day"] or g["day2"]).group())
        if g.get("year"):
            val = f"{int(g['year']):04d}-{mon:02d}-{day:02d}"
        else:
            val = _resolve_md_with_weekday(ctx, mon, day, _WEEKDAYS[g["wd"].lower()], dirn())
        return _remember(ctx, T("DATE", val), c.start)
    if rule == "day_rel":
        # "the day before last Tuesday('s hearing)", "the day after Oct. 23": one day off a named day
        if g.get("wd"):
            base = _weekday_date(ctx, _WEEKDAYS[g["wd"].lower()], dirn(), g.get("rel"))
        else:
            base = _month_day_date(ctx, _MONTHS[g["mon"].rstrip(".").lower()], int(re.match(r"\d+", g["day"]).group()),
                                   dirn())
        if not base[:4].isdigit():
            return T("DATE", "XXXX-XX-XX")
        x = date.fromisoformat(base) + timedelta(days=1 if g["dir"].lower() == "after" else -1)
        return _remember(ctx, T("DATE", x.isoformat()), c.start)
    if rule == "week_of":
        # "the week of March 6": the (ISO) week containing that day
        mon = _MONTHS[(g["mon"] or g["mon2"]).rstrip(".").lower()]
        day = int(re.match(r"\d+", g["day"] or g["day2"]).group())
        if g.get("year"):
            x = date(int(g["year"]), mon, day)
        else:
            v = _month_day_date(ctx, mon, day, dirn())
            if not v[:4].isdigit():
                return T("DATE", "XXXX-WXX")
            x = date.fromisoformat(v)
        return _remember(ctx, T("DATE", _week(x)), c.start)
    if rule == "md_range":
        mon = _MONTHS[(g["mon"] or g["mon2"]).rstrip(".").lower()]
        d1 = int(re.match(r"\d+", g["d1"] or g["d3"]).group())
        d2 = int(re.match(r"\d+", g["d2"] or g["d4"]).group())
        if d2 < d1:
            return None
        if g.get("year"):
            y = int(g["year"])
        else:
            first = _month_day_date(ctx, mon, d1, dirn())
            y = int(first[:4]) if first[:4].isdigit() else None
        if y is None:
            return T("DATE", f"XXXX-{mon:02d}")
        try:
            a, b = date(y, mon, d1), date(y, mon, d2)
        except ValueError:
            return None
        return _remember(ctx, T("DATE", _span_value(a, b), interval=(a, b)), c.start)
    if rule in ("md", "dm"):
        mon = _MONTHS[g["mon"].rstrip(".").lower()]
        day = int(re.match(r"\d+", g["day"]).group())
        if day > calendar.monthrange(2000, mon)[1]:
            return None
        mod = _emod(g.get("emod"))
        if g.get("year"):
            val = f"{_y2(g['year'], ctx):04d}-{mon:02d}-{day:02d}"
        elif g.get("yrel") and ctx.dct is not None:  # "7 October last year"
            y = ctx.dct.year + _YEAR_REL[g["yrel"].lower()]
            val = f"{y:04d}-{mon:02d}-{day:02d}"
        else:
            val = _month_day_date(ctx, mon, day, dirn())
        return _remember(ctx, T("DATE", val, mod), c.start)
    if rule == "numeric_date":
        a, b = int(g["a"]), int(g["b"])
        y = _y2(g["y"], ctx)
        try:
            val = date(y, a, b).isoformat()
        except ValueError:
            return None
        return _remember(ctx, T("DATE", val), c.start)
    if rule == "iso_date":
        return _remember(ctx, T("DATE", f"{g['y']}-{g['m']}-{g['d']}"), c.start)
    if rule == "my":
        mon = _MONTHS[g["mon"].rstrip(".").lower()]
        return _remember(ctx, T("DATE", f"{int(g['year']):04d}-{mon:02d}", _emod(g.get("emod"))), c.start)
    if rule == "month":
        mon = _MONTHS[g["mon"].rstrip(".").lower()]
        rel = (g.get("rel") or "").lower()
        mod = _emod(g.get("emod"))
        if rel in ("each", "every"):
            return T("SET", f"XXXX-{mon:02d}")
        if d is None:
            return T("DATE", f"XXXX-{mon:02d}", mod)
        yrel = (g.get("yrel") or "").lower()
        if yrel:
            y = d.year + _YEAR_REL[yrel]
        elif rel in ("last", "this past", "past"):
            y = d.year if mon < d.month else d.year - 1
        elif rel in ("next", "this coming"):
            y = d.year if mon > d.month else d.year + 1
        elif rel == "this":
            y = d.year
        else:
            y = _month_year(ctx, mon, dirn())
        return _remember(ctx, T("DATE", f"{y:04d}-{mon:02d}", mod), c.start)
    if rule == "year":
        y = int(g["year"])
        em = (g.get("emod") or "").lower()
        if em.startswith("post"):
            return _remember(ctx, T("DATE", f"{y:04d}", "AFTER"), c.start)
        if em.startswith("pre"):
            return _remember(ctx, T("DATE", f"{y:04d}", "BEFORE"), c.start)
        if em.startswith(("the first half", "the second half", "the last half", "the latter half")) or "two quarters" in em:
            return _remember(ctx, T("DATE", f"{y:04d}-H{1 if 'first' in em else 2}"), c.start)
        for sname, code in _SEASONS.items():
            if sname in em:
                return _remember(ctx, T("DATE", f"{y:04d}-{code}"), c.start)
        return _remember(ctx, T("DATE", f"{y:04d}", _emod(em)), c.start)
    if rule == "spoken_year":
        y = _spoken_year(m)
        if y is None:
            return None
        if g.get("smon"):  # "January nineteen ninety-seven"
            return _remember(ctx, T("DATE", f"{y:04d}-{_MONTHS[g['smon'].rstrip('.').lower()]:02d}"), c.start)
        if g.get("ssea"):  # "the winter of nineteen ninety-four"
            return _remember(ctx, T("DATE", f"{y:04d}-{_SEASONS[g['ssea'].lower()]}"), c.start)
        return _remember(ctx, T("DATE", f"{y:04d}"), c.start)
    if rule == "decade":
        mod = _emod(g.get("emod"))
        if g.get("dec"):
            return T("DATE", g["dec"][:3], mod)
        if g.get("dd"):
            base = d.year if d else 2000
            dec = base // 100 * 10 + int(g["dd"][0])
            if dec * 10 > base:
                dec -= 10
            return T("DATE", f"{dec:03d}", mod)
        words = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}
        base = d.year if d else 2000
        dec = base // 100 * 10 + words[g["dw"].lower()]
        if dec * 10 > base:
            dec -= 10
        return T("DATE", f"{dec:03d}", mod)
    if rule == "century":
        cw = g["c"].lower()
        ords = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
                "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
                "twentieth": 20, "twenty-first": 21}
        n = ords.get(cw) or int(re.match(r"\d+", cw).group())
        return T("DATE", f"{n - 1:02d}", _emod(g.get("emod")))
    if rule == "this_century":
        rel = g["rel"].lower()
        if rel == "this" and d:
            return T("DATE", f"{d.year // 100:02d}")
        if rel in ("the last", "the past", "the next"):
            return T("DURATION", "P100Y")
        off = {"last": -1, "next": 1, "the previous": -1}.get(rel, 0)
        return T("DATE", f"{(d.year // 100 + off):02d}" if d else "XX")
    if rule == "quarter":
        ordw = g["ord"].lower()
        unit = g["unit"].lower()
        n = _ORD.get(ordw, 4)
        ytxt = g.get("y1") or g.get("y2") or g.get("y3")
        y = None
        if ytxt:
            yl = ytxt.lower()
            if yl.isdigit():
                y = int(yl)
            elif d:
                y = d.year + {"this year": 0, "last year": -1, "next year": 1, "the year": 0}[yl]
        det = (g.get("det") or "").lower()
        if y is None and det in ("last year's", "next year's", "this year's") and d:
            y = d.year + {"last year's": -1, "next year's": 1, "this year's": 0}[det]
        if unit == "half":
            if y is None:
                if d is None:
                    return T("DATE", f"XXXX-H{min(n, 2)}")
                y = d.year
                if n == 2 and d.month <= 6 and dirn() < 0:
                    y -= 1
            return _remember(ctx, T("DATE", f"{y:04d}-H{min(n, 2)}"), c.start)
        if y is None:
            val = _quarter_value(ctx, n, dirn())
        else:
            val = f"{y:04d}-Q{n}"
        if s.lower().endswith("quarters") and not det:
            return T("SET", f"XXXX-Q{n}")
        st = None
        hyphen_adj = text[m.end("ord"): m.end("ord") + 1] == "-" and not (g.get("y2") or g.get("y3"))
        if (det in ("a", "an") and not g.get("adj")) or (det == "the" and hyphen_adj):
            # TE3 gold: "a third quarter" / "the third-quarter (results)" -> the determiner is not part of it
            st = m.start("det") + len(det)
            while text[st].isspace():
                st += 1
        t = T("DATE", val, start=st)
        ctx.last_quarter, ctx.last_quarter_pos = val, c.start
        if det not in ("last year's", "next year's") and not g.get("adj"):
            _set_topic_quarter(ctx, val, c.end)
        return _remember(ctx, t, c.start)
    if rule == "quarter_q":
        n = int(g["q"][1])
        val = f"{int(g['y']):04d}-Q{n}" if g.get("y") else _quarter_value(ctx, n, dirn())
        ctx.last_quarter, ctx.last_quarter_pos = val, c.start
        _set_topic_quarter(ctx, val, c.end)
        return _remember(ctx, T("DATE", val), c.start)
    if rule == "holiday":
        return _holiday_timex(ctx, c, g, T, dirn)
    if rule == "weekday":
        wd = _WEEKDAYS[g["wd"].lower()]
        rel = (g.get("rel") or "").lower()
        part = (g.get("part") or "").lower()
        if rel in ("each", "every") or g.get("pl") or part.endswith("s") and part:
            p = _PARTS.get(part.rstrip("s"), "")
            return T("SET", f"XXXX-WXX-{wd}" + (f"T{p}" if p else ""))
        if rel in ("the previous", "the following") and ctx.last_date and re.fullmatch(r"\d{4}-\d\d-\d\d", ctx.last_date):
            # "down 4.5% from the previous Friday": relative to the day under discussion, not to the DCT
            base = date.fromisoformat(ctx.last_date)
            if rel == "the previous":
                val = (base - timedelta(days=(base.isoweekday() - wd) % 7 or 7)).isoformat()
            else:
                val = (base + timedelta(days=(wd - base.isoweekday()) % 7 or 7)).isoformat()
        elif not rel and _possessive_past(text, c.start, c.end):
            val = _weekday_date(ctx, wd, -1, rel)
        else:
            val = _weekday_date(ctx, wd, dirn(), rel)
        mod = _emod(g.get("emod"))
        # "Wednesday night", "Friday morning": TE3 gold most often gives the plain date (type DATE);
        # "Friday evening" is consistently a TIME with the part of day
        _remember(ctx, T("DATE", val, mod), c.start)
        if part == "evening" and val[:4].isdigit():
            return T("TIME", f"{val}TEV", mod)
        return T("DATE", val, mod)
    if rule == "part_weekday":
        wd = _WEEKDAYS[g["wd"].lower()]
        val = _weekday_date(ctx, wd, dirn(), None)
        return T("DATE", val, _emod(g.get("emod")))
    if rule == "deictic":
        w = g["w"].lower()
        off = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1, "the day before yesterday": -2,
               "the day after tomorrow": 2}[w]
        val = (d + timedelta(days=off)).isoformat() if d else "XXXX-XX-XX"
        em = (g.get("emod") or "").lower()
        part = (g.get("part") or "").lower()
        mod = _emod(em)
        if em.startswith("mid") and len(em) > 3:
            part = "afternoon" if "afternoon" in em else "morning"
            mod = "MID"
        if w == "tonight":
            return T("TIME", f"{val}TNI", mod)
        if part:
            return T("TIME", f"{val}T{_PARTS[part]}", mod)
        return T("DATE", val, mod)
    if rule == "part_deictic":
        w = g["w"].lower()
        part = g["part"].lower()
        off = {"this": 0, "tomorrow": 1, "yesterday": -1, "last": -1}[w]
        if w == "last" and part != "night":
            return None
        if w == "this" and part == "night":
            off = 0
        val = (d + timedelta(days=off)).isoformat() if d else "XXXX-XX-XX"
        return T("TIME", f"{val}T{_PARTS[part]}")
    if rule == "part_anaphoric":
        # "the next morning", "the following day": the day after the one under discussion (TE3 gold gives the
        # plain date, as for "Friday morning")
        base = _value_start(ctx.last_date) if ctx.last_date and re.fullmatch(r"\d{4}-\d\d-\d\d", ctx.last_date) else d
        if base is None:
            return T("DATE", "XXXX-XX-XX")
        off = -1 if g["w"].lower() == "previous" else 1
        return T("DATE", (base + timedelta(days=off)).isoformat())
    if rule == "overnight":
        pre = text[max(0, c.start - 6): c.start].lower()
        if re.search(r"\w-?$", pre) or not d:
            return None
        return T("TIME", f"{(d - timedelta(days=1)).isoformat()}TNI")
    if rule == "present":
        if re.search(r"\bthen[- ]$", text[max(0, c.start - 6): c.start], re.I):
            # "the then current chairman": the present of a past reference time
            return T("DATE", "PAST_REF")
        return T("DATE", "PRESENT_REF")
    if rule == "past_ref":
        return T("DATE", "PAST_REF")
    if rule == "future_ref":
        return T("DATE", "FUTURE_REF")
    if rule == "relunit":
        return _relunit(ctx, c, g, T, dirn)
    if rule == "relunit_adj":
        unit = g["unit"].lower()
        em = g["emod"].lower()
        mod = {"early": "START", "start": "START", "late": "END", "end": "END", "mid": "MID"}[em]
        return T("DATE", _current_unit(ctx, unit, 0), mod)
    if rule == "year_end":
        unit = g["unit"].lower()
        w = g["w"].lower()
        if not d:
            return T("DATE", "XXXX", "END" if w == "end" else "START")
        pre = (g.get("pre") or "").lower()
        val = _current_unit(ctx, unit, 0)
        if unit == "year" and w == "end" and dirn() < 0 and d.month < 4:
            val = f"{d.year - 1:04d}"
        if pre:
            return T("DATE", val, "END" if w == "end" else "START", start=m.start("unit"))
        return T("DATE", val, "END" if w == "end" else "START")
    if rule == "yearago_adj":
        unit = (g.get("unit") or "").lower()
        if unit in ("nine months", "six months", "three months"):
            return T("DURATION", {"nine months": "P9M", "six months": "P6M", "three months": "P3M"}[unit])
        if unit in ("level", "figure", "result", "results", "quarter's"):
            # "the year-earlier level": tag only the adjective
            st = m.start("w")
            en = m.end("w")
            return _yearago_value(ctx, T, g, st, en, None, c.start)
        # "a year-earlier (loss)": the determiner belongs to the noun phrase, not to the timex
        adj_only = not unit and "-" in g["w"]
        return _yearago_value(ctx, T, g, m.start("w") if adj_only else None, None, unit, c.start)
    if rule == "prev_year_period":
        # "the quarter a year ago", "last year's quarter": the reported quarter, one year back
        q = _reported_quarter(ctx)
        if not q[:4].isdigit():
            return T("DATE", "XXXX-QX")
        return T("DATE", f"{int(q[:4]) - 1:04d}{q[4:]}")
    if rule == "the_year_num":
        y = int(g["y"])
        unit = g["unit"].lower()
        if unit in ("nine months", "six months"):
            return T("DURATION", "P9M" if unit.startswith("nine") else "P6M")
        if unit == "period" and _period_context(ctx, c.start) == "Y":
            return T("DATE", f"{y:04d}")
        if unit in ("period", "quarter") and (ctx.topic_quarter or ctx.last_quarter):
            val = f"{y:04d}-Q{(ctx.topic_quarter or ctx.last_quarter)[-1]}"
            return T("DATE", val)
        if unit == "first half":
            return T("DATE", f"{y:04d}-H1")
        if unit == "second half":
            return T("DATE", f"{y:04d}-H2")
        return _remember(ctx, T("DATE", f"{y:04d}"), c.start)
    if rule == "latest_period":
        adj = g["adj"].lower()
        unit = g["unit"].lower()
        if unit == "year":
            if adj in ("current",):
                return T("DATE", f"{d.year:04d}" if d else "XXXX")
            if adj in ("latest", "most recent", "just-ended", "just-completed", "fiscal"):
                if adj == "fiscal":
                    return T("DATE", f"{d.year:04d}" if d else "XXXX")
                return T("DATE", f"{d.year - 1:04d}" if d else "XXXX")
            if adj in ("year-ago", "year-earlier"):
                return T("DATE", f"{d.year - 1:04d}" if d else "XXXX")
            return None
        if adj == "current" and unit == "quarter":
            return T("DATE", _current_unit(ctx, "quarter", 0))
        q = _reported_quarter(ctx)
        if adj in ("year-ago", "year-earlier", "comparable", "corresponding"):
            if q and q[:4].isdigit():
                return T("DATE", f"{int(q[:4]) - 1:04d}{q[4:]}")
            return None
        return T("DATE", q)
    if rule == "season":
        sname = g["s"].lower()
        rel = (g.get("rel") or "").lower()
        if rel in ("each", "every"):
            return T("SET", f"XXXX-{_SEASONS[sname]}")
        y = int(g["year"]) if g.get("year") else None
        val = _season_value(ctx, sname, rel, dirn(), y)
        if rel == "the" and not y:
            # "in the summer": span without "the"? TimeML includes the determiner
            pass
        return T("DATE", val, _emod(g.get("emod")))
    if rule == "set_adv":
        w = g["w"].lower()
        val = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
               "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M", "biweekly": "P2W", "bimonthly": "P2M",
               "semiannually": "P6M", "year-round": "P1Y", "around the clock": "P1D", "round the clock": "P1D"}[w]
        return T("SET", val)
    if rule == "set_every":
        unit = g["unit"]
        ul = unit.lower().rstrip(".")
        nword = (g.get("n") or "").lower()
        n = {"other": 2, "second": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}.get(nword, 1)
        if nword in ("few", "several"):
            n = None
        if ul in _WEEKDAYS:
            return T("SET", f"XXXX-WXX-{_WEEKDAYS[ul]}")
        if ul in _MONTHS:
            return T("SET", f"XXXX-{_MONTHS[ul]:02d}")
        if ul in ("morning", "afternoon", "evening"):
            return T("SET", f"XXXX-XX-XXT{_PARTS[ul]}")
        if ul == "weekend":
            return T("SET", "XXXX-WXX-WE")
        return T("SET", _duration(n, ul))
    if rule == "duration":
        return _duration_timex(ctx, c, g, T, dirn)
    if rule == "duration_word":
        w = g["w"].lower()
        table = {"weeklong": "P1W", "week-long": "P1W", "monthlong": "P1M", "month-long": "P1M", "yearlong": "P1Y",
                 "year-long": "P1Y", "daylong": "P1D", "day-long": "P1D", "decades-long": "PXY", "decade-long": "P10Y",
                 "years-long": "PXY", "months-long": "PXM", "weeks-long": "PXW", "days-long": "PXD",
                 "hours-long": "PTXH", "centuries-long": "PXY", "multiyear": "PXY", "multi-year": "PXY",
                 "half-hour": "PT30M", "half an hour": "PT30M", "a half-hour": "PT30M", "half a day": "PT12H",
                 "half a year": "P6M", "a year and a half": "P18M", "an hour and a half": "PT90M",
                 "a day and a half": "PT36H", "a week and a half": "P1.5W", "a month and a half": "P1.5M",
                 "a minute and a half": "PT1M30S"}
        if w == "overnight":
            return None
        return T("DURATION", table[w])
    if rule == "bare_units":
        unit = g["unit"].lower()
        pre = (g.get("pre") or "").lower()
        st = m.start("unit")
        if pre in ("recent", "coming", "the coming", "the next", "the past", "the last", "the first", "the final",
                   "the early", "the initial", "for the past", "for the last", "in the past", "in the last",
                   "over the past", "over the last"):
            pre_words = pre.split()
            if pre_words[0] in ("for", "in", "over"):
                pre_words = pre_words[1:]
            if pre_words[0] == "the" and pre_words[1:] == ["coming"]:
                pre_words = pre_words[1:]
            st = m.end("unit") - len(unit) - len(" ".join(pre_words)) - 1
        en = None
        if pre == "the":
            ahead = re.match(r"\s+(?:ahead|to come)\b", text[m.end("unit"):])
            if ahead:
                st, en = m.start("pre"), m.end("unit") + ahead.end()
        if pre == "recent" and unit == "years":
            return T("DATE", "PAST_REF", start=st)
        return T("DURATION", _duration(None, unit), start=st, end=en)
    if rule == "the_year":
        st = m.start("det")
        if g.get("post") and "to date" not in g["post"]:
            return T("DURATION", "P1Y", start=st, end=m.end("det") + len(text[m.end("det"):m.start("post")]))
        y = d.year if d else None
        return T("DATE", f"{y:04d}" if y else "XXXX", start=st, end=m.start("post") if g.get("post") else None)
    return None


def _remember(ctx: _Ctx, t: Timex, pos: int) -> Timex:
    if t.type in ("DATE", "TIME") and t.value[:4].isdigit():
        ctx.last_date = t.value.split("T")[0]
        ctx.last_date_pos = pos
        if _granularity(t.value) == "Q":
            ctx.last_quarter, ctx.last_quarter_pos = t.value, pos
    return t


def _set_topic_quarter(ctx: _Ctx, val: str, end: int) -> None:
    """Remember a quarter named in the text as the reporting period under discussion (earnings news): a
    completed quarter, or a (fiscal) quarter explicitly reported as "ended ..."."""
    d = ctx.dct
    if d is None or not val[:4].isdigit():
        return
    r = _range_of_value(val)
    if r is None or int(val[:4]) < d.year - 1:
        return
    if r[1] < d or (r[0] <= d and re.match(r"\s*(?:ended|ending|that ended|which ended)\b", ctx.text[end: end + 20])):
        ctx.topic_quarter = val
    elif r[0] <= d <= r[1] and ctx.topic_quarter is None and (d - r[0]).days <= 45 and re.search(
            r"\b(?:reported|posted|earned|lost|had)\b[^.;]*$", ctx.text[max(0, end - 120): end]):
        # a (fiscal) quarter that is already reported although the calendar quarter of that name is still
        # running: "Ralston Purina reported a 47% decline in fourth-quarter earnings" (DCT 2 November)
        ctx.topic_quarter = val


def _reported_quarter(ctx: _Ctx) -> str:
    """The quarter "the quarter" / "the latest period" refers to: the one the article named, else the latest."""
    return ctx.topic_quarter or _latest_quarter(ctx, 0)


def _latest_quarter(ctx: _Ctx, pos: int) -> str:
    """The most recently completed (reported) quarter before the DCT."""
    d = ctx.dct
    if d is None:
        return "XXXX-QX"
    d2 = _add_months(d, -3)
    return f"{d2.year:04d}-Q{_quarter(d2)}"


def _period_context(ctx: _Ctx, pos: int) -> str | None:
    """Kind of the reporting period ("Q", "Y", "H") named just before ``pos`` in the same paragraph: a
    comparison such as "a year earlier" refers to it ("For the nine months, ... a year earlier" -> the
    previous year, not the previous quarter)."""
    pm = ctx.period_mark
    if pm is None or pos - pm[0] > 300 or "\n\n" in ctx.text[pm[0]: pos]:
        return None
    return pm[1]


def _note_period(ctx: _Ctx, t: Timex) -> None:
    v = t.value
    if t.type == "DURATION":
        if v in ("P9M", "P6M", "P1Y", "P12M"):
            ctx.period_mark = (t.start, "Y")
        elif v in ("P3M", "P1Q"):
            ctx.period_mark = (t.start, "Q")
    elif t.type == "DATE" and v[:4].isdigit():
        g = _granularity(v)
        if g in ("Q", "Y", "H") and not re.fullmatch(r"\d{4}-(?:SP|SU|FA|WI)", v):
            ctx.period_mark = (t.start, g)


def _yearago_value(ctx, T, g, st, en, unit, pos=0):
    d = ctx.dct
    if d is None:
        return T("DATE", "XXXX", start=st, end=en)
    ordw = (g.get("ord") or "").lower()
    if ordw:
        return T("DATE", f"{d.year - 1:04d}-Q{_ORD[ordw]}", start=st, end=en)
    if unit in ("first half",):
        return T("DATE", f"{d.year - 1:04d}-H1", start=st, end=en)
    if unit in ("second half",):
        return T("DATE", f"{d.year - 1:04d}-H2", start=st, end=en)
    q = ctx.last_quarter
    if not unit and _period_context(ctx, pos) == "Y":
        return T("DATE", f"{d.year - 1:04d}", start=st, end=en)
    if unit in ("quarter", "period") or q:
        q = _reported_quarter(ctx)
        if q[:4].isdigit():
            return T("DATE", f"{int(q[:4]) - 1:04d}{q[4:]}", start=st, end=en)
    return T("DATE", f"{d.year - 1:04d}", start=st, end=en)


def _resolve_md_with_weekday(ctx, mon, day, wd, direction):
    d = ctx.dct
    if d is None:
        return f"XXXX-{mon:02d}-{day:02d}"
    for y in (d.year, d.year + 1, d.year - 1):
        try:
            if date(y, mon, day).isoweekday() == wd:
                return f"{y:04d}-{mon:02d}-{day:02d}"
        except ValueError:
            pass
    return _month_day_date(ctx, mon, day, direction)


def _time_day(ctx: _Ctx, g: dict, direction: int) -> str:
    d = ctx.dct
    if g.get("twd") and g["twd"].lower() in _WEEKDAYS:
        if g.get("tmon") and g.get("tday"):
            return _month_day_date(ctx, _MONTHS[g["tmon"].rstrip(".").lower()], int(re.match(r"\d+", g["tday"]).group()), direction)
        return _weekday_date(ctx, _WEEKDAYS[g["twd"].lower()], direction, None)
    if g.get("tmon2") and g.get("tday2"):
        return _month_day_date(ctx, _MONTHS[g["tmon2"].rstrip(".").lower()], int(re.match(r"\d+", g["tday2"]).group()), direction)
    if d is None:
        return "XXXX-XX-XX"
    trel = (g.get("trel") or "").lower()
    off = {"tomorrow": 1, "yesterday": -1}.get(trel, 0)
    if not trel and ctx.last_date and re.fullmatch(r"\d{4}-\d\d-\d\d", ctx.last_date):
        return ctx.last_date
    return (d + timedelta(days=off)).isoformat()


def _holiday_timex(ctx, c, g, T, dirn):
    name = g["h"]
    d = ctx.dct
    rel = (g.get("rel") or "").lower()
    if g.get("year"):
        y = int(g["year"])
        r = _holiday(name, y)
    elif d is None:
        return T("DATE", "XXXX")
    else:
        direction = dirn()
        if rel in ("last", "this past", "last year's"):
            direction = -1
        elif rel in ("next", "next year's"):
            direction = 1
        cands = [r for r in (_holiday(name, yy) for yy in (d.year - 1, d.year, d.year + 1)) if r]
        if not cands:
            return None
        cur = [r for r in cands if r[0] <= d <= r[1]]
        if cur and rel not in ("last", "next", "last year's", "next year's"):
            r = cur[0]
        elif rel == "this year's" or rel == "this":
            r = min(cands, key=lambda r: abs(r[0].year - d.year) * 1000 + abs((r[0] - d).days))
        elif direction > 0:
            fut = [r for r in cands if r[0] > d]
            r = fut[0] if fut else cands[-1]
        elif direction < 0:
            past = [r for r in cands if r[1] < d]
            r = past[-1] if past else cands[0]
        else:
            r = min(cands, key=lambda r: min(abs((r[0] - d).days), abs((r[1] - d).days)))
    if r is None:
        return None
    a, b = r
    if g.get("hw"):
        # "Easter week", "Christmas week": the calendar week of the holiday (the one under way, if any)
        if d is not None and not g.get("year"):
            for yy in (d.year - 1, d.year, d.year + 1):
                rr = _holiday(name, yy)
                if rr and _week(rr[0]) == _week(d):
                    a = rr[0]
        return _remember(ctx, T("DATE", _week(a)), c.start)
    t = T("DATE", _span_value(a, b), interval=(a, b) if a != b else None)
    return _remember(ctx, t, c.start)


def _relunit(ctx, c, g, T, dirn):
    d = ctx.dct
    rel = g["rel"].lower()
    unit = g["unit"].lower()
    emod = (g.get("emod") or "").lower()
    mod = _emod(emod)
    fisc = bool(g.get("fisc"))
    if emod.startswith(("the rest of", "the remainder of")):
        mod = "END"
    if unit == "season":
        return None
    if unit in ("spring", "summer", "fall", "autumn", "winter"):
        r = {"this past": "last", "the past": "last", "the last": "last", "the previous": "last",
             "the next": "next", "the coming": "next", "this coming": "next", "the following": "next"}.get(rel, rel)
        return T("DATE", _season_value(ctx, unit, r if r in ("last", "next", "this") else None, dirn(), None), mod)
    if unit == "weekend":
        if rel in ("this", "the", "that", "the same", "the current"):
            return T("DATE", _weekend_value(ctx, dirn()) if rel != "this" or dirn() >= 0 else _weekend_value(ctx, -1), mod)
        if rel in ("last", "the previous") and ctx.dct is not None and ctx.dct.isoweekday() >= 6:
            return T("DATE", _week(ctx.dct - timedelta(days=7)) + "-WE", mod)  # said on a weekend: the one before
        if rel in ("last", "this past", "the past", "the last", "the previous"):
            return T("DATE", _weekend_value(ctx, -1), mod)
        if rel in ("next", "this coming", "the coming", "the next", "the following"):
            return T("DATE", _weekend_value(ctx, 1), mod)
        return None
    if unit == "period":
        return None
    if unit == "day":
        if rel in ("the following", "the next"):
            base = _value_start(ctx.last_date) if ctx.last_date else d
            return T("DATE", (base + timedelta(days=1)).isoformat() if base else "XXXX-XX-XX", mod)
        if rel in ("the previous",):
            base = _value_start(ctx.last_date) if ctx.last_date else d
            return T("DATE", (base - timedelta(days=1)).isoformat() if base else "XXXX-XX-XX", mod)
        if rel in ("the same", "that"):
            return T("DATE", ctx.last_date or (d.isoformat() if d else "XXXX-XX-XX"), mod)
        off = {"this": 0, "last": -1, "next": 1}.get(rel)
        if off is None:
            return None
        return T("DATE", _current_unit(ctx, "day", off), mod)
    # durations: "the past/last/next/coming week" -> duration of one unit
    if rel in ("the past", "the last") and unit == "year" and not emod and not fisc and d:
        # TE3 gold: "the past year" is the previous calendar year (DATE), not P1Y
        return T("DATE", _current_unit(ctx, unit, -1))
    if rel in ("the past", "the last", "the next", "the coming") and not emod:
        if unit == "decade":
            return T("DURATION", "P10Y")
        letter = {"week": "W", "month": "M", "year": "Y", "quarter": "Q"}[unit]
        return T("DURATION", f"P1{letter}")
    if rel in ("that", "the same", "the") and unit == "quarter" and not emod:
        return T("DATE", _reported_quarter(ctx), mod)
    if rel in ("that", "the same", "the"):
        if ctx.last_date and ctx.last_date[:4].isdigit():
            base = ctx.last_date
            st = _value_start(base)
            if unit == "year":
                return T("DATE", base[:4], mod)
            if unit == "month" and st:
                return T("DATE", f"{st.year:04d}-{st.month:02d}", mod)
            if unit == "week" and st:
                return T("DATE", _week(st), mod)
            if unit == "quarter" and st:
                return T("DATE", f"{st.year:04d}-Q{_quarter(st)}", mod)
        if d and rel == "the" and emod:
            return T("DATE", _current_unit(ctx, unit, 0), mod)
        return None
    if rel in ("the following", "the previous"):
        if ctx.last_date and ctx.last_date[:4].isdigit():
            v = _shift(ctx.last_date, 1, unit, 1 if rel == "the following" else -1,
                       {"year": "Y", "month": "M", "week": "W", "quarter": "Q"}.get(unit))
            if v:
                return T("DATE", v, mod)
        return None
    off = {"this": 0, "the current": 0, "last": -1, "this past": -1, "next": 1, "this coming": 1}.get(rel)
    if off is None:
        return None
    if unit == "decade" and rel == "last":
        return T("DATE", _current_unit(ctx, "decade", -1), mod)
    if fisc and unit == "year":
        return T("DATE", _current_unit(ctx, "year", off), mod)
    if rel == "this" and emod.startswith("earlier") and d and (
            (unit == "month" and d.day == 1) or (unit == "week" and d.weekday() == 0) or (unit == "year" and (d.month, d.day) == (1, 1))):
        off = -1  # "earlier this month" written on the 1st: nothing of this month lies before it
    return T("DATE", _current_unit(ctx, unit, off), mod)


def _duration_timex(ctx, c, g, T, dirn):
    text = ctx.text
    numtxt = g["num"]
    unit = g["unit"]
    uk = _unit_key(unit)
    if uk not in _UNITS:
        return None
    half = "and a half" in c.m.group(0).lower() or "a-half" in numtxt.lower() or "½" in numtxt
    nt = re.sub(r"-?(?:and-)?a-half|½|-plus", "", numtxt)
    n = _num_value(nt)
    if n is not None and half:
        n += 0.5
    dmod_txt = (g.get("dmod") or "").lower()
    mod = _DMOD.get(dmod_txt)
    start = c.start
    if dmod_txt in ("only", "just", "another", "an additional", "an extra", "a further"):
        mod = None
        if dmod_txt in ("only", "just"):
            start = c.m.start("num") if not g.get("det") else c.m.start("det")
    rel = (g.get("rel") or "").lower()
    # TE3 gold leaves the prepositions "within" / "over" out of the span ("within [a week]",
    # "over [the past 20 years]"); "over" before a determiner is a preposition, not "more than"
    preposition = dmod_txt in ("over", "under") and bool(g.get("det") or g.get("rel"))
    if preposition or (dmod_txt in ("within", "over") and numtxt.lower() not in ("a", "an")) or dmod_txt == "within":
        start = c.m.start("det") if g.get("det") else (c.m.start("rel") if g.get("rel") else c.m.start("num"))
        if preposition:
            mod = None
    # adjectival durations: "the eight-year (contract)", "its 52-week (high)" -> "eight-year", "52-week"
    if g.get("det") and not g.get("rel") and g.get("sep") == "-" and dmod_txt in ("", "within", "over", "under"):
        start = c.m.start("num")
    ago = (g.get("ago") or "").lower()
    det = (g.get("det") or "").lower()
    end = c.end
    if ago in ("before", "after", "since", "on", "beforehand", "afterwards", "afterward"):
        # "two days after the attack": duration only (the preposition is a signal)
        if ago in ("beforehand", "afterwards", "afterward"):
            ago = "earlier" if ago == "beforehand" else "later"
        else:
            end = c.m.start("ago")
            while end > start and text[end - 1] == " ":
                end -= 1
            ago = ""
    if ago in ("later", "earlier", "afterwards", "afterward") and _UNITS[uk][1] in ("S", "M", "H", "D", "W") \
            and uk not in ("month", "weekend"):
        # "three days later", "a few hours earlier": TE3 gold annotates the duration (the adverb is a signal)
        end = c.m.start("ago")
        while end > start and text[end - 1] == " ":
            end -= 1
        return T("DURATION", _duration(n, uk), mod, start=start, end=end)
    if uk == "weekend":
        if n == 1 and not ago:
            return T("DURATION", "P2D", mod, start=start, end=end)
    if ago:
        return _ago_timex(ctx, c, n, uk, ago, mod, start, end, T, g)
    if rel in ("year-earlier", "year-ago"):
        return T("DURATION", _duration(n, uk), start=start, end=end)
    if uk == "quarter" and n is not None and n != int(n):
        return None
    if uk == "quarter" and n is not None and rel in ("next",):
        return T("DURATION", f"P{_fmt_num(n * 3)}M", mod, start=start, end=end)
    val = _duration(n, uk)
    suf = (g.get("suf") or "").lower()
    # "one day" at the start of a clause meaning "someday"
    if numtxt.lower() == "one" and uk == "day" and not det and not rel and not dmod_txt:
        post = text[end: end + 15]
        pre = text[max(0, start - 3): start]
        if re.search(r"(?:^|[.!?]\s*|\n)$", text[max(0, start - 3): start]) or re.match(r",?\s+(?:we|they|he|she|i|you|it)\b", post, re.I) \
                or re.search(r"\b(?:will|would|could|might|may|can|shall|'ll)\s+$", text[max(0, start - 8): start], re.I):
            # "Islam will one day be ...": the indefinite future, not a one-day duration
            return T("DATE", "FUTURE_REF", start=start, end=end)
    # rate "a year" after an amount -> SET
    if numtxt.lower() in ("a", "an") and not det and not rel and not dmod_txt and not suf:
        pre = text[max(0, start - 25): start].lower()
        if re.search(r"(?:\d|percent|%|times|once|twice|dollars|cents|million|billion|trillion|\$\S*"
                     r"|\b(?:\d+|\w+-?\w*)\s+(?:hours|minutes|days|nights|shifts|meals|trips|flights))\s*$", pre):
            return T("SET", val, start=start, end=end)
    del suf
    return T("DURATION", val, mod, start=start, end=end)


def _ago_timex(ctx, c, n, uk, ago, mod, start, end, T, g):
    d = ctx.dct
    sign = 1 if ago in ("later", "hence", "from now") else -1
    if ago in ("ago", "back", "hence", "from now"):
        anchor = d.isoformat() if d else None
        anchor_is_dct = True
    else:  # earlier / later / prior / previously: anchored on the last reference date, else the DCT
        anchor = ctx.last_date or (d.isoformat() if d else None)
        anchor_is_dct = ctx.last_date is None
    if anchor is None:
        return T("DATE", "XXXX", mod, start=start, end=end)
    if n is None:
        if sign < 0:
            return T("DATE", "PAST_REF", mod, start=start, end=end)
        return T("DATE", "FUTURE_REF", mod, start=start, end=end)
    gran = {"S": "D", "M": "M", "H": "D", "D": "D", "W": "W", "Q": "Q", "Y": "Y"}[_UNITS[uk][1]]
    timep = _UNITS[uk][0]
    if timep:
        gran = "D"
    if uk in ("month",):
        gran = "M"
    if _UNITS[uk][1] == "Y":
        # "a year earlier" in quarterly reports: keep the quarter granularity of the context
        q = _reported_quarter(ctx) if ctx.last_quarter else None
        if n == 1 and _period_context(ctx, c.start) == "Y":
            q = None
        if q and (ago != "ago" or (d and q.startswith(f"{d.year:04d}"))) and n == 1:
            gran = "Q"
            anchor = q
        elif not anchor_is_dct:
            gran = _granularity(anchor) if _granularity(anchor) in ("Y", "M", "D", "Q") else "Y"
        else:
            gran = "Y"
    if anchor_is_dct and gran == "D" and _UNITS[uk][1] in ("W",):
        gran = "W"
    val = _shift(anchor, n, uk, sign, gran)
    if val is None:
        return T("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod, start=start, end=end)
    if _UNITS[uk][0] and uk == "hour" and d:
        return T("DATE", val, mod, anchor=anchor, start=start, end=end)
    return T("DATE", val, mod, anchor=None if anchor_is_dct else anchor, start=start, end=end)


# --------------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------------

_LOWER_RE = re.compile(r"[a-z]")
_UPPER_RE = re.compile(r"[A-Z]")
_SECOND_DAY_RE = re.compile(rf"\s+(?:and|or|&)\s+([12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w.,]\d|\s*(?:%|percent|{_MONTH_RE}|{_UNIT_RE}|[-–]))")
_SINCE_RE = re.compile(r"(?:since|from)\s+(?:the\s+)?$", re.I)


def tag(text: str, dct: str | date | None) -> list[Timex]:
    """Find and normalise the time expressions in ``text`` relative to the document date ``dct``.

    ``dct`` is an ISO date (``YYYY-MM-DD``, a longer ISO timestamp is cut to its date), a ``date`` or None.
    Without a DCT, relative expressions get underspecified values (``XXXX-XX-XX``, ``XXXX-WXX-3``...).
    """
    if not text:
        return []
    d = _parse_dct(dct)
    sample = text[:5000]
    n_lower = len(_LOWER_RE.findall(sample))
    lowercase_doc = n_lower > 0 and len(_UPPER_RE.findall(sample)) < 0.01 * n_lower
    ctx = _Ctx(text, d)
    out: list[Timex] = []
    for c in _select(_candidates(text, lowercase_doc)):
        try:
            t = _normalize(c, ctx)
        except (ValueError, OverflowError, KeyError):
            t = None
        if t is None or t.end <= t.start:
            continue
        _note_period(ctx, t)
        if t.type == "DATE" and t.text[-1:].isdigit() and re.fullmatch(r"\d{4}-\d\d-\d\d", t.value):
            # "April 24 and 25": the second day is a date of its own
            m2 = _SECOND_DAY_RE.match(text, t.end)
            if m2 and int(t.value[8:]) < int(m2.group(1)) <= calendar.monthrange(int(t.value[:4]), int(t.value[5:7]))[1] \
                    and not any(o.start < m2.end(1) and m2.start(1) < o.end for o in out):
                out.append(t)
                t = Timex(m2.start(1), m2.end(1), m2.group(1), "DATE", f"{t.value[:8]}{int(m2.group(1)):02d}")
        if _SINCE_RE.search(text[max(0, t.start - 10): t.start]) and t.type in ("DATE", "TIME") and t.value[:1].isdigit():
            t.anchor = t.anchor or t.value
        out.append(t)
    return _drop_always_idiom(text, out)


# "24 hours a day", "seven days a week", "365 days a year": an idiom for "all the time" (the duration fills the
# unit it is counted per), neither a duration nor a set
_ALWAYS = {("PT24H", "day"), ("P7D", "week"), ("P365D", "year"), ("P52W", "year"), ("P12M", "year")}
_ALWAYS_RE = re.compile(r",?\s+(an?\s+(day|week|year))\b", re.I)


def _drop_always_idiom(text: str, out: list[Timex]) -> list[Timex]:
    drop: set[int] = set()
    for i, t in enumerate(out[:-1]):
        m = _ALWAYS_RE.match(text, t.end)
        if t.type == "DURATION" and m and (t.value, m.group(2).lower()) in _ALWAYS \
                and (out[i + 1].start, out[i + 1].end) == m.span(1):
            drop.update((i, i + 1))
    return [t for i, t in enumerate(out) if i not in drop]


_SEASON_RANGE = {"SP": ((3, 1), (5, 31)), "SU": ((6, 1), (8, 31)), "FA": ((9, 1), (11, 30)), "WI": ((12, 1), (2, 28))}


def _range_of_value(v: str) -> tuple[date, date] | None:
    try:
        m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", v)
        if m:
            x = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return x, x
        m = re.fullmatch(r"(\d{4})-W(\d\d?)(-WE)?", v)
        if m:
            mon = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            if m.group(3):
                return mon + timedelta(days=5), mon + timedelta(days=6)
            return mon, mon + timedelta(days=6)
        m = re.fullmatch(r"(\d{4})-W(\d\d?)-(\d)", v)
        if m:
            x = date.fromisocalendar(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return x, x
        m = re.fullmatch(r"(\d{4})-(\d\d)", v)
        if m:
            y, mo = int(m.group(1)), int(m.group(2))
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        m = re.fullmatch(r"(\d{4})-Q([1-4])", v)
        if m:
            y, q = int(m.group(1)), int(m.group(2))
            a = date(y, 3 * q - 2, 1)
            return a, date(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
        m = re.fullmatch(r"(\d{4})-H([12])", v)
        if m:
            y, h = int(m.group(1)), int(m.group(2))
            return (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))
        m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v)
        if m:
            y = int(m.group(1))
            (m1, d1), (m2, d2) = _SEASON_RANGE[m.group(2)]
            if m.group(2) == "WI":
                return date(y, 12, 1), date(y + 1, 2, calendar.monthrange(y + 1, 2)[1])
            return date(y, m1, d1), date(y, m2, d2)
        m = re.fullmatch(r"(\d{4})", v)
        if m:
            y = int(v)
            return date(y, 1, 1), date(y, 12, 31)
        m = re.fullmatch(r"(\d{3})", v)
        if m:
            y = int(v) * 10
            return date(max(y, 1), 1, 1), date(y + 9, 12, 31)
        m = re.fullmatch(r"(\d{2})", v)
        if m:
            y = int(v) * 100
            return date(max(y, 1), 1, 1), date(y + 99, 12, 31)
    except ValueError:
        return None
    return None


def resolve_range(t: Timex) -> tuple[date, date] | None:
    """First and last calendar day covered by a DATE/TIME timex, or None (durations, sets, *_REF, X values).

    ``2024-W02`` -> Monday..Sunday, ``2023-11`` -> 1..30 November, ``2024-Q1`` -> 1 Jan..31 Mar,
    ``2024-SU`` -> 1 Jun..31 Aug (meteorological seasons), ``199`` -> 1990..1999,
    ``2024-01-08TMO`` -> that day; an explicit ``interval`` (holidays, day ranges) wins.
    """
    if t.type not in ("DATE", "TIME"):
        return None
    if t.interval is not None:
        return t.interval
    return _range_of_value(t.value)
