"""Step states are derived from the state by one pure function each (``ui.steps``), testable without Qt."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from types import SimpleNamespace
from typing import Any

from sfjwt_gui.core.claims import Claims
from sfjwt_gui.ui import steps


def _state(**values: Any) -> Any:
    base = dict.fromkeys(
        (
            "private_key",
            "certificate",
            "uploaded_certificate",
            "preset",
            "endpoint",
            "audience",
            "consumer_key",
            "username",
            "claims",
            "token",
            "result",
        )
    )
    base.update(claims_invalid=False, result_stale=False, send_error=None)
    base.update(values)
    return SimpleNamespace(**base)


def test_steps_module_needs_no_qt() -> None:
    code = "import sys, sfjwt_gui.ui.steps, sfjwt_gui.ui.connection_checks; assert 'PySide6' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_key_step(rsa_key: Any, rsa_cert: Any) -> None:
    now = time.time()
    assert steps.key_step(_state(), now) == "none"
    assert steps.key_step(_state(private_key=rsa_key), now) == "warning"  # no certificate to upload yet
    assert steps.key_step(_state(private_key=rsa_key, certificate=rsa_cert), now) == "ok"
    after_expiry = rsa_cert.not_valid_after_utc.timestamp() + 86_400 * 2
    assert steps.key_step(_state(private_key=rsa_key, certificate=rsa_cert), after_expiry) == "failed"
    near = (rsa_cert.not_valid_after_utc - dt.timedelta(days=5)).timestamp()
    assert steps.key_step(_state(private_key=rsa_key, certificate=rsa_cert), near) == "warning"


def test_connection_step() -> None:
    now = time.time()
    assert steps.connection_step(_state(), now) == "none"
    good = dict(
        endpoint="https://login.salesforce.com",
        audience="https://login.salesforce.com",
        consumer_key="3MVG9abc",
        username="int@acme.com",
    )
    assert steps.connection_step(_state(**good), now) == "ok"
    assert steps.connection_step(_state(**{**good, "username": "005xx"}), now) == "failed"


def test_claims_step_follows_the_claims_and_the_clock(rsa_key: Any, rsa_cert: Any) -> None:
    now = int(time.time())
    claims = Claims(iss="3MVG9abc", sub="int@acme.com", aud="https://login.salesforce.com", exp=now + 180, iat=now)
    state = _state(claims=claims, endpoint="https://login.salesforce.com", private_key=rsa_key, certificate=rsa_cert)
    assert steps.claims_step(state, now) in ("ok", "warning")
    assert steps.claims_step(state, now + 600) == "failed"  # exp-in-past: the step ages with the clock
    assert steps.claims_step(_state(claims=claims, claims_invalid=True), now) == "failed"


def test_send_and_diagnosis_steps() -> None:
    ok = SimpleNamespace(ok=True, outcome="ok")
    refused = SimpleNamespace(ok=False, outcome="refused")
    cancelled = SimpleNamespace(ok=False, outcome="cancelled")
    now = time.time()
    assert [steps.send_step(_state(result=r), now) for r in (None, ok, refused, cancelled)] == [
        "none",
        "ok",
        "failed",
        "warning",
    ]
    assert [steps.diagnosis_step(_state(result=r), now) for r in (None, ok, refused, cancelled)] == [
        "none",
        "ok",
        "failed",
        "none",
    ]
    assert steps.send_step(_state(result=ok, result_stale=True), now) == "none"
