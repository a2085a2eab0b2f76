"""Property tests: arbitrary and mutated tokens, payloads and endpoints never raise anything but our typed errors."""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jwt_helpers import NOW, b64url, hand_token

from sfjwt_gui.core.errors import SfjwtError
from sfjwt_gui.core.jwt_codec import DecodedToken, decode, sign, verify
from sfjwt_gui.core.lint import Finding, lint
from sfjwt_gui.core.timefmt import annotate_times

# SFJWT_FUZZ_EXAMPLES=20000 for a long local run; CI keeps the default.
EXAMPLES = int(os.environ.get("SFJWT_FUZZ_EXAMPLES", "300"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40)
)
json_values = st.recursive(
    json_scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)  # fmt: skip
claim_values = (
    json_values
    | st.sampled_from(["https://login.salesforce.com", "https://test.salesforce.com/", "http://acme.lightning.force.com",
                       "login.salesforce.com", "https://a--b.sandbox.my.salesforce.com/services/oauth2/token", "005",
                       "3MVG", "user@gmail.com", "1e3", " 17 ", "https://[::1", "https://x:99999", "https://é.com"])
    | st.integers(min_value=int(NOW) - 10**6, max_value=int(NOW * 1000) + 10**6)
)  # fmt: skip
payloads = st.dictionaries(
    st.sampled_from(["iss", "sub", "aud", "exp", "iat", "nbf", "prn", "jti", "scope"]) | st.text(max_size=6),
    claim_values,
    max_size=9,
)
headers = st.dictionaries(
    st.sampled_from(["alg", "typ", "kid"]) | st.text(max_size=4),
    st.sampled_from(["RS256", "none", "HS256", "ES256", "PS256", "RS512", "", "rs256"]) | json_values,
    max_size=4,
)
endpoints = st.none() | st.text(max_size=60) | st.sampled_from(
    ["https://login.salesforce.com", "test.salesforce.com", "https://acme.my.salesforce.com/services/oauth2/token",
     "http://127.0.0.1:1", "https://acme--uat.sandbox.my.salesforce.com", "https://x.example/path"]
)  # fmt: skip


def _lint_or_typed(text: str | DecodedToken, **options: Any) -> list[Finding] | None:
    try:
        return lint(text, now=NOW, **options)
    except SfjwtError:
        return None


@SETTINGS
@given(st.text(max_size=300))
def test_arbitrary_text_decodes_or_raises_a_typed_error(text: str) -> None:
    try:
        decoded = decode(text)
    except SfjwtError:
        return
    assert isinstance(decoded.header, dict)
    assert isinstance(decoded.payload, dict)
    _lint_or_typed(decoded)
    annotate_times(decoded.payload, now=NOW)


@SETTINGS
@given(st.binary(max_size=200).map(lambda raw: raw.decode("latin-1")))
def test_arbitrary_bytes_as_text_never_escape(text: str) -> None:
    _lint_or_typed(text)


@pytest.fixture(scope="module")
def valid_token(rsa_key: Any) -> str:
    payload = {"iss": "3MVGx", "sub": "u@acme.com", "aud": "https://login.salesforce.com", "exp": int(NOW) + 180}
    return hand_token({"alg": "RS256"}, payload, rsa_key)


mutations = st.lists(
    st.tuples(
        st.sampled_from(["insert", "delete", "replace"]),
        st.floats(min_value=0, max_value=1),
        st.sampled_from([*".-_+/=% \n\t\"'=&AZaz09", "Bearer ", "assertion=", "curl ", "%2E", "é", "\x00"]),
    ),
    min_size=1,
    max_size=6,
)


def _mutate(token: str, steps: list[tuple[str, float, str]]) -> str:
    for action, where, text in steps:
        index = int(where * len(token))
        if action == "insert":
            token = token[:index] + text + token[index:]
        elif action == "delete":
            token = token[:index] + token[index + 1 :]
        else:
            token = token[:index] + text + token[index + 1 :]
    return token


@SETTINGS
@given(mutations)
def test_mutated_tokens_lint_or_raise_typed_errors_and_never_verify_falsely(
    valid_token: str, rsa_cert: Any, steps: list[tuple[str, float, str]]
) -> None:
    text = _mutate(valid_token, steps)
    try:
        decoded = decode(text)
    except SfjwtError:
        return
    result = verify(decoded, rsa_cert)
    if result.verified:  # only when the signed bytes and the signature bytes are the original ones
        original = decode(valid_token)
        assert decoded.signing_input == original.signing_input
        assert decoded.signature == original.signature  # (base64url's unused low bits may differ)
    _lint_or_typed(decoded, certificate=rsa_cert)


@SETTINGS
@given(
    headers,
    payloads,
    endpoints,
    st.floats(min_value=-1e6, max_value=1e6),
    st.floats(min_value=0, max_value=60),
    st.sampled_from(["en", "ja"]),
)
def test_any_json_header_and_payload_lints_without_untyped_errors(
    rsa_key: Any, rsa_cert: Any, header: dict[str, Any], payload: dict[str, Any], endpoint: str | None,
    clock_offset: float, clock_uncertainty: float, lang: str,
) -> None:  # fmt: skip
    token = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(payload).encode())}.{b64url(b'x' * 64)}"
    decoded = decode(token)
    assert decoded.payload == payload
    findings = _lint_or_typed(
        decoded, endpoint=endpoint, certificate=rsa_cert, private_key=rsa_key, clock_offset=clock_offset,
        clock_uncertainty=clock_uncertainty, lang=lang,
    )  # fmt: skip
    for finding in findings or []:
        assert finding.message
        assert finding.fix
    annotate_times(payload, now=NOW)


@settings(max_examples=40, deadline=None)
@given(payloads)
def test_sign_then_decode_round_trips_and_verifies(rsa_key: Any, rsa_cert: Any, payload: dict[str, Any]) -> None:
    try:
        token = sign(payload, rsa_key)
    except SfjwtError:
        return  # PyJWT refuses some claim types (e.g. a non-string iss); that must be our ClaimsError
    decoded = decode(token)
    assert decoded.payload == json.loads(json.dumps(payload))
    assert verify(decoded, rsa_cert).verified


@pytest.mark.parametrize(
    "text",
    [
        "a" * 200_000 + "!",
        '"' * 200_000,
        "'\"" * 100_000 + "x" + "\"'" * 100_000,
        "a." * 100_000 + "!",
        "x " + "eyJ" * 60_000 + " !",
        "assertion=" + "%2" * 60_000,
        "e30."
        + b64url(json.dumps({"sub": "a@" + "b." * 50_000 + " x", "iss": "a@" + "b." * 50_000 + " x"}).encode())
        + ".",
        "e30." + b64url(json.dumps({"aud": "https://" + "a." * 50_000 + "com/" + "p/" * 50_000}).encode()) + ".",
    ],
    ids=["run-no-dots", "quotes", "nested-quotes", "dots", "eyJ-run", "percent", "long-email", "long-aud"],
)
def test_adversarial_long_inputs_stay_fast(text: str) -> None:
    import time

    start = time.perf_counter()
    _lint_or_typed(text)
    assert time.perf_counter() - start < 2.0
