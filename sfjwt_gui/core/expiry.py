"""How long a certificate has left: one rule for the CLI, the inspection, the lint and the window.

The rule: **days left = the number of started days until ``notAfter``**, so a certificate made now for 365 days shows
365 (not 364) and one with an hour to go shows 1. Past ``notAfter`` the count goes negative the same way (an hour
after expiry is -1); exactly at ``notAfter`` it is 0. So ``days_left >= 1`` means still valid and ``days_left <= 0``
means expired, with no gap and no overlap. Whether a count is "expiring" is a threshold, and thresholds live in the
policy module, not here.
"""

from __future__ import annotations

import datetime as dt
import math

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


def days_until(not_after: str | None, now: dt.datetime | None = None) -> int | None:
    """``whole_days_left`` for an ISO 8601 text as the vault index stores it; None when absent or unreadable."""
    if not not_after:
        return None
    try:
        moment = dt.datetime.fromisoformat(not_after.replace("Z", "+00:00"))
    except ValueError:
        return None
    return whole_days_left(moment, now)
