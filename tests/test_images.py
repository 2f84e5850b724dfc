"""pytest-mpl image comparisons: every example and devset case, in each size preset."""
from __future__ import annotations

import pytest

from redraw.parse import parse
from redraw.render import render
from tests.conftest import FIGURES

PARAMS = [pytest.param(path, size, id=f"{path.stem}-{size}") for path in FIGURES
          for size in ("column", "page", "slide")]


@pytest.mark.parametrize("path,size", PARAMS)
@pytest.mark.mpl_image_compare(savefig_kwargs={"dpi": 100, "metadata": {"Software": None}}, tolerance=2)
def test_figure(path, size):
    return render(parse(path.read_text(encoding="utf-8"), path.name), size)
