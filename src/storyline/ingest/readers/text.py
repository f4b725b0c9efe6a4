"""Plain text: an optional leading date line (' date 2024-01-10 First paragraph...'), then paragraphs.

With no date line the date is unknown: it is never taken from file times.
"""

from __future__ import annotations

import re
from typing import Iterator

from storyline.ingest.base import Reader, ReadError, ReadOptions, Source
from storyline.ingest.clean import paragraphs
from storyline.ingest.dates import parse_date
from storyline.ingest.document import Document
from storyline.ingest.furniture import split_furniture
from storyline.ingest.outlet import outlet_from_text, strip_signoff

DATE_LINE = re.compile(r"^\s*date[:\s]\s*(?P<date>\S+)[ \t]*(?P<rest>.*)", re.IGNORECASE)


def read_date_line(line: str) -> tuple[str, str, str] | None:
    """(published, precision, the rest of the line) when `line` is a date line; ValueError for a bad date."""
    m = DATE_LINE.match(line)
    if not m:
        return None
    published, precision = parse_date(m.group("date"))
    return published, precision, m.group("rest")


class PlainTextReader(Reader):
    name = "text"
    extensions = (".txt", ".text")

    def sniff(self, text: str) -> float:
        return 0.6 if DATE_LINE.match(text[:200]) else 0.1

    def read(self, source: Source, text: str, options: ReadOptions) -> Iterator[Document | ReadError]:
        published = precision = date_source = None
        body = text
        first = text[:200].split("\n", 1)[0]
        try:
            dated = read_date_line(first)
        except ValueError as err:
            yield ReadError(source.name, f"{err} in the date line", line=1)
            return
        if dated:
            published, precision, rest = dated
            date_source = "date line"
            body = rest + text[len(first) :]
        kept, removed = split_furniture(paragraphs(body))
        yield from finish_text_document(
            source,
            text,
            kept,
            removed,
            format=self.name,
            published=published,
            precision=precision,
            date_source=date_source,
            options=options,
        )


def finish_text_document(
    source: Source,
    original: str,
    kept: list[str],
    removed: list[str],
    *,
    format: str,
    title: str | None = None,
    published: str | None = None,
    precision: str | None = None,
    date_source: str | None = None,
    options: ReadOptions,
) -> Iterator[Document | ReadError]:
    """Common tail of the text-family readers: sign-offs, outlet cues, empty-text check."""
    clean = "\n\n".join(kept).strip()
    clean, signoff = strip_signoff(clean)
    if signoff:
        removed.append(signoff)
    if not clean:
        yield ReadError(source.name, "no article text found")
        return
    cue = outlet_from_text(original)
    yield Document(
        text=clean,
        ref=source.basename,
        format=format,
        title=title,
        outlet=cue.outlet if cue else None,
        outlet_source=cue.source if cue else None,
        kind=options.default_kind or "article",
        published=published,
        date_precision=precision or "unknown",
        date_source=date_source,
        original=original,
        furniture=removed,
        source_path=source.name,
    )
