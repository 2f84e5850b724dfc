"""What the service's worker processes run. Plain functions of bytes and strings, since they cross a
process boundary; a bad input raises RedrawError (picklable), anything else is a bug the app reports as 500.

They draw exactly as the CLI does (redraw.batch.process), so a figure from the service has the CLI's bytes.
"""
from __future__ import annotations

import signal
from typing import NamedTuple

from ..errors import RedrawError
from ..io import decode


class Parsed(NamedTuple):
    """A body's spec as canonical JSON, and how many warnings and doubts it holds (for the response headers,
    so that answering from the cache needs no second look at the spec)."""
    spec: str
    warnings: int
    doubts: int


def warm() -> None:
    """Each worker's initializer: matplotlib, the parser's rules and the house style load once per worker,
    not once per request. Ctrl-C is the server's business; a worker finishes or is killed."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from ..parse import (
        assemble,  # noqa: F401
        rules,  # noqa: F401
    )
    from ..render import figure  # noqa: F401
    from ..spec import ChartSpec  # noqa: F401


def ready() -> bool:
    """A task that does nothing: when it returns, a worker has run warm()."""
    return True


def parse_body(body: bytes, is_json: bool) -> Parsed:
    """A request body (a description, or a ChartSpec as JSON) -> the spec's canonical JSON (NAME.json)."""
    from ..parse import parse

    text, notes = decode(body)
    if is_json and not text.lstrip("\ufeff \t\r\n").startswith("{"):
        raise RedrawError("an application/json body must be a ChartSpec object; send a description as text/plain")
    spec = parse(text)
    if notes:
        spec = spec.model_copy(update={"warnings": notes + spec.warnings})
    return Parsed(spec.to_json(), len(spec.warnings), len(spec.doubts))


def render_spec(spec_json: str, fmt: str, size: str, dpi: float) -> bytes:
    """A spec's canonical JSON -> the figure's bytes in one format."""
    from ..render import figure_bytes, render
    from ..spec import ChartSpec

    fig = render(ChartSpec.model_validate_json(spec_json), size)
    data = figure_bytes(fig, fmt, dpi)
    fig.clear()
    return data
