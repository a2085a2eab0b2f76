"""Issue 12's practice scenarios end to end: a JWT-based access token, an uninstalled connected app."""

from __future__ import annotations

import dataclasses

import pytest

from sfjwt_gui.cli import main
from sfjwt_gui.core.diagnosis import diagnose
from sfjwt_gui.core.exchange import ExchangeOptions, check_api, request_token
from sfjwt_gui.core.jwt_codec import decode
from sfjwt_gui.practice.server import PracticeServer

from .conftest import Signer


def test_jwt_based_access_token_is_decoded_as_a_salesforce_access_token(
    org: PracticeServer, options: ExchangeOptions, make_assertion: Signer, capsys: pytest.CaptureFixture[str]
) -> None:
    org.set_scenario("jwt-access-token")
    result = request_token(org.token_url, make_assertion(), options)
    assert result.ok
    assert result.token is not None
    assert result.token.token_format == "jwt"
    assert result.token.to_json()["token_format"] == "jwt"
    assert "JWT-based access token" in (result.token.format_note("en") or "")
    assert "JWT ベースのアクセストークン" in (result.token.format_note("ja") or "")
    decoded = decode(result.token.access_token)
    assert decoded.is_salesforce_access_token
    assert decoded.header["tty"] == "sfdc-core-token"
    assert decoded.header["alg"] == "RS256"
    assert decoded.kind == "salesforce-access-token"
    assert "JWT-based access token" in (decoded.kind_note("en") or "")
    assert "JWT ベースのアクセストークン" in (decoded.kind_note("ja") or "")
    # the token works as a Bearer token like an opaque one
    api = check_api(result.token, options)
    assert api.ok
    assert main(["decode", result.token.access_token]) == 0
    assert "Salesforce JWT-based access token" in capsys.readouterr().out
    assert main(["decode", result.token.access_token, "--json", "--lang", "ja"]) == 0
    assert '"kind": "salesforce-access-token"' in capsys.readouterr().out
    # an assertion is not one
    assert decode(make_assertion()).kind == "jwt"
    assert decode(make_assertion()).kind_note("en") is None


def test_uninstalled_connected_app(org: PracticeServer, options: ExchangeOptions, make_assertion: Signer) -> None:
    org.set_scenario("connected-app-not-installed")
    result = request_token(org.token_url, make_assertion(), options)
    assert (result.error, result.error_description) == ("invalid_client", "app must be installed into org")
    for lang in ("en", "ja"):
        diagnosis = diagnose(result, assertion=make_assertion(), lang=lang)
        assert diagnosis.id == "app-not-installed"
        assert diagnosis.confidence == "reported"
        assert any("005132365" in source.title for source in diagnosis.sources)
    # the user permission lets the same user through
    user = dataclasses.replace(org.org.users[0], permissions=("ApproveUninstalledConnectedApps",))
    org.set_org(dataclasses.replace(org.org, users=(user, *org.org.users[1:])))
    assert request_token(org.token_url, make_assertion(), options).ok
