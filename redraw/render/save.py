"""Byte-stable PNG/SVG/PDF bytes (no dates, no versions); writing them to disk is redraw.io's job."""
from __future__ import annotations

import io

from matplotlib.figure import Figure

from .style import house_style

FORMATS = ("png", "svg", "pdf")
# Dates and software versions would make every run's bytes differ.
METADATA: dict[str, dict[str, None]] = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "Creator": None, "Producer": None},
}


def figure_bytes(fig: Figure, fmt: str, dpi: float = 200) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    buf = io.BytesIO()
    with house_style():
        fig.savefig(buf, format=fmt, dpi=dpi, metadata=METADATA[fmt])
    return buf.getvalue()
