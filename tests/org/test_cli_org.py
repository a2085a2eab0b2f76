"""``sfjwt org inspect`` and ``sfjwt token --inspect-org`` against the HTTPS practice org (in-process main())."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization

from sfjwt_gui.cli import main
from sfjwt_gui.practice.server import PracticeServer


def _base(server: PracticeServer) -> list[str]:
    return ["--iss", server.consumer_key, "--sub", server.username, "--aud", server.audience]


def _admin(server: PracticeServer, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("SFJWT_TEST_ADMIN", server.admin_access_token)
    return ["--ca-bundle", str(server.ca_file)]


def test_org_inspect_json_exit_codes(
    practice: PracticeServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [
        "org",
        "inspect",
        *_base(practice),
        "--instance-url",
        practice.url,
        "--access-token-env",
        "SFJWT_TEST_ADMIN",
        *_admin(practice, monkeypatch),
        "--json",
    ]
    assert main(args) == 0
    healthy = json.loads(capsys.readouterr().out)
    assert {c["status"] for c in healthy["checks"]} <= {"ok", "could_not_check"}
    assert {p["id"] for p in healthy["practices"]} >= {"least_privilege", "narrow_scopes", "recent_use"}
    practice.set_scenario("inactive-user")
    assert main(args) == 2
    out = capsys.readouterr().out
    data = json.loads(out)
    active = next(c for c in data["checks"] if c["id"] == "user_active")
    assert active["status"] == "problem"
    assert active["record"]["IsActive"] is False
    assert practice.admin_access_token not in out
    practice.set_scenario("maintenance")
    assert main(args) == 3


def test_org_inspect_bad_input(practice: PracticeServer, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["org", "inspect", *_base(practice), "--instance-url", practice.url]) == 1
    assert "--access-token-env" in capsys.readouterr().err
    assert (
        main(
            [
                "org",
                "inspect",
                *_base(practice),
                "--instance-url",
                practice.url,
                "--access-token-env",
                "SFJWT_UNSET_VARIABLE_X",
            ]
        )
        == 1
    )
    assert "SFJWT_UNSET_VARIABLE_X" in capsys.readouterr().err


def test_non_admin_token_in_japanese(
    practice: PracticeServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SFJWT_TEST_USER_TOKEN", "00D5g00000SfJwT!AQnot.a.real.admin.token")
    code = main(
        [
            "org",
            "inspect",
            *_base(practice),
            "--instance-url",
            practice.url,
            "--access-token-env",
            "SFJWT_TEST_USER_TOKEN",
            "--ca-bundle",
            str(practice.ca_file),
            "--lang",
            "ja",
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "確認できず" in out
    assert "有効なセッション" in out


def test_token_inspect_org_adds_checked_in(
    practice: PracticeServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert practice.demo_private_key is not None
    key = tmp_path / "demo.key"
    key.write_bytes(
        practice.demo_private_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    key.chmod(0o600)
    practice.set_scenario("not-admin-approved")
    args = [
        "token",
        "--key-file",
        str(key),
        "--iss",
        practice.consumer_key,
        "--sub",
        practice.username,
        "--endpoint",
        practice.url,
        "--aud",
        practice.audience,
        *_admin(practice, monkeypatch),
        "--inspect-org",
        "--admin-instance-url",
        practice.url,
        "--admin-token-env",
        "SFJWT_TEST_ADMIN",
        "--json",
    ]
    assert main(args) == 2
    data = json.loads(capsys.readouterr().out)
    causes = {c["id"]: c for c in data["diagnosis"]["causes"]}
    assert causes["profile-not-assigned"]["status"] == "confirmed"
    assert causes["profile-not-assigned"]["checked_in"] == "org"
    assert causes["profile-not-assigned"]["record"]["object"] == "SetupEntityAccess"
    assert all(c["checked_in"] in ("request", "org") for c in causes.values())
    assert "Manage Connected Apps" in data["diagnosis"]["fixes"][0]


def test_token_inspect_org_needs_admin_before_sending(
    practice: PracticeServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    practice.request_log.clear()  # type: ignore[attr-defined]
    code = main(
        [
            "token",
            "--key-file",
            str(tmp_path / "none.key"),
            "--iss",
            practice.consumer_key,
            "--sub",
            practice.username,
            "--endpoint",
            practice.url,
            "--inspect-org",
        ]
    )
    assert code == 1
    assert practice.request_log == []  # type: ignore[attr-defined]


def test_practice_serve_json_admin_token_drives_org_inspect(tmp_path: Path, rsa_cert: Any) -> None:
    """Two processes: `practice serve --json` prints admin_access_token; `org inspect` uses it from the environment."""
    cert = tmp_path / "app.crt"
    cert.write_bytes(rsa_cert.public_bytes(serialization.Encoding.PEM))
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sfjwt_gui.cli",
            "practice",
            "serve",
            "--json",
            "--tls",
            "--quiet",
            "--cert",
            str(cert),
            "--scenario",
            "inactive-user",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        info = json.loads(server.stdout.readline())
        assert info["admin_access_token"].startswith("00D")
        env = {**os.environ, "PRACTICE_ADMIN": info["admin_access_token"]}
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "sfjwt_gui.cli",
                "org",
                "inspect",
                "--iss",
                info["consumer_key"],
                "--sub",
                info["username"],
                "--cert",
                str(cert),
                "--instance-url",
                info["url"],
                "--access-token-env",
                "PRACTICE_ADMIN",
                "--ca-bundle",
                info["ca_file"],
                "--json",
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
        assert done.returncode == 2, done.stderr
        checks = {c["id"]: c for c in json.loads(done.stdout)["checks"]}
        assert checks["user_active"]["status"] == "problem"
        assert checks["app_certificate"]["status"] == "ok"
        assert info["admin_access_token"] not in done.stdout + done.stderr
    finally:
        server.kill()
        server.wait(timeout=10)
        for stream in (server.stdout, server.stderr):
            if stream:
                stream.close()
