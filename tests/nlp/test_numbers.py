"""Tests for storyline.nlp.numbers: every number form, hedge and kind."""

from __future__ import annotations

import json

import pytest

from storyline.nlp.numbers import KINDS, QUALIFIERS, Number, find_numbers, format_number


def nums(text: str) -> list[tuple]:
    """(text, value, qualifier, kind) for every number, in order."""
    return [(n.text, n.value, n.qualifier, n.kind) for n in find_numbers(text)]


def one(text: str) -> Number:
    found = find_numbers(text)
    assert len(found) == 1, [format_number(n) for n in found]
    return found[0]


def check_spans(text: str) -> None:
    for n in find_numbers(text):
        assert text[n.start:n.end] == n.text
        assert n.start <= n.number_start < n.number_end <= n.end
        assert n.kind in KINDS and n.qualifier in QUALIFIERS


# --------------------------------------------------------------------- the real sentences

REAL = [
    ("Approximately 136 hostages taken by Hamas on October 7 are believed to remain in Gaza",
     [("Approximately 136", 136, "approx", "count"), ("7", 7, "exact", "date_part")]),
    ("Amidst a weeklong truce in late November, 105 civilians were released, while four were "
     "freed earlier",
     [("105", 105, "exact", "count"), ("four", 4, "exact", "count")]),
    ("Tragically, eight hostages' bodies were recovered, and three were inadvertently killed",
     [("eight", 8, "exact", "count"), ("three", 3, "exact", "count")]),
    ("confirmed the deaths of 25 hostages still held by Hamas",
     [("25", 25, "exact", "count")]),
    ("captured approximately 240 hostages from southern Israel",
     [("approximately 240", 240, "approx", "count")]),
    ("around 1,200 people lost their lives", [("around 1,200", 1200, "approx", "count")]),
    ("resulting in an estimated 15,000 fatalities",
     [("an estimated 15,000", 15000, "approx", "count")]),
    ("the release of 60 Israeli hostages and 180 Palestinian prisoners",
     [("60", 60, "exact", "count"), ("180", 180, "exact", "count")]),
    ("in 2011, over 1,000 Palestinians were released in exchange for Israeli soldier Gilad "
     "Shalit, who had been captured by Hamas five years prior",
     [("2011", 2011, "exact", "date_part"), ("over 1,000", 1000, "over", "count"),
      ("five", 5, "exact", "duration")]),
    ("more than 7,000 Palestinians imprisoned", [("more than 7,000", 7000, "over", "count")]),
    ("extend the truce by an additional four days", [("four", 4, "exact", "duration")]),
    ("a 10-month-old baby, along with their four-year-old sibling",
     [("10", 10, "exact", "age"), ("four", 4, "exact", "age")]),
    ("60 individuals, including the aforementioned woman", [("60", 60, "exact", "count")]),
    ("Only a handful – including two American citizens – have been released",
     [("a handful", 3, "approx", "count"), ("two", 2, "exact", "count")]),
    ("more than 11,000 Palestinians have been killed",
     [("more than 11,000", 11000, "over", "count")]),
    ("252 hostages taken, according to Israeli tallies", [("252", 252, "exact", "count")]),
    ("More than 34,600 Palestinians have been killed",
     [("More than 34,600", 34600, "over", "count")]),
    ("more than a million Palestinians have taken shelter",
     [("more than a million", 1_000_000, "over", "count")]),
    ("the almost seven-month-old offensive", [("almost seven", 7, "approx", "duration")]),
    ("about 40 Israeli hostages in exchange for 800 prisoners",
     [("about 40", 40, "approx", "count"), ("800", 800, "exact", "count")]),
    ("there are about a 100 um prisoners that convicted for murder",
     [("about a 100", 100, "approx", "count")]),
    ("40,000 tens from China", [("40,000", 40000, "exact", "count")]),
    ("the bodies of two Israeli soldiers", [("two", 2, "exact", "count")]),
    ("nearly six months of fighting", [("nearly six", 6, "approx", "duration")]),
    ("2. 3 million people", [("2. 3 million", 2_300_000, "exact", "count")]),
    ("between 30 and 40 hostages", [("between 30 and 40", 30, "range", "count")]),
    ("dozens of trucks", [("dozens", 24, "approx", "count")]),
    ("tens of thousands of displaced", [("tens of thousands", 20000, "approx", "count")]),
    ("$100 million in humanitarian aid", [("$100 million", 100_000_000, "exact", "money")]),
    ("70% of the dead", [("70%", 70, "exact", "percent")]),
    ("two-thirds of the population", [("two-thirds", 66.67, "exact", "percent")]),
    ("one Egyptian security source told Reuters", [("one", 1, "exact", "other")]),
]


@pytest.mark.parametrize("text,expected", REAL, ids=[t[:40] for t, _ in REAL])
def test_real_sentences(text, expected):
    assert nums(text) == expected
    check_spans(text)


def test_real_sentence_details():
    n = one("captured approximately 240 hostages from southern Israel")
    assert (n.low, n.high) == (240, 240)
    assert n.text == "approximately 240"
    assert "captured approximately 240"[n.number_start - 0:n.number_end] == "240"
    n = find_numbers("more than 11,000 Palestinians have been killed")[0]
    assert (n.low, n.high) == (11000, None)
    n = one("between 30 and 40 hostages")
    assert (n.value, n.low, n.high) == (30, 30, 40)
    n = one("a 10-month-old baby")
    assert n.unit == "month"
    n = find_numbers("a 10-month-old baby, along with their four-year-old sibling")[1]
    assert n.unit == "year"
    n = one("the almost seven-month-old offensive")
    assert (n.kind, n.unit) == ("duration", "month")
    n = one("nearly six months of fighting")
    assert n.unit == "month"
    n = one("extend the truce by an additional four days")
    assert n.unit == "day"
    n = one("$100 million in humanitarian aid")
    assert n.unit == "usd"
    n = one("70% of the dead")
    assert n.unit == "percent"
    n = one("dozens of trucks")
    assert (n.low, n.high) == (24, 99)


# --------------------------------------------------------------------- digits and scales


@pytest.mark.parametrize("text,value", [
    ("1,200 people", 1200),
    ("34,600 dead", 34600),
    ("2.3 million people", 2_300_000),
    ("1.4 million people", 1_400_000),
    ("1.5bn", 1_500_000_000),
    ("some 2.2m people", 2_200_000),
    ("12.5 tonnes", 12.5),
    ("a 1,000", 1000),
])
def test_digit_values(text, value):
    assert find_numbers(text)[0].value == pytest.approx(value)


def test_money():
    n = one("£2bn in loans")
    assert (n.value, n.kind, n.unit, n.text) == (2e9, "money", "gbp", "£2bn")
    n = one("it pledged €20m")
    assert (n.value, n.unit) == (2e7, "eur")
    n = one("worth NIS 32m")
    assert (n.value, n.unit) == (3.2e7, "ils")
    n = one("paid 70 shekels a day")
    assert (n.value, n.kind, n.unit, n.text) == (70, "money", "ils", "70 shekels")
    n = one("100 million dollars")
    assert (n.value, n.unit) == (1e8, "usd")
    n = one("US$3.8bn in aid")
    assert (n.value, n.unit) == (3.8e9, "usd")
    n = one("more than $106m")
    assert (n.qualifier, n.low, n.high, n.kind) == ("over", 1.06e8, None, "money")


def test_percent():
    assert nums("70 percent") == [("70 percent", 70, "exact", "percent")]
    assert nums("70 per cent") == [("70 per cent", 70, "exact", "percent")]
    assert nums("about 45%") == [("about 45%", 45, "approx", "percent")]
    n = one("between 30-40% of homes")
    assert (n.qualifier, n.low, n.high, n.kind) == ("range", 30, 40, "percent")


# --------------------------------------------------------------------- number words


@pytest.mark.parametrize("text,value", [
    ("sixty", 60),
    ("twenty-five", 25),
    ("twenty five", 25),
    ("one hundred and five", 105),
    ("a hundred", 100),
    ("a 100", 100),
    ("two", 2),
    ("Seventeen", 17),
    ("three thousand", 3000),
    ("two million", 2_000_000),
    ("half a million", 500_000),
    ("a quarter of a million", 250_000),
    ("one and a half million", 1_500_000),
    ("two dozen", 24),
    ("zero", 0),
])
def test_word_values(text, value):
    n = one(text + " people")
    assert n.value == value
    assert n.text == text
    assert n.kind == "count"


def test_a_dozen_is_vague():
    n = one("a dozen hostages")
    assert (n.value, n.qualifier, n.low, n.high) == (12, "approx", 10, 14)
    n = one("more than a dozen times")
    assert (n.value, n.qualifier, n.low, n.high) == (12, "over", 12, None)


def test_word_sequences_do_not_merge():
    assert [n.value for n in find_numbers("two three")] == [2, 3]
    assert [n.value for n in find_numbers("two and three hostages")] == [2, 3]


# --------------------------------------------------------------------- vague amounts


@pytest.mark.parametrize("text,value,low,high", [
    ("a few", 3, 2, 5),
    ("several", 3, 3, 9),
    ("a handful", 3, 2, 5),
    ("dozens", 24, 24, 99),
    ("several dozen", 36, 36, 99),
    ("scores", 40, 40, 199),
    ("hundreds", 200, 200, 999),
    ("thousands", 2000, 2000, 9999),
    ("tens of thousands", 20_000, 20_000, 99_999),
    ("hundreds of thousands", 200_000, 200_000, 999_999),
    ("millions", 2_000_000, 2_000_000, 9_999_999),
    ("hundreds of millions", 200_000_000, 200_000_000, 999_999_999),
    ("several hundred", 300, 300, 900),
    ("a few thousand", 3000, 2000, 5000),
])
def test_vague(text, value, low, high):
    n = one(f"Police said {text} of people were there" if text in ("scores",)
            else f"Police said {text} people were there")
    assert (n.text, n.value, n.low, n.high, n.qualifier, n.kind) == (
        text, value, low, high, "approx", "count")


def test_vague_with_hedge():
    n = one("at least dozens of people")
    assert (n.text, n.qualifier, n.low, n.high) == ("at least dozens", "over", 24, None)


def test_tens_needs_of():
    assert nums("tens of people") == [("tens", 20, "approx", "count")]
    assert nums("40,000 tens from China")[0][0] == "40,000"
    assert len(find_numbers("the tens column")) == 0


def test_vague_duration():
    n = one("it will take a few days")
    assert (n.kind, n.unit, n.value) == ("duration", "day", 3)


# --------------------------------------------------------------------- fractions


@pytest.mark.parametrize("text,value,qualifier", [
    ("two-thirds of the population", 66.67, "exact"),
    ("two thirds of the population", 66.67, "exact"),
    ("a third of the population", 33.33, "exact"),
    ("a quarter of the population", 25, "exact"),
    ("three-quarters of homes", 75, "exact"),
    ("half of the population", 50, "exact"),
    ("half the population", 50, "exact"),
    ("more than half of them", 50, "over"),
    ("about a quarter of their arsenal", 25, "approx"),
    ("one in five children", 20, "exact"),
])
def test_fractions(text, value, qualifier):
    n = find_numbers(text)[0]
    assert (n.value, n.qualifier, n.kind, n.unit) == (value, qualifier, "percent", "percent")


def test_half_not_fraction():
    assert find_numbers("the second half of the year")[0].kind == "ordinal"
    assert len(find_numbers("his half-brother")) == 0
    n = one("half an hour")
    assert (n.value, n.kind, n.unit) == (0.5, "duration", "hour")
    n = one("two and a half years")
    assert (n.value, n.kind, n.unit) == (2.5, "duration", "year")


def test_a_third_ordinal():
    assert nums("a third hostage") == [("third", 3, "exact", "ordinal")]


# --------------------------------------------------------------------- hedges


@pytest.mark.parametrize("hedge,qualifier", [
    ("about", "approx"), ("approximately", "approx"), ("around", "approx"),
    ("nearly", "approx"), ("almost", "approx"), ("some", "approx"), ("roughly", "approx"),
    ("an estimated", "approx"), ("estimated", "approx"), ("close to", "approx"),
    ("more than", "over"), ("over", "over"), ("above", "over"), ("at least", "over"),
    ("upwards of", "over"), ("in excess of", "over"),
    ("fewer than", "under"), ("less than", "under"), ("up to", "under"),
    ("at most", "under"), ("under", "under"), ("below", "under"),
])
def test_hedges(hedge, qualifier):
    n = one(f"they said {hedge} 250 hostages")
    assert n.text == f"{hedge} 250"
    assert n.qualifier == qualifier
    assert n.value == 250
    assert text_at(f"they said {hedge} 250 hostages", n.number_start, n.number_end) == "250"
    bounds = {"approx": (250, 250), "over": (250, None), "under": (None, 250)}[qualifier]
    assert (n.low, n.high) == bounds


def text_at(text: str, a: int, b: int) -> str:
    return text[a:b]


@pytest.mark.parametrize("text", ["30 to 40 hostages", "30-40 hostages", "30–40 hostages",
                                  "between 30 and 40 hostages", "thirty to forty hostages",
                                  "two or three"])
def test_ranges(text):
    n = one(text)
    assert n.qualifier == "range"
    assert n.low == n.value and n.high > n.low


def test_range_scale_shared():
    n = one("2 to 3 million people")
    assert (n.low, n.high) == (2e6, 3e6)


def test_from_to_is_not_a_range():
    assert [n.value for n in find_numbers("rose from 200 to 300 people")] == [200, 300]
    assert [n.value for n in find_numbers("a 7-1 vote")] != [7]


def test_suffix_hedges():
    assert nums("30-some hostages") == [("30-some", 30, "over", "count")]
    n = one("30-some hostages")
    assert (n.low, n.high) == (30, None)
    assert nums("1,000+ people") == [("1,000+", 1000, "over", "count")]
    assert nums("50 or so people") == [("50 or so", 50, "approx", "count")]
    assert nums("100 or more people") == [("100 or more", 100, "over", "count")]


# --------------------------------------------------------------------- repairs


def test_repairs():
    assert nums("2. 3 million people") == [("2. 3 million", 2_300_000, "exact", "count")]
    assert nums("1, 200 people were killed") == [("1, 200", 1200, "exact", "count")]
    assert nums("The U. S. said") == []
    # not a thousands group: a date, a list
    assert [n.value for n in find_numbers("on October 7, 200 fighters")] == [7, 200]
    assert [n.value for n in find_numbers("resolutions 242, 338 and 1701")] != [242338, 1701]


def test_urls_and_emails_skipped():
    text = "Write to info2023@example.org or see https://bbc.co.uk/news/67040167 and bbc.com/x1 now"
    assert find_numbers(text) == []


# --------------------------------------------------------------------- kinds


@pytest.mark.parametrize("text,value", [
    ("in 2011", 2011), ("on October 7", 7), ("on 7 October", 7), ("on Oct. 7", 7),
    ("October 7th", 7), ("the 7th of October", 7), ("since the 1990s", 1990),
])
def test_date_parts(text, value):
    n = one(text)
    assert (n.kind, n.value) == ("date_part", value)


def test_iso_date():
    found = find_numbers("on 2023-11-24 the truce began")
    assert [(n.text, n.kind) for n in found] == [
        ("2023", "date_part"), ("11", "date_part"), ("24", "date_part")]


def test_year_vs_count():
    assert one("some 2000 people").kind == "count"
    assert one("in 1948 Israel").kind == "date_part"


@pytest.mark.parametrize("text,value", [
    ("at 10:30", 10.5), ("at 3 p.m.", 15.0), ("at 3pm", 15.0), ("at 9am", 9.0),
    ("at 1300 GMT", 13.0), ("at 12 a.m.", 0.0),
])
def test_times(text, value):
    n = one(text)
    assert (n.kind, n.value) == ("time", value)


def test_time_approx():
    n = one("around 10:00 local time")
    assert (n.text, n.qualifier, n.kind) == ("around 10:00", "approx", "time")


@pytest.mark.parametrize("text,value,unit", [
    ("six days", 6, "day"), ("four-hour pauses", 4, "hour"), ("48 hours", 48, "hour"),
    ("a 40-day ceasefire", 40, "day"), ("for two weeks", 2, "week"),
    ("the almost seven-month-old offensive", 7, "month"), ("nine months of war", 9, "month"),
    ("a 17-year-long blockade", 17, "year"), ("four more days", 4, "day"),
])
def test_durations(text, value, unit):
    n = one(text)
    assert (n.kind, n.value, n.unit) == ("duration", value, unit)


def test_over_before_duration_is_a_preposition():
    n = one("over two days of talks")
    assert (n.text, n.qualifier, n.kind) == ("two", "exact", "duration")
    n = one("more than two months")
    assert (n.qualifier, n.kind) == ("over", "duration")


@pytest.mark.parametrize("text,value,unit", [
    ("a 10-month-old baby", 10, "month"), ("a 59-year-old man", 59, "year"),
    ("the 59-year-old said", 59, "year"), ("aged 85", 85, "year"),
    ("Yocheved Lifshitz, 85, was released", 85, "year"),
    ("his four-year-old sibling", 4, "year"), ("a man in his 50s", 50, "year"),
    ("25 years old", 25, "year"),
])
def test_ages(text, value, unit):
    n = one(text)
    assert (n.kind, n.value, n.unit) == ("age", value, unit)


def test_age_range():
    n = one("three men, aged between 34 and 45, were arrested".split(", ", 1)[1])
    assert (n.kind, n.qualifier, n.low, n.high) == ("age", "range", 34, 45)


@pytest.mark.parametrize("text,value", [
    ("the first phase", 1), ("the 2nd round", 2), ("a third day", 3), ("its 75th year", 75),
    ("the twenty-first century", 21),
])
def test_ordinals(text, value):
    n = one(text)
    assert (n.kind, n.value) == ("ordinal", value)


@pytest.mark.parametrize("text", [
    "told Channel 12 news", "under Resolution 2334", "during Covid-19", "F-16 jets",
    "Article 51 of the charter", "phase one of the deal", "the two-state solution",
    "Kan 11 reported", "G7 leaders", "in Nine Elms",
])
def test_other_names(text):
    n = one(text)
    assert n.kind == "other"


def test_phone_and_list_numbering():
    n = one("Call +44 7756 165803 now")
    assert n.kind == "other" and n.text == "+44 7756 165803"
    found = find_numbers("Key points:\n1. Hostages freed\n2. Aid enters")
    assert [(n.text, n.kind) for n in found] == [("1", "other"), ("2", "other")]


def test_measurements_are_other():
    n = one("a strip 41km long")
    assert (n.kind, n.unit) == ("other", "km")
    n = one("about 25 miles away")
    assert (n.kind, n.unit) == ("other", "miles")


def test_one_as_pronoun_or_article():
    assert nums("one of the hostages") == [("one", 1, "exact", "other")]
    assert nums("no one knows") == [("one", 1, "exact", "other")]
    assert nums("one hostage was killed") == [("one", 1, "exact", "count")]
    assert nums("at least one soldier") == [("at least one", 1, "over", "count")]
    assert nums("one day") == [("one", 1, "exact", "duration")]


# --------------------------------------------------------------------- spans and output


def test_spans_on_mixed_text():
    text = ("On 7 October Hamas killed about 1,200 people and took 252 hostages; "
            "more than 34,600 Palestinians have been killed, 70% of them women and children, "
            "and $100 million in aid was pledged at 3 p.m. on 2024-05-04.")
    check_spans(text)
    assert [n.kind for n in find_numbers(text)] == [
        "date_part", "count", "count", "count", "percent", "money", "time",
        "date_part", "date_part", "date_part"]


def test_format_number_is_json_ready():
    d = format_number(one("More than 34,600 Palestinians"))
    assert d == {"text": "More than 34,600", "start": 0, "end": 16, "value": 34600,
                 "low": 34600, "high": None, "qualifier": "over", "kind": "count",
                 "unit": None}
    json.dumps(d)
    d = format_number(one("two-thirds of them"))
    assert d["value"] == 66.67 and d["unit"] == "percent"


def test_empty_and_no_numbers():
    assert find_numbers("") == []
    assert find_numbers("Hamas and Israel agreed to a pause") == []


@pytest.mark.shared
def test_corpus_sample_invariants(shared):
    """On real text: spans match, numbers do not overlap, bounds agree with qualifiers."""
    path = shared("corpus", "bbc.jsonl")
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= 300:
                break
            text = json.loads(line)["text"]
            check_spans(text)
            prev_end = 0
            for n in find_numbers(text):
                assert n.start >= prev_end, format_number(n)
                prev_end = n.end
                if n.qualifier == "over":
                    assert (n.low, n.high) == (n.value, None)
                elif n.qualifier == "under":
                    assert (n.low, n.high) == (None, n.value)
                elif n.qualifier == "range":
                    assert n.low == n.value < n.high
                elif n.qualifier == "exact":
                    assert n.low == n.high == n.value


# --------------------------------------------------------------------- found on the corpus


def test_iso_date_time_and_compact_dates():
    found = find_numbers("published_time: 2024-09-06 15:34:56-04:00")
    assert [(n.text, n.kind) for n in found] == [
        ("2024", "date_part"), ("09", "date_part"), ("06", "date_part"), ("15:34:56", "time")]
    assert found[-1].value == pytest.approx(15 + 34 / 60 + 56 / 3600)
    found = find_numbers("<publish_date>20240331</publish_date>")
    assert [(n.value, n.kind) for n in found] == [(2024, "date_part"), (3, "date_part"),
                                                  (31, "date_part")]
    assert one("video id 123456789").kind == "other"


def test_times_glued_to_zone():
    assert nums("at 16:00EST (21:00GMT)") == [("16:00", 16, "exact", "time"),
                                              ("21:00", 21, "exact", "time")]


def test_short_year_range():
    n = one("the 1948-49 war")
    assert (n.kind, n.low, n.high) == ("date_part", 1948, 1949)


def test_range_with_shared_thousands():
    n = one("it has 80-90,000 more members")
    assert (n.low, n.high, n.qualifier) == (80_000, 90_000, "range")


def test_plus_before_scale():
    n = one("voting against $14+ billion of aid")
    assert (n.text, n.value, n.qualifier, n.kind) == ("$14+ billion", 14e9, "over", "money")


def test_halves_of_scales():
    assert one("about a million and a half people").value == 1_500_000
    assert one("a quarter-of-a-million rounds").value == 250_000
    assert one("half-a-million people").value == 500_000
    assert one("a two-and-a-half-year-old girl").value == 2.5
    assert find_numbers("for a year-and-a-half") == []


def test_vague_measurement():
    n = one("walk for a few kilometres")
    assert (n.kind, n.unit, n.qualifier) == ("other", "kilometres", "approx")


def test_one_in_year_is_not_a_fraction():
    assert [n.kind for n in find_numbers("including one in 2002")] == ["other", "date_part"]


def test_html_tags_and_versions_skipped_or_other():
    assert nums('<img height="150" src="x"/><p>At least 25 Americans</p>') == [
        ("At least 25", 25, "over", "count")]
    assert one("rolled out iOS 17.4.1 today").kind == "other"


def test_suffix_hedge_does_not_swallow_next_hedge():
    assert nums("40 shekels or more than $10") == [
        ("40 shekels", 40, "exact", "money"), ("more than $10", 10, "over", "money")]
