"""Actor registry over a whole analysed store: the eight negotiation figures, registry size, speed.

    .venv/bin/python bench/actors.py --db /tmp/corpus.db [--limit N] [--corrections my.yaml] [--out registry.json]

Reads each stored parse (no parsing), runs `find_actors`, builds the corpus registry, and prints for
Haniyeh, Naim, Burns, Blinken, Netanyahu, Sisi, the Emir of Qatar and Qatar's prime minister the
registry entry that their name, and their role alone, resolve to — id, name, role, affiliation,
mentions, documents, top aliases — plus the registry size and the time per document.
The store is only read.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from sqlalchemy import select

from storyline.extract.actors import find_actors, load_gazetteer
from storyline.extract.records import ActorMention
from storyline.nlp.analysis import SentenceRec, load_doc
from storyline.store import analyses as store
from storyline.store.db import open_engine
from storyline.store.schema import analyses
from storyline.story.actors import build_registry

# (who, a name as the news writes it, the role id that names them without a name, expected role, affiliation)
TARGETS = [
    ("Ismail Haniyeh", "Ismail Haniyeh", "role:org:hamas:leader", "leader", "org:hamas"),
    ("Basem Naim", "Basem Naim", None, None, "org:hamas"),
    ("William Burns", "William Burns", "role:USA.intelligence:director", "director", "USA.intelligence"),
    ("Antony Blinken", "Antony Blinken", "role:USA.government:secretary-of-state", "secretary of state", "USA.government"),
    ("Benjamin Netanyahu", "Benjamin Netanyahu", "role:ISR.government:prime-minister", "prime minister", "ISR.government"),
    ("Abdel Fattah al-Sisi", "Sisi", "role:EGY.government:president", "president", "EGY.government"),
    ("Emir of Qatar", "Tamim bin Hamad Al Thani", "role:QAT.government:emir", "emir", "QAT.government"),
    ("Qatar's prime minister", "Mohammed bin Abdulrahman Al Thani", "role:QAT.government:prime-minister", "prime minister", "QAT.government"),
]


def _probe(name: str) -> ActorMention:
    from storyline.extract.actors import slug

    return ActorMention("?", 0, 0, 0, name, "person:" + slug(name), name, "person")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", default="/tmp/corpus.db")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--corrections", default=None)
    ap.add_argument("--out", default=None, help="write the registry as JSON")
    args = ap.parse_args(argv)

    engine = open_engine(args.db, create=False)
    load_gazetteer()
    mentions: list[ActorMention] = []
    t_load = t_find = 0.0
    n = 0
    with engine.connect() as conn:
        ids = [r[0] for r in conn.execute(select(analyses.c.doc_id).order_by(analyses.c.doc_id))]
        if args.limit:
            ids = ids[: args.limit]
        for doc_id in ids:
            t0 = time.perf_counter()
            rec = store.load(conn, doc_id)
            doc = load_doc(store.docbin(conn, doc_id))
            sents = [SentenceRec(s["idx"], s["start"], s["end"]) for s in rec["sentences"]]
            t1 = time.perf_counter()
            mentions.extend(find_actors(doc, doc_id, sents))
            t2 = time.perf_counter()
            t_load += t1 - t0
            t_find += t2 - t1
            n += 1
    t0 = time.perf_counter()
    reg = build_registry(mentions, args.corrections)
    t_reg = time.perf_counter() - t0

    ok = 0
    for who, name, role_id, role, aff in TARGETS:
        by_name = reg.resolve(_probe(name))
        by_role = reg.resolve(role_id) if role_id else None
        a = reg.get(by_name) if by_name else None
        good = a is not None and a.affiliation == aff and (role is None or a.role == role) \
            and (role_id is None or by_role == a.id)
        ok += good
        print(f"{'ok  ' if good else 'FAIL'} {who}")
        if a is None:
            print(f"     not in the registry (name resolves to {by_name})")
            continue
        print(f"     {a.id}  name={a.name!r}  role={a.role!r}  affiliation={a.affiliation}  country={a.country}")
        print(f"     mentions={a.mentions} documents={a.documents}  role id {role_id} -> {by_role}")
        print("     aliases: " + "; ".join(f"{s} ({c})" for s, c in a.top_aliases(6)))
    kinds: dict[str, int] = {}
    for a in reg.actors.values():
        kinds[a.kind] = kinds.get(a.kind, 0) + 1
    print(f"\n{ok}/{len(TARGETS)} resolved with the expected role and affiliation")
    print(f"documents {n}, mentions {len(mentions)}, registry {len(reg)} actors "
          f"({', '.join(f'{k} {v}' for k, v in sorted(kinds.items(), key=lambda kv: -kv[1]))})")
    if n:
        print(f"find_actors {1000 * t_find / n:.2f} ms/document (reading the stored parse {1000 * t_load / n:.2f} ms/document); "
              f"registry built in {t_reg:.2f} s")
    if args.out:
        Path(args.out).write_text(json.dumps(reg.to_dict(), ensure_ascii=False), encoding="utf-8")
    return 0 if ok == len(TARGETS) else 1


if __name__ == "__main__":
    sys.exit(main())
