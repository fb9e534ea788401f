"""Static checks as part of the suite: lint, format, layering, types, sizes."""

import ast
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.parametrize(
    "command",
    [
        ("ruff", "check", "."),
        ("ruff", "format", "--check", "."),
        ("lint-imports",),
        ("mypy",),
    ],
    ids=" ".join,
)
def test_tool_passes(command):
    result = _run(str(BIN / command[0]), *command[1:])
    assert result.returncode == 0, result.stdout + result.stderr


def _import_cycles(package: str) -> list[tuple[str, ...]]:
    """Each direct import inside ``package`` whose target leads back to the importer."""
    graph = grimp.build_graph(package)  # imports under TYPE_CHECKING count too
    cycles = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back:
                cycles.append((importer, *back))
    return cycles


@pytest.mark.parametrize("package", ["ui", "hallclient", "db"])
def test_no_import_cycle(package):
    assert _import_cycles(package) == []


PRODUCT = ("hallclient", "ui", "db")
#: Applied migrations are history: each is one schema step as it ran, not rewritten later.
FROZEN = ROOT / "db" / "migrations" / "versions"
MODULE_LINES, FUNCTION_LINES, FMT_SKIPS = 400, 60, 20


def _product_modules() -> list[Path]:
    modules = [p for package in PRODUCT for p in sorted((ROOT / package).rglob("*.py"))]
    return [p for p in modules if FROZEN not in p.parents]


@pytest.mark.parametrize("package", ["ui", "hallclient"])
def test_top_level_holds_at_most_twelve_modules(package):
    """The rest lives in a folder named for what it owns."""
    assert len(list((ROOT / package).glob("*.py"))) <= 12


def test_no_module_over_400_lines():
    """Counted as formatted (the suite checks ``ruff format``), blank lines included."""
    long = {
        str(p.relative_to(ROOT)): n
        for p in _product_modules()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MODULE_LINES
    }
    assert long == {}


def test_no_function_over_60_lines():
    long = []
    for path in _product_modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                size = (node.end_lineno or node.lineno) - node.lineno + 1
                if size > FUNCTION_LINES:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({size})")
    assert long == []


def test_the_formatter_owns_the_layout():
    """At most 20 ``# fmt: skip`` in product code, each where a table reads better, said on
    the line above."""
    marked = [
        (path, n, lines)
        for path in _product_modules()
        if (lines := path.read_text(encoding="utf-8").splitlines())
        for n, line in enumerate(lines)
        if "fmt: skip" in line
    ]
    assert len(marked) <= FMT_SKIPS
    unexplained = [
        f"{p.relative_to(ROOT)}:{n + 1}"
        for p, n, lines in marked
        if not lines[n - 1].lstrip().startswith("#")
    ]
    assert unexplained == []


def test_the_ui_uses_only_the_domains_words_of_db():
    """import-linter's list names today's db modules; this catches a new one too."""
    graph = grimp.build_graph("ui", "db")
    reached = {
        imported
        for importer in graph.modules
        if importer.startswith("ui")
        for imported in graph.find_modules_directly_imported_by(importer)
        if imported.split(".")[0] == "db"
    }
    assert reached <= {"db.domain"}
