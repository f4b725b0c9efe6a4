"""`storyline figures ...`: the figures ledger — list reported figures, follow a measure as a series,
find conflicts, revisions and anomalies, and check figures against a reference series.

The reconciliation itself lives in `storyline.story.ledger`; this module queries the store, hands the
rows over and prints the results (Rich tables, JSON, or CSV on standard output).
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from storyline.cli.common import DbOption, JsonOption, check_date, console, engine_for, fail, print_json

app = typer.Typer(no_args_is_help=False, rich_markup_mode="rich")

HELP = "The figures ledger: reported numbers, their series, conflicts and checks against reference data."


def register(parent: typer.Typer) -> None:
    """Add `storyline figures` to the main command."""
    parent.add_typer(app, name="figures", help=HELP)


CsvOption = Annotated[bool, typer.Option("--csv", help="Print CSV on standard output.")]
MeasureFilter = Annotated[str | None, typer.Option("--measure", help="Measure (person.killed), or a unit (hostage) or status (killed) alone.")]
SourceFilter = Annotated[str | None, typer.Option("--source", help="Source contains this (case-insensitive).")]
SinceOption = Annotated[str | None, typer.Option("--since", help="Figures whose time ends on or after this date (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Figures whose time starts on or before this date (YYYY-MM-DD).")]
UniqueOption = Annotated[bool, typer.Option("--unique", help="Leave out figures found in duplicate documents.")]

CSV_FIELDS = ["time", "time_start", "time_end", "value_text", "value", "high", "qualifier", "measure", "unit", "status",
              "group", "place", "source", "modality", "outlet", "doc_ref", "doc_date", "doc_id", "duplicate_of",
              "start", "end", "sentence"]
_PALETTE = ("cyan", "magenta", "green", "yellow", "blue", "red", "bright_cyan", "bright_magenta", "bright_green",
            "bright_yellow", "bright_blue", "bright_red")
_HEDGE = {"over": "+", "under": "−", "approx": "~", "range": "…", "exact": ""}


# --- helpers -----------------------------------------------------------------------------------------


def _check_formats(json: bool, csv_: bool) -> None:
    if json and csv_:
        fail("choose one of --json and --csv", 2)


def _rows(db: str | None, **filters) -> list[dict]:
    from storyline.store.figures import FigureFilter, query_figures

    engine = engine_for(db)
    with engine.connect() as conn:
        return list(query_figures(conn, FigureFilter(**filters)))


def _clean(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _short(text: str | None, n: int) -> str:
    text = _clean(text)
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _num(v: float | None) -> str:
    if v is None:
        return ""
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"


def _time(r: dict) -> str:
    return r.get("time") or r.get("time_end") or "?"


def _write_csv(fields: list[str], rows: list[dict]) -> None:
    w = csv.DictWriter(sys.stdout, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: _clean(r.get(k)) if k == "sentence" else ("" if r.get(k) is None else r.get(k)) for k in fields})


def _cite(c: dict) -> str:
    """doc ref · outlet · date · [start:end]"""
    bits = [c.get("doc_ref") or str(c.get("doc_id"))[:10], c.get("outlet") or "?", c.get("doc_date") or "undated",
            f"[{c.get('start')}:{c.get('end')}]"]
    return " · ".join(str(b) for b in bits)


def _window_option(window: str):
    if window in ("day", "overlap"):
        return window
    try:
        days = int(window)
    except ValueError:
        fail(f"--window expects day, overlap or a number of days, got {window!r}", 2)
    if days < 0:
        fail("--window days must not be negative", 2)
    return days


# --- storyline figures -----------------------------------------------------------------------------------

@app.callback(invoke_without_command=True)
def figures(
    ctx: typer.Context,
    db: DbOption = None,
    measure: MeasureFilter = None,
    source: SourceFilter = None,
    since: SinceOption = None,
    until: UntilOption = None,
    modality: Annotated[str | None, typer.Option("--modality", help="reported, proposed, demanded, historical or hypothetical.")] = None,
    unique: UniqueOption = False,
    limit: Annotated[int, typer.Option("--limit", help="At most this many (0: all).")] = 100,
    json: JsonOption = False,
    csv_: CsvOption = False,
) -> None:
    """List stored figures, by measure and time, with who said them and where."""
    if ctx.invoked_subcommand is not None:
        return
    from storyline.extract.records import MODALITIES

    _check_formats(json, csv_)
    check_date("--since", since)
    check_date("--until", until)
    if modality and modality not in MODALITIES:
        fail(f"unknown --modality {modality!r}; choose from {', '.join(MODALITIES)}", 2)
    if limit < 0:
        fail("--limit must not be negative", 2)
    rows = _rows(db, measure=measure, source=source, since=since, until=until, modality=modality, include_duplicates=not unique)
    total = len(rows)
    if limit:
        rows = rows[:limit]
    if json:
        for r in rows:
            r["sentence"] = _clean(r.get("sentence"))
        print_json(rows)
        return
    if csv_:
        _write_csv(CSV_FIELDS, rows)
        return
    title = f"{total} figures" + (f" (first {len(rows)})" if len(rows) < total else "")
    table = _wide_table(title, rows) if console.width >= 140 else _narrow_table(title, rows)
    console.print(table)
    if len(rows) < total:
        console.print(f"[dim]… {total - len(rows)} more (use --limit 0 for all)[/dim]")


def _wide_table(title: str, rows: list[dict]) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False)
    for col in ("time", "value", "measure", "group", "place", "source", "modality", "outlet", "doc", "sentence"):
        table.add_column(col, justify="right" if col == "value" else "left", no_wrap=col in ("time", "value", "measure", "modality"),
                         overflow="fold", ratio={"sentence": 4, "source": 2}.get(col))
    for r in rows:
        table.add_row(_time(r), escape(r["value_text"]), r["measure"], escape(r.get("group") or ""), escape(r.get("place") or ""),
                      escape(r.get("source") or ""), r["modality"], escape(r.get("outlet") or "?"),
                      escape(_short(r.get("doc_ref"), 30)), escape(_short(r.get("sentence"), 120)))
    return table


def _narrow_table(title: str, rows: list[dict]) -> Table:
    """Three lines a figure: what (measure, group, place, modality), who and where, the sentence."""
    table = Table(title=title, box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, show_lines=False)
    table.add_column("time", no_wrap=True)
    table.add_column("value", justify="right")
    table.add_column("what · who · sentence", overflow="fold")
    for r in rows:
        what = " · ".join(x for x in (r["measure"], r.get("group"), r.get("place"), r["modality"]) if x)
        who = " · ".join(x for x in (r.get("source") or "(unattributed)", r.get("outlet") or "?", _short(r.get("doc_ref"), 30)) if x)
        cell = Text(what, style="bold")
        cell.append("\n" + who)
        cell.append("\n" + _short(r.get("sentence"), 110), style="dim")
        table.add_row(_time(r), escape(r["value_text"]), cell)
    return table


# --- storyline figures series ----------------------------------------------------------------------------

def _bar(value: float, top: float, width: int) -> str:
    if top <= 0 or value <= 0:
        return ""
    eighths = round(8 * width * min(value, top) / top)
    full, part = divmod(eighths, 8)
    return "█" * full + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[part]


def _series_table(s: dict, width: int) -> Table:
    from storyline.story.ledger import source_key, source_label

    points = s["points"]
    top = max((float(p.get("high") or p["value"]) for p in points), default=0)
    width = max(8, min(width, console.width - 60))
    colours: dict[str, str] = {}
    for p in points:
        colours.setdefault(source_key(p), _PALETTE[len(colours) % len(_PALETTE)])
    title = s["measure"] + "".join(f" · {k} {s[k]}" for k in ("group", "place") if s.get(k))
    table = Table(title=f"{escape(title)}: {len(points)} reported figures", title_justify="left",
                  box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False,
                  caption="bars coloured by source; + more than, ~ about, − fewer than, … a range", caption_justify="left")
    table.add_column("time", no_wrap=True)
    table.add_column("value", justify="right")
    table.add_column("chart", no_wrap=True, min_width=width + 1)
    table.add_column("source · outlet · doc", overflow="fold")
    for p in points:
        colour = colours[source_key(p)]
        bar = Text(_bar(float(p.get("high") or p["value"]), top, width), style=colour)
        bar.append(_HEDGE.get(p.get("qualifier") or "exact", ""), style="bold")
        who = Text(source_label(p), style=colour)
        copies = f" (+{p['sources'] - 1} copies)" if p["sources"] > 1 else ""
        who.append(f"\n{p.get('outlet') or '?'} · {_short(p.get('doc_ref'), 30)}{copies}", style="dim")
        table.add_row(_time(p), escape(p["value_text"]), bar, who)
    return table


@app.command("series")
def series(
    measure: Annotated[str, typer.Argument(help="Measure such as person.killed or hostage.held (a unit or status alone also matches).")],
    db: DbOption = None,
    group: Annotated[str | None, typer.Option("--group", help="Only figures for this group (Israeli, Palestinian, ...).")] = None,
    place: Annotated[str | None, typer.Option("--place", help="Only figures for this place (Gaza, Rafah, ...).")] = None,
    by: Annotated[list[str], typer.Option("--by", help="Split series by group and/or place (repeatable).")] = [],
    source: SourceFilter = None,
    since: SinceOption = None,
    until: UntilOption = None,
    width: Annotated[int, typer.Option("--width", help="Width of the chart bars in characters.")] = 40,
    json: JsonOption = False,
    csv_: CsvOption = False,
) -> None:
    """A measure over time: reported figures in time order, with a bar chart coloured by source.

    Copies of syndicated stories count once; proposed, demanded, historical and hypothetical figures are listed apart.
    """
    from storyline.story.ledger import series as build_series

    _check_formats(json, csv_)
    check_date("--since", since)
    check_date("--until", until)
    bad = [b for b in by if b not in ("group", "place")]
    if bad:
        fail(f"--by expects group or place, got {bad[0]!r}", 2)
    if width < 1:
        fail("--width must be at least 1", 2)
    rows = _rows(db, measure=measure, source=source, since=since, until=until)
    result = build_series(rows, measure=measure, group=group, place=place, by_group="group" in by, by_place="place" in by)
    if json:
        print_json(result)
        return
    if csv_:
        fields = ["series_measure", "series_group", "series_place", *CSV_FIELDS, "sources"]
        flat = []
        for s in result:
            for p in s["points"]:
                flat.append({**p, "series_measure": s["measure"], "series_group": s["group"], "series_place": s["place"],
                             "sentence": p["citation"].get("sentence"), "time": p.get("time")})
        _write_csv(fields, flat)
        return
    if not result:
        console.print(f"no figures for {escape(measure)}")
        return
    for s in result:
        if s["points"]:
            console.print(_series_table(s, width))
        else:
            console.print(f"[bold]{escape(s['measure'])}[/bold]: no reported figures")
        if s["other"]:
            other = Table(title=f"{escape(s['measure'])}: not in the series (proposed, demanded, historical, hypothetical)",
                          title_justify="left", title_style="dim")
            for col in ("time", "value", "modality", "source", "outlet · doc", "sentence"):
                other.add_column(col, overflow="fold" if col == "sentence" else "ellipsis", no_wrap=col != "sentence")
            for p in s["other"]:
                other.add_row(_time(p), escape(p["value_text"]), p["modality"], escape(p.get("source") or ""),
                              escape(f"{p.get('outlet') or '?'} · {_short(p.get('doc_ref'), 30)}"),
                              escape(_short(p["citation"].get("sentence"), 80)))
            console.print(other)


# --- storyline figures conflicts -------------------------------------------------------------------------

def _figure_lines(figs: list[dict]) -> Table:
    t = Table(show_header=True, box=None, padding=(0, 1), show_edge=False)
    for col in ("value", "time", "source", "cited in", "sentence"):
        t.add_column(col, overflow="fold", no_wrap=col in ("value", "time"))
    for f in figs:
        c = f["citation"]
        more = f" (+{len(f['also'])} copies)" if f.get("also") else ""
        t.add_row(escape(f["value_text"]), _time(f), escape(f.get("source") or f"({f.get('outlet') or '?'})"),
                  escape(_cite(c) + more), escape(_short(c.get("sentence"), 110)))
    return t


@app.command("conflicts")
def conflicts(
    db: DbOption = None,
    measure: MeasureFilter = None,
    source: SourceFilter = None,
    since: SinceOption = None,
    until: UntilOption = None,
    window: Annotated[str, typer.Option("--window", help="Same time: day (same day), overlap (overlapping periods) or N (days apart).")] = "day",
    stale_days: Annotated[int, typer.Option("--stale-days", help="Flag running totals repeated more than this many days after their date.")] = 30,
    fall_pct: Annotated[float, typer.Option("--fall", help="Flag running totals that fall by more than this percentage.")] = 2.0,
    unique: UniqueOption = False,
    json: JsonOption = False,
) -> None:
    """Conflicts, revisions and anomalies among reported figures, with citations.

    Conflicts: sources disagreeing on the same measure and time. Revisions: a source changing its own figure. Anomalies: running totals that fall, and old totals repeated as current.
    """
    from storyline.story.ledger import review

    check_date("--since", since)
    check_date("--until", until)
    win = _window_option(window)
    if stale_days < 0 or fall_pct < 0:
        fail("--stale-days and --fall must not be negative", 2)
    rows = _rows(db, measure=measure, source=source, since=since, until=until, modality="reported", include_duplicates=not unique)
    result = review(rows, window=win, measure=measure, fall=fall_pct / 100, max_age_days=stale_days)
    result["counts"] = {k: len(result[k]) for k in ("conflicts", "revisions", "anomalies")}
    if json:
        print_json(result)
        return
    n = result["counts"]
    console.print(f"[bold]{n['conflicts']}[/bold] conflicts, [bold]{n['revisions']}[/bold] revisions, "
                  f"[bold]{n['anomalies']}[/bold] anomalies over {len(rows)} reported figures")
    if result["conflicts"]:
        console.rule("conflicts")
    for c in result["conflicts"]:
        where = "".join(f" · {c[k]}" for k in ("group", "place") if c.get(k))
        spread = f" (spread {_num(c['spread'])}" + (f", {c['spread_pct']}%)" if c["spread_pct"] is not None else ")")
        console.print(f"[bold]{escape(c['measure'] + where)}[/bold] {c['window']}: "
                      f"{escape(' vs '.join(c['values']))}{spread}", highlight=False)
        console.print(_figure_lines(c["figures"]))
    if result["revisions"]:
        console.rule("revisions")
    for r in result["revisions"]:
        steps = "; ".join(f"{ch['from']} → {ch['to']} ({ch['from_doc_date'] or '?'} → {ch['to_doc_date'] or '?'})" for ch in r["changes"])
        console.print(f"[bold]{escape(r['source'])}[/bold] · {escape(r['measure'])} {r['window']}: {escape(steps)}", highlight=False)
        console.print(_figure_lines(r["figures"]))
    if result["anomalies"]:
        console.rule("anomalies")
    for a in result["anomalies"]:
        label = "falling total" if a["kind"] == "falling_total" else "stale"
        console.print(f"[yellow]{label}[/yellow] {escape(a['message'])}", highlight=False)
        if a["kind"] == "falling_total":
            console.print(_figure_lines([a["earlier"], a["later"]]))
        else:
            console.print(_figure_lines([a["figure"]]))
            console.print(f"  repeated in {escape(_cite(a['repeated_in']))}", highlight=False)


# --- storyline figures reference -------------------------------------------------------------------------

@app.command("reference")
def reference(
    file: Annotated[Path, typer.Argument(help="Reference series: JSON list of objects or CSV with a date column.")],
    db: DbOption = None,
    date_field: Annotated[str | None, typer.Option("--date-field", help="Date field (default report_date, date or day).")] = None,
    value_field: Annotated[str | None, typer.Option("--value-field", help="Value field (default killed_cum, falling back on ext_killed_cum).")] = None,
    measure: Annotated[str, typer.Option("--measure", help="The measure the reference counts.")] = "person.killed",
    place: Annotated[str, typer.Option("--place", help="Place of the reference (figures with no place also count); '' for any.")] = "Gaza",
    source: Annotated[str | None, typer.Option("--source", help="Source contains this (default: health ministry wordings).")] = None,
    tolerance: Annotated[float, typer.Option("--tolerance", help="Within this percentage counts as agreeing.")] = 2.0,
    since: SinceOption = None,
    until: UntilOption = None,
    json: JsonOption = False,
    csv_: CsvOption = False,
) -> None:
    """Check reported figures against a reference series (such as the Gaza Health Ministry's daily toll).

    For each figure: the reference value on its day (or the latest earlier day), the gap, and whether it is within 2%; then a summary.
    """
    from storyline.story.ledger import compare_reference
    from storyline.story.reference import ReferenceError, ReferenceFieldError, load_reference

    _check_formats(json, csv_)
    check_date("--since", since)
    check_date("--until", until)
    if not file.exists() or not file.is_file():
        fail(f"no such file: {file}", 2)
    if tolerance < 0:
        fail("--tolerance must not be negative", 2)
    try:
        ref = load_reference(file, date_field, value_field)
    except ReferenceFieldError as err:
        fail(str(err), 2)
    except (ReferenceError, OSError, UnicodeDecodeError) as err:
        fail(f"cannot read reference {file}: {err}")
    rows = _rows(db, measure=measure, since=since, until=until, modality="reported")
    result = compare_reference(rows, ref, measure=measure, place=place or None, source=source, tolerance=tolerance)
    summary = result["summary"]
    if json:
        print_json(result)
        return
    if csv_:
        fields = ["time", "value_text", "value", "qualifier", "reference_date", "reference", "gap", "gap_pct", "within",
                  "source", "outlet", "doc_ref", "doc_date", "start", "end", "sentence"]
        _write_csv(fields, [{**r, "start": r["citation"]["start"], "end": r["citation"]["end"],
                             "sentence": r["citation"]["sentence"]} for r in result["rows"]])
        return
    wide = console.width >= 110
    table = Table(title=f"{escape(measure)} against {escape(file.name)} ({ref.value_field}, {ref.first} … {ref.last})",
                  box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False)
    show_day = any(r["reference_date"] not in (None, r["time"]) for r in result["rows"])
    cols = ["time", "figure", "reference"] + (["ref. day"] if show_day else []) + ["gap", "gap %", "ok"]
    cols += (["source"] if wide else []) + ["doc"]
    for col in cols:
        table.add_column(col, justify="right" if col in ("figure", "reference", "gap", "gap %") else "left",
                         no_wrap=col not in ("source", "doc"), overflow="fold", min_width=11 if col == "doc" else None)
    for r in result["rows"]:
        mark = "" if r["within"] is None else ("[green]✓[/green]" if r["within"] else "[red]✗[/red]")
        ref_day = "" if r["reference_date"] in (None, r["time"]) else r["reference_date"]
        gap = "" if r["gap"] is None else f"{r['gap']:+,.0f}"
        pct = "" if r["gap_pct"] is None else f"{r['gap_pct']:+.2f}"
        cells = [r["time"] or "?", escape(r["value_text"]), _num(r["reference"]) or "–"] + ([ref_day] if show_day else [])
        cells += [gap, pct, mark]
        if wide:
            cells.append(escape(r.get("source") or ""))
        cells.append(escape(_short(r.get("doc_ref"), 30)))
        table.add_row(*cells)
    if result["rows"]:
        console.print(table)
    line = f"{summary['compared']} figures compared"
    if summary["compared"]:
        line += f", {summary['within_pct']:g}% within {tolerance:g}%, median absolute gap {summary['median_abs_gap_pct']:g}%"
    incidents = summary.get("incidents", 0)
    if incidents:
        line += f"; {incidents} incident counts (under a quarter of the running total) not compared"
    if summary["not_compared"] - incidents:
        line += f"; {summary['not_compared'] - incidents} without a reference value on or before their date"
    console.print(line, highlight=False)
