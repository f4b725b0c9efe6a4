"""Language-layer commands: numbers (and, as the layer grows, analyze)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from storyline.cli.common import JsonOption, console, fail, print_json


def register(app: typer.Typer) -> None:
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
