"""HTML pages: main text and metadata (title, date, site name, author) with trafilatura.

What the extractor left out (menus, asides, footers) is kept aside as furniture for audit.
"""

from __future__ import annotations

import re
from typing import Iterator

import lxml.html
import trafilatura

from storyline.ingest.base import Reader, ReadError, ReadOptions, Source
from storyline.ingest.clean import normalize_space
from storyline.ingest.dates import parse_date
from storyline.ingest.document import Document
from storyline.ingest.outlet import canonical_outlet, outlet_from_text, outlet_from_url, split_title_outlet

_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "pubdate",
    "publish-date",
    "date",
    "dc.date",
    "DC.date.issued",
    "sailthru.date",
)
_HTML_HINT = re.compile(r"<(?:!doctype\s+html|html|head|body|article|p|div)\b", re.IGNORECASE)
_BLOCK_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "nav", "footer", "aside", "header", "div", "span", "a")


def _meta_date(tree) -> tuple[str, str] | None:
    for name in _DATE_META:
        for el in tree.xpath(f'//meta[@property="{name}" or @name="{name}" or @itemprop="{name}"]'):
            try:
                return parse_date(el.get("content", ""))
            except ValueError:
                continue
    for el in tree.xpath("//time[@datetime]"):
        try:
            return parse_date(el.get("datetime"))
        except ValueError:
            continue
    return None


def html_document(html: str, source: Source, options: ReadOptions, *, url: str | None = None, ref: str | None = None,
                  fmt: str = "html") -> Document | ReadError:
    """Read one HTML page (from a file or a WARC record)."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError) as err:
        return ReadError(source.name, f"malformed HTML: {err}")
    extracted = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    # trafilatura puts one newline between blocks; storyline separates paragraphs with a blank line
    text = normalize_space((extracted.text or "").replace("\n", "\n\n")) if extracted else ""
    if not text:
        return ReadError(source.name, "no article text found in the HTML page")
    title = extracted.title
    page_title = tree.findtext(".//title")
    outlet = canonical_outlet(extracted.sitename)
    outlet_source = "metadata" if outlet else None
    if page_title and not outlet:
        _, outlet = split_title_outlet(page_title)
        outlet_source = "title" if outlet else None
    if title:
        title, suffix_outlet = split_title_outlet(title)
        if suffix_outlet and not outlet:
            outlet, outlet_source = suffix_outlet, "title"
    url = url or extracted.url
    if not outlet and url:
        outlet, outlet_source = outlet_from_url(url), "url"
    if not outlet:
        cue = outlet_from_text(text)
        outlet, outlet_source = (cue.outlet, cue.source) if cue else (None, None)
    # A repeated headline opening the text is the title, not the article.
    if title and text.startswith(title):
        text = text[len(title) :].lstrip()
    published = precision = date_source = None
    found = _meta_date(tree)
    if found:
        (published, precision), date_source = found, "html meta"
    elif extracted.date:
        try:
            (published, precision), date_source = parse_date(extracted.date), "html (trafilatura)"
        except ValueError:
            pass
    kept = set(" ".join(line.split()) for line in text.split("\n"))
    furniture = []
    for el in tree.body.iter(*_BLOCK_TAGS) if tree.body is not None else []:
        own = " ".join((el.text or "").split())
        if own and own != title and own not in kept and not any(own in k for k in kept) and own not in furniture:
            furniture.append(own)
    return Document(
        text=text,
        ref=ref or source.basename,
        format=fmt,
        title=title,
        outlet=outlet,
        outlet_source=outlet_source,
        kind=options.default_kind or "article",
        published=published,
        date_precision=precision or "unknown",
        date_source=date_source,
        language=extracted.language,
        url=url,
        author=extracted.author,
        original=html,
        furniture=furniture,
        source_path=source.name,
    )


class HtmlReader(Reader):
    name = "html"
    extensions = (".html", ".htm", ".xhtml")

    def sniff(self, text: str) -> float:
        return 0.8 if _HTML_HINT.search(text[:3000]) and "<rss" not in text[:500] and "<feed" not in text[:500] else 0.0

    def read(self, source: Source, text: str, options: ReadOptions) -> Iterator[Document | ReadError]:
        if not re.search(r"</(?:html|body)\s*>", text[-2000:], re.IGNORECASE):
            yield ReadError(source.name, "truncated HTML: no closing </body> or </html>")
            return
        yield html_document(text, source, options)
