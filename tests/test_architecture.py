"""The layering, checked on the import graph the code really has (every import statement, also
those inside functions and under TYPE_CHECKING): the core knows no platform and no SQL, adapters
reach storage only through services, `questions` knows nothing of the bot, and no module of
bot/, questions/ or migrations/ imports another that imports it back."""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "questions", "migrations")
PLATFORM_AND_SQL = ("discord", "slack_bolt", "slack_sdk", "sqlalchemy", "aiohttp", "alembic")
OUTER_LAYERS = ("bot.db", "bot.adapters", "bot.cli", "bot.runtime", "bot.service", "bot.workers")


def modules() -> dict[str, Path]:
    """Every module of the packages by dotted name (a package by its own name)."""
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def imported_names(module: str, path: Path) -> Iterator[str]:
    """The dotted names `module` imports, absolute (`from a import b` yields a.b, which is the
    module a.b when b is one, else a name in module a)."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                here = module.split(".") if is_package else module.split(".")[:-1]
                here = here[: len(here) - (node.level - 1)]
                base = ".".join([*here, *([node.module] if node.module else [])])
            yield from (f"{base}.{alias.name}" for alias in node.names)


def import_graph() -> dict[str, set[str]]:
    """module -> the modules of ours it imports (a name resolves to its longest module)."""
    known = modules()

    def ours(name: str) -> str | None:
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for module, path in known.items():
        targets = {ours(name) for name in imported_names(module, path)}
        graph[module] = {t for t in targets if t is not None and t != module}
    return graph


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop (Tarjan's strongly
    connected components of more than one module)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def under(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def test_the_cycle_finder_finds_a_loop_and_nothing_else() -> None:
    graph = {
        "a": {"b"},
        "b": {"c"},
        "c": {"a", "d"},  # a -> b -> c -> a, and a path out to d
        "d": {"e"},
        "e": set(),
        "x": {"x2"},
        "x2": {"x"},  # a direct pair
    }
    assert sorted(cycles(graph)) == [["a", "b", "c"], ["x", "x2"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_imports_inside_functions_and_relative_ones_count(tmp_path: Path) -> None:
    path = tmp_path / "mod.py"
    path.write_text(
        "from __future__ import annotations\n"
        "def f():\n    from bot.cli import _common\n"
        "from . import sibling\n"
    )
    names = set(imported_names("bot.db.mod", path))
    assert {"bot.cli._common", "bot.db.sibling"} <= names


def test_no_module_imports_another_that_imports_it_back() -> None:
    assert cycles(import_graph()) == []


@pytest.mark.parametrize("package", ["bot.core"])
def test_the_core_imports_no_platform_no_sql_and_no_outer_layer(package: str) -> None:
    graph = import_graph()
    offenders = {}
    for module, path in modules().items():
        if not under(module, (package,)):
            continue
        names = set(imported_names(module, path))
        bad = sorted(n for n in names if under(n, PLATFORM_AND_SQL))
        bad += sorted(t for t in graph[module] if under(t, OUTER_LAYERS))
        if bad:
            offenders[module] = bad
    assert offenders == {}


def test_questions_knows_nothing_of_the_bot() -> None:
    offenders = {
        module: sorted(t for t in targets if under(t, ("bot",)))
        for module, targets in import_graph().items()
        if under(module, ("questions",)) and any(under(t, ("bot",)) for t in targets)
    }
    assert offenders == {}


def test_adapters_never_open_a_unit_of_work_nor_import_the_database_layer() -> None:
    offenders: dict[str, list[str]] = {}
    graph = import_graph()
    for module, path in modules().items():
        if not under(module, ("bot.adapters",)):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [
            f"line {node.lineno}: .unit()"
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "unit"
        ]
        imports = [f"imports {t}" for t in sorted(graph[module]) if under(t, ("bot.db",))]
        if calls or imports:
            offenders[module] = calls + imports
    assert offenders == {}
