"""Sign, decode and verify against tokens and keys made independently of our code (openssl, RFC 7515, jwcrypto)."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jwt as pyjwt
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwcrypto import jwk, jws
from jwt_helpers import KeyFiles, b64url, hand_token, openssl_token, segment

from sfjwt_gui.core.errors import ClaimsError, KeyTooSmallError, TokenFormatError, UnsupportedKeyError
from sfjwt_gui.core.fingerprints import sha256_fingerprint
from sfjwt_gui.core.jwt_codec import decode, key_fingerprint, sign, verify

PAYLOAD = {"iss": "3MVG9TEST", "sub": "integration@acme.com", "aud": "https://login.salesforce.com", "exp": 1780000180}

# RFC 7515 Appendix A.2: the published RS256 example and the public half of its JWK.
RFC7515_A2_TOKEN = (
    "eyJhbGciOiJSUzI1NiJ9"
    ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
    ".cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZ"
    "cAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOk"
    "HWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw"
)
RFC7515_A2_N = (
    "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMs"
    "D1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdV"
    "MTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ"
)
RFC7515_A2_E = "AQAB"


def _b64int(text: str) -> int:
    return int.from_bytes(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)), "big")


def rfc_public_key() -> rsa.RSAPublicKey:
    return rsa.RSAPublicNumbers(_b64int(RFC7515_A2_E), _b64int(RFC7515_A2_N)).public_key()


def flip_one_byte(token: str, part: int) -> str:
    """Change one character of one part so it still decodes but the bytes differ."""
    parts = token.split(".")
    text = parts[part]
    index = len(text) // 2
    parts[part] = text[:index] + ("A" if text[index] != "A" else "B") + text[index + 1 :]
    return ".".join(parts)


# ----- independent tokens ---------------------------------------------------------------------------------------


def test_rfc7515_a2_example_decodes_and_verifies_with_its_published_jwk() -> None:
    decoded = decode(RFC7515_A2_TOKEN)
    assert decoded.header == {"alg": "RS256"}
    assert decoded.payload == {"iss": "joe", "exp": 1300819380, "http://example.com/is_root": True}
    assert len(decoded.signature) == 256
    result = verify(decoded, rfc_public_key())
    assert result.verified, result.reason
    assert result.key_sha256 == key_fingerprint(rfc_public_key())
    assert result.certificate_sha256 is None


@pytest.mark.parametrize("part", [0, 1, 2])
def test_rfc7515_a2_example_with_one_byte_changed_is_not_verified(part: int) -> None:
    tampered = flip_one_byte(RFC7515_A2_TOKEN, part)
    try:
        decoded = decode(tampered)
    except TokenFormatError:
        return  # the change broke the JSON of that part: also "not verified"
    assert not verify(decoded, rfc_public_key()).verified


@pytest.mark.interop
def test_token_signed_by_openssl_verifies_with_the_pem_and_der_certificate(key_files: KeyFiles, tmp_path: Path) -> None:
    token = openssl_token({"alg": "RS256", "typ": "JWT"}, PAYLOAD, key_files.key_pem, tmp_path)
    decoded = decode(token)
    assert decoded.payload == PAYLOAD
    for source in (key_files.cert_pem, key_files.cert_der):
        result = verify(decoded, source.read_bytes())
        assert result.verified, result.reason
        assert result.certificate_sha256 is not None
    for source in (key_files.public_pem, key_files.public_der):
        result = verify(decoded, source.read_bytes())
        assert result.verified
        assert result.certificate_sha256 is None


@pytest.mark.interop
def test_openssl_token_tampered_in_the_payload_is_not_verified(key_files: KeyFiles, tmp_path: Path) -> None:
    token = openssl_token({"alg": "RS256"}, PAYLOAD, key_files.key_pem, tmp_path)
    assert verify(decode(token), key_files.cert_pem.read_bytes()).verified
    header, _, signature = token.split(".")
    changed = segment({**PAYLOAD, "sub": "intruder@acme.com"})
    assert not verify(decode(f"{header}.{changed}.{signature}"), key_files.cert_pem.read_bytes()).verified
    assert not verify(decode(flip_one_byte(token, 2)), key_files.cert_pem.read_bytes()).verified


@pytest.mark.interop
def test_our_signature_verifies_with_openssl(rsa_key: Any, key_files: KeyFiles, tmp_path: Path) -> None:
    import subprocess

    token = sign(PAYLOAD, rsa_key)
    signing_input, signature = token.rsplit(".", 1)
    (tmp_path / "in").write_bytes(signing_input.encode())
    (tmp_path / "sig").write_bytes(base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4)))
    proc = subprocess.run(
        ["openssl", "dgst", "-sha256", "-verify", str(key_files.public_pem), "-signature", str(tmp_path / "sig"),
         str(tmp_path / "in")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Verified OK" in proc.stdout


def test_jwcrypto_verifies_our_signature_and_we_verify_jwcrypto_s(rsa_key: Any, rsa_cert: Any) -> None:
    pem = rsa_key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    public_jwk = jwk.JWK.from_pem(pem)
    ours = sign(PAYLOAD, rsa_key)
    checker = jws.JWS()
    checker.deserialize(ours)
    checker.verify(public_jwk)  # raises if invalid
    assert json.loads(checker.payload) == PAYLOAD

    private_jwk = jwk.JWK.from_pem(
        rsa_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    theirs = jws.JWS(json.dumps(PAYLOAD).encode())
    theirs.add_signature(private_jwk, None, json.dumps({"alg": "RS256"}))
    token = theirs.serialize(compact=True)
    result = verify(decode(token), rsa_cert)
    assert result.verified
    assert result.certificate_sha256 == sha256_fingerprint(rsa_cert)


def test_sign_uses_rs256_and_puts_the_payload_unchanged(rsa_key: Any) -> None:
    token = sign({**PAYLOAD, "scope": "api"}, rsa_key, headers={"kid": "k1"})
    decoded = decode(token)
    assert decoded.header["alg"] == "RS256"
    assert decoded.header["kid"] == "k1"
    assert decoded.payload == {**PAYLOAD, "scope": "api"}
    assert pyjwt.decode(token, rsa_key.public_key(), algorithms=["RS256"], options={"verify_exp": False,
                        "verify_aud": False}) == {**PAYLOAD, "scope": "api"}  # fmt: skip


def test_sign_refuses_small_and_non_rsa_keys_and_unserialisable_claims(rsa_key: Any, small_key: Any) -> None:
    with pytest.raises(KeyTooSmallError, match="1024"):
        sign(PAYLOAD, small_key)
    with pytest.raises(UnsupportedKeyError):
        sign(PAYLOAD, ec.generate_private_key(ec.SECP256R1()))  # type: ignore[arg-type]
    with pytest.raises(ClaimsError):
        sign({**PAYLOAD, "extra": {1, 2}}, rsa_key)
    for alg in ("none", "HS256", "RS512"):
        with pytest.raises(ClaimsError, match=alg):
            sign(PAYLOAD, rsa_key, headers={"alg": alg})
    assert decode(sign(PAYLOAD, rsa_key, headers={"alg": "RS256"})).header["alg"] == "RS256"


# ----- verification refusals --------------------------------------------------------------------------------------


def test_alg_none_is_never_verified(rsa_key: Any, rsa_cert: Any) -> None:
    token = hand_token({"alg": "none"}, PAYLOAD, None)
    result = verify(decode(token), rsa_cert)
    assert not result.verified
    assert "none" in result.reason


def test_hmac_token_is_never_verified_even_with_the_public_key_as_secret(rsa_key: Any) -> None:
    public_pem = rsa_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    import hashlib
    import hmac

    signing_input = f"{segment({'alg': 'HS256'})}.{segment(PAYLOAD)}"
    mac = hmac.new(public_pem, signing_input.encode(), hashlib.sha256).digest()
    token = f"{signing_input}.{b64url(mac)}"
    result = verify(decode(token), rsa_key.public_key())
    assert not result.verified
    assert "HMAC" in result.reason


def test_verify_with_another_key_reports_that_key(rsa_key: Any, other_key: Any) -> None:
    result = verify(decode(sign(PAYLOAD, rsa_key)), other_key.public_key())
    assert not result.verified
    assert result.key_sha256 == key_fingerprint(other_key)


def test_ps256_tokens_verify_too(rsa_key: Any) -> None:
    signing_input = f"{segment({'alg': 'PS256'})}.{segment(PAYLOAD)}"
    pss = __import__("cryptography.hazmat.primitives.asymmetric.padding", fromlist=["PSS"])
    signature = rsa_key.sign(
        signing_input.encode(), pss.PSS(mgf=pss.MGF1(hashes.SHA256()), salt_length=32), hashes.SHA256()
    )
    assert verify(decode(f"{signing_input}.{b64url(signature)}"), rsa_key.public_key()).verified


# ----- what people paste ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def token(rsa_key: Any) -> str:
    return hand_token({"alg": "RS256", "typ": "JWT"}, PAYLOAD, rsa_key)


def test_clean_token_has_no_repairs(token: str) -> None:
    decoded = decode(token)
    assert decoded.token == token
    assert decoded.repairs == []
    assert decoded.signing_input == token.rsplit(".", 1)[0].encode()
    assert decoded.signature_b64 == token.rsplit(".", 1)[1]


@pytest.mark.parametrize(
    ("wrap", "expected"),
    [
        (lambda t: f"  {t}\n", ["removed surrounding whitespace"]),
        (lambda t: f"Bearer {t}", ["removed the 'Bearer ' prefix"]),
        (lambda t: f"Authorization: Bearer {t}", ["removed the 'Bearer ' prefix"]),
        (lambda t: f'"{t}"', ["removed quotes"]),
        (lambda t: f"'{t}'", ["removed quotes"]),
        (lambda t: "\n".join(t[i : i + 64] for i in range(0, len(t), 64)), ["removed line breaks and spaces inside"]),
        (
            lambda t: urlencode({"grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion": t}),
            ["took the value of the assertion= form field"],
        ),
        (
            lambda t: "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=" + quote(t, safe=""),
            ["took the value of the assertion= form field"],
        ),
        (
            lambda t: "assertion=" + t.replace(".", "%2E"),
            ["took the value of the assertion= form field", "URL-decoded the assertion"],
        ),
        (
            lambda t: (
                "curl -X POST https://login.salesforce.com/services/oauth2/token \\\n"
                " -H 'Content-Type: application/x-www-form-urlencoded' \\\n"
                f" -d 'grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion={t}'"
            ),
            ["took the assertion= form field out of the curl command"],
        ),
        (lambda t: json.dumps({"assertion": t}), ['took the value of the "assertion" JSON field']),
        (lambda t: f"my token is: {t} (expires soon)", ["took the JWT out of the surrounding text"]),
        (lambda t: f'export ASSERTION="{t}"', ["took the JWT out of the surrounding text"]),
        (lambda t: f"(see {t}), then", ["took the JWT out of the surrounding text"]),
    ],
)
def test_pasted_junk_is_stripped_and_reported(token: str, wrap: Any, expected: list[str]) -> None:
    decoded = decode(wrap(token))
    assert decoded.token == token
    for repair in expected:
        assert any(r.startswith(repair) for r in decoded.repairs), decoded.repairs


@pytest.mark.parametrize(
    ("text", "part", "reason"),
    [
        ("", "token", "empty"),
        ("abc", "token", "no dots"),
        ("abc.def", "token", "two parts"),
        ("a.b.c.d.e", "token", "JWE"),
        (".e30.", "header", "empty"),
        ("e30..", "payload", "empty"),
        ("e30+.e30.", "header", "standard base64"),
        ("e30=.e30.", "header", "padding"),
        ("e30.e30.a", "signature", "whole number of bytes"),
        (segment({"a": 1})[:-3] + ".e30.", "header", "not JSON"),
        (b64url(b"[1,2]") + ".e30.", "header", "not an object"),
        ("e30." + b64url(b"\xff\xfe") + ".", "payload", "not UTF-8"),
        ("e30." + b64url(b'{"exp": NaN}') + ".", "payload", "NaN"),
    ],
)
def test_errors_name_the_part_and_the_reason(text: str, part: str, reason: str) -> None:
    with pytest.raises(TokenFormatError) as info:
        decode(text)
    assert info.value.part == part
    assert reason in info.value.message
    assert info.value.fix


def test_a_bad_character_inside_a_pasted_token_is_reported_not_cut_off(token: str) -> None:
    with pytest.raises(TokenFormatError) as info:
        decode(f"token: {token[:-5]}+{token[-4:]}")
    assert info.value.part == "signature"
    assert "'+'" in info.value.message


def test_empty_signature_decodes_to_empty_bytes() -> None:
    decoded = decode(f"{segment({'alg': 'none'})}.{segment(PAYLOAD)}.")
    assert decoded.signature == b""
    assert decoded.algorithm == "none"


def test_every_repair_has_a_japanese_text(token: str) -> None:
    texts = []
    for text in (f" Bearer {token}\n", f"'{token}'", "assertion=" + token.replace(".", "%2E"),
                 f"curl -d 'assertion={token}'", json.dumps({"assertion": token}), f"x {token[:30]}\n{token[30:]}",
                 f"see: {token} !"):  # fmt: skip
        decoded = decode(text)
        assert decoded.repairs
        texts += decoded.repair_texts("ja")
        assert decoded.repair_texts("en") == decoded.repairs
    assert texts
    for text in texts:
        assert any("\u3040" <= ch <= "\u30ff" for ch in text), text
