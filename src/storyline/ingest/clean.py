"""Small text-cleaning helpers shared by readers (whitespace, Markdown escapes)."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n\s*\n+")


def normalize_space(text: str) -> str:
    """Collapse runs of spaces (NBSP included) within lines; keep paragraph breaks as one blank line."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return _BLANKS.sub("\n\n", text).strip()


def paragraphs(text: str) -> list[str]:
    return [p for p in normalize_space(text).split("\n\n") if p]


def unwrap(paragraph: str) -> str:
    """Join hard-wrapped lines of one paragraph into one line."""
    return " ".join(line.strip() for line in paragraph.split("\n") if line.strip())
