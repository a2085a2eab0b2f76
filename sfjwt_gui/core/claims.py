"""The claims of a Salesforce JWT bearer assertion: ``iss``, ``sub``, ``aud``, ``exp`` and optional extras."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sfjwt_gui.core import policy, safe_json
from sfjwt_gui.core.errors import ClaimsError
from sfjwt_gui.core.key_texts import error

# Salesforce documents "within 3 minutes" (reference §1).
DEFAULT_LIFETIME = policy.DEFAULT_LIFETIME_SECONDS
_INT_CLAIMS = ("exp", "iat", "nbf")
_KNOWN = ("iss", "sub", "aud", "exp", "iat", "nbf", "jti", "scope")


@dataclass
class Claims:
    """A JWT payload for the JWT bearer flow. ``extra`` holds any other claim (and wins on a name clash)."""

    iss: str
    sub: str
    aud: str
    exp: int | None
    iat: int | None = None
    nbf: int | None = None
    jti: str | None = None
    scope: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def new(
        cls,
        iss: str,
        sub: str,
        aud: str,
        *,
        lifetime: int = DEFAULT_LIFETIME,
        now: float | None = None,
        issued_at: bool = False,
    ) -> Claims:
        """Claims expiring ``lifetime`` seconds from now (UTC epoch seconds); ``issued_at`` adds ``iat``."""
        for name, value in (("iss", iss), ("sub", sub), ("aud", aud)):
            if not isinstance(value, str) or not value.strip():
                raise error(ClaimsError, f"claims-empty-{name}", value=repr(value))
        if isinstance(lifetime, bool) or not isinstance(lifetime, int) or lifetime <= 0:
            raise error(ClaimsError, "claims-lifetime", value=repr(lifetime))
        current = int(time.time() if now is None else now)
        return cls(
            iss=iss.strip(),
            sub=sub.strip(),
            aud=aud.strip(),
            exp=current + lifetime,
            iat=current if issued_at else None,
        )

    def restamped(self, now: float, *, lifetime: int = DEFAULT_LIFETIME) -> Claims:
        """New claims moved in time so they start ``now`` (whole seconds), everything else unchanged.

        The lifetime is kept: ``exp - iat`` when both are set, else ``lifetime``. ``iat`` becomes ``now`` only when it
        was set, and ``nbf`` moves by the same shift as ``exp``. Claims without ``exp`` get only the new ``iat``.
        """
        current = int(now)
        if self.exp is None:
            return replace(self, iat=current if self.iat is not None else None, extra=dict(self.extra))
        start = self.iat if self.iat is not None else self.exp - lifetime
        shift = current - start
        return replace(
            self,
            exp=self.exp + shift,
            iat=current if self.iat is not None else None,
            nbf=self.nbf + shift if self.nbf is not None else None,
            extra=dict(self.extra),
        )

    def to_payload(self) -> dict[str, Any]:
        """The JSON object to sign: set claims in a stable order, then ``extra``."""
        payload: dict[str, Any] = {"iss": self.iss, "sub": self.sub, "aud": self.aud}
        for name in ("exp", "iat", "nbf", "jti", "scope"):
            value = getattr(self, name)
            if value is not None:
                payload[name] = value
        payload.update(self.extra)
        return payload

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Claims:
        """Claims from any decoded payload; values of unexpected types stay in ``extra`` so nothing is lost."""
        extra = {key: value for key, value in payload.items() if key not in _KNOWN}
        known: dict[str, Any] = {}
        for name in _KNOWN:
            if name not in payload:
                continue
            value = payload[name]
            if name in _INT_CLAIMS:
                ok = isinstance(value, int) and not isinstance(value, bool)
            else:
                ok = isinstance(value, str)
            if ok:
                known[name] = value
            else:
                extra[name] = value
        return cls(
            iss=known.get("iss", ""),
            sub=known.get("sub", ""),
            aud=known.get("aud", ""),
            exp=known.get("exp"),
            iat=known.get("iat"),
            nbf=known.get("nbf"),
            jti=known.get("jti"),
            scope=known.get("scope"),
            extra=extra,
        )


def parse_claim_assignment(text: str) -> tuple[str, Any]:
    """``name=value`` from the command line; the value is JSON when it parses (``n=5``, ``a=[1]``), else a string."""
    name, sep, raw = text.partition("=")
    name = name.strip()
    if not sep or not name:
        raise error(ClaimsError, "claims-assignment", value=repr(text))
    try:
        value: Any = safe_json.loads(raw)
    except safe_json.JsonTooDeepError as exc:
        raise error(ClaimsError, "claims-too-deep", name=repr(name), max=str(safe_json.MAX_DEPTH)) from exc
    except ValueError:
        value = raw
    return name, value
