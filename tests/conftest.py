"""Shared test set-up: Qt offscreen, a private data dir, and the real Secret Service when CI has one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

REQUIRE_SECRET_SERVICE = os.environ.get("SFJWT_REQUIRE_SECRET_SERVICE") == "1"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private directory for the app's non-secret data (vault index, settings)."""
    path = tmp_path / "sfjwt-data"
    path.mkdir()
    monkeypatch.setenv("SFJWT_DATA_DIR", str(path))
    return path


@pytest.fixture
def secret_service_keyring() -> object:
    """The real Secret Service backend: skips locally without one, fails in CI (SFJWT_REQUIRE_SECRET_SERVICE=1)."""
    reason = ""
    try:
        from keyring.backends import SecretService

        backend = SecretService.Keyring()
        if backend.priority <= 0:  # type: ignore[operator]
            reason = "Secret Service backend reports priority <= 0"
        else:
            backend.set_password("sfjwt-gui-probe", "probe", "ok")
            backend.delete_password("sfjwt-gui-probe", "probe")
            return backend
    except Exception as exc:  # any failure means "not available here"
        reason = f"Secret Service unavailable: {exc!r}"
    if REQUIRE_SECRET_SERVICE:
        pytest.fail(f"SFJWT_REQUIRE_SECRET_SERVICE=1 but {reason}")
    pytest.skip(reason)
