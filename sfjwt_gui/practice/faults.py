"""Faults the practice server injects on purpose: latency, outages, broken bodies, rate limits, clock skew.

``Faults`` is mutable at runtime and safe to change from any thread while requests are served
(each request reads one consistent ``snapshot()``).
"""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Faults:
    """What the server does wrong on purpose.

    - ``latency``: seconds to wait before every response.
    - ``maintenance``: every request gets Salesforce's HTML maintenance page with HTTP 503.
    - ``server_error``: every request gets an HTML HTTP 500.
    - ``drop_connection``: the server closes the connection without answering.
    - ``malformed_json``: JSON bodies are cut in half (still ``Content-Type: application/json``).
    - ``rate_limit_after``: after this many successful logins, ``rate_limit_exceeded`` (None = no limit).
    - ``clock_offset``: seconds added to the server's clock (``Date`` header, ``exp`` check, ``issued_at``).
    - ``require_https``: refuse plain-HTTP token requests with ``HTTPS required`` as Salesforce does
      (off by default: plain HTTP on loopback is how people practise).
    """

    latency: float = 0.0
    maintenance: bool = False
    server_error: bool = False
    drop_connection: bool = False
    malformed_json: bool = False
    rate_limit_after: int | None = None
    clock_offset: float = 0.0
    require_https: bool = False
    _lock: threading.RLock = field(default_factory=threading.RLock, repr=False, compare=False)

    def __setattr__(self, name: str, value: Any) -> None:
        lock = self.__dict__.get("_lock")
        if lock is None:
            object.__setattr__(self, name, value)
            return
        with lock:
            object.__setattr__(self, name, value)

    def update(self, **changes: Any) -> None:
        """Change several faults at once (atomically for readers of ``snapshot``)."""
        names = {f.name for f in dataclasses.fields(self) if not f.name.startswith("_")}
        unknown = set(changes) - names
        if unknown:
            raise TypeError(f"unknown fault(s): {', '.join(sorted(unknown))}")
        with self._lock:
            for name, value in changes.items():
                object.__setattr__(self, name, value)

    def reset(self, to: Faults | None = None) -> None:
        """Back to no faults (or to a copy of ``to``)."""
        self.update(**(to or Faults()).as_dict())

    def as_dict(self) -> dict[str, Any]:
        """The fault settings as a plain dict."""
        with self._lock:
            return {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if not f.name.startswith("_")}

    def snapshot(self) -> Faults:
        """A consistent copy for one request."""
        return Faults(**self.as_dict())
