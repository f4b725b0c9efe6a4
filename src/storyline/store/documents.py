"""Reading and writing documents in the store."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from sqlalchemy import Connection, bindparam, func, select

from storyline.ingest.document import Document
from storyline.store.schema import doc_bands, documents

DOC_COLUMNS = [c.name for c in documents.columns]


def exists(conn: Connection, doc_id: str) -> bool:
    return conn.execute(select(documents.c.id).where(documents.c.id == doc_id)).first() is not None


def find_by_text_hash(conn: Connection, text_hash: str) -> str | None:
    """The first stored document (an original, not a copy) with this exact text."""
    row = conn.execute(
        select(documents.c.id)
        .where(documents.c.text_hash == text_hash)
        .order_by(documents.c.duplicate_of.is_not(None), documents.c.ingested_at, documents.c.id)
        .limit(1)
    ).first()
    return row[0] if row else None


def band_candidates(conn: Connection, keys: list[tuple[int, int]], limit: int = 50) -> list[tuple[str, str]]:
    """Stored originals sharing at least one band key, most shared first: (id, text)."""
    return [(r[0], r[1]) for r in conn.execute(_CANDIDATES, {"keys": [k for _, k in keys], "limit": limit})]


def _candidates_query():
    hits = (
        select(doc_bands.c.doc_id, func.count().label("n"))
        .where(doc_bands.c.key.in_(bindparam("keys", expanding=True)))
        .group_by(doc_bands.c.doc_id)
        .order_by(func.count().desc())
        .limit(bindparam("limit"))
        .subquery()
    )
    return (
        select(documents.c.id, documents.c.text)
        .join(hits, hits.c.doc_id == documents.c.id)
        .where(documents.c.duplicate_of.is_(None))
        .order_by(hits.c.n.desc())
    )


_CANDIDATES = _candidates_query()
_INSERT_DOC = documents.insert()
_INSERT_BANDS = doc_bands.insert()


def insert_document(
    conn: Connection,
    doc: Document,
    keys: list[tuple[int, int]] | None,
    duplicate_of: str | None = None,
    duplicate_kind: str | None = None,
    duplicate_score: dict | None = None,
) -> None:
    row = {name: getattr(doc, name) for name in DOC_COLUMNS if hasattr(doc, name)}
    row.update(
        pub_date=doc.published[:10] if doc.published else None,
        duplicate_of=duplicate_of,
        duplicate_kind=duplicate_kind,
        duplicate_score=duplicate_score,
    )
    conn.execute(_INSERT_DOC, row)
    if keys and duplicate_of is None:  # only originals are indexed as candidates
        conn.execute(_INSERT_BANDS, [{"doc_id": doc.id, "band": b, "key": k} for b, k in keys])


@dataclass
class DocFilter:
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    kind: str | None = None
    include_duplicates: bool = True
    limit: int | None = None
    offset: int = 0


def query_documents(conn: Connection, f: DocFilter, columns: list[str] | None = None) -> Iterator[dict]:
    cols = [documents.c[name] for name in (columns or DOC_COLUMNS)]
    q = select(*cols)
    if f.since:
        q = q.where(documents.c.pub_date >= f.since)
    if f.until:
        q = q.where(documents.c.pub_date <= f.until)
    if f.outlet:
        q = q.where(func.lower(documents.c.outlet).contains(f.outlet.lower()))
    if f.kind:
        q = q.where(documents.c.kind == f.kind)
    if not f.include_duplicates:
        q = q.where(documents.c.duplicate_of.is_(None))
    q = q.order_by(documents.c.pub_date.is_(None), documents.c.published, documents.c.ref).offset(f.offset)
    if f.limit:
        q = q.limit(f.limit)
    for row in conn.execute(q):
        yield dict(row._mapping)


def get_document(conn: Connection, id_or_ref: str) -> dict | None:
    """By id (or unique id prefix of 6+ characters), else by ref (the newest ingest wins)."""
    row = conn.execute(select(documents).where(documents.c.id == id_or_ref)).first()
    if row is None:
        row = conn.execute(
            select(documents).where(documents.c.ref == id_or_ref).order_by(documents.c.ingested_at.desc()).limit(1)
        ).first()
    if row is None and len(id_or_ref) >= 6:
        rows = conn.execute(select(documents).where(documents.c.id.startswith(id_or_ref)).limit(2)).all()
        row = rows[0] if len(rows) == 1 else None
    return dict(row._mapping) if row else None


def document_dates(conn: Connection) -> dict[str, str | None]:
    """Every stored document's id -> publication day (ISO), None when unknown."""
    return {i: d for i, d in conn.execute(select(documents.c.id, documents.c.pub_date))}


def stats(conn: Connection) -> dict:
    total = conn.scalar(select(func.count()).select_from(documents)) or 0
    dups = conn.scalar(select(func.count()).select_from(documents).where(documents.c.duplicate_of.is_not(None))) or 0

    def grouped(col) -> dict:
        rows = conn.execute(select(col, func.count()).group_by(col).order_by(func.count().desc()))
        return {(k if k is not None else "(unknown)"): n for k, n in rows}

    month = func.substr(documents.c.pub_date, 1, 7)
    span = conn.execute(select(func.min(documents.c.pub_date), func.max(documents.c.pub_date))).first()
    return {
        "documents": total,
        "unique": total - dups,
        "duplicates": dups,
        "undated": conn.scalar(select(func.count()).select_from(documents).where(documents.c.pub_date.is_(None))) or 0,
        "first_date": span[0],
        "last_date": span[1],
        "by_kind": grouped(documents.c.kind),
        "by_format": grouped(documents.c.format),
        "by_outlet": grouped(documents.c.outlet),
        "by_month": dict(sorted(grouped(month).items())),
    }


def select_cited(table, *, title: bool = False):
    """Rows of an extracted-items table (with sentence_start/end) joined with what cites them: the
    document's ref, outlet, date (and title), its duplicate link, and the cited sentence's text."""
    cols = [
        table,
        documents.c.ref.label("doc_ref"),
        documents.c.outlet.label("outlet"),
        documents.c.pub_date.label("doc_date"),
        *([documents.c.title.label("doc_title")] if title else []),
        documents.c.duplicate_of.label("duplicate_of"),
        func.substr(documents.c.text, table.c.sentence_start + 1, table.c.sentence_end - table.c.sentence_start).label("sentence"),
    ]
    return select(*cols).join(documents, documents.c.id == table.c.doc_id)
