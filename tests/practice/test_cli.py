"""`sfjwt practice serve` and `sfjwt practice scenarios` as real processes and in-process."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from jwcrypto import jwk, jws

from sfjwt_gui.cli import main

GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"
REPO = Path(__file__).resolve().parents[2]


def _sign(pem: bytes, info: dict[str, Any]) -> str:
    payload = {
        "iss": info["consumer_key"],
        "sub": info["username"],
        "aud": "https://login.salesforce.com",
        "exp": int(time.time()) + 120,
    }
    token = jws.JWS(json.dumps(payload).encode())
    token.add_signature(jwk.JWK.from_pem(pem), None, json.dumps({"alg": "RS256"}))
    return str(token.serialize(compact=True))


@contextmanager
def serve(*args: str, env: dict[str, str] | None = None) -> Iterator[tuple[subprocess.Popen[str], dict[str, Any]]]:
    """Start `sfjwt practice serve --json …` and read its one JSON line."""
    process = subprocess.Popen(
        [sys.executable, "-m", "sfjwt_gui.cli", "practice", "serve", "--json", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, **(env or {})},
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line, process.stderr.read() if process.stderr else ""
        yield process, json.loads(line)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)
        for stream in (process.stdout, process.stderr):
            if stream:
                stream.close()


def _stop(process: subprocess.Popen[str], sig: int) -> tuple[int, str, str]:
    process.send_signal(sig)
    out, err = process.communicate(timeout=10)
    return process.returncode, out, err


def test_serve_prints_one_json_line_then_serves_and_stops_on_sigterm(
    tmp_path: Path, rsa_key: Any, rsa_cert: Any
) -> None:
    cert_file = tmp_path / "app.crt"
    cert_file.write_bytes(rsa_cert.public_bytes(serialization.Encoding.PEM))
    with serve("--cert", str(cert_file), "--scenario", "healthy") as (process, info):
        assert set(info) >= {"url", "consumer_key", "username", "ca_file", "scenario"}
        assert info["url"].startswith("http://127.0.0.1:")
        assert info["ca_file"] is None
        assert info["scenario"] == "healthy"
        assert info["consumer_key"].startswith("3MVG")
        pem = rsa_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        response = httpx.post(
            info["url"] + "/services/oauth2/token", data={"grant_type": GRANT, "assertion": _sign(pem, info)}
        )
        assert response.status_code == 200
        code, out, err = _stop(process, signal.SIGTERM)
    assert code == 0
    assert out == ""  # nothing after the JSON line
    assert "token issued" in err  # the request log (no token, no assertion in it)
    assert response.json()["access_token"] not in err
    assert "Traceback" not in err
    with pytest.raises(httpx.ConnectError):
        httpx.get(info["url"] + "/services/data/", timeout=2)


def test_serve_tls_with_demo_key_and_ctrl_c(tmp_path: Path) -> None:
    demo = tmp_path / "demo.key"
    with serve("--tls", "--demo-key-out", str(demo), "--scenario", "wrong-audience", "--quiet") as (process, info):
        assert info["url"].startswith("https://127.0.0.1:")
        ca_file = Path(info["ca_file"])
        assert ca_file.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
        assert info["scenario"] == "wrong-audience"
        assert demo.stat().st_mode & 0o777 == 0o600
        import ssl

        verify = ssl.create_default_context(cafile=str(ca_file))
        response = httpx.post(
            info["url"] + "/services/oauth2/token",
            data={"grant_type": GRANT, "assertion": _sign(demo.read_bytes(), info)},
            verify=verify,
        )
        assert response.json() == {"error": "invalid_grant", "error_description": "audience is invalid"}
        code, _out, err = _stop(process, signal.SIGINT)
    assert code == 0
    assert "Traceback" not in err
    assert not ca_file.exists()  # the local CA is thrown away with the server


def test_serve_org_file(tmp_path: Path) -> None:
    org = REPO / "resources" / "practice" / "example-org.json"
    with serve("--org", str(org), "--quiet") as (process, info):
        assert info["username"] == "ci.deploy@acme.example"
        assert _stop(process, signal.SIGTERM)[0] == 0


class _MemoryKeyring:
    """A minimal in-memory keyring backend for the vault (this test only reads the certificate back)."""

    priority = 1

    def __init__(self) -> None:
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


def test_serve_with_a_vault_key_uses_its_certificate(data_dir: Path, rsa_key: Any, rsa_cert: Any) -> None:
    from keyring.backend import KeyringBackend

    from sfjwt_gui.core.vault import Vault

    backend = type("PracticeTestKeyring", (_MemoryKeyring, KeyringBackend), {})()
    Vault(backend=backend, index_dir=data_dir).save("ci-key", rsa_key, rsa_cert)
    with serve("--key", "ci-key", "--quiet", env={"SFJWT_DATA_DIR": str(data_dir)}) as (process, info):
        pem = rsa_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        response = httpx.post(
            info["url"] + "/services/oauth2/token", data={"grant_type": GRANT, "assertion": _sign(pem, info)}
        )
        assert response.status_code == 200
        assert _stop(process, signal.SIGTERM)[0] == 0


def test_serve_unknown_scenario_lists_the_names(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["practice", "serve", "--scenario", "broken"]) == 1
    err = capsys.readouterr().err
    assert "'broken'" in err
    assert "wrong-audience" in err


def test_serve_missing_cert_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["practice", "serve", "--cert", str(tmp_path / "nope.crt")]) == 1
    assert "nope.crt" in capsys.readouterr().err


def test_scenarios_json_in_japanese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["practice", "scenarios", "--json", "--lang", "ja"]) == 0
    listed = json.loads(capsys.readouterr().out)["scenarios"]
    assert len(listed) == 12
    by_name = {s["name"]: s for s in listed}
    assert by_name["maintenance"]["expected_status"] == 503
    assert by_name["wrong-audience"]["expected_description"] == "audience is invalid"
    assert "aud" in by_name["wrong-audience"]["story"]
    assert by_name["healthy"]["title"] == "正常な組織"


def test_scenarios_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["practice", "scenarios"]) == 0
    out = capsys.readouterr().out
    assert "certificate-mismatch — Certificate does not match the key  [400 invalid_grant / invalid assertion]" in out
