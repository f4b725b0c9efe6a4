"""`storyline events`, `actors` and `timeline` on the project's example corpus, analysed for real."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import PROJECT
from storyline.cli import app
from storyline.extract.event_confidence import threshold as threshold_of_model
from storyline.pipeline.analyze import run_analyze
from storyline.pipeline.ingest import ingest
from storyline.store.db import open_engine
from storyline.store.documents import get_document

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('events')}/ex.db"
    engine = open_engine(url)
    ingest(engine, [str(PROJECT / "examples")])
    summary = run_analyze(engine, processes=1)
    assert summary.failed == 0 and summary.events > 0 and summary.actor_mentions > 0
    return url


def run(*args: str):
    return runner.invoke(app, list(args))


def test_events_json_carries_true_citations(db):
    res = run("events", "--db", db, "--json")
    assert res.exit_code == 0, res.output
    events = json.loads(res.output)
    assert events
    engine = open_engine(db)
    with engine.connect() as conn:
        for ev in events[:40]:
            assert ev["type"] and ev["citations"]
            for c in ev["citations"]:
                doc = get_document(conn, c["doc_id"])
                assert doc["text"][c["sentence_start"]:c["sentence_end"]].strip() == c["sentence"]
                assert doc["text"][c["start"]:c["end"]] == c["trigger"]


def test_events_filters(db):
    res = run("events", "--db", db, "--json", "--type", "retreat", "--since", "2023-11-01", "--until", "2023-12",
              "--min-confidence", "0")
    assert res.exit_code == 0, res.output
    events = json.loads(res.output)
    assert events and all(e["type"] == "RETREAT" for e in events)
    assert all("2023-11-01" <= e["date_end"] and e["date_start"] <= "2023-12-31" for e in events)
    releases = [e for e in events if e["mode"] == "release"]
    assert releases, "the example corpus reports hostage releases during the truce"
    res = run("events", "--db", db, "--json", "--actor", "Hamas")
    assert res.exit_code == 0
    assert all("org:hamas" in e["actors"] + e["recipients"] for e in json.loads(res.output))


def test_events_default_to_the_confident_ones(db):
    every = json.loads(run("events", "--db", db, "--json", "--min-confidence", "0").output)
    assert every and all(0.0 <= e["confidence"] <= 1.0 for e in every)
    default = json.loads(run("events", "--db", db, "--json").output)
    threshold = threshold_of_model()
    assert {e["id"] for e in default} == {e["id"] for e in every if e["confidence"] >= threshold}
    assert len(default) < len(every), "some coded events are too unsure to list by default"
    res = run("events", "--db", db)
    assert f"{len(every) - len(default)} less likely right" in " ".join(res.output.split())
    assert run("events", "--db", db, "--min-confidence", "1.5").exit_code == 2


def test_bad_options_exit_2_with_one_line(db, tmp_path):
    res = run("events", "--db", db, "--type", "HUGGING")
    assert res.exit_code == 2 and "unknown event type" in res.output
    res = run("timeline", "--db", db, "--since", "last week")
    assert res.exit_code == 2
    for command, value in (("events", "2024-13-45"), ("timeline", "2024-02-30")):  # shaped like a date, but none
        res = run(command, "--db", db, "--until", value)
        assert res.exit_code == 2 and "expects a date" in res.output and len(res.output.strip().splitlines()) == 1
    res = run("actors", "--db", db, "--actors-file", str(tmp_path / "missing.yaml"))
    assert res.exit_code == 2 and "missing.yaml" in res.output


def test_actors_registry_learns_people_and_bodies(db):
    res = run("actors", "--db", db, "--json", "--limit", "0")
    assert res.exit_code == 0, res.output
    actors = {a["id"]: a for a in json.loads(res.output)}
    assert actors["org:hamas"]["kind"] == "armed_group"
    assert actors["ISR"]["kind"] == "state"
    bibi = [a for a in actors.values() if a["name"].endswith("Netanyahu")]
    assert bibi and bibi[0]["kind"] == "person" and bibi[0]["role"] == "prime minister"
    assert {"Mr Netanyahu", "Prime Minister Benjamin Netanyahu"} <= set(bibi[0]["aliases"])


def test_actor_corrections_file_applies(db, tmp_path):
    fix = tmp_path / "fix.yaml"
    fix.write_text("actors:\n  org:hamas:\n    name: Harakat al-Muqawama al-Islamiya\n")
    res = run("actors", "hamas", "--db", db, "--json", "--actors-file", str(fix))
    assert res.exit_code == 0, res.output
    assert any(a["name"] == "Harakat al-Muqawama al-Islamiya" for a in json.loads(res.output))


def test_timeline_json_and_markdown(db):
    res = run("timeline", "--db", db, "--json", "--dates", "5", "--per-date", "2")
    assert res.exit_code == 0, res.output
    days = json.loads(res.output)
    assert 0 < len(days) <= 5
    assert [d["date"] for d in days] == sorted(d["date"] for d in days)
    assert all(1 <= len(d["events"]) <= 2 for d in days)
    res = run("timeline", "--db", db, "--md", "--dates", "5")
    assert res.exit_code == 0 and res.output.startswith("# Timeline")
    assert "## 20" in res.output


@pytest.mark.parametrize("content,reason", [
    ("actors:\n  org:hamas: [unclosed\n", "not valid YAML"),
    ("actors:\n  org:hamas: [1, 2]\n", "expected fields"),
    ("- just a list\n", "expected a mapping"),
    ('roles:\n  "QAT.government|prime minister": 3\n', "an actor id"),
    ("roles:\n  prime minister: person:x\n", "affiliation|role"),
])
def test_a_broken_corrections_file_is_one_line_naming_it(db, tmp_path, content, reason):
    fix = tmp_path / "fix.yaml"
    fix.write_text(content)
    res = run("actors", "--db", db, "--actors-file", str(fix))
    assert res.exit_code == 2
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and "fix.yaml" in lines[0] and reason in lines[0]


def test_timeline_reads_every_event_unless_narrowed(db):
    every = json.loads(run("timeline", "--db", db, "--json", "--dates", "0", "--per-date", "50").output)
    narrowed = json.loads(run("timeline", "--db", db, "--json", "--dates", "0", "--per-date", "50",
                              "--min-confidence", "0.9").output)
    n_every = sum(len(d["events"]) for d in every)
    n_narrowed = sum(len(d["events"]) for d in narrowed)
    assert n_narrowed < n_every
    assert all(e["confidence"] >= 0.9 for d in narrowed for e in d["events"])
