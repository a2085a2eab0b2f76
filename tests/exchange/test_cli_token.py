"""`sfjwt token`: JSON shape and exit codes against the practice org."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

from sfjwt_gui.cli import main
from sfjwt_gui.practice.server import PracticeServer


@pytest.fixture
def key_file(rsa_key: RSAPrivateKey, tmp_path: Path) -> Path:
    path = tmp_path / "server.key"
    path.write_bytes(
        rsa_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"s3cret"),
        )
    )
    return path


def _argv(org: PracticeServer, key_file: Path, *extra: str) -> list[str]:
    return [
        "token",
        "--key-file",
        str(key_file),
        "--passphrase-env",
        "SFJWT_TEST_PASS",
        "--iss",
        org.consumer_key,
        "--sub",
        org.username,
        "--endpoint",
        org.token_url,
        "--ca-bundle",
        str(org.ca_file),
        *extra,
    ]


def _run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, dict[str, object]]:
    code = main(argv)
    out = capsys.readouterr().out
    return code, json.loads(out)


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SFJWT_TEST_PASS", "s3cret")


def test_success_json(capsys: pytest.CaptureFixture[str], org: PracticeServer, key_file: Path) -> None:
    code, data = _run(capsys, _argv(org, key_file, "--aud", "https://login.salesforce.com", "--json", "--check-api"))
    assert code == 0
    assert data["outcome"] == "success"
    diagnosis = data["diagnosis"]
    assert isinstance(diagnosis, dict)
    assert diagnosis["id"] == "success"
    token = data["token"]
    assert isinstance(token, dict)
    assert {"instance_url", "org_id", "user_id", "scope"} <= set(token)
    assert "access_token" not in token
    transcript = data["transcript"]
    assert isinstance(transcript, dict)
    assert transcript["attempts"][0]["status"] == 200
    api = data["api"]
    assert isinstance(api, dict)
    assert api["ok"]
    assert api["username"] == org.username


def test_refusal_json_and_exit_2(
    capsys: pytest.CaptureFixture[str], org: PracticeServer, key_file: Path, tmp_path: Path
) -> None:
    org.set_scenario("certificate-mismatch")
    pem = org.org.apps[0].certificate_pem
    assert pem
    uploaded = tmp_path / "uploaded.crt"
    uploaded.write_text(pem)
    code, data = _run(capsys, _argv(org, key_file, "--cert", str(uploaded), "--json", "--lang", "ja"))
    assert code == 2
    diagnosis = data["diagnosis"]
    assert isinstance(diagnosis, dict)
    assert diagnosis["id"] == "invalid-assertion"
    causes = diagnosis["causes"]
    assert isinstance(causes, list)
    assert {"cause", "status", "evidence"} <= set(causes[0])
    assert causes[0]["status"] == "confirmed"
    assert "SHA-256" in causes[0]["evidence"]
    assert diagnosis["fixes"]
    assert data["token"] is None


def test_preset_and_aud_override(capsys: pytest.CaptureFixture[str], org: PracticeServer, key_file: Path) -> None:
    argv = _argv(org, key_file, "--json")
    i = argv.index("--endpoint")
    del argv[i : i + 2]
    # a preset posts to the real Salesforce host; with the practice CA only, TLS to it cannot verify -> exit 3
    code, data = _run(capsys, [*argv, "--preset", "production", "--connect-timeout", "2", "--timeout", "2"])
    assert code == 3
    assert data["outcome"] == "network"
    sent = data["transcript"]
    assert isinstance(sent, dict)
    assert sent["attempts"][0]["url"] == "https://login.salesforce.com/services/oauth2/token"


def _without(argv: list[str], flag: str) -> list[str]:
    i = argv.index(flag)
    return argv[:i] + argv[i + 2 :]


def test_local_problems_exit_1(capsys: pytest.CaptureFixture[str], org: PracticeServer, key_file: Path) -> None:
    code, data = _run(capsys, _without(_argv(org, key_file, "--json"), "--endpoint"))  # no endpoint, no preset
    diagnosis = data["diagnosis"]
    assert code == 1
    assert data["outcome"] == "local"
    assert isinstance(diagnosis, dict)
    assert diagnosis["id"] == "local-problem"
    assert "--preset" in str(diagnosis["detail"])
    code, data = _run(
        capsys, [*_without(_argv(org, key_file), "--ca-bundle"), "--ca-bundle", "/nonexistent.pem", "--json"]
    )
    assert code == 1
    assert "nonexistent.pem" in json.dumps(data)
    argv = _argv(org, key_file, "--json")
    argv[argv.index("--key-file") + 1] = "/nonexistent/key.pem"
    code, data = _run(capsys, argv)
    assert code == 1
    assert "nonexistent" in json.dumps(data)
    argv = _argv(org, key_file, "--json")
    argv[argv.index("--passphrase-env") + 1] = "SFJWT_NO_SUCH_VAR"
    code, data = _run(capsys, argv)
    assert code == 1
    assert "SFJWT_NO_SUCH_VAR" in json.dumps(data)


def test_plain_text_output(
    capsys: pytest.CaptureFixture[str], org: PracticeServer, key_file: Path, rsa_cert: x509.Certificate
) -> None:
    org.set_scenario("user-not-approved")
    assert main(_argv(org, key_file)) == 2
    out = capsys.readouterr().out
    assert "user-not-approved" in out
    assert "Setup → Apps → App Manager" in out
    assert "External Client App" in out
