"""The re-rendering service: redraw over HTTP (FastAPI on uvicorn) and the paste-and-preview page.

    python -m redraw serve [--host 127.0.0.1] [--port 8000] [--workers N]

The event loop only validates, hashes and answers from its caches; parsing and drawing run in a pool of
worker processes (redraw.service.pool) that can kill a task past its time limit. See app.py for the API.
"""
