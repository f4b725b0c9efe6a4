"""Typed records produced by the extract layer."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

MODALITIES = ("reported", "proposed", "demanded", "historical", "hypothetical")
STATUSES = ("taken", "held", "released", "killed", "dead", "wounded", "imprisoned", "displaced", "sheltering",
            "exchanged", "arrested", "missing", "delivered", "other")


@dataclass
class Figure:
    """A reported number: what it counts, as of when, says who — with its citation."""

    doc_id: str
    sent: int  # sentence index in the document's analysis
    start: int  # character span of value_text in the document's text
    end: int
    value_text: str  # as written, hedge included ("more than 34,600")
    value: float  # the number; for a range its low end
    high: float | None  # high end of a range
    qualifier: str  # exact | approx | over | under | range
    unit: str  # singular: hostage, prisoner, person, civilian, child, body, truck, usd, percent, ...
    status: str  # one of STATUSES
    measure: str  # unit.status
    group: str | None = None  # Palestinian, Israeli, American, civilian, ...
    place: str | None = None
    time: str | None = None  # ISO date or period start/end the figure refers to
    time_start: str | None = None  # first and last day of `time`, for ordering and comparison
    time_end: str | None = None
    source: str | None = None  # attribution as written, None when the outlet states it itself
    modality: str = "reported"
    sentence_start: int = 0  # the cited sentence's span
    sentence_end: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


ACTOR_KINDS = ("state", "government", "military", "intelligence", "police", "armed_group", "party", "igo", "ngo",
               "media", "person", "civilians", "other")


@dataclass
class ActorMention:
    """A mention of an actor in a document, resolved to a canonical actor where possible."""

    doc_id: str
    sent: int
    start: int  # character span of the mention in the document's text
    end: int
    text: str  # as written ("Hamas leader Ismail Haniyeh")
    actor: str  # canonical id: "ISR" (Israel, the state), "ISR.military", "org:hamas", "person:ismail-haniyeh"
    name: str  # canonical display name ("Ismail Haniyeh", "Israel Defense Forces")
    kind: str  # one of ACTOR_KINDS
    country: str | None = None  # ISO 3166-1 alpha-3 of the actor (or of the body a person belongs to)
    role: str | None = None  # for persons: leader, prime minister, director, spokesman, ...
    affiliation: str | None = None  # canonical id of the body a person belongs to ("org:hamas", "USA.intelligence")

    def to_dict(self) -> dict:
        return asdict(self)


EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
               "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
EVENT_MODALITIES = ("asserted", "planned", "hypothetical", "negated", "claimed")


@dataclass
class Event:
    """One coded event (PLOVER type and mode) in one sentence of one document, with its citation."""

    doc_id: str
    sent: int  # sentence index in the document's analysis
    start: int  # character span of the trigger in the document's text
    end: int
    trigger: str  # the trigger as written ("released", "talks")
    type: str  # one of EVENT_TYPES
    mode: str | None = None  # PLOVER mode ("release", "abduct", "third-party", "yield", ...)
    actors: list[str] = field(default_factory=list)  # canonical actor ids (ActorMention.actor)
    recipients: list[str] = field(default_factory=list)
    actor_text: list[str] = field(default_factory=list)  # as written: the actors' mentions, then participants
    # that are no actor ("protesters", "police")
    recipient_text: list[str] = field(default_factory=list)
    location: str | None = None
    date: str | None = None  # TIMEX3 value of when it happened (not when reported): 2023-11-24, 2023-11, ...
    date_start: str | None = None  # first and last calendar day of `date`
    date_end: str | None = None
    precision: str | None = None  # day | week | month | year
    date_source: str | None = None  # text (a time expression) | report (the publication date, by tense)
    modality: str = "asserted"  # one of EVENT_MODALITIES
    claimed_by: str | None = None  # for modality "claimed": who claims it
    sentence_start: int = 0  # the cited sentence's span
    sentence_end: int = 0
    confidence: float | None = None  # P(type, actors and date right), `storyline.extract.event_confidence`

    def to_dict(self) -> dict:
        return asdict(self)
