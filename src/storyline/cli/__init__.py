"""The `storyline` command line (Typer + Rich)."""

from __future__ import annotations

import os

# one BLAS thread per process: analysis runs in worker processes, and threaded numpy stalls on busy cores
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import typer  # noqa: E402

from storyline.cli import documents, evaluate, events, figures, language  # noqa: E402

app = typer.Typer(
    name="storyline",
    help="Turn a stream of crisis news into a cited, structured account.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
documents.register(app)
language.register(app)
figures.register(app)
events.register(app)
app.add_typer(evaluate.app, name="eval", help="Score storyline against gold data.")


def main() -> None:
    app()
