"""The crisis timeline: key dates, each with the merged events that say what happened.

A date's score is the salience of its few most salient events. An event's salience grows with
the independent outlets and the separate documents that report it (log-scaled, so a story told
by 40 outlets does not drown everything else; copies count once), depends on its PLOVER type and
mode (releases, concessions, agreements, mediated talks and demands are what a negotiation
timeline is about; an abduction counts fully, other assaults less: the daily strikes of a war are
many), on its modality (asserted over claimed over planned), on how likely its coding is right
(`MergedEvent.confidence`: a sure event counts up to three times an unsure one), and on novelty (an event of the
same type, mode and actors seen on many earlier dates is routine). Each kept date lists its most
salient events, one per distinct happening. Written by hand over `story.events.MergedEvent`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, timedelta
from dataclasses import dataclass, field
from typing import Callable

from storyline.story.events import MergedEvent, content_words, state_of, sureness

TYPE_WEIGHT = {
    "RETREAT": 1.0, "CONCEDE": 1.0, "AGREE": 1.0, "CONSULT": 0.9, "REQUEST": 0.7, "REJECT": 0.8, "AID": 0.7,
    "ASSAULT": 0.6, "COERCE": 0.6, "THREATEN": 0.6, "MOBILIZE": 0.6, "SANCTION": 0.6, "ACCUSE": 0.4,
    "SUPPORT": 0.4, "COOPERATE": 0.6, "PROTEST": 0.5,
}
MODE_WEIGHT = {  # overrides TYPE_WEIGHT for these type/mode pairs
    ("ASSAULT", "abduct"): 1.0, ("CONSULT", "third-party"): 1.0, ("CONSULT", "phone"): 0.5,
    ("REQUEST", "yield"): 0.9, ("CONSULT", "multilateral"): 1.0, ("RETREAT", "release"): 1.1, ("CONCEDE", "release"): 1.0,
    ("CONCEDE", "ceasefire"): 1.1, ("RETREAT", "ceasefire"): 1.1,
}
MODALITY_WEIGHT = {"asserted": 1.0, "claimed": 0.7, "planned": 0.6, "hypothetical": 0.1, "negated": 0.2}
SAME_SUMMARY = 0.5  # content-word overlap above which two events of a date tell the same thing


@dataclass
class TimelineDay:
    date: str
    score: float
    events: list[MergedEvent] = field(default_factory=list)
    talks: float = 0.0  # salience of its best round of talks (see `is_round_of_talks`)


TALKS_SHARE = 0.15  # of the dates, the share kept for the best rounds of talks not otherwise chosen


def countries(e: MergedEvent, country: Callable[[str], str | None] | None = None) -> set[str]:
    """The states of an event's participants: from actor ids ("ISR.military", "role:QAT.government:…"),
    else, for persons and organisations, from `country` (the registry's)."""
    out = set()
    for a in e.actors + e.recipients:
        c = state_of(a) or (country(a) if country else None)
        if c:
            out.add(c)
    return out


def is_round_of_talks(e: MergedEvent, country: Callable[[str], str | None] | None = None) -> bool:
    """Mediated or multilateral talks between parties of at least two states: the negotiations'
    rounds, which a corpus often reports only once or twice (a round in Paris), yet a
    negotiation timeline must show."""
    return e.type == "CONSULT" and e.mode in ("third-party", "multilateral") and len(countries(e, country)) >= 2


COVERAGE_DAYS = 3  # a date's coverage is the events of the week around it
TOP_EVENTS = 3  # a date scores by its best events, with diminishing weight


def salience(event: MergedEvent, routine: int = 0) -> float:
    novelty = 1.0 / (1.0 + 0.1 * routine)
    reach = 1.0 + math.log2(max(event.sources, 1)) + 0.5 * math.log2(max(_originals(event), 1))
    weight = MODE_WEIGHT.get((event.type, event.mode), TYPE_WEIGHT.get(event.type, 0.5))
    return reach * weight * MODALITY_WEIGHT.get(event.modality, 0.5) * novelty * sureness(event.confidence)


def _relative_to_coverage(days: list[TimelineDay], volume: dict[str, int]) -> None:
    """Scale each date's score down by how heavily its week was covered: the first weeks of a war
    fill most of a corpus, yet a quiet month's round of talks is a key date too."""
    if not volume:
        return
    typical = sorted(volume.values())[len(volume) // 2] or 1
    for d in days:
        day = date.fromisoformat(d.date)
        near = sum(volume.get((day + timedelta(days=k)).isoformat(), 0) for k in range(-COVERAGE_DAYS, COVERAGE_DAYS + 1))
        d.score /= math.log2(2 + near / ((2 * COVERAGE_DAYS + 1) * typical))


def _originals(event: MergedEvent) -> int:
    return len({c.doc_id for c in event.citations if not c.copy_of})


def build_event_timeline(events: list[MergedEvent], *, n_dates: int = 40, per_date: int = 3,
                         country: Callable[[str], str | None] | None = None) -> list[TimelineDay]:
    """Key dates (at most `n_dates`, 0 for all) in calendar order, each with up to `per_date` events;
    `country` gives a person's or organisation's state (the registry's), to recognise rounds of talks."""
    by_day: dict[str, list[tuple[float, MergedEvent]]] = defaultdict(list)
    seen_dates: dict[tuple, set[str]] = defaultdict(set)
    for e in sorted((e for e in events if e.date_start and e.date_start == e.date_end),
                    key=lambda e: e.date_start):
        key = (e.type, e.mode, tuple(sorted(e.actors)))
        routine = len(seen_dates[key] - {e.date_start})
        seen_dates[key].add(e.date_start)
        by_day[e.date_start].append((salience(e, routine), e))
    days = []
    for day, scored in by_day.items():
        scored.sort(key=lambda p: (-p[0], p[1].id))
        chosen: list[MergedEvent] = []
        words: list[frozenset] = []
        for _, e in scored:
            w = content_words(e.summary)
            if any(len(w & o) / max(1, min(len(w), len(o))) > SAME_SUMMARY for o in words):
                continue
            chosen.append(e)
            words.append(w)
            if len(chosen) >= per_date:
                break
        score = sum(s / (i + 1) for i, (s, _) in enumerate(scored[:TOP_EVENTS]))
        talks = [(s, e) for s, e in scored if is_round_of_talks(e, country)]
        if talks and talks[0][1] not in chosen:  # the day's round of talks is among what it shows
            chosen = (chosen[: per_date - 1] + [talks[0][1]]) if per_date else chosen
        days.append(TimelineDay(day, score, chosen, talks[0][0] if talks else 0.0))
    volume = {d: len(v) for d, v in by_day.items()}
    _relative_to_coverage(days, volume)
    if n_dates:
        days = _select(days, volume, n_dates)
    return sorted(days, key=lambda d: d.date)


MONTH_SHARE = 0.5  # of the dates, the share spread over the months, in proportion to sqrt(coverage)


def _select(days: list[TimelineDay], volume: dict[str, int], n: int) -> list[TimelineDay]:
    """The `n` best dates, half of them first spread over the months (each month's best, as many as
    the square root of its coverage earns): a long crisis's quiet months keep their key dates even
    when its first weeks fill most of the corpus. Then a few slots go to the best rounds of talks
    not yet chosen, and the rest to the best dates left."""
    if len(days) <= n:
        return days
    months: dict[str, list[TimelineDay]] = defaultdict(list)
    for d in days:
        months[d.date[:7]].append(d)
    weight = {m: math.sqrt(sum(volume.get(d.date, 0) for d in ds)) for m, ds in months.items()}
    total = sum(weight.values()) or 1.0
    chosen: list[TimelineDay] = []
    for m, ds in months.items():
        quota = int(n * MONTH_SHARE * weight[m] / total)
        chosen.extend(sorted(ds, key=lambda d: -d.score)[:quota])
    taken = {d.date for d in chosen}
    rounds = sorted((d for d in days if d.talks and d.date not in taken), key=lambda d: -d.talks)[: int(n * TALKS_SHARE)]
    chosen.extend(rounds)
    taken |= {d.date for d in rounds}
    chosen.extend(sorted((d for d in days if d.date not in taken), key=lambda d: -d.score)[: n - len(chosen)])
    return chosen

