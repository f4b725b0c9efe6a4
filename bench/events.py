"""Time that event coding, merging and timeline building add per document, as a ratio to the language layer's.

One process, the same documents (a sample of ../shared/corpus, every kind of source), in one run:
1. language layer: `analyze_docs` (spaCy parse, transcript restoration, time expressions, numbers);
2. per-document event stage: actor mentions + PLOVER event coding over those parses;
3. corpus stage: actor registry, merging across documents and the timeline, over all the events.
Prints seconds and ms per document for each, and the ratio (2 + 3) / 1 (target: <= 0.5).

    .venv/bin/python bench/events.py [--shared ../shared] [--limit 600]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from storyline.extract.actors import find_actors
from storyline.extract.events import extract_events
from storyline.ingest.document import Document
from storyline.ingest.read import read_paths
from storyline.nlp.analysis import DocInput, analyze_docs, load_nlp
from storyline.story.actors import build_registry
from storyline.story.event_timeline import build_event_timeline
from storyline.story.events import merge_events


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--limit", type=int, default=600, help="documents in the sample (0: all)")
    args = ap.parse_args()
    corpus = Path(args.shared) / "corpus"
    if not corpus.exists():
        sys.exit(f"no corpus at {corpus}")
    docs = [item for item in read_paths([str(corpus)]) if isinstance(item, Document)]
    random.Random(7).shuffle(docs)
    if args.limit:
        docs = docs[: args.limit]
    inputs = [DocInput(d.id, d.text, d.date, d.kind, d.ref) for d in docs]
    meta = {d.id: d for d in docs}
    load_nlp()

    t = time.perf_counter()
    parsed = list(analyze_docs(inputs))
    t_lang = time.perf_counter() - t

    t = time.perf_counter()
    mentions, rows = [], []
    for item, (a, doc) in zip(inputs, parsed):
        found = find_actors(doc, item.id, a.sentences, a.entities)
        events = extract_events(doc, item.id, item.date, a.sentences, a.timexes, found)
        mentions.extend(found)
        for e in events:
            r = e.to_dict()
            r.update(doc_ref=meta[item.id].ref, outlet=meta[item.id].outlet, doc_date=item.date, duplicate_of=None,
                     sentence=item.text[e.sentence_start:e.sentence_end])
            rows.append(r)
    t_doc = time.perf_counter() - t

    t = time.perf_counter()
    registry = build_registry(mentions, dates={i.id: i.date for i in inputs})
    merged = merge_events(rows, canonical=registry.canonical)
    days = build_event_timeline(merged, n_dates=40, per_date=3)
    t_story = time.perf_counter() - t

    n = len(inputs)
    print(f"documents: {n} ({sum(len(i.text) for i in inputs) / 1e6:.2f} M characters); "
          f"{len(mentions)} actor mentions, {len(rows)} events -> {len(merged)} merged, {len(days)} timeline dates")
    print(f"language layer (parse, time expressions, numbers): {t_lang:7.1f} s  {1000 * t_lang / n:6.1f} ms/document")
    print(f"actors + event coding (per document):              {t_doc:7.1f} s  {1000 * t_doc / n:6.1f} ms/document")
    print(f"registry + merging + timeline (corpus):            {t_story:7.1f} s  {1000 * t_story / n:6.1f} ms/document")
    print(f"ratio (events stages / language layer): {(t_doc + t_story) / t_lang:.3f}  (target <= 0.5)")


if __name__ == "__main__":
    main()
