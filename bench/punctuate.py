"""Benchmark the sentence-boundary model of storyline.nlp.punctuate.

Prints boundary precision / recall / F1 on the held-out documents (index % 10 == 0 of BBC and White
House, never trained on), stripped of punctuation and case, both clean and with ASR-like noise;
the words per second of restore_sentences' model; and the first restored sentences of seed 004.

    .venv/bin/python bench/punctuate.py [--shared ../shared] [--limit N]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

from storyline.nlp import punctuate
from storyline.nlp.train_punctuate import SEED, evaluate, load_corpus, noisy

PROJECT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(PROJECT.parent / "shared"))
    ap.add_argument("--limit", type=int, default=0, help="only the first N held-out BBC documents")
    ap.add_argument("--model", choices=["shipped", "crf", "nn"], default="shipped",
                    help="the model restore_sentences uses (default), the CRF or the neural tagger")
    args = ap.parse_args()
    shared = Path(args.shared)

    t = time.perf_counter()
    if args.model == "crf":
        model = punctuate._crf_model()
    elif args.model == "nn":
        model = punctuate._nn_model()
    else:
        model = punctuate._model()
    punctuate._model = lambda: model  # restore_sentences / predict_boundaries below use the chosen model
    punctuate._truecase_table()
    if isinstance(model, punctuate.MixedBoundaryModel):
        path = punctuate.MODEL_DIR / punctuate.NN_MODEL_FILE
        crf_path = punctuate.MODEL_DIR / punctuate.MODEL_FILE
        what = (f"neural BiGRU tagger ({len(model.vocab)} words, {model.nn.n_layers} layers, hidden {model.hidden},"
                f" windows of {model.width} words) mixed with the CRF (neural logit weight {model.weight:.2f});"
                f" decoding: P(boundary) >= {model.threshold:.3f}; CRF file {crf_path.stat().st_size} bytes")
    elif isinstance(model, punctuate.NeuralBoundaryModel):
        path = punctuate.MODEL_DIR / punctuate.NN_MODEL_FILE
        what = (f"neural BiGRU tagger ({len(model.vocab)} words, {model.n_layers} layers, hidden {model.hidden},"
                f" windows of {model.width}"
                f" words); decoding: P(boundary) >= {model.threshold:.3f}")
    else:
        path = punctuate.MODEL_DIR / punctuate.MODEL_FILE
        what = (f"CRF, {len(model.index)} attributes; decoding: "
                f"{'posterior >= %.3f' % model.threshold if model.threshold is not None else 'Viterbi'}")
    print(f"model load: {time.perf_counter() - t:.2f}s; {what}; size {path.stat().st_size} bytes")

    docs = load_corpus(shared, "test", limit=args.limit)
    n_words = sum(len(s) for d in docs for s in d)
    n_sents = sum(len(d) for d in docs)
    print(f"held-out: {len(docs)} documents, {n_sents} sentences, {n_words} words")

    t = time.perf_counter()
    p, r, f, tp, fp, fn = evaluate(docs, punctuate.predict_boundaries)
    dt = time.perf_counter() - t
    print(f"held-out clean  : precision {p:.4f}  recall {r:.4f}  F1 {f:.4f}  (tp {tp}, fp {fp}, fn {fn})")
    print(f"speed           : {n_words / dt:,.0f} words/s (features + decoding)")
    rng = random.Random(SEED + 1)
    p, r, f, tp, fp, fn = evaluate([noisy(d, rng) for d in docs], punctuate.predict_boundaries)
    print(f"held-out noised : precision {p:.4f}  recall {r:.4f}  F1 {f:.4f}  (tp {tp}, fp {fp}, fn {fn})")

    seed = shared / "corpus" / "seeds" / "004_ca11e6ccf9581cca.txt"
    if seed.exists():
        raw = seed.read_text(encoding="utf-8")
        m = re.search(r"<doc>\s*(.*?)\s*</doc>", raw, re.S)
        text = m.group(1) if m else raw
        t = time.perf_counter()
        spans = punctuate.restore_sentences(text)
        dt = time.perf_counter() - t
        print(f"\nseed 004: {len(text.split())} words -> {len(spans)} sentences "
              f"({dt * 1000:.0f} ms); needs_restoration={punctuate.needs_restoration(text)}")
        cased = punctuate.truecase(text)
        for i, (s, e) in enumerate(spans[:10], 1):
            print(f"{i:2d}. {cased[s:e]}")


if __name__ == "__main__":
    main()
