"""Timeline summarization on Timeline17-format topics: the default parameters, and leave-one-out tuning.

    .venv/bin/python bench/tls.py [TOPICS_DIR] [--cache DIR]

Prints the scores of `storyline eval tls` with the builder's defaults, then an honest check of those
defaults: for each task, the global parameters (date weights by date F1, the topic-vector share by
align+ m:1 ROUGE-1) are chosen on the *other* tasks from a small grid and the held-out task is scored
with them. Topics are analysed once into the cache (as `storyline eval tls` does).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from dataclasses import replace
from pathlib import Path

from storyline.eval import tls
from storyline.story.timeline import TimelineParams, rank_dates

ROOT = Path(__file__).resolve().parents[1]
DATE_GRID = [dict(w_back=a, w_same=0.0, w_docs=b, w_pub=c)
             for a, b, c in itertools.product([0.0, 0.5, 1.0], [0.5, 1.0, 2.0], [0.0, 0.5, 1.0, 2.0])]
TOPIC_GRID = [0.0, 0.3, 0.5, 0.7]


def load(topics_dir: Path, cache: Path):
    tasks = []
    for topic in tls.find_topics([topics_dir]):
        golds = [g for g in tls.load_gold(topic) if g.entries]
        first, last = min(g.dates[0] for g in golds), max(g.dates[-1] for g in golds)
        prep = tls.prepare_topic(topic, tls.topic_files(topic, first, last), cache)
        cands = tls.load_candidates(prep.url, first, last)
        tasks.extend((g.name, g, cands) for g in golds)
    return tasks


def dates_only(tasks, params: TimelineParams) -> dict[str, dict]:
    out = {}
    for name, g, cands in tasks:
        cs = [c for c in cands if g.dates[0] <= c.pub_date <= g.dates[-1]]
        top = [d for d, _ in rank_dates(cs, params, (g.dates[0], g.dates[-1]))[: g.l]]
        out[name] = {"date": tls.date_scores({d: [] for d in top}, g.entries)}
    return out


def full(tasks, params: TimelineParams) -> dict[str, dict]:
    return {name: tls.score_timeline(tls.run_task(cands, g, params)[0], g.entries) for name, g, cands in tasks}


def f1_over(scores: dict[str, dict], names: list[str], metric: str) -> float:
    return tls.average([scores[n] for n in names])[metric]["f1"]


def show(title: str, per_task: dict[str, dict]) -> None:
    cols = ("date", "align_r1", "align_r2", "concat_r1", "concat_r2", "agreement_r1", "agreement_r2")
    print(f"\n{title}\n{'task':16s} " + " ".join(f"{c:>12s}" for c in cols))
    for name, s in per_task.items():
        print(f"{name:16s} " + " ".join(f"{s[c]['f1']:12.3f}" for c in cols))
    avg = tls.average(list(per_task.values()))
    print(f"{'average':16s} " + " ".join(f"{avg[c]['f1']:12.4f}" for c in cols))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("topics", nargs="?", default=str(ROOT.parent / "shared" / "bench" / "timeline17"))
    ap.add_argument("--cache", default=str(tls.default_cache_dir()))
    args = ap.parse_args()
    t0 = time.perf_counter()
    tasks = load(Path(args.topics), Path(args.cache))
    if not tasks:
        sys.exit(f"no topics under {args.topics}")
    print(f"{len(tasks)} tasks loaded in {time.perf_counter() - t0:.1f} s")
    defaults = TimelineParams()
    show(f"defaults {defaults}", full(tasks, defaults))

    names = [n for n, _, _ in tasks]
    date_runs = [dates_only(tasks, replace(defaults, **kw)) for kw in DATE_GRID]
    topic_runs = [full(tasks, replace(defaults, topic_weight=t)) for t in TOPIC_GRID]
    held_out = {}
    for held, g, cands in tasks:
        others = [n for n in names if n != held]
        d = max(range(len(DATE_GRID)), key=lambda i: f1_over(date_runs[i], others, "date"))
        t = max(range(len(TOPIC_GRID)), key=lambda i: f1_over(topic_runs[i], others, "align_r1"))
        params = replace(defaults, **DATE_GRID[d], topic_weight=TOPIC_GRID[t])
        print(f"{held:16s} chosen on the others: {DATE_GRID[d]} topic_weight={TOPIC_GRID[t]}")
        held_out[held] = tls.score_timeline(tls.run_task(cands, g, params)[0], g.entries)
    show("leave-one-out (parameters chosen without the task)", held_out)
    print(f"\ntime {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
