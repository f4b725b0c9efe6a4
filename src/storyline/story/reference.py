"""Reference series: an external day-by-day series (such as the Gaza Health Ministry's cumulative
death toll in ../shared/reference/gaza_casualties_daily.json) that reported figures are checked against.

A reference is read from a JSON list of objects or a CSV file with a date column, into sorted
(day, value) pairs. `ReferenceSeries.at(day)` gives the value for that day, or, when the series has no
value that day, the latest earlier one (official series skip days and stop during truces).
Hand-written: a few lines over json/csv, no library needed.
"""

from __future__ import annotations

import bisect
import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DATE_FIELDS = ("report_date", "date", "day")
DEFAULT_VALUE_FIELD = "killed_cum"

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


class ReferenceError(ValueError):
    """The reference file cannot be used (bad format, unknown field, no values)."""


class ReferenceFieldError(ReferenceError):
    """A date or value field that the reference file does not have."""


@dataclass
class ReferenceSeries:
    days: list[str] = field(default_factory=list)  # sorted ISO days
    values: list[float] = field(default_factory=list)
    date_field: str = ""
    value_field: str = ""
    path: str = ""
    fallback_used: int = 0  # records whose value came from the fallback (ext_...) field

    def __len__(self) -> int:
        return len(self.days)

    @property
    def first(self) -> str | None:
        return self.days[0] if self.days else None

    @property
    def last(self) -> str | None:
        return self.days[-1] if self.days else None

    def at(self, day: str | None) -> tuple[str, float] | None:
        """(reference day, value) for `day`: that day, else the latest earlier day; None before the series starts."""
        if not day:
            return None
        day = day[:10]
        i = bisect.bisect_right(self.days, day) - 1
        if i < 0:
            return None
        return self.days[i], self.values[i]


def _day(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    m = _ISO_DAY.match(text)
    if m:
        return text[:10]
    if not text:
        return None
    try:
        from storyline.ingest.dates import parse_date

        iso, precision = parse_date(text)
    except ValueError:
        return None
    return iso[:10] if precision in ("day", "second", "minute") or len(iso) >= 10 else None


def _number(value) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip().replace(",", "").replace("\u202f", "").replace(" ", "")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def _records(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() in (".json", ".jsonl") or text.lstrip()[:1] in ("[", "{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            try:  # JSON Lines
                data = [json.loads(line) for line in text.splitlines() if line.strip()]
            except json.JSONDecodeError as err:
                raise ReferenceError(f"{path}: not valid JSON: {err}") from err
        if isinstance(data, dict):  # {"data": [...]} or similar: the first list of objects
            lists = [v for v in data.values() if isinstance(v, list)]
            if not lists:
                raise ReferenceError(f"{path}: expected a JSON list of objects")
            data = lists[0]
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise ReferenceError(f"{path}: expected a JSON list of objects")
        return data
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames:
        raise ReferenceError(f"{path}: empty CSV")
    return [{(k or "").strip(): v for k, v in row.items()} for row in reader]


def load_reference(path: str | Path, date_field: str | None = None, value_field: str | None = None) -> ReferenceSeries:
    """Read a reference series. Without `date_field`, the first of report_date/date/day (or any field with
    "date" in its name) is used; without `value_field`, killed_cum. A record that lacks the value field
    takes `ext_<field>` (the gap-filled version in the TechForPalestine series) when present."""
    path = Path(path)
    records = _records(path)
    if not records:
        raise ReferenceError(f"{path}: no records")
    keys: list[str] = []
    for r in records[:50]:
        keys.extend(k for k in r if k not in keys)
    if date_field is None:
        date_field = next((k for k in DEFAULT_DATE_FIELDS if k in keys), None) or next((k for k in keys if "date" in k.lower()), None)
        if date_field is None:
            raise ReferenceFieldError(f"{path}: no date field found (fields: {', '.join(keys)}); pass --date-field")
    elif not any(date_field in r for r in records):
        raise ReferenceFieldError(f"{path}: no field {date_field!r} (fields: {', '.join(keys)})")
    value_field = value_field or DEFAULT_VALUE_FIELD
    fallback = None if value_field.startswith("ext_") else f"ext_{value_field}"
    if not any(value_field in r or (fallback and fallback in r) for r in records):
        raise ReferenceFieldError(f"{path}: no field {value_field!r} (fields: {', '.join(keys)})")
    by_day: dict[str, float] = {}
    used_fallback = 0
    for r in records:
        day = _day(r.get(date_field))
        if day is None:
            continue
        value = _number(r.get(value_field))
        if value is None and fallback:
            value = _number(r.get(fallback))
            used_fallback += value is not None
        if value is None:
            continue
        by_day[day] = value  # a later record for the same day wins
    if not by_day:
        raise ReferenceError(f"{path}: no dated values in field {value_field!r}")
    days = sorted(by_day)
    return ReferenceSeries(days=days, values=[by_day[d] for d in days], date_field=date_field,
                           value_field=value_field, path=str(path), fallback_used=used_fallback)
