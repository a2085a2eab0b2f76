"""This session's token exchanges, newest first: what the Send page lists and shows again when one is chosen.

Contract: pure and in memory only (nothing is written; it ends with the session). Each entry keeps the result
(outcome, transcript with secrets masked, what the server said), its diagnosis, when it was sent and against which
scenario / endpoint, so a scenario change does not lose it. At most ``limit`` entries: the oldest go first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sfjwt_gui.core.diagnosis import Diagnosis
    from sfjwt_gui.core.exchange import ExchangeResult
    from sfjwt_gui.core.outcome import Outcome
    from sfjwt_gui.core.transcript import Transcript

DEFAULT_LIMIT = 100


@dataclass(frozen=True)
class HistoryEntry:
    """One exchange: ``number`` counts from 1 in this session and never repeats."""

    number: int
    at: dt.datetime  # UTC, when the request was sent
    endpoint: str
    scenario: str | None  # the practice scenario, None against a real org
    result: ExchangeResult
    diagnosis: Diagnosis | None

    @property
    def outcome(self) -> Outcome:
        """How it ended (success, OAuth error, network …)."""
        return self.result.outcome

    @property
    def error(self) -> str | None:
        """The OAuth ``error`` code Salesforce answered, if any."""
        return self.result.error

    @property
    def transcript(self) -> Transcript:
        """The request and response as sent and received (secrets masked)."""
        return self.result.transcript


class ExchangeHistory:
    """The entries of this session, newest first; bounded by ``limit``."""

    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        self.limit = limit
        self._entries: list[HistoryEntry] = []
        self._next = 1

    def add(
        self,
        result: ExchangeResult,
        *,
        diagnosis: Diagnosis | None = None,
        scenario: str | None = None,
        at: dt.datetime | None = None,
    ) -> HistoryEntry:
        """Record one exchange; ``at`` defaults to the result's send time, else now."""
        when = at
        if when is None and result.sent_at is not None:
            when = dt.datetime.fromtimestamp(result.sent_at, dt.UTC)
        entry = HistoryEntry(
            number=self._next,
            at=when or dt.datetime.now(dt.UTC),
            endpoint=result.token_url,
            scenario=scenario,
            result=result,
            diagnosis=diagnosis,
        )
        self._next += 1
        self._entries.insert(0, entry)
        del self._entries[self.limit :]
        return entry

    def get(self, number: int) -> HistoryEntry | None:
        """The entry numbered ``number``, or None when it was never made or has been dropped."""
        return next((entry for entry in self._entries if entry.number == number), None)

    @property
    def latest(self) -> HistoryEntry | None:
        """The newest entry."""
        return self._entries[0] if self._entries else None

    def clear(self) -> None:
        """Forget every entry (numbers keep counting)."""
        self._entries.clear()

    def __iter__(self) -> Iterator[HistoryEntry]:
        return iter(list(self._entries))

    def __len__(self) -> int:
        return len(self._entries)
