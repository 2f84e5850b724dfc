"""The HTTP API and the preview page (FastAPI). create_app(Settings()) is the whole service.

- POST /v1/render?format=png|svg|pdf&size=column|page|slide&dpi=N: a description (text/plain) or a ChartSpec
  (application/json) -> the figure's bytes (the CLI's bytes for the same input and options), with a strong
  ETag (the hash of spec, options and redraw version), Content-Location /v1/figures/HASH.FORMAT and the
  spec's warning count; If-None-Match with that ETag -> 304 without drawing.
- GET /v1/figures/HASH.FORMAT: a recently drawn figure (bounded cache; 404 once evicted).
- POST /v1/parse: a description -> its ChartSpec JSON, warnings included.
- GET /v1/schema, /openapi.json, /healthz (process up), /readyz (workers warm), / (the preview page).

Every error is RFC 9457 application/problem+json: status, title, detail, and the description's line when
known. Bad query -> 400; body over the limit -> 413; not a scatter description, no points or an invalid spec
-> 422 with the CLI's message; more than in_flight_per_worker x workers requests at once -> 503 with
Retry-After; a task past its time limit is killed -> 504, and the pool goes on serving.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .._version import __version__
from ..errors import RedrawError
from ..limits import MAX_TEXT_BYTES
from ..render import MIN_DPI
from ..spec import ChartSpec
from . import jobs
from .cache import LRU
from .jobs import Parsed
from .pool import Pool, ProcessExpired

STATIC = Path(__file__).parent / "static"
MEDIA_TYPES = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
FIGURE_NAME_RE = re.compile(r"([0-9a-f]{32})\.(png|svg|pdf)")
PROBLEM = "application/problem+json"
REQUEST_MAX_DPI = 600   # the CLI allows render.MAX_DPI (2400); a service bounds what one request may cost
Dpi = Annotated[float, Query(ge=MIN_DPI, le=REQUEST_MAX_DPI, description="resolution of PNG output")]


@dataclass(frozen=True)
class Settings:
    workers: int = 2
    timeout: float = 10.0                  # seconds a parse or a render may take before it is killed
    max_body: int = MAX_TEXT_BYTES         # bytes: the limit of a description anywhere (redraw/limits.py)
    in_flight_per_worker: int = 4          # requests waiting for the pool, beyond which new ones get 503
    tasks_per_worker: int = 200            # a worker is replaced after this many tasks
    figure_cache_bytes: int = 128 * 2**20
    spec_cache_bytes: int = 16 * 2**20
    render: Callable[[str, str, str, float], bytes] = jobs.render_spec   # what a worker runs to draw


class Problem(Exception):
    """An error answer: RFC 9457 problem details."""

    def __init__(self, status: int, title: str, detail: str, line: int | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail, self.line = status, title, detail, line
        self.headers = headers or {}

    def response(self) -> JSONResponse:
        body: dict[str, Any] = {"type": "about:blank", "title": self.title, "status": self.status,
                                "detail": self.detail}
        if self.line is not None:
            body["line"] = self.line
        return JSONResponse(body, status_code=self.status, media_type=PROBLEM, headers=self.headers)


PROBLEM_SCHEMA = {
    "type": "object", "required": ["type", "title", "status", "detail"],
    "properties": {"type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
                   "detail": {"type": "string"}, "line": {"type": "integer"}},
}


def _problem(description: str) -> dict[str, Any]:
    return {"description": description, "content": {PROBLEM: {"schema": PROBLEM_SCHEMA}}}


BODY = {"requestBody": {"required": True, "content": {
    "text/plain": {"schema": {"type": "string"}, "example": "Scatter plot.\n\n- **Phi-2:** (2.7, 55.5)"},
    "application/json": {"schema": {"$ref": "#/components/schemas/ChartSpec"}}}}}
RENDER_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "the figure", "content": {t: {"schema": {"type": "string", "format": "binary"}}
                                                    for t in MEDIA_TYPES.values()}},
    304: {"description": "the figure named by If-None-Match is still current"},
    400: _problem("a query parameter is out of range"),
    413: _problem("the body is over the size limit"),
    415: _problem("the body is neither text nor JSON"),
    422: _problem("not a scatter description, no points, or an invalid ChartSpec"),
    503: _problem("too many requests in flight; retry after the Retry-After seconds"),
    504: _problem("parsing or drawing took longer than the time limit and was stopped"),
}
PARSE_RESPONSES = {k: v for k, v in RENDER_RESPONSES.items() if k not in (200, 304)}


class Service:
    """The state behind the endpoints: the pool, the caches and the count of requests in flight."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.pool: Pool | None = None
        self.figures: LRU[bytes] = LRU(settings.figure_cache_bytes)
        self.specs: LRU[Parsed] = LRU(settings.spec_cache_bytes)
        self.in_flight = 0

    @property
    def limit(self) -> int:
        return self.settings.in_flight_per_worker * self.settings.workers

    async def read_body(self, request: Request) -> bytes:
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.settings.max_body:
            raise Problem(413, "Body too large", f"the body is {int(declared)} bytes; the limit is "
                          f"{self.settings.max_body} (a chart description is a few KB)")
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > self.settings.max_body:
                raise Problem(413, "Body too large", f"the body is over the limit of {self.settings.max_body} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    async def parsed(self, request: Request) -> Parsed:
        """The request body's ChartSpec as canonical JSON: parsed in a worker, or remembered."""
        kind = request.headers.get("content-type", "text/plain").split(";")[0].strip().lower()
        if kind.split("/")[0] in ("multipart", "image", "audio", "video", "font", "model"):
            raise Problem(415, "Unsupported body", f"a body of type {kind!r} cannot be read; send a description "
                          "as text/plain or a ChartSpec as application/json")
        body = await self.read_body(request)
        # anything else is a description: `curl --data-binary @chart.md` sends form-urlencoded
        is_json = kind == "application/json" or kind.endswith("+json")
        key = hashlib.sha256(b"json\0" + body if is_json else b"text\0" + body).hexdigest()
        remembered = self.specs.get(key)
        if remembered is not None:
            return remembered
        parsed: Parsed = await self.in_pool(jobs.parse_body, body, is_json)
        self.specs.put(key, parsed, len(body) + len(parsed.spec))
        return parsed

    async def in_pool(self, function: Callable[..., Any], *args: Any) -> Any:
        """function(*args) in a worker, its failures as problems. The caller holds a slot (see `slot`)."""
        assert self.pool is not None
        try:
            return await self.pool.run(function, *args)
        except RedrawError as err:
            raise Problem(422, "Not a drawable scatter plot", err.message, err.line) from None
        except TimeoutError:
            raise Problem(504, "Took too long", f"stopped after {self.settings.timeout:g} s; the worker was "
                          "replaced") from None
        except ProcessExpired as err:
            raise Problem(500, "Worker died", f"the worker process ended ({err}); it has been replaced") from None

    def slot(self) -> _Slot:
        return _Slot(self)


class _Slot:
    """One request waiting on the pool; past the limit a request is turned away with 503 at once."""

    def __init__(self, service: Service) -> None:
        self.service = service

    def __enter__(self) -> None:
        if self.service.in_flight >= self.service.limit:
            raise Problem(503, "Busy", f"{self.service.in_flight} requests are in flight (the limit is "
                          f"{self.service.limit}); retry shortly", headers={"Retry-After": "1"})
        self.service.in_flight += 1

    def __exit__(self, *exc: object) -> None:
        self.service.in_flight -= 1


def figure_hash(spec_json: str, fmt: str, size: str, dpi: float) -> str:
    """The content address of a figure: what its bytes depend on."""
    key = f"redraw {__version__}\0format={fmt};size={size};dpi={dpi:g}\0{spec_json}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _matches(if_none_match: str | None, etag: str) -> bool:
    """RFC 9110 If-None-Match: '*' or any listed tag, compared weakly (W/ ignored)."""
    if not if_none_match:
        return False
    tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
    return "*" in tags or etag in tags


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    service = Service(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        service.pool = Pool(settings.workers, settings.timeout, settings.tasks_per_worker)
        try:
            await service.pool.warm_up()
            yield
        finally:
            service.pool.close()

    app = FastAPI(title="redraw", version=__version__, lifespan=lifespan,
                  description="Scatter-plot descriptions in, faithful figures out.")
    app.state.service = service
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(Problem)
    async def problem(request: Request, exc: Problem) -> JSONResponse:
        return exc.response()

    @app.exception_handler(RequestValidationError)
    async def bad_query(request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return Problem(400, "Bad request", detail).response()

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return Problem(exc.status_code, str(exc.detail), f"{request.method} {request.url.path}: {exc.detail}",
                       headers=dict(exc.headers or {})).response()

    @app.post("/v1/render", openapi_extra=BODY, responses=RENDER_RESPONSES, response_class=Response,
              summary="A description or a ChartSpec -> the figure")
    async def render(request: Request, format: Literal["png", "svg", "pdf"] = "png",
                     size: Literal["column", "page", "slide"] = "page", dpi: Dpi = 200) -> Response:
        with service.slot():
            parsed = await service.parsed(request)
            digest = figure_hash(parsed.spec, format, size, dpi)
            headers = {"ETag": f'"{digest}"', "Cache-Control": "no-cache",
                       "Content-Location": f"/v1/figures/{digest}.{format}",
                       "X-Redraw-Warnings": str(parsed.warnings), "X-Redraw-Doubts": str(parsed.doubts)}
            if _matches(request.headers.get("if-none-match"), headers["ETag"]):
                return Response(status_code=304, headers=headers)
            name = f"{digest}.{format}"
            data = service.figures.get(name)
            if data is None:
                data = await service.in_pool(settings.render, parsed.spec, format, size, dpi)
                service.figures.put(name, data, len(data))
        return Response(data, media_type=MEDIA_TYPES[format], headers=headers)

    @app.get("/v1/figures/{name}", responses={
        200: RENDER_RESPONSES[200], 304: RENDER_RESPONSES[304], 404: _problem("not drawn recently, or evicted")},
        response_class=Response, summary="A recently drawn figure, by its content address")
    async def figure(name: str, request: Request) -> Response:
        found = FIGURE_NAME_RE.fullmatch(name)
        data = service.figures.get(name) if found else None
        if found is None or data is None:
            raise Problem(404, "Not found", f"no figure {name!r} in the cache; POST the description to "
                          "/v1/render again")
        headers = {"ETag": f'"{found.group(1)}"', "Cache-Control": "public, max-age=31536000, immutable"}
        if _matches(request.headers.get("if-none-match"), headers["ETag"]):
            return Response(status_code=304, headers=headers)
        return Response(data, media_type=MEDIA_TYPES[found.group(2)], headers=headers)

    @app.post("/v1/parse", openapi_extra=BODY, responses=PARSE_RESPONSES, response_model=ChartSpec,
              summary="A description -> its ChartSpec, warnings included")
    async def parse(request: Request) -> Response:
        with service.slot():
            parsed = await service.parsed(request)
        return Response(parsed.spec, media_type="application/json")

    @app.get("/v1/schema", summary="The ChartSpec JSON Schema")
    async def schema() -> dict[str, Any]:
        return ChartSpec.model_json_schema()

    @app.get("/healthz", summary="The process is up")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", summary="The workers are warm", responses={503: _problem("the workers are starting")})
    async def readyz() -> dict[str, str]:
        if service.pool is None or not service.pool.ready:
            raise Problem(503, "Starting", "the workers are still loading", headers={"Retry-After": "1"})
        return {"status": "ready"}

    @app.get("/", include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    return app
