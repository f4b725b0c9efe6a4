"""Reading and writing extracted figures."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from sqlalchemy import Connection, delete, func

from storyline.extract.records import Figure
from storyline.store.documents import select_cited
from storyline.store.schema import documents, figures

FIGURE_FIELDS = [c.name for c in figures.columns if c.name != "id"]


def replace_for_doc(conn: Connection, doc_id: str, items: list[Figure]) -> None:
    conn.execute(delete(figures).where(figures.c.doc_id == doc_id))
    if items:
        conn.execute(figures.insert(), [f.to_dict() for f in items])


@dataclass
class FigureFilter:
    measure: str | None = None  # exact measure, or a unit/status prefix such as "hostage" or "person.killed"
    source: str | None = None  # substring, case-insensitive
    since: str | None = None  # time_end on or after
    until: str | None = None  # time_start on or before
    modality: str | None = None
    doc_id: str | None = None
    include_duplicates: bool = True  # figures found in documents that copy another


def query_figures(conn: Connection, f: FigureFilter | None = None) -> Iterator[dict]:
    """Figures joined with their document's ref, outlet, date and duplicate link, ordered by time."""
    f = f or FigureFilter()
    q = select_cited(figures, title=True)
    if f.measure:
        q = q.where((figures.c.measure == f.measure) | figures.c.measure.startswith(f.measure + ".")
                    | figures.c.measure.endswith("." + f.measure))
    if f.source:
        q = q.where(func.lower(figures.c.source).contains(f.source.lower()))
    if f.since:
        q = q.where(figures.c.time_end >= f.since)
    if f.until:
        q = q.where(figures.c.time_start <= f.until)
    if f.modality:
        q = q.where(figures.c.modality == f.modality)
    if f.doc_id:
        q = q.where(figures.c.doc_id == f.doc_id)
    if not f.include_duplicates:
        q = q.where(documents.c.duplicate_of.is_(None))
    q = q.order_by(figures.c.measure, figures.c.time_end.is_(None), figures.c.time_end, documents.c.pub_date, figures.c.doc_id, figures.c.start)
    for row in conn.execute(q):
        yield dict(row._mapping)
