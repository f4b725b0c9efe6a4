"""Exact and near-duplicate documents: MinHash over word shingles (datasketch), LSH band keys
for candidate search, then confirmation by shingle containment.

The band keys are plain integers so that any store can index them; this module never
touches a database: callers hand it a function that returns candidate texts for band keys.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from dataclasses import dataclass
from typing import Callable, Iterable

from datasketch import MinHash

NUM_PERM = 128
BANDS = 42
ROWS = 3  # 42 bands x 3 rows: pairs with Jaccard >= 0.35 become candidates with probability >= 0.85
SHINGLE = 5
_WORD = re.compile(r"\w+", re.UNICODE)
_NAME = re.compile(r"(?<![.!?\n]\s)(?<![.!?\n])(?<!^)\b[A-Z][a-z]{2,}\b", re.MULTILINE)


@dataclass(frozen=True)
class DuplicateMatch:
    original_id: str
    kind: str  # exact | near
    containment: float  # share of the shorter text's shingles found in the other
    jaccard: float


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def minhash(shingle_set: Iterable[str]) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=zlib.crc32)
    m.update_batch([s.encode("utf-8") for s in shingle_set])
    return m


def band_keys(m: MinHash) -> list[tuple[int, int]]:
    """(band, key) pairs: each key a signed 64-bit hash of the band number and its slice of the signature."""
    values = m.hashvalues
    keys = []
    for band in range(BANDS):
        chunk = band.to_bytes(2, "little") + values[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        keys.append((band, struct.unpack("<q", digest)[0]))
    return keys


def containment(a: set[str], b: set[str]) -> tuple[float, float]:
    """(containment of the smaller set in the larger, Jaccard)."""
    if not a or not b:
        return 0.0, 0.0
    inter = len(a & b)
    return inter / min(len(a), len(b)), inter / len(a | b)


@dataclass
class DuplicateFinder:
    """Decides whether a new text copies one already stored.

    min_containment: share of the shorter text's shingles the longer must contain.
    min_shingles: texts shorter than this (in shingles) are only matched exactly, since a
    single shared phrase would otherwise pair different stories.
    """

    min_containment: float = 0.8
    min_shingles: int = 12
    min_length_ratio: float = 0.3
    max_new_names: int = 2  # more names than this in one text but not the other: different stories

    def fingerprint(self, text: str) -> tuple[set[str], list[tuple[int, int]]]:
        s = shingles(text)
        return s, band_keys(minhash(s))

    def find(
        self,
        text: str,
        fingerprint: tuple[set[str], list[tuple[int, int]]],
        candidates: Callable[[list[tuple[int, int]]], list[tuple[str, str]]],
    ) -> DuplicateMatch | None:
        """Best near-duplicate among candidates (id, text) that share a band key."""
        own, keys = fingerprint
        if len(own) < self.min_shingles:
            return None
        best: DuplicateMatch | None = None
        for cand_id, cand_text in candidates(keys):
            other = shingles(cand_text)
            if len(other) < self.min_shingles:
                continue
            if min(len(own), len(other)) / max(len(own), len(other)) < self.min_length_ratio:
                continue
            cont, jac = containment(own, other)
            if cont >= self.min_containment and self._same_names(text, cand_text) and (best is None or (cont, jac) > (best.containment, best.jaccard)):
                best = DuplicateMatch(cand_id, "near", round(cont, 4), round(jac, 4))
        return best

    def _same_names(self, a: str, b: str) -> bool:
        """Same actors in the lede: a template reused for another call or country is not a copy.

        Each text's opening names must (but for a byline's worth) appear in the other's
        slightly longer opening, so a dropped ending or an added byline does not count.
        """
        new_in_a = _lede_names(a, 50) - _lede_names(b, 80)
        new_in_b = _lede_names(b, 50) - _lede_names(a, 80)
        return max(len(new_in_a), len(new_in_b)) <= self.max_new_names


def _lede_names(text: str, words: int) -> set[str]:
    spans = list(re.finditer(r"\S+", text))
    lede = text[: spans[min(words, len(spans)) - 1].end()] if spans else ""
    return set(_NAME.findall(lede))
