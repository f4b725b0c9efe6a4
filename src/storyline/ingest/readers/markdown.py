"""Markdown documents with a YAML header (date, published_time, source_url, tags, title).

The body is rendered with markdown-it-py and flattened to paragraphs with lxml, so Markdown
escapes, links and hard-wrapped lines come out as plain text; struck-through words are dropped.
"""

from __future__ import annotations

import re
from typing import Iterator

import lxml.html
import yaml
from markdown_it import MarkdownIt

from storyline.ingest.base import Reader, ReadError, ReadOptions, Source
from storyline.ingest.dates import parse_date
from storyline.ingest.document import Document
from storyline.ingest.outlet import canonical_outlet, outlet_from_text, outlet_from_url

FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?P<yaml>.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_MD = MarkdownIt("commonmark", {"html": True})
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "td", "th"}
_DROP = ("s", "strike", "del", "script", "style")
KIND_BY_TAG = {
    "press-briefings": "transcript",
    "speeches-remarks": "transcript",
    "statements-releases": "statement",
    "presidential-actions": "statement",
}


def markdown_to_text(body: str) -> str:
    html = _MD.render(body)
    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for bad in root.iter(*_DROP):
        bad.drop_tree() if bad.getparent() is not None else None
    parts = []
    for el in root.iter():
        if el.tag in _BLOCKS and not any(a.tag in _BLOCKS for a in el.iterancestors()):
            text = " ".join(el.text_content().split())
            if text:
                parts.append(text)
    return "\n\n".join(parts)


class MarkdownReader(Reader):
    name = "markdown"
    extensions = (".md", ".markdown")

    def sniff(self, text: str) -> float:
        return 0.7 if FRONT_MATTER.match(text[:4000]) else 0.0

    def read(self, source: Source, text: str, options: ReadOptions) -> Iterator[Document | ReadError]:
        meta: dict = {}
        body = text
        m = FRONT_MATTER.match(text)
        if m:
            try:
                meta = yaml.safe_load(m.group("yaml")) or {}
            except yaml.YAMLError as err:
                mark = getattr(err, "problem_mark", None)
                line = mark.line + 2 if mark else None
                yield ReadError(source.name, f"malformed YAML header: {getattr(err, 'problem', err)}", line=line)
                return
            if not isinstance(meta, dict):
                yield ReadError(source.name, "malformed YAML header: not a mapping", line=2)
                return
            body = text[m.end() :]
        elif text.lstrip().startswith("---"):
            yield ReadError(source.name, "malformed YAML header: no closing '---'", line=1)
            return
        clean = markdown_to_text(body)
        if not clean:
            yield ReadError(source.name, "no text after the header")
            return
        published = precision = date_source = None
        for key in ("published_time", "date", "published", "pubdate"):
            if meta.get(key):
                try:
                    published, precision = parse_date(meta[key])
                except ValueError as err:
                    yield ReadError(source.name, f"{err} in header field {key!r}")
                    return
                date_source = f"header {key}"
                break
        url = meta.get("source_url") or meta.get("url")
        outlet = canonical_outlet(meta.get("outlet") or meta.get("site_name"))
        outlet_source = "metadata" if outlet else None
        if not outlet and url:
            outlet, outlet_source = outlet_from_url(url), "url"
        if not outlet:
            cue = outlet_from_text(clean)
            outlet, outlet_source = (cue.outlet, cue.source) if cue else (None, None)
        tags = meta.get("tags")
        tag = tags[0] if isinstance(tags, list) and tags else tags
        kind = options.default_kind or KIND_BY_TAG.get(str(tag), "statement" if tag else "article")
        title = meta.get("title")
        yield Document(
            text=clean,
            ref=source.basename,
            format=self.name,
            title=" ".join(str(title).split()) if title else None,
            outlet=outlet,
            outlet_source=outlet_source,
            kind=kind,
            published=published,
            date_precision=precision or "unknown",
            date_source=date_source,
            url=url,
            author=meta.get("author"),
            original=text,
            source_path=source.name,
            meta={k: str(v) for k, v in meta.items() if k not in ("title", "date", "published_time", "source_url")},
        )
