"""Clients we did not write: a key and certificate from the openssl CLI, an assertion signed by `openssl dgst`,
and `curl` posting it (form-encoded: a token; as JSON: unsupported_grant_type), over HTTP and HTTPS."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509

from sfjwt_gui.practice import PracticeServer

pytestmark = [
    pytest.mark.interop,
    pytest.mark.skipif(not (shutil.which("openssl") and shutil.which("curl")), reason="needs openssl and curl"),
]
GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@pytest.fixture(scope="module")
def openssl_material(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Salesforce's own recipe: openssl genpkey + a self-signed certificate."""
    folder = tmp_path_factory.mktemp("openssl")
    key, cert = folder / "server.key", folder / "server.crt"
    subprocess.run(
        ["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", str(key)],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            "openssl",
            "req",
            "-new",
            "-x509",
            "-sha256",
            "-days",
            "30",
            "-key",
            str(key),
            "-out",
            str(cert),
            "-subj",
            "/CN=curl-interop",
        ],
        check=True,
        capture_output=True,
    )
    return key, cert


@pytest.fixture(scope="module", params=["http", "https"])
def openssl_server(request: pytest.FixtureRequest, openssl_material: tuple[Path, Path]) -> Iterator[PracticeServer]:
    cert = x509.load_pem_x509_certificate(openssl_material[1].read_bytes())
    with PracticeServer(certificate=cert, tls=request.param == "https") as server:
        yield server


def openssl_assertion(server: PracticeServer, key: Path, folder: Path, **claims: object) -> str:
    payload = {
        "iss": server.consumer_key,
        "sub": server.username,
        "aud": "https://login.salesforce.com",
        "exp": int(time.time()) + 180,
    }
    payload.update(claims)
    signing_input = b64url(b'{"alg":"RS256"}') + "." + b64url(json.dumps(payload).encode())
    (folder / "input.txt").write_text(signing_input, encoding="ascii")
    signature = subprocess.run(
        ["openssl", "dgst", "-sha256", "-sign", str(key), str(folder / "input.txt")], check=True, capture_output=True
    ).stdout
    return signing_input + "." + b64url(signature)


def curl(server: PracticeServer, *args: str) -> tuple[int, dict[str, str], bytes]:
    tls = ["--cacert", str(server.ca_file)] if server.ca_file else []
    done = subprocess.run(
        ["curl", "--silent", "--show-error", "--include", "--max-time", "10", *tls, *args],
        check=True,
        capture_output=True,
    )
    head, _, body = done.stdout.partition(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split()[1]), headers, body


def test_curl_form_post_with_an_openssl_signed_assertion_gets_a_token(
    openssl_server: PracticeServer, openssl_material: tuple[Path, Path], tmp_path: Path
) -> None:
    assertion = openssl_assertion(openssl_server, openssl_material[0], tmp_path)
    status, headers, body = curl(
        openssl_server,
        "--data-urlencode",
        f"grant_type={GRANT}",
        "--data-urlencode",
        f"assertion={assertion}",
        openssl_server.token_url,
    )
    assert status == 200, body
    assert headers["content-type"] == "application/json;charset=UTF-8"
    token = json.loads(body)
    assert token["token_type"] == "Bearer"
    assert "refresh_token" not in token
    status, _, identity = curl(openssl_server, "-H", f"Authorization: Bearer {token['access_token']}", token["id"])
    assert status == 200
    assert json.loads(identity)["username"] == openssl_server.username


def test_curl_json_post_is_unsupported_grant_type(
    openssl_server: PracticeServer, openssl_material: tuple[Path, Path], tmp_path: Path
) -> None:
    assertion = openssl_assertion(openssl_server, openssl_material[0], tmp_path)
    status, headers, body = curl(
        openssl_server,
        "-H",
        "Content-Type: application/json",
        "--data",
        json.dumps({"grant_type": GRANT, "assertion": assertion}),
        openssl_server.token_url,
    )
    assert status == 400
    assert headers["content-type"] == "application/json;charset=UTF-8"
    assert headers["cache-control"] == "no-cache,must-revalidate,max-age=0,no-store,private"
    assert body == b'{"error":"unsupported_grant_type","error_description":"grant type not supported"}'


def test_curl_get_must_use_post(openssl_server: PracticeServer) -> None:
    status, _, body = curl(openssl_server, openssl_server.token_url)
    assert status == 400
    assert body == b'{"error":"invalid_request","error_description":"must use HTTP POST"}'


def test_curl_with_an_expired_openssl_assertion(
    openssl_server: PracticeServer, openssl_material: tuple[Path, Path], tmp_path: Path
) -> None:
    assertion = openssl_assertion(openssl_server, openssl_material[0], tmp_path, exp=int(time.time()) - 60)
    status, _, body = curl(openssl_server, "-d", f"grant_type={GRANT}&assertion={assertion}", openssl_server.token_url)
    assert status == 400
    assert body == b'{"error":"invalid_grant","error_description":"expired authorization code"}'


def test_curl_without_the_ca_trusts_only_plain_http(openssl_server: PracticeServer) -> None:
    done = subprocess.run(["curl", "--silent", "--max-time", "10", openssl_server.token_url], capture_output=True)
    if openssl_server.tls:
        assert done.returncode == 60  # CURLE_PEER_FAILED_VERIFICATION: the local CA is not in the system store
    else:
        assert done.returncode == 0
        assert b"must use HTTP POST" in done.stdout
