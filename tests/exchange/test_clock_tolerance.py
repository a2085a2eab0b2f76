"""The time rules tolerate what a clock offset read from a whole-second ``Date`` header can be off by.

The offset is estimated from the server's ``Date`` (whole seconds) and the moment the answer came, so it is only
good to about ±(0.5 s + half the time the answer was in flight). A token whose ``iat``/``nbf`` is exactly now and
whose ``exp`` is fine must not be reported as 'in the future' / 'expired' because of that noise; tokens that really
are off by several seconds still are.
"""

from __future__ import annotations

import contextlib
import math
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import jwt
import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

from sfjwt_gui.core.diagnosis import diagnose
from sfjwt_gui.core.errors import InputError
from sfjwt_gui.core.exchange import ExchangeOptions, ExchangeResult, request_token
from sfjwt_gui.core.lint import lint
from sfjwt_gui.core.lint_rules.base import Severity
from sfjwt_gui.practice.server import PracticeServer

TIME_RULES = {"iat-in-future", "nbf-in-future", "exp-in-past"}
RELAY_DELAY = 1.6  # seconds the relay holds the server's answer back (a slow downlink or buffering proxy)
NOT_APPROVED = "user hasn't approved this consumer"


def _wait_for_phase(phase: float) -> None:
    """Sleep until the fractional part of the current second is ``phase`` (within a few ms)."""
    while True:
        fraction = time.time() % 1.0
        ahead = (phase - fraction) % 1.0
        if ahead < 0.004:
            return
        time.sleep(ahead - 0.003 if ahead > 0.006 else 0.0005)


class _SlowRelay:
    """A loopback TCP relay to the practice org that delays everything the server sends back by ``delay``."""

    def __init__(self, target_port: int, delay: float) -> None:
        self.delay = delay
        self.target_port = target_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = []
        self.threads: list[threading.Thread] = []
        self._start(self._accept)

    def _start(self, fn: Any, *args: Any) -> None:
        thread = threading.Thread(target=fn, args=args, daemon=True)
        thread.start()
        self.threads.append(thread)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            self.sockets += [client, upstream]
            self._start(self._pump, client, upstream, 0.0)
            self._start(self._pump, upstream, client, self.delay)

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket, delay: float) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                time.sleep(max(0.0, delay - 0.05))  # later pieces of the same answer are not held back again
                delay = 0.05 if delay else 0.0
                sink.sendall(data)
            sink.shutdown(socket.SHUT_WR)  # pass the end of the stream on

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        self.listener.close()
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        for thread in self.threads:
            thread.join(timeout=5)
        for sock in self.sockets:
            sock.close()


@pytest.fixture(scope="module")
def plain_org(rsa_cert: x509.Certificate) -> Iterator[PracticeServer]:
    """The practice org over plain HTTP (so a byte relay can sit in front of it), refusing: user not approved."""
    with PracticeServer(certificate=rsa_cert, scenario="user-not-approved") as server:
        yield server


def _assertion(key: RSAPrivateKey, server: PracticeServer, **times: float) -> str:
    claims: dict[str, Any] = {"iss": server.consumer_key, "sub": server.username, "aud": "https://login.salesforce.com"}
    claims.update(times)
    return jwt.encode(claims, key, algorithm="RS256")


def _time_findings(result: ExchangeResult, assertion: str, key: RSAPrivateKey) -> dict[str, Severity]:
    diagnosis = diagnose(result, assertion=assertion, private_key=key)
    return {f.rule: f.severity for f in diagnosis.findings if f.rule in TIME_RULES | {"exp-too-short"}}


@pytest.mark.parametrize("phase", [0.02, 0.5, 0.97])
def test_iat_and_nbf_equal_to_now_are_not_findings_whatever_the_date_truncation(
    plain_org: PracticeServer, rsa_key: RSAPrivateKey, phase: float
) -> None:
    _wait_for_phase(phase)  # where in the second the Date header is truncated decides the estimate's error
    now = time.time()
    assertion = _assertion(rsa_key, plain_org, iat=now, nbf=math.ceil(now), exp=int(now) + 180)
    result = request_token(plain_org.token_url, assertion, ExchangeOptions(max_retries=0))
    assert result.error_description == NOT_APPROVED  # the practice org refused for the approval, not the time
    assert result.clock_offset is not None
    assert result.clock_uncertainty is not None
    assert 0.5 < result.clock_uncertainty < 1.0  # whole-second Date plus a few ms in flight on loopback
    assert abs(result.clock_offset) <= result.clock_uncertainty  # same machine: the true offset is 0
    assert _time_findings(result, assertion, rsa_key) == {}


def test_a_slow_answer_widens_the_tolerance_instead_of_reporting_iat_in_future(
    plain_org: PracticeServer, rsa_key: RSAPrivateKey
) -> None:
    relay = _SlowRelay(int(plain_org.url.rsplit(":", 1)[1]), RELAY_DELAY)
    try:
        url = f"http://127.0.0.1:{relay.port}/services/oauth2/token"
        # the server stamps Date late in its second, the answer then takes 1.6 s to arrive: the midpoint estimate
        # puts Salesforce's "now" about a second early, and a fixed 1 s tolerance called iat == now 'in the future'
        _wait_for_phase(0.82)
        now = time.time()
        assertion = _assertion(rsa_key, plain_org, iat=now, nbf=now, exp=int(now) + 180)
        result = request_token(url, assertion, ExchangeOptions(max_retries=0, read_timeout=10))
        assert result.error_description == NOT_APPROVED
        assert result.clock_uncertainty is not None
        assert result.clock_uncertainty >= 0.5 + RELAY_DELAY / 2
        assert result.transcript.clock_uncertainty == result.clock_uncertainty
        assert "±" in result.transcript.to_text()
        assert _time_findings(result, assertion, rsa_key) == {}

        # real problems are still reported through the same slow path
        now = time.time()
        ahead = _assertion(rsa_key, plain_org, iat=now + 30, nbf=now + 30, exp=int(now) + 180)
        result = request_token(url, ahead, ExchangeOptions(max_retries=0, read_timeout=10))
        found = _time_findings(result, ahead, rsa_key)
        assert found == {"iat-in-future": Severity.WARNING, "nbf-in-future": Severity.WARNING}
    finally:
        relay.close()


def test_an_expired_assertion_is_still_an_error(plain_org: PracticeServer, rsa_key: RSAPrivateKey) -> None:
    now = time.time()
    expired = _assertion(rsa_key, plain_org, iat=now - 200, exp=int(now) - 20)
    result = request_token(plain_org.token_url, expired, ExchangeOptions(max_retries=0))
    assert result.error == "invalid_grant"
    assert result.error_description == "expired authorization code"
    assert _time_findings(result, expired, rsa_key) == {"exp-in-past": Severity.ERROR}


NOW = 1_800_000_000.0


@pytest.mark.parametrize(
    ("payload", "uncertainty", "expected"),
    [
        ({"exp": NOW - 0.4}, 0.6, {"exp-too-short": Severity.WARNING}),  # about now: cannot tell which side
        ({"exp": NOW - 0.4}, 0.0, {"exp-in-past": Severity.ERROR}),  # an exact clock: expired
        ({"exp": NOW - 2}, 0.6, {"exp-in-past": Severity.ERROR}),  # beyond the uncertainty: expired
        ({"exp": NOW + 180, "iat": NOW + 1.5}, 0.6, {}),  # within 1 s + uncertainty
        ({"exp": NOW + 180, "iat": NOW + 1.7}, 0.6, {"iat-in-future": Severity.WARNING}),
        ({"exp": NOW + 180, "nbf": NOW + 1.5}, 0.0, {"nbf-in-future": Severity.WARNING}),
        ({"exp": NOW + 180, "nbf": NOW + 1.5}, 0.6, {}),
    ],
)
def test_time_rules_with_a_clock_uncertainty(
    rsa_key: RSAPrivateKey, payload: dict[str, float], uncertainty: float, expected: dict[str, Severity]
) -> None:
    claims = {"iss": "3MVG9" + "x" * 80, "sub": "a@b.example", "aud": "https://login.salesforce.com", **payload}
    token = jwt.encode(claims, rsa_key, algorithm="RS256")
    findings = lint(token, now=NOW, clock_offset=0.0, clock_uncertainty=uncertainty)
    rules = {f.rule: f.severity for f in findings if f.rule in TIME_RULES | {"exp-too-short"}}
    assert rules == expected
    about_now = [f for f in findings if f.rule == "exp-too-short"]
    if about_now:
        assert "±0.6 s" in about_now[0].message
        ja = next(
            f for f in lint(token, now=NOW, clock_uncertainty=uncertainty, lang="ja") if f.rule == "exp-too-short"
        )
        assert "±0.6 秒" in ja.message


@pytest.mark.parametrize("bad", [-0.1, math.nan, math.inf, True, "1"])
def test_clock_uncertainty_must_be_non_negative_seconds(rsa_key: RSAPrivateKey, bad: Any) -> None:
    token = jwt.encode({"iss": "x", "sub": "y", "aud": "z", "exp": NOW}, rsa_key, algorithm="RS256")
    with pytest.raises(InputError):
        lint(token, now=NOW, clock_uncertainty=bad)


def test_exp_less_than_a_second_ahead_is_not_zero_seconds(rsa_key: RSAPrivateKey) -> None:
    claims = {"iss": "3MVG9" + "x" * 80, "sub": "a@b.example", "aud": "https://login.salesforce.com", "exp": NOW + 0.4}
    token = jwt.encode(claims, rsa_key, algorithm="RS256")
    en = next(f for f in lint(token, now=NOW) if f.rule == "exp-too-short")
    ja = next(f for f in lint(token, now=NOW, lang="ja") if f.rule == "exp-too-short")
    assert "leaves only a fraction of a second" in en.message
    assert "0 s" not in en.message
    assert "1秒未満" in ja.message
