"""From paths to Documents: expand paths, refuse bad files, choose a reader, read.

Paths may be files, folders (walked recursively), glob patterns, or '-' for standard input.
A reader is chosen by extension and content (the readers' `sniff`), or forced by name.
"""

from __future__ import annotations

import glob
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from storyline.ingest.base import Reader, ReadError, ReadOptions, Source
from storyline.ingest.decode import decode, looks_binary
from storyline.ingest.document import Document
from storyline.ingest.readers import BY_NAME, READERS

KNOWN_SUFFIXES = {ext for r in READERS for ext in r.extensions}
SKIP_NAMES = ("readme", "license", "licence", "changelog", "copying")


@dataclass
class Skipped:
    """A file met while walking a folder that is not an input (unknown extension, README, ...)."""

    path: str
    reason: str


def expand_paths(paths: list[str], stdin=None) -> Iterator[Path | str | Skipped | ReadError]:
    """Yield files to read ('-' stays '-'), folder entries that were skipped, and missing paths."""
    for raw in paths:
        if raw == "-":
            yield "-"
            continue
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    file = Path(root) / name
                    if name.startswith("."):
                        continue
                    if name.lower().startswith(SKIP_NAMES) or _suffix(name) not in KNOWN_SUFFIXES:
                        yield Skipped(str(file), "not a document format")
                        continue
                    yield file
        elif path.is_file():
            yield path
        elif any(ch in raw for ch in "*?["):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield ReadError(raw, "no file matches this pattern")
            for match in matches:
                yield from expand_paths([match])
        else:
            yield ReadError(raw, "no such file or folder")


def _suffix(name: str) -> str:
    return Source(name, b"").suffix


def load_source(item: Path | str, options: ReadOptions, stdin=None) -> Source | ReadError:
    if item == "-":
        data = (stdin or sys.stdin.buffer).read()
        if len(data) > options.max_bytes:
            return ReadError("<stdin>", f"input over the size limit ({len(data):,} > {options.max_bytes:,} bytes)")
        return Source("<stdin>", data)
    path = Path(item)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            return ReadError(str(path), f"file over the size limit ({size:,} > {options.max_bytes:,} bytes)")
        return Source(str(path), path.read_bytes())
    except OSError as err:
        return ReadError(str(path), f"cannot read file: {err.strerror or err}")


def choose_reader(source: Source, text: str | None, options: ReadOptions) -> Reader | ReadError:
    if options.format:
        reader = BY_NAME.get(options.format)
        if reader is None:
            return ReadError(source.name, f"unknown format {options.format!r} (known: {', '.join(BY_NAME)})")
        return reader
    suffix = source.suffix
    by_ext = [r for r in READERS if suffix in r.extensions]
    if any(r.binary for r in by_ext):
        return next(r for r in by_ext if r.binary)
    if text is None:
        return ReadError(source.name, "unknown format")
    scored = sorted(((r.sniff(text[:5000]), i, r) for i, r in enumerate(READERS) if not r.binary), key=lambda t: (-t[0], t[1]))
    if by_ext:
        ext_scored = [(s, i, r) for s, i, r in scored if r in by_ext]
        best = ext_scored[0]
        # Content that plainly belongs to another format wins over the extension.
        if scored[0][0] >= 0.9 and scored[0][2] not in by_ext:
            return scored[0][2]
        return best[2]
    if scored and scored[0][0] >= 0.5:
        return scored[0][2]
    return ReadError(source.name, f"unknown format (extension {suffix or 'none'!r}; use --format)")


def read_source(source: Source, options: ReadOptions) -> Iterator[Document | ReadError]:
    """Read one source into finalized Documents, or ReadErrors naming the file (and line)."""
    if not source.data.strip():
        yield ReadError(source.name, "empty file")
        return
    text: str | None = None
    binary_format = options.format and BY_NAME.get(options.format) and BY_NAME[options.format].binary
    if not binary_format and source.suffix not in (".warc", ".warc.gz", ".arc.gz"):
        if looks_binary(source.data) and not source.data.startswith((b"\xff\xfe", b"\xfe\xff")):
            yield ReadError(source.name, "binary file, not text")
            return
        try:
            text, _ = decode(source.data)
        except (ValueError, UnicodeDecodeError) as err:
            yield ReadError(source.name, str(err))
            return
        if not text.strip():
            yield ReadError(source.name, "empty file")
            return
    reader = choose_reader(source, text, options)
    if isinstance(reader, ReadError):
        yield reader
        return
    try:
        for item in reader.read(source, text or "", options):
            if isinstance(item, Document):
                try:
                    item.finalize()
                except ValueError as err:
                    yield ReadError(source.name, str(err), line=item.source_line)
                    continue
            yield item
    except Exception as err:  # a reader bug must not stop the batch
        yield ReadError(source.name, f"{reader.name} reader failed: {type(err).__name__}: {err}")


def read_items(
    items: list[Path | str | Skipped | ReadError], options: ReadOptions, stdin=None, on_file=None
) -> Iterator[Document | ReadError | Skipped]:
    """Read already-expanded paths; `on_file(name)` is called after each file."""
    for item in items:
        if isinstance(item, (ReadError, Skipped)):
            yield item
        else:
            source = load_source(item, options, stdin)
            if isinstance(source, ReadError):
                yield source
            else:
                yield from read_source(source, options)
        if on_file:
            on_file(str(item if not isinstance(item, (ReadError, Skipped)) else getattr(item, "path", item)))


def read_paths(paths: list[str], options: ReadOptions | None = None, stdin=None) -> Iterator[Document | ReadError | Skipped]:
    """Read files, folders, globs and '-' into Documents (and ReadErrors, Skipped entries)."""
    return read_items(list(expand_paths(paths)), options or ReadOptions(), stdin)
