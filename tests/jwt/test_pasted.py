"""Decode takes what people paste: a certificate as PEM text (jwt.io habit, mangled line breaks too), a Salesforce
access token (recognised as opaque, not advised to "copy the whole token"), and a curl command whose URL fills
"POSTed to" (``sfjwt decode`` shows it; ``sfjwt lint`` uses it when no --endpoint is given)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization

from sfjwt_gui.cli import main
from sfjwt_gui.core.errors import TokenFormatError
from sfjwt_gui.core.jwt_codec import decode, describe_token_error, sign, verify
from sfjwt_gui.core.pasted import posted_to, recognise_access_token

ACCESS_TOKEN = "00D5g00000SfJwT!AQ4AQGhm2wXxE7pRp0zK5nEoTQXqz8yYzVHlQXfG_aBcD.EfGh"
CLAIMS = {"iss": "3MVGx", "sub": "u@example.com", "aud": "https://test.salesforce.com", "exp": 4_000_000_000}


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "pasted",
    [
        ACCESS_TOKEN,
        f"  Bearer {ACCESS_TOKEN}\n",
        f"Authorization: Bearer {ACCESS_TOKEN}",
        f'"{ACCESS_TOKEN}"',
        json.dumps({"access_token": ACCESS_TOKEN, "instance_url": "https://acme.my.salesforce.com"}),
        "00D5g00000SfJwTEAV!AQ4AQGhm2wXxE7pRp0zK5nEoTQ",  # 18-character org id
    ],
)
def test_an_access_token_is_recognised_as_opaque_not_a_broken_jwt(pasted: str) -> None:
    recognised = recognise_access_token(pasted)
    assert recognised is not None
    assert recognised.org_id.startswith("00D5g00000SfJwT")
    with pytest.raises(TokenFormatError) as info:
        decode(pasted)
    exc = info.value
    assert exc.code == "opaque-access-token"
    for lang in ("en", "ja"):
        message, fix = describe_token_error(exc, lang)
        assert "00D5g00000SfJwT" in message
        assert "AQ4AQ" not in message + fix  # the secret part never appears
        assert "whole token" not in fix
        assert "全体をコピー" not in fix
    assert "access token" in exc.message
    assert "アクセストークン" in describe_token_error(exc, "ja")[0]


@pytest.mark.parametrize(
    "text", ["00D5g00000SfJwT", "00Dshort!abc", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "005xx!abcdefghij"]
)
def test_other_text_is_not_an_access_token(text: str) -> None:
    assert recognise_access_token(text) is None


def test_curl_url_is_what_posted_to_shows(rsa_key: Any) -> None:
    token = sign(CLAIMS, rsa_key)
    curl = (
        "curl --silent https://test.salesforce.com/services/oauth2/token?debug=1 \\\n"
        f"  --data-urlencode 'grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer' -d 'assertion={token}'"
    )
    decoded = decode(curl)
    assert decoded.posted_to == "https://test.salesforce.com/services/oauth2/token"  # no query string
    assert decoded.payload["sub"] == "u@example.com"
    assert posted_to(
        f"curl -X POST --url 'https://acme.my.salesforce.com/services/oauth2/token' -d assertion={token}"
    ) == ("https://acme.my.salesforce.com/services/oauth2/token")
    assert posted_to(f"POST https://login.salesforce.com/services/oauth2/token HTTP/1.1\n\nassertion={token}") == (
        "https://login.salesforce.com/services/oauth2/token"
    )
    assert decode(token).posted_to is None


def test_verify_against_pasted_pem_text_even_mangled(rsa_key: Any, rsa_cert: Any) -> None:
    decoded = decode(sign(CLAIMS, rsa_key))
    pem = rsa_cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
    assert verify(decoded, pem).verified
    one_line = pem.replace("\n", " ")  # what a chat window or a form field makes of it
    assert verify(decoded, one_line).verified


def test_decode_cli_takes_pasted_pem_shows_posted_to_and_names_access_tokens(
    capsys: pytest.CaptureFixture[str], rsa_key: Any, rsa_cert: Any
) -> None:
    token = sign(CLAIMS, rsa_key)
    pem = rsa_cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
    curl = f"curl https://test.salesforce.com/services/oauth2/token -d 'assertion={token}'"
    code, out, err = _run(capsys, "decode", curl, "--cert", pem, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["verified"] is True
    assert data["posted_to"] == "https://test.salesforce.com/services/oauth2/token"
    code, out, _ = _run(capsys, "decode", curl, "--lang", "ja")
    assert "送信先 (POST): https://test.salesforce.com/services/oauth2/token" in out
    code, out, err = _run(capsys, "decode", f"Bearer {ACCESS_TOKEN}", "--json")
    assert code == 1
    assert json.loads(out)["error"]["code"] == "opaque-access-token"
    assert "AQ4AQ" not in out + err
    # lint takes the endpoint from the curl command: aud is the sandbox host, the POST goes there too: no mismatch
    code, out, _ = _run(capsys, "lint", curl, "--json")
    assert all(f["rule"] != "aud-endpoint-mismatch" for f in json.loads(out)["findings"])
    prod = curl.replace("test.salesforce.com", "login.salesforce.com", 1)
    code, out, _ = _run(capsys, "lint", prod, "--json")
    assert any(f["rule"] == "aud-endpoint-mismatch" for f in json.loads(out)["findings"])
