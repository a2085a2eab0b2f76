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
from sfjwt_gui.practice.scenarios import SCENARIOS

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


def _clear_key_needles(key: Any) -> dict[str, bytes]:
    """Byte strings every clear encoding of ``key`` holds: its PKCS#8 DER, and base64 lines of that DER (PEM)."""
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return {"PKCS#8 DER": der[-256:], "PEM body line": pem.splitlines()[5]}


def _files_holding(root: Path, needles: dict[str, bytes]) -> list[str]:
    return [
        f"{path}: {name}"
        for path in root.rglob("*")
        if path.is_file()
        for name, needle in needles.items()
        if needle in path.read_bytes()
    ]


def test_serve_tls_with_encrypted_demo_key_file_and_ctrl_c(tmp_path: Path) -> None:
    from sfjwt_gui.core.key_loading import load_file

    demo = tmp_path / "demo.key"
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {"DEMO_PW": "practice-pass", "HOME": str(tmp_path), "TMPDIR": str(temp)}
    args = ("--tls", "--demo-key-out", str(demo), "--passphrase-env", "DEMO_PW", "--scenario", "wrong-audience")
    with serve(*args, "--quiet", env=env) as (process, info):
        assert info["url"].startswith("https://127.0.0.1:")
        ca_file = Path(info["ca_file"])
        assert ca_file.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
        assert info["scenario"] == "wrong-audience"
        assert info["demo_key_file"] == str(demo)
        assert demo.stat().st_mode & 0o777 == 0o600
        assert demo.read_bytes().startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
        key = load_file(demo, b"practice-pass").private_key
        assert key is not None
        # no clear copy of the demo key anywhere the server could write (HOME, TMPDIR with the TLS files)
        assert _files_holding(tmp_path, _clear_key_needles(key)) == []
        import ssl

        verify = ssl.create_default_context(cafile=str(ca_file))
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())  # fmt: skip
        response = httpx.post(
            info["url"] + "/services/oauth2/token",
            data={"grant_type": GRANT, "assertion": _sign(pem, info)},
            verify=verify,
        )
        assert response.json() == {"error": "invalid_grant", "error_description": "audience is invalid"}
        code, _out, err = _stop(process, signal.SIGINT)
    assert code == 0
    assert "Traceback" not in err
    assert not ca_file.exists()  # the local CA is thrown away with the server


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (["--demo-key-out", "{tmp}/demo.key"], "No passphrase (or an empty one) for the demo key file"),
        (["--demo-key-out", "{tmp}/demo.key", "--passphrase-env", "UNSET_VAR_FOR_TEST"], "'UNSET_VAR_FOR_TEST'"),
        (["--passphrase-file", "{tmp}/pw.txt"], "no --demo-key-out was given"),
        (["--demo-key-out", "{tmp}/demo.key", "--cert", "{tmp}/app.crt", "--passphrase-file", "{tmp}/pw.txt"],
         "there is no demo key"),
        (["--demo-key-out", "{tmp}/exists.key", "--passphrase-file", "{tmp}/pw.txt"], "already exists"),
        (["--demo-key-out", "-", "--passphrase-file", "{tmp}/pw.txt"], "--demo-key-out '-' is not a file name"),
        (["--demo-key-out", "{tmp}/no/dir.key", "--passphrase-file", "{tmp}/pw.txt"], "does not exist"),
        (["--port", "99999"], "--port 99999 is not a TCP port"),
        (["--port", "-1"], "--port -1 is not a TCP port"),
        (["--port", "http"], "invalid int value: 'http'"),
        (["--cert", "{tmp}/ec.crt"], "not RSA"),
        (["--cert", "{tmp}/small.crt"], "1024-bit RSA key"),
        (["--cert", "{tmp}/app.key"], "holds no certificate"),
        (["--org", "{tmp}/bad-org.json"], "apps[0].type is 'lightning_app'"),
        (["--org", "{tmp}/broken-org.json"], "is not valid JSON (line 1"),
    ],
)  # fmt: skip
def test_serve_bad_input_exits_1_and_writes_no_key(
    tmp_path: Path, rsa_key: Any, rsa_cert: Any, args: list[str], match: str
) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from cryptography.x509.oid import NameOID

    def certificate_file(name: str, key: Any) -> None:
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
        cert = (
            x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(1).not_valid_before(rsa_cert.not_valid_before_utc)
            .not_valid_after(rsa_cert.not_valid_after_utc).sign(key, hashes.SHA256())
        )  # fmt: skip
        (tmp_path / f"{name}.crt").write_bytes(cert.public_bytes(serialization.Encoding.PEM))

    certificate_file("ec", ec.generate_private_key(ec.SECP256R1()))
    certificate_file("small", rsa.generate_private_key(public_exponent=65537, key_size=1024))  # noqa: S505
    (tmp_path / "app.crt").write_bytes(rsa_cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "app.key").write_bytes(rsa_key.private_bytes(serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8, serialization.BestAvailableEncryption(b"pw")))  # fmt: skip
    (tmp_path / "pw.txt").write_text("practice-pass\n")
    (tmp_path / "exists.key").write_text("keep me")
    (tmp_path / "bad-org.json").write_text('{"apps": [{"type": "lightning_app", "consumer_key": "3MVGx"}]}')
    (tmp_path / "broken-org.json").write_text('{"apps": [')
    process = subprocess.run(
        [sys.executable, "-m", "sfjwt_gui.cli", "practice", "serve", *[a.format(tmp=tmp_path) for a in args]],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60, cwd=REPO,
    )  # fmt: skip
    assert process.returncode == 1, process.stderr
    assert match in process.stderr
    assert "Traceback" not in process.stderr
    assert process.stdout == ""  # nothing served, no JSON line
    assert not (tmp_path / "demo.key").exists()
    assert (tmp_path / "exists.key").read_text() == "keep me"


def test_serve_port_in_use_exits_1_and_keeps_no_demo_key(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = subprocess.run(
            [sys.executable, "-m", "sfjwt_gui.cli", "practice", "serve", "--port", str(port),
             "--demo-key-out", str(tmp_path / "demo.key"), "--passphrase-env", "DEMO_PW", "--json"],
            capture_output=True, text=True, timeout=60, cwd=REPO, env={**os.environ, "DEMO_PW": "pw"},
        )  # fmt: skip
    assert process.returncode == 1
    assert f"port {port}: Address already in use" in process.stderr
    line, rest = process.stdout.split("\n", 1)  # --json: one line, also for a failure to start
    assert rest == ""
    assert json.loads(line)["error"]["fix"] == "Choose another port, or port 0 for a free one."
    assert not (tmp_path / "demo.key").exists()


@pytest.mark.secret_service
def test_serve_keeps_the_demo_key_in_the_keyring(tmp_path: Path, secret_service_keyring: Any, rsa_key: Any,
                                                 rsa_cert: Any) -> None:  # fmt: skip
    from sfjwt_gui.core.fingerprints import sha256_fingerprint
    from sfjwt_gui.core.vault import Vault

    env = {"SFJWT_DATA_DIR": str(tmp_path)}
    vault = Vault(backend=secret_service_keyring, index_dir=tmp_path)
    name = f"practice-demo-{os.getpid()}"
    try:
        fingerprints = []
        for _run in range(2):  # a second start replaces the earlier demo key of that name
            with serve("--demo-key-name", name, "--quiet", env=env) as (process, info):
                assert info["demo_key_name"] == name
                assert "demo_key_file" not in info
                key = vault.load(name)
                cert = vault.load_certificate(name)
                assert cert is not None
                fingerprints.append(sha256_fingerprint(cert))
                pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                        serialization.NoEncryption())  # fmt: skip
                response = httpx.post(info["token_url"], data={"grant_type": GRANT, "assertion": _sign(pem, info)})
                assert response.status_code == 200, response.text
                assert _stop(process, signal.SIGTERM)[0] == 0
                assert _files_holding(tmp_path, _clear_key_needles(key)) == []
        assert fingerprints[0] != fingerprints[1]
        # later runs can keep the same key: --key NAME uploads its certificate
        with serve("--key", name, "--quiet", env=env) as (process, info):
            response = httpx.post(info["token_url"], data={"grant_type": GRANT, "assertion": _sign(pem, info)})
            assert response.status_code == 200, response.text
            assert _stop(process, signal.SIGTERM)[0] == 0
        # a key that is not a demo key is never replaced
        vault.save(f"{name}-mine", rsa_key, rsa_cert)
        refused = subprocess.run(
            [sys.executable, "-m", "sfjwt_gui.cli", "practice", "serve", "--demo-key-name", f"{name}-mine"],
            capture_output=True, text=True, timeout=60, cwd=REPO, env={**os.environ, **env},
        )  # fmt: skip
        assert refused.returncode == 3
        assert "is not a practice demo key" in refused.stderr
        assert sha256_fingerprint(vault.load_certificate(f"{name}-mine")) == sha256_fingerprint(rsa_cert)
    finally:
        for stored in (name, f"{name}-mine"):
            if stored in {record.name for record in vault.list()}:
                vault.delete(stored)


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
    assert len(listed) == len(SCENARIOS) == 15  # issue 12 added two, API Access Control one
    by_name = {s["name"]: s for s in listed}
    assert by_name["maintenance"]["expected_status"] == 503
    assert by_name["wrong-audience"]["expected_description"] == "audience is invalid"
    assert "aud" in by_name["wrong-audience"]["story"]
    assert by_name["healthy"]["title"] == "正常な組織"


def test_scenarios_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["practice", "scenarios"]) == 0
    out = capsys.readouterr().out
    assert "certificate-mismatch — Certificate does not match the key  [400 invalid_grant / invalid assertion]" in out


def test_serve_with_a_vault_key_without_certificate_says_how_to_attach_one(
    data_dir: Path, rsa_key: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    import keyring
    import keyring.core
    from keyring.backend import KeyringBackend

    from sfjwt_gui.core.vault import Vault

    backend = type("PracticeTestKeyring", (_MemoryKeyring, KeyringBackend), {})()
    Vault(backend=backend, index_dir=data_dir).save("no-cert", rsa_key)
    previous = keyring.core._keyring_backend
    keyring.set_keyring(backend)
    try:
        assert main(["practice", "serve", "--key", "no-cert", "--json"]) == 1
    finally:
        keyring.core._keyring_backend = previous
    out, err = capsys.readouterr()
    error = json.loads(out)["error"]
    assert error["type"] == "CertificateError"
    assert "'no-cert' has no certificate" in error["message"]
    assert "sfjwt keys import CERT.crt --name no-cert" in error["fix"]  # a command that exists
    assert "Traceback" not in err
