"""The Document record: what every reader produces and every later stage reads.

A reader fills in what its format carries; `finalize()` derives the rest (ids, hashes,
language, outlet fallbacks) so that all formats end up with the same guarantees.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone

KINDS = ("article", "transcript", "statement", "live_post", "feed_item")
PRECISIONS = ("second", "minute", "day", "month", "year", "unknown")


@dataclass
class Document:
    """One news document, read and cleaned, with everything kept for audit."""

    text: str  # clean text: the article itself, nothing else
    ref: str  # the identifier the source gave it (record id, else file name)
    format: str  # the reader that produced it
    title: str | None = None
    outlet: str | None = None
    outlet_source: str | None = None  # where the outlet came from: metadata, url, title, sign-off, ...
    kind: str = "article"
    published: str | None = None  # ISO 8601 date or date-time; None when unknown
    date_source: str | None = None  # provenance of `published`
    date_precision: str = "unknown"
    language: str | None = None
    url: str | None = None
    author: str | None = None
    original: str = ""  # the input exactly as read (decoded), for audit
    furniture: list[str] = field(default_factory=list)  # removed page furniture, in order
    source_path: str | None = None
    source_line: int | None = None
    meta: dict = field(default_factory=dict)  # anything else the source carried
    id: str = ""
    text_hash: str = ""
    ingested_at: str | None = None

    def finalize(self) -> "Document":
        """Fill derived fields; idempotent."""
        if self.kind not in KINDS:
            raise ValueError(f"unknown document kind {self.kind!r}")
        if self.date_precision not in PRECISIONS:
            raise ValueError(f"unknown date precision {self.date_precision!r}")
        if self.published is None:
            self.date_precision = "unknown"
            self.date_source = None
        self.text_hash = text_hash(self.text)
        if not self.language:
            self.language = detect_language(self.text)
        if not self.id:
            self.id = document_id(self)
        if self.ingested_at is None:
            self.ingested_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        return self

    @property
    def date(self) -> str | None:
        """The publication date (YYYY-MM-DD), or None when unknown."""
        return self.published[:10] if self.published else None

    def to_dict(self) -> dict:
        return asdict(self)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid, model shipped in the package); None if too short."""
    sample = text[:3000]
    if len(sample.split()) < 3:
        return None
    import py3langid

    return py3langid.classify(sample)[0]


def normalize_for_hash(text: str) -> str:
    return " ".join(text.split()).casefold()


def text_hash(text: str) -> str:
    return hashlib.sha256(normalize_for_hash(text).encode("utf-8")).hexdigest()


def document_id(doc: Document) -> str:
    """A content hash over what makes the document itself: text, title, outlet, date.

    Re-reading the same input gives the same id (idempotent ingest); the same body under
    another headline or date gets its own id and is linked as a duplicate instead.
    """
    key = json.dumps(
        [normalize_for_hash(doc.text), doc.title or "", doc.outlet or "", doc.published or ""],
        ensure_ascii=False,
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
