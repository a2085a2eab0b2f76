"""What every lint rule sees (``LintContext``) and returns (``Hit``: rule id, variant, values for the texts)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

from sfjwt_gui.core.connection import HostInfo
from sfjwt_gui.core.jwt_codec import DecodedToken

_MAX_QUOTE = 80


class Severity(StrEnum):
    """``error``: Salesforce will reject it; ``warning``: works today but against the docs or fragile; ``info``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    """One lint result; ``confirmed`` is False where the fact behind the rule is only reported or unconfirmed."""

    rule: str
    severity: Severity
    message: str
    fix: str
    confirmed: bool
    source: str = ""

    def to_json(self) -> dict[str, object]:
        """The shape of ``sfjwt lint --json`` findings."""
        return {
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "fix": self.fix,
            "confirmed": self.confirmed,
        }


@dataclass(frozen=True)
class Hit:
    """One rule firing: ``values`` fill the placeholders of the rule's texts; ``terms`` fill them with a word
    from the catalogue's ``terms`` (translated)."""

    rule: str
    values: dict[str, str] = field(default_factory=dict)
    variant: str = ""
    terms: dict[str, str] = field(default_factory=dict)


@dataclass
class LintContext:
    """The token and everything else the caller knows; ``sf_now`` is now by Salesforce's clock."""

    decoded: DecodedToken
    endpoint: str | None
    endpoint_info: HostInfo | None
    certificate: x509.Certificate | RSAPublicKey | None
    signing_key: RSAPublicKey | None  # the public half of the signing key (a signer's or a private key's)
    clock_offset: float
    now: float
    lang: str
    clock_uncertainty: float = 0.0  # ± seconds ``clock_offset`` may be off (a Date-header estimate: about 0.5-1 s)
    gov_cloud: bool = False  # the org is on Government Cloud: POST to My Domain, aud stays login/test

    @property
    def sf_now(self) -> float:
        """Now by Salesforce's clock (``clock_offset`` = Salesforce's clock minus ours)."""
        return self.now + self.clock_offset

    @property
    def payload(self) -> dict[str, object]:
        """The decoded payload."""
        return self.decoded.payload

    @cached_property
    def aud_urls(self) -> list[str]:
        """``aud`` as a list of strings (a JWT may carry an array)."""
        aud = self.payload.get("aud")
        if isinstance(aud, str):
            return [aud]
        if isinstance(aud, list):
            return [item for item in aud if isinstance(item, str)]
        return []


def quote(value: object) -> str:
    """A claim value as JSON (strings in double quotes), shortened for messages."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= _MAX_QUOTE else text[: _MAX_QUOTE - 1] + "…"
