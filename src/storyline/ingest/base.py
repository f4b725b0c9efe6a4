"""The reader interface: one module per format, all behind `Reader`.

A reader turns one `Source` (a file's bytes and name) into Documents. Multi-record formats
(JSON Lines, CSV, feeds, WARC) yield a `ReadError` for a bad record and go on with the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Iterator

from storyline.ingest.document import Document


class ReadError(Exception):
    """A one-line, user-facing reason why (part of) an input could not be read."""

    def __init__(self, source: str, reason: str, line: int | None = None):
        super().__init__(reason)
        self.source = source
        self.reason = reason
        self.line = line

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"


@dataclass
class ReadOptions:
    """Options that change how inputs are read."""

    format: str | None = None  # force a reader by name
    field_map: dict[str, str] = field(default_factory=dict)  # our field -> the source's field name
    max_bytes: int = 50 * 1024 * 1024
    default_kind: str | None = None


@dataclass
class Source:
    """One input: its name (path, or '<stdin>') and its raw bytes."""

    name: str
    data: bytes

    @property
    def suffix(self) -> str:
        name = self.name.lower()
        for double in (".warc.gz", ".arc.gz"):
            if name.endswith(double):
                return double
        return PurePath(name).suffix

    @property
    def basename(self) -> str:
        return PurePath(self.name.replace("\\", "/")).name


class Reader:
    """Base class for format readers."""

    name: str = ""
    extensions: tuple[str, ...] = ()
    binary: bool = False  # True: gets raw bytes, not decoded text

    def sniff(self, text: str) -> float:
        """How sure this reader is (0..1) that `text` (the decoded head of a file) is its format."""
        return 0.0

    def read(self, source: Source, text: str, options: ReadOptions) -> Iterator[Document | ReadError]:
        raise NotImplementedError
