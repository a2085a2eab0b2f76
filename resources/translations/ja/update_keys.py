"""Regenerate the UI-KEYS .ts files, fill them from keys_ja.json and compile .qm (run from the repo root).

/work/venv/bin/python resources/translations/ja/update_keys.py
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
]


def main() -> int:
    table: dict[str, str] = json.loads((HERE / "keys_ja.json").read_text(encoding="utf-8"))
    missing: list[str] = []
    for module in MODULES:
        ts = HERE / (Path(module).stem + ".ts")
        subprocess.run(
            [BIN / "pyside6-lupdate", ROOT / module, "-no-obsolete", "-ts", ts], check=True, capture_output=True
        )
        tree = ET.parse(ts)  # noqa: S314 - our own lupdate output
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
