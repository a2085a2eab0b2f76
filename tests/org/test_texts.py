"""Every text the org inspector, its practices and the nightly check can show exists in English and Japanese, and
every catalogue cause's org check is a real check."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

from sfjwt_gui.core.catalogue import load_catalogue
from sfjwt_gui.core.org.checks import CHECKS
from sfjwt_gui.core.org.practices import PRACTICES

ROOT = Path(__file__).resolve().parents[2]
TEXTS = json.loads((ROOT / "resources/errors/org.json").read_text(encoding="utf-8"))


def _templates(module: str, call_names: tuple[str, ...]) -> set[str]:
    """String templates passed to OrgCheck(…)/Practice(…)/Step(…)/_ok/_fail in a module (second/third argument)."""
    tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in call_names:
            for arg in node.args[1:4]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and re.fullmatch(r"[a-z_]+", arg.value):
                    found.add(arg.value)
                if isinstance(arg, ast.IfExp):
                    for branch in (arg.body, arg.orelse):
                        if isinstance(branch, ast.Constant) and isinstance(branch.value, str):
                            found.add(branch.value)
    return found - {"ok", "problem", "skipped"}


def _both(key: str) -> None:
    assert key in TEXTS, key
    assert TEXTS[key].get("en"), key
    assert TEXTS[key].get("ja"), key
    assert set(re.findall(r"\{(\w+)\}", TEXTS[key]["en"])) == set(re.findall(r"\{(\w+)\}", TEXTS[key]["ja"])), key


def test_titles_and_templates_in_both_languages() -> None:
    for check_id in CHECKS:
        _both(f"title.{check_id}")
    for practice_id in PRACTICES:
        _both(f"practice.{practice_id}")
    evidence = _templates("sfjwt_gui/core/org/checks.py", ("OrgCheck",)) | _templates(
        "sfjwt_gui/core/org/practices.py", ("Practice",)
    )
    nightly = _templates("sfjwt_gui/core/nightly.py", ("_ok", "_fail", "Step"))
    assert len(evidence) > 40
    assert len(nightly) > 12
    for template in evidence:
        _both(f"evidence.{template}")
    for template in nightly:
        _both(f"nightly.{template}")
    for key in TEXTS:
        _both(key)


def test_catalogue_org_checks_exist() -> None:
    named = {spec.org_check for entry in load_catalogue().entries for spec in entry.causes if spec.org_check}
    assert named <= set(CHECKS)
    assert len(named) >= 10
