"""Every user-visible string of the window, its pages, the tools, dialogs and widgets has a Japanese translation,
with the same {placeholders} as the English text, and the compiled .qm files are up to date with the .ts files."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sfjwt_gui.core.resources import resource_path

MODULES = [
    "key_page",
    "keys_tool",
    "decode_tool",
    "explain_tool",
    "passphrase",
    "confirm",
    "export_dialog",
    "files",
    "token_view",
    "findings_view",
    # the window shell and the flow pages
    "main_window",
    "crash",
    "log_pane",
    "practice_mode",
    "connection_page",
    "claims_page",
    "signed_jwt_page",
    "send_page",
    "diagnosis_page",
    "diagnosis_view",
]


def messages(module: str) -> list[tuple[str, str, str | None]]:
    tree = ET.parse(resource_path("translations", "ja", f"{module}.ts"))  # noqa: S314 - our own file
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


@pytest.mark.parametrize("module", MODULES)
def test_compiled_qm_is_not_older_than_its_ts(module: str) -> None:
    ts = Path(resource_path("translations", "ja", f"{module}.ts"))
    qm = ts.with_suffix(".qm")
    assert qm.is_file()
    assert qm.stat().st_size > 0
    assert qm.stat().st_mtime >= ts.stat().st_mtime - 1
