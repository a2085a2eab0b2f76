"""How a token exchange ended, in a few stable categories that front ends map to exit codes and colours."""

from __future__ import annotations

from enum import StrEnum


class Outcome(StrEnum):
    """The category of an exchange's end."""

    SUCCESS = "success"
    OAUTH_ERROR = "oauth_error"  # Salesforce refused with {"error", "error_description"}
    SERVER_ERROR = "server_error"  # 5xx: maintenance page, internal error
    NOT_JSON = "not_json"  # an answer that is not an OAuth answer (HTML login page, malformed JSON)
    NETWORK = "network"  # no answer: DNS, refused, timeout, TLS, proxy, dropped connection
    LOCAL = "local"  # never sent: no key, bad claims, bad URL
    CANCELLED = "cancelled"


class NetworkKind(StrEnum):
    """What went wrong on the way when no answer came back."""

    DNS = "dns"
    REFUSED = "refused"
    TIMEOUT = "timeout"
    TLS = "tls"
    PROXY = "proxy"
    DROPPED = "dropped"  # connection closed before a full answer
    OTHER = "other"


_EXIT = {
    Outcome.SUCCESS: 0,
    Outcome.OAUTH_ERROR: 2,
    Outcome.SERVER_ERROR: 3,
    Outcome.NOT_JSON: 3,
    Outcome.NETWORK: 3,
    Outcome.LOCAL: 1,
    Outcome.CANCELLED: 3,
}


def exit_code(outcome: Outcome) -> int:
    """CLI exit code: 0 success, 2 Salesforce refused, 3 network/TLS/server trouble, 1 local input problem."""
    return _EXIT[outcome]
