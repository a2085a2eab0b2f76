"""Practice-org fixtures: one running server per transport (HTTP, HTTPS), reset to `healthy` for every test."""

from __future__ import annotations

import json
import ssl
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from jwcrypto import jwk, jws

from sfjwt_gui.practice import Org, PracticeServer

GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"
LOGIN = "https://login.salesforce.com"

Signer = Callable[..., str]


_JWKS: dict[int, Any] = {}


def sign_with(key: Any, payload: dict[str, Any], header: dict[str, Any] | None = None) -> str:
    """Sign with jwcrypto (an independent JOSE library), RS256 unless the header says otherwise."""
    if id(key) not in _JWKS:
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        _JWKS[id(key)] = jwk.JWK.from_pem(pem)
    token = jws.JWS(json.dumps(payload).encode())
    token.add_signature(_JWKS[id(key)], None, json.dumps(header or {"alg": "RS256"}))
    return str(token.serialize(compact=True))


@pytest.fixture(scope="session", params=["http", "https"])
def running_server(request: pytest.FixtureRequest, rsa_cert: Any) -> Iterator[tuple[PracticeServer, Org, httpx.Client]]:
    with PracticeServer(certificate=rsa_cert, tls=request.param == "https") as server:
        verify = ssl.create_default_context(cafile=str(server.ca_file)) if server.ca_file else False
        with httpx.Client(verify=verify, timeout=10) as http_client:
            yield server, server.base_org, http_client


@pytest.fixture
def server(running_server: tuple[PracticeServer, Org, httpx.Client]) -> PracticeServer:
    """The running server, back at the healthy scenario with no faults and the start-up org."""
    practice, original_org, _client = running_server
    practice.set_org(original_org)
    practice.set_scenario("healthy")
    return practice


@pytest.fixture
def client(server: PracticeServer, running_server: tuple[PracticeServer, Org, httpx.Client]) -> httpx.Client:
    """An httpx client that trusts only the server's local CA (HTTPS); kept alive across tests."""
    return running_server[2]


@pytest.fixture
def claims(server: PracticeServer) -> Callable[..., dict[str, Any]]:
    """Healthy claims for this server; keyword arguments override (None removes a claim)."""

    def build(**changes: Any) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "iss": server.consumer_key,
            "sub": server.username,
            "aud": LOGIN,
            "exp": int(time.time()) + 180,
        }
        payload.update(changes)
        return {k: v for k, v in payload.items() if v is not None}

    return build


@pytest.fixture
def assertion(rsa_key: Any, claims: Callable[..., dict[str, Any]]) -> Signer:
    """A signed assertion with healthy claims; keyword arguments override claims."""

    def build(**changes: Any) -> str:
        return sign_with(rsa_key, claims(**changes))

    return build


@pytest.fixture
def post_token(server: PracticeServer, client: httpx.Client) -> Callable[[str], httpx.Response]:
    """POST an assertion form-encoded to the token endpoint."""

    def post(assertion_text: str) -> httpx.Response:
        return client.post(server.token_url, data={"grant_type": GRANT, "assertion": assertion_text})

    return post


def _assert_refusal(response: httpx.Response, error: str, description: str) -> None:
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/json;charset=UTF-8"
    assert response.headers["cache-control"] == "no-cache,must-revalidate,max-age=0,no-store,private"
    assert "date" in response.headers
    expected = json.dumps({"error": error, "error_description": description}, separators=(",", ":"))
    assert response.content == expected.encode()


@pytest.fixture
def refused() -> Callable[[httpx.Response, str, str], None]:
    """Assert the exact Salesforce refusal envelope: 400, JSON, no-store, compact body."""
    return _assert_refusal
