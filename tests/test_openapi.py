"""The service against its own OpenAPI schema (schemathesis): generated requests, valid and invalid, never get
a 5xx, and every response matches what the schema says (status codes, content types, headers, bodies).

One check is left out: `positive_data_acceptance` wants every schema-valid body drawn, but the schema cannot say
all a drawable spec needs (at least one point, colour names matplotlib knows, trend lines over two x values);
those bodies get a 422 that names the field, which the other checks hold to the schema."""
from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the service's extra is not installed: pip install -e '.[serve,test]'")
schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import positive_data_acceptance  # noqa: E402

from redraw.service.app import Settings, create_app  # noqa: E402
from redraw.service.pool import Pool  # noqa: E402

# a task stops after 5 s (a 504, which the schema states), well before the test client gives up waiting (10 s)
APP = create_app(Settings(workers=2, timeout=5))
# 413 is a right answer to invalid data too: a generated body past the size limit is refused before it is read
CONFIG = schemathesis.config.SchemathesisConfig.from_dict({"checks": {"negative_data_rejection": {
    "expected-statuses": [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 428, 429]}}})
SCHEMA = schemathesis.openapi.from_asgi("/openapi.json", APP, config=CONFIG)


@pytest.fixture(scope="module", autouse=True)
def pool() -> Iterator[None]:
    service = APP.state.service
    service.pool = Pool(2, 5, 200)
    asyncio.run(service.pool.warm_up())
    yield
    service.pool.close()


@SCHEMA.parametrize()
@settings(max_examples=30, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_no_server_error_and_responses_match_the_schema(case: Any) -> None:
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
