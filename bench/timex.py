"""Benchmark the TIMEX3 tagger on the TempEval-3 training folders (TimeBank, AQUAINT).

Usage: python bench/timex.py [--errors N] [FOLDER...]
Prints the TempEval-3 Task A metrics (strict/relaxed span P/R/F1, value and type accuracy, value F1)
and the speed per folder. The data stays in ../shared; nothing is copied into the project.
"""

from __future__ import annotations

import argparse
import json
import os
from collections import Counter
from pathlib import Path

from storyline.eval.timeml import score_timex

SHARED = Path(os.environ.get("STORYLINE_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="*")
    ap.add_argument("--errors", type=int, default=0, help="print N example errors of each kind")
    ap.add_argument("--kind", default=None)
    args = ap.parse_args()
    folders = args.folders or [str(SHARED / "bench/te3/TimeBank"), str(SHARED / "bench/te3/AQUAINT")]
    for folder in folders:
        errors: list = []
        res = score_timex([Path(folder)], errors=errors)
        print(Path(folder).name, json.dumps(res))
        if args.errors:
            kinds = Counter(e["kind"] for e in errors)
            print("  error kinds:", dict(kinds))
            for kind in ("miss", "fp", "value", "type", "span"):
                if args.kind and kind != args.kind:
                    continue
                shown = [e for e in errors if e["kind"] == kind][: args.errors]
                for e in shown:
                    print(f"  [{kind}] {e['file']} dct={e['dct']} gold={e['gold']} pred={e['pred']} | {e['context']}")


if __name__ == "__main__":
    main()
