"""Regenerate the UI-SHELL .ts files, fill them from shell_ja.json and compile .qm (run from the repo root).

    /work/venv/bin/python resources/translations/ja/update_shell.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
MODULES = [
    "sfjwt_gui/ui/main_window.py",
    "sfjwt_gui/ui/crash.py",
    "sfjwt_gui/ui/log_pane.py",
    "sfjwt_gui/ui/practice_mode.py",
    "sfjwt_gui/ui/pages/connection_page.py",
    "sfjwt_gui/ui/pages/claims_page.py",
    "sfjwt_gui/ui/pages/signed_jwt_page.py",
    "sfjwt_gui/ui/pages/send_page.py",
    "sfjwt_gui/ui/pages/diagnosis_page.py",
    "sfjwt_gui/ui/widgets/diagnosis_view.py",
]


def main() -> int:
    table: dict[str, str] = json.loads((HERE / "shell_ja.json").read_text(encoding="utf-8"))
    missing: list[str] = []
    for module in MODULES:
        ts = HERE / (Path(module).stem + ".ts")
        subprocess.run([BIN / "pyside6-lupdate", ROOT / module, "-ts", ts], check=True, capture_output=True)
        tree = ET.parse(ts)
        root = tree.getroot()
        root.set("language", "ja_JP")
        for message in root.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            if source in table:
                translation.text = table[source]
                translation.attrib.pop("type", None)
            else:
                missing.append(f"{module}: {source}")
        tree.write(ts, encoding="utf-8", xml_declaration=True)
        subprocess.run([BIN / "pyside6-lrelease", ts, "-qm", ts.with_suffix(".qm")], check=True, capture_output=True)
    for line in missing:
        print("untranslated:", line)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
