"""Sentence boundaries and truecasing for unpunctuated, lower-cased broadcast transcripts.

Broadcast transcripts arrive as ASR output: mostly lower case, hardly any punctuation, fillers
("uh", "um") and disfluencies ("to to", "pal Palestinian"). Ordinary sentence splitters (spaCy,
punctuation rules) see one enormous sentence. This module restores the sentence structure without
touching the text, so that every character offset stays valid for citations:

* :func:`restore_sentences` returns ``(start, end)`` character spans of sentences in the original text;
* :func:`truecase` returns a copy of the text with only the case of letters changed (same length);
* :func:`needs_restoration` tells whether a text looks like such a transcript at all.

The boundary models are trained by us (see ``models/README.md``), self-supervised on punctuated news
and White House transcripts: the text is split into sentences by its own punctuation, then
punctuation and case are stripped and ASR-like noise is injected, and the model learns to predict,
for each word, whether a sentence ends after it. We train our own models because no maintained
offline library restores punctuation in English ASR text without large neural downloads
(transformer checkpoints of hundreds of MB, torch). Training needs torch or python-crfsuite; at run
time the exported weights (``.npz``) are evaluated here with numpy only. Models load lazily, once
per process.

The default (``USE_NEURAL``) is a neural tagger (word, word-class and suffix embeddings -> 2-layer
BiGRU -> boundary logit; :mod:`storyline.nlp.train_punctuate_nn`, trained with torch, run here by a
numpy forward pass, :class:`NeuralBoundaryModel`) whose logit is mixed with that of a linear-chain
CRF (:mod:`storyline.nlp.train_punctuate`, :class:`BoundaryModel`), see :class:`MixedBoundaryModel`.
Text that is already punctuated keeps its own boundaries (see :func:`restore_sentences`).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

__all__ = ["restore_sentences", "truecase", "needs_restoration"]

MODEL_DIR = Path(__file__).resolve().parent / "models"
MODEL_FILE = "sentence_boundary.npz"
TRUECASE_FILE = "truecase.json"

# --------------------------------------------------------------------------------------------
# Tokenisation and normalisation (shared with the training script: keep them identical)
# --------------------------------------------------------------------------------------------

# Tokens are runs of non-space characters; em and en dashes separate tokens as well.
_TOKEN_RE = re.compile(r"[^\s\u2014\u2013]+")
_ACRONYM_RE = re.compile(r"(?:[a-z]\.)+[a-z]?")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_TERMINAL = frozenset(".?!\u2026")

# Abbreviations that end with a full stop but (almost) never end a sentence.
TITLE_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen lt col sgt sen rep gov prof no nos vs mt ft capt cmdr adm maj rev hon "
    "pres dept approx jan feb mar apr jun jul aug sep sept oct nov dec fig brig lieut cpl pvt supt "
    "insp det messrs mme mlle".split()
)


def normalise(token: str) -> str:
    """Lower-case a raw token and strip its surrounding punctuation ("U.S." -> "us", "Gaza's," -> "gaza's")."""
    t = token.translate(_APOSTROPHES).lower()
    i, j = 0, len(t)
    while i < j and not t[i].isalnum():
        i += 1
    while j > i and not t[j - 1].isalnum():
        j -= 1
    t = t[i:j]
    if "." in t and _ACRONYM_RE.fullmatch(t):
        t = t.replace(".", "")
    return t


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Raw tokens of ``text`` as ``(start, end, normalised form)``; the form is '' for pure punctuation."""
    return [(m.start(), m.end(), normalise(m.group())) for m in _TOKEN_RE.finditer(text)]


def _core_and_tail(raw: str) -> tuple[str, str]:
    j = len(raw)
    while j > 0 and not raw[j - 1].isalnum():
        j -= 1
    return raw[:j], raw[j:]


def ends_sentence_by_punctuation(raw: str, next_raw: str | None) -> bool:
    """True when the raw token's own trailing punctuation marks a sentence end.

    Used both to derive training labels from punctuated text and, at run time, to keep the
    boundaries that a partly punctuated transcript already has. Titles ("Mr."), initials ("J.")
    and a following lower-case word ("5 p.m. on Friday") veto a full stop.
    """
    core, tail = _core_and_tail(raw.translate(_APOSTROPHES))
    if not tail or not (_TERMINAL & set(tail)):
        return False
    if not core:
        return False
    nxt = next_raw.lstrip("\"'“‘([") if next_raw else ""
    if nxt and nxt[0].islower():
        return False
    if "?" in tail or "!" in tail:
        return True
    low = core.lower()
    if tail.startswith("."):
        bare = low.lstrip("\"'“‘([")
        if bare in TITLE_ABBREVIATIONS:
            return False
        if len(bare) == 1 and bare.isalpha():
            return False  # an initial: "John F. Kennedy"
        if _ACRONYM_RE.fullmatch(bare + "."):
            # "U.S." ends a sentence only before a typical sentence opener ("... the U.S. The ...")
            return bool(nxt) and normalise(nxt) in _OPENERS
    return True


# --------------------------------------------------------------------------------------------
# Features
# --------------------------------------------------------------------------------------------

_WORD_CLASSES: dict[str, str] = {}
for _cls, _words in {
    "FIL": "uh um uhm er erm ah eh hmm mm mhm huh",
    "INT": "oh well yes yeah no okay ok right alright thanks thank please sorry look listen",
    "PRS": "i we you he she they it",
    "PRO": "me us him her them myself ourselves yourself himself herself themselves itself",
    "POS": "my our your his their its",
    "DET": "the a an this that these those there here",
    "CNJ": "and but so or because although though while whereas yet nor then also now",
    "WH": "what who whom whose where when why how which whether if",
    "AUX": "is are was were be been being am do does did have has had will would can could "
    "should shall may might must 's 're 've 'll 'd",
    "NEG": "not never n't",
    "PRE": "of in on at to for from with by about into over after before during under between "
    "against through since until without within among across toward towards upon as than like",
    "CON": "i'm we're you're he's she's it's they're that's there's what's let's i've we've "
    "they've i'll we'll you'll he'll she'll it'll they'll i'd we'd don't doesn't didn't can't "
    "won't isn't aren't wasn't weren't haven't hasn't hadn't couldn't wouldn't shouldn't",
    "SAY": "said says say saying told tells asked added stated noted explained according",
    "QNT": "all some many more most much few several every each any both no none other another",
}.items():
    for _w in _words.split():
        _WORD_CLASSES[_w] = _cls

_OPENERS = frozenset(
    "the a an this that these those it we i he she they you there here so but and now in on at as "
    "if when what who how why our his her their its my your today yesterday meanwhile however "
    "mr mrs ms president israel hamas".split()
)

_NUM_RE = re.compile(r"[\d.,:%$£€/-]*\d[\d.,:%$£€/-]*(?:s|st|nd|rd|th|m|bn|k|am|pm)?")


def word_class(w: str) -> str:
    c = _WORD_CLASSES.get(w)
    if c:
        return c
    if w in ("<s>", "</s>"):
        return w
    if _NUM_RE.fullmatch(w):
        return "NUM"
    if w.endswith("ly"):
        return "LY"
    if w.endswith("ing"):
        return "ING"
    if w.endswith("ed"):
        return "ED"
    if w.endswith("s"):
        return "S"
    return "W"


def features(words: list[str]) -> list[list[str]]:
    """Attribute strings for each word (window -3..+3, bigrams, trigrams, word classes, suffixes)."""
    pad = ["<s>"] * 3 + list(words) + ["</s>"] * 3
    cls = [word_class(w) for w in pad]
    out: list[list[str]] = []
    for i in range(3, len(pad) - 3):
        wm3, wm2, wm1, w0, w1, w2, w3 = pad[i - 3 : i + 4]
        cm2, cm1, c0, c1, c2 = cls[i - 2 : i + 3]
        f = [
            "b",
            "w-3=" + wm3,
            "w-2=" + wm2,
            "w-1=" + wm1,
            "w0=" + w0,
            "w1=" + w1,
            "w2=" + w2,
            "w3=" + w3,
            "w-2|-1=" + wm2 + "|" + wm1,
            "w-1|0=" + wm1 + "|" + w0,
            "w0|1=" + w0 + "|" + w1,
            "w1|2=" + w1 + "|" + w2,
            "w2|3=" + w2 + "|" + w3,
            "w-1|0|1=" + wm1 + "|" + w0 + "|" + w1,
            "w0|1|2=" + w0 + "|" + w1 + "|" + w2,
            "w-2|-1|0=" + wm2 + "|" + wm1 + "|" + w0,
            "c-1=" + cm1,
            "c0=" + c0,
            "c1=" + c1,
            "c2=" + c2,
            "c-1|0=" + cm1 + "|" + c0,
            "c0|1=" + c0 + "|" + c1,
            "c1|2=" + c1 + "|" + c2,
            "c-2|-1|0=" + cm2 + "|" + cm1 + "|" + c0,
            "c0|1|2=" + c0 + "|" + c1 + "|" + c2,
            "s0=" + w0[-3:],
            "s1=" + w1[-3:],
            "w0|c1=" + w0 + "|" + c1,
            "c0|w1=" + c0 + "|" + w1,
        ]
        out.append(f)
    return out


# --------------------------------------------------------------------------------------------
# Model (exported CRF weights) and Viterbi decoding
# --------------------------------------------------------------------------------------------


class BoundaryModel:
    """Linear-chain CRF weights exported from crfsuite: state weights per attribute and label, transitions."""

    def __init__(self, attrs: list[str], weights: np.ndarray, trans: np.ndarray, labels: list[str],
                 threshold: float | None = None):
        self.index = {a: i for i, a in enumerate(attrs)}
        self.weights = np.vstack([weights.astype(np.float32), np.zeros((1, weights.shape[1]), np.float32)])
        self.trans = trans.astype(np.float32)
        self.labels = labels
        self.boundary = np.array([lab in ("E", "S", "1") for lab in labels])
        self.threshold = threshold  # None: Viterbi; else posterior P(boundary) >= threshold

    @classmethod
    def load(cls, path: Path) -> "BoundaryModel":
        with np.load(path, allow_pickle=False) as z:
            attrs = bytes(z["attrs"]).decode("utf-8").split("\n")
            labels = bytes(z["labels"]).decode("utf-8").split("\n")
            thr = float(z["threshold"]) if "threshold" in z.files else None
            return cls(attrs, z["weights"], z["trans"], labels, thr)

    def save(self, path: Path) -> None:
        attrs = sorted(self.index, key=self.index.get)
        np.savez_compressed(
            path,
            attrs=np.frombuffer("\n".join(attrs).encode("utf-8"), dtype=np.uint8),
            labels=np.frombuffer("\n".join(self.labels).encode("utf-8"), dtype=np.uint8),
            weights=self.weights[:-1].astype(np.float16),
            trans=self.trans,
            **({"threshold": np.float32(self.threshold)} if self.threshold is not None else {}),
        )

    def emissions(self, feats: list[list[str]]) -> np.ndarray:
        missing = len(self.weights) - 1
        get = self.index.get
        ids, offsets = [], []
        for f in feats:
            offsets.append(len(ids))
            ids.extend(get(a, missing) for a in f)
        if not ids:
            return np.zeros((0, len(self.labels)), np.float32)
        return np.add.reduceat(self.weights[np.asarray(ids)], np.asarray(offsets), axis=0)

    def decode(self, words: list[str]) -> np.ndarray:
        """Boolean array: True where a sentence ends after the word."""
        if self.threshold is None:
            return self.viterbi(words)
        return self.boundary_probability(words) >= self.threshold

    def boundary_probability(self, words: list[str]) -> np.ndarray:
        """Posterior probability (forward-backward) that a sentence ends after each word."""
        n = len(words)
        if n == 0:
            return np.zeros(0)
        em = self.emissions(features(words)).astype(np.float64)
        k = em.shape[1]
        tr = self.trans.astype(np.float64)
        alpha = np.empty((n, k))
        beta = np.zeros((n, k))
        alpha[0] = em[0]
        for t in range(1, n):
            alpha[t] = np.logaddexp.reduce(alpha[t - 1][:, None] + tr, axis=0) + em[t]
        for t in range(n - 2, -1, -1):
            beta[t] = np.logaddexp.reduce(tr + (em[t + 1] + beta[t + 1])[None, :], axis=1)
        logz = np.logaddexp.reduce(alpha[-1])
        post = np.exp(alpha + beta - logz)
        return post[:, self.boundary].sum(axis=1)

    def viterbi(self, words: list[str]) -> np.ndarray:
        """Boolean array from the single best label sequence."""
        n = len(words)
        if n == 0:
            return np.zeros(0, bool)
        em = self.emissions(features(words))
        k = em.shape[1]
        back = np.zeros((n, k), np.int32)
        score = em[0].copy()
        for t in range(1, n):
            cand = score[:, None] + self.trans  # prev x cur
            back[t] = cand.argmax(axis=0)
            score = cand[back[t], np.arange(k)] + em[t]
        path = np.empty(n, np.int32)
        path[-1] = int(score.argmax())
        for t in range(n - 1, 0, -1):
            path[t - 1] = back[t, path[t]]
        return self.boundary[path]


# --------------------------------------------------------------------------------------------
# Neural boundary tagger (BiGRU over word / word-class / suffix embeddings), numpy forward pass
# --------------------------------------------------------------------------------------------

NN_MODEL_FILE = "sentence_boundary_nn.npz"
NN_CLASSES = ("<s>", "</s>", "FIL", "INT", "PRS", "PRO", "POS", "DET", "CNJ", "WH", "AUX", "NEG", "PRE",
              "CON", "SAY", "QNT", "NUM", "LY", "ING", "ED", "S", "W")
_NN_CLASS_ID = {c: i + 1 for i, c in enumerate(NN_CLASSES)}  # 0: padding


def nn_inputs(words: list[str], vocab: dict[str, int], suffixes: dict[str, int]) -> np.ndarray:
    """Integer inputs (n, 3) for the neural tagger: word id, word-class id, 3-letter-suffix id (1: unknown)."""
    out = np.empty((len(words), 3), np.int64)
    for i, w in enumerate(words):
        out[i, 0] = vocab.get(w, 1)
        out[i, 1] = _NN_CLASS_ID[word_class(w)]
        out[i, 2] = suffixes.get(w[-3:], 1)
    return out


def nn_windows(n: int, width: int, core: int) -> tuple[np.ndarray, np.ndarray]:
    """Start offsets of overlapping windows of ``width`` words over ``n`` words and, for each word, the
    window (index into the starts) in which it lies furthest from an edge. Requires n > width."""
    starts = list(range(0, n - width + 1, core))
    if starts[-1] != n - width:
        starts.append(n - width)
    st = np.asarray(starts)
    pos = np.arange(n)
    rel = pos[:, None] - st[None, :]
    margin = np.minimum(rel, width - 1 - rel)
    margin[(rel < 0) | (rel >= width)] = -1
    return st, margin.argmax(axis=1)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * x))


class NeuralBoundaryModel:
    """Embeddings -> stacked BiGRU -> linear boundary logit; same maths as torch.nn.GRU (gates r, z, n).

    Weights are stored in torch's layout (``weight_ih_l{k}[_reverse]`` ...; a file without ``layers``
    holds one layer under the names ``weight_ih[_reverse]`` ...).
    """

    def __init__(self, arrays: dict[str, np.ndarray]):
        a = {k: v for k, v in arrays.items()}
        self.vocab = {w: i + 2 for i, w in enumerate(bytes(a["vocab"]).decode("utf-8").split("\n"))}
        self.suffixes = {w: i + 2 for i, w in enumerate(bytes(a["suffixes"]).decode("utf-8").split("\n"))}
        f32 = lambda k: a[k].astype(np.float32)  # noqa: E731
        self.emb = [f32("emb_word"), f32("emb_class"), f32("emb_suffix")]
        self.width = int(a["width"])
        self.core = int(a["core"])
        self.threshold = float(a["threshold"])
        # optional mixing with the CRF (see MixedBoundaryModel)
        self.mix_weight = float(a["mix_nn_weight"]) if "mix_nn_weight" in a else None
        self.mix_threshold = float(a["mix_threshold"]) if "mix_threshold" in a else None
        self.n_layers = int(a["layers"]) if "layers" in a else 1
        self.index = self.vocab  # for reporting (len)
        # self.layers[k][d] = (w_ih, w_hh transposed, b_ih, b_hh) for layer k, direction d (0 fwd, 1 bwd)
        self.layers = []
        for k in range(self.n_layers):
            dirs = []
            for sfx in ("", "_reverse"):
                name = (lambda n: f"{n}_l{k}{sfx}") if "layers" in a else (lambda n: n + sfx)
                w_ih, w_hh = f32(name("weight_ih")), f32(name("weight_hh"))
                b_ih, b_hh = f32(name("bias_ih")), f32(name("bias_hh"))
                dirs.append((w_ih, w_hh.T.copy(), b_ih, b_hh))
            self.layers.append(dirs)
        self.hidden = self.layers[0][0][1].shape[0]
        self.out_w = f32("out_w").reshape(-1)
        self.out_b = float(a["out_b"].reshape(-1)[0])
        # first layer: each embedding table is pre-multiplied by its slice of the input weights
        self.proj = []
        for w_ih, _, b_ih, _ in self.layers[0]:
            tabs, col = [], 0
            for k, e in enumerate(self.emb):
                d = e.shape[1]
                t = e @ w_ih[:, col : col + d].T
                if k == 0:
                    t = t + b_ih
                tabs.append(t.astype(np.float32))
                col += d
            self.proj.append(tabs)
        self.w_ih_t = [[(w_ih.T.copy(), b_ih) for w_ih, _, b_ih, _ in dirs] for dirs in self.layers]

    @classmethod
    def load(cls, path: Path) -> "NeuralBoundaryModel":
        with np.load(path, allow_pickle=False) as z:
            return cls({k: z[k] for k in z.files})

    def _run(self, x: np.ndarray, w_hh_t: np.ndarray, b_hh: np.ndarray, reverse: bool) -> np.ndarray:
        """One GRU direction over precomputed input gates ``x`` (b, t, 3H); returns (b, t, H)."""
        b, t, _ = x.shape
        h_dim = self.hidden
        h = np.zeros((b, h_dim), np.float32)
        hs = np.empty((b, t, h_dim), np.float32)
        for i in (range(t - 1, -1, -1) if reverse else range(t)):
            gh = h @ w_hh_t + b_hh
            gx = x[:, i]
            rz = _sigmoid(gx[:, : 2 * h_dim] + gh[:, : 2 * h_dim])
            r, z = rz[:, :h_dim], rz[:, h_dim:]
            nn_ = np.tanh(gx[:, 2 * h_dim :] + r * gh[:, 2 * h_dim :])
            h = nn_ + z * (h - nn_)
            hs[:, i] = h
        return hs

    def logits_batch(self, ids: np.ndarray) -> np.ndarray:
        """Boundary logits (b, t) for integer inputs (b, t, 3)."""
        inp = None
        for k, dirs in enumerate(self.layers):
            outs = []
            for d, (_, w_hh_t, _, b_hh) in enumerate(dirs):
                if k == 0:
                    tabs = self.proj[d]
                    x = tabs[0][ids[..., 0]] + tabs[1][ids[..., 1]] + tabs[2][ids[..., 2]]  # (b, t, 3H)
                else:
                    w, bias = self.w_ih_t[k][d]
                    x = inp @ w + bias
                outs.append(self._run(x, w_hh_t, b_hh, reverse=d == 1))
            inp = np.concatenate(outs, axis=-1)
        return inp @ self.out_w + self.out_b

    def logits(self, words: list[str]) -> np.ndarray:
        n = len(words)
        if n == 0:
            return np.zeros(0, np.float32)
        ids = nn_inputs(words, self.vocab, self.suffixes)
        if n <= self.width:
            return self.logits_batch(ids[None])[0]
        starts, which = nn_windows(n, self.width, self.core)
        batch = np.stack([ids[s : s + self.width] for s in starts])
        lg = self.logits_batch(batch)
        pos = np.arange(n)
        return lg[which, pos - starts[which]]

    def boundary_probability(self, words: list[str]) -> np.ndarray:
        return _sigmoid(self.logits(words).astype(np.float64))

    def decode(self, words: list[str]) -> np.ndarray:
        return self.boundary_probability(words) >= self.threshold


@lru_cache(maxsize=1)
def _crf_model() -> BoundaryModel:
    return BoundaryModel.load(MODEL_DIR / MODEL_FILE)


@lru_cache(maxsize=1)
def _nn_model() -> NeuralBoundaryModel:
    return NeuralBoundaryModel.load(MODEL_DIR / NN_MODEL_FILE)


class MixedBoundaryModel:
    """The neural tagger and the CRF together: P(boundary) = sigmoid(w * nn logit + (1 - w) * CRF logit).

    The weight ``w`` and the threshold are stored in the neural model's file (``mix_nn_weight``,
    ``mix_threshold``), chosen on the noised dev documents like the single models' thresholds.
    """

    def __init__(self, nn_model: NeuralBoundaryModel, crf: BoundaryModel, weight: float, threshold: float):
        self.nn, self.crf, self.weight, self.threshold = nn_model, crf, weight, threshold
        self.vocab, self.hidden, self.width, self.index = nn_model.vocab, nn_model.hidden, nn_model.width, nn_model.vocab

    def boundary_probability(self, words: list[str]) -> np.ndarray:
        if not words:
            return np.zeros(0)
        a = self.nn.logits(words).astype(np.float64)
        c = np.clip(self.crf.boundary_probability(words), 1e-6, 1 - 1e-6)
        return _sigmoid(self.weight * a + (1 - self.weight) * np.log(c / (1 - c)))

    def decode(self, words: list[str]) -> np.ndarray:
        return self.boundary_probability(words) >= self.threshold


# The neural tagger (mixed with the CRF when its file says so) is the default; set USE_NEURAL = False
# for the CRF alone. Held-out figures of both: models/README.md and bench/punctuate.py.
USE_NEURAL = True


@lru_cache(maxsize=1)
def _model() -> MixedBoundaryModel | NeuralBoundaryModel | BoundaryModel:
    """The boundary model in use: the neural tagger (with the CRF if mixed), or the CRF alone."""
    if USE_NEURAL and (MODEL_DIR / NN_MODEL_FILE).exists():
        nn_model = _nn_model()
        if nn_model.mix_weight is not None and nn_model.mix_weight < 1:
            return MixedBoundaryModel(nn_model, _crf_model(), nn_model.mix_weight, nn_model.mix_threshold)
        return nn_model
    return _crf_model()


@lru_cache(maxsize=1)
def _truecase_table() -> tuple[dict[str, str], frozenset[str]]:
    data = json.loads((MODEL_DIR / TRUECASE_FILE).read_text(encoding="utf-8"))
    return dict(data["cased"]), frozenset(data["lower"])


def predict_boundaries(words: list[str]) -> list[bool]:
    """For normalised words, whether a sentence ends after each (model only; last word not forced)."""
    return [bool(b) for b in _model().decode(words)]


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


# A text with at least one sentence-final mark per PUNCTUATED_WORDS_PER_MARK words is taken as punctuated:
# its own marks (and blank lines) are trusted, and the model only adds boundaries inside runs of more
# than UNPUNCTUATED_RUN words that carry no mark (an unpunctuated passage inside a punctuated text).
PUNCTUATED_WORDS_PER_MARK = 30
UNPUNCTUATED_RUN = 60


def punctuation_boundaries(text: str, toks: list[tuple[int, int, str]], word_idx: list[int]) -> tuple[
        list[bool], int]:
    """Per word (index into ``word_idx``), whether the text's own punctuation or a blank line ends a
    sentence after it; and the number of sentence-final marks."""
    ends = [False] * len(word_idx)
    marks = 0
    for k, i in enumerate(word_idx[:-1]):
        nxt_i = word_idx[k + 1]
        # existing terminal punctuation on this word or on punctuation tokens before the next word
        for j in range(i, nxt_i):
            raw = text[toks[j][0] : toks[j][1]]
            if j > i:
                raw = "x" + raw
            if ends_sentence_by_punctuation(raw, text[toks[nxt_i][0] : toks[nxt_i][1]]):
                ends[k] = True
                marks += 1
                break
        if "\n\n" in re.sub(r"[ \t\r\f\v]+", "", text[toks[i][1] : toks[nxt_i][0]]):
            ends[k] = True
    last = text[toks[word_idx[-1]][0] : toks[-1][1]]
    if re.search(r"[.?!\u2026][\"'\u201d\u2019)\]]*$", last):
        marks += 1
    return ends, marks


def restore_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text``; the text itself is unchanged.

    The spans are in order, do not overlap and together cover every non-space character (a span
    runs from its first word to the last character before the next sentence's first word, minus
    trailing spaces). Punctuation that the text already has (a non-abbreviation full stop, "?", "!")
    and blank lines are always boundaries. In an unpunctuated or sparsely punctuated text (fewer than
    one mark per ``PUNCTUATED_WORDS_PER_MARK`` words) the boundary model adds its boundaries everywhere;
    in a punctuated text only inside long runs without marks (see ``UNPUNCTUATED_RUN``).
    """
    toks = tokenize(text)
    if not toks:
        return []
    word_idx = [i for i, t in enumerate(toks) if t[2]]
    if not word_idx:
        return [(toks[0][0], toks[-1][1])]
    words = [toks[i][2] for i in word_idx]
    punct, marks = punctuation_boundaries(text, toks, word_idx)
    model = predict_boundaries(words)
    if marks and len(words) / marks <= PUNCTUATED_WORDS_PER_MARK:
        ends = list(punct)
        run_start = 0
        for k in range(len(words)):
            if punct[k] or k == len(words) - 1:
                if k + 1 - run_start > UNPUNCTUATED_RUN:
                    for m in range(run_start, k):
                        ends[m] = ends[m] or model[m]
                run_start = k + 1
    else:
        ends = [a or b for a, b in zip(punct, model)]
    ends[-1] = True
    spans: list[tuple[int, int]] = []
    start_tok = 0  # raw-token index where the current sentence starts
    for k, i in enumerate(word_idx):
        if not ends[k]:
            continue
        last_tok = word_idx[k + 1] - 1 if k + 1 < len(word_idx) else len(toks) - 1
        spans.append((toks[start_tok][0], toks[last_tok][1]))
        start_tok = last_tok + 1
    return spans


_WORD_RE = re.compile(r"[^\W_](?:[\w'’.\-]*[^\W_])?")


def _apply_case(src: str, form: str) -> str:
    if len(form) != len(src) or form.lower() != src.lower():
        return src
    return form


def truecase(text: str) -> str:
    """Restore capitals: names from a learned table ("israel" -> "Israel"), "i" -> "I", sentence starts.

    Only the case of letters changes, so the result has exactly the length of ``text`` and every
    character offset stays valid. Words that the table knows as ordinary lower-case words are
    lowered ("media Reports say" -> "Media reports say"); unknown words keep their case.
    """
    if not text:
        return text
    cased, lower = _truecase_table()
    chars = list(text)
    for m in _TOKEN_RE.finditer(text):
        raw = m.group()
        for wm in _WORD_RE.finditer(raw):
            w = wm.group()
            key = w.translate(_APOSTROPHES).lower()
            form = cased.get(key)
            if form is not None:
                new = _apply_case(w, form)
            elif key in lower:
                new = w.lower()
            else:
                continue
            if len(new) == len(w):
                s = m.start() + wm.start()
                chars[s : s + len(w)] = new
    for start, end in restore_sentences(text):
        for p in range(start, end):
            ch = chars[p]
            if ch.isalpha():
                up = ch.upper()
                if len(up) == 1:
                    chars[p] = up
                break
            if ch.isdigit():
                break
    out = "".join(chars)
    assert len(out) == len(text)
    return out


def needs_restoration(text: str) -> bool:
    """Heuristic: does ``text`` look like an unpunctuated ASR transcript?

    True for a text of at least 40 words with fewer than one sentence-final mark per 60 words, or
    fewer than one per 30 words while almost all words are lower case.
    """
    raws = [m.group() for m in _TOKEN_RE.finditer(text)]
    words = [r for r in raws if any(c.isalpha() for c in r)]
    n = len(words)
    if n < 40:
        return False
    marks = sum(
        1 for k, r in enumerate(raws) if ends_sentence_by_punctuation(r, raws[k + 1] if k + 1 < len(raws) else None)
    )
    per_mark = n / max(1, marks)
    if per_mark > 60:
        return True
    lower_share = sum(1 for w in words if w[0].islower()) / n
    return per_mark > 30 and lower_share > 0.9
