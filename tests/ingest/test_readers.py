"""Each reader on realistic input: the project's examples and the shared seed documents."""

from __future__ import annotations

import io
import json
from pathlib import Path


from conftest import PROJECT
from storyline.ingest.base import ReadError, ReadOptions, Source
from storyline.ingest.document import Document
from storyline.ingest.read import read_paths, read_source

EXAMPLES = PROJECT / "examples"


def read_one(path: Path | str, **opts) -> list[Document]:
    out = list(read_paths([str(path)], ReadOptions(**opts)))
    errors = [x for x in out if isinstance(x, ReadError)]
    assert not errors, errors
    return [x for x in out if isinstance(x, Document)]


def read_bytes(name: str, data: bytes, **opts) -> list:
    return list(read_source(Source(name, data), ReadOptions(**opts)))


# --- the five seed documents -------------------------------------------------------------

def test_dated_plain_text_seed(shared):
    (doc,) = read_one(shared("corpus", "seeds", "000_447387a8212f7f48.txt"))
    assert doc.format == "text"
    assert doc.published == "2024-01-10" and doc.date_precision == "day" and doc.date_source == "date line"
    assert doc.text.startswith("An Israeli delegation has reportedly arrived in Cairo on Wednesday")
    assert "date 2024" not in doc.text
    assert doc.ref == "000_447387a8212f7f48.txt"
    raw = shared("corpus", "seeds", "000_447387a8212f7f48.txt").read_text("utf-8")
    assert doc.text.count("\n\n") == raw.count("\n\n")  # every paragraph kept


def test_disclaimer_names_outlet_and_is_removed(shared):
    (doc,) = read_one(shared("corpus", "seeds", "001_35c8d1d218ca1f2e.txt"))
    assert doc.published == "2023-11-30"
    assert doc.outlet == "NDTV" and doc.outlet_source == "disclaimer"
    assert "Disclaimer" not in doc.text and doc.furniture[0].startswith("Disclaimer:")


def test_scraped_page_seed_furniture_removed_article_whole(shared):
    path = shared("corpus", "seeds", "002_ac21ed3f2fa6be03.txt")
    (doc,) = read_one(path)
    assert doc.format == "scraped"
    assert doc.published is None and doc.date_precision == "unknown"  # no date in the page
    assert doc.title.startswith("Hostage negotiators discussing days-long fighting pause")
    for junk in ("2 mins read", "25 views", "Read the full article here", "Leave a Reply",
                 "Your email address will not be published.", "Previous Story", "Next Story",
                 "How Home Builder D.R. Horton Beat the Housing Bust", "Latest from Politics"):
        assert junk not in doc.text
        assert junk in doc.furniture
    raw = path.read_text("utf-8")
    # every article paragraph survives, in order, from the first to the credit line
    start = raw.index("The parties involved")
    end = raw.index("contributed to this report.") + len("contributed to this report.")
    article = [" ".join(p.split()) for p in raw[start:end].split("\n\n") if p.strip()]
    assert doc.text.split("\n\n") == article
    assert doc.outlet == "CNN"


def test_wire_signoff_glued_to_last_sentence(shared):
    (doc,) = read_one(shared("corpus", "seeds", "003_6b9a36644d0bf8d6.txt"))
    assert doc.published == "2024-05-04"
    assert doc.outlet == "Reuters" and doc.outlet_source == "sign-off"
    assert doc.text.endswith("according to Gaza’s Health Ministry.")
    assert doc.furniture == ["REUTERS"]


def test_transcript_seed(shared):
    (doc,) = read_one(shared("corpus", "seeds", "004_ca11e6ccf9581cca.txt"))
    assert doc.format == "transcript" and doc.kind == "transcript"
    assert doc.published == "2024-03-31"
    assert doc.outlet == "DW News"
    assert doc.title == "Egyptian media: Cease-fire talks to resume in Cairo"
    assert doc.meta["video_id"] == "wyqHuhmsA28"
    assert doc.meta["thumbnail_path"].startswith("en_DW\\")
    assert doc.text.startswith("media Reports say ceasefire talks") and "<doc>" not in doc.text
    assert doc.text.endswith("many thanks you're")


# --- the project's own examples, one per format -------------------------------------------

def test_transcript_example_outlet_from_title():
    (doc,) = read_one(EXAMPLES / "broadcast-first-hostages-freed.txt")
    assert doc.kind == "transcript" and doc.outlet == "Northline Radio" and doc.published == "2023-11-24"


def test_undated_text_has_unknown_date():
    (doc,) = read_one(EXAMPLES / "undated-gaza-truce-explainer.txt")
    assert doc.published is None and doc.date_precision == "unknown" and doc.date_source is None


def test_unknown_allcaps_signoff_becomes_outlet():
    (doc,) = read_one(EXAMPLES / "2024-03-19-meridian-wire-doha-talks.txt")
    assert doc.outlet == "Meridian Wire" and doc.furniture == ["MERIDIAN WIRE"]
    assert not doc.text.endswith("WIRE")


def test_html_reader_metadata_and_furniture():
    (doc,) = read_one(EXAMPLES / "2023-11-24-harbor-daily-truce-begins.html")
    assert doc.text.count("\n\n") >= 2 and doc.title not in doc.text
    assert doc.format == "html"
    assert doc.published.startswith("2023-11-24T09:30") and doc.date_precision in ("second", "minute")
    assert doc.outlet == "Harbor Daily" and doc.title and doc.author
    assert doc.furniture  # menus, asides and footers kept aside
    assert not any(f in doc.text for f in doc.furniture if "cookie" in f.lower() or "©" in f)


def test_markdown_reader_header(shared):
    (doc,) = read_one(EXAMPLES / "statements" / "2023-11-22-statement-on-the-hostage-agreement.md")
    assert doc.published.startswith("2023-11-22T08:15") and doc.date_source == "header published_time"
    assert doc.title == "Statement on the Hostage Agreement" and doc.kind == "statement"
    path = next(shared("corpus", "whitehouse", "statements-releases", "2023-11").glob("2023-11-06-readout-*"))
    (wh,) = read_one(path)
    assert wh.outlet == "The White House" and wh.title.startswith("Readout of President Biden’s Call")
    assert "\n" not in wh.text.split("\n\n")[0]  # hard-wrapped lines joined
    assert "\\_" not in wh.title


def test_markdown_escapes_and_struck_words():
    text = "---\ndate: '2024-02-01'\ntitle: \"Briefing\"\n---\n \nMR. KIRBY: We are \\[not\\] there <s>yet</s>\nstill, per\nreports.\n\nQ   On the \\#1 issue?\n"
    (doc,) = [d for d in read_bytes("b.md", text.encode()) if isinstance(d, Document)]
    assert doc.text == "MR. KIRBY: We are [not] there still, per reports.\n\nQ On the #1 issue?"


def test_jsonl_reader(shared):
    docs = read_one(EXAMPLES / "wire.jsonl")
    assert [d.ref for d in docs][:2] == ["ex-wire-001", "ex-wire-002"]
    assert all(d.outlet and d.published and d.url for d in docs)
    rss = [json.loads(line) for line in shared("corpus", "rss-2023.jsonl").open(encoding="utf-8")][:300]
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in rss).encode()
    out = [d for d in read_bytes("rss.jsonl", data) if isinstance(d, Document)]
    assert len(out) == 300 and all(d.kind == "feed_item" for d in out)
    assert all("<p>" not in d.text and "&amp;" not in d.text for d in out)
    reuters = [d for d, r in zip(out, rss) if r["outlet"] is None]
    assert all(d.outlet == "Reuters" and d.outlet_source == "url" for d in reuters)


def test_csv_reader_with_field_mapping():
    docs = read_one(EXAMPLES / "digest.csv")
    assert [d.ref for d in docs] == ["cb-digest-001", "cb-digest-002", "cb-digest-003"]
    assert all(d.title and d.published and d.outlet for d in docs)
    data = b"key,head,when,story\nz1,Talks resume,2024-02-06,\"Negotiators met in Cairo, again.\"\n"
    (doc,) = read_bytes("x.csv", data, field_map={"id": "key", "title": "head", "date": "when", "text": "story"})
    assert (doc.ref, doc.title, doc.published, doc.text) == ("z1", "Talks resume", "2024-02-06", "Negotiators met in Cairo, again.")


def test_feed_reader():
    docs = read_one(EXAMPLES / "feed.xml")
    assert len(docs) == 5 and all(d.kind == "feed_item" and d.format == "feed" for d in docs)
    assert all(d.published and d.date_precision == "second" for d in docs)
    assert not any("&amp;" in d.text or "<" in d.text for d in docs)


def test_warc_reader():
    docs = read_one(EXAMPLES / "archive.warc.gz")
    assert len(docs) == 2 and all(d.format == "warc" and d.url.startswith("https://") for d in docs)
    assert all(d.published and d.title for d in docs)


def test_stdin_and_globs(tmp_path):
    docs = list(read_paths(["-"], stdin=io.BytesIO(b" date 2024-02-06 Talks resumed in Cairo on Tuesday.")))
    assert docs[0].ref == "<stdin>" and docs[0].published == "2024-02-06"
    got = read_one(str(EXAMPLES / "statements" / "*.md"))
    assert len(got) == 4


def test_format_override(tmp_path):
    p = tmp_path / "notes.dat"
    p.write_text("date 2024-01-02 A plain note about the talks.", encoding="utf-8")
    (doc,) = read_one(p, format="text")
    assert doc.published == "2024-01-02"


def test_same_input_same_id():
    a = read_one(EXAMPLES / "wire.jsonl")
    b = read_one(EXAMPLES / "wire.jsonl")
    assert [d.id for d in a] == [d.id for d in b] and len({d.id for d in a}) == len(a)


def test_language_is_detected_when_the_source_does_not_say(tmp_path):
    p = tmp_path / "fr.txt"
    p.write_text(" date 2024-02-06 Les négociateurs du Hamas sont arrivés au Caire mardi pour des pourparlers sur une trêve.",
                 encoding="utf-8")
    (doc,) = read_one(p)
    assert doc.language == "fr"
    (en,) = read_one(EXAMPLES / "undated-gaza-truce-explainer.txt")
    assert en.language == "en"
