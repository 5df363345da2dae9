"""Independent reader of an exported .docx (python-docx + the raw XML): prints JSON on stdout.

Usage: /usr/bin/python3 read_docx.py FILE.docx
Output: page size and margins in mm, every table as rows of raw cells (text, gridSpan, vMerge),
the tblHeader / cantSplit flags per row, the fonts and languages of every run, and the font table.
"""
import json
import sys
import zipfile

import docx
from docx.oxml.ns import qn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def mm(v):
    return round(v.mm, 1) if v is not None else None


def on(parent, tag):
    """An OOXML on/off property: present and not switched off by w:val."""
    el = parent.find(qn(tag)) if parent is not None else None
    return el is not None and el.get(qn("w:val")) not in ("false", "0", "off")


def cell_text(tc):
    paras = []
    for p in tc.iter(W + "p"):
        parts = []
        for el in p.iter():
            if el.tag == W + "t":
                parts.append(el.text or "")
            elif el.tag == W + "br":
                parts.append("\n")
        paras.append("".join(parts))
    return "\n".join(paras)


def main(path):
    d = docx.Document(path)
    s = d.sections[0]
    out = {
        "page": {"width": mm(s.page_width), "height": mm(s.page_height), "top": mm(s.top_margin),
                 "bottom": mm(s.bottom_margin), "left": mm(s.left_margin), "right": mm(s.right_margin)},
        "tables": [],
        "paragraphs": [],
        "runFonts": [],
    }
    for t in d.tables:
        tbl = t._tbl
        layout = tbl.find(qn("w:tblPr")).find(qn("w:tblLayout"))
        grid = [int(g.get(qn("w:w"))) for g in tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))]
        rows = []
        for tr in tbl.findall(qn("w:tr")):
            trpr = tr.find(qn("w:trPr"))
            flags = {"header": on(trpr, "w:tblHeader"), "cantSplit": on(trpr, "w:cantSplit")}
            cells = []
            for tc in tr.findall(qn("w:tc")):
                tcpr = tc.find(qn("w:tcPr"))
                span = tcpr.find(qn("w:gridSpan")) if tcpr is not None else None
                vm = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
                borders = tcpr.find(qn("w:tcBorders")) if tcpr is not None else None
                td = tcpr.find(qn("w:textDirection")) if tcpr is not None else None
                cells.append({
                    "text": cell_text(tc),
                    "gridSpan": int(span.get(qn("w:val"))) if span is not None else 1,
                    "vMerge": (vm.get(qn("w:val")) or "continue") if vm is not None else None,
                    "borders": sorted(c.tag.replace(W, "") for c in borders) if borders is not None else [],
                    "textDirection": td.get(qn("w:val")) if td is not None else None,
                })
            rows.append({**flags, "cells": cells})
        out["tables"].append({"layout": layout.get(qn("w:type")) if layout is not None else None,
                              "grid": grid, "rows": rows})
    for p in d.paragraphs:
        out["paragraphs"].append({"text": p.text, "align": str(p.alignment) if p.alignment is not None else None,
                                  "runs": [r.text for r in p.runs]})
    body = d.element.body
    for r in body.iter(W + "r"):
        rpr = r.find(W + "rPr")
        text = "".join(t.text or "" for t in r.iter(W + "t"))
        if rpr is None:
            out["runFonts"].append({"text": text})
            continue
        f = rpr.find(W + "rFonts")
        lang = rpr.find(W + "lang")
        sz = rpr.find(W + "sz")
        out["runFonts"].append({
            "text": text,
            "eastAsia": f.get(W + "eastAsia") if f is not None else None,
            "ascii": f.get(W + "ascii") if f is not None else None,
            "hAnsi": f.get(W + "hAnsi") if f is not None else None,
            "langEastAsia": lang.get(W + "eastAsia") if lang is not None else None,
            "size": int(sz.get(W + "val")) if sz is not None else None,
        })
    with zipfile.ZipFile(path) as z:
        from lxml import etree
        ft = etree.fromstring(z.read("word/fontTable.xml"))
        out["fontTable"] = {f.get(W + "name"): (f.find(W + "altName").get(W + "val") if f.find(W + "altName") is not None else None)
                            for f in ft.findall(W + "font")}
        footers = [n for n in z.namelist() if n.startswith("word/footer")]
        out["footers"] = [z.read(n).decode("utf-8") for n in sorted(footers)]
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
