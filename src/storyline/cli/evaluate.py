"""`storyline eval ...`: score against gold data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from storyline.cli.common import DbOption, JsonOption, console, engine_for, err_console, fail, print_json

app = typer.Typer(no_args_is_help=True)


@app.command("timex")
def timex(
    paths: Annotated[list[Path], typer.Argument(help="TimeML .tml files or folders of them.")],
    details: Annotated[bool, typer.Option("--details", help="List misses, false positives, wrong values/types and span differences.")] = False,
    json: JsonOption = False,
) -> None:
    """Tag each TimeML file's text (its creation time as the document date) and score TempEval-3 style."""
    from storyline.eval.timeml import find_tml, score_timex

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        fail(f"no such file or folder: {', '.join(missing)}", 2)
    if not find_tml(paths):
        fail("no .tml files found under the given paths", 2)
    errors: list | None = [] if details else None
    result = score_timex(paths, errors=errors)
    for message in result["skipped"]:
        err_console.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    if not result["documents"]:
        fail("no readable .tml file to score", 2)
    if json:
        if details:
            result["errors"] = errors
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
    if details:
        colour = {"miss": "red", "fp": "yellow", "value": "magenta", "type": "cyan", "span": "blue"}
        for e in sorted(errors or [], key=lambda e: (e["kind"], e["file"])):
            g = f"gold {e['gold'][0]!r} {e['gold'][1]} {e['gold'][2]}" if e["gold"] else ""
            p = f"predicted {e['pred'][0]!r} {e['pred'][1]} {e['pred'][2]}" if e["pred"] else ""
            console.print(f"[{colour[e['kind']]}]{e['kind']}[/{colour[e['kind']]}] {e['file']} (DCT {e['dct']}): "
                          f"{escape('  '.join(x for x in (g, p) if x))}  | {escape(e['context'])}", soft_wrap=True, highlight=False,
                          markup=True)


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


@app.command("tls")
def tls(
    topics: Annotated[list[Path], typer.Argument(help="Timeline17-format topic folders (InputDocs/, timelines/), or folders of them.")],
    cache: Annotated[Path | None, typer.Option("--cache", help="Where each topic's analysed store is kept and reused while its input is unchanged (default ~/.cache/storyline/tls).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Ingest and analyse into a temporary folder; keep nothing.")] = False,
    processes: Annotated[int, typer.Option("--processes", "-p", help="Analysis worker processes (default: cores, at most 4).")] = 0,
    timelines: Annotated[bool, typer.Option("--timelines", help="Also print (or include in --json) the system timelines.")] = False,
    json: JsonOption = False,
) -> None:
    """Timeline summarization: build each gold timeline's length of timeline from its articles; date F1 and ROUGE (concat, agreement, align+ m:1)."""
    from storyline.cli.common import err_console
    from storyline.eval.tls import default_cache_dir, evaluate, find_topics

    missing = [str(p) for p in topics if not p.exists()]
    if missing:
        fail(f"no such folder: {', '.join(missing)}", 2)
    found = find_topics(topics)
    if not found:
        fail("no topic folders (with InputDocs/ and timelines/) under the given paths", 2)
    store_dir = None if no_cache else (cache or default_cache_dir())

    def on_topic(name: str, what: str) -> None:
        if not json:
            err_console.print(f"[dim]{name}: {what}[/dim]", highlight=False)

    result = evaluate(found, store_dir=store_dir, processes=processes or None, on_topic=on_topic)
    errors = [f"{t['task']}: {e}" for t in result["tasks"] for e in t["input_errors"]]
    if json:
        if not timelines:
            for t in result["tasks"]:
                t.pop("timeline")
        print_json(result)
        raise typer.Exit(1 if errors else 0)
    from rich import box

    cols = [("date", "date"), ("align_r1", "AR1"), ("align_r2", "AR2"), ("concat_r1", "cR1"),
            ("concat_r2", "cR2"), ("agreement_r1", "gR1"), ("agreement_r2", "gR2")]
    table = Table(title=f"Timeline summarization, {len(result['tasks'])} tasks: F1 of date selection and ROUGE",
                  caption="AR = align+ m:1, c = concat, g = agreement", box=box.SIMPLE_HEAD,
                  padding=(0, 0), pad_edge=False)
    for name in ("task", "l", "k", "docs", *(c[1] for c in cols)):
        table.add_column(name, justify="left" if name == "task" else "right", no_wrap=True)
    for t in result["tasks"]:
        table.add_row(t["task"], str(t["l"]), str(t["k"]), str(t["documents"]),
                      *(f"{t['scores'][m]['f1']:.3f}" for m, _ in cols))
    avg = result["average"]
    table.add_row("[bold]average[/bold]", "", "", "", *(f"[bold]{avg[m]['f1']:.3f}[/bold]" for m, _ in cols))
    console.print(table)
    console.print("average: precision and recall are averaged over tasks, then F1 (as news-tls evaluate.py)")
    if timelines:
        for t in result["tasks"]:
            console.print(f"\n[bold]{t['task']}[/bold]")
            for e in sorted(t["timeline"], key=lambda e: e["date"]):
                for s in e["sentences"]:
                    console.print(f"{e['date']}  {escape(s['text'])}  [dim]\\[{s['doc'][:10]}#{s['sent']}][/dim]", highlight=False, soft_wrap=True)
    for line in errors:
        err_console.print(f"[yellow]input:[/yellow] {line}", highlight=False, soft_wrap=True)
    sec = result["seconds"]
    console.print(f"time {sec['total']:.1f} s (input and analysis {sec['prepare']:.1f} s, timelines {sec['timelines']:.1f} s)")
    if errors:
        raise typer.Exit(1)


@app.command("events")
def events(
    gold: Annotated[Path, typer.Argument(help="Gold sentences, JSON Lines: id, text, date?, event, mode?, actor?, recipient?")],
    split: Annotated[str | None, typer.Option("--split", help="Score only lines 1-2 ('tune') or 3 ('heldout') of every three.")] = None,
    details: Annotated[bool, typer.Option("--details", help="List the lines coded wrongly.")] = False,
    json: JsonOption = False,
) -> None:
    """Code each gold text with the PLOVER event coder and score its main event: type accuracy,
    macro-F1 over types, mode accuracy, actor and recipient match rates."""
    from storyline.eval.events import evaluate

    if not gold.exists():
        fail(f"no such file: {gold}", 2)
    if split not in (None, "tune", "heldout"):
        fail(f"--split expects tune or heldout, got {split!r}", 2)
    try:
        result = evaluate(gold, split)
    except ValueError as err:
        fail(str(err), 2)
    if not details:
        result.pop("details")
    if json:
        print_json(result)
        return
    fmt = lambda v: "—" if v is None else f"{v:.4f}"
    console.print(f"events: {result['lines']} gold lines, {result['coded_lines']} with a coded event "
                  f"({result['ms_per_line']:.1f} ms per line for actors and events)")
    console.print(f"type accuracy {fmt(result['type_accuracy'])}   [bold]macro-F1 {fmt(result['macro_f1'])}[/bold]   "
                  f"mode accuracy {fmt(result['mode_accuracy'])} ({result['mode_lines']} lines)")
    console.print(f"actor match {fmt(result['actor_match'])} ({result['actor_gold']} names)   "
                  f"recipient match {fmt(result['recipient_match'])} ({result['recipient_gold']} names)")
    table = Table(title="per type")
    for col in ("type", "gold", "predicted", "precision", "recall", "F1"):
        table.add_column(col, justify="left" if col == "type" else "right")
    for name, m in result["per_type"].items():
        table.add_row(name, str(m["gold"]), str(m["predicted"]), f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}")
    console.print(table)
    if details:
        for d in result["details"]:
            if d["gold"] != d["predicted"] or (d["gold_mode"] and d["gold_mode"] != d["predicted_mode"]):
                console.print(f"[red]{d['id']}[/red] gold {d['gold']}/{d['gold_mode'] or '-'} predicted "
                              f"{d['predicted']}/{d['predicted_mode'] or '-'} ({d['trigger'] or 'no event'}): {d['text']}",
                              soft_wrap=True, highlight=False)
