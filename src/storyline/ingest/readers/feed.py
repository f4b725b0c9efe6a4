"""RSS and Atom feeds with feedparser: one feed_item document per entry."""

from __future__ import annotations

import calendar
from datetime import datetime, timezone
from typing import Iterator

import feedparser

from storyline.ingest.base import Reader, ReadError, ReadOptions, Source
from storyline.ingest.document import Document
from storyline.ingest.outlet import canonical_outlet, outlet_from_url
from storyline.ingest.readers.records import html_to_text


class FeedReader(Reader):
    name = "feed"
    extensions = (".rss", ".atom", ".xml", ".rdf")

    def sniff(self, text: str) -> float:
        head = text[:1000].lower()
        return 0.9 if ("<rss" in head or "<feed" in head or "<rdf:rdf" in head) else 0.0

    def read(self, source: Source, text: str, options: ReadOptions) -> Iterator[Document | ReadError]:
        parsed = feedparser.parse(text)
        if parsed.bozo:
            exc = parsed.bozo_exception
            line = exc.getLineNumber() if hasattr(exc, "getLineNumber") else None
            recovered = f"; {len(parsed.entries)} items recovered" if parsed.entries else ""
            yield ReadError(source.name, f"malformed feed: {getattr(exc, 'getMessage', lambda: str(exc))()}{recovered}", line=line)
        if not parsed.entries:
            if not parsed.bozo:
                yield ReadError(source.name, "feed has no items")
            return
        channel = parsed.feed
        channel_outlet = canonical_outlet(channel.get("title")) if channel.get("title") else None
        for index, entry in enumerate(parsed.entries, 1):
            title = html_to_text(entry.get("title", "")) or None
            body = ""
            if entry.get("content"):
                body = html_to_text(entry.content[0].get("value", ""))
            if not body:
                body = html_to_text(entry.get("summary", ""))
            if not body and title:
                body = title
            if not body:
                yield ReadError(source.name, f"feed item {index} has no text")
                continue
            published = precision = None
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            if stamp:
                published = datetime.fromtimestamp(calendar.timegm(stamp), tz=timezone.utc).isoformat()
                precision = "second"
            link = entry.get("link")
            outlet, outlet_source = (channel_outlet, "feed title") if channel_outlet else (outlet_from_url(link), "url")
            yield Document(
                text=body,
                ref=entry.get("id") or link or f"{source.basename}#{index}",
                format=self.name,
                title=title,
                outlet=outlet,
                outlet_source=outlet_source if outlet else None,
                kind="feed_item",
                published=published,
                date_precision=precision or "unknown",
                date_source="feed item date" if published else None,
                url=link,
                author=entry.get("author"),
                original=str(entry.get("summary", "")),
                source_path=source.name,
                meta={"feed_title": channel.get("title")} if channel.get("title") else {},
            )
