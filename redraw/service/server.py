"""`python -m redraw serve`: the service on uvicorn, listening on 127.0.0.1 unless told otherwise."""
from __future__ import annotations

import argparse
import sys


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="redraw serve", description="Serve redraw over HTTP, with a preview page at /.")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument("--workers", type=int, default=2, metavar="N", help="processes that parse and draw (default: 2)")
    p.add_argument("--timeout", type=float, default=10.0, metavar="S",
                   help="seconds a parse or a render may take before it is stopped (default: 10)")
    return p


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    if args.workers < 1 or not 0 < args.port < 65536 or not args.timeout > 0:
        print("redraw: error: --workers must be at least 1, --port within 1-65535, --timeout above 0",
              file=sys.stderr)
        return 2
    try:
        import uvicorn

        from .app import Settings, create_app
    except ImportError as err:
        print(f"redraw: error: the service needs its extra packages ({err.name} is missing): "
              "pip install 'redraw[serve]'", file=sys.stderr)
        return 2
    app = create_app(Settings(workers=args.workers, timeout=args.timeout))
    uvicorn.run(app, host=args.host, port=args.port, log_level="info", timeout_graceful_shutdown=5)
    return 0
