"""How long a certificate has left, and whether that is a problem: one rule for the CLI, the inspection, the lint and
the window (the threshold itself is ``policy.EXPIRY_WARNING_DAYS``)."""

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


def whole_days_left(not_after: dt.datetime, now: dt.datetime | None = None) -> int:
    """Whole days until ``not_after`` (floor), negative once passed."""
    if not_after.tzinfo is None:
        not_after = not_after.replace(tzinfo=dt.UTC)
    moment = now or dt.datetime.now(dt.UTC)
    return math.floor((not_after - moment).total_seconds() / 86400)


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
