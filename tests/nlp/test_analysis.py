"""The language layer over stored documents: offsets, entities, time values, numbers, incremental runs."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from conftest import PROJECT
from storyline.cli import app
from storyline.nlp.analysis import DocInput, analyze, load_doc
from storyline.pipeline.analyze import run_analyze
from storyline.pipeline.ingest import ingest
from storyline.store import analyses
from storyline.store.db import open_engine
from storyline.store.documents import get_document


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory, request):
    from conftest import shared_path

    engine = open_engine(f"sqlite:///{tmp_path_factory.mktemp('an') / 'a.db'}")
    ingest(engine, [str(shared_path("corpus", "seeds")), str(PROJECT / "examples" / "wire.jsonl")])
    summary = run_analyze(engine, processes=2)
    return engine, summary


def stored(engine, ref):
    with engine.connect() as conn:
        doc = get_document(conn, ref)
        return doc, analyses.load(conn, doc["id"])


def test_all_documents_analysed_with_valid_offsets(seeds_store):
    engine, summary = seeds_store
    assert summary.failed == 0 and summary.analyzed == 11
    doc, a = stored(engine, "000_447387a8212f7f48.txt")
    text = doc["text"]
    sents = a["sentences"]
    assert sents[0]["start"] == 0 and sents[-1]["end"] <= len(text)
    assert all(s["start"] < s["end"] <= n["start"] for s, n in zip(sents, sents[1:]))
    for table in ("entities", "timexes", "numbers"):
        for row in a[table]:
            assert text[row["start"]:row["end"]] == row["text"]
            s = sents[row["sent"]]
            assert s["start"] <= row["start"] < s["end"]


def test_time_expressions_resolved_against_publication_date(seeds_store):
    engine, _ = seeds_store
    _, a = stored(engine, "000_447387a8212f7f48.txt")
    values = {t["text"]: t["value"] for t in a["timexes"]}
    assert values["Wednesday"] == "2024-01-10"
    assert values["tomorrow"] == "2024-01-11"
    assert values["yesterday"] == "2024-01-09"
    assert values["October 7"] == "2023-10-07"
    _, a3 = stored(engine, "003_6b9a36644d0bf8d6.txt")
    may3 = next(t for t in a3["timexes"] if t["text"] == "May 3")
    assert may3["first_day"] == may3["last_day"] == "2024-05-03"


def test_undated_document_leaves_relative_dates_unresolved(seeds_store):
    engine, _ = seeds_store
    _, a = stored(engine, "002_ac21ed3f2fa6be03.txt")
    friday = [t for t in a["timexes"] if t["text"].lower().endswith("friday")]
    assert friday and all(not t["value"][:4].isdigit() for t in friday)


def test_numbers_and_entities(seeds_store):
    engine, _ = seeds_store
    _, a = stored(engine, "003_6b9a36644d0bf8d6.txt")
    toll = next(n for n in a["numbers"] if n["value"] == 34600)
    assert toll["qualifier"] == "over" and toll["kind"] == "count" and toll["text"] == "More than 34,600"
    labels = {(e["text"], e["label"]) for e in a["entities"]}
    assert ("Cairo", "GPE") in labels and any(t == "William Burns" and l == "PERSON" for t, l in labels)


def test_parse_is_stored_not_redone(seeds_store):
    engine, _ = seeds_store
    doc, _ = stored(engine, "001_35c8d1d218ca1f2e.txt")
    with engine.connect() as conn:
        parsed = load_doc(analyses.docbin(conn, doc["id"]))
    assert parsed.text == doc["text"] and parsed.has_annotation("DEP") and parsed[0].lemma_


def test_incremental(seeds_store, tmp_path):
    engine, _ = seeds_store
    again = run_analyze(engine, processes=1)
    assert again.analyzed == 0
    ingest(engine, [str(PROJECT / "examples" / "digest.csv")])
    more = run_analyze(engine, processes=1)
    assert more.analyzed == 3


def test_analyze_command(tmp_path):
    db = f"sqlite:///{tmp_path / 'c.db'}"
    runner = CliRunner()
    runner.invoke(app, ["ingest", str(PROJECT / "examples" / "wire.jsonl"), "--db", db])
    r = runner.invoke(app, ["analyze", "--db", db, "--json", "-p", "1"])
    assert r.exit_code == 0, r.output
    import json

    data = json.loads(r.stdout)
    assert data["analyzed"] == 6 and data["sentences"] > 30 and data["timexes"] > 5
    assert json.loads(runner.invoke(app, ["analyze", "--db", db, "--json"]).stdout)["analyzed"] == 0


def test_in_memory_analysis_without_a_store():
    (a,) = analyze([DocInput("x", "Hamas said on Friday it had freed 13 hostages. Talks resume in Doha next week.", "2023-11-25")])
    assert len(a.sentences) == 2
    assert [t.value for t in a.timexes] == ["2023-11-24", "2023-W48"]
    assert a.numbers[0].value == 13 and a.numbers[0].sent == 0


def test_extraction_changes_rerun_from_the_stored_parse(seeds_store):
    """When only the extraction version changes, figures are redone without parsing again."""
    from sqlalchemy import func, select, update

    from storyline.pipeline.analyze import STORED_VERSION
    from storyline.store.schema import analyses as analyses_table
    from storyline.store.schema import figures

    engine, _ = seeds_store
    with engine.begin() as conn:
        before = conn.scalar(select(func.count()).select_from(figures))
        conn.execute(update(analyses_table).values(version=STORED_VERSION - 1))
    again = run_analyze(engine, processes=1)
    assert again.analyzed == 0 and again.reextracted == 14 and again.sentences == 0
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(figures)) == before > 0
