"""The dependency graph, read from the source: no import cycles, and every arrow points down the
pipeline (text -> parse -> spec -> render -> save; io, batch, cli and the API on top)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "redraw"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str) -> set[str]:
    """Every module `name` imports, at the top or inside a function (lazy imports count too)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:  # `from . import render` imports a module; `from . import x` a name
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base)
    return found


def _owner(module: str) -> str:
    """The node a module belongs to: the parser is one node (its insides are its own business)."""
    return "redraw.parse" if module.startswith("redraw.parse") else module


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name in MODULES:
        targets = {_owner(m) for m in _imports(name) if m in MODULES}
        graph.setdefault(_owner(name), set()).update(targets - {_owner(name)})
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt):], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycle():
    assert _cycle(_graph()) is None


def test_the_cycle_check_can_fail():
    graph = _graph()
    graph["redraw.spec"] = graph["redraw.spec"] | {"redraw.render.figure"}
    assert _cycle(graph) is not None


# what each layer may import from redraw; anything else is an arrow pointing up the pipeline
ALLOWED = {
    "redraw._version": set(),
    "redraw.errors": set(),
    "redraw.limits": set(),
    "redraw.colour_families": set(),
    "redraw.colors": {"redraw.colour_families"},
    "redraw.spec": {"redraw.colors", "redraw.limits"},
    "redraw.io": {"redraw.errors", "redraw.limits"},
    "redraw.alt": {"redraw.spec"},   # for type hints only: it reads the ChartSpec it is given
    "redraw.parse": {"redraw.errors", "redraw.limits", "redraw.spec", "redraw.colors", "redraw.colour_families",
                     "redraw.alt"},
    "redraw.render": {"redraw.errors", "redraw.spec", "redraw.render.figure", "redraw.render.save"},
    "redraw.render.style": {"redraw.colors"},
    "redraw.render.placer": set(),
    "redraw.render.audit": set(),
    "redraw.render.save": {"redraw.render.style"},
    "redraw.render.base": {"redraw.spec"},
    "redraw.render.axes": {"redraw.spec", "redraw.render.base", "redraw.render.style"},
    "redraw.render.lines": {"redraw.spec", "redraw.colors", "redraw.render.base", "redraw.render.placer",
                             "redraw.render.style"},
    "redraw.render.legend": {"redraw.spec", "redraw.colors", "redraw.render.base", "redraw.render.placer",
                             "redraw.render.style"},
    "redraw.render.labels": {"redraw.spec", "redraw.render.base", "redraw.render.placer", "redraw.render.style"},
    "redraw.render.figure": {"redraw.spec", "redraw.alt", "redraw.render.palette", "redraw.render.base",
                             "redraw.render.style", "redraw.render.axes",
                             "redraw.render.lines", "redraw.render.legend", "redraw.render.labels"},
    "redraw.incremental": {"redraw._version", "redraw.errors", "redraw.io"},
    # the service sits on top of the pipeline beside the CLI: it parses and renders, never through the batch
    "redraw.service.jobs": {"redraw.errors", "redraw.io", "redraw.parse", "redraw.render", "redraw.render.figure",
                            "redraw.spec"},
    "redraw.service.pool": {"redraw.service.jobs"},
    "redraw.service.cache": set(),
    "redraw.render.palette": {"redraw.colors", "redraw.spec", "redraw.render.style"},
    "redraw.gallery": {"redraw.io"},
    "redraw.notebook": {"redraw.parse", "redraw.render", "redraw.spec"},
    "redraw.service.app": {"redraw._version", "redraw.errors", "redraw.limits", "redraw.render", "redraw.spec",
                           "redraw.service.jobs", "redraw.service.cache", "redraw.service.pool"},
    "redraw.service.server": {"redraw.service.app"},
    "redraw.cluster": {"redraw.batch", "redraw.errors"},
}


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_arrows_point_down_the_pipeline(layer):
    assert _graph()[layer] <= ALLOWED[layer], f"{layer} imports {sorted(_graph()[layer] - ALLOWED[layer])}"


def test_nothing_imports_the_batch_or_cli_but_the_layers_on_top():
    users = {n for n, targets in _graph().items() if targets & {"redraw.batch", "redraw.cli"}}
    assert users <= {"redraw.cli", "redraw.__main__", "redraw.cluster"}   # (cluster: the Dask executor, beside batch's)


def test_only_the_renderer_imports_matplotlib():
    drawing = {n for n in MODULES if n.startswith("redraw.render")}
    users = {n for n in MODULES if any(m.split(".")[0] == "matplotlib" for m in _imports(n))}
    assert users - drawing == set()


def test_the_parser_imports_no_matplotlib():
    users = {n for n in MODULES if n.startswith("redraw.parse")
             and any(m.split(".")[0] == "matplotlib" for m in _imports(n))}
    assert users == set()


def test_no_import_cycle_inside_the_parser():
    inner = {n: {m for m in _imports(n) if m in MODULES and m.startswith("redraw.parse") and m != n}
             for n in MODULES if n.startswith("redraw.parse")}
    assert _cycle(inner) is None


def _top_level_names(tree: ast.Module) -> list[tuple[str, int]]:
    """Each name a module binds at its top level, by assignment, def or class, with its line."""
    found: list[tuple[str, int]] = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            found += [(t.id, node.lineno) for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            found.append((node.target.id, node.lineno))
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            found.append((node.name, node.lineno))
    return found


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_binds_a_name_twice(name):
    """A second `PATTERN_RE = ...` further down silently replaces the first for every function of the module
    (the parser's rules look their patterns up at call time): each top-level name is bound once."""
    seen: dict[str, int] = {}
    twice = []
    for bound, line in _top_level_names(ast.parse(MODULES[name].read_text(encoding="utf-8"))):
        if bound in seen:
            twice.append(f"{bound} (lines {seen[bound]} and {line})")
        seen.setdefault(bound, line)
    assert not twice, f"{name} binds these names twice: {', '.join(twice)}"
