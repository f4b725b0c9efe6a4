"""Site furniture in scraped page text: reading-time and view counters, comment forms,
'Previous/Next Story' teasers, 'Latest from ...' rails, share prompts, disclaimers.

Line-level patterns written by hand: extractors such as trafilatura work on HTML and have
nothing to go on once a page has been flattened to text.
"""

from __future__ import annotations

import re

# A line that is furniture by itself.
LINE = re.compile(
    r"""^(?:
        \d+\s*(?:mins?|minutes?)\s+read |
        [\d.,]+\s*[kKmM]?\s+(?:views?|reads|shares|comments?) |
        read\s+(?:the\s+)?(?:full|original|more)\s+(?:article|story|report)(?:\s+here)?\.? |
        leave\s+a\s+(?:reply|comment) |
        your\s+email\s+address\s+will\s+not\s+be\s+published.* |
        required\s+fields\s+are\s+marked.* |
        (?:previous|next)\s+(?:story|article|post) |
        (?:latest|more)\s+from\s+[\w &-]{2,40} |
        (?:related|recommended)(?:\s+(?:articles?|posts?|stories|news))?:? |
        (?:share|tweet|share\s+this(?:\s+article)?|print|email|comments?|advertisement|subscribe(?:\s+now)?)\.? |
        (?:follow\s+us\s+on|sign\s+up\s+for|click\s+here\s+to|tags?:|filed\s+under:?)\b.* |
        disclaimer:.* |
        (?:©|copyright\b).{0,120}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# A line after which everything is furniture (the page's tail).
TAIL = re.compile(
    r"^(?:read\s+(?:the\s+)?(?:full|original)\s+(?:article|story)(?:\s+here)?\.?|leave\s+a\s+(?:reply|comment)|"
    r"previous\s+(?:story|article|post)|next\s+(?:story|article|post))$",
    re.IGNORECASE,
)


def is_furniture(line: str) -> bool:
    return bool(LINE.match(line.strip()))


def split_furniture(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Split paragraphs into (article, furniture): furniture lines anywhere, and everything after a tail marker."""
    kept: list[str] = []
    removed: list[str] = []
    in_tail = False
    for para in paragraphs:
        lines = para.split("\n")
        body_lines = []
        for line in lines:
            if in_tail or TAIL.match(line.strip()):
                in_tail = True
                removed.append(line)
            elif is_furniture(line):
                removed.append(line)
            else:
                body_lines.append(line)
        if body_lines:
            kept.append("\n".join(body_lines))
    return kept, removed


def count_furniture(lines: list[str]) -> int:
    return sum(1 for line in lines if is_furniture(line))
