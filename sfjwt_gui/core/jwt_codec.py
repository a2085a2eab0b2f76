"""Sign (RS256 with PyJWT), decode any JWT without trusting it, and verify it against a certificate or public key."""

from __future__ import annotations

import base64
import binascii
import calendar
import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NoReturn, cast
from urllib.parse import unquote_plus

import jwt
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey
from jwt.algorithms import Algorithm
from jwt.api_jws import PyJWS

from sfjwt_gui.core import policy, safe_json
from sfjwt_gui.core.codec_texts import codec_texts as _texts
from sfjwt_gui.core.codec_texts import describe_token_error as describe_token_error
from sfjwt_gui.core.errors import (
    ClaimsError,
    InputError,
    KeyTooSmallError,
    TokenFormatError,
    UnsupportedKeyError,
)
from sfjwt_gui.core.fingerprints import colon_hex, public_key_der, sha256_fingerprint
from sfjwt_gui.core.key_texts import error
from sfjwt_gui.core.pasted import posted_to, recognise_access_token
from sfjwt_gui.core.signer import Signer, SigningKey, as_signer, signing_public_key
from sfjwt_gui.core.text_data import KeepPlaceholders, check_language

MIN_KEY_BITS = policy.MIN_RSA_BITS
_B64URL = re.compile(r"^[A-Za-z0-9_-]*$")
_COMPACT = re.compile(r"[A-Za-z0-9_.-]+")
_CLOSERS = "\"'`),;]}>"  # punctuation that may follow a pasted token
_ASSERTION_FIELD = re.compile(r"(?:^|[&?\s'\"])assertion=([^&\s'\"]+)")
_ASSERTION_JSON = re.compile(r"\"assertion\"\s*:\s*\"([^\"]*)\"")
_BEARER = re.compile(r"^(?:authorization\s*:\s*)?bearer\s+", re.IGNORECASE)
_QUOTES = "\"'`"
_RSA_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "RS256": hashes.SHA256,
    "RS384": hashes.SHA384,
    "RS512": hashes.SHA512,
    "PS256": hashes.SHA256,
    "PS384": hashes.SHA384,
    "PS512": hashes.SHA512,
}


def _token_error(code: str, part: str = "token", **params: str) -> TokenFormatError:
    message, fix = describe_token_error(TokenFormatError("", code=code, params={"part": part, **params}))
    return TokenFormatError(message, part=part, fix=fix, code=code, params={"part": part, **params})


def sign(payload: Mapping[str, Any], key: SigningKey, *, headers: Mapping[str, Any] | None = None) -> str:
    """RS256-sign ``payload`` with a signer (OS keyring, file, PKCS#11 token, KMS) or a loaded RSA private key.

    The header is ``{"alg": "RS256", "typ": "JWT"}`` plus ``headers``, encoded as PyJWT encodes it (the same bytes
    as ``jwt.encode`` for the same key); only the signature comes from the signer.
    """
    if not isinstance(key, RSAPrivateKey | Signer):
        raise error(UnsupportedKeyError, "sign-not-rsa", type=type(key).__name__, min_bits=str(policy.MIN_RSA_BITS))
    signer = as_signer(key)
    bits = signer.public_key().key_size
    if policy.key_size_too_small(bits):
        raise error(KeyTooSmallError, "sign-key-too-small", bits=str(bits), min_bits=str(policy.MIN_RSA_BITS))
    if headers and headers.get("alg", "RS256") != "RS256":  # the header must say what the signer does
        raise error(ClaimsError, "sign-alg", alg=repr(headers["alg"]))
    try:
        body = _payload_bytes(payload)
        # PyJWT types the key as its own key classes; _SignerAlgorithm.prepare_key takes the signer
        return _JWS.encode(body, cast(Any, signer), algorithm="RS256", headers=dict(headers) if headers else None)
    except (TypeError, ValueError, jwt.InvalidTokenError) as exc:
        raise error(ClaimsError, "sign-not-json", detail=str(exc)) from exc


def _payload_bytes(payload: Mapping[str, Any]) -> bytes:
    """The payload JSON as PyJWT writes it: compact, NumericDate claims given as datetimes turned into seconds."""
    if not isinstance(payload, Mapping):
        raise TypeError(f"the payload is a {type(payload).__name__}, not a JSON object")
    values = dict(payload)
    for claim in ("exp", "iat", "nbf"):
        if isinstance(values.get(claim), dt.datetime):
            values[claim] = calendar.timegm(values[claim].utctimetuple())
    return json.dumps(values, separators=(",", ":")).encode("utf-8")


class _SignerAlgorithm(Algorithm):
    """PyJWT's RS256 slot filled by a ``Signer``: PyJWT builds the header and segments, the signer signs."""

    def prepare_key(self, key: Any) -> Signer:
        return as_signer(key)

    def sign(self, msg: bytes, key: Any) -> bytes:
        signer: Signer = key
        return signer.sign(msg)

    def verify(self, msg: bytes, key: Any, sig: bytes) -> bool:  # pragma: no cover - encode only; verify() below
        raise NotImplementedError("this encoder only signs")

    @staticmethod
    def to_jwk(key_obj: Any, as_dict: bool = False) -> Any:  # pragma: no cover - never asked for
        raise NotImplementedError("no JWK export of a signer")

    @staticmethod
    def from_jwk(jwk: str | dict[str, Any]) -> Any:  # pragma: no cover - never asked for
        raise NotImplementedError("no JWK import")


_JWS = PyJWS(algorithms=[])
_JWS.register_algorithm("RS256", _SignerAlgorithm())


SALESFORCE_ACCESS_TOKEN_TYPE = "sfdc-core-token"  # noqa: S105 - Help "JWT-Based Access Tokens": the header's tty


@dataclass(frozen=True)
class DecodedToken:
    """A JWT split and parsed, nothing trusted; ``repairs`` says what was stripped from the pasted text."""

    token: str
    header: dict[str, Any]
    payload: dict[str, Any]
    signature: bytes
    signing_input: bytes
    repairs: list[str] = field(default_factory=list)
    posted_to: str | None = None  # the URL of a pasted curl command / POST line (what "POSTed to" shows)

    @property
    def signature_b64(self) -> str:
        """The signature part as it appears in the token (base64url, no padding)."""
        return self.token.rsplit(".", 1)[-1]

    def repair_texts(self, lang: str = "en") -> list[str]:
        """``repairs`` in ``lang`` (``en`` or ``ja``; texts in ``resources/lint/codec.json``)."""
        if check_language(lang) == "en":
            return list(self.repairs)
        table: dict[str, str] = _texts()["repairs"]
        return [table.get(text, text) for text in self.repairs]

    @property
    def is_salesforce_access_token(self) -> bool:
        """True for a JWT-based access token Salesforce issued (header ``tty``: ``sfdc-core-token``, as documented)."""
        return self.header.get("tty") == SALESFORCE_ACCESS_TOKEN_TYPE

    @property
    def kind(self) -> str:
        """``salesforce-access-token`` for a JWT-based access token Salesforce issued, else ``jwt``."""
        return "salesforce-access-token" if self.is_salesforce_access_token else "jwt"

    def kind_note(self, lang: str = "en") -> str | None:
        """What this token is, when it is not an assertion (``resources/lint/codec.json`` ``kinds``), else None."""
        note = _texts().get("kinds", {}).get(self.kind)
        return str(note.get(lang) or note["en"]) if note else None

    @property
    def algorithm(self) -> str | None:
        """The header's ``alg`` when it is a string."""
        alg = self.header.get("alg")
        return alg if isinstance(alg, str) else None


def _strip_quotes(text: str) -> str:
    start, end = 0, len(text)
    while end - start >= 2 and text[start] in _QUOTES and text[end - 1] == text[start]:
        start, end = start + 1, end - 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return text[start:end].strip().strip(_QUOTES).strip()


def _clean(text: str) -> tuple[str, list[str]]:
    """Find the token inside what was pasted; return it and the list of what was removed."""
    repairs: list[str] = []
    stripped = text.strip()
    if stripped != text:
        repairs.append("removed surrounding whitespace")
    current = stripped
    field_match = _ASSERTION_FIELD.search(current) or _ASSERTION_JSON.search(current)
    if field_match:
        value = field_match.group(1)
        decoded = unquote_plus(value)
        if current.lower().startswith("curl"):
            repairs.append("took the assertion= form field out of the curl command")
        elif "assertion=" in field_match.group(0):
            repairs.append("took the value of the assertion= form field")
        else:
            repairs.append('took the value of the "assertion" JSON field')
        if decoded != value:
            repairs.append("URL-decoded the assertion")
        current = decoded
    unquoted = _strip_quotes(current)
    if unquoted != current:
        repairs.append("removed quotes")
        current = unquoted
    without_bearer = _BEARER.sub("", current, count=1)
    if without_bearer != current:
        repairs.append("removed the 'Bearer ' prefix")
        current = _strip_quotes(without_bearer)
    return _extract(current, repairs), repairs


def _extract(text: str, repairs: list[str]) -> str:
    """The compact JWT inside ``text``: rejoin a token wrapped over lines, drop words around it."""
    if _COMPACT.fullmatch(text):
        return text
    start = text.find("eyJ")  # every JWT header starts with base64url('{"')
    if start >= 0:
        pieces = text[start:].split()
        taken: list[str] = []
        for index, piece in enumerate(pieces):
            core = piece.rstrip(_CLOSERS)
            if _COMPACT.fullmatch(core):
                taken.append(core)
                if core != piece:
                    break
            else:
                if index == 0:  # a bad character inside the token itself: keep it so decode names it
                    taken.append(piece)
                break
        joined = "".join(taken)
        if len(taken) > 1:
            repairs.append("removed line breaks and spaces inside the token")
        if start > 0 or joined != "".join(pieces):
            repairs.append("took the JWT out of the surrounding text")
        return joined
    joined = re.sub(r"\s+", "", text)
    if _COMPACT.fullmatch(joined):
        repairs.append("removed line breaks and spaces inside the token")
        return joined
    # Maximal runs of token characters (one linear scan) that have the dots of a JWS or JWE.
    runs: list[str] = _COMPACT.findall(text)
    candidates = [run for run in runs if 2 <= run.count(".") <= 4 and not run.startswith(".")]
    if candidates:
        repairs.append("took the JWT out of the surrounding text")
        return max(candidates, key=len)
    return text


def _b64decode(part: str, name: str) -> bytes:
    if not _B64URL.match(part):
        bad = sorted({ch for ch in part if not (ch.isascii() and (ch.isalnum() or ch in "-_"))})
        shown = "".join(bad[:8])
        hints = ("plus-slash" if set(bad) & {"+", "/"} else "", "padding" if "=" in bad else "")
        raise _token_error("bad-characters", name, chars=repr(shown), hint=" ".join(h for h in hints if h))
    if len(part) % 4 == 1:
        raise _token_error("bad-length", name, length=str(len(part)))
    try:
        return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
    except (binascii.Error, ValueError) as exc:
        raise _token_error("bad-base64", name, detail=str(exc)) from exc


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not JSON")


def _json_object(raw: bytes, name: str) -> dict[str, Any]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _token_error("not-utf8", name, byte=str(exc.start)) from exc
    try:
        value = safe_json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:
        snippet = text[:40] + ("…" if len(text) > 40 else "")
        raise _token_error("not-json", name, detail=str(exc), snippet=repr(snippet)) from exc
    if not isinstance(value, dict):
        raise _token_error("not-object", name, type=type(value).__name__)
    return value


def decode(text: str) -> DecodedToken:
    """Decode any JWT without verifying it, tolerating pasted junk around it (see ``repairs``).

    Raises ``TokenFormatError`` naming the part; ``describe_token_error(exc, "ja")`` gives its text in Japanese.
    """
    if not isinstance(text, str):
        raise _token_error("not-text", type=type(text).__name__)
    opaque = recognise_access_token(text)
    if opaque is not None:  # not a broken JWT: say what it is (and keep the token itself out of the message)
        raise _token_error("opaque-access-token", org_id=opaque.org_id, length=str(opaque.length))
    token, repairs = _clean(text)
    if not token:
        raise _token_error("empty")
    parts = token.split(".")
    if len(parts) != 3:
        shown = token[:30] + ("…" if len(token) > 30 else "")
        raise _token_error("wrong-parts", shown=repr(shown), reason=str(len(parts)), count=str(len(parts)))
    header_b64, payload_b64, signature_b64 = parts
    if not header_b64:
        raise _token_error("empty-part", "header")
    if not payload_b64:
        raise _token_error("empty-part", "payload")
    header = _json_object(_b64decode(header_b64, "header"), "header")
    payload = _json_object(_b64decode(payload_b64, "payload"), "payload")
    signature = _b64decode(signature_b64, "signature")
    return DecodedToken(
        token=token,
        header=header,
        payload=payload,
        signature=signature,
        signing_input=f"{header_b64}.{payload_b64}".encode("ascii"),
        repairs=repairs,
        posted_to=posted_to(text),
    )


@dataclass(frozen=True)
class Verification:
    """Whether the signature verifies, with which key (SHA-256 of its SPKI DER) and certificate, and why not.

    ``reason`` is English; ``reason_in("ja")`` gives it in Japanese (``reason_code`` names the text in
    ``resources/lint/codec.json``, ``reason_params`` fill it).
    """

    verified: bool
    algorithm: str | None
    key_sha256: str | None
    certificate_sha256: str | None
    reason: str
    reason_code: str = ""
    reason_params: Mapping[str, str] = field(default_factory=dict, hash=False)

    def reason_in(self, lang: str = "en") -> str:
        """``reason`` in ``lang`` (``en`` or ``ja``)."""
        template = _texts()["verification"].get(self.reason_code, {}).get(check_language(lang))
        return template.format_map(KeepPlaceholders(self.reason_params)) if template else self.reason

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        """Plain JSON form (``reason`` in ``lang``)."""
        return {
            "verified": self.verified,
            "algorithm": self.algorithm,
            "key_sha256": self.key_sha256,
            "certificate_sha256": self.certificate_sha256,
            "reason": self.reason_in(lang),
            "reason_code": self.reason_code,
        }


def _verification(
    verified: bool,
    alg: str | None,
    key_sha256: str | None,
    certificate_sha256: str | None,
    code: str,
    params: Mapping[str, str] | None = None,
) -> Verification:
    values = dict(params or {})
    template: str = _texts()["verification"][code]["en"]
    return Verification(
        verified, alg, key_sha256, certificate_sha256, template.format_map(KeepPlaceholders(values)), code, values
    )


KeyOrCertificate = RSAPublicKey | SigningKey | x509.Certificate | bytes | str


def key_fingerprint(key: RSAPublicKey | SigningKey) -> str:
    """SHA-256 of the public key's SubjectPublicKeyInfo DER in colon hex (``openssl pkey -pubout -outform DER``)."""
    public = signing_public_key(key)
    assert public is not None
    return colon_hex(hashlib.sha256(public_key_der(public)).digest())


def load_verification_material(data: bytes | str, *, source_name: str = "") -> RSAPublicKey | x509.Certificate:
    """A certificate, else an RSA public key (SPKI/PKCS#1, or a private key's public half), from PEM or DER.

    ``source_name`` (a file name) is what error messages call the input.
    """
    from sfjwt_gui.core.key_loading import load_certificate, load_public_key

    named = {"source_name": source_name} if source_name else {}
    try:
        return load_certificate(data, **named)
    except InputError:
        return load_public_key(data, **named)


def verify(decoded: DecodedToken, key_or_cert: KeyOrCertificate) -> Verification:
    """Check the signature; ``alg: none`` and HMAC tokens are never reported as verified."""
    material = load_verification_material(key_or_cert) if isinstance(key_or_cert, bytes | str) else key_or_cert
    certificate_sha256: str | None = None
    public: object
    if isinstance(material, x509.Certificate):
        certificate_sha256 = sha256_fingerprint(material)
        public = material.public_key()
    else:
        public = signing_public_key(material)
    alg = decoded.algorithm
    if not isinstance(public, RSAPublicKey):
        return _verification(False, alg, None, certificate_sha256, "key-not-rsa", {"type": type(public).__name__})
    key_sha256 = key_fingerprint(public)

    def result(ok: bool, code: str, **params: str) -> Verification:
        return _verification(ok, alg, key_sha256, certificate_sha256, code, params)

    if alg is None:
        return result(False, "no-alg")
    if alg.lower() == "none":
        return result(False, "alg-none")
    if alg.upper().startswith("HS"):
        return result(False, "hmac", alg=repr(alg))
    hash_type = _RSA_HASHES.get(alg)
    if hash_type is None:
        return result(False, "not-rsa-alg", alg=repr(alg))
    pad: padding.AsymmetricPadding
    if alg.startswith("PS"):
        pad = padding.PSS(mgf=padding.MGF1(hash_type()), salt_length=padding.PSS.AUTO)
    else:
        pad = padding.PKCS1v15()
    try:
        public.verify(decoded.signature, decoded.signing_input, pad, hash_type())
    except InvalidSignature:
        return result(False, "mismatch", alg=alg)
    except ValueError as exc:
        return result(False, "unreadable", detail=str(exc))
    return result(True, "verified", alg=alg)
