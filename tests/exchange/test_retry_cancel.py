"""Retries: only transient failures, bounded, with backoff and jitter; never a 4xx. Cancel stops waits and requests."""

from __future__ import annotations

import random
import threading
import time

import pytest

from sfjwt_gui.core.errors import CancelledError
from sfjwt_gui.core.exchange import ExchangeOptions, request_token
from sfjwt_gui.core.outcome import Outcome
from sfjwt_gui.core.retry import CancelToken, RetryPolicy, is_transient_status
from sfjwt_gui.practice.server import PracticeServer

from .conftest import Signer


def test_backoff_grows_is_jittered_and_capped() -> None:
    policy = RetryPolicy(max_retries=5, base_delay=0.5, max_delay=3.0, jitter=0.5)
    rng = random.Random(7)
    delays = [policy.delay(n, rng=rng) for n in range(5)]
    for n, delay in enumerate(delays):
        base = min(0.5 * 2**n, 3.0)
        assert base <= delay <= min(base * 1.5, 3.0)
    assert delays[0] < delays[2]
    assert max(delays) <= 3.0
    assert len({round(policy.delay(1, rng=rng), 6) for _ in range(20)}) > 10  # jitter spreads the waits
    assert policy.delay(0, retry_after=600) == 3.0
    assert policy.delay(0, retry_after=1.0) == 1.0


def test_only_gateway_statuses_are_transient() -> None:
    assert [s for s in range(400, 600) if is_transient_status(s)] == [502, 503, 504]


def test_503_is_retried_a_bounded_number_of_times(
    org: PracticeServer, options: ExchangeOptions, make_assertion: Signer
) -> None:
    org.faults.update(maintenance=True)
    slept: list[float] = []
    result = request_token(org.token_url, make_assertion(), options, sleep=slept.append)
    assert result.outcome is Outcome.SERVER_ERROR
    assert result.status == 503
    assert len(result.transcript.attempts) == options.max_retries + 1
    assert len(slept) == options.max_retries
    assert all(0 < s <= options.backoff_max for s in slept)
    assert all("retry" in note for note in result.transcript.notes)


def test_503_then_recovery_succeeds(org: PracticeServer, options: ExchangeOptions, make_assertion: Signer) -> None:
    org.faults.update(maintenance=True)

    def recover(_delay: float) -> None:
        org.faults.update(maintenance=False)

    result = request_token(org.token_url, make_assertion(), options, sleep=recover)
    assert result.ok
    assert [a.status for a in result.transcript.attempts] == [503, 200]


def test_a_400_is_never_retried(org: PracticeServer, options: ExchangeOptions, make_assertion: Signer) -> None:
    org.set_scenario("user-not-approved")
    slept: list[float] = []
    result = request_token(
        org.token_url, make_assertion(), ExchangeOptions(**{**options.__dict__, "max_retries": 5}), sleep=slept.append
    )
    assert result.outcome is Outcome.OAUTH_ERROR
    assert len(result.transcript.attempts) == 1
    assert not slept


def test_cancel_during_backoff_returns_promptly(
    org: PracticeServer, options: ExchangeOptions, make_assertion: Signer
) -> None:
    org.faults.update(maintenance=True)
    patient = ExchangeOptions(**{**options.__dict__, "backoff_base": 30.0, "backoff_max": 30.0})
    cancel = CancelToken()
    threading.Timer(0.3, cancel.cancel).start()
    started = time.monotonic()
    result = request_token(org.token_url, make_assertion(), patient, cancel)
    assert result.outcome is Outcome.CANCELLED
    assert time.monotonic() - started < 2.0  # not the 30 s backoff
    assert len(result.transcript.attempts) == 1


def test_cancel_aborts_a_request_in_flight(
    org: PracticeServer, options: ExchangeOptions, make_assertion: Signer
) -> None:
    org.faults.update(latency=5.0)
    slow = ExchangeOptions(**{**options.__dict__, "read_timeout": 10.0})
    cancel = CancelToken()
    threading.Timer(0.3, cancel.cancel).start()
    started = time.monotonic()
    result = request_token(org.token_url, make_assertion(), slow, cancel)
    assert result.outcome is Outcome.CANCELLED
    assert time.monotonic() - started < 2.0


def test_cancel_token_basics() -> None:
    token = CancelToken()
    calls: list[int] = []
    remove = token.on_cancel(lambda: calls.append(1))
    token.on_cancel(lambda: calls.append(2))
    remove()
    assert not token.cancelled
    assert not token.wait(0.01)
    token.cancel()
    token.cancel()
    assert token.cancelled
    assert token.wait(10)
    assert calls == [2]
    token.on_cancel(lambda: calls.append(3))  # late registration runs at once
    assert calls == [2, 3]
    with pytest.raises(CancelledError):
        token.raise_if_cancelled()
