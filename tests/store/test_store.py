"""The store: migrations, idempotent ingest, whole-or-nothing documents, SQLite and PostgreSQL."""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, func, select, text

from conftest import PROJECT
from storyline.pipeline.ingest import ingest
from storyline.store import documents as store_docs
from storyline.store.db import open_engine, resolve_url
from storyline.store.documents import DocFilter, get_document, query_documents, stats
from storyline.store.schema import doc_bands, documents

EXAMPLES = str(PROJECT / "examples")


def pg_url() -> str:
    url = os.environ.get("STORYLINE_TEST_PG_URL")
    if not url:
        if os.environ.get("CI") or os.environ.get("STORYLINE_REQUIRE_SHARED") == "1":
            pytest.fail("STORYLINE_TEST_PG_URL is not set (.ci/run starts PostgreSQL)")
        pytest.skip("no PostgreSQL server (set STORYLINE_TEST_PG_URL)")
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    if request.param == "sqlite":
        yield open_engine(f"sqlite:///{tmp_path / 'store.db'}")
        return
    base = pg_url()
    schema = f"t_{uuid.uuid4().hex[:10]}"
    admin = create_engine(resolve_url(base))
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    eng = open_engine(resolve_url(base) + f"?options=-csearch_path%3D{schema}")
    yield eng
    eng.dispose()
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


def count(engine, table=documents) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(table))


def test_ingest_examples_and_reingest_is_idempotent(engine):
    first = ingest(engine, [EXAMPLES])
    assert first.errors == []
    totals = first.totals
    assert totals["read"] == 34 and totals["new"] + totals["duplicate"] == 34 and totals["duplicate"] >= 1
    n_docs, n_bands = count(engine), count(engine, doc_bands)
    again = ingest(engine, [EXAMPLES])
    assert again.totals["unchanged"] == 34 and again.totals["new"] == 0
    assert (count(engine), count(engine, doc_bands)) == (n_docs, n_bands)


def test_syndicated_copy_linked_to_original(engine):
    ingest(engine, [EXAMPLES])
    with engine.connect() as conn:
        a = get_document(conn, "ex-wire-003")
        b = get_document(conn, "cb-digest-001")
    linked = [d for d in (a, b) if d["duplicate_of"]]
    assert len(linked) == 1 and linked[0]["duplicate_kind"] == "near"
    assert linked[0]["duplicate_of"] in (a["id"], b["id"])
    with engine.connect() as conn:
        s = stats(conn)
    assert s["unique"] == s["documents"] - s["duplicates"] and s["duplicates"] >= 1


def test_document_stored_whole_or_not_at_all(engine, monkeypatch):
    """A failure while writing one document's band keys leaves no trace of it; the others are stored."""
    real = store_docs.insert_document

    def flaky(conn, doc, keys, *args, **kwargs):
        if doc.ref == "ex-wire-004":
            real(conn, doc, keys, *args, **kwargs)  # the row goes in ...
            conn.execute(doc_bands.insert(), [{"doc_id": "no-such-doc", "band": 0, "key": 1}])  # ... then a FK violation
        else:
            real(conn, doc, keys, *args, **kwargs)

    monkeypatch.setattr(store_docs, "insert_document", flaky)
    summary = ingest(engine, [os.path.join(EXAMPLES, "wire.jsonl")])
    assert summary.totals["failed"] == 1 and "not stored" in summary.errors[0]
    with engine.connect() as conn:
        refs = {r["ref"] for r in query_documents(conn, DocFilter(), ["ref"])}
        orphans = conn.scalar(select(func.count()).select_from(doc_bands).where(doc_bands.c.doc_id == "no-such-doc"))
    assert "ex-wire-004" not in refs and {"ex-wire-001", "ex-wire-005", "ex-wire-006"} <= refs and orphans == 0


def test_bad_input_leaves_stored_documents_untouched(engine, tmp_path):
    ingest(engine, [EXAMPLES])
    with engine.connect() as conn:
        before = {r["id"]: r for r in query_documents(conn, DocFilter(), ["id", "text", "duplicate_of"])}
    (tmp_path / "bad.jsonl").write_bytes(b'{"id": "ex-wire-001", "text": "broken\n')
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 10)
    summary = ingest(engine, [str(tmp_path)])
    assert summary.totals["failed"] == 2
    with engine.connect() as conn:
        after = {r["id"]: r for r in query_documents(conn, DocFilter(), ["id", "text", "duplicate_of"])}
    assert after == before


def test_filters(engine):
    ingest(engine, [EXAMPLES])
    with engine.connect() as conn:
        rows = list(query_documents(conn, DocFilter(since="2024-01-01", until="2024-03-31"), ["pub_date"]))
        assert rows and all("2024-01-01" <= r["pub_date"] <= "2024-03-31" for r in rows)
        kinds = {r["kind"] for r in query_documents(conn, DocFilter(kind="transcript"), ["kind"])}
        assert kinds == {"transcript"}
        outlets = {r["outlet"] for r in query_documents(conn, DocFilter(outlet="meridian"), ["outlet"])}
        assert outlets and all("Meridian" in o for o in outlets)


def test_default_url_and_env(monkeypatch, tmp_path):
    monkeypatch.delenv("STORYLINE_DB", raising=False)
    assert resolve_url(None) == "sqlite:///storyline.db"
    monkeypatch.setenv("STORYLINE_DB", str(tmp_path / "x.db"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'x.db'}"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"


def test_analysis_and_figures_round_trip(engine):
    """The language layer and the figures ledger store and read back on both databases."""
    from storyline.pipeline.analyze import run_analyze
    from storyline.store import analyses
    from storyline.store.figures import FigureFilter, query_figures

    ingest(engine, [os.path.join(EXAMPLES, "wire.jsonl")])
    summary = run_analyze(engine, processes=1)
    assert summary.analyzed == 6 and summary.failed == 0 and summary.figures > 10
    with engine.connect() as conn:
        doc = get_document(conn, "ex-wire-006")
        stored = analyses.load(conn, doc["id"])
        figs = list(query_figures(conn, FigureFilter(doc_id=doc["id"])))
    assert stored["sentences"] and stored["timexes"] and stored["numbers"]
    toll = next(f for f in figs if f["value"] == 34600)
    assert toll["measure"] == "person.killed" and toll["qualifier"] == "over"
    assert doc["text"][toll["start"]:toll["end"]] == toll["value_text"]
    assert toll["sentence"].startswith(toll["value_text"]) or toll["value_text"] in toll["sentence"]


def test_events_and_actor_mentions_round_trip(engine):
    """Events (JSON participant lists) and actor mentions store, filter and read back on both databases."""
    from storyline.pipeline.analyze import run_analyze
    from storyline.store.events import EventFilter, count, query_events, query_mentions

    ingest(engine, [os.path.join(EXAMPLES, "wire.jsonl")])
    summary = run_analyze(engine, processes=1)
    assert summary.events > 0 and summary.actor_mentions > 0
    with engine.connect() as conn:
        assert count(conn) == (summary.events, summary.actor_mentions)
        rows = list(query_events(conn, EventFilter(dated_only=True)))
        mentions = list(query_mentions(conn))
        retreats = list(query_events(conn, EventFilter(types=["retreat"])))
    assert rows and all(r["date_start"] for r in rows)
    assert [r["date_start"] for r in rows] == sorted(r["date_start"] for r in rows)
    assert all(isinstance(r["actors"], list) and r["sentence"] for r in rows)
    assert all(r["type"] == "RETREAT" for r in retreats)
    assert any(m.actor == "org:hamas" for m in mentions)
