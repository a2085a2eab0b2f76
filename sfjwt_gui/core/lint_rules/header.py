"""Header rules: ``alg-none``, ``alg-not-rs256``."""

from __future__ import annotations

from collections.abc import Iterator

from sfjwt_gui.core.lint_rules.base import Hit, LintContext, quote

# Documented: RS256 only. These are RSA too but their acceptance is UNCONFIRMED (reference §1).
_UNCONFIRMED_RSA = {"RS384", "RS512", "PS256", "PS384", "PS512"}


def check_algorithm(ctx: LintContext) -> Iterator[Hit]:
    """Salesforce documents RS256 only."""
    alg = ctx.decoded.header.get("alg")
    value = quote(alg)
    if alg == "RS256":
        return
    if "alg" not in ctx.decoded.header:
        yield Hit("alg-not-rs256", {"value": quote(ctx.decoded.header)}, "missing")
    elif isinstance(alg, str) and alg.lower() == "none":
        yield Hit("alg-none", {"value": value})
    elif isinstance(alg, str) and alg in _UNCONFIRMED_RSA:
        yield Hit("alg-not-rs256", {"value": value}, "unconfirmed")
    elif isinstance(alg, str) and alg.upper().startswith("ES"):
        yield Hit("alg-not-rs256", {"value": value}, "ecdsa")
    else:
        yield Hit("alg-not-rs256", {"value": value})
