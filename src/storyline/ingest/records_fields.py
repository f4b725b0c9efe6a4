"""The record fields a JSONL/CSV mapping may name."""

FIELDS = ("id", "title", "date", "url", "outlet", "text", "author", "kind")
