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


def imported_names(module: str, path: Path, *, at_start_up: bool = False) -> Iterator[str]:
    """The dotted names `module` imports, absolute (`from a import b` yields a.b, which is the
    module a.b when b is one, else a name in module a); `at_start_up`: only those imported
    when the module is (see start_up_nodes)."""
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in start_up_nodes(tree.body) if at_start_up else ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                here = module.split(".") if is_package else module.split(".")[:-1]
                here = here[: len(here) - (node.level - 1)]
                base = ".".join([*here, *([node.module] if node.module else [])])
            yield from (f"{base}.{alias.name}" for alias in node.names)


def ours(name: str, known: Mapping[str, Path]) -> str | None:
    """The module of ours a dotted name resolves to (its longest known prefix), if any."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def import_graph() -> dict[str, set[str]]:
    """module -> the modules of ours it imports (a name resolves to its longest module)."""
    known = modules()

    graph: dict[str, set[str]] = {}
    for module, path in known.items():
        targets = {ours(name, known) for name in imported_names(module, path)}
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


def start_up_nodes(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements that run when a module is imported: top level, outside functions and
    `if TYPE_CHECKING:` blocks."""
    for node in body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.If | ast.Try):
            yield from start_up_nodes([*node.body, *node.orelse])
        yield node


@pytest.mark.parametrize("entry", ["bot.adapters.slack.app", "bot.adapters.discord.app"])
def test_a_bot_starts_without_importing_the_question_generator(entry: str) -> None:
    """The generator (jieba, numpy, markdown-it: about half a second of CPU) runs in the deck
    worker's process; importing it at start-up cost every bot replica that much CPU."""
    known = modules()

    seen: set[str] = set()
    todo = [entry]
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        parts = module.split(".")
        todo += [".".join(parts[:i]) for i in range(1, len(parts))]  # parent packages run too
        targets = {ours(n, known) for n in imported_names(module, known[module], at_start_up=True)}
        todo += [t for t in targets if t is not None and t not in seen]
    assert "questions.generate" not in seen
