"""`storyline eval ...`: score against gold data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from storyline.cli.common import DbOption, JsonOption, console, engine_for, fail, print_json

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


@app.command("figures")
def figures(
    gold: Annotated[Path, typer.Argument(help="Gold figures, JSON Lines as in shared/gold/FIGURES.md.")],
    db: DbOption = None,
    details: Annotated[bool, typer.Option("--details", help="List misses, false positives and wrong attributes.")] = False,
    json: JsonOption = False,
) -> None:
    """Score the stored figures against gold records (documents matched by their ref)."""
    from storyline.eval.figures import ATTRIBUTES, load_gold, score
    from storyline.store.documents import get_document
    from storyline.store.figures import FigureFilter, query_figures

    if not gold.exists():
        fail(f"no such file: {gold}", 2)
    try:
        records = load_gold(gold)
    except ValueError as err:
        fail(str(err), 2)
    engine = engine_for(db)
    predictions, texts = {}, {}
    with engine.connect() as conn:
        for ref in sorted({g["doc"] for g in records}):
            doc = get_document(conn, ref)
            if doc is None:
                continue
            texts[ref] = doc["text"]
            predictions[ref] = list(query_figures(conn, FigureFilter(doc_id=doc["id"])))
    result = score(records, predictions, texts)
    if json:
        print_json(result)
        return
    det = result["detection"]
    console.print(f"figures: {result['gold']} gold, {result['predicted']} predicted, {result['matched']} matched")
    console.print(f"detection  precision {det['precision']:.4f}  recall {det['recall']:.4f}  [bold]F1 {det['f1']:.4f}[/bold]")
    console.print("accuracy   " + "  ".join(f"{a} {result['accuracy'][a]:.4f}" for a in ATTRIBUTES))
    if result["missing_documents"]:
        console.print(f"[yellow]not in the store:[/yellow] {', '.join(result['missing_documents'])}")
    if details:
        for m in result["misses"]:
            console.print(f"[red]missed[/red] {m['doc']}: {m['value_text']!r} in {m['sentence']!r}", soft_wrap=True, highlight=False)
        for p in result["false_positives"]:
            console.print(f"[yellow]extra[/yellow] {p['doc']}: {p['value_text']!r} {p['measure']} in {p['sentence']!r}", soft_wrap=True, highlight=False)
        for a, rows in result["wrong"].items():
            for r in rows:
                console.print(f"[magenta]{a}[/magenta] {r['doc']}: {r['value_text']!r} gold {r['gold']!r} predicted {r['predicted']!r}", soft_wrap=True, highlight=False)
