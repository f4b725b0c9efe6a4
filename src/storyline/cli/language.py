"""Language-layer commands: analyze, numbers."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from storyline.cli.common import DbOption, JsonOption, console, engine_for, err_console, fail, print_json, progress_bar


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze)
    app.command("numbers")(numbers)


def numbers(
    text: Annotated[str | None, typer.Argument(help="Text to read; '-' (or nothing) reads standard input, one item per line.")] = None,
    json: JsonOption = False,
) -> None:
    """Find every number in text: value, bounds, hedge (qualifier) and kind."""
    from storyline.nlp.numbers import find_numbers, format_number

    if text is None or text == "-":
        if sys.stdin.isatty():
            fail("give TEXT, or pipe text into `storyline numbers -`", 2)
        items = [line.rstrip("\n") for line in sys.stdin if line.strip()]
    else:
        items = [text]
    results = [{"text": item, "numbers": [format_number(n) for n in find_numbers(item)]} for item in items]
    if json:
        print_json(results if len(results) != 1 or text in (None, "-") else results[0])
        return
    for res in results:
        table = Table(title=escape(res["text"][:100]), title_justify="left")
        for col in ("text", "span", "value", "low", "high", "qualifier", "kind", "unit"):
            table.add_column(col)
        for n in res["numbers"]:
            table.add_row(escape(n["text"]), f"{n['start']}-{n['end']}", *(str(n[k]) if n[k] is not None else "" for k in ("value", "low", "high")),
                          n["qualifier"], n["kind"], n["unit"] or "")
        console.print(table)


def analyze(
    db: DbOption = None,
    processes: Annotated[int, typer.Option("--processes", "-p", help="Worker processes (default: cores, at most 4).")] = 0,
    reanalyze: Annotated[bool, typer.Option("--all", help="Analyse every document again, not only new ones.")] = False,
    json: JsonOption = False,
) -> None:
    """Analyse documents not yet analysed: sentences, entities, time expressions, numbers; figures, actors, events."""
    from storyline.pipeline.analyze import STORED_VERSION, run_analyze
    from storyline.store.analyses import count_pending

    engine = engine_for(db)
    with engine.connect() as conn:
        todo = count_pending(conn, STORED_VERSION)
    progress = progress_bar("analyze", quiet=json)
    with progress:
        task = progress.add_task("", total=todo)
        summary = run_analyze(engine, processes=processes or None, reanalyze=reanalyze,
                              on_progress=lambda n: progress.advance(task, n))
    data = summary.to_dict()
    if json:
        print_json(data)
    else:
        if data["reextracted"]:
            console.print(f"re-extracted figures, actors and events from the stored parses of {data['reextracted']} documents")
        console.print(
            f"analysed [bold]{data['analyzed']}[/bold] documents: {data['sentences']} sentences, {data['entities']} entities, "
            f"{data['timexes']} time expressions, {data['numbers']} numbers, {data['figures']} figures, "
            f"{data['actor_mentions']} actor mentions, {data['events']} events"
            + (f"; sentence boundaries restored in {data['restored']} transcripts" if data["restored"] else "")
        )
        for line in data["errors"]:
            err_console.print(f"[red]failed[/red] {escape(line)}", highlight=False, soft_wrap=True)
    if data["errors"]:
        raise typer.Exit(1)
