"""All of ../shared/corpus through the real ingest path: no crash, metadata coverage, no false duplicate pairs."""

from __future__ import annotations


import pytest

from conftest import shared_path
from storyline.pipeline.ingest import ingest
from storyline.store.db import open_engine
from storyline.store.documents import DocFilter, get_document, query_documents

# Pairs found in bbc.jsonl, each read by hand: the same story (the corpus README's near duplicates,
# and live-page posts that reprint part of an article or an earlier post of the same day).
SAME_STORY = {
    frozenset(p)
    for p in [
        ("bbc-article-1691", "bbc-article-1692"), ("bbc-article-1751", "bbc-article-1752"),
        ("bbc-article-1832", "bbc-article-1835"), ("bbc-article-1836", "bbc-article-1837"),
        ("bbc-live-10924", "bbc-live-9643"), ("bbc-live-8564", "bbc-live-9749"), ("bbc-live-8886", "bbc-live-9230"),
        ("bbc-live-9298", "bbc-article-1731"), ("bbc-live-10606", "bbc-live-10273"), ("bbc-live-8352", "bbc-live-8371"),
        ("bbc-live-9125", "bbc-live-8655"), ("bbc-live-9911", "bbc-live-9883"), ("bbc-live-9640", "bbc-live-10886"),
        ("bbc-live-9650", "bbc-live-10877"), ("bbc-live-10048", "bbc-article-1904"), ("bbc-live-10016", "bbc-live-9975"),
        ("bbc-live-10600", "bbc-live-9991"), ("bbc-live-9072", "bbc-article-2477"),
        ("bbc-live-8620", "bbc-csv-375"),  # a January post reprinting the background of a November explainer
    ]
}
README_PAIRS = {
    frozenset(p) for p in [("bbc-article-1691", "bbc-article-1692"), ("bbc-article-1751", "bbc-article-1752"),
                           ("bbc-article-1832", "bbc-article-1835"), ("bbc-article-1836", "bbc-article-1837"),
                           ("bbc-live-10924", "bbc-live-9643"), ("bbc-live-8564", "bbc-live-9749"),
                           ("bbc-live-8886", "bbc-live-9230")]
}


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    corpus = shared_path("corpus")
    engine = open_engine(f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'corpus.db'}")
    summary = ingest(engine, [str(corpus)])
    return engine, summary, corpus


def test_whole_corpus_ingests_without_errors(corpus_store):
    engine, summary, corpus = corpus_store
    assert summary.errors == []
    expected = 5 + 4499 + 1720 + 408
    assert summary.totals["read"] == expected
    assert summary.totals["new"] + summary.totals["duplicate"] + summary.totals["unchanged"] == expected


def test_outlet_and_date_coverage(corpus_store):
    engine, _, corpus = corpus_store
    with engine.connect() as conn:
        rows = list(query_documents(conn, DocFilter(), ["ref", "format", "outlet", "pub_date", "published"]))
    carried = [r for r in rows if r["ref"] != "002_ac21ed3f2fa6be03.txt"]  # the one source with no date
    dated = sum(1 for r in carried if r["pub_date"]) / len(carried)
    with_outlet = sum(1 for r in rows if r["outlet"]) / len(rows)
    assert dated >= 0.99 and with_outlet >= 0.99, (dated, with_outlet)
    by_ref = {r["ref"]: r for r in rows}
    assert by_ref["002_ac21ed3f2fa6be03.txt"]["pub_date"] is None
    assert [by_ref[f"00{i}_{h}.txt"]["pub_date"] for i, h in ((0, "447387a8212f7f48"), (1, "35c8d1d218ca1f2e"),
            (3, "6b9a36644d0bf8d6"), (4, "ca11e6ccf9581cca"))] == ["2024-01-10", "2023-11-30", "2024-05-04", "2024-03-31"]
    # rss dates keep their time of day; White House documents their Eastern-time timestamp
    rss = next(r for r in rows if r["ref"].startswith("rss-"))
    assert "T" in rss["published"]


def test_no_two_different_bbc_stories_paired(corpus_store):
    engine, _, _ = corpus_store
    with engine.connect() as conn:
        rows = list(query_documents(conn, DocFilter(), ["id", "ref", "duplicate_of"]))
    ref_of = {r["id"]: r["ref"] for r in rows}
    pairs = {frozenset((r["ref"], ref_of[r["duplicate_of"]])) for r in rows
             if r["duplicate_of"] and r["ref"].startswith("bbc-")}
    assert pairs - SAME_STORY == set()
    assert README_PAIRS <= pairs


def test_seed_transcript_stored_with_metadata(corpus_store):
    engine, _, _ = corpus_store
    with engine.connect() as conn:
        doc = get_document(conn, "004_ca11e6ccf9581cca.txt")
    assert doc["kind"] == "transcript" and doc["outlet"] == "DW News" and doc["meta"]["video_id"] == "wyqHuhmsA28"
    assert "<doc>" in doc["original"] and len(doc["text"]) > 3000
