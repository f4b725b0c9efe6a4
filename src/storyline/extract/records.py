"""Typed records produced by the extract layer."""

from __future__ import annotations

from dataclasses import asdict, dataclass

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
