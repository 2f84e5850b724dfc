"""pytest-mpl image comparisons: every example and devset case, in each size preset.

Strict: matplotlib is pinned (with its bundled FreeType) and output is deterministic, so the RMS
tolerance is 0.2. Measured on 2026-12-01 over the examples at column and page size: shifting every
palette colour by 12 levels per channel gives RMS 0.34-1.06, and a highlighted star 15% smaller 2.8-13;
both fail here (tolerance 2 passed the palette shift)."""
from __future__ import annotations

import pytest

from redraw.parse import parse
from redraw.render import render
from tests.conftest import FIGURES

PARAMS = [pytest.param(path, size, id=f"{path.stem}-{size}") for path in FIGURES
          for size in ("column", "page", "slide")]


@pytest.mark.parametrize("path,size", PARAMS)
@pytest.mark.mpl_image_compare(savefig_kwargs={"dpi": 100, "metadata": {"Software": None}}, tolerance=0.2)
def test_figure(path, size):
    return render(parse(path.read_text(encoding="utf-8"), path.name), size)


# a venue preset (ICML's column: 3.25 in, 8/6 pt, STIX serif) and a palette (Okabe-Ito), on charts with
# groups, a highlighted star and lines
VENUE_PARAMS = [pytest.param(path, id=path.stem) for path in FIGURES if path.stem[:3] in ("001", "003", "e01")]


@pytest.mark.parametrize("path", VENUE_PARAMS)
@pytest.mark.mpl_image_compare(savefig_kwargs={"dpi": 100, "metadata": {"Software": None}}, tolerance=0.2)
def test_venue_figure(path):
    return render(parse(path.read_text(encoding="utf-8"), path.name), "column", venue="icml")


@pytest.mark.parametrize("path", VENUE_PARAMS)
@pytest.mark.mpl_image_compare(savefig_kwargs={"dpi": 100, "metadata": {"Software": None}}, tolerance=0.2)
def test_palette_figure(path):
    return render(parse(path.read_text(encoding="utf-8"), path.name), "page", palette="okabe-ito")
