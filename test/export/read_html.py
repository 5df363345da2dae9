"""Independent reader of the exported HTML (Python's html.parser): prints JSON on stdout.

Usage: /usr/bin/python3 read_html.py FILE.html
Output: the tags and attributes used, the text blocks (h1/h2/p) in order, and every table as rows
of cells (text, rowspan, colspan).
"""
import json
import sys
from html.parser import HTMLParser


class Reader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = set()
        self.attrs = set()
        self.blocks = []
        self.tables = []
        self.cell = None
        self.block = None

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for k, _ in attrs:
            self.attrs.add(k)
        a = dict(attrs)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag == "td":
            self.cell = {"text": "", "rowspan": int(a.get("rowspan", 1)), "colspan": int(a.get("colspan", 1))}
        elif tag in ("h1", "h2", "p"):
            self.block = {"tag": tag, "text": "", "style": a.get("style", "")}
        elif tag == "br" and self.block is not None:
            self.block["text"] += "\n"

    def handle_endtag(self, tag):
        if tag == "td":
            self.tables[-1][-1].append(self.cell)
            self.cell = None
        elif tag in ("h1", "h2", "p") and self.block is not None:
            self.blocks.append(self.block)
            self.block = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell["text"] += data
        elif self.block is not None:
            self.block["text"] += data


def main(path):
    r = Reader()
    with open(path, encoding="utf-8") as f:
        r.feed(f.read())
    json.dump({"tags": sorted(r.tags), "attrs": sorted(r.attrs), "blocks": r.blocks, "tables": r.tables},
              sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
