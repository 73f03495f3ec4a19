#!/usr/bin/env python3
"""`lede convert --to html|claimreview|md|csv FILE`: runs the command and checks what it prints.

usage: check_report_cli.py LEDE FORMAT FILE [EXPECT ...]
html: parsed with Python's HTML parser: every element closed in order, no script, no resource
      from elsewhere (no src, no <link>, no url() in CSS, links only http(s) or #fragment),
      lang, the landmarks, tables with caption and th scope, headings in order.
claimreview: a JSON array of schema.org ClaimReview objects with the fields docs/claimreview.md names.
md, csv: the expected strings, and (csv) the header row and that every row has as many cells.
Each EXPECT must occur in the output. Exits 1 with the reason on the first failure.
"""
import csv
import io
import json
import subprocess
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.seen, self.headings, self.errors = [], {}, [], []
        self.table_has_caption, self.in_style, self.css, self.text = [], False, "", []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.seen[tag] = self.seen.get(tag, 0) + 1
        if tag in ("script", "link", "img", "iframe", "object", "embed", "video", "audio", "base"):
            self.errors.append("<%s> in the report" % tag)
        for k, v in attrs:
            if k == "src" or k == "srcset" or k.startswith("on"):
                self.errors.append("%s= on <%s>" % (k, tag))
            if k == "style" and "url(" in (v or ""):
                self.errors.append("url() in a style attribute")
        if tag == "a":
            href = a.get("href", "")
            if not (href.startswith("#") or href.startswith("http://") or href.startswith("https://")):
                self.errors.append("link to %r" % href)
        if tag == "html" and not a.get("lang"):
            self.errors.append("<html> without lang")
        if tag == "th" and not a.get("scope"):
            self.errors.append("<th> without scope")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append(int(tag[1]))
        if tag == "table":
            self.table_has_caption.append(False)
        if tag == "caption" and self.table_has_caption:
            self.table_has_caption[-1] = True
        if tag == "style":
            self.in_style = True
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("</%s> closes <%s> (line %d)" % (tag, self.stack[-1] if self.stack else "", self.getpos()[0]))
            return
        self.stack.pop()
        if tag == "style":
            self.in_style = False
        if tag == "table" and not self.table_has_caption.pop():
            self.errors.append("a table without <caption>")

    def handle_data(self, data):
        if self.in_style:
            self.css += data
        else:
            self.text.append(data)


def check_html(out):
    p = Checker()
    p.feed(out)
    p.close()
    if p.stack:
        p.errors.append("never closed: " + ", ".join(p.stack))
    if "url(" in p.css or "@import" in p.css:
        p.errors.append("the CSS loads something")
    for landmark in ("header", "nav", "main", "footer", "h1", "table", "style"):
        if not p.seen.get(landmark):
            p.errors.append("no <%s>" % landmark)
    if p.seen.get("h1") != 1:
        p.errors.append("%s <h1>" % p.seen.get("h1"))
    last = 0
    for h in p.headings:
        if h > last + 1:
            p.errors.append("heading h%d after h%d" % (h, last))
        last = h
    if "@media print" not in p.css:
        p.errors.append("no print layout")
    if p.errors:
        fail("; ".join(p.errors))
    return " ".join(p.text)


def check_claimreview(out):
    data = json.loads(out)
    if not isinstance(data, list) or not data:
        fail("not a non-empty JSON array")
    for i, c in enumerate(data):
        where = "[%d]" % i
        def need(cond, what):
            if not cond:
                fail(where + ": " + what + "\n" + json.dumps(c, indent=2))
        need(c.get("@context") == "https://schema.org", "@context")
        need(c.get("@type") == "ClaimReview", "@type")
        need(isinstance(c.get("claimReviewed"), str) and c["claimReviewed"], "claimReviewed")
        item = c.get("itemReviewed", {})
        need(item.get("@type") == "Claim", "itemReviewed.@type")
        if "author" in item:
            need(item["author"].get("@type") in ("Person", "Organization") and item["author"].get("name"), "itemReviewed.author")
        for key in ("appearance", "firstAppearance"):
            if key in item:
                need(item[key].get("@type") == "CreativeWork" and item[key].get("url", "").startswith("http"), "itemReviewed." + key)
        r = c.get("reviewRating", {})
        need(r.get("@type") == "Rating", "reviewRating.@type")
        for key in ("ratingValue", "bestRating", "worstRating"):
            need(isinstance(r.get(key), (int, float)), "reviewRating." + key)
        need(r["worstRating"] <= r["ratingValue"] <= r["bestRating"], "ratingValue within worstRating..bestRating")
        need(isinstance(r.get("alternateName"), str) and r["alternateName"], "reviewRating.alternateName")
        if "author" in c:
            need(c["author"].get("@type") in ("Person", "Organization") and c["author"].get("name"), "author")
        need(isinstance(c.get("datePublished"), str) and len(c["datePublished"]) >= 10, "datePublished")
    return out


def check_csv(out):
    if not out.startswith("number,id,speaker,cue,claim,rating,rating_value,status,explanation,evidence_urls,reviewer,date\r\n"):
        fail("header row")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    for row in rows:
        if len(row) != 12:
            fail("a row of %d cells: %r" % (len(row), row))
        for cell in row:
            if cell[:1] in ("=", "+", "-", "@"):
                fail("a cell a spreadsheet would run: %r" % cell)
    return out


def main():
    lede, fmt, path, expects = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    run = subprocess.run([lede, "convert", "--to", fmt, path], capture_output=True)
    if run.returncode != 0:
        fail("exit code %d\n%s" % (run.returncode, run.stderr.decode()))
    out = run.stdout.decode("utf-8")
    checked = {"html": check_html, "claimreview": check_claimreview, "csv": check_csv, "md": lambda s: s}[fmt](out)
    for e in expects:
        if e not in out and e not in checked:
            fail("output lacks %r" % e)
    print("ok: %s %s" % (fmt, path))


main()
