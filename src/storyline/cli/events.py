"""`storyline events`, `storyline actors`, `storyline timeline`: who did what to whom, when.

Events are coded per document during `storyline analyze`; merging across outlets, the actor
registry and the timeline are built here from the stored rows by `storyline.story`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.markup import escape
from rich.table import Table

from storyline.cli.common import DbOption, JsonOption, check_date, console, engine_for, fail, print_json

SinceOption = Annotated[str | None, typer.Option("--since", help="Events on or after this date (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Events on or before this date (YYYY-MM-DD).")]
TypeOption = Annotated[list[str] | None, typer.Option("--type", "-t", help="PLOVER event type (repeatable): AGREE, CONSULT, RETREAT, ...")]
ActorOption = Annotated[str | None, typer.Option("--actor", "-a", help="Only events with this actor or recipient (name, alias or id).")]
MinConfidenceOption = Annotated[float | None, typer.Option(
    "--min-confidence", help="Only events at least this likely right, 0-1 (default: the shipped model's threshold; 0: all).")]
ActorsFileOption = Annotated[Path | None, typer.Option("--actors-file", help="YAML corrections to the actor registry (default $STORYLINE_ACTORS).")]


def register(parent: typer.Typer) -> None:
    parent.command("events")(events_command)
    parent.command("actors")(actors_command)
    parent.command("timeline")(timeline_command)


# --- shared ------------------------------------------------------------------------------------------

def _check_types(types: list[str] | None) -> list[str] | None:
    from storyline.extract.records import EVENT_TYPES

    if not types:
        return None
    out = [t.upper() for t in types]
    bad = [t for t in out if t not in EVENT_TYPES]
    if bad:
        fail(f"unknown event type {bad[0]!r}; one of {', '.join(EVENT_TYPES)}", 2)
    return out


def _until_bound(until: str | None) -> str | None:
    """--until 2024-02 means to the end of February."""
    if until and len(until) == 7:
        return until + "-31"
    if until and len(until) == 4:
        return until + "-12-31"
    return until


def _load(db: str | None, *, types, since, until, modality=None, actors_file=None):
    """Merged events (and the registry) for the filters."""
    from storyline.story.events import merge_events
    from storyline.store.events import EventFilter, query_events

    engine = engine_for(db)
    with engine.connect() as conn:
        rows = list(query_events(conn, EventFilter(types=types, since=since, until=_until_bound(until), modality=modality)))
        registry = _registry(conn, actors_file)
    return merge_events(rows, canonical=registry.canonical), registry


def _registry(conn, actors_file):
    from storyline.store.documents import document_dates
    from storyline.store.events import query_mentions
    from storyline.story.actors import load_registry

    try:
        return load_registry(query_mentions(conn), actors_file, document_dates(conn))
    except (OSError, ValueError) as err:
        fail(str(err), 2)


def confident(merged, min_confidence: float | None):
    """The events at least `min_confidence` likely right (default: the shipped model's threshold)."""
    from storyline.story.events import confident_events

    if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
        fail(f"--min-confidence expects a number from 0 to 1, got {min_confidence}", 2)
    return confident_events(merged, min_confidence)


def _actor_filter(merged, registry, actor: str | None):
    if not actor:
        return merged
    wanted = registry.lookup(actor)
    if not wanted:
        fail(f"no actor matches {actor!r}; see `storyline actors`", 1)
    return [m for m in merged if wanted & (set(m.actors) | set(m.recipients))]


def _names(registry, ids: list[str], limit: int = 3, text: list[str] | None = None) -> str:
    """Registry names of the ids, else the words of the text ("police", "settlers")."""
    names = [registry.name(i) for i in ids[:limit]] if ids else list((text or [])[:limit])
    n = len(ids) if ids else len(text or [])
    return ", ".join(names) + (" …" if n > limit else "")


def _short(text: str, n: int) -> str:
    text = re.sub(r"\s+", " ", text or "").strip()
    return text if len(text) <= n else text[: n - 1] + "…"


def _event_json(m, registry) -> dict:
    d = m.to_dict()
    d["actor_names"] = [registry.name(a) for a in m.actors]
    d["recipient_names"] = [registry.name(a) for a in m.recipients]
    return d


# --- events ------------------------------------------------------------------------------------------

def events_command(
    since: SinceOption = None,
    until: UntilOption = None,
    types: TypeOption = None,
    actor: ActorOption = None,
    modality: Annotated[str | None, typer.Option("--modality", help="asserted, planned, hypothetical, negated or claimed.")] = None,
    min_sources: Annotated[int, typer.Option("--min-sources", help="Only events reported by at least this many outlets.")] = 1,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Show at most this many events (0: all).")] = 0,
    min_confidence: MinConfidenceOption = None,
    actors_file: ActorsFileOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """List coded events (PLOVER), merged across outlets, with their citations."""
    from storyline.extract.records import EVENT_MODALITIES

    check_date("--since", since)
    check_date("--until", until)
    if modality and modality not in EVENT_MODALITIES:
        fail(f"--modality expects one of {', '.join(EVENT_MODALITIES)}, got {modality!r}", 2)
    merged, registry = _load(db, types=_check_types(types), since=since, until=until, modality=modality,
                             actors_file=actors_file)
    merged = [m for m in _actor_filter(merged, registry, actor) if m.sources >= min_sources]
    n_all = len(merged)
    merged = confident(merged, min_confidence)
    hidden = n_all - len(merged)
    if limit:
        merged = merged[:limit]
    if json:
        print_json([_event_json(m, registry) for m in merged])
        return
    title = f"{len(merged)} events"
    if hidden:
        title += f" ({hidden} less likely right not shown: --min-confidence 0 lists them)"
    table = Table(box=box.SIMPLE_HEAD, show_lines=False, title=title)
    for col in ("date", "event", "who", "whom", "src", "what (representative citation)"):
        table.add_column(col, overflow="fold")
    for m in merged:
        mark = "" if m.modality == "asserted" else f" [dim]({m.modality})[/dim]"
        first = m.summary_citation
        table.add_row(
            m.date or "—",
            f"{m.type}{'/' + m.mode if m.mode else ''}{mark}",
            escape(_names(registry, m.actors, text=m.actor_text)),
            escape(_names(registry, m.recipients, text=m.recipient_text)),
            str(m.sources),
            escape(_short(m.summary, 110)) + f"\n[dim]{escape(first.doc_ref or first.doc_id)} · s{first.sent}"
            f" · {first.start}-{first.end}[/dim]",
        )
    console.print(table)


# --- actors ------------------------------------------------------------------------------------------

def actors_command(
    query: Annotated[str | None, typer.Argument(help="Show only actors whose name, alias or id contains this.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="state, government, military, armed_group, igo, person, ...")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Show at most this many actors (0: all).")] = 50,
    actors_file: ActorsFileOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """The actor registry: canonical actors with kind, country, role (with the months of the documents
    naming it), affiliation and aliases."""
    engine = engine_for(db)
    with engine.connect() as conn:
        registry = _registry(conn, actors_file)
    entries = registry.entries(query=query, kind=kind)
    if limit:
        entries = entries[:limit]
    if json:
        print_json(entries)
        return
    table = Table(box=box.SIMPLE_HEAD, title=f"{len(entries)} actors")
    for col in ("id", "name", "kind", "country", "role", "affiliation", "mentions", "aliases"):
        table.add_column(col, overflow="fold")
    for e in entries:
        term = next((t for t in e.get("terms") or [] if t["role"] == e.get("role") and t["affiliation"] == e.get("affiliation")), None)
        role = (e.get("role") or "") + (f" ({term['first'][:7]}..{term['last'][:7]})" if term else "")
        table.add_row(
            escape(e["id"]), escape(e["name"]), e.get("kind") or "", e.get("country") or "", escape(role),
            escape(registry.name(e["affiliation"]) if e.get("affiliation") else ""), str(e.get("mentions", "")),
            escape(", ".join(e.get("aliases", [])[:4])),
        )
    console.print(table)


# --- timeline ----------------------------------------------------------------------------------------

def timeline_command(
    since: SinceOption = None,
    until: UntilOption = None,
    types: TypeOption = None,
    actor: ActorOption = None,
    dates: Annotated[int, typer.Option("--dates", help="Key dates to keep (0: every date with an event).")] = 60,
    per_date: Annotated[int, typer.Option("--per-date", help="Events summarised per date.")] = 3,
    min_confidence: Annotated[float, typer.Option(
        "--min-confidence", help="Only events at least this likely right, 0-1 (default 0: all; confidence also weighs salience).")] = 0.0,
    actors_file: ActorsFileOption = None,
    db: DbOption = None,
    json: JsonOption = False,
    md: Annotated[bool, typer.Option("--md", help="Print Markdown.")] = False,
) -> None:
    """Key dates, each with a short extractive summary of what happened and its citations."""
    from storyline.story.event_timeline import build_event_timeline

    check_date("--since", since)
    check_date("--until", until)
    if json and md:
        fail("choose one of --json and --md", 2)
    merged, registry = _load(db, types=_check_types(types), since=since, until=until, actors_file=actors_file)
    merged = confident(_actor_filter(merged, registry, actor), min_confidence)
    days = build_event_timeline(merged, n_dates=dates, per_date=per_date,
                                country=lambda a: getattr(registry.get(a), "country", None))
    if json:
        print_json([{"date": d.date, "score": round(d.score, 3),
                     "events": [_event_json(m, registry) for m in d.events]} for d in days])
        return
    if md:
        lines = ["# Timeline", ""]
        for d in days:
            lines.append(f"## {d.date}")
            lines.append("")
            for m in d.events:
                cites = "; ".join(f"{c.outlet or '?'} {c.doc_ref or c.doc_id} s{c.sent}" for c in m.citations[:4])
                more = f" (+{len(m.citations) - 4} more)" if len(m.citations) > 4 else ""
                lines.append(f"- **{m.type}{'/' + m.mode if m.mode else ''}** {_short(m.summary, 300)} [{cites}{more}]")
            lines.append("")
        typer.echo("\n".join(lines))
        return
    if not days:
        console.print("no dated events; run `storyline analyze` first, or widen the filters")
        return
    for d in days:
        console.rule(f"[bold]{d.date}[/bold]", align="left")
        for m in d.events:
            who = _names(registry, m.actors, text=m.actor_text)
            whom = _names(registry, m.recipients, text=m.recipient_text)
            head = f"[bold]{m.type}{'/' + m.mode if m.mode else ''}[/bold]"
            if who or whom:
                head += f" {escape(who or '?')} → {escape(whom or '—')}"
            if m.modality != "asserted":
                head += f" [dim]({m.modality})[/dim]"
            console.print(f"  {head}  [dim]{m.sources} source{'s' if m.sources != 1 else ''}[/dim]")
            console.print(f"    {escape(_short(m.summary, 240))}")
            c = m.summary_citation
            console.print(f"    [dim]{escape(c.outlet or '?')} · {escape(c.doc_ref or c.doc_id)} · sentence {c.sent}"
                          f" · chars {c.sentence_start}-{c.sentence_end}"
                          f"{f' · +{len(m.citations) - 1} more' if len(m.citations) > 1 else ''}[/dim]")
