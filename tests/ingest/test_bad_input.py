"""Bad input: one clear line naming the file (and line) and the reason; the batch goes on."""

from __future__ import annotations

import gzip

import pytest

from conftest import PROJECT
from storyline.ingest.base import ReadError, ReadOptions
from storyline.ingest.document import Document
from storyline.ingest.read import read_paths

GOOD = " date 2024-01-10 An Israeli delegation arrived in Cairo on Wednesday for talks on hostages.\n"


def run(tmp_path, name: str, data: bytes, **opts) -> tuple[list[ReadError], list[Document]]:
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "zz-good.txt"
    good.write_text(GOOD, encoding="utf-8")
    out = list(read_paths([str(bad), str(good)], ReadOptions(**opts)))
    errors = [x for x in out if isinstance(x, ReadError)]
    docs = [x for x in out if isinstance(x, Document)]
    assert any(d.ref == "zz-good.txt" for d in docs), "the rest of the batch must go on"
    for e in errors:
        assert "\n" not in str(e) and str(e).startswith(str(bad))
    return errors, docs


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("image.txt", bytes(range(256)) * 40, "binary file"),
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \n\n \t\n", "empty file"),
        ("pdf.html", b"%PDF-1.4\x00\x01\x02\x03" * 100, "binary file"),
        ("cut.html", b"<html><head><title>T</title></head><body><article><p>Hostages were freed in Gaza on", "truncated HTML"),
        ("trans.txt", b"<video_id>x</video_id>\n<publish_date>20240331</publish_date>\n<doc>\ntalks resume in cairo", "never closed"),
        ("unknown.xyz", b"hello there, this is some text", "unknown format"),
        ("date.txt", b" date 2024-13-45 Talks went on.", "date"),
        ("hdr.md", b"---\ndate: '2024-02-30'\ntitle: x\n---\nBody text here.\n", "day is out of range"),
        ("yaml.md", b"---\ntitle: [unclosed\n---\nBody\n", "malformed YAML header"),
        ("arch.warc.gz", gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\nabc"), "WARC"),
    ],
)
def test_bad_file_gives_one_line_error(tmp_path, name, data, reason):
    errors, docs = run(tmp_path, name, data)
    assert len(errors) == 1, errors
    assert reason in str(errors[0])
    assert not any(d.source_path and d.source_path.endswith(name) for d in docs)


def test_truncated_feed_reports_error_and_keeps_recovered_items(tmp_path):
    data = b"<?xml version='1.0'?><rss version='2.0'><channel><title>X</title><item><title>Truce extended</title>"
    errors, docs = run(tmp_path, "feed.xml", data)
    assert len(errors) == 1 and "malformed feed" in str(errors[0]) and "1 items recovered" in str(errors[0])
    assert [d.title for d in docs if d.format == "feed"] == ["Truce extended"]


def test_undecodable_bytes_are_decoded_or_refused(tmp_path):
    # Latin-1 text is detected and decoded, not refused
    errors, docs = run(tmp_path, "latin.txt", " date 2024-01-10 Caf\xe9 talks in Cairo resumed on Wednesday, officials said.".encode("latin-1"))
    assert not errors
    assert any("Café" in d.text for d in docs)


def test_malformed_json_lines_name_the_line(tmp_path):
    data = (
        b'{"id": "a", "text": "Talks resumed in Cairo.", "date": "2024-02-06"}\n'
        b'{"id": "b", "text": "Broken\n'
        b'{"id": "c", "text": "Hamas replied to the proposal.", "date": "not a date"}\n'
        b'{"id": "d", "title": "no body"}\n'
        b'{"id": "e", "date": "2024-02-07"}\n'
        b'["not", "an", "object"]\n'
        b'{"id": "f", "text": "Israel sent a delegation.", "date": "2024-02-08"}\n'
    )
    errors, docs = run(tmp_path, "recs.jsonl", data)
    lines = sorted(e.line for e in errors)
    assert lines == [2, 3, 5, 6]
    assert "malformed JSON line" in str(next(e for e in errors if e.line == 2))
    assert "unparseable date 'not a date'" in str(next(e for e in errors if e.line == 3))
    assert {d.ref for d in docs} >= {"a", "d", "f"}  # a title alone is text enough


def test_malformed_csv_rows_name_the_line(tmp_path):
    data = b'id,title,date,text\n1,A,2024-01-01,"Talks, day one"\n2,B,2024-01-02\n3,C,2024-01-03,"Talks, day three"\n'
    errors, docs = run(tmp_path, "rows.csv", data)
    assert [(e.line, "fewer fields" in e.reason) for e in errors] == [(3, True)]
    assert {d.ref for d in docs} >= {"1", "3"}


def test_size_limit(tmp_path):
    errors, _ = run(tmp_path, "big.txt", b" date 2024-01-10 " + b"word " * 5000, max_bytes=1000)
    assert "over the size limit" in str(errors[0])


def test_missing_path_and_empty_glob(tmp_path):
    out = list(read_paths([str(tmp_path / "nope.txt"), str(tmp_path / "*.none")]))
    assert [str(e).split(": ", 1)[1] for e in out] == ["no such file or folder", "no file matches this pattern"]


def test_folder_walk_skips_non_documents():
    from storyline.ingest.read import Skipped, expand_paths

    items = list(expand_paths([str(PROJECT / "examples")]))
    assert any(isinstance(i, Skipped) and i.path.endswith("README.md") for i in items)
