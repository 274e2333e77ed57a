"""The layout's rules (DESIGN.md §4, issue 19), checked over the source: who may import whom,
no import cycles, no option read from the environment, and the size of modules and functions."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("pipeline", "extractors")
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _sources() -> dict[str, Path]:
    return {_module_name(path): path for package in PACKAGES
            for path in sorted((ROOT / package).rglob("*.py"))}


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST, module: str, known: set[str]) -> set[str]:
    """The modules of ours that `module` imports anywhere (in functions too), except under
    `if TYPE_CHECKING:` (annotations only, never run)."""
    found: set[str] = set()
    package = module if f"{module}.__init__" in known else module.rpartition(".")[0]

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package.split(".")[:len(package.split(".")) - node.level + 1],
                                 *([base] if base else [])])
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return {name for name in found if name in known}


@pytest.fixture(scope="module")
def graph() -> nx.DiGraph:
    sources = _sources()
    known = set(sources) | {f"{name}.__init__" for name, path in sources.items()
                            if path.name == "__init__.py"}
    graph = nx.DiGraph()
    for name, path in sources.items():
        graph.add_node(name)
        for target in _imports(ast.parse(path.read_text(encoding="utf-8")), name, known):
            if target != name:
                graph.add_edge(name, target)
    return graph


def _face(module: str) -> bool:
    """The command line: cli.py, the modules of commands it registers, and the console script's
    first code."""
    return module in ("pipeline.cli", "pipeline.entry") or module.startswith("pipeline.cli_")


def _in(module: str, *packages: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def _violations(graph: nx.DiGraph, sources: tuple[str, ...], forbidden: tuple[str, ...]
                ) -> list[str]:
    return sorted(f"{a} imports {b}" for a, b in graph.edges
                  if _in(a, *sources) and _in(b, *forbidden))


def test_the_layout_has_its_rooms(graph) -> None:
    for room in ("pipeline.stages", "pipeline.text", "pipeline.run", "pipeline.userfiles",
                 "pipeline.views", "pipeline.cli", "pipeline.tables", "pipeline.errors"):
        assert room in graph, room
    flat = sorted(n for n in graph if n.count(".") == 1 and n.startswith("pipeline.")
                  and not _face(n) and n not in ("pipeline.tables",
                                "pipeline.errors", "pipeline.stages", "pipeline.text",
                                "pipeline.run", "pipeline.userfiles", "pipeline.views"))
    assert flat == []  # every other module lives in a room


def test_stages_and_text_never_import_io_views_or_the_cli(graph) -> None:
    assert _violations(graph, ("pipeline.stages", "pipeline.text"), (
        "pipeline.run", "pipeline.userfiles", "pipeline.views")) == []
    assert sorted(f"{a} imports {b}" for a, b in graph.edges
                  if _in(a, "pipeline.stages", "pipeline.text") and _face(b)) == []


def test_text_imports_no_stage(graph) -> None:
    assert _violations(graph, ("pipeline.text",), ("pipeline.stages",)) == []


def test_extractors_import_only_text_tables_and_errors(graph) -> None:
    allowed = ("extractors", "pipeline.text", "pipeline.tables", "pipeline.errors")
    bad = sorted(f"{a} imports {b}" for a, b in graph.edges
                 if _in(a, "extractors") and not _in(b, *allowed) and b != "pipeline")
    assert bad == []


def test_nothing_but_the_face_imports_the_cli(graph) -> None:
    assert sorted(f"{a} imports {b}" for a, b in graph.edges if _face(b) and not _face(a)) == []


def test_no_import_cycles(graph) -> None:
    # A package imports its own modules from its __init__; that is no cycle of modules.
    modules = graph.copy()
    modules.remove_edges_from([(a, b) for a, b in graph.edges if b.startswith(a + ".")
                               or a.startswith(b + ".")])
    assert sorted(sorted(cycle) for cycle in nx.simple_cycles(modules)) == []


def test_the_checker_sees_a_forbidden_import(tmp_path) -> None:
    """The rules above find what they look for: a lazy import inside a function counts, an
    annotation-only import does not."""
    tree = ast.parse("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                     "    from pipeline.run import runner\n"
                     "def f():\n    from pipeline.userfiles.weights import load_weights\n")
    known = {"pipeline.run.runner", "pipeline.userfiles.weights", "pipeline.run",
             "pipeline.userfiles"}
    assert _imports(tree, "pipeline.stages.rank", known) == {"pipeline.userfiles.weights"}


# The notebooks find the data folder through MENTOR_MINER_DATA: a notebook's setting, no option
# of a run.
_NAMED_VARIABLES_ALLOWED = {"pipeline.views.explore"}
# Tesseract's thread limit is set for the child it starts (nothing is read from it).
_ENVIRONMENT_ALLOWED = {"extractors.ocr"}


def test_no_option_travels_in_the_environment() -> None:
    """No module names a MENTOR_MINER_ variable, and stages, text and readers do not look at
    the environment at all: options are arguments (Dask tasks carry them)."""
    found = []
    for name, path in _sources().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and node.value.startswith("MENTOR_MINER_") \
                    and name not in _NAMED_VARIABLES_ALLOWED:
                found.append(f"{name}: {node.value}")
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv") \
                    and _in(name, "pipeline.stages", "pipeline.text", "extractors") \
                    and name not in _ENVIRONMENT_ALLOWED:
                found.append(f"{name}: os.{node.attr}")
    assert found == []


def _function_lengths(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            doc = 0
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str):
                doc = body[0].end_lineno - body[0].lineno + 1
            yield node.name, node.end_lineno - node.lineno + 1 - doc


def test_no_module_over_500_lines_and_no_function_over_80() -> None:
    long_modules, long_functions = [], []
    for name, path in _sources().items():
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > MAX_MODULE_LINES:
            long_modules.append(f"{name}: {text.count(chr(10))} lines")
        long_functions += [f"{name}.{fn}: {n} lines"
                           for fn, n in _function_lengths(ast.parse(text))
                           if n > MAX_FUNCTION_LINES]
    assert (long_modules, long_functions) == ([], [])


def test_stages_are_listed_in_order_and_each_is_a_function_of_the_stages() -> None:
    from pipeline.stages import STAGES

    names = [stage.name for stage in STAGES]
    assert names == ["discover", "recognize", "resolve", "vendors", "graph", "rank",
                     "shortlist"]
    for stage in STAGES:
        function = stage.load()
        assert callable(function) and function.__module__.startswith("pipeline.stages."), stage
