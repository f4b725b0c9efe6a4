"""Analyze: run the language layer over stored documents not yet analysed, in parallel batches.

Worker processes each load spaCy once and turn chunks of documents into plain Analysis
records; the parent writes each document's results in its own savepoint (all or nothing).
"""

from __future__ import annotations

import multiprocessing as mp
import os
from dataclasses import dataclass, field
from typing import Callable

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from storyline.extract.figures import extract_figures
from storyline.extract.records import Figure
from storyline.nlp.analysis import VERSION, Analysis, DocInput, analyze_docs
from storyline.store import analyses as store
from storyline.store import figures as figure_store

EXTRACT_VERSION = 8  # bump with changes to extraction; both versions together decide what is redone
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
    restored: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, a: Analysis, figures: list[Figure]) -> None:
        self.analyzed += 1
        self.figures += len(figures)
        self.sentences += len(a.sentences)
        self.entities += len(a.entities)
        self.timexes += len(a.timexes)
        self.numbers += len(a.numbers)
        self.restored += int(a.restored)

    def to_dict(self) -> dict:
        return dict(vars(self))


def _process(chunk: list[DocInput]) -> list[tuple[Analysis, list[Figure]]]:
    out = []
    for item, (analysis, doc) in zip(chunk, analyze_docs(chunk)):
        figs = extract_figures(doc, item.id, item.date, analysis.numbers, analysis.timexes, analysis.sentences,
                               restored=analysis.restored)
        out.append((analysis, figs))
    return out


def _work(chunk: list[DocInput]) -> list[tuple[Analysis, list[Figure]] | tuple[str, str]]:
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

    from storyline.nlp.analysis import NumberRec, SentenceRec, TimexRec, load_doc
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
                figs = extract_figures(parsed, doc_id, pub_date, nums, tims, sents, restored=rows["restored"])
                with conn.begin_nested():
                    figure_store.replace_for_doc(conn, doc_id, figs)
                    conn.execute(update(analyses).where(analyses.c.doc_id == doc_id).values(version=STORED_VERSION))
                summary.reextracted += 1
                summary.figures += len(figs)
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
            analysis, figs = res
            try:
                with conn.begin_nested():
                    store.save(conn, analysis, STORED_VERSION)
                    figure_store.replace_for_doc(conn, analysis.doc_id, figs)
            except SQLAlchemyError as err:
                failed.add(analysis.doc_id)
                summary.failed += 1
                summary.errors.append(f"{analysis.doc_id}: not stored: {str(err).splitlines()[0]}")
                continue
            summary.add(analysis, figs)
