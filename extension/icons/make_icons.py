#!/usr/bin/env python3
"""Draws Sotorko's toolbar icons (a green shield with a white check mark) as PNGs.

Standard library only; run from this folder: `python3 make_icons.py`.
The output is deterministic, so the PNGs are committed and this only needs to
run again when the design changes. Not shipped: the build copies `*.png` only.
"""
import struct
import zlib

SHIELD = (0, 106, 78)      # Bangladesh flag green
EDGE = (0, 74, 54)
CHECK = (255, 255, 255)
SUPERSAMPLE = 4


def inside_shield(x, y):
    """Unit-square coordinates: a flat-topped shield narrowing to a point."""
    if y < 0.08 or y > 0.95:
        return False
    if y < 0.55:
        half = 0.40
    else:  # curve in to the bottom point
        t = (y - 0.55) / 0.40
        half = 0.40 * (1 - t * t) ** 0.5 * (1 - 0.15 * t)
    # shallow dip in the top edge
    top = 0.08 + 0.05 * (1 - ((x - 0.5) / 0.40) ** 2) if abs(x - 0.5) <= 0.40 else 1
    return abs(x - 0.5) <= half and y >= top


def dist_to_segment(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    cx, cy = ax + t * dx, ay + t * dy
    return ((px - cx) ** 2 + (py - cy) ** 2) ** 0.5


def on_check(x, y, width):
    return (dist_to_segment(x, y, 0.30, 0.50, 0.45, 0.66) <= width
            or dist_to_segment(x, y, 0.45, 0.66, 0.72, 0.33) <= width)


def pixel(size, px, py):
    """Averages SUPERSAMPLE² samples into one RGBA pixel."""
    stroke = 0.075 if size >= 32 else 0.095
    acc = [0, 0, 0, 0]
    n = SUPERSAMPLE * SUPERSAMPLE
    for sy in range(SUPERSAMPLE):
        for sx in range(SUPERSAMPLE):
            x = (px + (sx + 0.5) / SUPERSAMPLE) / size
            y = (py + (sy + 0.5) / SUPERSAMPLE) / size
            if not inside_shield(x, y):
                continue
            if on_check(x, y, stroke):
                colour = CHECK
            elif not inside_shield(x - 0.04, y) or not inside_shield(x + 0.04, y) or not inside_shield(x, y - 0.04) or not inside_shield(x, y + 0.04):
                colour = EDGE
            else:
                colour = SHIELD
            for i in range(3):
                acc[i] += colour[i]
            acc[3] += 255
    covered = acc[3] / 255
    if covered == 0:
        return (0, 0, 0, 0)
    return tuple(round(acc[i] / covered) for i in range(3)) + (round(acc[3] / n),)


def png(size):
    rows = b""
    for py in range(size):
        rows += b"\x00" + b"".join(bytes(pixel(size, px, py)) for px in range(size))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    for s in (16, 32, 48, 128):
        with open(f"icon-{s}.png", "wb") as f:
            f.write(png(s))
