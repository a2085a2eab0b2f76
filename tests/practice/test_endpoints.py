"""Identity URL and API versions with the issued bearer token; INVALID_SESSION_ID otherwise; Date header."""

from __future__ import annotations

import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
import pytest

from sfjwt_gui.practice import PracticeServer

INVALID_SESSION = b'[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]'


@pytest.fixture
def token(post_token: Callable[[str], httpx.Response], assertion: Callable[..., str]) -> dict[str, Any]:
    response = post_token(assertion())
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def test_identity_url_answers_with_the_user(
    server: PracticeServer, client: httpx.Client, token: dict[str, Any]
) -> None:
    response = client.get(token["id"], headers={"Authorization": f"Bearer {token['access_token']}"})
    assert response.status_code == 200
    identity = response.json()
    user = server.org.users[0]
    assert identity["id"] == token["id"]
    assert identity["username"] == server.username
    assert identity["user_id"] == user.id
    assert identity["organization_id"] == server.org.org_id
    assert identity["active"] is True
    assert identity["urls"]["rest"] == f"{server.url}/services/data/v{{version}}/"


def test_api_versions(server: PracticeServer, client: httpx.Client, token: dict[str, Any]) -> None:
    response = client.get(
        token["instance_url"] + "/services/data/", headers={"Authorization": f"Bearer {token['access_token']}"}
    )
    assert response.status_code == 200
    versions = response.json()
    assert all(v["url"] == f"/services/data/v{v['version']}" for v in versions)
    assert [float(v["version"]) for v in versions] == sorted(float(v["version"]) for v in versions)
    latest = versions[-1]["url"]
    resources = client.get(server.url + latest + "/", headers={"Authorization": f"Bearer {token['access_token']}"})
    assert resources.json()["sobjects"] == latest + "/sobjects"


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer", "Bearer 00D5g00000SfJwT!AQnotissued", "Basic dXNlcjpwYXNz"],
)
@pytest.mark.parametrize("path", ["/services/data/", "/id/00D5g00000SfJwTEAV/0055g00000PrAcTAAV"])
def test_bad_token_is_invalid_session_id(
    server: PracticeServer, client: httpx.Client, authorization: str | None, path: str
) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    response = client.get(server.url + path, headers=headers)
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/json;charset=UTF-8"
    assert response.content == INVALID_SESSION
    assert "date" in response.headers
    assert response.headers["server"] == "sfjwt-practice"  # no Python version, no stray space


def test_identity_of_an_unknown_id_is_not_found(
    server: PracticeServer, client: httpx.Client, token: dict[str, Any]
) -> None:
    url = f"{server.url}/id/{server.org.org_id}/005000000000000AAA"
    response = client.get(url, headers={"Authorization": f"Bearer {token['access_token']}"})
    assert response.status_code == 404
    assert response.json()[0]["errorCode"] == "NOT_FOUND"


def test_tokens_are_unique_and_org_prefixed(
    server: PracticeServer, post_token: Callable[[str], httpx.Response], assertion: Callable[..., str]
) -> None:
    tokens = {post_token(assertion()).json()["access_token"] for _ in range(5)}
    assert len(tokens) == 5
    assert all(t.startswith("00D5g00000SfJwT!") and len(t) > 90 for t in tokens)


@pytest.mark.parametrize("offset", [0.0, -7200.0, 90.0])
def test_date_header_follows_the_clock_offset(server: PracticeServer, client: httpx.Client, offset: float) -> None:
    server.faults.clock_offset = offset
    for response in (
        client.get(server.token_url),
        client.get(server.url + "/services/data/"),
        client.get(server.url + "/nope"),
    ):
        skew = parsedate_to_datetime(response.headers["date"]).timestamp() - time.time()
        assert abs(skew - offset) < 3


def test_unknown_path_is_not_found(server: PracticeServer, client: httpx.Client) -> None:
    response = client.get(server.url + "/services/oauth2/authorize")
    assert response.status_code == 404


def test_chunked_form_body_is_read(server: PracticeServer, client: httpx.Client, assertion: Callable[..., str]) -> None:
    body = f"grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion={assertion()}".encode()

    def chunks() -> Any:
        for start in range(0, len(body), 100):
            yield body[start : start + 100]

    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    response = client.post(server.token_url, content=chunks(), headers=headers)
    assert response.status_code == 200
    assert client.get(server.url + "/services/data/").status_code == 401  # the connection is still in step


def test_head_has_headers_and_no_body(server: PracticeServer, client: httpx.Client) -> None:
    response = client.head(server.token_url)
    assert response.status_code == 400
    assert response.content == b""
    assert int(response.headers["content-length"]) > 0


def test_audience_is_the_learners_starting_aud(server: PracticeServer) -> None:
    server.set_scenario("wrong-audience")
    assert server.audience == "https://login.salesforce.com"
    assert server.org.generic_login_url == "https://test.salesforce.com"
