"""The org inspector's key↔certificate comparison through the signer protocol: without a certificate file, the
signing key itself (keyring, file, token or KMS key: only its public half) is compared with the app's certificate."""

from __future__ import annotations

import ssl

from cryptography.hazmat.primitives.asymmetric import rsa

from sfjwt_gui.core.org.checks import CheckStatus
from sfjwt_gui.core.org.client import OrgConnection
from sfjwt_gui.core.org.inspect import inspect_org
from sfjwt_gui.core.org.texts import text
from sfjwt_gui.core.signer import Backend, LocalSigner
from sfjwt_gui.practice.server import PracticeServer


def test_signing_key_matches_or_not(practice: PracticeServer, admin: OrgConnection, verify: ssl.SSLContext) -> None:
    assert practice.demo_private_key is not None
    signer = LocalSigner(practice.demo_private_key, backend=Backend.KEYRING, reference="demo")
    same = inspect_org(admin, iss=practice.consumer_key, sub=practice.username, signing_key=signer, verify=verify)
    check = same.check("app_certificate")
    assert check is not None
    assert check.status is CheckStatus.OK
    assert check.template == "cert_match_key"
    other = LocalSigner(rsa.generate_private_key(public_exponent=65537, key_size=2048))
    differs = inspect_org(admin, iss=practice.consumer_key, sub=practice.username, signing_key=other, verify=verify)
    check = differs.check("app_certificate")
    assert check is not None
    assert check.status is CheckStatus.PROBLEM
    assert check.template == "cert_mismatch_key"
    for lang in ("en", "ja"):
        rendered = text("evidence." + check.template, lang, **check.params)
        assert check.params["key"] in rendered
        assert "{" not in rendered
    # a certificate file still wins over the key when both are given
    both = inspect_org(admin, iss=practice.consumer_key, sub=practice.username, certificate=practice.demo_certificate,
                       signing_key=other, verify=verify)  # fmt: skip
    assert both.check("app_certificate").template == "cert_match"  # type: ignore[union-attr]
