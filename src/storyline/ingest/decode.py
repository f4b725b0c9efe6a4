"""Bytes to text: UTF-8 first, then charset detection (charset-normalizer); binary refused."""

from __future__ import annotations

from charset_normalizer import from_bytes

_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB: not a text file."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > 0.05


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding); raise ValueError with a reason when the bytes are not text."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        first_bad = err.start
    if looks_binary(data):
        raise ValueError("binary file, not text")
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ValueError(f"undecodable bytes (not UTF-8 at byte {first_bad}, and no other encoding fits)")
    return str(best), best.encoding
