"""How long a certificate has left, and whether that is a problem: one rule for the CLI, the inspection, the lint and
the window (the threshold itself is ``policy.EXPIRY_WARNING_DAYS``).

Days left = **the number of started days until ``notAfter``**, so a certificate made now for 365 days shows 365 (not
364) and one with an hour to go shows 1. Past ``notAfter`` the count goes negative the same way (an hour after expiry
is -1); exactly at ``notAfter`` it is 0. So ``days_left >= 1`` means still valid and ``days_left <= 0`` means
expired, with no gap and no overlap (``is_expired``), agreeing with ``expiry_state``'s to-the-second ``EXPIRED``.
"""

from __future__ import annotations

import datetime as dt
import math
from enum import StrEnum

from sfjwt_gui.core import policy


class ExpiryState(StrEnum):
    """What a certificate's end date means now."""

    OK = "ok"
    EXPIRING = "expiring"  # ``policy.expiry_is_warning`` of its whole days left
    EXPIRED = "expired"  # the end date has passed (to the second)


_DAY = 86_400


def whole_days_left(not_after: dt.datetime, now: dt.datetime | None = None) -> int:
    """Started days until ``not_after``: ceil while valid, floor once passed (negative); naive times are UTC."""
    if not_after.tzinfo is None:
        not_after = not_after.replace(tzinfo=dt.UTC)
    moment = now or dt.datetime.now(dt.UTC)
    seconds = (not_after - moment).total_seconds()
    return math.ceil(seconds / _DAY) if seconds > 0 else math.floor(seconds / _DAY)


def is_expired(days_left: int) -> bool:
    """True for a count from ``whole_days_left`` that means ``notAfter`` has been reached."""
    return days_left <= 0


def _parse(not_after: str | None) -> dt.datetime | None:
    if not not_after:
        return None
    try:
        return dt.datetime.fromisoformat(not_after.replace("Z", "+00:00"))
    except ValueError:
        return None


def days_until(not_after: str | None, now: dt.datetime | None = None) -> int | None:
    """``whole_days_left`` for an ISO 8601 text as the vault index stores it; None when absent or unreadable."""
    moment = _parse(not_after)
    return None if moment is None else whole_days_left(moment, now)


def expiry_state(not_after: dt.datetime, now: dt.datetime | None = None) -> ExpiryState:
    """``EXPIRED`` once ``not_after`` has passed, ``EXPIRING`` when its whole days left reach the policy, else OK."""
    if not_after.tzinfo is None:
        not_after = not_after.replace(tzinfo=dt.UTC)
    moment = now or dt.datetime.now(dt.UTC)
    if moment >= not_after:
        return ExpiryState.EXPIRED
    if policy.expiry_is_warning(whole_days_left(not_after, moment)):
        return ExpiryState.EXPIRING
    return ExpiryState.OK


def expiry_state_until(not_after: str | None, now: dt.datetime | None = None) -> ExpiryState | None:
    """``expiry_state`` for an ISO 8601 text as the vault index stores it; None when absent or unreadable."""
    moment = _parse(not_after)
    return None if moment is None else expiry_state(moment, now)
