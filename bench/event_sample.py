"""A random sample of merged events from an analysed store, laid out for a hand check.

    .venv/bin/python bench/event_sample.py --db /tmp/corpus.db [--n 30] [--seed 1] [--json]

Draws `--n` events at random (seeded, so a check can be repeated) from what `storyline events`
lists by default: the stored events, merged across outlets with the actor registry, whose
confidence reaches the shipped model's threshold. Each is printed with
its type and mode, modality, actors and recipients (registry names, else the words of the text),
its date and where the date came from, and its representative cited sentence with the document's date, so
that a reader can mark type, actors and date right or wrong against the sentence. The store is
only read.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from storyline.store.db import open_engine
from storyline.store.documents import document_dates
from storyline.store.events import query_events, query_mentions
from storyline.story.actors import load_registry
from storyline.story.events import confident_events, merge_events


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True, help="an analysed store (path or SQLAlchemy URL)")
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--min-confidence", type=float, default=None,
                    help="as `storyline events --min-confidence` (default: the shipped model's threshold)")
    ap.add_argument("--unlabelled", action="store_true",
                    help="leave out events citing a record of tests/data/event-labels.jsonl (the confidence model's training labels)")
    args = ap.parse_args()
    engine = open_engine(args.db if "://" in args.db else f"sqlite:///{args.db}")
    with engine.connect() as conn:
        rows = list(query_events(conn))
        registry = load_registry(query_mentions(conn), dates=document_dates(conn))
    merged = confident_events(merge_events(rows, canonical=registry.canonical), args.min_confidence)
    if args.unlabelled:
        labels = Path(__file__).resolve().parents[1] / "tests" / "data" / "event-labels.jsonl"
        seen = {(d["doc"], d["start"]) for d in map(json.loads, labels.read_text().splitlines()) if d}
        merged = [m for m in merged if not any((c.doc_ref, c.start) in seen for c in m.citations)]
    sample = random.Random(args.seed).sample(merged, min(args.n, len(merged)))
    out = []
    for m in sample:
        c = m.summary_citation  # the sentence that speaks for the event
        out.append({
            "id": m.id, "type": m.type, "mode": m.mode, "modality": m.modality, "date": m.date,
            "actors": [registry.name(a) for a in m.actors] or m.actor_text,
            "recipients": [registry.name(a) for a in m.recipients] or m.recipient_text,
            "sources": m.sources, "trigger": c.trigger, "doc": c.doc_ref or c.doc_id, "doc_date": (c.doc_date or "")[:10],
            "sentence": re.sub(r"\s+", " ", c.sentence),
        })
    if args.json:
        print(json.dumps({"events": len(merged), "sample": out}, indent=1, ensure_ascii=False))
        return
    print(f"{len(merged)} merged events; {len(out)} drawn with seed {args.seed}\n")
    for i, e in enumerate(out, 1):
        mode = f"/{e['mode']}" if e["mode"] else ""
        print(f"{i:2d}. {e['type']}{mode} ({e['modality']})  date {e['date']}  [reported {e['doc_date']}, {e['doc']}]")
        print(f"    who {e['actors']}  whom {e['recipients']}  trigger {e['trigger']!r}  sources {e['sources']}")
        print(f"    {e['sentence'][:400]}\n")


if __name__ == "__main__":
    main()
