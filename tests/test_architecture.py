"""The house rules a reviewer would otherwise check by hand (issue 12, ../shared/STYLE.md).

- no import cycle among the project's modules, whether the import is at module level or inside a
  function (a function-level import only defers a cycle, it does not remove it);
- no module over 400 lines;
- no project file repeats 10 consecutive words of an evaluation record.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("geomap", "gazetteer")
MAX_LINES = 400


def project_modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the project's packages."""
    modules = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def _type_checking_only(node: ast.AST) -> bool:
    """``if TYPE_CHECKING:`` blocks never run, so their imports are no dependency."""
    return isinstance(node, ast.If) and (
        (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING")
        or (isinstance(node.test, ast.Attribute) and node.test.attr == "TYPE_CHECKING"))


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement anywhere in the module (functions included), except those that
    only type checkers see."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        if _type_checking_only(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def imported_modules(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The project modules ``name`` imports. ``from package import x`` names the submodule
    package.x when x is a module, else the package itself (x is one of its attributes)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in _imports(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
            continue
        base = node.module or ""
        if node.level:
            anchor = package.split(".")
            anchor = anchor[:len(anchor) - (node.level - 1)]
            base = ".".join([*anchor, *([base] if base else [])])
        for alias in node.names:
            submodule = f"{base}.{alias.name}"
            targets.add(submodule if submodule in modules else base)
    return {target for target in targets if target in modules and target != name}


def import_graph() -> dict[str, set[str]]:
    modules = project_modules()
    return {name: imported_modules(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (a path that comes back to its start) per strongly connected component of more
    than one module (Tarjan's algorithm, iterative: the graph has hundreds of modules)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            advanced = False
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = counter
                    counter += 1
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph[successor]))))
                    advanced = True
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(component)
    return [_cycle_in(component, graph) for component in components]


def _cycle_in(component: set[str], graph: dict[str, set[str]]) -> list[str]:
    """A shortest path from the component's first module back to itself (breadth first)."""
    start = min(component)
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for successor in sorted(graph[node] & component):
                if successor == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return [start, *reversed(path[:-1]), start] if node != start else [start,
                                                                                        start]
                if successor not in previous:
                    previous[successor] = node
                    following.append(successor)
        frontier = following
    return sorted(component)


def test_the_cycle_finder_finds_a_planted_cycle_and_nothing_else():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"d"}}
    assert cycles(graph) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_imports_resolve_to_submodules_packages_and_relative_names(tmp_path):
    modules = {"geomap": tmp_path / "__init__.py", "geomap.x": tmp_path / "x.py",
               "geomap.sub": tmp_path / "sub" / "__init__.py",
               "geomap.sub.y": tmp_path / "sub" / "y.py"}
    source = ("from typing import TYPE_CHECKING\n"
              "from . import x, Article\n"
              "from .sub import y\n"
              "if TYPE_CHECKING:\n    import geomap.sub\n"
              "def later():\n    import geomap.sub.y\n")
    (tmp_path / "sub").mkdir()
    path = tmp_path / "sub" / "z.py"
    path.write_text(source.replace("from . import", "from .. import"))
    assert imported_modules("geomap.sub.z", path, modules) == {"geomap", "geomap.x",
                                                                "geomap.sub.y"}


def test_no_import_cycle_among_the_project_modules():
    found = cycles(import_graph())
    assert not found, "import cycles (module -> module it imports):\n" + "\n".join(
        " -> ".join(cycle) for cycle in found)


def test_no_module_is_over_400_lines():
    long = {str(path.relative_to(ROOT)): lines for path in project_modules().values()
            if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines (split them by job): " + ", ".join(
        f"{path} ({lines})" for path, lines in sorted(long.items()))


def test_no_project_file_repeats_an_evaluation_record(shared_eval):
    """../shared/hooks/eval_overlap.py lists files repeating 10+ consecutive words of a record."""
    hook = shared_eval.parent / "hooks" / "eval_overlap.py"
    if not hook.is_file():
        pytest.skip(f"{hook} is absent")
    done = subprocess.run([sys.executable, str(hook), str(ROOT), str(shared_eval)],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    listed = [line.strip() for line in done.stdout.splitlines() if line.strip()]
    assert not listed, "files repeating 10+ consecutive words of an evaluation record:\n" + \
        "\n".join(listed)


#: Where a user's environment may be read: the CLI's edge, and the gazetteer package's default
#: path (called at the edge, by Pipeline.resolved, before any work is shipped). The map asset
#: cache is a download cache, not a setting of a run's results: reported, not yet passed in.
ENVIRONMENT_EDGES = {"geomap/cli/options.py", "gazetteer/paths.py", "geomap/render/assets.py"}


def _environment_uses(path: Path) -> tuple[list[int], list[int]]:
    """(lines writing the process environment, lines reading it) in one module."""
    writes, reads = [], []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Attribute) and node.attr in {"putenv", "unsetenv"}:
            writes.append(node.lineno)
        elif isinstance(node, ast.Attribute) and node.attr in {"environ", "getenv", "environb"}:
            reads.append(node.lineno)
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [
                node.target]
            if any(isinstance(target, ast.Subscript) and "environ" in ast.unparse(target.value)
                   for target in targets):
                writes.append(node.lineno)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                node.func.attr in {"update", "setdefault", "pop", "clear"} and \
                "environ" in ast.unparse(node.func.value):
            writes.append(node.lineno)
    return writes, sorted(set(reads) - set(writes))


def test_no_module_writes_the_environment_and_only_the_edges_read_it():
    writes, reads = [], []
    for path in project_modules().values():
        name = str(path.relative_to(ROOT))
        wrote, read = _environment_uses(path)
        writes += [f"{name}:{line}" for line in wrote]
        if name not in ENVIRONMENT_EDGES:
            reads += [f"{name}:{line}" for line in read]
    assert not writes, "settings travel in the Pipeline, never the environment: " + \
        ", ".join(writes)
    assert not reads, "only the edges read the environment (pass a setting in instead): " + \
        ", ".join(reads)
