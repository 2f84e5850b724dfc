"""Stand-ins for the worker's render task, for the service's failure tests (they run in worker processes,
so they live in a module the workers can import)."""
from __future__ import annotations

import os
import time


def hang(spec_json: str, fmt: str, size: str, dpi: float) -> bytes:
    time.sleep(3600)
    return b""


def die(spec_json: str, fmt: str, size: str, dpi: float) -> bytes:
    os._exit(3)
