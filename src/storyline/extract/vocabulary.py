"""The figures vocabulary: counted nouns → units, words → statuses, attribution and modality cues.

Loaded from the packaged `vocabulary.yaml`, with a user file merged over it
(`STORYLINE_VOCABULARY=path.yaml` or `load_vocabulary(extra)`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml


@dataclass(frozen=True)
class UnitSense:
    unit: str
    status: str | None = None
    group: str | None = None


@dataclass
class Vocabulary:
    units: dict[str, UnitSense]
    status_of: dict[str, str]  # lemma -> status
    not_units: frozenset[str]
    containers: dict[str, str]
    proposal_words: frozenset[str]
    demand_words: frozenset[str]
    hypothetical_words: frozenset[str]
    report_verbs: frozenset[str]
    information_nouns: frozenset[str]
    crisis_start: str
    periods: list[dict] = field(default_factory=list)


def load_config(name: str, env: str, extra: str | None = None) -> dict:
    """The packaged YAML file `name` with a user file merged over it (`extra`, else $`env`)."""
    data = yaml.safe_load(resources.files("storyline.extract").joinpath(name).read_text("utf-8"))
    extra = extra or os.environ.get(env)
    if extra:
        data = merge_config(data, yaml.safe_load(Path(extra).read_text("utf-8")) or {})
    return data


def merge_config(base: dict, extra: dict) -> dict:
    """A user's YAML over the package's: mappings merge, lists extend, other values replace."""
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge_config(out[key], value)
        elif isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = out[key] + [v for v in value if v not in out[key]]
        else:
            out[key] = value
    return out


def build(data: dict) -> Vocabulary:
    units = {}
    for word, sense in data["units"].items():
        units[word] = UnitSense(**sense) if isinstance(sense, dict) else UnitSense(sense)
    status_of: dict[str, str] = {}
    for status, words in data["statuses"].items():
        for w in words:
            status_of.setdefault(w, status)
    return Vocabulary(
        units=units,
        status_of=status_of,
        not_units=frozenset(data.get("not_units", [])),
        containers=dict(data.get("containers", {})),
        proposal_words=frozenset(data.get("proposal_words", [])),
        demand_words=frozenset(data.get("demand_words", [])),
        hypothetical_words=frozenset(data.get("hypothetical_words", [])),
        report_verbs=frozenset(data.get("report_verbs", [])),
        information_nouns=frozenset(data.get("information_nouns", [])),
        crisis_start=str(data.get("crisis_start", "2023-10-07")),
        periods=list(data.get("periods", [])),
    )


@lru_cache(maxsize=4)
def load_vocabulary(extra: str | None = None) -> Vocabulary:
    return build(load_config("vocabulary.yaml", "STORYLINE_VOCABULARY", extra))
