"""Train the neural sentence-boundary tagger of :mod:`storyline.nlp.punctuate` (training needs torch).

Same data, split, labels and ASR-like noise as :mod:`storyline.nlp.train_punctuate` (its functions are
reused): word / word-class / 3-letter-suffix embeddings -> stacked BiGRU (``--layers``) -> one boundary
logit per word, trained with binary cross-entropy on windows of ``--width`` words cut at random offsets
from the noised training stream (noise re-drawn every epoch; per document clean, light or full noise).
The learning rate follows a warm-up + cosine schedule over the time budget (``--minutes``). After each
epoch the model is scored on the noised dev documents (index % 10 == 5; never the held-out test set)
with the same overlapping windows as at inference; the epoch and threshold with the best dev F1 are
exported to ``.npz`` (and checked against the numpy forward pass of ``punctuate.NeuralBoundaryModel``).

    python -m storyline.nlp.train_punctuate_nn --shared ../shared --out /tmp/nn --minutes 44 [--init-npz OLD.npz]
    python -m storyline.nlp.train_punctuate_nn --shared ../shared --tune-mix src/storyline/nlp/models/sentence_boundary_nn.npz

``--extra bench/timeline17`` adds training-only text from Timeline17-style folders
(``train_punctuate.load_extra_training``); the dev and held-out documents do not change.
``--tune-mix`` chooses, on the same noised dev documents, how the tagger's logit is mixed with the CRF's
(``punctuate.MixedBoundaryModel``). The exact recipe of the shipped file is in ``models/README.md``.
Inference needs numpy only.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from storyline.nlp.punctuate import NN_CLASSES, NN_MODEL_FILE, NeuralBoundaryModel, nn_inputs, nn_windows
from storyline.nlp.train_punctuate import SEED, evaluate, flatten, load_corpus, load_extra_training, noisy, prf


def build_model(torch, n_vocab, n_suffix, dims=(128, 16, 32), hidden=192, layers=2, dropout=0.25):
    nn = torch.nn

    class Tagger(nn.Module):
        def __init__(self):
            super().__init__()
            self.emb_word = nn.Embedding(n_vocab, dims[0])
            self.emb_class = nn.Embedding(len(NN_CLASSES) + 1, dims[1])
            self.emb_suffix = nn.Embedding(n_suffix, dims[2])
            self.drop = nn.Dropout(dropout)
            self.gru = nn.GRU(sum(dims), hidden, num_layers=layers, batch_first=True, bidirectional=True,
                              dropout=dropout if layers > 1 else 0.0)
            self.out = nn.Linear(2 * hidden, 1)

        def forward(self, ids):
            x = torch.cat([self.emb_word(ids[..., 0]), self.emb_class(ids[..., 1]),
                           self.emb_suffix(ids[..., 2])], dim=-1)
            h, _ = self.gru(self.drop(x))
            return self.out(self.drop(h)).squeeze(-1)

    return Tagger()


def export(model, vocab: list[str], suffixes: list[str], width: int, core: int, threshold: float,
           path: Path) -> None:
    sd = {k: v.detach().cpu().numpy() for k, v in model.state_dict().items()}
    layers = model.gru.num_layers
    rnn = {}
    for k in range(layers):
        for sfx in ("", "_reverse"):
            for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
                key = f"{name}_l{k}{sfx}"
                arr = sd["gru." + key]
                rnn[key] = arr.astype(np.float16) if name.startswith("weight") else arr.astype(np.float32)
    np.savez_compressed(
        path,
        vocab=np.frombuffer("\n".join(vocab).encode("utf-8"), dtype=np.uint8),
        suffixes=np.frombuffer("\n".join(suffixes).encode("utf-8"), dtype=np.uint8),
        emb_word=sd["emb_word.weight"].astype(np.float16),
        emb_class=sd["emb_class.weight"].astype(np.float32),
        emb_suffix=sd["emb_suffix.weight"].astype(np.float16),
        out_w=sd["out.weight"].astype(np.float32), out_b=sd["out.bias"].astype(np.float32),
        layers=np.int32(layers), width=np.int32(width), core=np.int32(core), threshold=np.float32(threshold),
        **rnn,
    )


def window_logits(torch, model, docs_ids: list[np.ndarray], width: int, core: int, batch: int = 256):
    """Per-document logits with the inference windowing of ``NeuralBoundaryModel.logits`` (torch)."""
    wins, plan = [], []
    for ids in docs_ids:
        n = len(ids)
        if n <= width:
            plan.append((None, None, None, ids))  # run alone, unpadded, as at inference
        else:
            starts, which = nn_windows(n, width, core)
            plan.append((len(wins), starts, which, n))
            wins.extend(ids[s : s + width] for s in starts)
    out = []
    with torch.no_grad():
        for b in range(0, len(wins), batch):
            out.append(model(torch.from_numpy(np.stack(wins[b : b + batch]))).numpy())
    lg = np.concatenate(out) if out else np.zeros((0, width), np.float32)
    res = []
    for first, starts, which, n in plan:
        if first is None:
            with torch.no_grad():
                res.append(model(torch.from_numpy(n[None]))[0].numpy())
        else:
            res.append(lg[first + which, np.arange(n) - starts[which]])
    return res


def train(args: argparse.Namespace) -> None:
    import torch

    torch.set_num_threads(args.threads)
    torch.manual_seed(SEED)
    shared, out = Path(args.shared), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    train_docs = load_corpus(shared, "train")
    if args.extra:
        extra = load_extra_training(shared, args.extra)
        print(f"extra training text from {', '.join(args.extra)}: {len(extra)} docs,"
              f" {sum(len(s) for d in extra for s in d)} words", flush=True)
        train_docs += extra
    dev_docs = load_corpus(shared, "dev")
    counts = Counter(w for d in train_docs for s in d for w in s)
    init = None
    if args.init_npz:
        # warm start: vocabulary, suffixes, embeddings and the first BiGRU layer of an exported model
        with np.load(args.init_npz, allow_pickle=False) as z:
            init = {k: z[k] for k in z.files}
        vocab = bytes(init["vocab"]).decode("utf-8").split("\n")
        suffixes = bytes(init["suffixes"]).decode("utf-8").split("\n")
        args.dims = (init["emb_word"].shape[1], init["emb_class"].shape[1], init["emb_suffix"].shape[1])
    else:
        vocab = [w for w, c in counts.most_common(args.vocab) if c >= args.min_count]
        sfx = Counter()
        for w, c in counts.items():
            sfx[w[-3:]] += c
        suffixes = [s for s, _ in sfx.most_common(args.suffixes)]
    vmap = {w: i + 2 for i, w in enumerate(vocab)}
    smap = {s: i + 2 for i, s in enumerate(suffixes)}
    print(f"train {len(train_docs)} docs, {sum(counts.values())} words; vocab {len(vocab)};"
          f" suffixes {len(suffixes)} ({time.time() - t0:.0f}s)", flush=True)

    drng = random.Random(SEED + 2)
    dev = [flatten(noisy(d, drng, 0.5)) for d in dev_docs]
    dev_gold = np.array([e for _, ends in dev for e in ends[:-1]], bool)
    dev_ids = [nn_inputs(w, vmap, smap) for w, _ in dev]

    model = build_model(torch, len(vocab) + 2, len(suffixes) + 2, hidden=args.hidden, layers=args.layers,
                        dropout=args.dropout, dims=tuple(args.dims))
    if args.init:
        model.load_state_dict(torch.load(args.init))
    elif init is not None:
        sd = model.state_dict()
        one = "layers" not in init
        for k, v in init.items():
            if k.startswith("emb_"):
                target = k + ".weight"
            elif k.startswith(("weight_", "bias_")):
                base, rev = (k[: -len("_reverse")], "_reverse") if k.endswith("_reverse") else (k, "")
                target = "gru." + (base + "_l0" if one else base) + rev
            elif k in ("out_w", "out_b") and args.layers == int(init.get("layers", 1)):
                target = "out." + ("weight" if k == "out_w" else "bias")
            else:
                continue
            if target in sd and sd[target].shape == v.shape:
                sd[target] = torch.from_numpy(v.astype(np.float32))
                print(f"  warm start: {target} from {k}", flush=True)
        model.load_state_dict(sd)
    print(f"parameters: {sum(p.numel() for p in model.parameters()):,}", flush=True)

    def dev_f1() -> tuple[float, float]:
        model.eval()
        probs = 1 / (1 + np.exp(-np.concatenate([lg[:-1] for lg in
                                                 window_logits(torch, model, dev_ids, W, args.core)])))
        return max((prf(dev_gold, probs >= t)[2], float(t)) for t in np.arange(0.2, 0.71, 0.025))

    W = args.width
    if args.init or init is not None:
        f, thr = dev_f1()
        print(f"warm start: noised dev F1 {f:.4f} at {thr:.3f} ({time.time() - t0:.0f}s)", flush=True)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    rng = random.Random(SEED + args.first_epoch)
    best = (-1.0, 0.5, -1)
    t_start = time.time()
    budget = args.minutes * 60 - (t_start - t0)
    deadline = t_start + budget

    def lr_at(now: float) -> float:
        frac = min(1.0, (now - t_start) / budget)
        if frac < args.warmup:
            return args.lr * max(0.05, frac / args.warmup)
        prog = (frac - args.warmup) / (1 - args.warmup)
        return args.lr * (args.lr_floor + (1 - args.lr_floor) * 0.5 * (1 + math.cos(math.pi * prog)))

    levels = [float(x) for x in args.levels.split(",")]
    epoch = args.first_epoch - 1
    stop = False
    while not stop and epoch < args.first_epoch - 1 + args.epochs:
        epoch += 1
        model.train()
        ids_l, lab_l = [], []
        for k, sents in enumerate(train_docs):
            level = args.noise * levels[(k + epoch) % len(levels)]
            words, ends = flatten(noisy(sents, rng, level))
            ids_l.append(nn_inputs(words, vmap, smap))
            lab_l.append(np.asarray(ends, np.float32))
        order = list(range(len(ids_l)))
        rng.shuffle(order)
        ids = np.concatenate([ids_l[i] for i in order])
        labs = np.concatenate([lab_l[i] for i in order])
        # whole-word UNK dropout so that the UNK embedding is trained
        drop = np.random.default_rng(epoch).random(len(ids)) < args.unk_drop
        ids[drop, 0] = 1
        off = rng.randrange(W)
        n_win = (len(ids) - off) // W
        X = torch.from_numpy(ids[off : off + n_win * W].reshape(n_win, W, 3))
        Y = torch.from_numpy(labs[off : off + n_win * W].reshape(n_win, W))
        if args.smooth:
            Y = Y * (1 - args.smooth) + 0.5 * args.smooth
        perm = torch.randperm(n_win)
        tot, nb = 0.0, 0
        for b in range(0, n_win, args.batch):
            now = time.time()
            if now > deadline:
                stop = True
                break
            for g in opt.param_groups:
                g["lr"] = lr_at(now)
            idx = perm[b : b + args.batch]
            logit = model(X[idx])
            loss = torch.nn.functional.binary_cross_entropy_with_logits(logit, Y[idx])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            tot += loss.item()
            nb += 1
            if nb % 200 == 0:
                print(f"  epoch {epoch} batch {nb}/{math.ceil(n_win / args.batch)} loss {tot / nb:.4f}"
                      f" lr {opt.param_groups[0]['lr']:.2e} ({time.time() - t0:.0f}s)", flush=True)
        if nb < (n_win / args.batch) * 0.3 and epoch > args.first_epoch:
            break  # too little of an epoch since the last evaluation
        f, thr = dev_f1()
        print(f"epoch {epoch}: {nb} batches, loss {tot / max(nb, 1):.4f}; noised dev F1 {f:.4f} at {thr:.3f}"
              f" ({time.time() - t0:.0f}s)", flush=True)
        if f > best[0]:
            best = (f, thr, epoch)
            export(model, vocab, suffixes, W, args.core, thr, out / NN_MODEL_FILE)
            torch.save(model.state_dict(), args.state)
    print(f"best: epoch {best[2]}, noised dev F1 {best[0]:.4f}, threshold {best[1]:.3f};"
          f" {(out / NN_MODEL_FILE).stat().st_size} bytes ({time.time() - t0:.0f}s)", flush=True)
    nm = NeuralBoundaryModel.load(out / NN_MODEL_FILE)
    w0 = dev[0][0][: 3 * W]
    model.load_state_dict(torch.load(args.state))
    model.eval()
    ref = window_logits(torch, model, [nn_inputs(w0, vmap, smap)], W, args.core)[0]
    print(f"numpy vs torch max logit difference: {np.abs(nm.logits(w0) - ref).max():.2e}", flush=True)
    print("dev clean: P %.4f R %.4f F1 %.4f" % evaluate(dev_docs, nm.decode)[:3], flush=True)


def tune_mix(shared: Path, path: Path) -> None:
    """Choose the weight of the neural logit against the CRF logit (``MixedBoundaryModel``) and its threshold
    for the best F1 on the noised dev documents (as for the thresholds); store both in the model file."""
    from storyline.nlp.punctuate import MODEL_DIR, MODEL_FILE, BoundaryModel

    t0 = time.time()
    dev_docs = load_corpus(shared, "dev")
    drng = random.Random(SEED + 2)
    dev = [flatten(noisy(d, drng, 0.5)) for d in dev_docs]
    gold = np.array([e for _, ends in dev for e in ends[:-1]], bool)
    nm = NeuralBoundaryModel.load(path)
    crf = BoundaryModel.load(MODEL_DIR / MODEL_FILE)
    a = np.concatenate([nm.logits(w)[:-1] for w, _ in dev]).astype(np.float64)
    c = np.clip(np.concatenate([crf.boundary_probability(w)[:-1] for w, _ in dev]), 1e-6, 1 - 1e-6)
    c = np.log(c / (1 - c))
    results = []
    for wt in np.arange(0.5, 1.001, 0.05):
        p = 1 / (1 + np.exp(-(wt * a + (1 - wt) * c)))
        f, thr = max((prf(gold, p >= t)[2], float(t)) for t in np.arange(0.2, 0.71, 0.025))
        results.append((f, float(wt), thr))
        print(f"nn weight {wt:.2f}: noised dev F1 {f:.4f} at {thr:.3f}", flush=True)
    f, wt, thr = max(results)
    with np.load(path, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    arrays["mix_nn_weight"] = np.float32(wt)
    arrays["mix_threshold"] = np.float32(thr)
    np.savez_compressed(path, **arrays)
    print(f"mix: nn weight {wt:.2f}, threshold {thr:.3f}, noised dev F1 {f:.4f} ({time.time() - t0:.0f}s)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "models"))
    ap.add_argument("--vocab", type=int, default=40000)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--suffixes", type=int, default=2000)
    ap.add_argument("--hidden", type=int, default=192)
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--dropout", type=float, default=0.25)
    ap.add_argument("--unk-drop", type=float, default=0.02)
    ap.add_argument("--width", type=int, default=128)
    ap.add_argument("--core", type=int, default=64)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--lr-floor", type=float, default=0.03, help="final lr as a fraction of --lr")
    ap.add_argument("--warmup", type=float, default=0.03, help="fraction of the time budget")
    ap.add_argument("--weight-decay", type=float, default=1e-5)
    ap.add_argument("--smooth", type=float, default=0.0, help="label smoothing")
    ap.add_argument("--noise", type=float, default=1.0)
    ap.add_argument("--levels", default="1,0.3,0", help="noise levels cycled over documents and epochs")
    ap.add_argument("--epochs", type=int, default=100)
    ap.add_argument("--minutes", type=float, default=44)
    ap.add_argument("--init-npz", default="", help="warm start from an exported model (vocabulary, embeddings,"
                    " first layer)")
    ap.add_argument("--dims", type=int, nargs=3, default=(128, 16, 32), help="word, class, suffix embedding sizes")
    ap.add_argument("--init", default="", help="continue from these torch weights (--state of a run)")
    ap.add_argument("--first-epoch", type=int, default=1, help="number of the first epoch (when continuing)")
    ap.add_argument("--extra", nargs="*", default=[], help="training-only Timeline17-style folders, relative to"
                    " --shared (e.g. bench/timeline17)")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--state", default="/tmp/punctuate_nn_state.pt", help="torch weights of the best epoch")
    ap.add_argument("--tune-mix", default="", help="only choose the CRF mixing of this exported model")
    args = ap.parse_args(argv)
    if args.tune_mix:
        tune_mix(Path(args.shared), Path(args.tune_mix))
    else:
        train(args)


if __name__ == "__main__":
    main(sys.argv[1:])
