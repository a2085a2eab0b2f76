"""core's imports form a tree: no cycle, not even through imports inside functions (jwt_codec ↔ lint_rules was one)."""

from __future__ import annotations

import ast
import subprocess
import sys
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "sfjwt_gui" / "core"


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def _core_imports() -> dict[str, set[str]]:
    modules = {_module_name(path): path for path in CORE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    target = f"{node.module}.{alias.name}"
                    graph[name].add(target if target in modules else node.module)
            elif isinstance(node, ast.Import):
                graph[name].update(alias.name for alias in node.names)
        graph[name] = {target for target in graph[name] if target in modules and target != name}
    return graph


def test_core_import_graph_has_no_cycle() -> None:
    graph = _core_imports()
    assert "sfjwt_gui.core.lint_rules.texts" not in graph["sfjwt_gui.core.jwt_codec"]
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as exc:  # pragma: no cover - the message names the cycle
        raise AssertionError(f"import cycle in core: {exc.args[1]}") from exc
    assert order.index("sfjwt_gui.core.jwt_codec") < order.index("sfjwt_gui.core.lint_rules.base")


def test_decoding_a_token_loads_no_lint_module() -> None:
    code = (
        "import sys\n"
        "from sfjwt_gui.core.jwt_codec import decode\n"
        "decoded = decode(' \"eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.\" ')\n"
        "assert decoded.repair_texts('ja'), decoded.repairs\n"
        "print(sorted(m for m in sys.modules if m.startswith('sfjwt_gui.core.lint')))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"
