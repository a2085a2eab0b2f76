"""Regenerate the Japanese .ts files, fill them from the two tables and compile .qm (run from the repo root).

    /work/venv/bin/python resources/translations/ja/update.py                 # every module
    /work/venv/bin/python resources/translations/ja/update.py sfjwt_gui/ui/pages/send_page.py   # only these

Each module's strings come from one table: keys_ja.json (key and tool pages, dialogs, token and findings views) or
shell_ja.json (window, wizard pages, diagnosis view). A source text missing from its table is listed and the exit
code is 1.
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
TABLES = {
    "keys_ja.json": [
        "sfjwt_gui/ui/pages/key_page.py",
        "sfjwt_gui/ui/pages/keys_tool.py",
        "sfjwt_gui/ui/pages/decode_tool.py",
        "sfjwt_gui/ui/pages/explain_tool.py",
        "sfjwt_gui/ui/dialogs/passphrase.py",
        "sfjwt_gui/ui/dialogs/confirm.py",
        "sfjwt_gui/ui/dialogs/export_dialog.py",
        "sfjwt_gui/ui/dialogs/files.py",
        "sfjwt_gui/ui/widgets/token_view.py",
        "sfjwt_gui/ui/widgets/findings_view.py",
    ],
    "shell_ja.json": [
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
    ],
}


def update_module(module: str, table: dict[str, str]) -> list[str]:
    """lupdate one module into its .ts, fill the Japanese from ``table``, lrelease the .qm; returns what is missing."""
    ts = HERE / (Path(module).stem + ".ts")
    subprocess.run([BIN / "pyside6-lupdate", ROOT / module, "-no-obsolete", "-ts", ts], check=True, capture_output=True)
    tree = ET.parse(ts)  # noqa: S314 - our own lupdate output
    root = tree.getroot()
    root.set("language", "ja_JP")
    missing: list[str] = []
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
    return missing


def main(argv: list[str]) -> int:
    """Update the modules named in ``argv`` (all when empty)."""
    wanted = {str(Path(m)) for m in argv}
    missing: list[str] = []
    for table_name, modules in TABLES.items():
        table: dict[str, str] = json.loads((HERE / table_name).read_text(encoding="utf-8"))
        for module in modules:
            if not wanted or module in wanted:
                missing += update_module(module, table)
    for line in missing:
        print("untranslated:", line)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
