"""The CLI as a user runs it: ingest, docs, show, stats; --json; exit codes 0, 1, 2."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import PROJECT
from storyline.cli import app

runner = CliRunner()
EXAMPLES = str(PROJECT / "examples")


@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'cli.db'}"


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


def test_ingest_examples_json_summary_and_exit_0(db):
    r = run("ingest", EXAMPLES, "--db", db, "--json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["totals"]["read"] == 34 and data["totals"]["failed"] == 0
    assert set(data["by_format"]) == {"csv", "feed", "html", "jsonl", "markdown", "scraped", "text", "transcript", "warc"}
    again = json.loads(run("ingest", EXAMPLES, "--db", db, "--json").stdout)
    assert again["totals"]["unchanged"] == 34


def test_ingest_with_failures_exits_1_and_lists_them(db, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok.txt").write_text(" date 2024-02-06 Talks resumed in Cairo.", encoding="utf-8")
    (tmp_path / "in" / "bad.jsonl").write_text('{"id": 1, "text": "x"\n', encoding="utf-8")
    r = run("ingest", str(tmp_path / "in"), "--db", db)
    assert r.exit_code == 1
    assert "bad.jsonl:1: malformed JSON line" in r.output
    assert "total" in r.output


def test_usage_errors_exit_2(db):
    assert run("ingest", EXAMPLES, "--db", db, "--format", "pdf").exit_code == 2
    assert run("ingest", EXAMPLES, "--db", db, "--map", "nonsense").exit_code == 2
    assert run("docs", "--db", db, "--since", "last tuesday").exit_code == 2
    assert run("nosuchcommand").exit_code == 2


def test_docs_filters_and_json(db):
    run("ingest", EXAMPLES, "--db", db)
    rows = json.loads(run("docs", "--db", db, "--json", "--since", "2024-01-01", "--kind", "article", "--limit", "0").stdout)
    assert rows and all(r["pub_date"] >= "2024-01-01" and r["kind"] == "article" for r in rows)
    unique = json.loads(run("docs", "--db", db, "--json", "--unique", "--limit", "0").stdout)
    everything = json.loads(run("docs", "--db", db, "--json", "--limit", "0").stdout)
    assert len(unique) == len(everything) - 1
    table = run("docs", "--db", db, "--outlet", "harbor")
    assert table.exit_code == 0 and "Harbor" in table.output


def test_show_by_ref_and_id_prefix(db):
    run("ingest", EXAMPLES, "--db", db)
    by_ref = json.loads(run("show", "scraped-hamas-accepts-proposal-rafah.txt", "--db", db, "--json").stdout)
    assert by_ref["furniture"] and "Leave a Reply" in by_ref["furniture"] and "original" not in by_ref
    by_id = json.loads(run("show", by_ref["id"][:8], "--db", db, "--json", "--original").stdout)
    assert by_id["id"] == by_ref["id"] and "Leave a Reply" in by_id["original"]
    text = run("show", "ex-wire-003", "--db", db)
    assert text.exit_code == 0 and "removed furniture" not in text.output
    missing = run("show", "nope", "--db", db)
    assert missing.exit_code == 1 and "no document" in missing.output


def test_stats(db):
    run("ingest", EXAMPLES, "--db", db)
    data = json.loads(run("stats", "--db", db, "--json").stdout)
    assert data["documents"] == 34 and data["duplicates"] == 1 and data["by_kind"]["transcript"] >= 2
    assert run("stats", "--db", db).exit_code == 0


def test_stdin_ingest(db):
    r = run("ingest", "-", "--db", db, "--json", input=" date 2024-02-06 Talks resumed in Cairo on Tuesday.")
    assert json.loads(r.stdout)["totals"]["new"] == 1


def test_missing_store_is_a_clear_error(tmp_path):
    r = run("docs", "--db", str(tmp_path / "none.db"))
    assert r.exit_code == 1 and "no store at" in r.output
