"""The figures ledger on hand-made figure rows: series, folding of copies, conflicts, revisions,
anomalies, and the reference comparison."""

from __future__ import annotations

import json

import pytest

from storyline.story import ledger
from storyline.story.reference import ReferenceError, ReferenceSeries, load_reference

_ids = iter(range(1, 10_000))


def fig(value, measure="person.killed", *, text=None, q="exact", high=None, time="2024-01-10", start=None,
        source=None, outlet="Meridian Wire", doc="d1", doc_date=None, dup=None, modality="reported",
        group=None, place=None, pos=0):
    """A figure row as query_figures yields it."""
    unit, status = measure.split(".")
    t0, _, t1 = time.partition("/") if time else (None, "", None)
    t1 = t1 or t0
    text = text or f"{value:,.0f}"
    sentence = f"Officials said {text} {unit}s were {status}."
    return {
        "id": next(_ids), "doc_id": doc, "sent": 0, "start": pos + 14, "end": pos + 14 + len(text),
        "value_text": text, "value": float(value), "high": high, "qualifier": q, "unit": unit, "status": status,
        "measure": measure, "group": group, "place": place, "time": time, "time_start": start or t0, "time_end": t1,
        "source": source, "modality": modality, "sentence_start": pos, "sentence_end": pos + len(sentence),
        "doc_ref": f"ref-{doc}", "outlet": outlet, "doc_date": doc_date or t1, "doc_title": "t",
        "duplicate_of": dup, "sentence": sentence,
    }


# --- series and folding ----------------------------------------------------------------------------

def test_series_orders_by_time_then_doc_date_and_folds_copies():
    rows = [
        fig(30000, time="2024-02-29", doc="b", doc_date="2024-03-01", source="Gaza's Health Ministry"),
        fig(20000, time="2023-12-10", doc="a", source="Gaza's Health Ministry"),
        fig(30000, time="2024-02-29", doc="c", doc_date="2024-02-29", source="the Health Ministry"),
        # a syndicated copy of doc c: same figure, another outlet
        fig(30000, time="2024-02-29", doc="c-copy", doc_date="2024-02-29", dup="c", outlet="Capital Brief (via Meridian Wire)",
            source="the health ministry"),
        # the same figure said twice in doc a
        fig(20000, time="2023-12-10", doc="a", source="Gaza's Health Ministry", pos=200),
    ]
    [s] = ledger.series(rows)
    assert s["measure"] == "person.killed" and s["count"] == 3
    assert [(p["doc_id"], p["value"]) for p in s["points"]] == [("a", 20000), ("c", 30000), ("b", 30000)]
    c = s["points"][1]
    assert c["sources"] == 2 and c["also"][0]["doc_id"] == "c-copy" and c["also"][0]["outlet"].startswith("Capital Brief")
    a = s["points"][0]
    assert a["sources"] == 2 and a["also"][0]["start"] == 214  # the repeat's own span is kept
    assert c["citation"]["sentence"].startswith("Officials said 30,000") and c["citation"]["doc_ref"] == "ref-c"
    assert s["first"] == "2023-12-10" and s["last"] == "2024-02-29"


def test_copy_without_a_matching_original_figure_stays_its_own_entry():
    rows = [fig(130, "hostage.held", doc="orig"), fig(131, "hostage.held", doc="copy", dup="orig", doc_date="2024-01-11")]
    [s] = ledger.series(rows)
    assert [p["doc_id"] for p in s["points"]] == ["orig", "copy"]


def test_only_reported_figures_form_the_series_others_listed_beside():
    rows = [
        fig(40, "hostage.released", modality="proposed", time="2024-02-20"),
        fig(105, "hostage.released", time="2023-11-24/2023-11-30", doc="x"),
        fig(1027, "prisoner.released", modality="historical", time="2011-10-18"),
    ]
    by_measure = {s["measure"]: s for s in ledger.series(rows)}
    assert [p["value"] for p in by_measure["hostage.released"]["points"]] == [105]
    assert [p["modality"] for p in by_measure["hostage.released"]["other"]] == ["proposed"]
    assert by_measure["prisoner.released"]["count"] == 0 and len(by_measure["prisoner.released"]["other"]) == 1


def test_series_split_and_filter_by_group_and_place():
    rows = [fig(10, place="Gaza"), fig(12, place="Israel", doc="b"), fig(11, doc="c", group="Palestinian", place="gaza")]
    assert len(ledger.series(rows)) == 1
    split = ledger.series(rows, by_place=True)
    assert sorted(s["count"] for s in split) == [1, 2]
    only = ledger.series(rows, place="GAZA")
    assert sorted(p["value"] for p in only[0]["points"]) == [10, 11]
    assert ledger.series(rows, group="Palestinian")[0]["count"] == 1
    assert ledger.series(rows, measure="killed")[0]["measure"] == "person.killed"
    assert ledger.series(rows, measure="hostage") == []


# --- conflicts -------------------------------------------------------------------------------------

def test_values_differ_respects_tolerance_and_hedges():
    assert not ledger.values_differ(fig(11000, q="over", text="more than 11,000"), fig(11078))
    assert ledger.values_differ(fig(240), fig(252))
    assert not ledger.values_differ(fig(1200), fig(1205))  # within 0.5%
    assert ledger.values_differ(fig(1200), fig(1210))
    assert not ledger.values_differ(fig(240, q="approx"), fig(244))  # about 240 = 240 ± 2%
    assert ledger.values_differ(fig(240, q="approx"), fig(252))
    assert not ledger.values_differ(fig(30, q="range", high=40), fig(35))
    assert ledger.values_differ(fig(30, q="range", high=40), fig(50))
    assert ledger.values_differ(fig(100, q="under"), fig(150))
    assert not ledger.values_differ(fig(11000, q="over"), fig(30000, q="over"))


def test_conflict_between_sources_same_day_lists_every_figure_with_citation():
    rows = [
        fig(240, "hostage.taken", source="Israeli officials", doc="a", time="2023-10-07", doc_date="2023-11-10"),
        fig(252, "hostage.taken", source="the IDF", doc="b", time="2023-10-07", doc_date="2023-11-11"),
        fig(11000, q="over", text="more than 11,000", source="Hamas-run health ministry", doc="a", time="2023-11-10"),
        fig(11078, source="UN OCHA", doc="b", time="2023-11-10"),
    ]
    [c] = ledger.conflicts(rows)
    assert c["measure"] == "hostage.taken" and c["window"] == "2023-10-07"
    assert c["values"] == ["240", "252"] and c["sources"] == ["Israeli officials", "the IDF"]
    assert c["spread"] == 12 and c["spread_pct"] == 5.0
    cits = [f["citation"] for f in c["figures"]]
    assert [x["doc_ref"] for x in cits] == ["ref-a", "ref-b"]
    assert all(x["sentence"] and x["end"] > x["start"] and x["outlet"] for x in cits)


def test_no_conflict_from_the_same_source_other_days_or_other_groups():
    same_source = [fig(240, source="Israel", doc="a"), fig(252, source="israel", doc="b")]
    assert ledger.conflicts(same_source) == []
    other_day = [fig(240, source="A", doc="a", time="2024-01-10"), fig(252, source="B", doc="b", time="2024-01-11")]
    assert ledger.conflicts(other_day) == []
    assert len(ledger.conflicts(other_day, window=1)) == 1
    groups = [fig(240, source="A", group="Israeli"), fig(252, source="B", group="Palestinian", doc="b")]
    assert ledger.conflicts(groups) == []
    one_group = [fig(240, source="A", group="Israeli"), fig(252, source="B", doc="b")]
    assert len(ledger.conflicts(one_group)) == 1
    proposed = [fig(33, "hostage.released", source="A", modality="proposed"), fig(40, "hostage.released", source="B", doc="b", modality="proposed")]
    assert ledger.conflicts(proposed) == []


def test_unattributed_figures_compare_by_outlet_and_windows_can_overlap():
    rows = [
        fig(105, "hostage.released", time="2023-11-24/2023-11-30", outlet="Harbor Daily", doc="a"),
        fig(110, "hostage.released", time="2023-11-28", outlet="Northline Radio", doc="b"),
    ]
    assert ledger.conflicts(rows) == []
    [c] = ledger.conflicts(rows, window="overlap")
    assert c["window"] == "2023-11-24/2023-11-30" and c["sources"] == ["(Harbor Daily)", "(Northline Radio)"]
    with pytest.raises(ValueError):
        ledger.conflicts(rows, window="week")


def test_syndicated_copy_does_not_conflict_with_its_original():
    rows = [fig(130, "hostage.held", source="Israel", doc="a"),
            fig(130, "hostage.held", source="Israeli officials", doc="b", dup="a", outlet="Capital Brief")]
    assert ledger.conflicts(rows) == []


# --- revisions -------------------------------------------------------------------------------------

def test_revision_of_a_sources_own_figure_across_documents():
    rows = [
        fig(240, "hostage.taken", q="approx", text="about 240", source="Israeli officials", doc="a", time="2023-10-07", doc_date="2023-11-11"),
        fig(240, "hostage.taken", q="approx", text="about 240", source="israeli officials", doc="b", time="2023-10-07", doc_date="2023-12-01"),
        fig(253, "hostage.taken", source="The Israeli officials", doc="c", time="2023-10-07", doc_date="2024-05-04"),
        fig(250, "hostage.taken", source="Hamas", doc="c", time="2023-10-07", doc_date="2024-05-04"),
    ]
    [r] = ledger.revisions(rows)
    assert r["source"] == "Israeli officials" and r["measure"] == "hostage.taken"
    assert r["values"] == ["about 240", "about 240", "253"]
    assert [(c["from"], c["to"], c["to_doc_date"]) for c in r["changes"]] == [("about 240", "253", "2024-05-04")]
    assert r["changes"][0]["change"] == 13
    assert [f["citation"]["doc_ref"] for f in r["figures"]] == ["ref-a", "ref-b", "ref-c"]


def test_revision_by_outlet_when_unattributed_and_not_within_one_document():
    rows = [fig(1400, time="2023-10-07", doc="a", doc_date="2023-10-20", outlet="Levant Ledger"),
            fig(1200, time="2023-10-07", doc="b", doc_date="2023-11-11", outlet="levant ledger")]
    [r] = ledger.revisions(rows)
    assert r["source"] == "(Levant Ledger)" and r["changes"][0]["change"] == -200
    same_doc = [fig(252, "hostage.taken", source="Israel", doc="a"), fig(253, "hostage.taken", source="Israel", doc="a", pos=100)]
    assert ledger.revisions(same_doc) == []


# --- anomalies -------------------------------------------------------------------------------------

def test_falling_running_total_is_flagged_with_both_citations():
    rows = [
        fig(30000, time="2024-02-29", source="Health Ministry", doc="a"),
        fig(29800, time="2024-03-02", source="Health Ministry", doc="b"),  # within 2%: rounding, not a fall
        fig(25000, time="2024-03-05", source="Health Ministry", doc="c"),
        fig(20000, q="over", text="more than 20,000", time="2024-03-06", doc="d"),  # hedged upward: no fall
        fig(10, "hostage.held", time="2024-03-06", doc="e"),
        fig(5, "hostage.held", time="2024-03-07", doc="f"),  # held is not a running total that only grows
    ]
    [a] = ledger.anomalies(rows, max_age_days=10_000)
    assert a["kind"] == "falling_total" and a["measure"] == "person.killed"
    assert a["earlier"]["value"] == 30000 and a["later"]["value"] == 25000
    assert a["drop"] == 5000 and a["drop_pct"] == pytest.approx(16.67)
    assert a["earlier"]["citation"]["doc_ref"] == "ref-a" and a["later"]["citation"]["doc_ref"] == "ref-c"


def test_same_day_and_different_place_values_are_not_a_fall():
    rows = [fig(112, time="2024-02-29", place="Gaza City", doc="a"), fig(30000, time="2024-02-28", doc="b"),
            fig(300, time="2024-02-28", doc="c"), fig(30000, time="2024-02-29", doc="d", place="Gaza")]
    falls = ledger.falling_totals(ledger.fold(rows))
    assert falls == []


def test_stale_running_total_flagged_with_gap_in_days():
    rows = [
        fig(136, "hostage.held", time="2023-11-20", doc="a", doc_date="2024-02-01"),  # 73 days old
        fig(132, "hostage.held", time="2024-01-20", doc="b", doc_date="2024-02-01"),  # 12 days: fine
        fig(1200, time="2023-10-07", doc="c", doc_date="2024-03-01"),  # the 7 October attack: an event, not a total
        fig(23000, time="2023-10-07/2024-01-05", doc="d", doc_date="2024-03-10"),  # "since the war began", as of Jan 5
        fig(105, "hostage.released", time="2023-11-24/2023-11-30", doc="e", doc_date="2024-05-01"),  # the truce: a period
    ]
    stale = [a for a in ledger.anomalies(rows) if a["kind"] == "stale"]
    assert [(a["figure"]["doc_id"], a["gap_days"]) for a in stale] == [("a", 73), ("d", 65)]
    assert stale[0]["repeated_in"]["doc_date"] == "2024-02-01" and "73 days" in stale[0]["message"]
    assert ledger.stale_figures(ledger.fold(rows), max_age_days=100) == []


def test_stale_check_sees_late_syndicated_copies():
    rows = [fig(130, "hostage.held", time="2024-02-29", doc="a"),
            fig(130, "hostage.held", time="2024-02-29", doc="b", dup="a", doc_date="2024-04-15")]
    [a] = ledger.stale_figures(ledger.fold(rows))
    assert a["gap_days"] == 46 and a["repeated_in"]["doc_id"] == "b"


def test_review_bundles_all_three():
    out = ledger.review([fig(240, source="A"), fig(252, source="B", doc="b")])
    assert set(out) == {"conflicts", "revisions", "anomalies"} and len(out["conflicts"]) == 1


# --- reference -------------------------------------------------------------------------------------

REF = ReferenceSeries(days=["2024-05-01", "2024-05-02", "2024-05-03", "2024-05-06"],
                      values=[34535, 34568, 34622, 34735], date_field="report_date", value_field="killed_cum")


def hm(value, time, **kw):
    kw.setdefault("source", "Gaza's Health Ministry")
    kw.setdefault("place", "Gaza")
    return fig(value, time=time, **kw)


def test_reference_lookup_uses_latest_earlier_day():
    assert REF.at("2024-05-03") == ("2024-05-03", 34622)
    assert REF.at("2024-05-05") == ("2024-05-03", 34622)  # no report on the 4th and 5th
    assert REF.at("2024-04-30") is None and REF.at(None) is None
    assert REF.at("2030-01-01") == ("2024-05-06", 34735)


def test_reference_gap_maths_exact_and_missing_day():
    out = ledger.compare_reference([hm(34000, "2024-05-05", doc="a")], REF)
    [r] = out["rows"]
    assert r["reference_date"] == "2024-05-03" and r["reference"] == 34622
    assert r["gap"] == -622 and r["gap_pct"] == pytest.approx(-1.797, abs=1e-3) and r["within"] is True
    r2 = ledger.compare_reference([hm(33000, "2024-05-03")], REF)["rows"][0]
    assert r2["within"] is False and r2["gap_pct"] == pytest.approx(-4.685, abs=1e-3)


def test_reference_hedged_values():
    over_ok = hm(34600, "2024-05-03", q="over", text="more than 34,600")
    over_low_ref = hm(34600, "2024-05-02", q="over", text="more than 34,600")  # reference 34,568 < 34,600
    over_far = hm(30000, "2024-05-03", q="over", text="more than 30,000")  # true but 15% below
    approx = hm(34000, "2024-05-03", q="approx", text="about 34,000")  # 1.8% below
    rows = ledger.compare_reference([over_ok, over_low_ref, over_far, approx], REF)["rows"]
    assert {r["value_text"] + "@" + r["time"]: r["within"] for r in rows} == {
        "more than 34,600@2024-05-03": True, "more than 34,600@2024-05-02": False,
        "more than 30,000@2024-05-03": False, "about 34,000@2024-05-03": True}
    assert ledger.within_reference(fig(34700, q="under"), 34622)
    assert not ledger.within_reference(fig(34000, q="under"), 34622)
    assert ledger.within_reference(fig(34000, q="range", high=35000), 34622)


def test_reference_selection_and_summary():
    rows = [
        hm(34535, "2024-05-01", doc="a"),  # exact match
        hm(34000, "2024-05-02", doc="b", source="the Hamas-run health ministry"),  # -1.64%
        hm(30000, "2024-05-03", doc="c", source="Ministry of Health in Gaza", place=None),  # -13.4%
        hm(34535, "2024-05-01", doc="a-copy", dup="a"),  # a copy: counted once
        hm(34500, "2024-05-01", doc="e", source="the IDF"),  # other source
        hm(34500, "2024-05-01", doc="f", place="Israel"),  # other place
        hm(40, "2024-05-01", doc="g", modality="proposed"),  # not reported
        hm(30000, "2023-01-01", doc="h"),  # before the reference starts
    ]
    out = ledger.compare_reference(rows, REF)
    assert [r["doc_ref"] for r in out["rows"]] == ["ref-h", "ref-a", "ref-b", "ref-c"]
    s = out["summary"]
    assert s["figures"] == 4 and s["compared"] == 3 and s["within"] == 2 and s["not_compared"] == 1
    assert s["within_pct"] == pytest.approx(66.7) and s["median_abs_gap_pct"] == pytest.approx(1.644, abs=1e-3)
    assert out["rows"][1]["also"][0]["doc_id"] == "a-copy"
    idf = ledger.compare_reference(rows, REF, source="idf")
    assert [r["doc_ref"] for r in idf["rows"]] == ["ref-e"]
    assert ledger.compare_reference(rows, REF, measure="person.wounded")["summary"]["compared"] == 0


def test_load_reference_json_with_fallback_and_csv(tmp_path):
    p = tmp_path / "ref.json"
    p.write_text(json.dumps([
        {"report_date": "2024-01-02", "killed_cum": 22185, "ext_killed_cum": 22185},
        {"report_date": "2024-01-01", "ext_killed_cum": 21978},
        {"report_date": "2024-01-03"},
    ]))
    ref = load_reference(p)
    assert ref.days == ["2024-01-01", "2024-01-02"] and ref.values == [21978, 22185] and ref.fallback_used == 1
    c = tmp_path / "ref.csv"
    c.write_text("day,deaths\n2024-01-01,\"1,000\"\n2024-01-03,1200\n")
    ref = load_reference(c, value_field="deaths")
    assert ref.date_field == "day" and ref.at("2024-01-02") == ("2024-01-01", 1000)
    with pytest.raises(ReferenceError):
        load_reference(c, value_field="nope")
    with pytest.raises(ReferenceError):
        load_reference(c, date_field="nope", value_field="deaths")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(ReferenceError):
        load_reference(bad)


def test_load_real_reference(shared):
    ref = load_reference(shared("reference", "gaza_casualties_daily.json"))
    assert ref.first == "2023-10-07" and len(ref) >= 1033
    assert ref.at("2024-05-03") == ("2024-05-03", 34622)
    assert ref.at("2023-11-26")[1] == 14800  # the truce gap: filled or carried forward


def test_incident_counts_are_not_compared_with_the_running_total():
    rows = [hm(34500, "2024-05-03", doc="a"), hm(45, "2024-05-03", doc="b")]
    out = ledger.compare_reference(rows, REF)
    incident = next(r for r in out["rows"] if r["value"] == 45)
    assert incident["incident"] and incident["within"] is None
    assert out["summary"]["compared"] == 1 and out["summary"]["incidents"] == 1
