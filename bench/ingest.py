"""Ingest throughput and memory on all of ../shared/corpus, and memory with the input repeated ten times.

Each run is a fresh process ingesting into a fresh SQLite file; peak memory is the process's
maximum resident set size. Usage: python bench/ingest.py [--shared ../shared] [--repeat 10]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
from storyline.store.db import open_engine
from storyline.pipeline.ingest import ingest
db, repeat, paths = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
engine = open_engine(db)
t = time.perf_counter()
summary = ingest(engine, paths * repeat)
seconds = time.perf_counter() - t
print(json.dumps({"seconds": seconds, "totals": summary.totals, "errors": len(summary.errors),
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(paths: list[str], repeat: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run([sys.executable, "-c", CHILD, f"sqlite:///{tmp}/bench.db", str(repeat), *paths],
                             check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    corpus = Path(args.shared) / "corpus"
    if not corpus.exists():
        sys.exit(f"no corpus at {corpus}")
    once = run([str(corpus)], 1)
    many = run([str(corpus)], args.repeat)
    docs = once["totals"]["read"]
    print(f"corpus: {docs} documents, {once['errors']} errors")
    print(f"ingest once: {once['seconds']:.1f} s, {docs / once['seconds']:.0f} documents/s, peak memory {once['peak_rss_mb']:.0f} MB")
    print(f"input x{args.repeat}: {many['totals']['read']} documents read ({many['totals']['unchanged']} unchanged), "
          f"{many['seconds']:.1f} s, {many['totals']['read'] / many['seconds']:.0f} documents/s, peak memory {many['peak_rss_mb']:.0f} MB")
    print(f"peak memory ratio x{args.repeat} / x1: {many['peak_rss_mb'] / once['peak_rss_mb']:.2f}")


if __name__ == "__main__":
    main()
