"""Save dialogs start in the last folder used, else Documents, else home: never the working directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sfjwt_gui.core.save_location import safe_file_stem, start_folder, suggested_path


def test_last_folder_then_documents_then_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    last = tmp_path / "uploads"
    last.mkdir()
    monkeypatch.chdir(tmp_path)  # the working directory is never the answer
    assert start_folder(last, documents=documents) == last
    assert start_folder(tmp_path / "gone", documents=documents) == documents
    assert start_folder(None, documents=tmp_path / "no-documents") == Path.home()
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(documents))
    chosen = suggested_path("acme prod/2027", last_folder=None)
    assert chosen.name == "acme-prod-2027.crt"
    assert chosen.parent != Path(os.getcwd())


def test_safe_file_stem() -> None:
    assert safe_file_stem("acme-prod") == "acme-prod"
    assert safe_file_stem("../../etc/passwd") == "etc-passwd"
    assert safe_file_stem("鍵") == "certificate"
    assert len(safe_file_stem("x" * 200)) == 64
