"""Publication dates from metadata strings, with their precision. Never from file times."""

from __future__ import annotations

import re
from datetime import datetime

from dateutil import parser as dateutil_parser

_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
_MONTH = re.compile(r"^\s*(\d{4})-(\d{2})\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")


def parse_date(value: object) -> tuple[str, str]:
    """Parse a metadata date into (ISO 8601 string, precision); ValueError if it is not a date."""
    if isinstance(value, datetime):
        return value.isoformat(), "second"
    text = str(value).strip()
    if not text:
        raise ValueError("empty date")
    for pattern, precision in ((_COMPACT, "day"), (_ISO_DAY, "day")):
        m = pattern.match(text)
        if m:
            y, mo, d = map(int, m.groups())
            return _checked(datetime(y, mo, d)).date().isoformat(), precision
    m = _MONTH.match(text)
    if m:
        y, mo = map(int, m.groups())
        _checked(datetime(y, mo, 1))
        return f"{y:04d}-{mo:02d}", "month"
    m = _YEAR.match(text)
    if m:
        return f"{_checked(datetime(int(m.group(1)), 1, 1)).year:04d}", "year"
    try:
        parsed = dateutil_parser.parse(text)
    except (ValueError, OverflowError, TypeError) as err:
        raise ValueError(f"unparseable date {text!r}") from err
    _checked(parsed)
    has_time = bool(re.search(r"\d{1,2}:\d{2}", text))
    if not has_time:
        return parsed.date().isoformat(), "day"
    precision = "second" if re.search(r"\d{1,2}:\d{2}:\d{2}", text) else "minute"
    return parsed.isoformat(timespec="seconds" if precision == "second" else "minutes"), precision


def _checked(dt: datetime) -> datetime:
    if not 1900 <= dt.year <= 2100:
        raise ValueError(f"implausible year {dt.year}")
    return dt
