"""Figure extraction on realistic sentences: attribution forms, modalities, qualifiers, exclusions, time."""

from __future__ import annotations

import pytest

from storyline.extract.figures import extract_figures
from storyline.nlp.analysis import DocInput, analyze_docs


def figures_of(text: str, date: str | None = "2024-01-10") -> list:
    ((a, doc),) = list(analyze_docs([DocInput("d", text, date)]))
    return extract_figures(doc, "d", date, a.numbers, a.timexes, a.sentences)


def one(text: str, date: str | None = "2024-01-10"):
    figs = figures_of(text, date)
    assert len(figs) == 1, [(f.value_text, f.measure) for f in figs]
    return figs[0]


# --- attribution ------------------------------------------------------------------------------

@pytest.mark.parametrize("text,source", [
    ("More than 23,000 Palestinians have been killed in Gaza, according to the Hamas-run health ministry.", "the Hamas-run health ministry"),
    ("The war began when 252 hostages were taken, according to Israeli tallies.", "Israeli tallies"),
    ("Israeli officials said about 130 hostages remain in Gaza.", "Israeli officials"),
    ("The United Nations estimates that 1.9 million people have been displaced.", "The United Nations"),
    ("Bassem Naim, a senior Hamas official, said 60 people were killed in the strikes.", "Bassem Naim"),
    ("Recent intelligence from the Israel Defense Forces has confirmed the deaths of 25 hostages still held by Hamas.", "the Israel Defense Forces"),
    ("The Hamas-run health ministry in Gaza issued new figures on Sunday. It said 24,927 people had been killed.", "The Hamas-run health ministry in Gaza"),
    ("Human rights groups assert that more than 7,000 Palestinians are imprisoned in Israeli jails.", "Human rights groups"),
])
def test_attribution_forms(text, source):
    figs = [f for f in figures_of(text) if f.value >= 25]
    assert figs and figs[-1].source == source


def test_outlet_states_it_itself_no_source():
    assert one("Approximately 136 hostages are believed to remain in Gaza.").source is None


def test_counted_subject_is_not_a_source():
    figs = figures_of("About 137 hostages are believed to remain in Gaza, among them 17 women.", "2023-12-02")
    assert [f.source for f in figs] == [None, None]


# --- modality ---------------------------------------------------------------------------------

def test_reported():
    f = one("Hamas released 17 more hostages on Sunday.", "2023-11-27")
    assert (f.measure, f.modality, f.time) == ("hostage.released", "reported", "2023-11-26")


def test_proposed_terms():
    figs = figures_of("The draft would see about 40 hostages freed during a six-week pause in exchange for several hundred prisoners.", "2024-02-29")
    assert [(f.value, f.modality) for f in figs] == [(40, "proposed"), (300, "proposed")]
    assert all(f.time == "2024-02-29" for f in figs)


def test_demanded():
    f = one("Hamas demanded the release of 3,000 Palestinian prisoners.", "2024-02-07")
    assert f.modality == "demanded" and f.unit == "prisoner"


def test_historical():
    f = one("In 2011, over 1,000 Palestinians were released in exchange for Israeli soldier Gilad Shalit.", "2023-11-30")
    assert (f.modality, f.time, f.qualifier, f.measure) == ("historical", "2011", "over", "person.released")


def test_hypothetical():
    f = one("If a deal is struck, 50 hostages would be freed over four days.", "2023-11-21")
    assert f.modality == "hypothetical"


# --- qualifiers and vague amounts ------------------------------------------------------------------

@pytest.mark.parametrize("text,value,qualifier", [
    ("Approximately 136 hostages remain in Gaza.", 136, "approx"),
    ("More than 34,600 Palestinians have been killed.", 34600, "over"),
    ("At least 20 people were killed in the strike.", 20, "over"),
    ("Fewer than 100 trucks entered Gaza on Tuesday.", 100, "under"),
    ("Between 30 and 40 hostages could be freed in the first phase.", 30, "range"),
    ("Dozens of trucks crossed into Gaza.", 24, "approx"),
    ("Only a handful of hostages have been released.", 3, "approx"),
])
def test_qualifiers(text, value, qualifier):
    f = figures_of(text)[0]
    assert (f.value, f.qualifier) == (value, qualifier)


def test_range_high_end():
    f = figures_of("Between 30 and 40 hostages could be freed in the first phase.")[0]
    assert f.high == 40


# --- exclusions ---------------------------------------------------------------------------------

def test_dates_durations_ages_ordinals_are_not_figures():
    text = ("On October 7, a 10-month-old baby and a 59-year-old man were among those taken in the first hours; "
            "the truce lasted six days in 2023, and Channel 12 said talks entered their second round.")
    assert figures_of(text, "2023-11-30") == []


def test_abstract_counts_are_not_figures():
    assert figures_of("We have reached an agreement over many points, and a few points remain, one Egyptian source said.") == []


# --- what, when ---------------------------------------------------------------------------------

def test_ellipsis_takes_the_counted_noun_before():
    figs = figures_of("Tragically, eight hostages' bodies were recovered, and three were inadvertently killed.")
    assert [f.measure for f in figs] == ["body.other", "hostage.killed"]


def test_truce_period_and_earlier():
    figs = figures_of("Amidst a weeklong truce in late November, 105 civilians were released, while four were freed earlier.")
    assert [(f.measure, f.time) for f in figs] == [("civilian.released", "2023-11-24/2023-11-30"),
                                                    ("civilian.released", "2023-10-07/2023-11-23")]


def test_running_total_since_a_date_is_as_of_the_document():
    f = one("More than 34,400 Palestinians have been killed in Gaza since October, the ministry says.", "2024-04-29")
    assert f.time == "2024-04-29"


def test_event_date_from_the_clause():
    f = one("The war began after Hamas staged a raid on Oct 7 in which 1,200 people were killed.", "2024-05-04")
    assert (f.measure, f.time) == ("person.killed", "2023-10-07")


def test_undated_document_running_total_has_no_time():
    assert one("More than 11,000 Palestinians have been killed in Gaza.", None).time is None


def test_citation_points_at_the_sentence():
    text = "Talks resumed in Cairo. More than 34,600 Palestinians have been killed, according to Gaza's Health Ministry."
    f = one(text, "2024-05-04")
    assert text[f.start:f.end] == "More than 34,600"
    assert text[f.sentence_start:f.sentence_end].startswith("More than 34,600") and f.sent == 1
