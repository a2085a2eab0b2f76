"""The practice org accepts what Salesforce accepts (issue 12 §1): query-string POSTs, prn, the raw 400's headers,
the JWT flow's documented success fields and an Experience Cloud site's token endpoint."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import httpx

from sfjwt_gui.practice import PracticeServer
from sfjwt_gui.practice.org import User

from .conftest import GRANT

Sign = Callable[..., str]
SITE = "https://acme.my.site.com/customers"


def test_parameters_in_the_query_string_of_a_post_are_read(
    server: PracticeServer, client: httpx.Client, assertion: Sign
) -> None:
    """Public JWT examples POST ?grant_type=…&assertion=… with an empty body; Salesforce reads them."""
    response = client.post(server.token_url, params={"grant_type": GRANT, "assertion": assertion()})
    assert response.status_code == 200
    assert response.json()["token_type"] == "Bearer"


def test_query_string_does_not_rescue_a_get_or_a_json_body(
    server: PracticeServer, client: httpx.Client, assertion: Sign
) -> None:
    params = {"grant_type": GRANT, "assertion": assertion()}
    assert client.get(server.token_url, params=params).json()["error"] == "invalid_request"
    refused = client.post(server.token_url, params=params, json={"grant_type": GRANT})
    assert refused.json() == {"error": "unsupported_grant_type", "error_description": "grant type not supported"}


def test_a_form_body_wins_over_the_query_string(server: PracticeServer, client: httpx.Client, assertion: Sign) -> None:
    response = client.post(
        server.token_url, params={"grant_type": "password"}, data={"grant_type": GRANT, "assertion": assertion()}
    )
    assert response.status_code == 200


def test_prn_names_the_user_and_wins_over_sub(server: PracticeServer, client: httpx.Client, assertion: Sign) -> None:
    other = User(username="second.user@example.com", id="005" + "B" * 15)
    server.set_org(dataclasses.replace(server.org, users=(*server.org.users, other)))
    prn_only = client.post(
        server.token_url, data={"grant_type": GRANT, "assertion": assertion(sub=None, prn=other.username)}
    )
    assert prn_only.status_code == 200
    assert prn_only.json()["id"].endswith(other.id)
    both = client.post(
        server.token_url, data={"grant_type": GRANT, "assertion": assertion(sub=server.username, prn=other.username)}
    )
    assert both.json()["id"].endswith(other.id)  # Salesforce KB 000204593: when both are present, prn is used


def test_success_body_and_headers_as_salesforce_sends_them(
    server: PracticeServer, client: httpx.Client, assertion: Sign
) -> None:
    response = client.post(server.token_url, data={"grant_type": GRANT, "assertion": assertion()})
    body = response.json()
    documented = {"access_token", "scope", "instance_url", "id", "token_type"}
    assert documented <= set(body)
    assert set(body) - documented == {"issued_at", "signature"}  # practice-org extras (README says so)
    assert "refresh_token" not in body
    assert response.headers["content-type"] == "application/json;charset=UTF-8"
    assert response.headers["cache-control"] == "no-cache,must-revalidate,max-age=0,no-store,private"


def test_experience_cloud_site_token_endpoint(server: PracticeServer, client: httpx.Client, assertion: Sign) -> None:
    server.set_org(dataclasses.replace(server.org, site_urls=(SITE,)))
    url = server.url + "/customers/services/oauth2/token"
    response = client.post(url, data={"grant_type": GRANT, "assertion": assertion(aud=SITE)})
    assert response.status_code == 200
    body = response.json()
    assert body["sfdc_community_url"] == SITE
    assert body["sfdc_community_id"].startswith("0DB")
    plain = client.post(server.token_url, data={"grant_type": GRANT, "assertion": assertion(aud=SITE)})
    assert "sfdc_community_url" not in plain.json()
    unknown_site = client.post(server.url + "/partners/services/oauth2/token", data={"grant_type": GRANT})
    assert unknown_site.status_code == 404
