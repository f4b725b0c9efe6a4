"""TimeML (.tml) reader and TempEval-3 Task A scorer for temporal expressions.

``read_tml`` turns a TimeML file with inline ``<TIMEX3>`` markup into the plain text of its ``<TEXT>``
element, the gold TIMEX3 spans (character offsets into that plain text) and the document creation time
(DCT). ``score_timex`` runs :func:`storyline.nlp.timex.tag` on every file and computes the TempEval-3
metrics (UzZaman et al., 2013):

* strict span match P/R/F1 (identical character extent),
* relaxed span match P/R/F1 (any overlap), one-to-one,
* value / type accuracy over the relaxed-matched pairs,
* value F1 = relaxed F1 x value accuracy.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

__all__ = ["GoldTimex", "TmlDocument", "read_tml", "find_tml", "match_spans", "score_timex"]


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    tid: str | None = None


@dataclass
class TmlDocument:
    path: Path
    docid: str
    dct: str | None
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def read_tml(path: str | Path) -> TmlDocument:
    """Parse one TimeML file: plain ``<TEXT>`` content, gold TIMEX3 spans with offsets, DCT value."""
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as err:
        line, col = err.position
        reason = str(err).split(":")[0]
        raise ValueError(f"{path}:{line}: not well-formed XML ({reason}, column {col + 1})") from None
    docid = ""
    dct: str | None = None
    text_el = None
    for el in root.iter():
        name = _local(el.tag)
        if name == "DOCID" and not docid:
            docid = (el.text or "").strip()
        elif name == "DCT":
            for t in el.iter():
                if _local(t.tag) == "TIMEX3" and t.get("value"):
                    dct = t.get("value")
                    break
        elif name == "TIMEX3" and el.get("functionInDocument") == "CREATION_TIME" and dct is None:
            dct = el.get("value")
        elif name == "TEXT" and text_el is None:
            text_el = el
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        is_timex = _local(el.tag) == "TIMEX3"
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if is_timex:
            timexes.append(
                GoldTimex(
                    start=start,
                    end=pos,
                    text="",
                    type=el.get("type", ""),
                    value=el.get("value", ""),
                    mod=el.get("mod"),
                    tid=el.get("tid"),
                )
            )

    if text_el is None:
        raise ValueError(f"{path}: no <TEXT> element, so nothing to tag")
    walk(text_el)
    text = "".join(parts)
    for g in timexes:
        g.text = text[g.start : g.end]
    timexes.sort(key=lambda g: (g.start, g.end))
    return TmlDocument(path=path, docid=docid or path.stem, dct=dct, text=text, timexes=timexes)


def find_tml(paths: Iterable[str | Path]) -> list[Path]:
    """All ``.tml`` files under the given files/folders, sorted, without duplicates."""
    out: list[Path] = []
    seen: set[Path] = set()
    for p in paths:
        p = Path(p)
        files = sorted(p.rglob("*.tml")) if p.is_dir() else [p]
        for f in files:
            r = f.resolve()
            if r not in seen:
                seen.add(r)
                out.append(f)
    return out


def match_spans(gold: list, pred: list, strict: bool) -> list[tuple[int, int]]:
    """One-to-one matching of spans (objects with ``start``/``end``): list of (gold index, pred index).

    Strict: identical extents. Relaxed: any character overlap; pairs are taken greedily by largest overlap.
    """
    if strict:
        index = {}
        for gi, g in enumerate(gold):
            index.setdefault((g.start, g.end), []).append(gi)
        pairs = []
        for pi, p in enumerate(pred):
            cands = index.get((p.start, p.end))
            if cands:
                pairs.append((cands.pop(0), pi))
        return pairs
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > 0:
                exact = g.start == p.start and g.end == p.end
                cands.append((not exact, -ov, gi, pi))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def _prf(matched_p: int, matched_g: int, n_pred: int, n_gold: int) -> dict:
    p = matched_p / n_pred if n_pred else 0.0
    r = matched_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score_timex(
    paths: list[Path] | list[str],
    tagger: Callable | None = None,
    errors: list | None = None,
) -> dict:
    """Score the temporal tagger on every ``.tml`` under ``paths`` with the TempEval-3 Task A metrics.

    ``tagger(text, dct) -> list[Timex]`` defaults to :func:`storyline.nlp.timex.tag`. When ``errors`` is a
    list, it is filled with dicts describing misses, false positives and wrong values (for error analysis).
    Only tagging time is counted in ``seconds`` / ``ms_per_document``. A file that cannot be read (not
    well-formed XML, no ``<TEXT>``) is left out and named, with the reason, in ``skipped``.
    """
    if tagger is None:
        from storyline.nlp.timex import tag as tagger  # noqa: N811
    files = find_tml(paths)
    n_docs = n_gold = n_pred = 0
    strict_m = relaxed_m = value_ok = type_ok = 0
    seconds = 0.0
    skipped: list[str] = []
    for f in files:
        try:
            doc = read_tml(f)
        except (ValueError, OSError) as err:
            skipped.append(str(err))
            continue
        t0 = time.perf_counter()
        pred = tagger(doc.text, doc.dct)
        seconds += time.perf_counter() - t0
        gold = doc.timexes
        n_docs += 1
        n_gold += len(gold)
        n_pred += len(pred)
        strict_m += len(match_spans(gold, pred, strict=True))
        pairs = match_spans(gold, pred, strict=False)
        relaxed_m += len(pairs)
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            value_ok += g.value == p.value
            type_ok += g.type == p.type
            if errors is not None and (g.value != p.value or g.type != p.type or (g.start, g.end) != (p.start, p.end)):
                errors.append(
                    {
                        "kind": "value" if g.value != p.value else ("type" if g.type != p.type else "span"),
                        "file": f.name, "dct": doc.dct,
                        "gold": (g.text, g.type, g.value, g.mod), "pred": (p.text, p.type, p.value, p.mod),
                        "context": doc.text[max(0, g.start - 60) : g.end + 60].replace("\n", " "),
                    }
                )
        if errors is not None:
            mg = {gi for gi, _ in pairs}
            mp = {pi for _, pi in pairs}
            for gi, g in enumerate(gold):
                if gi not in mg:
                    errors.append({"kind": "miss", "file": f.name, "dct": doc.dct,
                                   "gold": (g.text, g.type, g.value, g.mod), "pred": None,
                                   "context": doc.text[max(0, g.start - 60) : g.end + 60].replace("\n", " ")})
            for pi, p in enumerate(pred):
                if pi not in mp:
                    errors.append({"kind": "fp", "file": f.name, "dct": doc.dct, "gold": None,
                                   "pred": (p.text, p.type, p.value, p.mod),
                                   "context": doc.text[max(0, p.start - 60) : p.end + 60].replace("\n", " ")})
    relaxed = _prf(relaxed_m, relaxed_m, n_pred, n_gold)
    value_acc = value_ok / relaxed_m if relaxed_m else 0.0
    type_acc = type_ok / relaxed_m if relaxed_m else 0.0
    return {
        "documents": n_docs,
        "gold": n_gold,
        "predicted": n_pred,
        "strict": _prf(strict_m, strict_m, n_pred, n_gold),
        "relaxed": relaxed,
        "value_accuracy": round(value_acc, 4),
        "type_accuracy": round(type_acc, 4),
        "value_f1": round(relaxed["f1"] * value_acc, 4),
        "type_f1": round(relaxed["f1"] * type_acc, 4),
        "seconds": round(seconds, 4),
        "ms_per_document": round(1000 * seconds / n_docs, 3) if n_docs else 0.0,
        "skipped": skipped,
    }
