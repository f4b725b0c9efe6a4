"""Analyze: run the language layer and the per-document extractors over stored documents.

Worker processes each load spaCy once and turn chunks of documents into plain Analysis
records plus what the extractors find in them (figures, actor mentions, events); the parent
writes each document's results in its own savepoint (all or nothing).
"""

from __future__ import annotations

import multiprocessing as mp
import os
from dataclasses import dataclass, field
from typing import Callable

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from storyline.extract.actors import find_actors
from storyline.extract.events import extract_events
from storyline.extract.figures import extract_figures
from storyline.extract.records import ActorMention, Event, Figure
from storyline.nlp.analysis import VERSION, Analysis, DocInput, analyze_docs
from storyline.store import analyses as store
from storyline.store import events as event_store
from storyline.store import figures as figure_store

EXTRACT_VERSION = 54  # bump with changes to extraction; both versions together decide what is redone
STORED_VERSION = VERSION * 1000 + EXTRACT_VERSION


@dataclass
class AnalyzeSummary:
    analyzed: int = 0
    reextracted: int = 0  # documents whose figures were re-extracted from their stored parse
    failed: int = 0
    sentences: int = 0
    entities: int = 0
    timexes: int = 0
    numbers: int = 0
    figures: int = 0
    events: int = 0
    actor_mentions: int = 0
    restored: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, a: Analysis, found: "Extracted") -> None:
        self.analyzed += 1
        self.count(found)
        self.sentences += len(a.sentences)
        self.entities += len(a.entities)
        self.timexes += len(a.timexes)
        self.numbers += len(a.numbers)
        self.restored += int(a.restored)

    def count(self, found: "Extracted") -> None:
        self.figures += len(found.figures)
        self.events += len(found.events)
        self.actor_mentions += len(found.mentions)

    def to_dict(self) -> dict:
        return dict(vars(self))


@dataclass
class Extracted:
    """What the per-document extractors found in one parsed document."""

    figures: list[Figure]
    mentions: list[ActorMention]
    events: list[Event]


def extract_all(doc, doc_id: str, doc_date: str | None, sentences, entities, timexes, numbers, restored: bool) -> Extracted:
    figs = extract_figures(doc, doc_id, doc_date, numbers, timexes, sentences, restored=restored)
    mentions = find_actors(doc, doc_id, sentences, entities)
    evs = extract_events(doc, doc_id, doc_date, sentences, timexes, mentions)
    return Extracted(figs, mentions, evs)


def _save_extracted(conn, doc_id: str, found: Extracted) -> None:
    figure_store.replace_for_doc(conn, doc_id, found.figures)
    event_store.replace_for_doc(conn, doc_id, found.events, found.mentions)


def _process(chunk: list[DocInput]) -> list[tuple[Analysis, Extracted]]:
    out = []
    for item, (a, doc) in zip(chunk, analyze_docs(chunk)):
        out.append((a, extract_all(doc, item.id, item.date, a.sentences, a.entities, a.timexes, a.numbers, a.restored)))
    return out


def _work(chunk: list[DocInput]) -> list[tuple[Analysis, Extracted] | tuple[str, str]]:
    try:
        return _process(chunk)
    except Exception:  # find the document that fails, analyse the rest
        out: list = []
        for item in chunk:
            try:
                out.extend(_process([item]))
            except Exception as err:
                out.append((item.id, f"{item.ref or item.id}: analysis failed: {type(err).__name__}: {err}"))
        return out


def default_processes() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def run_analyze(
    engine: Engine,
    *,
    processes: int | None = None,
    chunk_size: int = 16,
    page_size: int = 512,
    on_progress: Callable[[int], None] | None = None,
    reanalyze: bool = False,
) -> AnalyzeSummary:
    """Analyse every stored document that has no analysis at the current version."""
    summary = AnalyzeSummary() if reanalyze else run_extract(engine, on_progress)
    processes = processes or default_processes()
    failed: set[str] = set()
    if reanalyze:  # mark every analysis stale; each document's rows are replaced as it is redone
        from sqlalchemy import update

        from storyline.store.schema import analyses

        with engine.begin() as conn:
            conn.execute(update(analyses).values(version=-1))
    pool = mp.get_context("fork").Pool(processes) if processes > 1 else None
    try:
        while True:
            with engine.connect() as conn:
                page = store.pending(conn, STORED_VERSION, page_size, failed)
            if not page:
                break
            chunks = [page[i : i + chunk_size] for i in range(0, len(page), chunk_size)]
            results = pool.imap(_work, chunks) if pool else map(_work, chunks)
            for chunk_result in results:
                _save_chunk(engine, chunk_result, summary, failed)
                if on_progress:
                    on_progress(len(chunk_result))
    finally:
        if pool:
            pool.close()
            pool.join()
    return summary


def run_extract(engine: Engine, on_progress: Callable[[int], None] | None = None) -> AnalyzeSummary:
    """Re-run extraction from stored parses where only the extraction version changed (no parsing)."""
    from sqlalchemy import select, update

    from storyline.nlp.analysis import EntityRec, NumberRec, SentenceRec, TimexRec, load_doc
    from storyline.store.schema import analyses, documents

    summary = AnalyzeSummary()
    with engine.connect() as conn:
        todo = conn.execute(
            select(analyses.c.doc_id, documents.c.pub_date)
            .join(documents, documents.c.id == analyses.c.doc_id)
            .where(analyses.c.version != STORED_VERSION, (analyses.c.version // 1000) == VERSION)
        ).all()
    for start in range(0, len(todo), 200):
        with engine.connect() as conn, conn.begin():
            for doc_id, pub_date in todo[start : start + 200]:
                rows = store.load(conn, doc_id)
                if rows is None or rows["version"] // 1000 != VERSION:
                    continue
                parsed = load_doc(store.docbin(conn, doc_id))
                sents = [SentenceRec(**r) for r in rows["sentences"]]
                nums = [NumberRec(**r) for r in rows["numbers"]]
                tims = [TimexRec(**r) for r in rows["timexes"]]
                ents = [EntityRec(**r) for r in rows["entities"]]
                found = extract_all(parsed, doc_id, pub_date, sents, ents, tims, nums, rows["restored"])
                with conn.begin_nested():
                    _save_extracted(conn, doc_id, found)
                    conn.execute(update(analyses).where(analyses.c.doc_id == doc_id).values(version=STORED_VERSION))
                summary.reextracted += 1
                summary.count(found)
        if on_progress:
            on_progress(len(todo[start : start + 200]))
    return summary


def _save_chunk(engine: Engine, results: list, summary: AnalyzeSummary, failed: set[str]) -> None:
    with engine.connect() as conn, conn.begin():
        for res in results:
            if isinstance(res[0], str):
                failed.add(res[0])
                summary.failed += 1
                summary.errors.append(res[1])
                continue
            analysis, found = res
            try:
                with conn.begin_nested():
                    store.save(conn, analysis, STORED_VERSION)
                    _save_extracted(conn, analysis.doc_id, found)
            except SQLAlchemyError as err:
                failed.add(analysis.doc_id)
                summary.failed += 1
                summary.errors.append(f"{analysis.doc_id}: not stored: {str(err).splitlines()[0]}")
                continue
            summary.add(analysis, found)
