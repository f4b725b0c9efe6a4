"""`storyline figures ...` on a temporary store: example documents ingested, figures inserted by hand
(as the extractor would store them), JSON/CSV outputs and exit codes."""

from __future__ import annotations

import csv
import io
import json

import pytest
import typer
from typer.testing import CliRunner

from conftest import PROJECT
from storyline.cli import app as main_app
from storyline.cli import figures as figures_cli
from storyline.extract.records import Figure
from storyline.pipeline.ingest import ingest
from storyline.store.db import open_engine
from storyline.store.documents import get_document
from storyline.store.figures import replace_for_doc

runner = CliRunner()
EXAMPLES = PROJECT / "examples"

EXTRA = [  # two small documents of our own, for a revision, a falling total and a stale figure
    {"id": "t-oct20", "title": "Toll of the attack", "date": "2023-10-20", "outlet": "Levant Ledger",
     "text": "A foreign ministry spokesman said 1,400 people were killed in the 7 October attack. Talks went on."},
    {"id": "t-jan12", "title": "Gaza toll", "date": "2024-01-12", "outlet": "Northline Radio",
     "text": "The Hamas-run health ministry said 21,000 Palestinians had been killed in Gaza. "
             "Nine weeks on, Israel said 132 hostages remained in the territory as of 10 January."},
]


def _app() -> typer.Typer:
    """The main app once the lead has registered `figures`; until then a root with just this group."""
    if any(g.name == "figures" for g in main_app.registered_groups):
        return main_app
    root = typer.Typer()

    @root.callback()
    def _root() -> None:
        pass

    figures_cli.register(root)
    return root


APP = _app()


def run(*args):
    return runner.invoke(APP, list(args))


# (doc ref, value text, occurrence, value, qualifier, measure, group, place, time, source, modality)
FIGURES = [
    ("ex-wire-001", "about 1,200", 0, 1200, "approx", "person.killed", None, "Israel", "2023-10-07", "a foreign ministry spokesman", "reported"),
    ("ex-wire-001", "more than 11,000", 0, 11000, "over", "person.killed", "Palestinian", "Gaza", "2023-11-11", "the Hamas-run health ministry", "reported"),
    ("ex-wire-001", "about 240", 0, 240, "approx", "hostage.taken", None, None, "2023-10-07", "Israel", "reported"),
    ("ex-wire-002", "about 15,000", 0, 15000, "approx", "person.killed", None, "Gaza", "2023-11-23", "The Hamas-run health ministry", "reported"),
    ("ex-wire-004", "more than 23,200", 0, 23200, "over", "person.killed", "Palestinian", "Gaza", "2024-01-10", "The Hamas-run health ministry", "reported"),
    ("ex-wire-004", "132", 0, 132, "exact", "hostage.held", None, None, "2024-01-10", "Israel", "reported"),
    ("cb-digest-001", "more than 30,000", 0, 30000, "over", "person.killed", "Palestinian", None, "2024-02-29", "The Hamas-run health ministry in Gaza", "reported"),
    ("cb-digest-001", "about 40", 0, 40, "approx", "hostage.released", None, None, "2024-02-29", None, "proposed"),
    ("cb-digest-001", "about 130", 0, 130, "approx", "hostage.held", None, "Gaza", "2024-02-29", "Israeli officials", "reported"),
    ("ex-wire-003", "more than 30,000", 0, 30000, "over", "person.killed", "Palestinian", None, "2024-02-29", "The Hamas-run health ministry in Gaza", "reported"),
    ("ex-wire-003", "about 130", 0, 130, "approx", "hostage.held", None, "Gaza", "2024-02-29", "Israel", "reported"),
    ("ex-wire-006", "33", 0, 33, "exact", "hostage.released", None, None, "2024-05-04", None, "proposed"),
    ("ex-wire-006", "more than 34,600", 0, 34600, "over", "person.killed", "Palestinian", "Gaza", "2024-05-04", "The Hamas-run health ministry", "reported"),
    ("ex-wire-006", "252", 0, 252, "exact", "hostage.taken", None, None, "2023-10-07", "Israeli officials", "reported"),
    ("ex-wire-006", "253", 0, 253, "exact", "hostage.taken", None, None, "2023-10-07", "some tallies", "reported"),
    ("t-oct20", "1,400", 0, 1400, "exact", "person.killed", None, None, "2023-10-07", "A foreign ministry spokesman", "reported"),
    ("t-jan12", "21,000", 0, 21000, "exact", "person.killed", "Palestinian", "Gaza", "2024-01-12", "The Hamas-run health ministry", "reported"),
    ("t-jan12", "132", 0, 132, "exact", "hostage.held", None, None, "2024-01-10", "Israel", "reported"),
]


def _sentence_span(text: str, i: int) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, i) + 2, text.rfind("\n", 0, i) + 1, 0)
    if text.rfind(". ", 0, i) < 0 and text.rfind("\n", 0, i) < 0:
        start = 0
    end = text.find(".", i + 1)
    return start, (end + 1 if end >= 0 else len(text))


def _figure(doc: dict, spec) -> Figure:
    _ref, vt, occ, value, q, measure, group, place, time, source, modality = spec
    text, i = doc["text"], -1
    for _ in range(occ + 1):
        i = text.index(vt, i + 1)
    s0, s1 = _sentence_span(text, i)
    unit, status = measure.split(".")
    t0, _, t1 = time.partition("/")
    return Figure(doc_id=doc["id"], sent=text[:i].count(". "), start=i, end=i + len(vt), value_text=vt, value=value, high=None,
                  qualifier=q, unit=unit, status=status, measure=measure, group=group, place=place, time=time,
                  time_start=t0, time_end=t1 or t0, source=source, modality=modality, sentence_start=s0, sentence_end=s1)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("figures")
    extra = tmp / "extra.jsonl"
    extra.write_text("".join(json.dumps(r) + "\n" for r in EXTRA), encoding="utf-8")
    url = f"sqlite:///{tmp / 'x.db'}"
    engine = open_engine(url)
    summary = ingest(engine, [str(EXAMPLES / "digest.csv"), str(EXAMPLES / "wire.jsonl"), str(extra)])
    assert not summary.errors
    with engine.begin() as conn:
        docs = {ref: get_document(conn, ref) for ref in {f[0] for f in FIGURES}}
        assert docs["ex-wire-003"]["duplicate_of"] == docs["cb-digest-001"]["id"]
        by_doc: dict[str, list[Figure]] = {}
        for spec in FIGURES:
            by_doc.setdefault(spec[0], []).append(_figure(docs[spec[0]], spec))
        for ref, figs in by_doc.items():
            replace_for_doc(conn, docs[ref]["id"], figs)
    engine.dispose()
    return url


@pytest.fixture
def ref_json(tmp_path):
    path = tmp_path / "ref.json"
    path.write_text(json.dumps([
        {"report_date": "2023-11-10", "killed_cum": 11078},
        {"report_date": "2023-11-23", "ext_killed_cum": 14854},
        {"report_date": "2024-01-10", "killed_cum": 23210},
        {"report_date": "2024-02-29", "killed_cum": 30035},
        {"report_date": "2024-05-03", "killed_cum": 34622},
    ]), encoding="utf-8")
    return path


def _json(*args):
    r = run(*args)
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


# --- storyline figures ------------------------------------------------------------------------------------

def test_list_json_with_filters(db):
    rows = _json("figures", "--db", db, "--json", "--limit", "0")
    assert len(rows) == len(FIGURES)
    first = rows[0]
    assert {"value_text", "measure", "source", "modality", "doc_ref", "outlet", "doc_date", "sentence", "start", "end"} <= set(first)
    killed = _json("figures", "--db", db, "--json", "--measure", "person.killed", "--limit", "0")
    assert killed and {r["measure"] for r in killed} == {"person.killed"}
    assert [r["time_end"] for r in killed] == sorted(r["time_end"] for r in killed)
    hm = _json("figures", "--db", db, "--json", "--source", "health ministry", "--since", "2024-01-01", "--limit", "0")
    assert {r["value_text"] for r in hm} == {"more than 23,200", "21,000", "more than 30,000", "more than 34,600"}
    proposed = _json("figures", "--db", db, "--json", "--modality", "proposed")
    assert sorted(r["value_text"] for r in proposed) == ["33", "about 40"]
    unique = _json("figures", "--db", db, "--json", "--unique", "--limit", "0")
    assert len(unique) == len(FIGURES) - 2 and not any(r["doc_ref"] == "ex-wire-003" for r in unique)
    s = next(r for r in rows if r["value_text"] == "more than 34,600")
    assert s["sentence"] == "The Hamas-run health ministry says more than 34,600 Palestinians have been killed in Gaza."


def test_list_table_and_csv(db):
    r = run("figures", "--db", db, "--measure", "hostage.held")
    assert r.exit_code == 0, r.output
    assert "hostage.held" in r.output and "about 130" in r.output and "Israeli officials" in r.output
    r = run("figures", "--db", db, "--csv", "--measure", "hostage.taken")
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [x["value_text"] for x in rows] == ["about 240", "252", "253"]
    assert rows[0]["doc_ref"] == "ex-wire-001" and rows[0]["sentence"].startswith("Israel says about 240 people")


def test_usage_errors_exit_2(db, tmp_path):
    assert run("figures", "--db", db, "--since", "last week").exit_code == 2
    assert run("figures", "--db", db, "--modality", "rumoured").exit_code == 2
    assert run("figures", "--db", db, "--json", "--csv").exit_code == 2
    assert run("figures", "series", "person.killed", "--db", db, "--by", "outlet").exit_code == 2
    assert run("figures", "conflicts", "--db", db, "--window", "fortnight").exit_code == 2
    assert run("figures", "reference", str(tmp_path / "nope.json"), "--db", db).exit_code == 2
    assert run("figures", "series", "--db", db).exit_code == 2  # MEASURE is required


def test_missing_store_exits_1(tmp_path):
    r = run("figures", "--db", f"sqlite:///{tmp_path / 'none.db'}")
    assert r.exit_code == 1 and "no store" in r.output


# --- series ------------------------------------------------------------------------------------------------

def test_series_json_orders_by_time_and_counts_copies_once(db):
    [s] = _json("figures", "series", "person.killed", "--db", db, "--json", "--place", "Gaza")
    assert [p["value_text"] for p in s["points"]] == ["more than 11,000", "about 15,000", "more than 23,200", "21,000", "more than 34,600"]
    everything = _json("figures", "series", "person.killed", "--db", db, "--json")
    [all_killed] = everything
    thirty = [p for p in all_killed["points"] if p["value_text"] == "more than 30,000"]
    assert len(thirty) == 1 and thirty[0]["sources"] == 2
    assert {thirty[0]["citation"]["doc_ref"], thirty[0]["also"][0]["doc_ref"]} == {"cb-digest-001", "ex-wire-003"}
    assert all_killed["first"] == "2023-10-07" and all_killed["last"] == "2024-05-04"


def test_series_lists_proposals_separately_and_splits(db):
    [s] = _json("figures", "series", "hostage.released", "--db", db, "--json")
    assert s["points"] == [] and sorted(p["value_text"] for p in s["other"]) == ["33", "about 40"]
    split = _json("figures", "series", "hostage.held", "--db", db, "--json", "--by", "place")
    assert sorted((x["place"] or "", x["count"]) for x in split) == [("", 2), ("Gaza", 1)]


def test_series_chart_and_csv(db):
    r = run("figures", "series", "person.killed", "--db", db, "--place", "Gaza", "--width", "20")
    assert r.exit_code == 0, r.output
    assert "█" in r.output and "more than 34,600" in r.output and "Hamas-run" in r.output and "+ more than" in r.output
    lines = [ln for ln in r.output.splitlines() if "█" in ln]
    assert len(lines) == 5
    r = run("figures", "series", "hostage.taken", "--db", db, "--csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [x["value"] for x in rows] == ["240.0", "252.0", "253.0"] and rows[0]["series_measure"] == "hostage.taken"
    r = run("figures", "series", "tent.delivered", "--db", db)
    assert r.exit_code == 0 and "no figures" in r.output


# --- conflicts, revisions, anomalies -------------------------------------------------------------------------

def test_conflicts_revisions_anomalies_json(db):
    out = _json("figures", "conflicts", "--db", db, "--json")
    assert out["counts"] == {"conflicts": 1, "revisions": 1, "anomalies": 1}
    [c] = out["conflicts"]
    assert c["measure"] == "hostage.taken" and c["window"] == "2023-10-07" and c["values"] == ["about 240", "252", "253"]
    cits = {f["citation"]["doc_ref"]: f["citation"] for f in c["figures"]}
    assert set(cits) == {"ex-wire-001", "ex-wire-006"}
    assert cits["ex-wire-001"]["sentence"].startswith("Israel says about 240") and cits["ex-wire-001"]["end"] > cits["ex-wire-001"]["start"]
    [r] = out["revisions"]
    assert r["source"] == "A foreign ministry spokesman" and r["measure"] == "person.killed"
    assert [(ch["from"], ch["to"]) for ch in r["changes"]] == [("1,400", "about 1,200")]
    kinds = {a["kind"]: a for a in out["anomalies"]}
    fall = kinds["falling_total"]
    assert fall["earlier"]["value_text"] == "more than 23,200" and fall["later"]["value_text"] == "21,000"
    assert fall["later"]["citation"]["doc_ref"] == "t-jan12"
    # the t-jan12 tally is dated 10 January in a 12 January document: not stale; none here is over 30 days
    stale = kinds["stale"] if "stale" in kinds else None
    assert stale is None or stale["gap_days"] > 30


def test_conflicts_options_and_text(db):
    out = _json("figures", "conflicts", "--db", db, "--json", "--measure", "hostage", "--stale-days", "1")
    assert out["counts"]["conflicts"] == 1 and out["counts"]["revisions"] == 0
    stale = [a for a in out["anomalies"] if a["kind"] == "stale"]
    assert [(a["figure"]["value_text"], a["gap_days"], a["repeated_in"]["doc_ref"]) for a in stale] == [("132", 2, "t-jan12")]
    r = run("figures", "conflicts", "--db", db)
    assert r.exit_code == 0, r.output
    for bit in ("1 conflicts", "1 revisions", "about 240 vs 252 vs 253", "1,400 → about 1,200", "falling total", "ex-wire-006"):
        assert bit in r.output


# --- reference ------------------------------------------------------------------------------------------------

def test_reference_json_gaps_and_summary(db, ref_json):
    out = _json("figures", "reference", str(ref_json), "--db", db, "--json")
    rows = {r["value_text"]: r for r in out["rows"]}
    assert list(rows) == ["more than 11,000", "about 15,000", "more than 23,200", "21,000", "more than 30,000", "more than 34,600"]
    assert rows["more than 11,000"]["reference_date"] == "2023-11-10" and rows["more than 11,000"]["within"] is True
    assert rows["about 15,000"]["reference"] == 14854 and rows["about 15,000"]["within"] is True  # ext_ fallback
    assert rows["21,000"]["gap"] == -2210 and rows["21,000"]["gap_pct"] == pytest.approx(-9.522, abs=1e-3) and rows["21,000"]["within"] is False
    assert rows["more than 34,600"]["reference_date"] == "2024-05-03" and rows["more than 34,600"]["within"] is True
    assert rows["more than 30,000"]["also"]  # the syndicated copy, counted once
    s = out["summary"]
    assert s["compared"] == 6 and s["within"] == 5 and s["within_pct"] == pytest.approx(83.3)
    r = run("figures", "reference", str(ref_json), "--db", db)
    assert r.exit_code == 0 and "6 figures compared, 83.3% within 2%" in r.output


def test_reference_options_csv_and_errors(db, tmp_path):
    path = tmp_path / "ref.csv"
    path.write_text("day,deaths\n2024-01-01,23000\n2024-05-01,34650\n", encoding="utf-8")
    r = run("figures", "reference", str(path), "--db", db, "--csv", "--date-field", "day", "--value-field", "deaths")
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [x["value_text"] for x in rows][:2] == ["more than 11,000", "about 15,000"] and rows[0]["reference"] == ""
    assert rows[-1]["reference"] == "34650.0" and rows[-1]["within"] == "True"
    assert run("figures", "reference", str(path), "--db", db, "--value-field", "nope").exit_code == 2
    idf = _json("figures", "reference", str(path), "--db", db, "--json", "--date-field", "day", "--value-field", "deaths",
                "--source", "foreign ministry", "--place", "")
    assert [r["value_text"] for r in idf["rows"]] == ["1,400", "about 1,200"] or [r["value_text"] for r in idf["rows"]] == ["about 1,200", "1,400"]
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", encoding="utf-8")
    assert run("figures", "reference", str(bad), "--db", db).exit_code == 1


def test_reference_against_the_real_series(db, shared):
    path = shared("reference", "gaza_casualties_daily.json")
    out = _json("figures", "reference", str(path), "--db", db, "--json")
    rows = {r["value_text"]: r for r in out["rows"]}
    assert out["summary"]["compared"] == 6
    assert rows["more than 34,600"]["within"] is True and rows["more than 34,600"]["reference"] >= 34600
    assert rows["21,000"]["within"] is False
    assert rows["more than 30,000"]["within"] is True
    assert out["summary"]["median_abs_gap_pct"] < 2
