"""How long a certificate has left: one rule for the CLI, the inspection and the window."""

from __future__ import annotations

import datetime as dt
import math


def whole_days_left(not_after: dt.datetime, now: dt.datetime | None = None) -> int:
    """Whole days until ``not_after`` (floor), negative once passed."""
    if not_after.tzinfo is None:
        not_after = not_after.replace(tzinfo=dt.UTC)
    moment = now or dt.datetime.now(dt.UTC)
    return math.floor((not_after - moment).total_seconds() / 86400)


def days_until(not_after: str | None, now: dt.datetime | None = None) -> int | None:
    """``whole_days_left`` for an ISO 8601 text as the vault index stores it; None when absent or unreadable."""
    if not not_after:
        return None
    try:
        moment = dt.datetime.fromisoformat(not_after.replace("Z", "+00:00"))
    except ValueError:
        return None
    return whole_days_left(moment, now)
