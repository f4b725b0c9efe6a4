"""WARC web archives (warcio): each archived HTML response is read as an HTML page."""

from __future__ import annotations

import io
from typing import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storyline.ingest.base import Reader, ReadError, ReadOptions, Source
from storyline.ingest.document import Document
from storyline.ingest.decode import decode
from storyline.ingest.readers.html import html_document


class WarcReader(Reader):
    name = "warc"
    extensions = (".warc", ".warc.gz", ".arc.gz")
    binary = True

    def read(self, source: Source, text: str, options: ReadOptions) -> Iterator[Document | ReadError]:
        pages = 0
        try:
            for record in ArchiveIterator(io.BytesIO(source.data)):
                if record.rec_type != "response":
                    continue
                ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
                if "html" not in ctype.lower():
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                try:
                    html, _ = decode(record.content_stream().read())
                except ValueError as err:
                    yield ReadError(source.name, f"{uri}: {err}")
                    continue
                doc = html_document(html, Source(f"{source.name}#{uri}", b""), options, url=uri, ref=uri, fmt=self.name)
                if not isinstance(doc, ReadError):
                    doc.source_path = source.name
                    doc.meta["warc_date"] = record.rec_headers.get_header("WARC-Date")
                pages += 1
                yield doc
        except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError, KeyError) as err:
            yield ReadError(source.name, f"malformed or truncated WARC after {pages} pages: {str(err).splitlines()[0] if str(err) else type(err).__name__}")
            return
        if pages == 0:
            yield ReadError(source.name, "WARC holds no HTML responses")
