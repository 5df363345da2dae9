#!/usr/bin/python3
"""
The Word-like Table 三 (test/fixtures/pdf/word-like/make.py) as other clerks' Word files have it:
another font and size, other column widths (figure columns so narrow that a 4-digit figure wraps,
a wide label column), zeros left blank or written 「—」. make.py's own writer is reused; only its
column widths and cell writer are swapped.

    /usr/bin/python3 word-like-variants.py figures.json out.docx variant
"""
import importlib.util
import os
import sys

from docx.enum.table import WD_ALIGN_VERTICAL
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('word_like', os.path.join(HERE, '../../fixtures/pdf/word-like/make.py'))
word_like = importlib.util.module_from_spec(spec)
spec.loader.exec_module(word_like)

# variant → (font, size in pt, column widths in cm: group, subgroup, label, 7 figures, zero as)
VARIANTS = {
    'kaiti-12pt': ('AR PL UKai CN', 12, [0.8, 1.8, 3.6] + [1.5] * 7, '0'),
    'hei-9pt-wide-labels': ('Noto Sans CJK SC', 9, [0.6, 2.4, 6.0] + [1.1] * 7, '0'),
    'narrow-figures': ('SimSun', 10.5, [0.75, 1.7, 4.6] + [1.0] * 7, '0'),
    'blank-zeros': ('SimSun', 10.5, [0.75, 1.7, 3.4] + [1.45] * 7, ''),
    'dash-zeros': ('Noto Serif CJK SC', 10.5, [0.75, 1.7, 3.4] + [1.45] * 7, '—'),
}


def main(figures, out, variant):
    font, size, widths, zero = VARIANTS[variant]
    word_like.WIDTHS = [Cm(w) for w in widths]

    def write(cell, text, center=True):
        cell.text = ''
        p = cell.paragraphs[0]
        r = p.add_run(zero if text == '0' else text)
        r.font.size = Pt(size)
        r.font.name = font
        r._element.rPr.rFonts.set(qn('w:eastAsia'), font)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER

    word_like.write = write
    word_like.main(figures, out)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2], sys.argv[3])
