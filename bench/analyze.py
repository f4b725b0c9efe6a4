"""Throughput of `storyline analyze` as a ratio to bare spaCy `nlp.pipe` on the same texts, in one run.

Both sides use the same model, the same number of processes and the same documents (all of
../shared/corpus by default). storyline's side includes transcript restoration, the temporal
tagger, numbers, serialising the parse, and writing everything to a SQLite store.
Usage: python bench/analyze.py [--shared ../shared] [--limit N] [--processes P]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from storyline.nlp.analysis import load_nlp
from storyline.pipeline.analyze import default_processes, run_analyze
from storyline.pipeline.ingest import ingest
from storyline.store.db import open_engine
from storyline.store.documents import DocFilter, query_documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    parser.add_argument("--limit", type=int, default=0, help="analyse only the first N documents (0: all)")
    parser.add_argument("--processes", type=int, default=default_processes())
    args = parser.parse_args()
    corpus = Path(args.shared) / "corpus"
    if not corpus.exists():
        sys.exit(f"no corpus at {corpus}")
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_engine(f"sqlite:///{tmp}/bench.db")
        ingest(engine, [str(corpus)])
        if args.limit:
            from sqlalchemy import delete

            from storyline.store.schema import documents

            with engine.begin() as conn:
                keep = [r["id"] for r in query_documents(conn, DocFilter(limit=args.limit), ["id"])]
                conn.execute(delete(documents).where(documents.c.id.not_in(keep)))
        with engine.connect() as conn:
            texts = [r["text"] for r in query_documents(conn, DocFilter(), ["text"])]
        chars = sum(map(len, texts))
        nlp = load_nlp()
        t = time.perf_counter()
        n = sum(1 for _ in nlp.pipe(texts, batch_size=16, n_process=args.processes))
        bare = time.perf_counter() - t
        t = time.perf_counter()
        summary = run_analyze(engine, processes=args.processes)
        ours = time.perf_counter() - t
    print(f"documents: {n} ({chars / 1e6:.1f} M characters), processes: {args.processes}")
    print(f"bare spaCy nlp.pipe: {bare:.1f} s, {n / bare:.1f} documents/s")
    print(f"storyline analyze:   {ours:.1f} s, {summary.analyzed / ours:.1f} documents/s "
          f"({summary.sentences} sentences, {summary.timexes} time expressions, {summary.numbers} numbers, {summary.failed} failed)")
    print(f"throughput ratio (storyline / bare spaCy): {bare / ours:.2f}")


if __name__ == "__main__":
    main()
