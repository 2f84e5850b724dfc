"""The HTTP service, in-process (httpx over the ASGI transport) with a real worker pool: every endpoint,
status and header the API promises, byte equality with the CLI, caching, and the failure paths (a hung
render is killed, a dead worker is replaced, too many requests are turned away)."""
from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the service's extra is not installed: pip install -e '.[serve,test]'")
import httpx

from redraw.cli import main as cli
from redraw.limits import MAX_TEXT_BYTES
from redraw.service.app import Settings, create_app, figure_hash
from redraw.service.pool import Pool
from redraw.spec import ChartSpec
from tests import service_hooks
from tests.conftest import EXAMPLES

BAR = "Bar chart of revenue by quarter.\n\nQ1: 10\nQ2: 12\nQ3: 9\n"
SMALL = "Scatter plot. X-axis: Params (B). Y-axis: Score.\n\n- **Phi-2:** (2.7, 55.5)\n- **Ours:** (7, 71), red star\n"
TEXT = {"Content-Type": "text/plain; charset=utf-8"}


def started(settings: Settings) -> Any:
    """An app whose pool runs for the whole module (the ASGI transport does not run the lifespan)."""
    app = create_app(settings)
    service = app.state.service
    service.pool = Pool(settings.workers, settings.timeout, settings.tasks_per_worker)
    asyncio.run(service.pool.warm_up())
    return app


@pytest.fixture(scope="module")
def app() -> Iterator[Any]:
    app = started(Settings(workers=2, figure_cache_bytes=2 * 2**20))
    yield app
    app.state.service.pool.close()


@pytest.fixture(scope="module")
def hanging() -> Iterator[Any]:
    """Every render hangs: one worker, a 1 s limit, at most 2 requests in flight."""
    app = started(Settings(workers=1, timeout=1.0, in_flight_per_worker=2, render=service_hooks.hang))
    yield app
    app.state.service.pool.close()


async def _send(app: Any, requests: list[tuple[str, str, dict[str, Any]]]) -> list[httpx.Response]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test", timeout=60) as client:
        return await asyncio.gather(*(client.request(m, url, **kw) for m, url, kw in requests))


def send(app: Any, method: str, url: str, **kw: Any) -> httpx.Response:
    return asyncio.run(_send(app, [(method, url, kw)]))[0]


def render(app: Any, text: str | bytes, query: str = "", **kw: Any) -> httpx.Response:
    headers = {**TEXT, **kw.pop("headers", {})}
    return send(app, "POST", f"/v1/render{query}", content=text, headers=headers, **kw)


def problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


def cli_outputs(tmp_path: Path, source: Path, *options: str) -> Path:
    code = cli([str(source), str(tmp_path), "-j", "1", "-q", *options])
    assert code == 0
    return tmp_path


@pytest.mark.parametrize(("example", "fmt", "size", "dpi"), [
    (EXAMPLES[0], "png", "page", "200"), (EXAMPLES[5], "svg", "column", "200"),
    (EXAMPLES[7], "pdf", "slide", "200"), (EXAMPLES[2], "png", "column", "150")])
def test_render_gives_the_cli_bytes(app, tmp_path, example, fmt, size, dpi):
    response = render(app, example.read_bytes(), f"?format={fmt}&size={size}&dpi={dpi}")
    assert response.status_code == 200, response.text
    out = cli_outputs(tmp_path, example, "--format", fmt, "--size", size, "--dpi", dpi)
    assert response.content == (out / f"{example.stem}.{fmt}").read_bytes()
    assert response.headers["content-type"] == {"png": "image/png", "svg": "image/svg+xml",
                                                "pdf": "application/pdf"}[fmt]


def test_a_spec_body_gives_the_same_figure_as_its_description(app, tmp_path):
    example = EXAMPLES[1]
    spec_json = (cli_outputs(tmp_path, example) / f"{example.stem}.json").read_text()
    from_text = render(app, example.read_bytes())
    from_spec = render(app, spec_json, headers={"Content-Type": "application/json"})
    assert from_spec.status_code == 200
    assert from_spec.content == from_text.content
    assert from_spec.headers["etag"] == from_text.headers["etag"]


def test_render_headers(app):
    response = render(app, EXAMPLES[0].read_bytes(), "?format=svg")
    etag = response.headers["etag"]
    assert etag.startswith('"') and etag.endswith('"') and len(etag) == 34 and not etag.startswith("W/")
    spec = ChartSpec.model_validate_json(send(app, "POST", "/v1/parse", content=EXAMPLES[0].read_bytes(),
                                              headers=TEXT).text)
    assert etag == f'"{figure_hash(spec.to_json(), "svg", "page", 200)}"'
    assert response.headers["content-location"] == f"/v1/figures/{etag.strip(chr(34))}.svg"
    assert response.headers["cache-control"] == "no-cache"
    assert int(response.headers["x-redraw-warnings"]) == len(spec.warnings) > 0
    assert int(response.headers["x-redraw-doubts"]) == len(spec.doubts)


def test_the_etag_changes_with_every_option(app):
    tags = {render(app, SMALL, q).headers["etag"] for q in ("", "?format=svg", "?size=column", "?dpi=100")}
    assert len(tags) == 4


@pytest.mark.parametrize("form", ["{tag}", "W/{tag}", '"other", {tag}', "*"])
def test_if_none_match_gives_304_without_drawing(app, hanging, form):
    tag = render(app, SMALL, "?dpi=120").headers["etag"]
    # the hanging app cannot draw at all: a 304 from it proves nothing was drawn
    response = render(hanging, SMALL, "?dpi=120", headers={"If-None-Match": form.format(tag=tag)})
    assert response.status_code == 304
    assert response.content == b""
    assert response.headers["etag"] == tag


def test_a_stale_etag_gets_the_figure(app):
    response = render(app, SMALL, headers={"If-None-Match": '"0123456789abcdef0123456789abcdef"'})
    assert response.status_code == 200 and response.content.startswith(b"\x89PNG")


def test_figures_are_served_by_their_content_address(app):
    drawn = render(app, SMALL, "?format=pdf")
    got = send(app, "GET", drawn.headers["content-location"])
    assert got.status_code == 200
    assert got.content == drawn.content
    assert got.headers["content-type"] == "application/pdf"
    assert got.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert got.headers["etag"] == drawn.headers["etag"]
    again = send(app, "GET", drawn.headers["content-location"], headers={"If-None-Match": drawn.headers["etag"]})
    assert again.status_code == 304


def test_evicted_figures_are_404():
    app = started(Settings(workers=1, figure_cache_bytes=150_000))
    try:
        first = render(app, EXAMPLES[0].read_bytes())     # ~100 KB
        render(app, EXAMPLES[1].read_bytes())              # pushes the first out
        body = problem(send(app, "GET", first.headers["content-location"]), 404)
        assert "/v1/render" in body["detail"]
        assert send(app, "GET", "/v1/figures/../../etc/passwd").status_code == 404
        problem(send(app, "GET", "/v1/figures/nothing.png"), 404)
    finally:
        app.state.service.pool.close()


def test_parse_gives_the_cli_json(app, tmp_path):
    example = EXAMPLES[4]
    response = send(app, "POST", "/v1/parse", content=example.read_bytes(), headers=TEXT)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.text == (cli_outputs(tmp_path, example) / f"{example.stem}.json").read_text()


def test_a_body_not_in_utf8_is_read_as_cp1252_with_a_warning(app):
    spec = send(app, "POST", "/v1/parse", content=SMALL.replace("Phi-2", "Caf\xe9").encode("cp1252"),
                headers=TEXT).json()
    assert spec["points"][0]["label"] == "Caf\xe9"
    assert any("not UTF-8" in w for w in spec["warnings"])


def test_schema_and_openapi(app):
    assert send(app, "GET", "/v1/schema").json() == ChartSpec.model_json_schema()
    openapi = send(app, "GET", "/openapi.json").json()
    assert {"/v1/render", "/v1/figures/{name}", "/v1/parse", "/v1/schema", "/healthz", "/readyz"} <= \
        set(openapi["paths"])
    assert "ChartSpec" in openapi["components"]["schemas"]


def test_health_and_readiness(app):
    assert send(app, "GET", "/healthz").json() == {"status": "ok"}
    assert send(app, "GET", "/readyz").json() == {"status": "ready"}


def test_lifespan_starts_and_stops_the_pool():
    app = create_app(Settings(workers=1))

    async def go() -> tuple[int, int, int]:
        before = (await _send(app, [("GET", "/readyz", {})]))[0].status_code
        async with app.router.lifespan_context(app):
            during = (await _send(app, [("GET", "/readyz", {})]))[0].status_code
            drawn = (await _send(app, [("POST", "/v1/render", {"content": SMALL, "headers": TEXT})]))[0]
        return before, during, drawn.status_code

    assert asyncio.run(go()) == (503, 200, 200)


def test_preview_page_is_served(app):
    page = send(app, "GET", "/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<script src="/static/app.js">' in page.text
    for asset, kind in (("/static/app.js", "javascript"), ("/static/style.css", "text/css")):
        got = send(app, "GET", asset)
        assert got.status_code == 200 and kind in got.headers["content-type"]


def test_not_a_scatter_plot_is_422_with_the_cli_message(app, tmp_path, capsys):
    body = problem(render(app, BAR), 422)
    source = tmp_path / "bar.md"
    source.write_text(BAR)
    assert cli([str(source), str(tmp_path / "out"), "-q"]) == 1
    assert body["detail"] in capsys.readouterr().err
    assert body["line"] == 1


@pytest.mark.parametrize("spec", [{"points": []}, {"points": [{"label": "a", "x": 1, "y": "high"}]},
                                  {"points": [{"label": "a", "x": 1, "y": 2}], "colour": "red"}])
def test_invalid_specs_are_422(app, spec):
    body = problem(render(app, json.dumps(spec), headers={"Content-Type": "application/json"}), 422)
    assert "point" in body["detail"] or "colour" in body["detail"]


def test_json_that_is_not_a_spec_object_is_422(app):
    problem(render(app, "[1, 2]", headers={"Content-Type": "application/json"}), 422)


@pytest.mark.parametrize("query", ["?dpi=601", "?dpi=0", "?dpi=19", "?dpi=5e-324", "?dpi=-5", "?dpi=nan",
                                   "?dpi=inf", "?format=gif", "?size=poster", "?dpi=abc"])
def test_bad_options_are_400(app, query):
    body = problem(render(app, SMALL, query), 400)
    assert query.split("=")[0].lstrip("?") in body["detail"]


def test_dpi_600_is_allowed(app):
    assert render(app, SMALL, "?dpi=600&format=svg").status_code == 200


def test_bodies_over_128_kb_are_413(app):
    problem(render(app, b"a" * (MAX_TEXT_BYTES + 1)), 413)

    async def chunks() -> Any:  # no Content-Length: the limit holds while streaming too
        for _ in range(MAX_TEXT_BYTES // 1024 + 2):
            yield b"a" * 1024

    problem(render(app, chunks()), 413)
    assert render(app, SMALL.encode() + b" " * (MAX_TEXT_BYTES - len(SMALL))).status_code == 200


def test_binary_bodies_are_refused(app):
    problem(render(app, b"\x89PNG\x00\x00"), 422)
    problem(render(app, b"x", headers={"Content-Type": "image/png"}), 415)


def test_a_hung_render_is_killed_with_504_and_the_pool_goes_on(hanging):
    body = problem(render(hanging, SMALL), 504)
    assert "1 s" in body["detail"]
    # the same (single-worker) pool still parses
    assert send(hanging, "POST", "/v1/parse", content=SMALL, headers=TEXT).status_code == 200


def test_too_many_in_flight_is_503_with_retry_after(hanging):
    texts = [SMALL.replace("Phi-2", f"M{i}") for i in range(3)]   # distinct: nothing is cached
    requests = [("POST", "/v1/render", {"content": t, "headers": TEXT}) for t in texts]

    async def staggered() -> list[httpx.Response]:
        first = asyncio.ensure_future(_send(hanging, requests[:2]))
        await asyncio.sleep(0.3)
        third = await _send(hanging, requests[2:])
        return [*(await first), *third]

    responses = asyncio.run(staggered())
    assert [r.status_code for r in responses] == [504, 504, 503]
    assert responses[2].headers["retry-after"] == "1"
    assert hanging.state.service.in_flight == 0


def test_a_dead_worker_is_replaced():
    app = started(Settings(workers=1, render=service_hooks.die))
    try:
        body = problem(render(app, SMALL), 500)
        assert "replaced" in body["detail"]
        assert send(app, "POST", "/v1/parse", content=SMALL, headers=TEXT).status_code == 200
    finally:
        app.state.service.pool.close()


def test_unknown_paths_and_methods_are_problems(app):
    problem(send(app, "GET", "/v2/render"), 404)
    problem(send(app, "GET", "/v1/render"), 405)


def test_a_repeated_request_is_answered_from_the_caches(app):
    first = render(app, SMALL, "?format=svg&dpi=90")
    service = app.state.service
    pool, service.pool = service.pool, None   # no pool: anything that needs a worker fails
    try:
        again = render(app, SMALL, "?format=svg&dpi=90")
    finally:
        service.pool = pool
    assert again.status_code == 200
    assert again.content == first.content
