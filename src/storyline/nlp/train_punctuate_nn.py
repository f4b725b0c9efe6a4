"""Train the neural sentence-boundary tagger of :mod:`storyline.nlp.punctuate` (training needs torch).

Same data, split, labels and ASR-like noise as :mod:`storyline.nlp.train_punctuate` (its functions are
reused): word / word-class / 3-letter-suffix embeddings -> 1-layer BiGRU -> one boundary logit per word,
trained with binary cross-entropy on windows of ``--width`` words cut at random offsets from the noised
training stream (noise re-drawn every epoch). After each epoch the weights are exported to ``.npz`` and
evaluated with the numpy forward pass of ``punctuate.NeuralBoundaryModel`` on the noised dev documents
(index % 10 == 5); the epoch and threshold with the best dev F1 are kept.

    python -m storyline.nlp.train_punctuate_nn --shared ../shared --out src/storyline/nlp/models --minutes 15

Inference needs numpy only.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from storyline.nlp.punctuate import NN_CLASSES, NN_MODEL_FILE, NeuralBoundaryModel, nn_inputs
from storyline.nlp.train_punctuate import SEED, evaluate, flatten, load_corpus, noisy, prf


def build_model(torch, n_vocab, n_suffix, dims=(96, 16, 24), hidden=128, dropout=0.25):
    nn = torch.nn

    class Tagger(nn.Module):
        def __init__(self):
            super().__init__()
            self.emb_word = nn.Embedding(n_vocab, dims[0])
            self.emb_class = nn.Embedding(len(NN_CLASSES) + 1, dims[1])
            self.emb_suffix = nn.Embedding(n_suffix, dims[2])
            self.drop = nn.Dropout(dropout)
            self.gru = nn.GRU(sum(dims), hidden, batch_first=True, bidirectional=True)
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
    np.savez_compressed(
        path,
        vocab=np.frombuffer("\n".join(vocab).encode("utf-8"), dtype=np.uint8),
        suffixes=np.frombuffer("\n".join(suffixes).encode("utf-8"), dtype=np.uint8),
        emb_word=sd["emb_word.weight"].astype(np.float16),
        emb_class=sd["emb_class.weight"].astype(np.float32),
        emb_suffix=sd["emb_suffix.weight"].astype(np.float16),
        weight_ih=sd["gru.weight_ih_l0"], weight_hh=sd["gru.weight_hh_l0"],
        bias_ih=sd["gru.bias_ih_l0"], bias_hh=sd["gru.bias_hh_l0"],
        weight_ih_reverse=sd["gru.weight_ih_l0_reverse"], weight_hh_reverse=sd["gru.weight_hh_l0_reverse"],
        bias_ih_reverse=sd["gru.bias_ih_l0_reverse"], bias_hh_reverse=sd["gru.bias_hh_l0_reverse"],
        out_w=sd["out.weight"], out_b=sd["out.bias"],
        width=np.int32(width), core=np.int32(core), threshold=np.float32(threshold),
    )


def train(args: argparse.Namespace) -> None:
    import torch

    torch.set_num_threads(args.threads)
    torch.manual_seed(SEED)
    shared, out = Path(args.shared), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    train_docs = load_corpus(shared, "train")
    dev_docs = load_corpus(shared, "dev")
    counts = Counter(w for d in train_docs for s in d for w in s)
    vocab = [w for w, _ in counts.most_common(args.vocab)]
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

    model = build_model(torch, len(vocab) + 2, len(suffixes) + 2, hidden=args.hidden, dropout=args.dropout)
    if args.init:
        model.load_state_dict(torch.load(args.init))
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-5)
    rng = random.Random(SEED + args.first_epoch)
    W = args.width
    best = (-1.0, 0.5, -1)
    tmp = out / (NN_MODEL_FILE + ".tmp.npz")
    deadline = t0 + args.minutes * 60
    epoch = args.first_epoch - 1
    while time.time() < deadline and epoch < args.first_epoch - 1 + args.epochs:
        epoch += 1
        model.train()
        ids_l, lab_l = [], []
        for k, sents in enumerate(train_docs):
            level = args.noise if (k + epoch) % 2 == 0 else args.noise * 0.3
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
        perm = torch.randperm(n_win)
        tot, nb = 0.0, 0
        for b in range(0, n_win, args.batch):
            if time.time() > deadline:
                break
            idx = perm[b : b + args.batch]
            logit = model(X[idx])
            loss = torch.nn.functional.binary_cross_entropy_with_logits(logit, Y[idx])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            tot += loss.item()
            nb += 1
        for g in opt.param_groups:
            g["lr"] *= args.decay
        model.eval()
        export(model, vocab, suffixes, W, args.core, 0.5, tmp)
        nm = NeuralBoundaryModel.load(tmp)
        probs = np.concatenate([nm.boundary_probability(w)[:-1] for w, _ in dev])
        f, thr = max((prf(dev_gold, probs >= t)[2], float(t)) for t in np.arange(0.2, 0.71, 0.025))
        print(f"epoch {epoch}: {nb} batches, loss {tot / max(nb, 1):.4f}; noised dev F1 {f:.4f} at {thr:.3f}"
              f" ({time.time() - t0:.0f}s)", flush=True)
        if f > best[0]:
            best = (f, thr, epoch)
            export(model, vocab, suffixes, W, args.core, thr, out / NN_MODEL_FILE)
            torch.save(model.state_dict(), args.state)
    tmp.unlink(missing_ok=True)
    print(f"best: epoch {best[2]}, noised dev F1 {best[0]:.4f}, threshold {best[1]:.3f};"
          f" {(out / NN_MODEL_FILE).stat().st_size} bytes ({time.time() - t0:.0f}s)", flush=True)
    nm = NeuralBoundaryModel.load(out / NN_MODEL_FILE)
    print("dev clean: P %.4f R %.4f F1 %.4f" % evaluate(dev_docs, nm.decode)[:3], flush=True)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "models"))
    ap.add_argument("--vocab", type=int, default=30000)
    ap.add_argument("--suffixes", type=int, default=2000)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--dropout", type=float, default=0.25)
    ap.add_argument("--unk-drop", type=float, default=0.02)
    ap.add_argument("--width", type=int, default=64)
    ap.add_argument("--core", type=int, default=32)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--decay", type=float, default=0.8)
    ap.add_argument("--noise", type=float, default=1.0)
    ap.add_argument("--epochs", type=int, default=100)
    ap.add_argument("--minutes", type=float, default=15)
    ap.add_argument("--init", default="", help="continue from these torch weights (--state of a run)")
    ap.add_argument("--first-epoch", type=int, default=1, help="number of the first epoch (when continuing)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--state", default="/tmp/punctuate_nn_state.pt", help="torch weights of the best epoch")
    train(ap.parse_args(argv))


if __name__ == "__main__":
    main(sys.argv[1:])
