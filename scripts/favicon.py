#!/usr/bin/env python
"""Draw the portal's icon: the lemniscate (the reflection model's HET-WIJ-IK loop) in white on
AVK blue. Writes static/img/favicon.svg and static/img/favicon.ico (16, 32 and 48 px), and the
logo mark for print (static/img/logo.svg: the same loop in AVK blue, for white paper; the PDF
header puts it next to the alliance's name):

    .venv/bin/python scripts/favicon.py
"""

import math
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "static" / "img"
BLUE = "#17455c"  # --avk-blue in static/css/portal.css
SIZE = 64  # the SVG's view box
STROKE = 6
STEPS = 96


def lemniscate(scale: float = 1.0) -> list[tuple[float, float]]:
    """Points on Bernoulli's lemniscate, centred in the icon, 22 units to either side."""
    points = []
    for step in range(STEPS + 1):
        t = 2 * math.pi * step / STEPS
        d = 1 + math.sin(t) ** 2
        x = SIZE / 2 + 22 * math.cos(t) / d
        y = SIZE / 2 + 22 * math.sin(t) * math.cos(t) / d
        points.append((x * scale, y * scale))
    return points


def svg() -> str:
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in lemniscate()[:-1])
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}">'
        f'<rect width="{SIZE}" height="{SIZE}" rx="12" fill="{BLUE}"/>'
        f'<polygon points="{path}" fill="none" stroke="#fff" stroke-width="{STROKE}" '
        'stroke-linejoin="round"/></svg>\n'
    )


def logo() -> str:
    """The loop alone in AVK blue, cropped to it: a mark to stand next to the name."""
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in lemniscate()[:-1])
    pad = STROKE / 2 + 1
    left, top, width, height = 10 - pad, 24 - pad, 44 + 2 * pad, 16 + 2 * pad
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{left:g} {top:g} {width:g} {height:g}"'
        f' width="{width:g}" height="{height:g}" role="img" aria-label="AVK">'
        f'<polygon points="{path}" fill="none" stroke="{BLUE}" stroke-width="{STROKE}" '
        'stroke-linejoin="round"/></svg>\n'
    )


def ico(path: Path) -> None:
    scale = 4  # draw large, then let Pillow scale down smoothly for each size
    big = Image.new("RGBA", (SIZE * scale, SIZE * scale), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    draw.rounded_rectangle([0, 0, SIZE * scale - 1, SIZE * scale - 1], 12 * scale, fill=BLUE)
    draw.line(lemniscate(scale), fill="white", width=STROKE * scale, joint="curve")
    big.save(path, sizes=[(16, 16), (32, 32), (48, 48)])


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "favicon.svg").write_text(svg())
    ico(OUT / "favicon.ico")
    (OUT / "logo.svg").write_text(logo())
    print(f"wrote {OUT / 'favicon.svg'}, {OUT / 'favicon.ico'} and {OUT / 'logo.svg'}")
