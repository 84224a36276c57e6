#!/usr/bin/env python
"""Draw the portal's icon: the lemniscate (the reflection model's HET-WIJ-IK loop) in white on
AVK blue. Writes static/img/favicon.svg and static/img/favicon.ico (16, 32 and 48 px):

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
    print(f"wrote {OUT / 'favicon.svg'} and {OUT / 'favicon.ico'}")
