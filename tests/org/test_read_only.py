"""The client only reads: GET, and POST of readMetadata/listMetadata to the Metadata API. Everything else is
refused before it leaves (checked in the client and again in the httpx request hook)."""

from __future__ import annotations

import httpx
import pytest

from sfjwt_gui.core.org.client import (
    OrgClient,
    OrgConnection,
    ReadOnlyViolation,
    guard_request,
    metadata_envelope,
)

CONN = OrgConnection("https://acme.my.salesforce.com", "00D000000000001!secretsecretsecret")


def test_reads_pass() -> None:
    guard_request("GET", "https://acme.my.salesforce.com/services/data/v66.0/query?q=x", b"")
    guard_request(
        "POST",
        "https://acme.my.salesforce.com/services/Soap/m/66.0",
        metadata_envelope("t", "readMetadata", "<met:type>ConnectedApp</met:type>"),
    )
    guard_request(
        "POST", "https://acme.my.salesforce.com/services/Soap/m/66.0", metadata_envelope("t", "listMetadata", "")
    )


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "POST", "HEAD", "OPTIONS"])
def test_other_methods_refused(method: str) -> None:
    with pytest.raises(ReadOnlyViolation):
        guard_request(method, "https://acme.my.salesforce.com/services/data/v66.0/sobjects/User/005", b"{}")


@pytest.mark.parametrize(
    "operation", ["deploy", "updateMetadata", "deleteMetadata", "createMetadata", "upsertMetadata"]
)
def test_writing_metadata_refused(operation: str) -> None:
    with pytest.raises(ReadOnlyViolation):
        metadata_envelope("t", operation, "")
    body = metadata_envelope("t", "readMetadata", "").replace(b"readMetadata", operation.encode())
    with pytest.raises(ReadOnlyViolation):
        guard_request("POST", "https://acme.my.salesforce.com/services/Soap/m/66.0", body)


def test_get_with_body_and_soap_elsewhere_refused() -> None:
    with pytest.raises(ReadOnlyViolation):
        guard_request("GET", "https://acme.my.salesforce.com/services/data/", b"x")
    with pytest.raises(ReadOnlyViolation):
        guard_request(
            "POST", "https://acme.my.salesforce.com/services/Soap/u/66.0", metadata_envelope("t", "readMetadata", "")
        )


def test_hook_stops_a_write_that_bypasses_send() -> None:
    seen: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: seen.append(request) or httpx.Response(200, json={}))
    with OrgClient(CONN, transport=transport) as client:
        with pytest.raises(ReadOnlyViolation):
            client._client.patch("https://acme.my.salesforce.com/services/data/v66.0/sobjects/User/005", json={})
        with pytest.raises(ReadOnlyViolation):
            client._client.post("https://acme.my.salesforce.com/services/data/v66.0/composite", json={})
    assert seen == []


def test_token_masked_in_repr() -> None:
    assert "secretsecret" not in repr(CONN)
    assert "secretsecret" not in repr(OrgClient(CONN))


def test_refusals_are_typed() -> None:
    answers = {
        "User": httpx.Response(403, json=[{"message": "no", "errorCode": "INSUFFICIENT_ACCESS"}]),
        "SetupEntityAccess": httpx.Response(400, json=[{"message": "sObject type", "errorCode": "INVALID_TYPE"}]),
        "Organization": httpx.Response(403, json=[{"message": "API is disabled", "errorCode": "API_DISABLED_FOR_ORG"}]),
        "LoginHistory": httpx.Response(401, json=[{"message": "Session expired", "errorCode": "INVALID_SESSION_ID"}]),
    }

    def handler(request: httpx.Request) -> httpx.Response:
        query = request.url.params.get("q", "")
        return next(r for name, r in answers.items() if f"FROM {name}" in query)

    with OrgClient(CONN, transport=httpx.MockTransport(handler)) as client:
        soql = {name: "SELECT Id FROM " + name for name in answers}  # noqa: S608 - fixed object names
        kinds = {name: client.query(soql[name], name).refusal for name in answers}
    assert {n: r.kind for n, r in kinds.items() if r} == {
        "User": "insufficient_access",
        "SetupEntityAccess": "invalid_type",
        "Organization": "api_disabled",
        "LoginHistory": "session_expired",
    }
