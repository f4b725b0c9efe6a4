"""Commands over documents: ingest, docs, show, stats."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from storyline.cli.common import DbOption, JsonOption, check_date, console, engine_for, err_console, fail, print_json, progress_bar


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("docs")(docs)
    app.command("show")(show)
    app.command("stats")(stats)


def _parse_map(pairs: list[str]) -> dict[str, str]:
    from storyline.ingest.records_fields import FIELDS

    mapping = {}
    for pair in pairs:
        ours, sep, theirs = pair.partition("=")
        if not sep or ours not in FIELDS or not theirs:
            fail(f"--map expects FIELD=SOURCE_FIELD with FIELD one of {', '.join(FIELDS)}; got {pair!r}", 2)
        mapping[ours] = theirs
    return mapping


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), glob patterns, or - for standard input.")],
    db: DbOption = None,
    format: Annotated[str | None, typer.Option("--format", "-f", help="Force a reader: text, scraped, transcript, html, markdown, jsonl, csv, feed, warc, sentences.")] = None,
    map: Annotated[list[str], typer.Option("--map", help="JSONL/CSV field mapping, e.g. --map text=body --map date=published.")] = [],
    kind: Annotated[str | None, typer.Option("--kind", help="Document kind for inputs that do not say (article, transcript, statement, live_post, feed_item).")] = None,
    max_mb: Annotated[float, typer.Option("--max-mb", help="Refuse files larger than this many megabytes.")] = 50.0,
    json: JsonOption = False,
) -> None:
    """Read news documents into the store, linking duplicates to their originals."""
    from storyline.ingest.base import ReadOptions
    from storyline.ingest.document import KINDS
    from storyline.ingest.read import expand_paths, read_items
    from storyline.ingest.readers import BY_NAME
    from storyline.pipeline.ingest import ingest_items

    if format and format not in BY_NAME:
        fail(f"unknown --format {format!r}; choose from {', '.join(BY_NAME)}", 2)
    if kind and kind not in KINDS:
        fail(f"unknown --kind {kind!r}; choose from {', '.join(KINDS)}", 2)
    options = ReadOptions(format=format, field_map=_parse_map(map), max_bytes=int(max_mb * 1024 * 1024), default_kind=kind)
    engine = engine_for(db, create=True)
    items = list(expand_paths(paths))
    progress = progress_bar("ingest", quiet=json, detail=True)
    with progress:
        task = progress.add_task("", total=len(items))

        def on_file(name: str) -> None:
            progress.update(task, advance=1, description=escape(name[-50:]))

        summary = ingest_items(engine, read_items(items, options, on_file=on_file))
    result = summary.to_dict()
    if json:
        print_json(result)
    else:
        _print_summary(result)
    if result["errors"]:
        raise typer.Exit(1)


def _print_summary(result: dict) -> None:
    table = Table(title="Ingest summary", show_footer=True)
    totals = result["totals"]
    table.add_column("format", footer="total")
    for key in ("read", "new", "duplicate", "unchanged", "failed"):
        table.add_column(key, justify="right", footer=str(totals[key]))
    for fmt, counts in result["by_format"].items():
        table.add_row(fmt, *(str(counts[k]) for k in ("read", "new", "duplicate", "unchanged", "failed")))
    console.print(table)
    if result["skipped"]:
        console.print(f"[dim]skipped {len(result['skipped'])} non-document files (e.g. {escape(result['skipped'][0])})[/dim]")
    for line in result["errors"]:
        err_console.print(f"[red]failed[/red] {escape(line)}", highlight=False, soft_wrap=True)


def docs(
    db: DbOption = None,
    since: Annotated[str | None, typer.Option(help="Published on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before this date (YYYY-MM-DD).")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name contains this (case-insensitive).")] = None,
    kind: Annotated[str | None, typer.Option(help="article, transcript, statement, live_post or feed_item.")] = None,
    unique: Annotated[bool, typer.Option("--unique", help="Leave out duplicates.")] = False,
    limit: Annotated[int, typer.Option(help="At most this many (0: all).")] = 50,
    json: JsonOption = False,
) -> None:
    """List stored documents, oldest first."""
    from storyline.store.documents import DocFilter, query_documents

    check_date("--since", since)
    check_date("--until", until)
    engine = engine_for(db)
    cols = ["id", "ref", "pub_date", "outlet", "kind", "format", "title", "duplicate_of", "duplicate_kind"]
    f = DocFilter(since=since, until=until, outlet=outlet, kind=kind, include_duplicates=not unique, limit=limit or None)
    with engine.connect() as conn:
        rows = list(query_documents(conn, f, cols))
    if json:
        print_json(rows)
        return
    table = Table(title=f"{len(rows)} documents")
    for col in ("id", "date", "outlet", "kind", "ref", "title", "dup of"):
        table.add_column(col, overflow="fold" if col == "title" else "ellipsis", no_wrap=col != "title")
    for r in rows:
        table.add_row(r["id"][:10], r["pub_date"] or "?", r["outlet"] or "?", r["kind"], escape(r["ref"][:40]),
                      escape((r["title"] or "")[:80]), (r["duplicate_of"] or "")[:10])
    console.print(table)


def show(
    id_or_ref: Annotated[str, typer.Argument(help="Document id (or a unique prefix) or the source's ref.")],
    db: DbOption = None,
    original: Annotated[bool, typer.Option("--original", help="Also print the original input.")] = False,
    json: JsonOption = False,
) -> None:
    """Show one document: metadata, clean text, removed furniture."""
    from storyline.store.documents import get_document

    engine = engine_for(db)
    with engine.connect() as conn:
        doc = get_document(conn, id_or_ref)
    if doc is None:
        fail(f"no document with id or ref {id_or_ref!r}")
    if not original:
        doc.pop("original", None)
    if json:
        print_json(doc)
        return
    meta = Table.grid(padding=(0, 2))
    for key in ("id", "ref", "title", "outlet", "outlet_source", "kind", "format", "published", "date_precision",
                "date_source", "url", "author", "source_path", "duplicate_of", "duplicate_kind", "ingested_at"):
        if doc.get(key) is not None:
            meta.add_row(f"[bold]{key}[/bold]", escape(str(doc[key])))
    console.print(meta)
    console.print(Panel(escape(doc["text"]), title="text", title_align="left"))
    if doc["furniture"]:
        console.print(Panel(escape("\n".join(doc["furniture"])), title="removed furniture", title_align="left", style="dim"))
    if original:
        console.print(Panel(escape(doc["original"]), title="original", title_align="left", style="dim"))


def stats(db: DbOption = None, json: JsonOption = False) -> None:
    """Counts of stored documents by kind, format, outlet and month."""
    from storyline.store.documents import stats as store_stats

    engine = engine_for(db)
    with engine.connect() as conn:
        data = store_stats(conn)
    if json:
        print_json(data)
        return
    console.print(
        f"[bold]{data['documents']}[/bold] documents ({data['unique']} unique, {data['duplicates']} duplicates, "
        f"{data['undated']} undated), {data['first_date'] or '?'} … {data['last_date'] or '?'}"
    )
    for key in ("by_kind", "by_format", "by_outlet", "by_month"):
        table = Table(title=key.replace("_", " "), show_header=False)
        items = list(data[key].items())
        for name, n in items[:15]:
            table.add_row(escape(str(name)), str(n))
        if len(items) > 15:
            table.add_row(f"… {len(items) - 15} more", "")
        console.print(table)
