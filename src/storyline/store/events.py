"""Reading and writing coded events and actor mentions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from sqlalchemy import Connection, delete, func, select

from storyline.extract.records import ActorMention, Event
from storyline.store.documents import select_cited
from storyline.store.schema import actor_mentions, documents, events


def replace_for_doc(conn: Connection, doc_id: str, items: list[Event], mentions: list[ActorMention]) -> None:
    """A document's events and actor mentions, replacing what was stored for it."""
    conn.execute(delete(events).where(events.c.doc_id == doc_id))
    conn.execute(delete(actor_mentions).where(actor_mentions.c.doc_id == doc_id))
    if items:
        conn.execute(events.insert(), [e.to_dict() for e in items])
    if mentions:
        conn.execute(actor_mentions.insert(), [m.to_dict() for m in mentions])


@dataclass
class EventFilter:
    types: list[str] | None = None  # PLOVER types
    since: str | None = None  # date_end on or after
    until: str | None = None  # date_start on or before
    modality: str | None = None
    doc_id: str | None = None
    dated_only: bool = False


def query_events(conn: Connection, f: EventFilter | None = None) -> Iterator[dict]:
    """Events joined with their document's ref, outlet, date, duplicate link and cited sentence."""
    f = f or EventFilter()
    q = select_cited(events)
    if f.types:
        q = q.where(events.c.type.in_([t.upper() for t in f.types]))
    if f.since:
        q = q.where(events.c.date_end >= f.since)
    if f.until:
        q = q.where(events.c.date_start <= f.until)
    if f.modality:
        q = q.where(events.c.modality == f.modality)
    if f.doc_id:
        q = q.where(events.c.doc_id == f.doc_id)
    if f.dated_only:
        q = q.where(events.c.date_start.is_not(None))
    q = q.order_by(events.c.date_start.is_(None), events.c.date_start, documents.c.pub_date, events.c.doc_id, events.c.start)
    for row in conn.execute(q):
        yield dict(row._mapping)


def query_mentions(conn: Connection, doc_id: str | None = None) -> Iterator[ActorMention]:
    q = select(actor_mentions)
    if doc_id:
        q = q.where(actor_mentions.c.doc_id == doc_id)
    for row in conn.execute(q.order_by(actor_mentions.c.doc_id, actor_mentions.c.start)):
        d = dict(row._mapping)
        d.pop("id")
        yield ActorMention(**d)


def count(conn: Connection) -> tuple[int, int]:
    """(events, actor mentions) stored."""
    return (conn.execute(select(func.count()).select_from(events)).scalar_one(),
            conn.execute(select(func.count()).select_from(actor_mentions)).scalar_one())
