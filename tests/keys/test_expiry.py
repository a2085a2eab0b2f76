"""One rule for 'days left' everywhere: started days, so a new 365-day certificate shows 365; negative once passed."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from sfjwt_gui.core.expiry import days_until, is_expired, whole_days_left
from sfjwt_gui.core.inspection import inspect_material
from sfjwt_gui.core.key_generation import Subject, self_signed_certificate
from sfjwt_gui.core.material import LoadedMaterial

NOW = dt.datetime(2027, 5, 1, 12, 0, tzinfo=dt.UTC)
SECOND = dt.timedelta(seconds=1)
DAY = dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("offset", "left"),
    [
        (365 * DAY, 365),
        (365 * DAY - SECOND, 365),
        (364 * DAY + SECOND, 365),
        (364 * DAY, 364),
        (30 * DAY, 30),
        (30 * DAY - SECOND, 30),
        (29 * DAY, 29),
        (DAY, 1),
        (SECOND, 1),
        (dt.timedelta(0), 0),
        (-SECOND, -1),
        (-DAY, -1),
        (-DAY - SECOND, -2),
    ],
)
def test_days_left_counts_started_days_at_the_boundaries(offset: dt.timedelta, left: int) -> None:
    assert whole_days_left(NOW + offset, NOW) == left
    assert is_expired(left) is (offset <= dt.timedelta(0))


def test_naive_not_after_means_utc() -> None:
    assert whole_days_left((NOW + 2 * DAY).replace(tzinfo=None), NOW) == 2


def test_days_until_reads_the_index_iso_text() -> None:
    assert days_until("2027-05-11T12:00:00Z", NOW) == 10
    assert days_until("2027-05-11T12:00:00+00:00", NOW) == 10
    assert days_until("2027-05-11T11:59:59+00:00", NOW) == 10
    assert days_until("2027-04-30T12:00:00Z", NOW) == -1
    assert days_until(None, NOW) is None
    assert days_until("", NOW) is None
    assert days_until("next tuesday", NOW) is None


def test_a_new_365_day_certificate_shows_365_days_left(rsa_key: rsa.RSAPrivateKey) -> None:
    cert = self_signed_certificate(rsa_key, Subject("fresh"), 365)
    inspection = inspect_material(LoadedMaterial(None, cert))
    assert inspection.days_left == 365
    # and in the vault index form the CLI's keys list reads
    assert days_until(cert.not_valid_after_utc.isoformat()) == 365


def test_expiry_state_is_exact_at_both_boundaries() -> None:
    from sfjwt_gui.core.expiry import ExpiryState, expiry_state, expiry_state_until

    assert expiry_state(NOW, NOW) is ExpiryState.EXPIRED  # the end moment itself has passed
    assert expiry_state(NOW + SECOND, NOW) is ExpiryState.EXPIRING
    assert expiry_state(NOW + 30 * DAY, NOW) is ExpiryState.EXPIRING  # 30 days left reaches the threshold
    assert expiry_state(NOW + 30 * DAY + SECOND, NOW) is ExpiryState.OK  # 31 started days
    assert expiry_state((NOW + 400 * DAY).replace(tzinfo=None), NOW) is ExpiryState.OK

    assert expiry_state_until("2027-05-31T12:00:00Z", NOW) is ExpiryState.EXPIRING
    assert expiry_state_until("2027-06-01T12:00:00Z", NOW) is ExpiryState.OK  # 31 days
    assert expiry_state_until("2027-05-01T12:00:00Z", NOW) is ExpiryState.EXPIRED
    assert expiry_state_until(None, NOW) is None
    assert expiry_state_until("soon", NOW) is None
