"""`explain`: every error body of the reference's §3 (and the seed article's codes) gets its own entry, en and ja."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sfjwt_gui.cli import main
from sfjwt_gui.core.catalogue import UNKNOWN_ID
from sfjwt_gui.core.diagnosis import explain_error, explain_text, parse_error_text
from sfjwt_gui.core.evidence import Status

# (error, error_description) as the reference's §3 table spells them -> catalogue id
REFERENCE_ROWS: list[tuple[str, str, str]] = [
    ("invalid_grant", "user hasn't approved this consumer", "user-not-approved"),
    ("invalid_app_access", "user is not admin approved to access this app", "not-admin-approved"),
    ("invalid_grant", "audience is invalid", "audience-invalid"),
    ("invalid_grant", "invalid assertion", "invalid-assertion"),
    ("invalid_grant", "expired authorization code", "assertion-expired"),
    ("invalid_client_id", "client identifier invalid", "client-id-invalid"),
    ("app_not_found", "External client app is not installed in this org", "app-not-found"),
    ("unsupported_grant_type", "grant type not supported", "grant-type-unsupported"),
    ("invalid_grant", "IP restricted or invalid login hours", "ip-restricted"),
    ("inactive_user", "user is inactive", "inactive-user"),
    ("inactive_org", "organization is locked, closed, or suspended", "inactive-org"),
    ("rate_limit_exceeded", "number of logins exceeded", "rate-limited"),
    ("invalid_scope", "requested scope is invalid, unknown, or malformed", "invalid-scope"),
    ("invalid_request", "HTTPS required", "https-required"),
    ("invalid_request", "must use HTTP POST", "https-required"),
    ("invalid_grant", "authentication failure", "authentication-failure"),
]
# the seed article's codes and the variants the reference mentions
VARIANTS: list[tuple[str | None, str | None, str]] = [
    ("user_not_approved", None, "user-not-approved"),
    ("expired_assertion", None, "assertion-expired"),
    ("invalid_grant", "inactive user", "inactive-user"),
    ("invalid_grant", "Audience validation failed", "audience-invalid"),
    ("invalid_grant", "user hasn\u2019t approved this consumer", "user-not-approved"),  # curly apostrophe
    (None, "audience is invalid", "audience-invalid"),
]
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "salesforce-jwt-bearer.md"


def test_rows_cover_the_reference_table() -> None:
    if not REFERENCE.is_file():
        pytest.skip("reference file not next to the repository")
    text = REFERENCE.read_text(encoding="utf-8")
    section = text.split("## 3.", 1)[1].split("## 4.", 1)[0]
    found = set()
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and re.fullmatch(r"[a-z_]+", cells[0]) and "`" in cells[1]:
            for desc in re.findall(r"`([^`]+)`", cells[1]):
                found.add((cells[0], desc))
    assert found
    assert found <= {(e, d) for e, d, _ in REFERENCE_ROWS}


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize(("error", "description", "expected"), REFERENCE_ROWS + VARIANTS)
def test_each_error_gets_its_own_entry(error: str | None, description: str | None, expected: str, lang: str) -> None:
    body = json.dumps({k: v for k, v in {"error": error, "error_description": description}.items() if v is not None})
    diagnosis = explain_text(body, lang=lang)
    assert diagnosis.id == expected != UNKNOWN_ID
    assert diagnosis.fixes
    assert diagnosis.causes
    assert diagnosis.sources
    if lang == "ja":
        assert JAPANESE.search(diagnosis.title)
        assert JAPANESE.search(diagnosis.meaning)
        assert all(JAPANESE.search(fix) for fix in diagnosis.fixes)
    # a log line that contains the body explains the same
    assert explain_text(f"2026-11-27T03:00:00Z ERROR auth failed: HTTP 400 {body} (retrying)", lang=lang).id == expected


def test_form_and_plain_log_lines() -> None:
    assert parse_error_text("error=invalid_grant&error_description=audience+is+invalid")[:2] == (
        "invalid_grant",
        "audience is invalid",
    )
    assert explain_text("Salesforce said: invalid_grant: user hasn't approved this consumer").id == "user-not-approved"


def test_unknown_error_gets_raw_body_lint_and_closest(rsa_key: object) -> None:
    import time

    import jwt

    assertion = jwt.encode(
        {"iss": "not-a-key", "sub": "a@b.c", "aud": "login.salesforce.com", "exp": int(time.time()) - 600},
        rsa_key,
        algorithm="RS256",
    )
    body = '{"error":"invalid_grant","error_description":"user hasnt aproved this consumer"}'
    diagnosis = explain_text(body, assertion=assertion, endpoint="https://login.salesforce.com")
    assert diagnosis.id == UNKNOWN_ID
    assert diagnosis.closest_id == "user-not-approved"
    assert diagnosis.raw_body == body
    rules = {f.rule for f in diagnosis.findings}
    assert {"aud-not-https", "exp-in-past", "iss-not-consumer-key"} <= rules
    lint_cause = diagnosis.causes[0]
    assert lint_cause.status is Status.CONFIRMED
    assert "login.salesforce.com" in lint_cause.evidence


def test_explain_with_assertion_confirms_causes(rsa_key: object) -> None:
    import time

    import jwt

    assertion = jwt.encode(
        {
            "iss": "3MVG9" + "x" * 80,
            "sub": "ops@acme.com.uat",
            "aud": "https://login.salesforce.com",
            "exp": int(time.time()) + 120,
        },
        rsa_key,
        algorithm="RS256",
    )
    diagnosis = explain_error(
        "invalid_grant", "audience is invalid", assertion=assertion, endpoint="https://login.salesforce.com"
    )
    statuses = {c.id: c.status for c in diagnosis.causes}
    assert statuses["sandbox-username"] is Status.CONFIRMED  # .uat user posted to production
    assert statuses["aud-format"] is Status.RULED_OUT


def test_cli_explain(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["explain", '{"error":"invalid_grant","error_description":"audience is invalid"}', "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == "audience-invalid"
    assert data["causes"][0]["status"] in ("confirmed", "ruled_out", "unknown")
    assert main(["explain", "--error", "user_not_approved", "--lang", "ja"]) == 0
    out = capsys.readouterr().out
    assert "ユーザー" in out
    assert "接続アプリケーション" in out
    assert "外部クライアントアプリケーション" in out
    assert main(["explain", "--error", "invalid_grant", "--description", "brand new text"]) == 2
    assert "unknown-oauth-error" in capsys.readouterr().out
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO('{"error":"inactive_org","error_description":"x"}'))
    assert main(["explain", "-", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "inactive-org"


def test_cli_explain_as_a_process() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "sfjwt_gui.cli", "explain", "--json", "-"],
        input='log: {"error":"app_not_found","error_description":"External client app is not installed in this org"}',
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["id"] == "app-not-found"
    empty = subprocess.run(
        [sys.executable, "-m", "sfjwt_gui.cli", "explain", "-"],
        input="",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert empty.returncode == 1
    assert "Traceback" not in empty.stderr
