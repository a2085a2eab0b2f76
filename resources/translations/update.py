"""Generate the window's Qt translation files from their one source of truth.

    python resources/translations/update.py            # regenerate every <lang>/<module>.ts and .qm
    python resources/translations/update.py --check    # change nothing; exit 1 and name each file that is stale

The truth is two things only: the ``tr(...)`` strings in ``sfjwt_gui/ui`` and one table per language,
``<lang>/<lang>.json`` (English source text -> translation). Which modules are translated is derived from the tree:
every module under ``sfjwt_gui/ui`` that calls ``tr(`` or ``translate(`` gets ``<lang>/<module stem>.ts``, generated
from scratch (``pyside6-lupdate -locations none``, so the file depends on the strings, not on line numbers) and filled
from the table, then compiled to ``.qm`` with ``pyside6-lrelease``. The ``.ts``/``.qm`` files are output: never edit
them by hand; a file whose module is gone is deleted. A source text missing from the table is listed and the exit
code is 1. ``sfjwt_gui/ui/i18n.py`` loads every ``.qm`` of a language, so nothing else keeps a list.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
UI = ROOT / "sfjwt_gui" / "ui"
BIN = Path(sys.executable).parent
_TRANSLATES = re.compile(r"\btr\(|\btranslate\(")


def translated_modules() -> dict[str, Path]:
    """``{stem: path}`` of every ui module with translatable strings (stems must be unique: they name the files)."""
    modules: dict[str, Path] = {}
    for path in sorted(UI.rglob("*.py")):
        if not _TRANSLATES.search(path.read_text(encoding="utf-8")):
            continue
        if path.stem in modules:
            raise SystemExit(f"two translated modules are called {path.stem}: {modules[path.stem]} and {path}")
        modules[path.stem] = path
    return modules


def languages() -> list[str]:
    """Every ``<lang>/`` folder that holds its ``<lang>.json`` table."""
    return sorted(folder.name for folder in HERE.iterdir() if (folder / f"{folder.name}.json").is_file())


def _tool(name: str) -> str:
    local = BIN / name
    return str(local) if local.exists() else name


def generate(module: Path, table: dict[str, str], lang: str, out: Path) -> list[str]:
    """Write ``out`` (.ts) and its .qm for ``module``; returns the source texts missing from ``table``."""
    raw = out.with_suffix(".raw.ts")
    subprocess.run(
        [_tool("pyside6-lupdate"), str(module), "-no-obsolete", "-locations", "none", "-ts", str(raw)],
        check=True,
        capture_output=True,
    )
    tree = ET.parse(raw)  # noqa: S314 - our own lupdate output
    raw.unlink()
    root = tree.getroot()
    root.set("language", {"ja": "ja_JP"}.get(lang, lang))
    missing: list[str] = []
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in table:
            translation.text = table[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(f"{module.relative_to(ROOT)}: {source}")
    tree.write(out, encoding="utf-8", xml_declaration=True)
    subprocess.run(
        [_tool("pyside6-lrelease"), str(out), "-qm", str(out.with_suffix(".qm"))], check=True, capture_output=True
    )
    return missing


def run(check: bool) -> int:
    """Regenerate (or, with ``check``, compare) every language's files; returns the exit code."""
    problems: list[str] = []
    modules = translated_modules()
    for lang in languages():
        folder = HERE / lang
        table: dict[str, str] = json.loads((folder / f"{lang}.json").read_text(encoding="utf-8"))
        expected = {f"{stem}{suffix}" for stem in modules for suffix in (".ts", ".qm")}
        for stale in sorted(p for p in folder.iterdir() if p.suffix in (".ts", ".qm") and p.name not in expected):
            problems.append(f"{lang}/{stale.name}: its module is gone")
            if not check:
                stale.unlink()
        with tempfile.TemporaryDirectory() as scratch:
            for stem, module in modules.items():
                target = Path(scratch) / f"{stem}.ts" if check else folder / f"{stem}.ts"
                problems += [f"untranslated ({lang}) {line}" for line in generate(module, table, lang, target)]
                if check:
                    for suffix in (".ts", ".qm"):
                        committed = folder / f"{stem}{suffix}"
                        fresh = target.with_suffix(suffix)
                        if not committed.is_file() or committed.read_bytes() != fresh.read_bytes():
                            problems.append(f"{lang}/{stem}{suffix}: stale (run resources/translations/update.py)")
    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(run("--check" in sys.argv[1:]))
