"""Score the PLOVER event coder against gold sentences.

Gold: JSON Lines, one coded text per line:

    {"id": "...", "text": "...", "date": "2023-11-24",          # date optional: the publication date
     "event": "RETREAT", "mode": "release",                    # mode optional
     "actor": ["Hamas"], "recipient": ["Israel"]}               # optional lists of names

Each text is analysed as one document (spaCy through `analyze_docs`, dated by "date" when given),
its actors found (`find_actors`) and its events coded (`code_document`). The prediction for a line
is its main event: the event whose trigger is nearest the root of its sentence, reporting verbs
being transparent ("Hamas said it released ..." -> the release), verbs before nouns, then the
first (`storyline.extract.events.main_event`). When the coder finds no event the prediction is the
lexicon type of the word nearest the root that has one (`fallback_type`), else FALLBACK_TYPE: the
gold always has an event, so every line gets a type.

Metrics:
- type accuracy; macro-F1 over the types present in gold or predictions; per-type P/R/F1;
- mode accuracy over the gold lines that have a mode (the predicted mode must equal it);
- actor and recipient match rates: the fraction of gold names matched by one of the main event's
  actors (recipients). A gold name matches a predicted actor when, case-insensitively and ignoring
  a leading "the" and punctuation, it equals the actor's canonical id, display name, mention text
  or a gazetteer alias of its id; or it names (by the actor gazetteer: state, demonym, capital,
  organisation alias) the actor's id, its country or its affiliation ("Israel" matches the IDF,
  ISR.military); or all its words occur in the mention text or the name ("Biden" matches
  "President Biden"). Agents that are not actor mentions ("protesters") match by text the same way.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from functools import lru_cache
from pathlib import Path

from storyline.extract.records import EVENT_TYPES

FALLBACK_TYPE = "CONSULT"  # the most frequent PLOVER type in news event data


def load_gold(path: str | Path) -> list[dict]:
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as err:
            raise ValueError(f"{path}:{n}: not JSON: {err.msg}") from None
        if not isinstance(rec, dict) or not rec.get("text") or not rec.get("event"):
            raise ValueError(f"{path}:{n}: a gold line needs 'text' and 'event'")
        ev = rec["event"]
        if isinstance(ev, list):  # PLOVER allows a list of categories; the first is scored
            ev = ev[0] if ev else ""
        rec["event"] = str(ev).upper()
        if rec["event"] == "DEMAND":  # the manual's older name for REQUEST
            rec["event"] = "REQUEST"
        if rec["event"] not in EVENT_TYPES:
            raise ValueError(f"{path}:{n}: unknown event type {rec['event']!r}")
        if isinstance(rec.get("mode"), list):
            rec["mode"] = rec["mode"][0] if rec["mode"] else None
        for key in ("actor", "recipient"):
            v = rec.get(key)
            if isinstance(v, str):
                rec[key] = [v]
            elif v is None:
                rec[key] = []
            else:
                rec[key] = [x if isinstance(x, str) else str(x.get("text") or x.get("name") or x.get("code") or "") for x in v]
        rec.setdefault("id", f"line-{n}")
        out.append(rec)
    return out


def code_texts(records: list[dict]) -> tuple[list[dict], float]:
    """Predictions for gold lines, and the seconds spent coding (analysis excluded)."""
    from storyline.extract.actors import find_actors
    from storyline.extract.events import code_document, fallback_type, main_event
    from storyline.nlp.analysis import DocInput, analyze_docs

    items = [DocInput(str(r["id"]), r["text"], _date(r.get("date"))) for r in records]
    out = []
    spent = 0.0
    for item, (analysis, doc) in zip(items, analyze_docs(items)):
        t0 = time.perf_counter()
        mentions = find_actors(doc, item.id, analysis.sentences, analysis.entities)
        coded = code_document(doc, item.id, item.date, analysis.sentences, analysis.timexes, mentions)
        spent += time.perf_counter() - t0
        main = main_event(coded)
        if main is None:
            fb = fallback_type(doc)
            typ, mode = fb if fb else (FALLBACK_TYPE, None)
            out.append({"type": typ, "mode": mode, "coded": False, "actors": [], "recipients": [], "events": []})
            continue
        out.append({
            "type": main.type, "mode": main.mode, "coded": True, "trigger": main.trigger.text, "modality": main.modality,
            "date": main.event.date, "actors": [_actor_keys(m) for m in main.actors] + [_phrase_keys(p) for p in main.actor_phrases],
            "recipients": [_actor_keys(m) for m in main.recipients] + [_phrase_keys(p) for p in main.recipient_phrases],
            "actor_text": [m.text for m in main.actors] + main.actor_phrases,
            "recipient_text": [m.text for m in main.recipients] + main.recipient_phrases,
            "events": [f"{c.type}/{c.mode or '-'}:{c.trigger.text}:{c.modality}" for c in coded],
        })
    return out, spent


def _date(value) -> str | None:
    if isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    return None


def _norm(text: str) -> str:
    text = re.sub(r"[\u2019']s\b", "", text or "")
    text = re.sub(r"[^\w\s]", " ", text.lower().replace("’", "'"))
    text = re.sub(r"^\s*the\s+", "", text)
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _gazetteer():
    try:
        from storyline.extract.actors import load_gazetteer

        return load_gazetteer()
    except Exception:  # the actor gazetteer is optional for scoring
        return None


@lru_cache(maxsize=1)
def _aliases() -> dict[str, set[str]]:
    g = _gazetteer()
    out: dict[str, set[str]] = {}
    if g is None:
        return out
    for key, slot in g.index.items():
        for kind, payload in slot.items():
            ident = getattr(payload, "id", payload) if kind in ("org", "state", "demonym", "demonym_pl", "capital") else None
            if isinstance(ident, str):
                out.setdefault(ident, set()).add(_norm(" ".join(key)))
    return out


@lru_cache(maxsize=4096)
def _resolve(name: str) -> frozenset[str]:
    """Ids a gold name stands for by the gazetteer: 'Israel' -> {ISR}, 'Hamas' -> {org:hamas}."""
    g = _gazetteer()
    if g is None:
        return frozenset()
    words = tuple(w.lower().replace("’", "'") for w in re.findall(r"[\w.'’-]+", name))
    if words and words[0] == "the":
        words = words[1:]
    out = set()
    for n in range(len(words), 0, -1):  # the longest known phrase inside the name
        for i in range(0, len(words) - n + 1):
            slot = g.index.get(words[i : i + n])
            if not slot:
                continue
            for kind in ("org", "state", "demonym", "demonym_pl", "capital"):
                if kind in slot:
                    p = slot[kind]
                    out.add(getattr(p, "id", p))
        if out:
            break
    return frozenset(out)


def _actor_keys(m) -> dict:
    ids = {m.actor, m.actor.split(".")[0]}
    if m.country:
        ids.add(m.country)
    if m.affiliation:
        ids.add(m.affiliation)
    texts = {_norm(m.actor), _norm(m.name), _norm(m.text)} | _aliases().get(m.actor, set())
    return {"ids": sorted(ids), "texts": sorted(t for t in texts if t), "words": sorted(set(_norm(m.text).split()) | set(_norm(m.name).split()))}


def _phrase_keys(text: str) -> dict:
    return {"ids": [], "texts": [_norm(text)], "words": sorted(set(_norm(text).split()))}


def matches(gold_name: str, keys: dict) -> bool:
    g = _norm(gold_name)
    if not g:
        return False
    if g in keys["texts"] or gold_name in keys["ids"] or gold_name.upper() in keys["ids"]:
        return True
    if set(g.split()) <= set(keys["words"]):
        return True
    resolved = _resolve(gold_name)
    return bool(resolved & set(keys["ids"]))


def score(records: list[dict], predictions: list[dict]) -> dict:
    labels = sorted({r["event"] for r in records} | {p["type"] for p in predictions})
    correct = sum(r["event"] == p["type"] for r, p in zip(records, predictions))
    per_type = {}
    f1s = []
    for lab in labels:
        tp = sum(r["event"] == lab and p["type"] == lab for r, p in zip(records, predictions))
        gold_n = sum(r["event"] == lab for r in records)
        pred_n = sum(p["type"] == lab for p in predictions)
        prec = tp / pred_n if pred_n else 0.0
        rec = tp / gold_n if gold_n else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_type[lab] = {"gold": gold_n, "predicted": pred_n, "precision": prec, "recall": rec, "f1": f1}
        f1s.append(f1)
    moded = [(r, p) for r, p in zip(records, predictions) if r.get("mode")]
    mode_ok = sum(str(r["mode"]).lower() == str(p.get("mode") or "").lower() for r, p in moded)
    roles = {}
    for role, key in (("actor", "actors"), ("recipient", "recipients")):
        total = hit = 0
        for r, p in zip(records, predictions):
            for name in r.get(role) or []:
                total += 1
                hit += any(matches(name, k) for k in p[key])
        roles[role] = (hit / total if total else None, hit, total)
    confusion = Counter((r["event"], p["type"]) for r, p in zip(records, predictions) if r["event"] != p["type"])
    details = []
    for r, p in zip(records, predictions):
        details.append({
            "id": r["id"], "text": r["text"], "gold": r["event"], "gold_mode": r.get("mode"), "predicted": p["type"],
            "predicted_mode": p.get("mode"), "coded": p["coded"], "trigger": p.get("trigger"), "modality": p.get("modality"),
            "gold_actor": r.get("actor") or [], "predicted_actor": p.get("actor_text", []),
            "gold_recipient": r.get("recipient") or [], "predicted_recipient": p.get("recipient_text", []),
            "events": p.get("events", []),
        })
    n = len(records)
    return {
        "lines": n,
        "type_accuracy": correct / n if n else 0.0,
        "macro_f1": sum(f1s) / len(f1s) if f1s else 0.0,
        "mode_accuracy": mode_ok / len(moded) if moded else None,
        "mode_lines": len(moded),
        "actor_match": roles["actor"][0], "actor_gold": roles["actor"][2],
        "recipient_match": roles["recipient"][0], "recipient_gold": roles["recipient"][2],
        "coded_lines": sum(p["coded"] for p in predictions),
        "per_type": per_type,
        "confusions": [{"gold": g, "predicted": q, "count": c} for (g, q), c in confusion.most_common()],
        "details": details,
    }


def evaluate(path: str | Path, split: str | None = None) -> dict:
    """Load, code and score a gold file; `split` 'tune' / 'heldout' keeps lines 1,2 / 3 of every three."""
    records = load_gold(path)
    if split == "tune":
        records = [r for i, r in enumerate(records) if i % 3 != 2]
    elif split == "heldout":
        records = [r for i, r in enumerate(records) if i % 3 == 2]
    preds, spent = code_texts(records)
    result = score(records, preds)
    result["ms_per_line"] = 1000 * spent / len(records) if records else 0.0
    return result
