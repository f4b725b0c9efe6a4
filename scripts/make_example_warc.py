#!/usr/bin/env python3
"""Build examples/archive.warc.gz: one warcinfo record plus two HTTP response
records holding HTML pages written for the storyline example corpus.

Run:  .venv/bin/python examples/make_warc.py
The pages are original text written for this project; the outlet is fictional.
"""
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).resolve().parents[1] / "examples" / "archive.warc.gz"

PAGES = [
    {
        "uri": "https://www.gulfcourier.example.net/world/2024/02/24/paris-talks-second-round",
        "date": "2024-02-24T18:20:00Z",
        "http_date": "Sat, 24 Feb 2024 18:20:00 GMT",
        "html": """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Second round of Paris talks yields outline of new truce | Gulf Courier</title>
<meta property="og:site_name" content="Gulf Courier">
<meta name="author" content="Hana Saleh">
<meta property="article:published_time" content="2024-02-24T18:20:00+00:00">
</head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/business">Business</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Second round of Paris talks yields outline of new truce</h1>
<p class="byline">By Hana Saleh</p>
<p>Negotiators meeting in Paris on Friday reached what Israeli officials described as an understanding on the outline of a new hostage deal, reviving hopes of a pause in Gaza before Ramadan.</p>
<p>The Israeli team, led by Mossad chief David Barnea and including the head of the Shin Bet, met CIA director William Burns, Qatar's prime minister and Egyptian officials. The team was due to brief the war cabinet tonight, and officials said working-level talks would follow in Doha and Cairo in the coming days.</p>
<p>The draft under discussion would see about 40 hostages, including women, children, older people and the sick, freed during a six-week pause. Israel would release several hundred Palestinian prisoners in return. The two sides remain divided over whether the pause should lead to a permanent end to the war.</p>
<p>More than 29,500 Palestinians have been killed in Gaza, according to the Hamas-run health ministry.</p>
</article>
<footer><p>&copy; 2024 Gulf Courier. All rights reserved.</p><p>This site uses cookies.</p></footer>
</body>
</html>
""",
    },
    {
        "uri": "https://www.gulfcourier.example.net/world/2024/04/29/hamas-delegation-cairo-33-hostages",
        "date": "2024-04-29T16:05:00Z",
        "http_date": "Mon, 29 Apr 2024 16:05:00 GMT",
        "html": """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Hamas delegation in Cairo to discuss plan for release of 33 hostages | Gulf Courier</title>
<meta property="og:site_name" content="Gulf Courier">
<meta name="author" content="Karim Nassar">
<meta property="article:published_time" content="2024-04-29T16:05:00+00:00">
</head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/business">Business</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Hamas delegation in Cairo to discuss plan for release of 33 hostages</h1>
<p class="byline">By Karim Nassar</p>
<p>A Hamas delegation held talks with Egyptian officials in Cairo on Monday on a new proposal that would free 33 hostages in a first phase, fewer than the 40 Israel had insisted on in earlier rounds.</p>
<p>Speaking in Riyadh, Secretary of State Antony Blinken called the Israeli offer extraordinarily generous and urged Hamas to accept it quickly. He is due in Israel on Wednesday. Egyptian officials, who visited Israel on Friday, have pressed both sides to close the gaps before an expected Israeli assault on Rafah.</p>
<p>People briefed on the plan said it would begin with a pause of several weeks and include language on restoring a sustainable calm, a phrase intended to bridge Hamas's demand for a permanent ceasefire and Israel's refusal to commit to one.</p>
<p>The Hamas-run health ministry says more than 34,400 Palestinians have been killed in Gaza since October.</p>
</article>
<footer><p>&copy; 2024 Gulf Courier. All rights reserved.</p><p>This site uses cookies.</p></footer>
</body>
</html>
""",
    },
]


def main() -> None:
    with open(OUT, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        info = {
            "software": "storyline examples/make_warc.py (warcio)",
            "format": "WARC File Format 1.1",
            "description": "Example pages written for the storyline project; outlet is fictional.",
            "isPartOf": "storyline-examples",
        }
        warcinfo = writer.create_warcinfo_record(OUT.name, info)
        # fixed date so the archive's metadata does not depend on the build clock
        warcinfo.rec_headers.replace_header("WARC-Date", "2024-05-08T00:00:00Z")
        writer.write_record(warcinfo)
        for page in PAGES:
            body = page["html"].encode("utf-8")
            http_headers = StatusAndHeaders(
                "200 OK",
                [
                    ("Content-Type", "text/html; charset=utf-8"),
                    ("Content-Length", str(len(body))),
                    ("Date", page["http_date"]),
                    ("Server", "nginx"),
                ],
                protocol="HTTP/1.1",
            )
            rec = writer.create_warc_record(
                page["uri"],
                "response",
                payload=BytesIO(body),
                http_headers=http_headers,
                warc_headers_dict={"WARC-Date": page["date"]},
            )
            writer.write_record(rec)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
