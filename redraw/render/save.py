"""Byte-stable PNG/SVG/PDF bytes (no dates, no versions), each carrying the figure's name and alt text;
writing them to disk is redraw.io's job."""
from __future__ import annotations

import io
import struct
import zlib
from xml.sax.saxutils import escape

from matplotlib.figure import Figure

from .style import FIGURE_ALT, FIGURE_RC, house_style

FORMATS = ("png", "svg", "pdf")
# Dates and software versions would make every run's bytes differ.
METADATA: dict[str, dict[str, str | None]] = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "Creator": None, "Producer": None},
}


def figure_bytes(fig: Figure, fmt: str, dpi: float = 200) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    title, alt = FIGURE_ALT.get(fig, ("", ""))
    metadata = dict(METADATA[fmt])
    if fmt == "pdf" and alt:
        metadata.update(Title=title, Subject=alt)
    buf = io.BytesIO()
    with house_style(**FIGURE_RC.get(fig, {})):
        fig.savefig(buf, format=fmt, dpi=dpi, metadata=metadata)
    data = buf.getvalue()
    if alt and fmt == "png":
        data = png_with_text(data, "Description", alt)
    elif alt and fmt == "svg":
        data = svg_with_title(data, title, alt)
    return data


def png_with_text(png: bytes, keyword: str, text: str) -> bytes:
    """The PNG with an iTXt chunk (UTF-8, uncompressed) right after its header chunk."""
    body = keyword.encode("latin-1") + b"\0\0\0\0\0" + text.encode("utf-8")   # no compression, language
    chunk = struct.pack(">I", len(body)) + b"iTXt" + body + struct.pack(">I", zlib.crc32(b"iTXt" + body))
    end_of_header = 8 + 8 + 13 + 4   # signature, IHDR length and type, its 13 bytes, its CRC
    return png[:end_of_header] + chunk + png[end_of_header:]


def svg_with_title(svg: bytes, title: str, alt: str) -> bytes:
    """The SVG as an accessible image: role="img" on the root, and <title> and <desc> as its first children."""
    text = svg.decode("utf-8")
    start = text.index("<svg ")
    close = text.index(">", start)
    root = text[start:close] + ' role="img" aria-labelledby="redraw-title redraw-desc"'
    head = (f'\n <title id="redraw-title">{escape(title)}</title>\n'
            f' <desc id="redraw-desc">{escape(alt)}</desc>')
    return (text[:start] + root + text[close:close + 1] + head + text[close + 1:]).encode("utf-8")
