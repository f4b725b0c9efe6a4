"""Format readers, one module each; `READERS` lists them in the order they are tried."""

from storyline.ingest.readers.feed import FeedReader
from storyline.ingest.readers.html import HtmlReader
from storyline.ingest.readers.markdown import MarkdownReader
from storyline.ingest.readers.records import CsvReader, JsonLinesReader
from storyline.ingest.readers.scraped import ScrapedPageReader
from storyline.ingest.readers.sentences import SentenceLinesReader
from storyline.ingest.readers.text import PlainTextReader
from storyline.ingest.readers.transcript import TranscriptReader
from storyline.ingest.readers.warc import WarcReader

READERS = [
    TranscriptReader(),
    ScrapedPageReader(),
    PlainTextReader(),
    MarkdownReader(),
    HtmlReader(),
    JsonLinesReader(),
    CsvReader(),
    FeedReader(),
    WarcReader(),
    SentenceLinesReader(),  # never detected: --format sentences
]
BY_NAME = {r.name: r for r in READERS}
