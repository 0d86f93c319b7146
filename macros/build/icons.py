"""Rasterise the four-square logo (docs/assets/logo.svg) to the small palette PNG icons in
docs/assets/icons/, with no image library: python3 macros/build/icons.py docs/assets/icons
The manifest also offers the SVGs, which most browsers take; the PNGs are for those that do not."""
import struct, zlib, sys
RECTS = [(2, 2, "#0b6e69"), (25, 2, "#6a3d9a"), (2, 25, "#a84300"), (25, 25, "#2b6a2f")]
def rgb(h): return tuple(int(h[i:i + 2], 16) for i in (1, 3, 5))
def inside(x, y, rx0, ry0, w=21, r=4):
    if not (rx0 <= x < rx0 + w and ry0 <= y < ry0 + w): return False
    cx = min(max(x, rx0 + r), rx0 + w - r); cy = min(max(y, ry0 + r), ry0 + w - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
def render(size, scale, offset, bg):
    """bg None: transparent. scale/offset map 48-unit logo into 48-unit canvas."""
    LEVELS = 4; SS = 4
    palette, index, rows = [], {}, []
    def idx(c):
        if c not in index: index[c] = len(palette); palette.append(c)
        return index[c]
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            counts = {}
            for sy in range(SS):
                for sx in range(SS):
                    x = ((px + (sx + .5) / SS) * 48 / size - offset) / scale
                    y = ((py + (sy + .5) / SS) * 48 / size - offset) / scale
                    for rx0, ry0, col in RECTS:
                        if inside(x, y, rx0, ry0):
                            counts[col] = counts.get(col, 0) + 1; break
            if not counts: c = (bg, 0)
            else:
                col, n = max(counts.items(), key=lambda kv: kv[1])
                lvl = round(n / (SS * SS) * LEVELS)
                c = (col, lvl) if lvl else (bg, 0)
            row.append(idx(c))
        rows.append(bytes(row))
    plte, trns = b"", b""
    for col, lvl in palette:
        if col is None: plte += b"\0\0\0"; trns += b"\0"; continue
        f = rgb(col)
        if bg is None:
            plte += bytes(f); trns += bytes([round(255 * lvl / LEVELS)])
        else:
            b = rgb(bg); a = lvl / LEVELS
            plte += bytes(round(f[i] * a + b[i] * (1 - a)) for i in range(3)); trns += b"\xff"
    def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 3, 0, 0, 0))
    png += chunk(b"PLTE", plte)
    if bg is None: png += chunk(b"tRNS", trns)
    png += chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
    return png
out = sys.argv[1]
open(f"{out}/icon-192.png", "wb").write(render(192, 1, 0, None))
open(f"{out}/maskable-192.png", "wb").write(render(192, .5, 12, "#ffffff"))
open(f"{out}/apple-touch-icon.png", "wb").write(render(180, .8, 4.8, "#ffffff"))
