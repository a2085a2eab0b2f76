"""The window shows exceptions through one function only (``ui.errors``): no ``str(exc)`` and no exception formatted
into a text anywhere else in ``sfjwt_gui/ui``; no Japanese literals in its Python (texts live in data)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "sfjwt_gui" / "ui"
RENDERER = UI / "errors.py"
_EXCEPTION_TYPES = {"BaseException", "Exception", "SfjwtError", "OSError", "ValueError"}


def _exception_names(func: ast.AST) -> set[str]:
    """Names bound to an exception inside ``func``: ``except … as e`` and parameters typed as exceptions."""
    names: set[str] = set()
    for node in ast.walk(func):
        if isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
        if isinstance(node, ast.arg) and node.annotation is not None:
            annotation = ast.unparse(node.annotation)
            if any(t in annotation for t in _EXCEPTION_TYPES):
                names.add(node.arg)
        if isinstance(node, ast.Lambda):
            names.update(a.arg for a in node.args.args if a.arg in ("exc", "error", "err", "e"))
    return names


def _offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        names = _exception_names(func)
        for node in ast.walk(func):
            where = f"{path.relative_to(UI.parent.parent)}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Call):
                callee = ast.unparse(node.func)
                args = [a for a in node.args if isinstance(a, ast.Name)]
                if callee in ("str", "repr") and any(a.id in names for a in args):
                    found.append(f"{where}: {ast.unparse(node)}")
                if callee.endswith(".format") and any(
                    isinstance(k.value, ast.Name) and k.value.id in names for k in node.keywords
                ):
                    found.append(f"{where}: {ast.unparse(node)}")
            if isinstance(node, ast.FormattedValue) and isinstance(node.value, ast.Name) and node.value.id in names:
                found.append(f"{where}: f-string with {node.value.id}")
    return found


def test_no_exception_is_turned_into_text_outside_the_one_renderer() -> None:
    offences = [o for path in sorted(UI.rglob("*.py")) if path != RENDERER for o in _offences(path)]
    assert offences == []


def test_the_check_catches_what_it_should(tmp_path: Path) -> None:
    sample = UI / "_sample_for_test.py"
    try:
        sample.write_text(
            "def f(x):\n"
            "    try:\n        x()\n    except ValueError as exc:\n        return str(exc)\n"
            "def g(error: BaseException):\n    return 'failed: {e}'.format(e=error)\n"
            "def h(error: Exception):\n    return f'{error}'\n",
            encoding="utf-8",
        )
        assert len(_offences(sample)) == 3
    finally:
        sample.unlink()


def test_no_japanese_literals_in_ui_python() -> None:
    japanese = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uff00-\uffef]")
    hits = [
        f"{path.name}:{n}"
        for path in sorted(UI.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if japanese.search(line.replace('"日本語"', ""))  # the language's own name in the Language menu
    ]
    assert hits == []


def test_no_ui_module_is_over_500_lines() -> None:
    long = {p.name: n for p in UI.rglob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500}
    assert long == {}
