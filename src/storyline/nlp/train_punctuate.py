"""Train the sentence-boundary CRF and the truecasing table used by :mod:`storyline.nlp.punctuate`.

Self-supervised: punctuated text (BBC articles and live posts from ``corpus/bbc.jsonl``, White House
briefing-room Markdown from ``corpus/whitehouse``) is split into sentences by its own punctuation;
the words are then lower-cased and stripped of punctuation, ASR-like noise is injected (fillers,
repeated and dropped words, false starts), and a linear-chain CRF (python-crfsuite, L-BFGS with
L1 + L2 regularisation) learns whether a sentence ends after each word. Every source keeps its
documents whose index % 10 == 0 out of training; they are the held-out set.

    python -m storyline.nlp.train_punctuate --shared ../shared --out src/storyline/nlp/models

Needs ``python-crfsuite==0.9.12`` (training only; inference decodes the exported weights with numpy).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterator

import numpy as np

from storyline.nlp.punctuate import (
    MODEL_FILE,
    TRUECASE_FILE,
    BoundaryModel,
    ends_sentence_by_punctuation,
    features,
    normalise,
    tokenize,
)

SEED = 20240331
HELDOUT_MOD = 10
DEV_REMAINDER = 5  # documents with index % 10 == 5 are not trained on: they tune the decision threshold


def part_of(idx: int) -> str:
    r = idx % HELDOUT_MOD
    return "test" if r == 0 else "dev" if r == DEV_REMAINDER else "train"

# --------------------------------------------------------------------------------------------
# Reading the corpora
# --------------------------------------------------------------------------------------------


def bbc_documents(shared: Path) -> Iterator[tuple[int, str]]:
    with open(shared / "corpus" / "bbc.jsonl", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            yield i, json.loads(line)["text"]


def whitehouse_documents(shared: Path) -> Iterator[tuple[int, str]]:
    paths = sorted((shared / "corpus" / "whitehouse").rglob("*.md"))
    for i, p in enumerate(paths):
        text = p.read_text(encoding="utf-8")
        if text.startswith("---"):
            end = text.find("\n---", 3)
            if end != -1:
                text = text[end + 4 :]
        yield i, text


_SPEAKER_RE = re.compile(r"^\s*(?:Q|[A-Z][A-Z.'’\- ]{1,50}:)\s+")
_STAGE_RE = re.compile(
    r"\s*\((?=[^()]{0,60}\))[^()]*?(?:applause|laughter|laughs|inaudible|cross-?talk|audience|cheer|"
    r"booing|music|chant|unintelligible|off[- ]mic|pause|audio|technical|interruption)[^()]*\)",
    re.I,
)
_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TIME_RE = re.compile(r"^\s*(?:END\s*)?\d{1,2}:\d{2}\s*[AP]\.?M\.?", re.I)


def whitehouse_paragraphs(body: str) -> list[str]:
    """Paragraphs of a White House Markdown body: lines joined, speaker labels and stage directions dropped."""
    paras = []
    for block in re.split(r"\n\s*\n", body):
        text = " ".join(line.strip() for line in block.splitlines()).strip()
        text = _LINK_RE.sub(r"\1", text)
        text = re.sub(r"^[#>*\-+\s]+", "", text)
        text = text.replace("**", "").replace("__", "")
        text = _SPEAKER_RE.sub("", text)
        text = _STAGE_RE.sub("", text).strip()
        if not text or _TIME_RE.match(text) or text in ("END", "###"):
            continue
        paras.append(text)
    return paras


def bbc_paragraphs(text: str) -> list[str]:
    return [" ".join(b.split()) for b in re.split(r"\n\s*\n|\n", text) if b.strip()]


def paragraphs_to_sentences(paras: list[str]) -> list[list[str]]:
    """Sentences (lists of normalised words) from punctuated paragraphs, split by their punctuation.

    A paragraph ends a sentence; short paragraphs without any final punctuation (headings,
    datelines, "Via Teleconference") are dropped.
    """
    sents: list[list[str]] = []
    for para in paras:
        raws = [para[s:e] for s, e, _ in tokenize(para)]
        if not raws:
            continue
        if len(raws) < 8 and not re.search(r"[.?!…][\"'”’)\]]*$", para):
            continue
        cur: list[str] = []
        for k, raw in enumerate(raws):
            w = normalise(raw)
            nxt = raws[k + 1] if k + 1 < len(raws) else None
            if w:
                cur.append(w)
                end = ends_sentence_by_punctuation(raw, nxt)
            else:  # pure punctuation token such as "..." or "?"
                end = bool(cur) and ends_sentence_by_punctuation("x" + raw, nxt)
            if end and cur:
                sents.append(cur)
                cur = []
        if cur:
            sents.append(cur)
    return sents


_PTB_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_PTB_CLITICS = frozenset(["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"])
_PTB_CLOSERS = frozenset([".", ",", ";", ":", "?", "!", "%", ")", "]", "}", "''", "'"])
_PTB_DATELINE_RE = re.compile(r"^[A-Z][A-Z .,'-]{1,40}(?: \([A-Za-z ]{1,20}\))? --? ")


def detokenize_ptb(line: str) -> str:
    """Undo Penn-Treebank tokenisation of one sentence line ("Mexico 's" -> "Mexico's", "ca n't" -> "can't",
    "said . ''" -> "said.''", "-LRB-" -> "("), so that ``normalise`` sees the same words as in running text."""
    out: list[str] = []
    for tok in line.split():
        tok = _PTB_BRACKETS.get(tok, tok)
        if tok == "``" or tok == "`":
            continue  # opening quotes carry nothing for the labels
        low = tok.lower()
        if out and (low in _PTB_CLITICS or tok in _PTB_CLOSERS
                    or (low == "na" and out[-1].lower() in ("gon", "wan"))
                    or (low == "not" and out[-1].lower() == "can")):
            out[-1] += tok
        else:
            out.append(tok)
    return " ".join(out)


def timeline17_documents(root: Path, min_shared: int = 3) -> list[list[str]]:
    """Cleaned sentence lines of every article under a Timeline17-style folder (training text only).

    Layout ``<root>/<topic>/InputDocs/<date>/<id>.htm.txt`` (or ``root`` being one topic folder): one article
    per file, one Penn-Treebank-tokenised sentence per line. Exact duplicate articles are read once; dropped
    are the first line (headline and standfirst run into the first sentence), lines shared by ``min_shared`` or
    more articles (site boilerplate: comment policies, "The Associated Press contributed ..."), photo credits,
    lines with an ellipsis (truncated teasers), lines of fewer than 4 tokens or without sentence-final
    punctuation, and lines that are not mostly ASCII letters (garbled or non-English pages). A leading
    dateline ("NEW ORLEANS (AP) --") is cut off. Lines are detokenised (``detokenize_ptb``).
    """
    paths = sorted(p for p in root.rglob("*.txt") if "InputDocs" in p.parts)
    raw_docs, seen = [], set()
    for p in paths:
        lines = [ln.strip() for ln in p.read_text(encoding="utf-8", errors="replace").splitlines() if ln.strip()]
        key = "\n".join(lines)
        if not lines or key in seen:
            continue
        seen.add(key)
        raw_docs.append(lines)
    shared_lines = Counter(ln for lines in raw_docs for ln in set(lines))
    docs = []
    for lines in raw_docs:
        kept = []
        for ln in lines[1:]:
            toks = ln.split()
            if (shared_lines[ln] >= min_shared or len(toks) < 4 or ln.startswith("Photograph :")
                    or "..." in toks or "…" in ln or "-LCB-" in toks):
                continue
            letters = [c for c in ln if c.isalpha()]
            if not letters or sum(c.isascii() for c in letters) < 0.97 * len(letters):
                continue
            text = _PTB_DATELINE_RE.sub("", detokenize_ptb(ln))
            if not re.search(r"[.?!][\"'”’)\]]*$", text):
                continue
            kept.append(text)
        if kept:
            docs.append(kept)
    return docs


def load_extra_training(shared: Path, folders: list[str]) -> list[list[list[str]]]:
    """Training-only documents (lists of sentences) from Timeline17-style folders given relative to ``shared``
    (e.g. ``bench/timeline17``); every cleaned line ends a sentence (``paragraphs_to_sentences``)."""
    docs = []
    for folder in folders:
        for lines in timeline17_documents(shared / folder):
            s = paragraphs_to_sentences(lines)
            if s:
                docs.append(s)
    return docs


def load_corpus(shared: Path, part: str = "test", limit: int = 0) -> list[list[list[str]]]:
    """Documents (lists of sentences) from BBC and White House of one part: "train", "dev" or "test".

    ``limit`` > 0 stops after that many BBC documents of the part and reads no White House text
    (a quick slice for tests).
    """
    docs = []
    for idx, text in bbc_documents(shared):
        if part_of(idx) == part:
            s = paragraphs_to_sentences(bbc_paragraphs(text))
            if s:
                docs.append(s)
            if limit and len(docs) >= limit:
                return docs
    for idx, text in whitehouse_documents(shared):
        if part_of(idx) == part:
            s = paragraphs_to_sentences(whitehouse_paragraphs(text))
            if s:
                docs.append(s)
    return docs


# --------------------------------------------------------------------------------------------
# Noise and labels
# --------------------------------------------------------------------------------------------

FILLERS = ["uh"] * 6 + ["um"] * 3 + ["er"]


def noisy(sentences: list[list[str]], rng: random.Random, level: float = 1.0) -> list[list[str]]:
    """ASR-like noise: fillers (often at sentence starts), repeated words, dropped words, false starts."""
    out = []
    for sent in sentences:
        new: list[str] = []
        if rng.random() < 0.12 * level:
            new.append(rng.choice(FILLERS))
        for w in sent:
            r = rng.random()
            if r < 0.012 * level:
                continue  # dropped word
            if rng.random() < 0.025 * level:
                new.append(rng.choice(FILLERS))
            if rng.random() < 0.006 * level and len(w) > 4:
                new.append(w[: rng.randint(2, 3)])  # false start: "pal palestinian"
            new.append(w)
            if rng.random() < 0.015 * level:
                new.extend([w] * rng.choice([1, 1, 1, 2]))  # "to to", "in in in"
        if rng.random() < 0.03 * level:
            new.append(rng.choice(FILLERS))  # trailing filler before the boundary
        if new:
            out.append(new)
    return out


def flatten(sentences: list[list[str]]) -> tuple[list[str], list[int]]:
    """Words of a document and, per word, 1 when a sentence ends after it."""
    words, ends = [], []
    for s in sentences:
        words.extend(s)
        ends.extend([0] * (len(s) - 1) + [1])
    return words, ends


def bies(ends: list[int]) -> list[str]:
    """B/I/E/S labels (start, inside, end, single-word sentence) from end flags."""
    labels = []
    start = True
    for e in ends:
        if start and e:
            labels.append("S")
        elif start:
            labels.append("B")
        elif e:
            labels.append("E")
        else:
            labels.append("I")
        start = bool(e)
    return labels


def prf(gold: list[int], pred: list[int]) -> tuple[float, float, float, int, int, int]:
    tp = sum(1 for g, p in zip(gold, pred) if g and p)
    fp = sum(1 for g, p in zip(gold, pred) if p and not g)
    fn = sum(1 for g, p in zip(gold, pred) if g and not p)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp, fp, fn


def evaluate(docs: list[list[list[str]]], predict) -> tuple[float, float, float, int, int, int]:
    """Boundary P/R/F1 over all words except each document's last (whose boundary is trivial)."""
    gold_all, pred_all = [], []
    for sents in docs:
        words, ends = flatten(sents)
        pred = predict(words)
        gold_all.extend(ends[:-1])
        pred_all.extend(int(x) for x in pred[:-1])
    return prf(gold_all, pred_all)


# --------------------------------------------------------------------------------------------
# Truecasing table
# --------------------------------------------------------------------------------------------


def truecase_counts(shared: Path, counts: dict[str, Counter]) -> None:
    word_re = re.compile(r"[^\W_](?:[\w'’.\-]*[^\W_])?")
    for source, paras_fn in ((bbc_documents, bbc_paragraphs), (whitehouse_documents, whitehouse_paragraphs)):
        for idx, text in source(shared):
            if idx % HELDOUT_MOD == 0:
                continue
            for para in paras_fn(text):
                raws = [para[s:e] for s, e, _ in tokenize(para)]
                if len(raws) < 8:
                    continue  # headlines: title case
                upper = sum(1 for r in raws if r.isupper() and len(r) > 1)
                if upper > len(raws) / 3:
                    continue  # shouting
                start = True
                for k, raw in enumerate(raws):
                    for j, m in enumerate(word_re.finditer(raw)):
                        w = m.group().replace("’", "'")
                        if not (start and j == 0) and any(c.isalpha() for c in w):
                            counts[w.lower()][w] += 1
                    if any(c.isalnum() for c in raw):
                        start = ends_sentence_by_punctuation(raw, raws[k + 1] if k + 1 < len(raws) else None)
                    if raw.endswith(":"):
                        start = True


def build_truecase(counts: dict[str, Counter], min_count: int = 3, min_share: float = 0.6,
                   lower_min: int = 5) -> dict:
    cased, lower = {}, []
    for key, c in counts.items():
        total = sum(c.values())
        form, n = c.most_common(1)[0]
        if form == key:
            if total >= lower_min and n / total >= 0.8:
                lower.append(key)
            continue
        if total >= min_count and n / total >= min_share and len(form) == len(key) and form.lower() == key:
            cased[key] = form
    return {"cased": dict(sorted(cased.items())), "lower": sorted(lower)}


# --------------------------------------------------------------------------------------------
# Training
# --------------------------------------------------------------------------------------------


def export(model_path: Path, out_file: Path, min_abs: float = 1e-3) -> BoundaryModel:
    """Read a crfsuite model and keep the attributes with a non-negligible weight."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    info = tagger.info()
    labels = sorted(info.labels)
    li = {lab: i for i, lab in enumerate(labels)}
    trans = np.zeros((len(labels), len(labels)), np.float32)
    for (a, b), w in info.transitions.items():
        trans[li[a], li[b]] = w
    weights: dict[str, np.ndarray] = defaultdict(lambda: np.zeros(len(labels), np.float32))
    for (attr, lab), w in info.state_features.items():
        weights[attr][li[lab]] = w
    attrs = []
    rows = []
    for a, v in weights.items():
        # only differences between labels matter; centre each row to shrink magnitudes
        v = v - v.mean()
        if np.abs(v).max() >= min_abs:
            attrs.append(a)
            rows.append(v)
    tagger.close()
    model = BoundaryModel(attrs, np.array(rows, np.float32), trans, labels)
    model.save(out_file)
    return BoundaryModel.load(out_file)


def train(args: argparse.Namespace) -> None:
    import pycrfsuite

    shared = Path(args.shared)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    t0 = time.time()
    train_docs = load_corpus(shared, "train")
    dev_docs = load_corpus(shared, "dev")
    test_docs = load_corpus(shared, "test")
    n_train = sum(len(s) for d in train_docs for s in d)
    print(f"train: {len(train_docs)} docs, {n_train} words; held-out: {len(test_docs)} docs,"
          f" {sum(len(s) for d in test_docs for s in d)} words ({time.time() - t0:.0f}s)", flush=True)

    trainer = pycrfsuite.Trainer(verbose=False)
    n_items = 0
    for copy in range(args.copies):
        for sents in train_docs:
            level = args.noise if copy % 2 == 0 else args.noise * 0.3
            words, ends = flatten(noisy(sents, rng, level))
            # long documents are cut into chunks of whole sentences (~400 words) for training
            start = 0
            for i in range(len(words)):
                if ends[i] and (i + 1 - start >= 400 or i == len(words) - 1):
                    w, e = words[start : i + 1], ends[start : i + 1]
                    trainer.append(features(w), bies(e) if args.labels == "bies" else [str(x) for x in e])
                    n_items += len(w)
                    start = i + 1
            if args.limit and n_items >= args.limit:
                break
    print(f"appended {n_items} items ({time.time() - t0:.0f}s)", flush=True)
    trainer.set_params({
        "c1": args.c1,
        "c2": args.c2,
        "max_iterations": args.iterations,
        "feature.minfreq": args.minfreq,
        "feature.possible_transitions": True,
    })
    raw = out / "sentence_boundary.crfsuite.tmp"
    trainer.train(str(raw))
    print(f"trained ({time.time() - t0:.0f}s); last iteration: {trainer.logparser.last_iteration}", flush=True)
    model = export(raw, out / MODEL_FILE, args.min_abs)
    raw.unlink()
    # threshold on the posterior probability of a boundary, tuned for F1 on the (noised) dev documents
    drng = random.Random(SEED + 2)
    dev = [flatten(noisy(d, drng, 0.5)) for d in dev_docs]
    gold = [e for w, ends in dev for e in ends[:-1]]
    probs = np.concatenate([model.boundary_probability(w)[:-1] for w, ends in dev])
    best = max((prf(gold, list(probs >= t))[2], t) for t in np.arange(0.2, 0.71, 0.025))
    print(f"dev: Viterbi F1 {evaluate(dev_docs, model.viterbi)[2]:.4f}; "
          f"threshold {best[1]:.3f} gives F1 {best[0]:.4f} (noised dev)", flush=True)
    model.threshold = float(best[1])
    model.save(out / MODEL_FILE)
    model = BoundaryModel.load(out / MODEL_FILE)
    print(f"model: {len(model.index)} attributes, {(out / MODEL_FILE).stat().st_size} bytes", flush=True)

    def predict(words):
        return model.decode(words)

    p, r, f, tp, fp, fn = evaluate(test_docs, predict)
    print(f"held-out (clean, stripped): precision {p:.4f} recall {r:.4f} F1 {f:.4f} (tp {tp} fp {fp} fn {fn})")
    nrng = random.Random(SEED + 1)
    noisy_docs = [noisy(d, nrng) for d in test_docs]
    p, r, f, tp, fp, fn = evaluate(noisy_docs, predict)
    print(f"held-out (ASR-like noise):  precision {p:.4f} recall {r:.4f} F1 {f:.4f} (tp {tp} fp {fp} fn {fn})")

    if not args.skip_truecase:
        counts: dict[str, Counter] = defaultdict(Counter)
        truecase_counts(shared, counts)
        table = build_truecase(counts)
        (out / TRUECASE_FILE).write_text(json.dumps(table, ensure_ascii=False, separators=(",", ":")),
                                         encoding="utf-8")
        print(f"truecase: {len(table['cased'])} cased, {len(table['lower'])} lower-case words,"
              f" {(out / TRUECASE_FILE).stat().st_size} bytes")
    print(f"done in {time.time() - t0:.0f}s")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default="../shared", help="the shared data folder (with corpus/)")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "models"))
    ap.add_argument("--labels", choices=["bies", "binary"], default="bies")
    ap.add_argument("--copies", type=int, default=1, help="noised copies of the training set")
    ap.add_argument("--noise", type=float, default=1.0)
    ap.add_argument("--c1", type=float, default=0.2)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=100)
    ap.add_argument("--minfreq", type=float, default=3)
    ap.add_argument("--min-abs", type=float, default=1e-3)
    ap.add_argument("--limit", type=int, default=0, help="stop after this many training words (0: all)")
    ap.add_argument("--skip-truecase", action="store_true")
    args = ap.parse_args(argv)
    train(args)


if __name__ == "__main__":
    main(sys.argv[1:])
