"""Orchestration of the layers for the interfaces (CLI, API): ingest, analyze, ..."""
