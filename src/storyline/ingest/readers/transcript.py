"""Broadcast transcripts in the tagged form: <video_id>, <video_title>, <thumbnail_path>,
<publish_date>YYYYMMDD</publish_date>, then <doc>...</doc> around the spoken text."""

from __future__ import annotations

import re
from typing import Iterator

from storyline.ingest.base import Reader, ReadError, ReadOptions, Source
from storyline.ingest.clean import normalize_space
from storyline.ingest.dates import parse_date
from storyline.ingest.document import Document
from storyline.ingest.outlet import outlet_from_text, split_title_outlet

HEADER_TAGS = ("video_id", "video_title", "thumbnail_path", "publish_date")
_TAG = re.compile(r"<(?P<name>[a-z_]+)>(?P<value>.*?)</(?P=name)>", re.DOTALL)


class TranscriptReader(Reader):
    name = "transcript"
    extensions = (".txt", ".text", ".xml")

    def sniff(self, text: str) -> float:
        head = text[:2000].lstrip()
        if head.startswith(("<video_id>", "<video_title>", "<publish_date>")) or re.match(r"<doc>", head):
            return 0.95
        return 0.0

    def read(self, source: Source, text: str, options: ReadOptions) -> Iterator[Document | ReadError]:
        start = text.find("<doc>")
        if start < 0:
            yield ReadError(source.name, "malformed transcript: no <doc> element")
            return
        end = text.find("</doc>", start)
        if end < 0:
            line = text.count("\n", 0, start) + 1
            yield ReadError(source.name, "malformed transcript: <doc> is never closed (truncated?)", line=line)
            return
        header = {m.group("name"): m.group("value").strip() for m in _TAG.finditer(text[:start])}
        spoken = normalize_space(text[start + len("<doc>") : end])
        if not spoken:
            yield ReadError(source.name, "empty transcript")
            return
        title, outlet = split_title_outlet(header.get("video_title", "")) if header.get("video_title") else (None, None)
        outlet_source = "title" if outlet else None
        thumb = header.get("thumbnail_path")
        if not outlet and thumb:
            stem = re.split(r"[\\/]", thumb)[-1].rsplit(".", 1)[0]
            _, outlet = split_title_outlet(re.sub(r"\s{2,}", " | ", stem))
            outlet_source = "thumbnail path" if outlet else None
        if not outlet:
            cue = outlet_from_text(spoken)
            outlet, outlet_source = (cue.outlet, cue.source) if cue else (None, None)
        published = precision = None
        if header.get("publish_date"):
            try:
                published, precision = parse_date(header["publish_date"])
            except ValueError as err:
                line = text.count("\n", 0, text.find("<publish_date>")) + 1
                yield ReadError(source.name, f"{err} in <publish_date>", line=line)
                return
        yield Document(
            text=spoken,
            ref=source.basename,
            format=self.name,
            title=title or None,
            outlet=outlet,
            outlet_source=outlet_source,
            kind="transcript",
            published=published,
            date_precision=precision or "unknown",
            date_source="publish_date tag" if published else None,
            original=text,
            source_path=source.name,
            meta={k: header[k] for k in ("video_id", "thumbnail_path") if k in header},
        )
