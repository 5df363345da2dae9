"""Independent reader of an exported .xlsx (openpyxl): prints JSON on stdout.

Usage: /usr/bin/python3 read_xlsx.py FILE.xlsx
For every sheet: state, merged ranges, print titles and setup, and every non-empty cell with its
value as written (formulas as text), its cached value (data_only=True), number format, borders and font.
"""
import json
import sys

import openpyxl


def side(s):
    return s.style if s is not None else None


def main(path):
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    out = {"sheets": []}
    for ws in wb.worksheets:
        wc = cached[ws.title]
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                b = c.border
                borders = [side(b.top), side(b.left), side(b.bottom), side(b.right)]
                if c.value is None and all(x is None for x in borders):
                    continue
                cells[c.coordinate] = {
                    "value": c.value,
                    "cached": wc[c.coordinate].value,
                    "numFmt": c.number_format,
                    "borders": borders,
                    "rotation": c.alignment.textRotation if c.alignment is not None else None,
                    "font": c.font.name if c.font is not None else None,
                }
        out["sheets"].append({
            "title": ws.title,
            "state": ws.sheet_state,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "printTitleRows": ws.print_title_rows,
            "paperSize": ws.page_setup.paperSize,
            "fitToWidth": ws.page_setup.fitToWidth,
            "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr is not None else None,
            "cells": cells,
        })
    json.dump(out, sys.stdout, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main(sys.argv[1])
