"""Ingest: read inputs, link duplicates, store; in batches, one savepoint per document.

A document is stored whole (row and band keys) or not at all; a failure is reported and
the batch goes on. Re-ingesting the same input stores nothing new.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from storyline.ingest.base import ReadError, ReadOptions
from storyline.ingest.document import Document
from storyline.ingest.read import Skipped, read_paths
from storyline.store import documents as store
from storyline.story.duplicates import DuplicateFinder

OUTCOMES = ("read", "new", "duplicate", "unchanged", "failed")


@dataclass
class IngestSummary:
    by_format: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    errors: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def count(self, fmt: str, outcome: str) -> None:
        self.by_format[fmt][outcome] += 1

    @property
    def totals(self) -> dict[str, int]:
        total = Counter()
        for counts in self.by_format.values():
            total.update(counts)
        return {k: total.get(k, 0) for k in OUTCOMES}

    def to_dict(self) -> dict:
        return {
            "totals": self.totals,
            "by_format": {fmt: {k: c.get(k, 0) for k in OUTCOMES} for fmt, c in sorted(self.by_format.items())},
            "errors": self.errors,
            "skipped": self.skipped,
        }


def ingest(
    engine: Engine,
    paths: list[str],
    options: ReadOptions | None = None,
    *,
    batch_size: int = 200,
    finder: DuplicateFinder | None = None,
    on_item: Callable[[str], None] | None = None,
    stdin=None,
) -> IngestSummary:
    """Read `paths` into the store; returns what happened to every input."""
    return ingest_items(engine, read_paths(paths, options, stdin=stdin), batch_size=batch_size, finder=finder, on_item=on_item)


def ingest_items(
    engine: Engine,
    items: Iterable[Document | ReadError | Skipped],
    *,
    batch_size: int = 200,
    finder: DuplicateFinder | None = None,
    on_item: Callable[[str], None] | None = None,
) -> IngestSummary:
    finder = finder or DuplicateFinder()
    summary = IngestSummary()
    batch: list[Document] = []

    def flush() -> None:
        if batch:
            _store_batch(engine, batch, finder, summary)
            batch.clear()

    for item in items:
        if isinstance(item, Skipped):
            summary.skipped.append(f"{item.path}: {item.reason}")
            continue
        if isinstance(item, ReadError):
            summary.errors.append(str(item))
            summary.count(_format_of(item), "failed")
            if on_item:
                on_item(item.source)
            continue
        summary.count(item.format, "read")
        batch.append(item)
        if on_item:
            on_item(item.source_path or item.ref)
        if len(batch) >= batch_size:
            flush()
    flush()
    return summary


def _format_of(err: ReadError) -> str:
    name = err.source.lower()
    for suffix, fmt in ((".jsonl", "jsonl"), (".csv", "csv"), (".md", "markdown"), (".html", "html"), (".htm", "html"),
                        (".xml", "feed"), (".rss", "feed"), (".warc", "warc"), (".warc.gz", "warc"), (".txt", "text")):
        if name.endswith(suffix) or f"{suffix}#" in name:
            return fmt
    return "unknown"


def _store_batch(engine: Engine, batch: list[Document], finder: DuplicateFinder, summary: IngestSummary) -> None:
    with engine.connect() as conn:
        with conn.begin():
            for doc in batch:
                try:
                    with conn.begin_nested():
                        outcome = _store_one(conn, doc, finder)
                except SQLAlchemyError as err:
                    summary.errors.append(f"{doc.source_path or doc.ref}: not stored: {str(err).splitlines()[0]}")
                    summary.count(doc.format, "failed")
                    continue
                summary.count(doc.format, outcome)


def _store_one(conn, doc: Document, finder: DuplicateFinder) -> str:
    if store.exists(conn, doc.id):
        return "unchanged"
    original = store.find_by_text_hash(conn, doc.text_hash)
    if original:
        store.insert_document(conn, doc, None, original, "exact", {"containment": 1.0, "jaccard": 1.0})
        return "duplicate"
    fingerprint = finder.fingerprint(doc.text)
    match = finder.find(doc.text, fingerprint, lambda keys: store.band_candidates(conn, keys))
    if match:
        store.insert_document(
            conn, doc, None, match.original_id, "near", {"containment": match.containment, "jaccard": match.jaccard}
        )
        return "duplicate"
    store.insert_document(conn, doc, fingerprint[1])
    return "new"
