"""Score stored figures against gold records, as ../shared/gold/FIGURES.md ('Scoring') defines it.

A prediction matches a gold figure in the same document with the same value (within 0.5%, both
ends for a range), one-to-one; where a value repeats, the gold sentence's position picks the
prediction starting nearest after it. Over the matches, measure, qualifier, source, time and
modality are scored as accuracy; detection as precision, recall and F1.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

ATTRIBUTES = ("measure", "qualifier", "source", "time", "modality")


def load_gold(path: str | Path) -> list[dict]:
    out = []
    for number, line in enumerate(Path(path).read_text("utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{number}: malformed JSON line: {err.msg}") from err
    return out


def _norm_ws(text: str) -> tuple[str, list[int]]:
    """Whitespace-collapsed text and, for each of its characters, the offset in the original."""
    out, index = [], []
    prev_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not prev_space and out:
                out.append(" ")
                index.append(i)
            prev_space = True
        else:
            out.append(ch)
            index.append(i)
            prev_space = False
    return "".join(out), index


def sentence_position(text: str, sentence: str) -> int | None:
    norm, index = _norm_ws(text)
    target = " ".join(sentence.split())
    for length in (len(target), 80, 50):
        pos = norm.find(target[:length])
        if pos >= 0:
            return index[pos]
    return None


def same_value(gold: dict, pred: dict) -> bool:
    def close(a, b):
        if a is None or b is None:
            return a is None and b is None
        return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9)

    if not close(float(gold["value"]), float(pred["value"])):
        return False
    if gold.get("high") is not None or pred.get("high") is not None:
        return close(gold.get("high"), pred.get("high"))
    return True


def _norm_source(s: str | None) -> str | None:
    if s is None:
        return None
    s = " ".join(s.replace("’", "'").split()).casefold()
    return re.sub(r"^the\s+", "", s)


def _period(t: str | None) -> tuple[str, str] | None:
    if not t:
        return None
    a, _, b = t.partition("/")
    b = b or a

    def first(x):
        return x + "-01-01" if len(x) == 4 else x + "-01" if len(x) == 7 else x

    def last(x):
        return x + "-12-31" if len(x) == 4 else x + "-31" if len(x) == 7 else x

    return first(a[:10]), last(b[:10])


def same_time(gold: str | None, pred: str | None, pred_range: tuple[str | None, str | None] = (None, None)) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    g = _period(gold)
    p = (pred_range[0], pred_range[1]) if pred_range[0] else _period(pred)
    if "/" not in gold and "/" not in pred:
        return g == p or gold[:10] == pred[:10]
    return g[0] <= p[1] and p[0] <= g[1]


def attribute_ok(name: str, gold: dict, pred: dict) -> bool:
    if name == "source":
        return _norm_source(gold.get("source")) == _norm_source(pred.get("source"))
    if name == "time":
        return same_time(gold.get("time"), pred.get("time"), (pred.get("time_start"), pred.get("time_end")))
    return gold.get(name) == pred.get(name)


def score(gold: list[dict], predictions: dict[str, list[dict]], texts: dict[str, str]) -> dict:
    """`predictions`: doc ref -> figure dicts (with start); `texts`: doc ref -> document text."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        by_doc[g["doc"]].append(g)
    matched: list[tuple[dict, dict]] = []
    missing_docs = sorted(d for d in by_doc if d not in texts)
    n_pred = sum(len(predictions.get(d, [])) for d in by_doc)
    misses, false_positives = [], []
    for doc, golds in by_doc.items():
        preds = list(predictions.get(doc, []))
        used: set[int] = set()
        text = texts.get(doc, "")
        for g in golds:
            pos = sentence_position(text, g.get("sentence", "")) if text else None
            cands = [(i, p) for i, p in enumerate(preds) if i not in used and same_value(g, p)]
            if not cands:
                misses.append(g)
                continue
            if pos is not None:
                cands.sort(key=lambda c: (c[1]["start"] < pos, abs(c[1]["start"] - pos)))
            i, p = cands[0]
            used.add(i)
            matched.append((g, p))
        false_positives += [p for i, p in enumerate(preds) if i not in used]
    tp = len(matched)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = {a: (sum(attribute_ok(a, g, p) for g, p in matched) / tp if tp else 0.0) for a in ATTRIBUTES}
    wrong = {a: [{"doc": g["doc"], "value_text": g["value_text"], "gold": g.get(a), "predicted": p.get(a)}
                 for g, p in matched if not attribute_ok(a, g, p)] for a in ATTRIBUTES}
    return {
        "gold": len(gold), "predicted": n_pred, "matched": tp,
        "detection": {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)},
        "accuracy": {a: round(v, 4) for a, v in accuracy.items()},
        "missing_documents": missing_docs,
        "misses": [{"doc": g["doc"], "value_text": g["value_text"], "sentence": g.get("sentence", "")[:80]} for g in misses],
        "false_positives": [{"doc": p.get("doc_ref"), "value_text": p["value_text"], "measure": p["measure"],
                             "sentence": (p.get("sentence") or "")[:80]} for p in false_positives],
        "wrong": wrong,
    }
