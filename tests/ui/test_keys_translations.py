"""Every user-visible string of the window, its pages, the tools, dialogs and widgets has a Japanese translation,
with the same {placeholders} as the English text; the .ts files are generated from the code and ja/ja.json, and the
compiled .qm files match their .ts byte for byte."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
JA = ROOT / "resources" / "translations" / "ja"
# derived from the tree by the generator: one .ts per ui module that calls tr(), no hand-kept list
MODULES = sorted(path.stem for path in JA.glob("*.ts"))


def messages(module: str) -> list[tuple[str, str, str | None]]:
    tree = ET.parse(JA / f"{module}.ts")  # noqa: S314 - our own file
    return [
        (m.findtext("source") or "", m.findtext("translation") or "", m.find("translation").get("type"))  # type: ignore[union-attr]
        for m in tree.getroot().iter("message")
    ]


@pytest.mark.parametrize("module", MODULES)
def test_every_string_is_translated_with_the_same_placeholders(module: str) -> None:
    found = messages(module)
    assert found, f"{module}.ts has no messages"
    for source, translation, kind in found:
        assert kind is None, f"{module}: {source!r} is {kind}"
        assert translation.strip(), f"{module}: {source!r} has no translation"
        assert sorted(re.findall(r"\{\w*\}", source)) == sorted(re.findall(r"\{\w*\}", translation)), source
        if re.search(r"&[^&\s]", source):
            assert re.search(r"&[^&\s]", translation), f"{module}: {source!r} lost its keyboard accelerator"


def test_every_translated_module_has_its_files_and_nothing_else() -> None:
    """The module list is the tree's: every ui module that calls tr() has a .ts and a .qm, and no other exists."""
    pattern = re.compile(r"\btr\(|\btranslate\(")
    ui = ROOT / "sfjwt_gui" / "ui"
    translated = sorted(p.stem for p in ui.rglob("*.py") if pattern.search(p.read_text(encoding="utf-8")))
    assert translated == MODULES
    assert sorted(path.stem for path in JA.glob("*.qm")) == MODULES


@pytest.mark.parametrize("module", MODULES)
def test_compiled_qm_matches_its_ts_byte_for_byte(module: str, tmp_path: Path) -> None:
    """Content, not file times (a checkout does not keep them): lrelease the .ts again and compare the bytes."""
    fresh = tmp_path / f"{module}.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), str(JA / f"{module}.ts"), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == (JA / f"{module}.qm").read_bytes(), f"run resources/translations/update.py ({module})"


def test_ts_files_are_generated_from_the_sources_and_the_one_table() -> None:
    """Each .ts is exactly what update.py makes from the tr() strings and ja/ja.json: nothing edited by hand,
    no string of the ui missing from the table."""
    script = ROOT / "resources" / "translations" / "update.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
