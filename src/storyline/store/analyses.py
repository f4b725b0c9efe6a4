"""Reading and writing language-layer results."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Connection, and_, delete, func, select

from storyline.nlp.analysis import Analysis, DocInput
from storyline.store.schema import analyses, documents, entities, numbers, sentences, timexes

CHILD_TABLES = (sentences, entities, timexes, numbers)


def pending(conn: Connection, version: int, limit: int, exclude: set[str] = frozenset()) -> list[DocInput]:
    """Documents with no analysis at this version, oldest ingest first."""
    q = (
        select(documents.c.id, documents.c.text, documents.c.pub_date, documents.c.kind, documents.c.ref)
        .outerjoin(analyses, and_(analyses.c.doc_id == documents.c.id, analyses.c.version == version))
        .where(analyses.c.doc_id.is_(None))
        .order_by(documents.c.ingested_at, documents.c.id)
        .limit(limit + len(exclude))
    )
    rows = [r for r in conn.execute(q) if r[0] not in exclude][:limit]
    return [DocInput(id=r[0], text=r[1], date=r[2], kind=r[3], ref=r[4]) for r in rows]


def count_pending(conn: Connection, version: int) -> int:
    return conn.scalar(
        select(func.count())
        .select_from(documents.outerjoin(analyses, and_(analyses.c.doc_id == documents.c.id, analyses.c.version == version)))
        .where(analyses.c.doc_id.is_(None))
    ) or 0


def save(conn: Connection, result: Analysis, version: int) -> None:
    """Replace the document's analysis (call inside a transaction: all rows or none)."""
    for table in (analyses, *CHILD_TABLES):
        conn.execute(delete(table).where(table.c.doc_id == result.doc_id))
    conn.execute(analyses.insert(), {
        "doc_id": result.doc_id, "version": version, "restored": result.restored, "docbin": result.docbin,
        "analyzed_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    })
    for table, rows in ((sentences, result.sentences), (entities, result.entities), (timexes, result.timexes), (numbers, result.numbers)):
        if rows:
            conn.execute(table.insert(), [{"doc_id": result.doc_id, **vars(r)} for r in rows])


def load(conn: Connection, doc_id: str) -> dict | None:
    """A stored analysis as plain rows (without the parse bytes)."""
    head = conn.execute(select(analyses.c.version, analyses.c.restored).where(analyses.c.doc_id == doc_id)).first()
    if head is None:
        return None
    out = {"doc_id": doc_id, "version": head[0], "restored": head[1]}
    for table in CHILD_TABLES:
        order = table.c.idx if table is sentences else table.c.start
        out[table.name] = [
            {k: v for k, v in dict(r._mapping).items() if k != "doc_id"}
            for r in conn.execute(select(table).where(table.c.doc_id == doc_id).order_by(order))
        ]
    return out


def docbin(conn: Connection, doc_id: str) -> bytes | None:
    return conn.scalar(select(analyses.c.docbin).where(analyses.c.doc_id == doc_id))
