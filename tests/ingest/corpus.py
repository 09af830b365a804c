"""Test corpora written on the fly: news-like reports, feeds, pages and WARC archives.

The reports are made from sentence templates about states, leaders and organisations, so
they read like wire copy (the coder finds events in them) without copying any real text.
"""

from __future__ import annotations

import gzip
import json
import random
from io import BytesIO
from pathlib import Path

ACTORS = [
    "Russia", "Georgia", "Ukraine", "China", "Japan", "Iran", "Israel", "Turkey", "Syria", "France",
    "Germany", "the United States", "North Korea", "South Korea", "India", "Pakistan", "Egypt",
    "NATO", "the European Union", "the United Nations", "Hamas", "the Taliban",
    "President Barack Obama", "Prime Minister Vladimir Putin", "Secretary of State Hillary Clinton",
    "Foreign Minister Sergei Lavrov", "Chancellor Angela Merkel", "President Nicolas Sarkozy",
]  # fmt: skip

TEMPLATES = [
    "{a} accused {b} of violating the ceasefire along the border on {day}.",
    "{a} condemned the attack and demanded that {b} withdraw its troops immediately.",
    "Officials said {a} would send a delegation to {b} next week for talks on trade and security.",
    "{a} and {b} signed an agreement on {day} to expand energy cooperation.",
    "{a} threatened to impose new sanctions on {b} if the talks fail.",
    "Speaking in {city}, {a} urged {b} to return to negotiations without preconditions.",
    "{a} praised {b} for its role in releasing the hostages.",
    "Troops from {a} clashed with fighters loyal to {b} near {city}, killing at least {n} people.",
    "{a} rejected the proposal from {b}, calling it a provocation.",
    "The foreign ministers of {a} and {b} met in {city} on {day} to discuss the crisis.",
    "{a} pledged {n} million dollars in humanitarian aid to {b}.",
    "{a} expelled two diplomats from {b} after a spying scandal.",
    "{a} said it was ready to mediate between {b} and its neighbours.",
    "Protesters gathered outside the embassy of {b} in {city} to denounce its policy.",
    "{a} warned {b} that any further missile tests would be met with a firm response.",
    "{a} called on {b} to release the detained journalists.",
    "Analysts in {city} said the dispute between {a} and {b} was unlikely to end soon.",
    "{a} announced it would host a summit with {b} in {city} later this year.",
]
CITIES = ["Geneva", "Brussels", "Moscow", "Beijing", "Cairo", "Ankara", "Kabul", "Paris", "Berlin", "Tokyo"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SOURCES = ["Reuters", "AP", "AFP", "BBC", "VOA", "Xinhua"]


def report(rng: random.Random, sentences: int = 8) -> str:
    """A news-like report: a headline line and some sentences."""
    body = []
    for _ in range(sentences):
        a, b = rng.sample(ACTORS, 2)
        t = rng.choice(TEMPLATES)
        body.append(t.format(a=a, b=b, day=rng.choice(DAYS), city=rng.choice(CITIES), n=rng.randint(2, 90)))
    body[0] = body[0][0].upper() + body[0][1:]
    headline = " ".join(body[0].split()[:7]).rstrip(".,")
    return headline + "\n\n" + "\n".join(body) + "\n"


def near_copy(text: str) -> str:
    """The same report with a wire credit added: a near, not exact, duplicate."""
    return text + "(Reporting by Anna Petrova; editing by Tom Hale)\n"


def write_corpus(root: Path, n: int = 60, seed: int = 1) -> dict[str, int]:
    """A folder of .txt and .jsonl reports with exact and near copies and a few bad items."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    texts = [report(rng, rng.randint(6, 10)) for _ in range(n)]
    lines = []
    for i, text in enumerate(texts):
        day = f"2009-03-{1 + i % 28:02d}"
        if i % 3 == 0:
            (root / f"r{i:04d}.txt").write_text(f"{text.splitlines()[0]}\n\n{day}\n\n{text}")
        else:
            src = SOURCES[i % len(SOURCES)]
            lines.append(json.dumps({"id": f"j{i}", "title": None, "text": text, "date": day, "source": src}))
    exact = [
        json.dumps({"id": f"x{i}", "text": texts[i].upper(), "date": "2009-03-02", "source": "AP"}) for i in (1, 2)
    ]
    near = [json.dumps({"id": f"n{i}", "text": near_copy(texts[i]), "source": "AFP"}) for i in (4, 5)]
    (root / "wire.jsonl").write_text("\n".join(lines + exact + near + ["{not json"]) + "\n")
    (root / "empty.txt").write_text("\n  \n")
    (root / "blob.txt").write_bytes(b"\x00\x01\x02" * 10)
    return {"texts": n, "exact": len(exact), "near": len(near), "rejects": 3}


def page(title: str, text: str, date: str | None = "2009-03-06") -> bytes:
    """An HTML news page with navigation and footer boilerplate around the article."""
    paras = "".join(f"<p>{line}</p>\n" for line in text.splitlines() if line.strip())
    meta = f'<meta property="article:published_time" content="{date}T09:00:00Z">' if date else ""
    return (
        f"<!DOCTYPE html><html><head><title>{title} | World News</title>{meta}</head><body>"
        '<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>'
        f"<article><h1>{title}</h1>{paras}</article>"
        "<footer>Copyright World News. All rights reserved. Subscribe to our newsletter.</footer>"
        "</body></html>"
    ).encode()


def rss(items: list[dict[str, str]], title: str = "World News") -> bytes:
    """An RSS 2.0 feed; items have title, link, date (RFC 822), and summary or content."""
    out = [f'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
           f"<channel><title>{title}</title><link>http://example.org/</link>"]  # fmt: skip
    for it in items:
        out.append(f"<item><title>{it['title']}</title><link>{it.get('link', '')}</link>")
        out.append(f"<pubDate>{it.get('date', '')}</pubDate><description>{it.get('summary', '')}</description>")
        if it.get("content"):
            out.append(f"<content:encoded><![CDATA[{it['content']}]]></content:encoded>")
        out.append("</item>")
    out.append("</channel></rss>")
    return "".join(out).encode()


def atom(items: list[dict[str, str]], title: str = "Atom News") -> bytes:
    """An Atom feed; items have title, link, date (ISO), and summary or content."""
    out = [f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>']
    for it in items:
        out.append(f'<entry><title>{it["title"]}</title><link href="{it.get("link", "")}"/>')
        out.append(f"<id>{it.get('link') or it['title']}</id><updated>{it.get('date', '')}</updated>")
        if it.get("content"):
            out.append(f'<content type="html"><![CDATA[{it["content"]}]]></content>')
        out.append(f"<summary>{it.get('summary', '')}</summary></entry>")
    out.append("</feed>")
    return "".join(out).encode()


def warc(records: list[tuple[str, str, bytes]], compress: bool) -> bytes:
    """A WARC file with a warcinfo record, then (url, content type, body) responses and their requests."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = BytesIO()
    writer = WARCWriter(buf, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "dragoman tests"}))
    for url, ctype, body in records:
        req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", http_headers=req))
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers))
    return buf.getvalue()


def gz(data: bytes) -> bytes:
    """Gzip-compressed bytes."""
    return gzip.compress(data)


def content(db: str | Path) -> dict[str, list[tuple]]:
    """What a database holds (articles, events, quotes, places, mentions, bands, rejects), sorted;
    without what differs between runs by nature: run ids, times, autoincrement keys."""
    import sqlite3

    skip = {"run_id", "at"}
    conn = sqlite3.connect(str(db))
    out = {}
    try:
        for table in ("articles", "events", "quotes", "places", "mentions", "article_bands", "rejects"):
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in skip]
            if table in ("quotes", "places", "rejects"):
                cols.remove("id")
            rows = conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
    finally:
        conn.close()
    return out
