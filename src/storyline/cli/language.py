"""Language-layer commands: analyze, numbers."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    pass
