"""How a token exchange ended, in a few stable categories that front ends map to exit codes and colours."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class Detail:
    """A sentence about what happened on the way (``resources/errors/network.json``), kept as a text key and
    its values so a front end can show it in English or Japanese. ``system`` values (the operating system's or
    the TLS library's own message) are quoted as they came."""

    key: str
    values: Mapping[str, str] = field(default_factory=dict)
    then: tuple[Detail, ...] = ()  # sentences appended after this one (e.g. who issued an untrusted certificate)

    def text(self, lang: str = "en") -> str:
        """The sentence in ``lang`` (``en`` or ``ja``; unknown languages fall back to English)."""
        entry = _network_texts().get(self.key) or {"en": "{system}"}
        template = entry.get(lang) or entry["en"]
        values = {name: value for name, value in self.values.items()}
        if self.key == "proxy_failed" and not values.get("proxy"):
            values["proxy"] = Detail("proxy_from_environment").text(lang)
        own = template.format_map(_Missing(values))
        return own + "".join(part.text(lang) for part in self.then)


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def _network_texts() -> dict[str, dict[str, str]]:
    from sfjwt_gui.core.text_data import load_json

    texts: dict[str, dict[str, str]] = load_json("errors", "network.json")["texts"]
    return texts
