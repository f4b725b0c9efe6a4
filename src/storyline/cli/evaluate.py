"""`storyline eval ...`: score against gold data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from storyline.cli.common import JsonOption, console, fail, print_json

app = typer.Typer(no_args_is_help=True)


@app.command("timex")
def timex(
    paths: Annotated[list[Path], typer.Argument(help="TimeML .tml files or folders of them.")],
    json: JsonOption = False,
) -> None:
    """Tag each TimeML file's text (its creation time as the document date) and score TempEval-3 style."""
    from storyline.eval.timeml import find_tml, score_timex

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        fail(f"no such file or folder: {', '.join(missing)}", 2)
    if not find_tml(paths):
        fail("no .tml files found under the given paths", 2)
    result = score_timex(paths)
    if json:
        print_json(result)
        return
    table = Table(title=f"TIMEX3: {result['documents']} documents, {result['gold']} gold, {result['predicted']} predicted")
    for col in ("metric", "precision", "recall", "F1"):
        table.add_column(col, justify="right" if col != "metric" else "left")
    for name in ("strict", "relaxed"):
        m = result[name]
        table.add_row(f"{name} span", f"{m['precision']:.4f}", f"{m['recall']:.4f}", f"{m['f1']:.4f}")
    console.print(table)
    console.print(f"value accuracy {result['value_accuracy']:.4f}   type accuracy {result['type_accuracy']:.4f}   "
                  f"[bold]value F1 {result['value_f1']:.4f}[/bold]")
    console.print(f"time {result['seconds']:.2f} s ({result['ms_per_document']:.1f} ms per document)")
