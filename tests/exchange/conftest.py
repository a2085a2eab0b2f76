"""Fixtures for the exchange tests: the practice org over HTTPS with its own CA, and assertions signed for it."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import jwt
import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

from sfjwt_gui.core.exchange import ExchangeOptions
from sfjwt_gui.core.trust import Trust
from sfjwt_gui.practice.server import PracticeServer


@pytest.fixture(scope="module")
def practice(rsa_cert: x509.Certificate) -> Iterator[PracticeServer]:
    """One HTTPS practice org per test module; the app holds ``rsa_cert`` (the test's 'uploaded' certificate)."""
    with PracticeServer(certificate=rsa_cert, tls=True) as server:
        yield server


@pytest.fixture
def org(practice: PracticeServer) -> Iterator[PracticeServer]:
    """The practice org reset to the healthy scenario with no faults, before and after the test."""
    practice.set_scenario("healthy")
    practice.faults.reset()
    yield practice
    practice.faults.reset()
    practice.set_scenario("healthy")


@pytest.fixture
def options(practice: PracticeServer) -> ExchangeOptions:
    """Trust only the practice CA; short timeouts and fast backoff so faults finish quickly."""
    return ExchangeOptions(
        connect_timeout=2.0,
        read_timeout=2.0,
        trust=Trust.BUNDLE,
        ca_bundle=practice.ca_file,
        max_retries=2,
        backoff_base=0.02,
        backoff_max=0.1,
    )


Signer = Callable[..., str]


@pytest.fixture
def make_assertion(rsa_key: RSAPrivateKey, practice: PracticeServer) -> Signer:
    """Sign claims for the practice org with PyJWT directly (independent of our signing code)."""

    def make(**overrides: Any) -> str:
        claims: dict[str, Any] = {
            "iss": practice.consumer_key,
            "sub": practice.username,
            "aud": "https://login.salesforce.com",
            "exp": int(time.time()) + 180,
        }
        claims.update(overrides)
        claims = {k: v for k, v in claims.items() if v is not None}
        key = overrides.pop("key", None) or rsa_key
        claims.pop("key", None)
        return jwt.encode(claims, key, algorithm="RS256")

    return make
