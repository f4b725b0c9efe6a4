"""Merge the events of many documents into real-world events, each with all its citations.

The same happening reported by several outlets (same PLOVER type, overlapping actors, resolved
dates within a day, similar wording) becomes one `MergedEvent`; a syndicated copy of an
article adds its citation but not a source. Greedy single-pass leader clustering over events
sorted by date: an event joins the best-matching cluster of its type whose first report lies
within the window (compared with that first report's wording and all the cluster's actors),
else starts a new one. Reports that state different days in their own words ("freed on Friday",
"freed on Saturday": the daily exchanges of a truce) never join; the window is for report dates.
A report-dated row that matches no open cluster but retells an earlier event closely (same type,
a shared participant, similar wording) joins that event: background told again weeks later. Written by hand: no library clusters coded events this way.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Callable, Iterable

DATE_WINDOW = 1  # days between resolved dates of one real-world event
WORDING = 0.3  # content-word Jaccard that alone makes two same-type reports one event
WORDING_WITH_ACTORS = 0.12  # ... when they also share an actor
MANY_A_DAY = frozenset({"aerial", "heavy-weapons", "firearms", "explosives", "arrest"})  # modes of acts an army does
# many times a day: for these a shared actor and mode do not make two reports one event
MODALITY_RANK = {"asserted": 0, "claimed": 1, "planned": 2, "hypothetical": 3, "negated": 4}

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_STOP = frozenset(
    "a an the and or but of to in on at for from by with as is are was were be been being has have had it its "
    "this that these those he she they them his her their we our you your i not no said says say told would will "
    "could should may might can also after before over about into than then there which who whom what when where "
    "while during more most some any all one two three four five six seven eight nine ten mr mrs ms".split()
)


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in (m.group().lower() for m in _WORD.finditer(text or "")) if w not in _STOP and len(w) > 2)


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


@dataclass
class Citation:
    doc_id: str
    doc_ref: str | None
    outlet: str | None
    doc_date: str | None
    sent: int
    start: int  # the trigger's character span in the document
    end: int
    sentence_start: int
    sentence_end: int
    sentence: str
    trigger: str
    copy_of: str | None = None  # the document this one syndicates, when it is a copy


@dataclass
class MergedEvent:
    id: str
    type: str
    mode: str | None
    date: str | None
    date_start: str | None
    date_end: str | None
    precision: str | None
    modality: str
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    actor_text: list[str] = field(default_factory=list)
    recipient_text: list[str] = field(default_factory=list)
    location: str | None = None
    sources: int = 0  # independent outlets (copies not counted)
    documents: int = 0  # documents, copies included
    summary: str = ""  # the most representative sentence
    citations: list[Citation] = field(default_factory=list)
    confidence: float | None = None  # its representative report's (`storyline.extract.event_confidence`)

    @property
    def summary_citation(self) -> "Citation":
        """The citation of the representative sentence (the summary)."""
        return next((c for c in self.citations if c.sentence == self.summary), self.citations[0])

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class _Cluster:
    rows: list[dict]
    type: str
    day: date
    mode: str | None
    actors: set[str]
    words: frozenset[str]  # the first report's words: clusters are compared with their leader
    stated: set[date] = field(default_factory=set)  # days its reports state in their own words
    known: bool = False  # its first report is dated by a known day (the anchor: "the October 7 attack")


def iso_day(value: str | None) -> date | None:
    """The calendar day an ISO date or timestamp starts with ("2023-10-07", "2023-10-07T09:00"); None if it has none."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _is_day(row: dict) -> bool:
    return bool(row.get("date_start")) and row.get("date_start") == row.get("date_end")


def merge_events(rows: Iterable[dict], *, canonical: Callable[[str, str | None], str] | None = None,
                 window: int = DATE_WINDOW) -> list[MergedEvent]:
    """Cluster event rows (dicts as `store.events.query_events` yields them) into merged events.

    `canonical(id, report_date)` maps the rows' actor ids to the registry's (`Registry.canonical`)
    first, so that "Haniyeh" in one document and "Ismail Haniyeh" in another are one actor, and "the
    Hamas leader" is whoever led Hamas when the report was written. Rows resolved to a
    single day are clustered; rows dated by a period join a day's event they retell within it, or
    the like-worded rows of the same period (`_place_periods`, `_group_periods`); undated rows stay single.
    """
    dated: list[dict] = []
    single: list[dict] = []
    for r in rows:
        if canonical:
            when = r.get("doc_date")
            r["actors"] = [canonical(a, when) for a in r["actors"]]
            r["recipients"] = [canonical(a, when) for a in r["recipients"]]
        (dated if _is_day(r) else single).append(r)
    dated.sort(key=lambda r: (r["date_start"], r.get("doc_date") or "", r["doc_id"], r["start"]))
    open_by_type: dict[str, list[_Cluster]] = defaultdict(list)
    by_actor: dict[tuple, list[_Cluster]] = defaultdict(list)  # every cluster, by type and participant
    clusters: list[_Cluster] = []
    for r in dated:
        d = iso_day(r["date_start"])
        if d is None:
            single.append(r)
            continue
        words = r["_words"] = content_words(r.get("sentence") or "")
        people = _participants(r)
        bucket = open_by_type[r["type"]]
        bucket[:] = [c for c in bucket if (d - c.day).days <= window]
        best, best_score = None, 0.0
        mode = r.get("mode") or None
        stated = d if r.get("date_source") in ("text", "anchor") else None
        for c in bucket:
            if stated is not None and c.stated and stated not in c.stated:
                continue  # "freed on Friday" and "freed on Saturday": two days of exchanges, not one event
            shared = not people.isdisjoint(c.actors)
            same_mode = mode == c.mode
            if not shared and words.isdisjoint(c.words):
                continue
            sim = _jaccard(words, c.words)
            # an army strikes many times a day (an air strike, shelling, arrests); "the attack" of a day, a
            # day's abductions, or the known attack of a known day, is one event
            once = mode not in MANY_A_DAY or (c.known and r.get("date_source") == "anchor")
            if sim >= WORDING or (shared and (sim >= WORDING_WITH_ACTORS or (same_mode and once))):
                score = sim + (0.5 if shared else 0) + (0.2 if same_mode else 0)
                if score > best_score:
                    best, best_score = c, score
        if best is None and stated is None and r.get("date_source") == "report":
            best = _retold(r, words, people, by_actor, d, window)
        if best is None:
            best = _Cluster([], r["type"], d, mode, set(), words, known=r.get("date_source") == "anchor")
            bucket.append(best)
            clusters.append(best)
            for a in people:
                by_actor[(r["type"], a)].append(best)
        best.rows.append(r)
        best.actors |= people
        if stated is not None:
            best.stated.add(stated)
    single = _place_periods(single, clusters)
    groups = [c.rows for c in clusters]
    merged = _consolidate([_merge(g) for g in groups], groups)
    merged.extend(_merge(g) for g in _group_periods(single))
    merged.sort(key=lambda m: (m.date_start is None, m.date_start or "", -m.sources, m.id))
    return merged


def _participants(r: dict) -> set[str]:
    """A report's actors and recipients, the ids by which reports of one event are matched."""
    return set(r.get("actors") or []) | set(r.get("recipients") or [])


def _place_periods(rows: list[dict], clusters: list[_Cluster]) -> list[dict]:
    """Rows dated by a period ("in October", "over the weekend") join the day's event they retell when one
    within the period shares a participant and close wording ("Hamas gunmen attacked Israel in October,
    killing 1,200" is the 7 October attack); the others are returned. For acts an army does many times a
    day the wording must be closer, unless the day's event is a known one."""
    by_type: dict[str, list[_Cluster]] = defaultdict(list)
    for c in clusters:
        by_type[c.type].append(c)
    for cs in by_type.values():
        cs.sort(key=lambda c: c.day)
    days = {t: [c.day for c in cs] for t, cs in by_type.items()}
    rest = []
    for r in rows:
        lo, hi = iso_day(r.get("date_start")), iso_day(r.get("date_end"))
        people = _participants(r)
        cs = by_type.get(r["type"], [])
        if lo is None or hi is None or not people or not cs:
            rest.append(r)
            continue
        words = r["_words"] = content_words(r.get("sentence") or "")
        best, best_sim = None, 0.0
        for c in cs[bisect_left(days[r["type"]], lo):bisect_right(days[r["type"]], hi)]:
            if people.isdisjoint(c.actors):
                continue
            need = RETOLD if (r.get("mode") not in MANY_A_DAY or c.known) else RETOLD_MANY
            # not a report of the same sentence: "a strike at the start of the month was followed by an attack on
            # 13 April" tells two events, and its words are the same
            sim = max((_jaccard(words, x["_words"]) for x in c.rows[:PERIOD_COMPARED]
                       if (x["doc_id"], x["sentence_start"]) != (r["doc_id"], r["sentence_start"])), default=0.0)
            if sim >= need and sim > best_sim:
                best, best_sim = c, sim
        if best is None:
            rest.append(r)
        else:
            best.rows.append(r)
    return rest


def _group_periods(rows: list[dict]) -> list[list[dict]]:
    """Rows of one period (same type and date value) told in like words are one event: a syndicated or
    repeated sentence ("the crossing was closed after a rocket attack over the weekend") counts once.
    Rows with no date stay single."""
    out: list[list[dict]] = []
    open_: dict[tuple, list[list[dict]]] = defaultdict(list)
    for r in rows:
        if not r.get("date"):
            out.append([r])
            continue
        words = r.setdefault("_words", content_words(r.get("sentence") or ""))
        people = _participants(r)
        best, best_sim = None, 0.0
        for g in open_[(r["type"], r["date"])]:
            lead = g[0]
            sim = _jaccard(words, lead["_words"])
            shared = not people.isdisjoint(_participants(lead))
            if (sim >= WORDING or (shared and sim >= WORDING_WITH_ACTORS and r.get("mode") == lead.get("mode")
                                   and r.get("mode") not in MANY_A_DAY)) and sim > best_sim:
                best, best_sim = g, sim
        if best is None:
            best = []
            open_[(r["type"], r["date"])].append(best)
            out.append(best)
        best.append(r)
    return out


def _consolidate(merged: list[MergedEvent], groups: list[list[dict]]) -> list[MergedEvent]:
    """Clusters of a day that came out as the same event (type, day, mode, modality and actors) are one: reports
    of one happening in words too different to join on their own ("the hostages taken on 7 October",
    "the Raanans were seized at a graduation") would otherwise stay many events. Not for the acts an
    army does many times a day (air strikes, shelling, arrests)."""
    keys = []
    for m, rows in zip(merged, groups):
        mode = _vote(r.get("mode") for r in rows)  # what most of its reports call it
        keys.append((m.type, m.date, mode, m.modality, tuple(sorted(m.actors))) if m.actors and mode not in MANY_A_DAY else None)
    same: dict[tuple, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        if k:
            same[k].append(i)
    out, done = [], set()
    for i, m in enumerate(merged):
        if i in done:
            continue
        ids = same[keys[i]] if keys[i] else [i]
        out.append(m if len(ids) == 1 else _merge([r for j in ids for r in groups[j]]))
        done.update(ids)
    return out


RETOLD = 0.35  # wording similarity at which a report-dated event retells an earlier one
RETOLD_LOOKBACK = 400  # earlier events compared per type and participant (the most recent)
RETOLD_MANY = 0.5  # ... for a period-dated retelling of an act an army does many times a day
PERIOD_COMPARED = 50  # reports of a day's event a period-dated row is compared with


def _retold(r: dict, words: frozenset, people: set, by_actor: dict, d: date, window: int) -> _Cluster | None:
    """An earlier event that a report-dated row retells as background ("Turkey recalled its
    ambassador", told again weeks later): same type, a shared participant, close wording. The
    retelling becomes a citation of the event on its own day, not a new event on the report's."""
    best, best_sim = None, RETOLD
    for a in people:
        for c in by_actor.get((r["type"], a), ())[-RETOLD_LOOKBACK:]:
            if (d - c.day).days <= window:
                continue
            sim = _jaccard(words, c.words)
            if sim >= best_sim:
                best, best_sim = c, sim
    return best


def _vote(values: Iterable, default=None):
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else default


def _outlet(r: dict) -> str:
    """Who published a report: its outlet, else its document (counted as an outlet of its own)."""
    return r.get("outlet") or r["doc_id"]


def _agreed(head: dict, rows: list[dict], key: str) -> list[str]:
    """The representative report's participants, then those that at least half the outlets name, and
    two outlets at least: one stray coding, or one live page's repeats, does not become the event's actor."""
    by: dict[str, set] = defaultdict(set)
    for r in rows:
        for k in dict.fromkeys(r.get(key) or []):  # first-seen order breaks ties: the same output every run
            by[k].add(_outlet(r))
    outlets = len({_outlet(r) for r in rows})
    out = list(head.get(key) or [])
    other = {"actors": "recipients", "recipients": "actors"}.get(key)
    sides = {_side(x) for x in head.get(other) or []} if other else set()  # the other side is not on this one
    out += [k for k, n in sorted(by.items(), key=lambda kv: -len(kv[1]))
            if k not in out and len(n) * 2 >= outlets and len(n) > 1 and _side(k) not in sides]
    return out


_STATE_ID = re.compile(r"^(?:role:)?([A-Z]{3})(?:[.:]|$)")


def state_of(actor: str) -> str | None:
    """The state an actor id names ("ISR", "ISR.military", "role:QAT.government:…" -> the code), else None."""
    m = _STATE_ID.match(actor)
    return m.group(1) if m else None


def _side(actor: str) -> str:
    return state_of(actor) or actor


def _merge(rows: list[dict]) -> MergedEvent:
    originals = [r for r in rows if not r.get("duplicate_of")]
    outlets = {_outlet(r) for r in (originals or rows)}
    stated = [r for r in rows if r.get("date") and r.get("date_source") in ("text", "anchor")]
    stated = [r for r in stated if _is_day(r)] or stated  # a day over the period that retells it
    dates = Counter(r.get("date") for r in (stated or rows) if r.get("date"))  # a stated day over report days
    main_date = dates.most_common(1)[0][0] if dates else None
    at_date = [r for r in rows if r.get("date") == main_date] or rows
    modality = min((r.get("modality") or "asserted" for r in rows), key=lambda m: MODALITY_RANK.get(m, 9))
    for r in rows:
        if "_words" not in r:
            r["_words"] = content_words(r.get("sentence") or "")
    words = Counter()
    for r in rows:
        words.update(r["_words"])

    # the most representative sentence: covers the cluster's common words best, short sentences favoured
    def representative(r: dict) -> float:
        ws = r["_words"]
        return sum(words[w] for w in ws) / (len(ws) + 5) if ws else 0.0
    # a likely-right report speaks for it, one that tells the event as the merged record has it (modality, day)
    pool = originals or rows
    told = lambda r: (r.get("modality") or "asserted") == modality  # noqa: E731
    pool = [r for r in pool if told(r) and r.get("date") == main_date] or [r for r in pool if told(r)] or pool
    voted = _vote(r.get("mode") for r in rows)  # and calls it what most reports call it
    pool = [r for r in pool if r.get("mode") == voted] or pool
    head = max(pool, key=lambda r: representative(r) * sureness(r.get("confidence")))
    key = "|".join(sorted(f"{r['doc_id']}:{r['start']}" for r in rows))
    return MergedEvent(
        id=hashlib.sha1(key.encode()).hexdigest()[:12],
        type=head["type"],
        mode=head.get("mode"),  # as the cited report tells it
        date=main_date,
        date_start=at_date[0].get("date_start"),
        date_end=at_date[0].get("date_end"),
        precision=at_date[0].get("precision"),
        modality=modality,
        actors=_agreed(head, rows, "actors"),
        recipients=_agreed(head, rows, "recipients"),
        actor_text=_agreed(head, rows, "actor_text"),
        recipient_text=_agreed(head, rows, "recipient_text"),
        location=_vote(r.get("location") for r in rows),
        sources=len(outlets),
        documents=len({r["doc_id"] for r in rows}),
        summary=(head.get("sentence") or "").strip(),
        confidence=head.get("confidence"),
        citations=[
            Citation(
                doc_id=r["doc_id"], doc_ref=r.get("doc_ref"), outlet=r.get("outlet"), doc_date=r.get("doc_date"),
                sent=r["sent"], start=r["start"], end=r["end"], sentence_start=r["sentence_start"],
                sentence_end=r["sentence_end"], sentence=(r.get("sentence") or "").strip(), trigger=r["trigger"],
                copy_of=r.get("duplicate_of"),
            )
            for r in _one_per_sentence(sorted(rows, key=lambda r: (r.get("doc_date") or "", r["doc_id"], r["start"])))
        ],
    )



def _one_per_sentence(rows: list[dict]) -> list[dict]:
    """Two triggers of one sentence ("killed in an air strike") are one citation."""
    seen: set[tuple] = set()
    out = []
    for r in rows:
        key = (r["doc_id"], r["sentence_start"])
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def sureness(confidence: float | None) -> float:
    """A weight from 0.5 (surely wrong) to 1.5 (surely right) for a coding's confidence; 1 when unscored."""
    return 0.5 + (confidence if confidence is not None else 0.5)


def confident_events(merged: list[MergedEvent], min_confidence: float | None = None) -> list[MergedEvent]:
    """The merged events at least `min_confidence` likely right (None: the shipped model's threshold);
    events stored without a confidence (no model) are kept."""
    from storyline.extract.event_confidence import threshold

    t = threshold() if min_confidence is None else min_confidence
    return [m for m in merged if m.confidence is None or m.confidence >= t]
