"""The digest's trend chart: a small bar chart drawn as a PNG in pure Python (zlib + struct, no imaging
library), sent inline with the HTML digest (``cid:``).

One bar per day; the part of each bar for critical and high alerts is drawn in
a stronger colour. The numbers themselves are in the image's alt text and in
the plain-text digest, so nothing is lost when a mail client hides images.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence

WIDTH, HEIGHT = 560, 160
MARGIN = 12
BACKGROUND = (255, 255, 255)
GRID = (222, 226, 230)
AXIS = (134, 142, 150)
BAR = (92, 124, 250)       # medium and low
SEVERE = (176, 0, 32)      # critical and high


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(pixels: list[bytearray], width: int, height: int) -> bytes:
    """Encode RGB rows (``height`` bytearrays of ``width * 3`` bytes) as a PNG."""
    raw = b"".join(b"\x00" + bytes(row) for row in pixels)  # filter type 0 on every row
    return (b"\x89PNG\r\n\x1a\n"
            + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + _chunk(b"IDAT", zlib.compress(raw, 9))
            + _chunk(b"IEND", b""))


def _fill(pixels: list[bytearray], x0: int, y0: int, x1: int, y1: int, colour: tuple[int, int, int]) -> None:
    for y in range(max(0, y0), min(len(pixels), y1)):
        row = pixels[y]
        for x in range(max(0, x0), min(len(row) // 3, x1)):
            row[3 * x:3 * x + 3] = bytes(colour)


def trend_png(days: Sequence[tuple[int, int]], width: int = WIDTH, height: int = HEIGHT) -> bytes:
    """A bar per day from ``(all new alerts, of which critical or high)`` pairs, oldest first."""
    pixels = [bytearray(BACKGROUND * width) for _ in range(height)]
    top = max([total for total, _severe in days] + [1])
    plot_h = height - 2 * MARGIN
    for step in range(1, 5):  # four light grid lines
        y = height - MARGIN - plot_h * step // 4
        _fill(pixels, MARGIN, y, width - MARGIN, y + 1, GRID)
    n = max(len(days), 1)
    slot = (width - 2 * MARGIN) / n
    for i, (total, severe) in enumerate(days):
        x0 = MARGIN + int(i * slot + slot * 0.15)
        x1 = MARGIN + int((i + 1) * slot - slot * 0.15)
        bar_h = round(plot_h * total / top)
        severe_h = round(plot_h * min(severe, total) / top)
        base = height - MARGIN
        _fill(pixels, x0, base - bar_h, x1, base - severe_h, BAR)
        _fill(pixels, x0, base - severe_h, x1, base, SEVERE)
    _fill(pixels, MARGIN, height - MARGIN, width - MARGIN, height - MARGIN + 1, AXIS)
    return png(pixels, width, height)
