"""A readable, secret-free record of every HTTP attempt of an exchange: request, response, timings, clock.

Bodies are kept exactly as received (secrets masked) in ``response_body``/``request_body``; ``pretty_body`` and
``to_text(pretty=True)`` show JSON bodies indented for reading, and the raw text stays one attribute away.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from sfjwt_gui.core import safe_json

MAX_PRETTY_CHARS = 1_000_000  # larger bodies are shown as received (indenting them would not help anyone read)


def pretty_body(body: str) -> str:
    """``body`` indented when it is a JSON object or array (keys in their order, non-ASCII kept), else unchanged."""
    stripped = body.strip()
    if not stripped or stripped[0] not in "{[" or len(stripped) > MAX_PRETTY_CHARS:
        return body
    try:
        value = safe_json.loads(stripped)  # a server's body: too deep is shown as received
    except (ValueError, RecursionError):
        return body
    return json.dumps(value, indent=2, ensure_ascii=False)


@dataclass
class Attempt:
    """One HTTP request and what came back (or the error instead)."""

    number: int
    method: str
    url: str
    request_headers: list[tuple[str, str]] = field(default_factory=list)
    request_body: str = ""
    http_version: str | None = None
    status: int | None = None
    reason: str | None = None
    response_headers: list[tuple[str, str]] = field(default_factory=list)
    response_body: str = ""
    started_utc: str = ""
    timings_ms: dict[str, float] = field(default_factory=dict)
    error: str | None = None
    server_date: str | None = None
    parsed: Any = field(default=None, repr=False, compare=False)  # the JSON body, parsed once (not serialised)
    # epoch seconds from "request sent" to "response headers received": the server stamped its Date in between
    answer_window: tuple[float, float] | None = field(default=None, repr=False, compare=False)

    @property
    def request_line(self) -> str:
        """``POST https://host/services/oauth2/token``."""
        return f"{self.method} {self.url}"

    def to_json(self) -> dict[str, Any]:
        """Plain JSON (headers as ``[name, value]`` pairs)."""
        data = asdict(self)
        data.pop("parsed", None)
        data.pop("answer_window", None)
        data["request_line"] = self.request_line
        data["request_headers"] = [list(h) for h in self.request_headers]
        data["response_headers"] = [list(h) for h in self.response_headers]
        return data

    @property
    def pretty_response_body(self) -> str:
        """The response body, JSON indented (``response_body`` is the raw text)."""
        return pretty_body(self.response_body)

    def to_text(self, *, pretty: bool = False) -> str:
        """The attempt as a curl -v like block; ``pretty`` indents a JSON response body."""
        lines = [f"> {self.request_line}" + (f" {self.http_version}" if self.http_version else "")]
        lines += [f"> {k}: {v}" for k, v in self.request_headers]
        if self.request_body:
            lines += [">", f"> {self.request_body}"]
        if self.error:
            lines.append(f"! {self.error}")
        if self.status is not None:
            lines.append(f"< {self.http_version or 'HTTP'} {self.status} {self.reason or ''}".rstrip())
            lines += [f"< {k}: {v}" for k, v in self.response_headers]
            body = self.pretty_response_body if pretty else self.response_body
            if body:
                lines += ["<", *(f"< {line}" for line in body.splitlines())]
        if self.timings_ms:
            lines.append("  timings: " + ", ".join(f"{k} {v:.1f} ms" for k, v in self.timings_ms.items()))
        return "\n".join(lines)


@dataclass
class Transcript:
    """All attempts in order, notes (retries, cancel), the server's Date and the clock offset it implies."""

    attempts: list[Attempt] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    server_date: str | None = None
    clock_offset: float | None = None
    clock_uncertainty: float | None = None  # the offset is right to within ± this many seconds
    trust: str | None = None
    proxy: str | None = None
    connect_timeout: float | None = None
    read_timeout: float | None = None

    @property
    def last(self) -> Attempt | None:
        """The final attempt, if any."""
        return self.attempts[-1] if self.attempts else None

    def to_json(self) -> dict[str, Any]:
        """Plain JSON."""
        return {
            "attempts": [a.to_json() for a in self.attempts],
            "notes": list(self.notes),
            "server_date": self.server_date,
            "clock_offset": self.clock_offset,
            "clock_uncertainty": self.clock_uncertainty,
            "trust": self.trust,
            "proxy": self.proxy,
            "connect_timeout": self.connect_timeout,
            "read_timeout": self.read_timeout,
        }

    def to_text(self, *, pretty: bool = False) -> str:
        """Every attempt plus notes, for a log pane or a terminal; ``pretty`` indents JSON response bodies."""
        blocks = [f"--- attempt {a.number} ---\n{a.to_text(pretty=pretty)}" for a in self.attempts]
        if self.notes:
            blocks.append("\n".join(f"* {n}" for n in self.notes))
        if self.server_date:
            offset = ""
            if self.clock_offset is not None:
                within = "" if self.clock_uncertainty is None else f" ± {self.clock_uncertainty:.1f}"
                offset = f" (server clock {self.clock_offset:+.1f}{within} s vs this machine)"
            blocks.append(f"* server Date: {self.server_date}{offset}")
        return "\n".join(blocks)
