"""Scraped web-page text: headline on line 1, page furniture around the article, no markup."""

from __future__ import annotations

from typing import Iterator

from storyline.ingest.base import Reader, ReadError, ReadOptions, Source
from storyline.ingest.clean import normalize_space, paragraphs
from storyline.ingest.document import Document
from storyline.ingest.furniture import count_furniture, split_furniture
from storyline.ingest.readers.text import DATE_LINE, finish_text_document


class ScrapedPageReader(Reader):
    name = "scraped"
    extensions = (".txt", ".text")

    def sniff(self, text: str) -> float:
        if DATE_LINE.match(text[:200]):
            return 0.0
        lines = [line.strip() for line in normalize_space(text).split("\n") if line.strip()]
        hits = count_furniture(lines)
        return 0.8 if hits >= 2 else 0.0

    def read(self, source: Source, text: str, options: ReadOptions) -> Iterator[Document | ReadError]:
        paras = paragraphs(text)
        title = None
        if paras:
            first = paras[0].split("\n")
            # The headline: a first line with no sentence-final stop, shorter than a paragraph.
            if len(first[0]) <= 200 and not first[0].rstrip().endswith((".", "!", "?", "”", '"')):
                title = first[0].strip()
                rest = "\n".join(first[1:]).strip()
                paras = ([rest] if rest else []) + paras[1:]
        kept, removed = split_furniture(paras)
        yield from finish_text_document(source, text, kept, removed, format=self.name, title=title, options=options)
