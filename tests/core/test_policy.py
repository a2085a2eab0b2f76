"""Policy lives once: every threshold is tested exactly at its boundary, and core, CLI and window ask the predicates."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from sfjwt_gui.core import policy
from sfjwt_gui.core.inspection import inspect_material
from sfjwt_gui.core.lint import lint
from sfjwt_gui.core.material import LoadedMaterial

ROOT = Path(__file__).resolve().parents[2]
NOW = dt.datetime(2027, 5, 1, 12, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(("days_left", "warns"), [(31, False), (30, True), (29, True), (0, True), (-1, True)])
def test_expiry_warning_reaches_at_thirty_days(days_left: int, warns: bool) -> None:
    assert policy.EXPIRY_WARNING_DAYS == 30
    assert policy.expiry_is_warning(days_left) is warns


@pytest.mark.parametrize(
    ("seconds", "warns"), [(29.999, False), (30.0, True), (-30.0, True), (-29.999, False), (120.0, True), (0.0, False)]
)
def test_skew_warning_reaches_at_thirty_seconds_either_way(seconds: float, warns: bool) -> None:
    assert policy.skew_is_warning(seconds) is warns


@pytest.mark.parametrize(("seconds", "fine"), [(3.0, True), (-3.0, True), (3.001, False), (-3.001, False), (0, True)])
def test_negligible_skew_includes_three_seconds(seconds: float, fine: bool) -> None:
    assert policy.skew_is_negligible(seconds) is fine


def test_key_size_limits() -> None:
    assert [bits for bits in (1024, 2047, 2048, 3072, 4096, 8192) if policy.key_size_allowed(bits)] == [
        2048,
        3072,
        4096,
    ]
    assert policy.key_size_too_small(2047)
    assert not policy.key_size_too_small(2048)
    assert policy.DEFAULT_KEY_BITS in policy.ALLOWED_KEY_BITS


def test_validity_limits_include_their_bounds() -> None:
    assert not policy.validity_allowed(0)
    assert policy.validity_allowed(1)
    assert policy.validity_allowed(36500)
    assert not policy.validity_allowed(36501)
    assert not policy.validity_is_long(3650)
    assert policy.validity_is_long(3651)


def test_policy_imports_nothing_heavy() -> None:
    """The window reads it on the GUI thread: no cryptography, httpx, jwt or Qt behind it."""
    code = (
        "import sys, sfjwt_gui.core.policy\n"
        "bad = [m for m in ('cryptography', 'httpx', 'jwt', 'PySide6', 'keyring') if m in sys.modules]\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == ""


def _certificate(key: rsa.RSAPrivateKey, not_after: dt.datetime) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "policy-test")])
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_after - dt.timedelta(days=400))
        .not_valid_after(not_after)
        .sign(key, hashes.SHA256())
    )


@pytest.mark.parametrize(("days", "warns"), [(30, True), (31, False)])
def test_inspection_and_lint_agree_at_the_boundary(rsa_key: rsa.RSAPrivateKey, days: int, warns: bool) -> None:
    """The inspection (key page, `sfjwt keys`) and the lint (`certificate-expiring`) answer alike at 30 and 31 days."""
    import jwt

    certificate = _certificate(rsa_key, NOW + dt.timedelta(days=days) - dt.timedelta(minutes=1))  # started days
    inspection = inspect_material(LoadedMaterial(None, certificate), now=NOW)
    assert inspection.days_left == days
    assert any("expires in" in warning for warning in inspection.warnings) is warns
    exp = int(NOW.timestamp()) + 120
    token = jwt.encode({"iss": "3MVGx", "sub": "u@example.com", "aud": "https://login.salesforce.com", "exp": exp},
                       rsa_key, algorithm="RS256")  # fmt: skip
    findings = lint(token, certificate=certificate, now=NOW.timestamp())
    assert any(f.rule == "certificate-expiring" for f in findings) is warns


def test_no_threshold_is_copied_outside_policy() -> None:
    """The old copies (EXPIRY_WARNING_DAYS/EXPIRING_DAYS = 30, `abs(offset) > 30`) are gone from core, CLI and ui."""
    offenders = []
    for path in (ROOT / "sfjwt_gui").rglob("*.py"):
        if path.name == "policy.py":
            continue
        text = path.read_text(encoding="utf-8")
        for needle in ("EXPIRY_WARNING_DAYS = ", "EXPIRING_DAYS = ", "abs(offset) > 30", "abs(offset) >= 30"):
            if needle in text:
                offenders.append(f"{path.relative_to(ROOT)}: {needle}")
    assert offenders == []


@pytest.mark.parametrize(("seconds", "short"), [(29.999, True), (30, False), (180, False), (-1, True)])
def test_shortest_safe_lifetime_is_a_limit_that_includes_thirty(seconds: float, short: bool) -> None:
    assert policy.lifetime_too_short(seconds) is short
    assert policy.DEFAULT_LIFETIME_SECONDS == 180
