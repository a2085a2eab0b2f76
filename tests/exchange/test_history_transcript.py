"""The Send page's model, over real HTTPS exchanges with the practice org: the transcript pretty-prints JSON bodies
while the raw text stays available, and this session's history keeps each exchange (time, scenario, endpoint,
outcome, transcript, diagnosis) across a scenario change."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest

from sfjwt_gui.core.diagnosis import diagnose
from sfjwt_gui.core.exchange import ExchangeOptions, request_token
from sfjwt_gui.core.history import ExchangeHistory
from sfjwt_gui.core.outcome import Outcome
from sfjwt_gui.core.transcript import MAX_PRETTY_CHARS, pretty_body
from sfjwt_gui.practice.server import PracticeServer

Signer = Callable[..., str]


def test_history_keeps_every_exchange_across_a_scenario_change(
    org: PracticeServer, options: ExchangeOptions, make_assertion: Signer
) -> None:
    history = ExchangeHistory()
    assertion = make_assertion()
    ok = request_token(org.token_url, assertion, options)
    first = history.add(ok, diagnosis=diagnose(ok, assertion=assertion), scenario="healthy")
    org.set_scenario("user-not-approved")
    refused = request_token(org.token_url, assertion, options)
    second = history.add(refused, diagnosis=diagnose(refused, assertion=assertion), scenario="user-not-approved")

    assert [entry.number for entry in history] == [2, 1]  # newest first
    assert first.outcome is Outcome.SUCCESS
    assert second.outcome is Outcome.OAUTH_ERROR
    assert second.error == "invalid_grant"
    assert second.scenario == "user-not-approved"
    assert second.endpoint == org.token_url
    assert abs((second.at - dt.datetime.now(dt.UTC)).total_seconds()) < 60
    assert second.diagnosis is not None
    assert second.diagnosis.to_text()
    # choosing the first one again shows its own transcript: the success, not the refusal
    chosen = history.get(1)
    assert chosen is first
    assert '"instance_url"' in chosen.transcript.to_text(pretty=True)
    assert "user hasn't approved" in history.get(2).transcript.to_text(pretty=True)  # type: ignore[union-attr]


def test_transcript_pretty_prints_json_and_keeps_the_raw_body(
    org: PracticeServer, options: ExchangeOptions, make_assertion: Signer
) -> None:
    org.set_scenario("user-not-approved")
    result = request_token(org.token_url, make_assertion(), options)
    attempt = result.transcript.last
    assert attempt is not None
    raw = attempt.response_body
    assert "\n" not in raw.strip()  # the server sends it on one line
    pretty = attempt.pretty_response_body
    assert pretty.startswith('{\n  "error": "invalid_grant"')
    assert json.loads(pretty) == json.loads(raw)
    assert '<   "error": "invalid_grant",' in result.transcript.to_text(pretty=True)
    assert raw in result.transcript.to_text()  # the raw bytes, one call away


@pytest.mark.parametrize(
    "body",
    ["", "<html>Maintenance</html>", "{not json", "[" * 100_000 + "]" * 100_000, "{" + " " * MAX_PRETTY_CHARS + "}"],
)
def test_what_is_not_readable_json_stays_as_received(body: str) -> None:
    assert pretty_body(body) == body


def test_history_is_bounded_and_numbers_never_repeat(
    org: PracticeServer, options: ExchangeOptions, make_assertion: Signer
) -> None:
    result = request_token(org.token_url, make_assertion(), options)
    history = ExchangeHistory(limit=2)
    for _ in range(3):
        history.add(result)
    assert [entry.number for entry in history] == [3, 2]
    assert history.get(1) is None
    history.clear()
    assert len(history) == 0
    assert history.add(result).number == 4
    with pytest.raises(ValueError, match="at least 1"):
        ExchangeHistory(limit=0)
