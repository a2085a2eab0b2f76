"""Cancellation and bounded retries with exponential backoff and jitter."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass

from sfjwt_gui.core.errors import CancelledError

TRANSIENT_STATUSES = frozenset({502, 503, 504})


class CancelToken:
    """A thread-safe cancel flag; ``wait`` returns early as soon as someone cancels."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[], None]] = []

    def cancel(self) -> None:
        """Ask the running operation to stop (idempotent, callable from any thread)."""
        with self._lock:
            self._event.set()
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()

    @property
    def cancelled(self) -> bool:
        """True once ``cancel`` was called."""
        return self._event.is_set()

    def is_cancelled(self) -> bool:
        """Same as ``cancelled`` (a call, so type checkers do not narrow it across a blocking request)."""
        return self._event.is_set()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; return True if cancelled meanwhile (returns at once when it happens)."""
        return self._event.wait(max(0.0, seconds))

    def raise_if_cancelled(self) -> None:
        """Raise ``CancelledError`` when cancelled."""
        if self.cancelled:
            from sfjwt_gui.core.key_texts import error

            raise error(CancelledError, "cancelled")

    def on_cancel(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Run ``callback`` on cancel (at once if already cancelled); returns a function that unregisters it."""
        with self._lock:
            if not self._event.is_set():
                self._callbacks.append(callback)

                def remove() -> None:
                    with self._lock:
                        if callback in self._callbacks:
                            self._callbacks.remove(callback)

                return remove
        callback()
        return lambda: None


@dataclass(frozen=True)
class RetryPolicy:
    """At most ``max_retries`` extra attempts; delay ``base * 2**n`` capped at ``max_delay``, plus up to ``jitter``x."""

    max_retries: int = 2
    base_delay: float = 0.5
    max_delay: float = 8.0
    jitter: float = 0.5

    def delay(self, retry_number: int, *, retry_after: float | None = None, rng: random.Random | None = None) -> float:
        """Seconds to wait before retry ``retry_number`` (0-based); Retry-After wins, capped at ``max_delay``."""
        if retry_after is not None and retry_after >= 0:
            return min(retry_after, self.max_delay)
        base = min(self.base_delay * (2**retry_number), self.max_delay)
        spread = (rng or random).uniform(0.0, self.jitter) * base
        return float(min(base + spread, self.max_delay))


def is_transient_status(status: int) -> bool:
    """502/503/504 are worth retrying; a 4xx never is (each exchange counts as a Salesforce login)."""
    return status in TRANSIENT_STATUSES
