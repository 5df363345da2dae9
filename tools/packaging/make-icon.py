#!/usr/bin/env python3
"""Draws the app icon: a red rounded square with a white report sheet and the character 「年」.

Run with Debian's Python (it has Pillow): /usr/bin/python3 tools/packaging/make-icon.py
Writes resources/icon.png (512x512), resources/icon.ico (16-256 px) and resources/icons/<n>x<n>.png at the
hicolor sizes the .deb installs (/usr/share/icons/hicolor/<n>x<n>/apps/nianbao.png). The results are committed;
this script only needs to run again when the design changes.
"""
import os
from PIL import Image, ImageDraw, ImageFont

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
OUT = os.path.join(ROOT, "resources")
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
SIZE = 1024  # drawn large, scaled down for smooth edges
# The standard hicolor sizes of the freedesktop icon theme spec; electron-builder takes each
# <n>x<n>.png of linux.icon's folder to /usr/share/icons/hicolor/<n>x<n>/apps/.
HICOLOR = (16, 24, 32, 48, 64, 128, 256, 512)

RED = (200, 16, 46, 255)
WHITE = (255, 255, 255, 255)
GOLD = (244, 196, 48, 255)


def draw() -> Image.Image:
    img = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((40, 40, SIZE - 40, SIZE - 40), radius=200, fill=RED)
    # The report sheet with a folded corner.
    left, top, right, bottom, fold = 250, 170, 774, 860, 130
    d.polygon([(left, top), (right - fold, top), (right, top + fold), (right, bottom), (left, bottom)], fill=WHITE)
    d.polygon([(right - fold, top), (right - fold, top + fold), (right, top + fold)], fill=(230, 200, 205, 255))
    # Table lines of the statutory tables.
    for y in (650, 715, 780):
        d.rectangle((left + 60, y, right - 60, y + 18), fill=RED)
    font = ImageFont.truetype(FONT, 330, index=2)  # index 2: the SC face in the collection
    d.text(((left + right) // 2, 420), "年", font=font, fill=RED, anchor="mm")
    d.ellipse((right - 150, bottom - 150, right + 10, bottom + 10), fill=GOLD)
    return img


def main() -> None:
    os.makedirs(OUT, exist_ok=True)
    big = draw()
    png = big.resize((512, 512), Image.LANCZOS)
    png.save(os.path.join(OUT, "icon.png"), optimize=True)
    os.makedirs(os.path.join(OUT, "icons"), exist_ok=True)
    for n in HICOLOR:
        big.resize((n, n), Image.LANCZOS).save(os.path.join(OUT, "icons", f"{n}x{n}.png"), optimize=True)
    big.resize((256, 256), Image.LANCZOS).save(
        os.path.join(OUT, "icon.ico"), sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
    )


if __name__ == "__main__":
    main()
