"""Org-inspector fixtures: one HTTPS practice org for the module, signing helpers, an admin connection."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from sfjwt_gui.core.claims import Claims
from sfjwt_gui.core.jwt_codec import sign
from sfjwt_gui.core.org.client import OrgConnection
from sfjwt_gui.practice.server import PracticeServer

GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"


@pytest.fixture(scope="module")
def org_server() -> Iterator[PracticeServer]:
    lines: list[str] = []
    with PracticeServer(tls=True, log=lines.append) as server:
        server.request_log = lines  # type: ignore[attr-defined]
        yield server


@pytest.fixture
def practice(org_server: PracticeServer) -> PracticeServer:
    org_server.set_scenario("healthy")
    org_server.request_log.clear()  # type: ignore[attr-defined]
    return org_server


@pytest.fixture
def verify(practice: PracticeServer) -> ssl.SSLContext:
    context = practice.client_ssl_context()
    assert context is not None
    return context


@pytest.fixture
def admin(practice: PracticeServer) -> OrgConnection:
    return OrgConnection(practice.url, practice.admin_access_token, source="practice")


def try_token(server: PracticeServer, verify: Any, aud: str | None = None) -> httpx.Response:
    """Send one real JWT exchange to the practice org (what fills its Login History)."""
    assert server.demo_private_key is not None
    payload = Claims.new(server.consumer_key, server.username, aud or server.audience, lifetime=180).to_payload()
    assertion = sign(payload, server.demo_private_key)
    return httpx.post(server.token_url, data={"grant_type": GRANT, "assertion": assertion}, verify=verify, timeout=10)
