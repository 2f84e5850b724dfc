"""parse(text, source) -> ChartSpec: description text (or a ChartSpec JSON) to the spec."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..errors import RedrawError
from ..limits import MAX_TEXT_BYTES, too_long

if TYPE_CHECKING:
    from pydantic import ValidationError

    from ..spec import ChartSpec

__all__ = ["MAX_TEXT_BYTES", "parse", "read", "spec_from_json"]
# The rules, pydantic and matplotlib's colour tables load on the first parse, not on import:
# `python -m redraw --help` must stay instant.


def parse(text: str, source: str | None = None) -> ChartSpec:
    """Read a chart description (markdown, plain text, or ChartSpec JSON) into the ChartSpec of its figure:
    what the text states, and the house look where it is silent (every colour and marker filled in).

    >>> spec = parse("Scatter plot. X-axis: Params (B). Y-axis: Score.\\n\\n- Phi-2: (2.7, 55.5)")
    >>> spec.points[0].label, spec.points[0].x, spec.points[0].color, spec.points[0].marker
    ('Phi-2', 2.7, '#1f77b4', 'o')
    """
    from pydantic import ValidationError

    from ..alt import alt_text

    try:
        spec = read(text, source).fill_open()
    except ValidationError as err:   # what the text states breaks a bound of the spec (too many ticks, lines)
        raise RedrawError(f"the description states more than a chart may hold: {_problems(err)}", source) from None
    spec.alt_text = alt_text(spec)   # derived: written anew, so an edited spec never keeps stale words
    return spec


def read(text: str, source: str | None = None) -> ChartSpec:
    """What a description states, nothing filled in: a colour or marker the text does not give is None."""
    if not isinstance(text, str):
        raise TypeError(f"parse(text): text must be a str, not {type(text).__name__}")
    if source is not None and not isinstance(source, str):
        raise TypeError(f"parse(source): source must be a str (the file's name) or None, not {type(source).__name__}")
    if len(text) > MAX_TEXT_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_TEXT_BYTES:
        raise RedrawError(too_long(len(text.encode("utf-8", "surrogatepass"))), source)
    if not text.strip():
        raise RedrawError("the file is empty", source)
    wrapper = None
    if text.lstrip("\ufeff \t\r\n").startswith("{"):
        wrapper = _wrapped_description(text)
        if wrapper is None:
            return spec_from_json(text, source)
        text = wrapper[1]
    from .assemble import assemble
    from .document import parse_document
    from .rules import RULES
    from .state import ParseState

    try:
        state = ParseState(parse_document(text), source)
    except RedrawError as err:
        raise err.with_path(source) if source else err from None
    if wrapper is not None:
        state.warn(f"the file is a JSON record, not a ChartSpec: the description in its {wrapper[0]!r} field is read")
    for note in state.doc.notes:
        state.warn(note)
    from .values import overflowing

    for line, number in overflowing(state.doc.text):
        state.warn(f"{number} is past the largest number a figure can hold (about 1.8e308); it is not read", line)
    for name, rule in RULES:
        try:
            rule(state)
        except RedrawError:
            raise
        except Exception as err:  # a rule bug must still name the file, never crash the batch
            raise RedrawError(f"internal error in parse rule {name!r}: {type(err).__name__}: {err}",
                              source) from err
    return assemble(state)


# the fields a JSON record (a dataset's row, an API's answer) keeps a description in
TEXT_KEYS = ("text", "description", "content", "caption", "answer", "response", "output", "completion", "alt_text")


def _wrapped_description(text: str) -> tuple[str, str] | None:
    """A JSON record holding a description in one of its fields ({"id": ..., "text": "## Scatter Plot: ..."}),
    not a ChartSpec (it has no "points"): the field's name and the description. None for anything else, which
    is read as a ChartSpec."""
    try:
        data = json.loads(text.lstrip("\ufeff"))
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or "points" in data:
        return None
    return next(((k, v) for k in TEXT_KEYS for key, v in data.items()
                 if key.lower() == k and isinstance(v, str) and len(v) >= 200), None)


def _problems(err: ValidationError) -> str:
    """pydantic's complaint as field paths and messages, five at most."""
    problems = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or '(top)'}: {e['msg']}" for e in err.errors()[:5])
    return problems + (f" (+{err.error_count() - 5} more)" if err.error_count() > 5 else "")


def spec_from_json(text: str, source: str | None = None) -> ChartSpec:
    """A ChartSpec from its JSON text, with pydantic's complaint shortened to field paths."""
    from pydantic import ValidationError

    from ..spec import ChartSpec, unlabelled_note

    text = text.lstrip("\ufeff")
    try:
        json.loads(text)  # for the line of a syntax error, which pydantic does not give
    except json.JSONDecodeError as err:
        raise RedrawError(f"invalid JSON: {err.msg}", source, err.lineno) from None
    except RecursionError:
        raise RedrawError("invalid ChartSpec: its JSON is nested thousands deep (a spec nests four)", source) from None
    try:  # strict: JSON types as the schema says ("highlight": 0 is no boolean); arrays are tuples in JSON mode
        spec = ChartSpec.model_validate_json(text, strict=True)
    except ValidationError as err:
        raise RedrawError(f"not a valid ChartSpec: {_problems(err)}", source) from None
    if not spec.points:
        raise RedrawError("the spec has no points; a scatter plot needs at least one", source)
    if (note := unlabelled_note(spec.points)) and note not in spec.warnings:   # never a silent loss of labels
        spec.warnings.append(note)
    return spec
