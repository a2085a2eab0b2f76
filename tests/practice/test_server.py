"""The in-process server's API: demo key, certificate upload at runtime, the log, life cycle."""

from __future__ import annotations

import subprocess
import time
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from sfjwt_gui.core.errors import InputError
from sfjwt_gui.practice import PracticeServer

GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"


def _exchange(server: PracticeServer, key: Any, client: httpx.Client, **claims: Any) -> httpx.Response:
    payload = {
        "iss": server.consumer_key,
        "sub": server.username,
        "aud": "https://login.salesforce.com",
        "exp": int(time.time()) + 60,
    }
    payload.update(claims)
    return client.post(
        server.token_url, data={"grant_type": GRANT, "assertion": jwt.encode(payload, key, algorithm="RS256")}
    )


def test_demo_key_gets_a_token_at_once_and_upload_replaces_it(rsa_key: Any, rsa_cert: Any) -> None:
    lines: list[str] = []
    with PracticeServer(log=lines.append) as server, httpx.Client() as client:
        assert isinstance(server.demo_private_key, rsa.RSAPrivateKey)
        assert server.url.startswith("http://127.0.0.1:")
        assert server.token_url == server.url + "/services/oauth2/token"
        assert server.ca_file is None
        assert server.my_domain_url == "https://sfjwt-practice.my.salesforce.com"
        token = _exchange(server, server.demo_private_key, client).json()["access_token"]
        assert _exchange(server, rsa_key, client).json()["error_description"] == "invalid assertion"
        server.set_certificate(rsa_cert)  # "upload the certificate to the connected app"
        assert server.demo_private_key is None
        assert _exchange(server, rsa_key, client).status_code == 200
        server.set_scenario("certificate-mismatch")  # the scenario holds another certificate
        assert _exchange(server, rsa_key, client).json()["error_description"] == "invalid assertion"
    assert lines[0] == "POST /services/oauth2/token -> 200 token issued"
    assert "POST /services/oauth2/token -> 400 invalid assertion" in lines
    assert not any(token in line or "eyJ" in line for line in lines)  # no token, no assertion in the log


def test_properties_need_a_running_server(rsa_cert: Any) -> None:
    server = PracticeServer(certificate=rsa_cert)
    with pytest.raises(RuntimeError, match="not running"):
        _ = server.url
    with server:
        port = server.port
    with pytest.raises(RuntimeError):
        _ = server.port
    assert port > 0


def test_unknown_scenario_names_the_choices(rsa_cert: Any) -> None:
    with pytest.raises(InputError, match="healthy") as info:
        PracticeServer(certificate=rsa_cert, scenario="nope")
    assert "nope" in info.value.message


def test_fixed_port_and_loopback_only(rsa_cert: Any) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with PracticeServer(certificate=rsa_cert, port=port) as server:
        assert server.url == f"http://127.0.0.1:{port}"
        with pytest.raises(InputError, match=f"port {port}") as info:
            PracticeServer(certificate=rsa_cert, port=port).start()  # the port is taken
        assert "port 0" in info.value.fix


@pytest.mark.parametrize("port", [-1, 65536, 99999])
def test_a_port_outside_tcp_is_an_input_error_and_leaves_no_tls_files(rsa_cert: Any, port: int) -> None:
    server = PracticeServer(certificate=rsa_cert, port=port, tls=True)
    with pytest.raises(InputError, match=f"Port {port} is not a TCP port") as info:
        server.start()
    assert "0 for a free one" in info.value.fix
    assert server.ca_file is None


def test_the_client_tls_context_is_made_once_and_serves_every_client(rsa_cert: Any) -> None:
    """The window asks for it at every state change (org access): it is built once, not at each call."""
    with PracticeServer(certificate=rsa_cert, tls=True) as server:
        context = server.client_ssl_context()
        assert context is not None
        assert server.client_ssl_context() is context
        for _ in range(2):
            with httpx.Client(verify=context) as client:
                assert client.get(server.token_url).status_code == 400
    with PracticeServer(certificate=rsa_cert) as plain:
        assert plain.client_ssl_context() is None  # plain HTTP: no context


@pytest.mark.interop
def test_https_trusts_only_with_the_ca(rsa_cert: Any) -> None:
    with PracticeServer(certificate=rsa_cert, tls=True) as server:
        assert server.ca_file is not None
        ca_file = server.ca_file
        with httpx.Client(verify=server.client_ssl_context() or False) as client:
            assert client.get(server.token_url).status_code == 400
        with pytest.raises(httpx.ConnectError), httpx.Client() as untrusting:
            untrusting.get(server.token_url)
        # no private key in the clear on disk: the server key file is encrypted, the CA key never written
        files = {path.name: path.read_bytes() for path in ca_file.parent.iterdir()}
        assert sorted(files) == ["owner.pid", "practice-ca.pem", "server.key", "server.pem"]
        assert files["server.key"].startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
        assert all(b"-----BEGIN PRIVATE KEY" not in data and b"EC PRIVATE KEY" not in data for data in files.values())
        assert (ca_file.parent / "server.key").stat().st_mode & 0o777 == 0o600
        # and curl, a client we did not write, trusts it with the CA file
        curl = subprocess.run(["curl", "-sS", "--cacert", str(ca_file), server.url + "/services/data/"],
                              capture_output=True, text=True, timeout=30)  # fmt: skip
        assert curl.returncode == 0, curl.stderr
        assert "INVALID_SESSION_ID" in curl.stdout
    assert not ca_file.exists()
