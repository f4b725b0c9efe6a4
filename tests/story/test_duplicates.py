"""Near-duplicate detection on real documents: light-edit copies found, different stories never paired."""

from __future__ import annotations

import json
import random


from storyline.ingest.document import Document
from storyline.pipeline.ingest import ingest_items
from storyline.store.db import open_engine
from storyline.store.documents import DocFilter, query_documents
from storyline.story.duplicates import DuplicateFinder, containment, shingles


def bbc_records(shared, n: int, seed: int = 7, min_len: int = 1500) -> list[dict]:
    rows = [json.loads(line) for line in shared("corpus", "bbc.jsonl").open(encoding="utf-8")]
    rows = [r for r in rows if r["kind"] == "article" and len(r["text"]) >= min_len]
    random.Random(seed).shuffle(rows)
    return rows[:n]


def as_doc(r: dict, **changes) -> Document:
    fields = dict(text=r["text"], ref=r["id"], format="jsonl", title=r["title"], outlet=r["outlet"], published=r["date"],
                  date_precision="day", url=r["url"])
    fields.update(changes)
    return Document(**fields).finalize()


def light_edit(text: str, rng: random.Random) -> str:
    """What a syndicating site does: a byline, one reworded sentence, curly quotes, a dropped closing line."""
    sentences = text.split(". ")
    i = rng.randrange(1, max(2, len(sentences) - 1))
    words = sentences[i].split()
    if len(words) > 6:
        words[2], words[3] = words[3], words[2]
        words.insert(5, "reportedly")
    sentences[i] = " ".join(words)
    edited = ". ".join(sentences[:-1]) if len(sentences) > 8 else ". ".join(sentences)
    return "By Staff Reporter\n\n" + edited.replace("'", "’") + "\n\nThis story was first published elsewhere."


def test_light_edit_copies_are_linked_to_their_originals(shared, tmp_path):
    rng = random.Random(3)
    originals = bbc_records(shared, 40)
    copies = [as_doc(r, text=light_edit(r["text"], rng), ref=r["id"] + "-copy", title="COPY: " + r["title"],
                     outlet="Syndicator", published=None) for r in originals]
    engine = open_engine(f"sqlite:///{tmp_path / 'd.db'}")
    summary = ingest_items(engine, [as_doc(r) for r in originals] + copies)
    assert summary.totals["new"] == 40 and summary.totals["duplicate"] == 40
    with engine.connect() as conn:
        rows = {r["ref"]: r for r in query_documents(conn, DocFilter(), ["id", "ref", "duplicate_of", "duplicate_kind"])}
    for r in originals:
        copy = rows[r["id"] + "-copy"]
        assert copy["duplicate_of"] == rows[r["id"]]["id"] and copy["duplicate_kind"] == "near"


def test_exact_copy_under_another_headline_is_linked(shared, tmp_path):
    (r,) = bbc_records(shared, 1, seed=11)
    engine = open_engine(f"sqlite:///{tmp_path / 'd.db'}")
    summary = ingest_items(engine, [as_doc(r), as_doc(r, title="Another headline", ref="other")])
    assert summary.totals["duplicate"] == 1
    with engine.connect() as conn:
        other = next(x for x in query_documents(conn, DocFilter(), ["ref", "duplicate_kind"]) if x["ref"] == "other")
    assert other["duplicate_kind"] == "exact"


def test_template_readouts_of_different_calls_are_not_paired():
    finder = DuplicateFinder()
    base = ("President Biden spoke today with {who}. They discussed the urgency of bringing the ceasefire and hostage "
            "release deal to closure under the comprehensive bridging proposal that is now on the table, which would "
            "free the hostages, bring life-saving relief to Palestinian civilians in Gaza, and de-escalate regional "
            "tensions. They discussed upcoming talks in Cairo. The President thanked {short} for his leadership.")
    a = base.format(who="President Abdel-Fattah El Sisi of Egypt", short="President El Sisi")
    b = base.format(who="Amir Sheikh Tamim bin Hamad Al Thani of Qatar", short="the Amir")
    assert containment(shingles(a), shingles(b))[0] > 0.6
    assert finder.find(b, finder.fingerprint(b), lambda keys: [("a", a)]) is None
