"""What every lint rule sees (``LintContext``) and returns (``Hit``: rule id, variant, values for the texts), and the
``Finding`` a hit becomes: codes and parameters only, rendered in a language when shown (``Finding.text``)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

from sfjwt_gui.core.connection import HostInfo
from sfjwt_gui.core.jwt_codec import DecodedToken, Verification
from sfjwt_gui.core.text_data import KeepPlaceholders, check_language, load_json
from sfjwt_gui.core.timefmt import format_duration

_MAX_QUOTE = 80


class Severity(StrEnum):
    """``error``: Salesforce will reject it; ``warning``: works today but against the docs or fragile; ``info``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Span:
    """A duration (seconds; its sign is ignored), written in the reader's language only when shown."""

    seconds: float

    def text(self, lang: str) -> str:
        """``2 min 10 s`` / ``2分10秒``."""
        return format_duration(self.seconds, lang)

    def to_json(self) -> object:
        """Whole seconds, for ``--json``."""
        return round(abs(self.seconds)) if abs(self.seconds) < 1e15 else 10**15


@dataclass(frozen=True)
class Reason:
    """Why a signature could not be checked (a ``Verification``'s reason code), written when shown."""

    verification: Verification

    def text(self, lang: str) -> str:
        """The reason in ``lang``."""
        return self.verification.reason_in(lang)

    def to_json(self) -> object:
        """Code and parameters, for ``--json``."""
        return {"code": self.verification.reason_code, "params": dict(self.verification.reason_params)}


Param = str | Span | Reason


@dataclass(frozen=True)
class Finding:
    """One lint result as data: the rule id (the code), its ``variant`` and the ``params`` of its texts, the
    ``terms`` (placeholders filled with a translated word of the catalogue), severity, and ``confirmed`` (False where
    the fact behind the rule is only reported or unconfirmed). No rendered text: ``text(lang)`` writes message and
    fix from ``resources/lint/rules.json`` when shown, so a language switch re-renders without linting again.
    ``message``/``fix`` are the texts in ``lang`` (the language ``lint`` was asked for: the CLI's)."""

    rule: str
    severity: Severity
    confirmed: bool
    source: str = ""
    variant: str = ""
    params: Mapping[str, Param] = field(default_factory=dict)
    terms: Mapping[str, str] = field(default_factory=dict)
    lang: str = field(default="en", compare=False)

    def text(self, lang: str) -> tuple[str, str]:
        """``(message, fix)`` in ``lang``."""
        return finding_text(self, lang)

    def message_in(self, lang: str) -> str:
        """The message in ``lang``."""
        return self.text(lang)[0]

    def fix_in(self, lang: str) -> str:
        """The fix in ``lang``."""
        return self.text(lang)[1]

    @property
    def message(self) -> str:
        """The message in ``lang``."""
        return self.message_in(self.lang)

    @property
    def fix(self) -> str:
        """The fix in ``lang``."""
        return self.fix_in(self.lang)

    def json_params(self) -> dict[str, object]:
        """The parameters as plain JSON: strings as they are, durations in seconds, terms by their id."""
        params: dict[str, object] = {
            name: value if isinstance(value, str) else value.to_json() for name, value in self.params.items()
        }
        params.update(self.terms)
        return params

    def to_json(self) -> dict[str, object]:
        """The shape of ``sfjwt lint --json`` findings: the texts in ``lang`` plus the code and parameters they
        were written from (``code`` is the rule id, ``variant`` which of its texts)."""
        message, fix = self.text(self.lang)
        return {
            "rule": self.rule,
            "severity": str(self.severity),
            "message": message,
            "fix": fix,
            "confirmed": self.confirmed,
            "code": self.rule,
            "variant": self.variant,
            "params": self.json_params(),
        }


@dataclass(frozen=True)
class Hit:
    """One rule firing: ``values`` fill the placeholders of the rule's texts; ``terms`` fill them with a word
    from the catalogue's ``terms`` (translated)."""

    rule: str
    values: Mapping[str, Param] = field(default_factory=dict)
    variant: str = ""
    terms: Mapping[str, str] = field(default_factory=dict)


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


def catalogue() -> dict[str, Any]:
    """The parsed rules catalogue (read once)."""
    data: dict[str, Any] = load_json("lint", "rules.json")
    return data


def variant_texts(rule: str, variant: str) -> dict[str, Any]:
    """The texts and settings of one variant of a rule ({} for none)."""
    entry: dict[str, Any] = catalogue()["rules"][rule]
    found: dict[str, Any] = entry.get("variants", {}).get(variant, {}) if variant else {}
    return found


def finding_text(found: Finding, lang: str) -> tuple[str, str]:
    """``(message, fix)`` of a finding in ``lang``."""
    data = catalogue()
    check_language(lang)
    texts = {**data["rules"][found.rule][lang], **variant_texts(found.rule, found.variant).get(lang, {})}
    values = KeepPlaceholders(
        {name: value if isinstance(value, str) else value.text(lang) for name, value in found.params.items()}
    )
    for name, term in found.terms.items():
        values[name] = data["terms"][term][lang]
    return texts["message"].format_map(values), texts["fix"].format_map(values)
