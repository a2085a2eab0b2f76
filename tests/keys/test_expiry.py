"""One rule for 'days left' everywhere: whole days, floor, negative once passed."""

from __future__ import annotations

import datetime as dt

from sfjwt_gui.core.expiry import days_until, whole_days_left

NOW = dt.datetime(2027, 5, 1, 12, 0, tzinfo=dt.UTC)


def test_whole_days_left_counts_whole_days_and_goes_negative() -> None:
    assert whole_days_left(NOW + dt.timedelta(days=30), NOW) == 30
    assert whole_days_left(NOW + dt.timedelta(days=30) - dt.timedelta(seconds=1), NOW) == 29
    assert whole_days_left(NOW - dt.timedelta(hours=1), NOW) == -1
    assert whole_days_left((NOW + dt.timedelta(days=2)).replace(tzinfo=None), NOW) == 2  # naive means UTC


def test_days_until_reads_the_index_iso_text() -> None:
    assert days_until("2027-05-11T12:00:00Z", NOW) == 10
    assert days_until("2027-05-11T12:00:00+00:00", NOW) == 10
    assert days_until("2027-04-30T12:00:00Z", NOW) == -1
    assert days_until(None, NOW) is None
    assert days_until("", NOW) is None
    assert days_until("next tuesday", NOW) is None


def test_expiry_state_is_exact_at_both_boundaries() -> None:
    from sfjwt_gui.core.expiry import ExpiryState, expiry_state

    assert expiry_state(NOW, NOW) is ExpiryState.EXPIRED  # the end moment itself has passed
    assert expiry_state(NOW + dt.timedelta(seconds=1), NOW) is ExpiryState.EXPIRING
    assert expiry_state(NOW + dt.timedelta(days=30, hours=23), NOW) is ExpiryState.EXPIRING  # 30 whole days left
    assert expiry_state(NOW + dt.timedelta(days=31), NOW) is ExpiryState.OK
    assert expiry_state((NOW + dt.timedelta(days=400)).replace(tzinfo=None), NOW) is ExpiryState.OK

    from sfjwt_gui.core.expiry import expiry_state_until

    assert expiry_state_until("2027-05-31T12:00:00Z", NOW) is ExpiryState.EXPIRING
    assert expiry_state_until("2027-06-01T12:00:00Z", NOW) is ExpiryState.OK  # 31 whole days
    assert expiry_state_until("2027-05-01T12:00:00Z", NOW) is ExpiryState.EXPIRED
    assert expiry_state_until(None, NOW) is None
    assert expiry_state_until("soon", NOW) is None
