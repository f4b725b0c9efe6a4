"""Who published a document: outlet names from metadata, URLs, title suffixes and text cues.

Cues in the text (wire sign-offs such as "REUTERS", "CNN's Paul LeBlanc contributed to this
report", "told CNN", "... at NDTV") are hand-written patterns: no library reads them. Known
outlets and their aliases come from `outlets.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

import yaml


@dataclass(frozen=True)
class OutletCue:
    outlet: str
    source: str  # metadata | url | title | sign-off | credit | told | disclaimer
    start: int | None = None
    end: int | None = None


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[str, str]]:
    data = yaml.safe_load(resources.files("storyline.ingest").joinpath("outlets.yaml").read_text("utf-8"))
    aliases: dict[str, str] = {}
    domains: dict[str, str] = {}
    for name, entry in data.items():
        aliases[name.casefold()] = name
        for alias in entry.get("aliases", []):
            aliases[str(alias).casefold()] = name
        for domain in entry.get("domains", []):
            domains[domain.casefold()] = name
    return aliases, domains


def known_outlet(name: str) -> str | None:
    """The canonical name of a known outlet written as `name`, else None."""
    return _table()[0].get(" ".join(name.split()).casefold())


def canonical_outlet(name: str | None) -> str | None:
    if not name or not name.strip():
        return None
    name = " ".join(name.split())
    if name.startswith(("http://", "https://")):
        return outlet_from_url(name) or name
    return known_outlet(name) or name


def outlet_from_url(url: str | None) -> str | None:
    """Known outlet for the URL's host (or a parent domain), else the bare host name."""
    if not url:
        return None
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").casefold()
    if not host:
        return None
    host = host.removeprefix("www.")
    domains = _table()[1]
    parts = host.split(".")
    for i in range(len(parts) - 1):
        hit = domains.get(".".join(parts[i:]))
        if hit:
            return hit
    return host


_TITLE_SUFFIX = re.compile(r"^(?P<title>.+?)\s+(?:\||–|—|-)\s+(?P<outlet>[^|–—-]{2,40})$")


def split_title_outlet(title: str) -> tuple[str, str | None]:
    """'Talks resume | DW News' -> ('Talks resume', 'DW News') when the suffix is a known outlet."""
    m = _TITLE_SUFFIX.match(title.strip())
    if m:
        suffix = m.group("outlet").strip()
        outlet = known_outlet(suffix)
        # After a pipe, a short capitalised suffix is the outlet even when we do not know it.
        if not outlet and "|" in title and len(suffix.split()) <= 4 and suffix[:1].isupper():
            outlet = suffix
        if outlet:
            return m.group("title").strip(), outlet
    return title.strip(), None


_CREDIT = re.compile(
    r"(?P<outlet>(?:[A-Z][\w&.-]*\s){0,3}[A-Z][\w&.-]*)[’']s\s+(?:[A-Z][\w.'’-]*\s+){1,3}"
    r"(?:and\s+(?:[A-Z][\w.'’-]*\s+){1,3})?contributed\s+(?:to\s+)?(?:this\s+)?report",
)
_SIGNOFF = re.compile(r"(?:(?<=[.!?”\"’])\s*|\n\s*|^\s*)\(?(?P<outlet>[A-Z][A-Z&. ]{1,30}[A-Z])\)?\s*$")
_DISCLAIMER = re.compile(r"\b(?:staff|team|desk)\s+at\s+(?P<outlet>[A-Z][\w&. -]{1,30}?)\.?\s*$")
_TOLD = re.compile(r"\btold\s+(?P<outlet>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,2})")


def outlet_from_text(text: str) -> OutletCue | None:
    """An outlet named by a credit, sign-off, disclaimer or 'told X' cue in the text."""
    tail_start = max(0, len(text) - 600)
    tail = text[tail_start:]
    m = _SIGNOFF.search(tail)
    if m and _signoff_outlet(m.group("outlet")):
        return OutletCue(_signoff_outlet(m.group("outlet")), "sign-off", tail_start + m.start("outlet"), tail_start + m.end("outlet"))
    for m in _CREDIT.finditer(text):
        name = m.group("outlet").strip()
        return OutletCue(known_outlet(name) or name, "credit", m.start("outlet"), m.end("outlet"))
    m = _DISCLAIMER.search(tail)
    if m and known_outlet(m.group("outlet").strip()):
        return OutletCue(known_outlet(m.group("outlet").strip()), "disclaimer", tail_start + m.start("outlet"), tail_start + m.end("outlet"))
    for m in _TOLD.finditer(text):
        words = m.group("outlet").split()
        for n in range(len(words), 0, -1):
            hit = known_outlet(" ".join(words[:n]))
            if hit:
                start = m.start("outlet")
                return OutletCue(hit, "told", start, start + len(" ".join(words[:n])))
    return None


_NOT_SIGNOFFS = {"END", "ENDS", "MORE", "UPDATE", "CORRECTION", "AM", "PM", "EST", "EDT", "GMT", "UTC", "US", "UN", "USA", "UK", "EU"}


def _signoff_outlet(raw: str) -> str | None:
    """A known outlet, or an unknown all-caps credit of one to three words ('MERIDIAN WIRE')."""
    known = known_outlet(raw)
    if known:
        return known
    words = raw.replace(".", " ").split()
    if 1 <= len(words) <= 3 and not set(words) & _NOT_SIGNOFFS and len("".join(words)) >= 4:
        return " ".join(w.capitalize() for w in words)
    return None


def strip_signoff(text: str) -> tuple[str, str | None]:
    """Remove a trailing wire sign-off ('... Health Ministry. REUTERS'); return (text, sign-off)."""
    m = _SIGNOFF.search(text[-200:])
    if m and _signoff_outlet(m.group("outlet")):
        cut = len(text) - 200 + m.start() if len(text) > 200 else m.start()
        return text[:cut].rstrip(), text[cut:].strip()
    return text, None
