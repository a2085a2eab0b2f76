"""The typed application state: declared fields, change signals naming them, listeners checked at import."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from sfjwt_gui.ui.state import AppState, Field, UnknownFieldError, listens


def test_every_field_is_declared_with_its_name(qtbot: Any) -> None:
    state = AppState()
    seen: list[str] = []
    state.changed.connect(seen.append)
    for field in Field:
        assert hasattr(state, field.value)
    state.endpoint = "https://login.salesforce.com"
    state.endpoint = "https://login.salesforce.com"  # the same value again: no signal
    state.language = "ja"
    assert seen == ["endpoint", "language"]
    assert state.lang() == "ja"


def test_a_listener_naming_an_undeclared_field_fails_when_its_module_is_imported() -> None:
    with pytest.raises(UnknownFieldError, match="claimz"):

        class _Page:  # the decorator runs while the class body is executed, i.e. at import
            @listens("claimz")
            def changed(self, field: str) -> None:
                raise AssertionError("never called")

    with pytest.raises(AttributeError):
        listens(Field.CLAIMZ)  # type: ignore[attr-defined]


def test_watch_checks_names_at_wiring_time(qtbot: Any) -> None:
    state = AppState()
    with pytest.raises(UnknownFieldError):
        state.watch(["endpoint", "no_such_field"], lambda field: None)
    calls: list[str] = []
    state.watch([Field.CLAIMS], calls.append)
    state.endpoint = "x"
    state.claims_invalid = True
    assert calls == []


def test_a_decorated_listener_runs_only_for_its_fields(qtbot: Any) -> None:
    calls: list[str] = []

    class Listener:
        @listens(Field.PRIVATE_KEY, "certificate")
        def changed(self, field: str) -> None:
            calls.append(field)

    state = AppState()
    listener = Listener()
    state.changed.connect(listener.changed)
    state.endpoint = "x"
    state.certificate = None  # unchanged (default None): no signal
    state.key_name = "k"
    state.touch(Field.PRIVATE_KEY)
    assert calls == ["private_key"]


def test_every_page_listener_names_declared_fields() -> None:
    """Importing every page module runs its @listens decorators: a typo would raise here (and at start-up)."""
    code = (
        "import importlib\n"
        "from sfjwt_gui.ui.pages.registry import ENTRIES\n"
        "for e in ENTRIES: importlib.import_module('sfjwt_gui.ui.pages.' + e.module)\n"
        "import sfjwt_gui.ui.practice_mode\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
