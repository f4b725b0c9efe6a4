"""JSON Lines and CSV records: one document per record (id, title, date, url, outlet, text).

Other field names are found through a list of common aliases, or mapped with
`ReadOptions.field_map` (CLI: `--map text=body --map date=published`). A bad record is
reported with its line number and the rest of the file goes on.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Iterable, Iterator

import lxml.html

from storyline.ingest.base import Reader, ReadError, ReadOptions, Source
from storyline.ingest.clean import normalize_space
from storyline.ingest.dates import parse_date
from storyline.ingest.document import KINDS, Document
from storyline.ingest.outlet import canonical_outlet, outlet_from_text, outlet_from_url

ALIASES = {
    "id": ("id", "ref", "story_id", "doc_id", "guid", "uid", "key"),
    "title": ("title", "headline", "heading", "name"),
    "date": ("date", "published", "pubdate", "pub_date", "date_published", "published_at", "timestamp", "datetime", "time"),
    "url": ("url", "link", "href", "source_url", "permalink"),
    "outlet": ("outlet", "source", "publisher", "site", "site_name", "sitename", "media", "feed_title"),
    "text": ("text", "body", "content", "article", "full_text", "story", "description", "summary", "abstract"),
    "author": ("author", "byline", "authors"),
    "kind": ("kind", "type"),
}


def _field(record: dict, name: str, options: ReadOptions):
    if name in options.field_map:
        return record.get(options.field_map[name])
    lower = {str(k).lower(): k for k in record}
    for alias in ALIASES[name]:
        if alias in lower and record[lower[alias]] not in (None, ""):
            return record[lower[alias]]
    return None


def html_to_text(value: str) -> str:
    """Text of an HTML fragment (feed descriptions); plain text passes through."""
    if "<" not in value and "&" not in value:
        return normalize_space(value)
    try:
        root = lxml.html.fragment_fromstring(value, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return normalize_space(value)
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter("p", "li", "div", "h1", "h2", "h3", "h4", "blockquote"):
        block.tail = "\n\n" + (block.tail or "")
    return normalize_space(root.text_content())


def record_to_document(record: dict, source: Source, line: int, fmt: str, options: ReadOptions) -> Document | ReadError:
    if not isinstance(record, dict):
        return ReadError(source.name, "record is not an object", line=line)
    text = _field(record, "text", options)
    title = _field(record, "title", options)
    title = html_to_text(str(title)) if title else None
    text = html_to_text(str(text)) if text else ""
    if not text and title:
        text = title  # feed items with an empty description still say something
    if not text:
        wanted = options.field_map.get("text") or "/".join(ALIASES["text"][:4])
        return ReadError(source.name, f"record has no text (field {wanted})", line=line)
    published = precision = None
    raw_date = _field(record, "date", options)
    if raw_date:
        try:
            published, precision = parse_date(raw_date)
        except ValueError as err:
            return ReadError(source.name, str(err), line=line)
    url = _field(record, "url", options)
    outlet = canonical_outlet(_field(record, "outlet", options))
    outlet_source = "metadata" if outlet else None
    if not outlet and url:
        outlet, outlet_source = outlet_from_url(str(url)), "url"
    if not outlet:
        cue = outlet_from_text(text)
        outlet, outlet_source = (cue.outlet, cue.source) if cue else (None, None)
    kind = _field(record, "kind", options)
    if kind not in KINDS:
        is_feed = any(k in record for k in ("feed", "description", "summary")) and "text" not in record
        kind = options.default_kind or ("feed_item" if is_feed else "article")
    ref = _field(record, "id", options)
    author = _field(record, "author", options)
    return Document(
        text=text,
        ref=str(ref) if ref not in (None, "") else f"{source.basename}:{line}",
        format=fmt,
        title=title,
        outlet=outlet,
        outlet_source=outlet_source,
        kind=kind,
        published=published,
        date_precision=precision or "unknown",
        date_source="record field" if published else None,
        url=str(url) if url else None,
        author=", ".join(author) if isinstance(author, list) else author,
        original=json.dumps(record, ensure_ascii=False),
        source_path=source.name,
        source_line=line,
        meta={k: v for k, v in record.items() if k in ("feed",) and v},
    )


class JsonLinesReader(Reader):
    name = "jsonl"
    extensions = (".jsonl", ".ndjson", ".json")

    def sniff(self, text: str) -> float:
        first = text.lstrip()[:1]
        return 0.7 if first in ("{", "[") else 0.0

    def read(self, source: Source, text: str, options: ReadOptions) -> Iterator[Document | ReadError]:
        stripped = text.lstrip()
        if stripped.startswith("["):  # a JSON array of records
            try:
                records = json.loads(text)
            except json.JSONDecodeError as err:
                yield ReadError(source.name, f"malformed JSON: {err.msg}", line=err.lineno)
                return
            for i, record in enumerate(records, 1):
                yield record_to_document(record, source, i, self.name, options)
            return
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                yield ReadError(source.name, f"malformed JSON line: {err.msg} at column {err.colno}", line=number)
                continue
            yield record_to_document(record, source, number, self.name, options)


class CsvReader(Reader):
    name = "csv"
    extensions = (".csv", ".tsv")

    def read(self, source: Source, text: str, options: ReadOptions) -> Iterator[Document | ReadError]:
        delimiter = "\t" if source.suffix == ".tsv" else ","
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        if not reader.fieldnames:
            yield ReadError(source.name, "CSV has no header row", line=1)
            return
        yield from self._rows(reader, source, options)

    def _rows(self, reader: csv.DictReader, source: Source, options: ReadOptions) -> Iterable[Document | ReadError]:
        start = 2
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as err:
                yield ReadError(source.name, f"malformed CSV: {err}", line=reader.line_num)
                return
            if None in row:
                yield ReadError(source.name, "malformed CSV row: more fields than the header", line=start)
            elif any(v is None for v in row.values()):
                yield ReadError(source.name, "malformed CSV row: fewer fields than the header", line=start)
            else:
                yield record_to_document(row, source, start, self.name, options)
            start = reader.line_num + 1
