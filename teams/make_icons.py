"""Generates the Teams app icons ``color.png`` (192x192) and ``outline.png`` (32x32).

Only the standard library is used (PNG written with ``zlib``/``struct``), so the icons can be
regenerated anywhere: ``python teams/make_icons.py``. The motif is a rising bar chart (goals and
follow-up): white on the accent colour for the colour icon, white on transparent for the outline
icon (as Teams requires).
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ACCENT = (0x1F, 0x4E, 0x79, 0xFF)
WHITE = (0xFF, 0xFF, 0xFF, 0xFF)
TRANSPARENT = (0, 0, 0, 0)

Pixel = tuple[int, int, int, int]
Rect = tuple[int, int, int, int]  # x0, y0, x1, y1 (exclusive)


def png_bytes(width: int, height: int, pixels: list[list[Pixel]]) -> bytes:
    """Encodes RGBA rows (``pixels[y][x]``) as a PNG file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"".join(bytes(px) for px in row) for row in pixels)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def _canvas(size: int, background: Pixel) -> list[list[Pixel]]:
    return [[background] * size for _ in range(size)]


def _fill(pixels: list[list[Pixel]], rects: Iterable[Rect], colour: Pixel) -> None:
    for x0, y0, x1, y1 in rects:
        for y in range(y0, y1):
            for x in range(x0, x1):
                pixels[y][x] = colour


def _chart(size: int, padding: int = 0) -> list[Rect]:
    """Three rising bars on a baseline, plus a goal line, scaled into ``size`` minus ``padding``."""
    s = (size - 2 * padding) / 32
    boxes = [
        (6, 17, 11, 26),  # bar 1
        (13.5, 12, 18.5, 26),  # bar 2
        (21, 7, 26, 26),  # bar 3
        (4, 27, 28, 29),  # baseline
        (4, 4, 28, 5),  # goal line
    ]
    return [
        (padding + round(x0 * s), padding + round(y0 * s), padding + round(x1 * s), padding + round(y1 * s))
        for x0, y0, x1, y1 in boxes
    ]


def color_icon() -> bytes:
    """192x192 full-colour icon: white chart on the accent colour, padded for Teams' cropping."""
    size = 192
    pixels = _canvas(size, ACCENT)
    _fill(pixels, _chart(size, padding=32), WHITE)
    return png_bytes(size, size, pixels)


def outline_icon() -> bytes:
    """32x32 outline icon: white chart on a transparent background."""
    size = 32
    pixels = _canvas(size, TRANSPARENT)
    _fill(pixels, _chart(size), WHITE)
    return png_bytes(size, size, pixels)


def write_icons(directory: Path = HERE) -> list[Path]:
    """Writes ``color.png`` and ``outline.png`` into ``directory``."""
    paths = [directory / "color.png", directory / "outline.png"]
    paths[0].write_bytes(color_icon())
    paths[1].write_bytes(outline_icon())
    return paths


if __name__ == "__main__":
    for path in write_icons():
        print(f"wrote {path}")
