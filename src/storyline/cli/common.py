"""Shared CLI pieces: the --db and --json options, consoles, JSON output, error exits."""

from __future__ import annotations

import json
import re
import sys
from typing import Annotated, Any

import typer
from rich.console import Console

console = Console()
err_console = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Store URL (sqlite:///path.db, postgresql://...); default $STORYLINE_DB or sqlite:///storyline.db."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def fail(message: str, code: int = 1) -> None:
    err_console.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def check_date(name: str, value: str | None) -> None:
    """Fail unless a --since/--until value is a calendar date written YYYY, YYYY-MM or YYYY-MM-DD (the
    stores compare these strings with their ISO dates)."""
    from storyline.ingest.dates import parse_date

    if not value:
        return
    try:
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            raise ValueError(value)
        parse_date(value)
    except ValueError:
        fail(f"{name} expects a date like 2024-01-10, got {value!r}", 2)


def engine_for(db: str | None, *, create: bool = False):
    """Open the store; a missing SQLite file is an error unless `create`."""
    from storyline.store.db import open_engine

    try:
        return open_engine(db, create=create)
    except FileNotFoundError as err:
        fail(str(err))
    except Exception as err:  # bad URL, server down, ...
        fail(f"cannot open store {db or '(default)'}: {str(err).splitlines()[0]}")


def progress_bar(label: str, *, quiet: bool = False, detail: bool = False):
    """A Rich progress bar on stderr, silent when output is JSON or not a terminal."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = [TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn()]
    if detail:
        columns.append(TextColumn("{task.description}"))
    columns.append(TimeElapsedColumn())
    return Progress(*columns, console=err_console, disable=quiet or not err_console.is_terminal, transient=True)
