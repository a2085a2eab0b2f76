"""NumericDate annotations: UTC, local, relative."""

from __future__ import annotations

import pytest

from sfjwt_gui.core.timefmt import annotate_times, describe_time, format_duration, numeric_value, relative_text

NOW = 1_780_000_000.0


@pytest.mark.parametrize(
    ("seconds", "en", "ja"),
    [(0, "0 s", "0秒"), (5, "5 s", "5秒"), (130, "2 min 10 s", "2分10秒"), (-130, "2 min 10 s", "2分10秒"),
     (3600, "1 h", "1時間"), (10_800, "3 h", "3時間"), (3 * 3600 + 5, "3 h", "3時間"),
     (2 * 86_400 + 4 * 3600 + 59, "2 d 4 h", "2日4時間"), (400 * 86_400, "1 y 35 d", "1年35日")],
)  # fmt: skip
def test_durations(seconds: float, en: str, ja: str) -> None:
    assert format_duration(seconds) == en
    assert format_duration(seconds, "ja") == ja


@pytest.mark.parametrize(
    ("claim", "delta", "text"),
    [("exp", 130, "expires in 2 min 10 s"), ("exp", -10_800, "expired 3 h ago"), ("exp", 0, "expires now"),
     ("iat", -5, "5 s ago"), ("iat", 60, "in 1 min"), ("nbf", 60, "valid in 1 min"),
     ("nbf", -60, "valid since 1 min ago")],
)  # fmt: skip
def test_relative(claim: str, delta: float, text: str) -> None:
    assert relative_text(claim, NOW + delta, NOW) == text


def test_annotate_times_gives_utc_local_and_relative_for_each_numeric_date() -> None:
    times = annotate_times({"exp": NOW + 130, "iat": NOW, "sub": "x", "nbf": "not a date"}, now=NOW)
    assert set(times) == {"exp", "iat"}
    assert times["exp"].utc == "2026-05-28T20:28:50Z"
    assert times["exp"].relative == "expires in 2 min 10 s"
    assert times["exp"].local.startswith("2026-05-2")
    assert times["iat"].to_json()["epoch"] == NOW


def test_milliseconds_and_strings_are_noted() -> None:
    info = describe_time("exp", int(NOW * 1000) + 300, NOW)
    assert info is not None
    assert "milliseconds" in info.note
    assert info.relative == "expires in 0 s"
    text = describe_time("exp", "1780000180", NOW)
    assert text is not None
    assert "string" in text.note
    assert text.relative == "expires in 3 min"


@pytest.mark.parametrize("value", [True, None, "abc", "", [1], {"a": 1}, float("inf"), 10**400, "1e400"])
def test_non_numbers_are_not_annotated(value: object) -> None:
    assert numeric_value(value) is None
    assert describe_time("exp", value, NOW) is None


@pytest.mark.parametrize("value", [-(10**20), 10**20, 1e299, -1e299])
def test_absurd_dates_do_not_raise(value: float) -> None:
    info = describe_time("exp", value, NOW)
    assert info is not None
    assert info.utc == "out of range"
