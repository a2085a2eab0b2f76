"""Key references as users paste them (RFC 7512 PKCS#11 URIs, awskms:, keyring names), the signer protocol's
in-process backend, and the certificate builder against cryptography's own."""

from __future__ import annotations

import datetime as dt

import jwt
import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

from sfjwt_gui.core.errors import KeyReferenceError, UnsupportedKeyError
from sfjwt_gui.core.jwt_codec import sign
from sfjwt_gui.core.key_generation import Subject, self_signed_certificate
from sfjwt_gui.core.key_refs import (
    AwsKmsRef,
    AzureKeyVaultRef,
    GcpKmsRef,
    KeyringRef,
    Pkcs11Ref,
    is_external_reference,
    parse_reference,
)
from sfjwt_gui.core.key_texts import describe_error
from sfjwt_gui.core.signer import Backend, LocalSigner, as_signer
from sfjwt_gui.core.signer_certificates import certificate_signing_request_with, tbs_certificate


def test_pkcs11_uri_attributes_are_decoded() -> None:
    ref = parse_reference("pkcs11:token=My%20HSM;object=sfjwt%3Bprod;id=%01%A2;type=private?module-path=/opt/p11.so")
    assert isinstance(ref, Pkcs11Ref)
    assert (ref.token, ref.object, ref.id, ref.object_type) == ("My HSM", "sfjwt;prod", b"\x01\xa2", "private")
    assert ref.module_path == "/opt/p11.so"
    assert parse_reference("PKCS11:serial=0123;slot-id=7;x-vendor=1;object=k") == Pkcs11Ref(
        uri="PKCS11:serial=0123;slot-id=7;x-vendor=1;object=k", serial="0123", slot_id=7, object="k"
    )


@pytest.mark.parametrize(
    ("uri", "words"),
    [
        ("pkcs11:token=t;object=k?pin-value=1234", "carries the PIN"),
        ("pkcs11:token=t;objekt=k", "unknown attribute 'objekt'"),
        ("pkcs11:token=t;token=u;object=k", "token= appears twice"),
        ("pkcs11:token=t;object", "'object' is not NAME=VALUE"),
        ("pkcs11:token=t;id=%zz", "not followed by two hex digits"),
        ("pkcs11:token=t;object=%ff", "object= is not UTF-8"),
        ("pkcs11:token=t;object=k;type=secret", "type='secret'"),
        ("pkcs11:token=t;slot-id=one;object=k", "slot-id= is not a number"),
        ("pkcs11:" + "a" * 3000, "characters"),
    ],
)
def test_bad_pkcs11_uris_say_what_is_wrong(uri: str, words: str) -> None:
    with pytest.raises(KeyReferenceError) as info:
        parse_reference(uri)
    assert words in info.value.message
    message, fix = describe_error(info.value, "ja")
    assert message != info.value.message
    assert fix


def test_other_references() -> None:
    arn = "arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    assert parse_reference(f"awskms:{arn}") == AwsKmsRef(arn, region="ap-northeast-1")
    assert parse_reference("awskms:alias/sfjwt-prod") == AwsKmsRef("alias/sfjwt-prod")
    assert parse_reference("awskms:NEW").is_new  # type: ignore[union-attr]
    assert parse_reference("azurekv:https://v.vault.azure.net/keys/k") == AzureKeyVaultRef(
        "https://v.vault.azure.net/keys/k"
    )
    assert isinstance(
        parse_reference("gcpkms:projects/p/locations/l/keyRings/r/cryptoKeys/k/cryptoKeyVersions/1"), GcpKmsRef
    )
    assert parse_reference("acme-prod") == KeyringRef("acme-prod")
    assert parse_reference("keyring:pkcs11:odd") == KeyringRef("pkcs11:odd")
    assert KeyringRef("pkcs11:odd").text() == "keyring:pkcs11:odd"
    assert KeyringRef("acme").text() == "acme"
    assert is_external_reference("pkcs11:token=t")
    assert not is_external_reference("keyring:pkcs11:odd")
    for bad in ("awskms:", "awskms:not a key", "awskms:arn:aws:kms:eu-west-1:12:key/x"):
        with pytest.raises(KeyReferenceError):
            parse_reference(bad)


def test_local_signer_gives_the_same_token_as_pyjwt(rsa_key: RSAPrivateKey) -> None:
    payload = {"iss": "3MVG9x", "sub": "u@example.com", "aud": "https://login.salesforce.com", "exp": 1795749850}
    expected = jwt.encode(payload, rsa_key, algorithm="RS256")
    assert sign(payload, rsa_key) == expected
    assert sign(payload, LocalSigner(rsa_key, backend=Backend.KEYRING, reference="acme")) == expected
    dated = {**payload, "exp": dt.datetime(2026, 11, 27, 3, 24, 10, tzinfo=dt.UTC)}
    assert sign(dated, rsa_key) == jwt.encode(dated, rsa_key, algorithm="RS256")
    assert sign(payload, rsa_key, headers={"kid": "k1"}) == jwt.encode(
        payload, rsa_key, algorithm="RS256", headers={"kid": "k1"}
    )
    with pytest.raises(UnsupportedKeyError):
        as_signer(rsa_key.public_key())  # type: ignore[arg-type]


def test_certificate_built_for_a_signer_matches_cryptographys_builder(rsa_key: RSAPrivateKey) -> None:
    """Same key, time and serial: our TBS DER is byte for byte what cryptography's builder signs."""
    now = dt.datetime(2026, 12, 3, 8, 0, tzinfo=dt.UTC)
    subject = Subject(cn="acme", o="Acme", ou="IT", c="JP")
    theirs = self_signed_certificate(rsa_key, subject, 365, now=now)
    ours = tbs_certificate(as_signer(rsa_key), subject, 365, serial=theirs.serial_number, now=now)
    assert ours == theirs.tbs_certificate_bytes
    late = tbs_certificate(as_signer(rsa_key), subject, 36500, serial=5, now=now)  # notAfter past 2049
    assert b"\x18\x0f2126" in late  # GeneralizedTime, as RFC 5280 asks after 2049
    csr = certificate_signing_request_with(as_signer(rsa_key), subject)
    assert csr.is_signature_valid
    assert csr.subject == subject.to_name()
    assert isinstance(csr.public_key(), type(rsa_key.public_key()))
    assert isinstance(theirs, x509.Certificate)


def test_every_token_and_kms_error_has_japanese_with_the_same_placeholders() -> None:
    import json
    import re

    from sfjwt_gui.core.key_texts import texts
    from sfjwt_gui.core.resources import resource_path

    ours = json.loads(resource_path("keys", "signers.json").read_text(encoding="utf-8"))["errors"]
    assert set(ours) <= set(texts()["errors"])
    for code, entry in ours.items():
        for part in ("message", "fix"):
            english = set(re.findall(r"\{(\w+)\}", entry["en"][part]))
            japanese = set(re.findall(r"\{(\w+)\}", entry["ja"][part]))
            assert english == japanese, (code, part)
            assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", entry["ja"][part]), (code, part)


def test_code_that_needs_a_private_key_object_says_a_token_key_has_none() -> None:
    import argparse

    from sfjwt_gui.commands.keyflags import load_private_key
    from sfjwt_gui.core.errors import InputError

    args = argparse.Namespace(key="awskms:alias/x", key_file=None)
    with pytest.raises(InputError) as info:
        load_private_key(args, required=True)
    assert info.value.code == "signer-no-key-object"
    assert "--key-file" in info.value.fix
