"""Draw the app's icons (`src/amity/web/static/icons/*.png`) once, with the standard library.

Two linked rings, white on Amity's accent colour: the 192 and 512 px icons are rounded
squares on a transparent ground; the maskable one fills its square, the rings inside the
central 80% circle a launcher may crop to. Run `python tools/make_icons.py` after changing
the drawing and commit the PNGs; the app never draws them itself.
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

ACCENT = (0x1D, 0x5C, 0x63)
WHITE = (0xFF, 0xFF, 0xFF)
ICONS = Path(__file__).resolve().parents[1] / "src" / "amity" / "web" / "static" / "icons"


def coverage(signed_distance: float) -> float:
    """How much of a pixel a shape covers, from the distance to its edge in pixels."""
    return min(1.0, max(0.0, 0.5 - signed_distance))


def rounded_square(x: float, y: float, size: float, radius: float) -> float:
    half = size / 2
    qx, qy = abs(x - half) - (half - radius), abs(y - half) - (half - radius)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - radius


def rings(x: float, y: float, size: float, scale: float) -> float:
    """Signed distance to the nearer of two rings side by side."""
    radius, stroke, apart = 0.2 * size * scale, 0.06 * size * scale, 0.12 * size * scale
    centre = size / 2
    return min(
        abs(math.hypot(x - (centre + dx), y - centre) - radius) - stroke / 2
        for dx in (-apart, apart)
    )


def draw(size: int, maskable: bool) -> bytes:
    scale = 0.8 if maskable else 1.0
    rows = []
    for j in range(size):
        row = bytearray([0])  # filter: none
        for i in range(size):
            x, y = i + 0.5, j + 0.5
            ground = 1.0 if maskable else coverage(rounded_square(x, y, size, 0.22 * size))
            ink = coverage(rings(x, y, size, scale))
            rgb = [round(a + (w - a) * ink) for a, w in zip(ACCENT, WHITE, strict=True)]
            row += bytes([*rgb, round(255 * ground)])
        rows.append(bytes(row))
    return png(size, b"".join(rows))


def png(size: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    for name, size, maskable in (
        ("amity-192.png", 192, False),
        ("amity-512.png", 512, False),
        ("amity-maskable-512.png", 512, True),
    ):
        (ICONS / name).write_bytes(draw(size, maskable))
        print(f"wrote {ICONS / name}")


if __name__ == "__main__":
    main()
