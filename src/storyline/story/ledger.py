"""The figures ledger: reported figures from many documents reconciled into series, with their
conflicts, revisions and anomalies, and checked against a reference series.

Works on plain figure rows (dicts as `storyline.store.figures.query_figures` yields them: the
`Figure` fields plus doc_ref, outlet, doc_date, doc_title, duplicate_of and sentence); it never
touches the store. Every result carries citations (document, outlet, sentence, character span), so
that each number can be traced to where it was said.

- **entries** (`fold`): one per figure, with syndicated copies (documents with `duplicate_of`) and
  repeats of the same figure in the same document folded in as extra citations.
- **series**: per measure (optionally split by group and place), reported figures ordered by time;
  proposed/demanded/historical/hypothetical figures are listed beside the series, not in it.
- **conflicts**: different values for the same measure and time window from different sources.
- **revisions**: one source changing its own figure for the same measure and window across documents.
- **anomalies**: running totals that fall over time, and running totals repeated long after their date.
- **reference comparison**: figures against an external daily series (`storyline.story.reference`).

Hand-written: no library reconciles attributed figures from news text.
"""

from __future__ import annotations

import re
import statistics
from datetime import date
from typing import Iterable, Union

from storyline.story.reference import ReferenceSeries

#: statuses whose counts only grow over time (a later, lower value is suspicious)
CUMULATIVE_STATUSES = frozenset({"killed", "dead", "wounded", "taken", "released"})
#: statuses describing a current state (how many are held now), always "as of" some day
STOCK_STATUSES = frozenset({"held", "dead", "imprisoned", "displaced", "sheltering", "missing"})
CRISIS_START = "2023-10-07"

SAME = 0.005  # two values within 0.5% are the same figure
APPROX = 0.02  # "about N" stands for N ± 2%
FALL = 0.02  # a running total falling by more than 2% is an anomaly
STALE_DAYS = 30
REFERENCE_TOLERANCE = 2.0  # percent

#: attributions that the Gaza Health Ministry series (and similar official Gaza tallies) stand for
HEALTH_SOURCES = ("health ministry", "ministry of health", "health authorit", "hamas-run", "gaza health", "health officials")

Window = Union[str, int]  # "day" | "overlap" | a number of days between time_end days

CITATION_FIELDS = ("doc_id", "doc_ref", "outlet", "doc_date", "source", "value_text", "start", "end",
                   "sentence_start", "sentence_end", "sentence")
ENTRY_FIELDS = ("value_text", "value", "high", "qualifier", "unit", "status", "measure", "group", "place", "time",
                "time_start", "time_end", "source", "modality", "doc_id", "doc_ref", "outlet", "doc_date",
                "duplicate_of")


# --- small helpers ------------------------------------------------------------------------------

def _norm(text: str | None) -> str | None:
    if text is None:
        return None
    text = re.sub(r"\s+", " ", str(text)).strip().casefold()
    return text or None


def source_key(row: dict) -> str:
    """Who stands behind a figure: its source (case-insensitive, without a leading "the"), else its outlet."""
    src = _norm(row.get("source"))
    if src:
        return re.sub(r"^the ", "", src)
    outlet = _norm(row.get("outlet"))
    if outlet:
        return "outlet:" + outlet
    return "doc:" + str(row.get("doc_id"))


def source_label(row: dict) -> str:
    return row.get("source") or (f"({row['outlet']})" if row.get("outlet") else "(unattributed)")


def citation(row: dict) -> dict:
    """Where a figure was said: document, outlet, date, sentence text and character spans."""
    cit = {k: row.get(k) for k in CITATION_FIELDS}
    if cit["sentence"] is not None:
        cit["sentence"] = re.sub(r"\s+", " ", cit["sentence"]).strip()
    return cit


def _same(a: float, b: float, rel: float = SAME) -> bool:
    return abs(a - b) <= rel * max(abs(a), abs(b)) or a == b


def bounds(f: dict, approx: float = APPROX) -> tuple[float, float]:
    """The interval a figure stands for: "more than 11,000" is [11000, ∞), "about 240" is 240 ± 2%."""
    v = float(f["value"])
    q = f.get("qualifier") or "exact"
    if q == "over":
        return v, float("inf")
    if q == "under":
        return float("-inf") if v < 0 else 0.0, v
    if q == "range":
        high = f.get("high")
        return v, float(high) if high is not None else v
    if q == "approx":
        return v * (1 - approx), v * (1 + approx)
    return v, v


def values_differ(a: dict, b: dict, *, same: float = SAME, approx: float = APPROX) -> bool:
    """True when two figures cannot both be right: not within 0.5%, and, if either is hedged, their
    bounds do not overlap ("more than 11,000" and "11,078" agree; "240" and "252" differ)."""
    qa, qb = a.get("qualifier") or "exact", b.get("qualifier") or "exact"
    va, vb = float(a["value"]), float(b["value"])
    ha = float(a["high"]) if qa == "range" and a.get("high") is not None else va
    hb = float(b["high"]) if qb == "range" and b.get("high") is not None else vb
    if _same(va, vb, same) and _same(ha, hb, same):
        return False
    if qa == "exact" and qb == "exact":
        return True
    alo, ahi = bounds(a, approx)
    blo, bhi = bounds(b, approx)
    # widen by the "same" tolerance so that touching intervals count as agreeing
    alo, ahi = alo - abs(alo) * same, ahi + abs(ahi) * same
    return ahi < blo or bhi < alo


COMPARABLE = 1.6  # values further apart than this ratio count different subsets ("three Britons" vs "240"), not a disagreement
_VAGUE = ("dozen", "score", "hundreds", "thousands", "millions", "handful", "few", "several", "couple")


def comparable(a: dict, b: dict, ratio: float = COMPARABLE) -> bool:
    """Two figures can disagree only when both are precise and of the same magnitude."""
    for f in (a, b):
        text = (f.get("value_text") or "").lower()
        if not any(ch.isdigit() for ch in text) and any(w in text for w in _VAGUE):
            return False
    va, vb = abs(float(a["value"])), abs(float(b["value"]))
    return min(va, vb) > 0 and max(va, vb) / min(va, vb) <= ratio


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or _norm(a) == _norm(b)


def _days_between(earlier: str, later: str) -> int | None:
    try:
        return (date.fromisoformat(later[:10]) - date.fromisoformat(earlier[:10])).days
    except (TypeError, ValueError):
        return None


def _start(e: dict) -> str | None:
    return e.get("time_start") or e.get("time_end")


def order_key(e: dict) -> tuple:
    """Time (time_end), then the document's date; undated last."""
    return (e.get("time_end") is None, e.get("time_end") or "", e.get("doc_date") is None, e.get("doc_date") or "",
            str(e.get("doc_id") or ""), e.get("start") or 0)


def _doc_order(e: dict) -> tuple:
    return (e.get("doc_date") is None, e.get("doc_date") or "", str(e.get("doc_id") or ""), e.get("start") or 0)


# --- folding copies ----------------------------------------------------------------------------

def fold(rows: Iterable[dict]) -> list[dict]:
    """One entry per figure. Figures from a syndicated copy (document with `duplicate_of`) join the
    matching figure of the original document, and a figure repeated in the same document joins its
    first mention; both are kept as extra citations under `also`. Entries keep the figure's fields
    plus `citation` (the first mention), `also` and `sources` (how many citations in all)."""
    rows = sorted(rows, key=order_key)
    by_doc: dict[str, list[dict]] = {}
    entries: list[dict] = []

    def new_entry(r: dict) -> dict:
        e = {k: r.get(k) for k in ENTRY_FIELDS}
        e["id"] = r.get("id")
        e["start"], e["end"] = r.get("start"), r.get("end")
        e["citation"] = citation(r)
        e["also"] = []
        entries.append(e)
        by_doc.setdefault(str(r.get("doc_id")), []).append(e)
        return e

    def matches(e: dict, r: dict, *, strict: bool) -> bool:
        if e["measure"] != r.get("measure") or e["modality"] != r.get("modality"):
            return False
        # the very same number (252 and 253 in one text are two figures, however close)
        if float(e["value"]) != float(r["value"]) or (e.get("high") or 0) != (r.get("high") or 0):
            return False
        if strict:
            return (e.get("time_end") == r.get("time_end") and (e.get("qualifier") == r.get("qualifier"))
                    and _norm(e.get("group")) == _norm(r.get("group")) and _norm(e.get("place")) == _norm(r.get("place")))
        return True

    originals = [r for r in rows if not r.get("duplicate_of")]
    copies = [r for r in rows if r.get("duplicate_of")]
    def add_or_fold(r: dict) -> None:
        """The same figure said again in one document folds into its first mention."""
        same_doc = by_doc.get(str(r.get("doc_id")), [])
        hit = next((e for e in same_doc if matches(e, r, strict=True)), None)
        if hit is not None:
            hit["also"].append(citation(r))
        else:
            new_entry(r)

    for r in originals:
        add_or_fold(r)
    claimed: set[int] = set()
    for r in copies:
        orig = [e for e in by_doc.get(str(r["duplicate_of"]), []) if e.get("duplicate_of") is None]
        cands = [e for e in orig if matches(e, r, strict=False)]
        # prefer an original figure not yet matched by another mention of this copy, then the same time
        cands.sort(key=lambda e: (id(e) in claimed, e.get("time_end") != r.get("time_end")))
        if cands:
            cands[0]["also"].append(citation(r))
            claimed.add(id(cands[0]))
            continue
        add_or_fold(r)
    for e in entries:
        e["sources"] = 1 + len(e["also"])
    entries.sort(key=order_key)
    return entries


def _reported(entries: list[dict]) -> list[dict]:
    return [e for e in entries if (e.get("modality") or "reported") == "reported"]


# --- series ------------------------------------------------------------------------------------

def series(rows: Iterable[dict], *, measure: str | None = None, by_group: bool = False, by_place: bool = False,
           group: str | None = None, place: str | None = None) -> list[dict]:
    """Series per measure (and per group and/or place when `by_group`/`by_place`). `measure`, `group` and
    `place` filter (exact, case-insensitive; measure also matches a unit or status alone). Each series has
    `points` (reported figures ordered by time_end then document date, copies folded) and `other`
    (the measure's proposed, demanded, historical and hypothetical figures, in the same order)."""
    entries = fold(rows)
    out: dict[tuple, dict] = {}
    for e in entries:
        if measure and not _measure_matches(e.get("measure"), measure):
            continue
        if group is not None and _norm(e.get("group")) != _norm(group):
            continue
        if place is not None and _norm(e.get("place")) != _norm(place):
            continue
        key = (e["measure"], e.get("group") if by_group else None, e.get("place") if by_place else None)
        nkey = (key[0], _norm(key[1]), _norm(key[2]))
        s = out.get(nkey)
        if s is None:
            s = out[nkey] = {"measure": key[0], "group": key[1] if by_group else group, "place": key[2] if by_place else place,
                             "points": [], "other": []}
        (s["points"] if (e.get("modality") or "reported") == "reported" else s["other"]).append(e)
    result = []
    for s in out.values():
        s["points"].sort(key=order_key)
        s["other"].sort(key=order_key)
        s["count"] = len(s["points"])
        dated = [p for p in s["points"] if p.get("time_end")]
        s["first"] = dated[0]["time_end"] if dated else None
        s["last"] = dated[-1]["time_end"] if dated else None
        result.append(s)
    result.sort(key=lambda s: (-s["count"], s["measure"], _norm(s["group"]) or "", _norm(s["place"]) or ""))
    return result


def _measure_matches(m: str | None, wanted: str) -> bool:
    if not m:
        return False
    return m == wanted or m.startswith(wanted + ".") or m.endswith("." + wanted)


# --- windows -----------------------------------------------------------------------------------

def _window_fn(window: Window):
    """(sort key, 'still possible' test for a later item, 'same window' test) for a window setting."""
    if window == "day":
        return (lambda e: e["time_end"]), (lambda a, b: b["time_end"] == a["time_end"]), (lambda a, b: a["time_end"] == b["time_end"])
    if window == "overlap":
        return (_start), (lambda a, b: _start(b) <= a["time_end"]), (lambda a, b: _start(a) <= b["time_end"] and _start(b) <= a["time_end"])
    try:
        days = int(window)
    except (TypeError, ValueError):
        raise ValueError(f"window must be 'day', 'overlap' or a number of days, not {window!r}") from None
    if days < 0:
        raise ValueError("window days must not be negative")

    def near(a, b):
        gap = _days_between(a["time_end"], b["time_end"])
        return gap is not None and abs(gap) <= days

    return (lambda e: e["time_end"]), near, near


def _window_pairs(items: list[dict], window: Window):
    """Pairs of items whose times fall in the same window (items without time_end are skipped)."""
    key, possible, same = _window_fn(window)
    dated = sorted((e for e in items if e.get("time_end")), key=key)
    for i, a in enumerate(dated):
        for b in dated[i + 1:]:
            if not possible(a, b):
                break
            if same(a, b):
                yield a, b


class _Union:
    def __init__(self):
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return list(out.values())


def _by_measure(entries: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for e in entries:
        out.setdefault(e["measure"], []).append(e)
    return out


def _first_given(items: list[dict], key: str) -> str | None:
    return next((e[key] for e in items if e.get(key)), None)


def _span(items: list[dict]) -> str | None:
    starts = [_start(e) for e in items if _start(e)]
    ends = [e["time_end"] for e in items if e.get("time_end")]
    if not ends:
        return None
    s, t = min(starts), max(ends)
    return t if s == t else f"{s}/{t}"


# --- conflicts ---------------------------------------------------------------------------------

def _disagreements(items: list[dict], window: Window, skip) -> list[list[dict]]:
    """Figures linked by pairwise disagreement (same window, compatible group and place, comparable
    values that cannot both be right), as clusters; `skip(a, b)` leaves a pair out."""
    uf = _Union()
    index = {id(e): e for e in items}
    for a, b in _window_pairs(items, window):
        if skip(a, b):
            continue
        if not (_compatible(a.get("group"), b.get("group")) and _compatible(a.get("place"), b.get("place"))):
            continue
        if comparable(a, b) and values_differ(a, b):
            uf.join(id(a), id(b))
    return [[index[i] for i in ids] for ids in uf.groups()]


def conflicts(rows: Iterable[dict], *, window: Window = "day", measure: str | None = None,
              entries: list[dict] | None = None) -> list[dict]:
    """Different values for the same measure (and group/place, when both figures give one) in the same
    time window from different sources. Figures linked by such disagreements form one conflict, which
    lists each of them with its citation."""
    entries = _reported(entries if entries is not None else fold(rows))
    out = []
    for m, items in sorted(_by_measure(entries).items()):
        if measure and not _measure_matches(m, measure):
            continue
        for cluster in _disagreements(items, window, lambda a, b: source_key(a) == source_key(b)):
            figs = sorted(cluster, key=lambda e: (float(e["value"]), _doc_order(e)))
            lo, hi = min(float(e["value"]) for e in figs), max(float(e.get("high") or e["value"]) for e in figs)
            out.append({
                "measure": m,
                "group": _first_given(figs, "group"),
                "place": _first_given(figs, "place"),
                "window": _span(figs),
                "values": sorted({e["value_text"] for e in figs}, key=lambda t: next(float(e["value"]) for e in figs if e["value_text"] == t)),
                "sources": sorted({source_label(e) for e in figs}),
                "spread": hi - lo,
                "spread_pct": round(100 * (hi - lo) / lo, 2) if lo else None,
                "figures": figs,
            })
    out.sort(key=lambda c: (c["window"] or "", c["measure"]))
    return out


# --- revisions ---------------------------------------------------------------------------------

def revisions(rows: Iterable[dict], *, window: Window = "day", measure: str | None = None,
              entries: list[dict] | None = None) -> list[dict]:
    """A source (same source text, case-insensitive; the outlet when unattributed) giving a different
    value for the same measure and window in a later document: e.g. an Israeli tally of hostages taken
    on 7 October going from 240 to 253. Each revision lists the figures in document order and the
    changes between consecutive documents."""
    entries = _reported(entries if entries is not None else fold(rows))
    groups: dict[tuple[str, str], list[dict]] = {}
    for e in entries:
        if measure and not _measure_matches(e["measure"], measure):
            continue
        groups.setdefault((source_key(e), e["measure"]), []).append(e)
    out = []
    for (skey, m), items in sorted(groups.items()):
        if len({e["doc_id"] for e in items}) < 2:
            continue
        for cluster in _disagreements(items, window, lambda a, b: a["doc_id"] == b["doc_id"]):
            figs = sorted(cluster, key=_doc_order)
            changes = []
            for prev, cur in zip(figs, figs[1:]):
                if prev["doc_id"] != cur["doc_id"] and values_differ(prev, cur):
                    changes.append({
                        "from": prev["value_text"], "to": cur["value_text"],
                        "from_value": prev["value"], "to_value": cur["value"],
                        "change": float(cur["value"]) - float(prev["value"]),
                        "from_doc_date": prev.get("doc_date"), "to_doc_date": cur.get("doc_date"),
                        "from_doc": prev.get("doc_ref"), "to_doc": cur.get("doc_ref"),
                    })
            if not changes:
                continue
            out.append({
                "source": source_label(figs[0]),
                "source_key": skey,
                "measure": m,
                "group": _first_given(figs, "group"),
                "place": _first_given(figs, "place"),
                "window": _span(figs),
                "values": [e["value_text"] for e in figs],
                "changes": changes,
                "figures": figs,
            })
    out.sort(key=lambda r: (r["window"] or "", r["measure"], r["source_key"]))
    return out


# --- anomalies ---------------------------------------------------------------------------------

def falling_totals(entries: list[dict], *, fall: float = FALL, measure: str | None = None) -> list[dict]:
    """Reported running totals (killed, dead, wounded, taken, released) whose value at a later time is
    lower than the highest earlier value of the same measure/group/place by more than `fall` (2%)."""
    out = []
    groups: dict[tuple, list[dict]] = {}
    for e in _reported(entries):
        if e.get("status") not in CUMULATIVE_STATUSES or not e.get("time_end"):
            continue
        if measure and not _measure_matches(e["measure"], measure):
            continue
        groups.setdefault((e["measure"], _norm(e.get("group")), _norm(e.get("place"))), []).append(e)
    for (m, _g, _p), items in sorted(groups.items(), key=lambda kv: tuple(x or "" for x in kv[0])):
        items.sort(key=order_key)
        best: dict | None = None  # the highest lower bound seen at an earlier time
        pending: list[dict] = []  # same-day items become "earlier" only once the day is over
        day = None
        for e in items:
            if e["time_end"] != day:
                for p in pending:
                    if best is None or bounds(p, 0)[0] > bounds(best, 0)[0]:
                        best = p
                pending, day = [], e["time_end"]
            if best is not None:
                earlier_lo = bounds(best, 0)[0]
                later_hi = bounds(e, 0)[1]
                # a far smaller count is another subset (one day's releases), not the total falling
                if earlier_lo > 0 and later_hi < earlier_lo * (1 - fall) and comparable(best, e):
                    drop = earlier_lo - later_hi
                    out.append({
                        "kind": "falling_total",
                        "measure": m, "group": e.get("group") or best.get("group"), "place": e.get("place") or best.get("place"),
                        "drop": drop, "drop_pct": round(100 * drop / earlier_lo, 2),
                        "message": (f"{m}: {e['value_text']} on {e['time_end']} is lower than {best['value_text']} "
                                    f"on {best['time_end']} ({100 * drop / earlier_lo:.1f}% less)"),
                        "earlier": best, "later": e,
                    })
            if bounds(e, 0)[0] > 0:
                pending.append(e)
    return out


def is_running_total(e: dict, crisis_start: str = CRISIS_START) -> bool:
    """A figure that states a current tally: a state (held, dead, imprisoned, displaced, sheltering,
    missing) as of a day, or a cumulative count (killed, wounded, taken, released) over a period that
    starts with the crisis ("since 7 October"). A count of one dated event (killed on a day, taken on 7
    October, released during the truce) is not a running total."""
    status = e.get("status")
    if status in STOCK_STATUSES:
        return True
    if status in CUMULATIVE_STATUSES:
        start, end = e.get("time_start"), e.get("time_end")
        return bool(start and end and start <= crisis_start < end)
    return False


def stale_figures(entries: list[dict], *, max_age_days: int = STALE_DAYS, measure: str | None = None,
                  crisis_start: str = CRISIS_START) -> list[dict]:
    """Running totals repeated by a document dated more than `max_age_days` after the day they refer
    to (time_end); each flag names the repeating document (the latest citation) and the gap in days."""
    out = []
    for e in _reported(entries):
        if measure and not _measure_matches(e["measure"], measure):
            continue
        if not e.get("time_end") or not is_running_total(e, crisis_start):
            continue
        cits = [e["citation"], *e.get("also", [])]
        worst, gap = None, None
        for c in cits:
            if not c.get("doc_date") or len(c["doc_date"]) < 10:
                continue
            g = _days_between(e["time_end"], c["doc_date"])
            if g is not None and g > max_age_days and (gap is None or g > gap):
                worst, gap = c, g
        if worst is None:
            continue
        out.append({
            "kind": "stale",
            "measure": e["measure"], "group": e.get("group"), "place": e.get("place"),
            "gap_days": gap,
            "message": f"{e['measure']}: {e['value_text']} refers to {e['time_end']} but is repeated on {worst['doc_date']} ({gap} days later)",
            "figure": e, "repeated_in": worst,
        })
    out.sort(key=lambda a: (-a["gap_days"], a["measure"]))
    return out


def anomalies(rows: Iterable[dict], *, fall: float = FALL, max_age_days: int = STALE_DAYS, measure: str | None = None,
              entries: list[dict] | None = None) -> list[dict]:
    """Falling running totals, then stale figures."""
    entries = entries if entries is not None else fold(rows)
    return falling_totals(entries, fall=fall, measure=measure) + stale_figures(entries, max_age_days=max_age_days, measure=measure)


def review(rows: Iterable[dict], *, window: Window = "day", measure: str | None = None, fall: float = FALL,
           max_age_days: int = STALE_DAYS) -> dict:
    """Conflicts, revisions and anomalies over one set of figure rows (folded once)."""
    entries = fold(rows)
    return {
        "conflicts": conflicts([], window=window, measure=measure, entries=entries),
        "revisions": revisions([], window=window, measure=measure, entries=entries),
        "anomalies": anomalies([], fall=fall, max_age_days=max_age_days, measure=measure, entries=entries),
    }


# --- reference comparison ------------------------------------------------------------------------

def source_matches(source: str | None, wanted: str | Iterable[str] | None = None) -> bool:
    """`wanted` as a substring of the figure's source (case-insensitive); default: health ministry wordings."""
    if not source:
        return False
    low = source.casefold()
    patterns = HEALTH_SOURCES if wanted is None else ((wanted,) if isinstance(wanted, str) else tuple(wanted))
    return any(p.casefold() in low for p in patterns)


def _same_place(a: str, b: str) -> bool:
    """Gaza, the Gaza Strip and gaza strip are one place."""
    def clean(x: str) -> str:
        return re.sub(r"^the |\s+strip$", "", _norm(x) or "")
    return clean(a) == clean(b)


def within_reference(f: dict, ref: float, tolerance: float = REFERENCE_TOLERANCE) -> bool:
    """Is a figure consistent with the reference value, within `tolerance` percent? Exact and "about"
    figures: |figure − reference| ≤ tolerance% of the reference. "More than N": reference ≥ N and at
    most tolerance% above N. "Fewer than N": reference ≤ N and at most tolerance% below N. A range:
    reference inside it, or within tolerance% of an end."""
    v = float(f["value"])
    tol = tolerance / 100
    q = f.get("qualifier") or "exact"
    if q == "over":
        return v <= ref <= v * (1 + tol) if v >= 0 else ref >= v
    if q == "under":
        return v * (1 - tol) <= ref <= v
    if q == "range" and f.get("high") is not None:
        lo, hi = v, float(f["high"])
        return lo * (1 - tol) <= ref <= hi * (1 + tol)
    if ref == 0:
        return v == 0
    return abs(v - ref) <= tol * abs(ref)


TOLL_SHARE = 0.25  # below this share of the reference total, a figure counts one incident, not the toll


def compare_reference(rows: Iterable[dict], reference: ReferenceSeries, *, measure: str = "person.killed",
                      place: str | None = "Gaza", source: str | Iterable[str] | None = None,
                      tolerance: float = REFERENCE_TOLERANCE, toll_share: float = TOLL_SHARE) -> dict:
    """Each reported figure of `measure` (place containing `place`, or no place) attributed to a matching
    `source` (default: health ministry wordings), against the reference value on its day (time_end; the
    latest earlier day when the reference has none). Copies are folded, so a syndicated figure counts once.
    Returns {"rows": [...], "summary": {...}}; figures before the reference starts, or undated, are listed
    with reference null and not counted as compared. Counts far below the running total at their date
    (under `toll_share` of it: "at least 45 killed in a strike") are incident counts, not the death toll:
    they are listed with `incident` true and not compared."""
    out_rows = []
    for e in _reported(fold(rows)):
        if e["measure"] != measure:
            continue
        if place and e.get("place") and not _same_place(e["place"], place):
            continue
        if not source_matches(e.get("source"), source):
            continue
        day = e.get("time_end")
        at = reference.at(day)
        row = {
            "time": day, "value_text": e["value_text"], "value": e["value"], "high": e.get("high"),
            "qualifier": e.get("qualifier"), "measure": e["measure"], "place": e.get("place"),
            "source": e.get("source"), "outlet": e.get("outlet"), "doc_ref": e.get("doc_ref"), "doc_date": e.get("doc_date"),
            "reference_date": None, "reference": None, "gap": None, "gap_pct": None, "within": None,
            "citation": e["citation"], "also": e.get("also", []),
        }
        if at is not None:
            ref_day, ref = at
            gap = float(e["value"]) - ref
            row["reference_date"], row["reference"] = ref_day, ref
            if ref and float(e.get("high") or e["value"]) < toll_share * ref:
                row["incident"] = True
            else:
                row.update(gap=gap, gap_pct=round(100 * gap / ref, 3) if ref else None,
                           within=within_reference(e, ref, tolerance))
        out_rows.append(row)
    out_rows.sort(key=lambda r: (r["time"] is None, r["time"] or "", r["doc_date"] or ""))
    compared = [r for r in out_rows if r["reference"] is not None and not r.get("incident")]
    within = sum(1 for r in compared if r["within"])
    gaps = [abs(r["gap_pct"]) for r in compared if r["gap_pct"] is not None]
    summary = {
        "figures": len(out_rows),
        "compared": len(compared),
        "within": within,
        "within_pct": round(100 * within / len(compared), 1) if compared else None,
        "median_abs_gap_pct": round(statistics.median(gaps), 3) if gaps else None,
        "not_compared": len(out_rows) - len(compared),
        "incidents": sum(1 for r in out_rows if r.get("incident")),
        "tolerance_pct": tolerance,
        "measure": measure,
        "reference": {"path": reference.path, "date_field": reference.date_field, "value_field": reference.value_field,
                      "first": reference.first, "last": reference.last, "days": len(reference)},
    }
    return {"rows": out_rows, "summary": summary}
