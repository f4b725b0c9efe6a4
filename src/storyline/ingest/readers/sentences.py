"""Pre-split text: one sentence per line, as research corpora ship news (Timeline17, Crisis, ...).

Each non-empty line becomes its own paragraph, so the language layer never joins two lines into one
sentence. The text is kept exactly as given (also when it is already tokenized, e.g. ``Mexico 's``,
``-LRB-``), so that extracted sentences compare with gold summaries tokenized the same way.

The publication date comes from a leading ``date YYYY-MM-DD`` line (as in the `text` format), else
from the name of the file's folder when it is a date (``InputDocs/2010-04-23/2073.htm.txt``: the
Timeline17 layout), else it is unknown. The format is never detected from content: choose it with
``--format sentences``.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Iterator

from storyline.ingest.base import Reader, ReadError, ReadOptions, Source
from storyline.ingest.dates import parse_date
from storyline.ingest.document import Document
from storyline.ingest.readers.text import finish_text_document, read_date_line

FOLDER_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class SentenceLinesReader(Reader):
    name = "sentences"
    extensions = ()  # only when asked for (--format sentences)

    def sniff(self, text: str) -> float:
        return 0.0

    def read(self, source: Source, text: str, options: ReadOptions) -> Iterator[Document | ReadError]:
        published = precision = date_source = None
        lines = text.splitlines()
        try:
            dated = read_date_line(lines[0]) if lines else None
        except ValueError as err:
            yield ReadError(source.name, f"{err} in the date line", line=1)
            return
        if dated:
            published, precision, rest = dated
            date_source = "date line"
            lines = [rest, *lines[1:]]
        else:
            folder = PurePath(source.name.replace("\\", "/")).parent.name
            if FOLDER_DATE.match(folder):
                try:
                    published, precision = parse_date(folder)
                    date_source = "folder name"
                except ValueError:
                    pass
        kept = [" ".join(line.split()) for line in lines if line.strip()]
        yield from finish_text_document(
            source,
            text,
            kept,
            [],
            format=self.name,
            published=published,
            precision=precision,
            date_source=date_source,
            options=options,
        )
