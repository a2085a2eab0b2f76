"""``exp``, ``nbf`` and ``iat`` against now (by Salesforce's clock when a clock offset is known).

Tolerances: NumericDates are whole seconds, so ``nbf``/``iat`` up to ``_TOLERANCE`` ahead are not reported. When
the clock offset is an estimate (from a response's whole-second ``Date`` header) it is only good to
± ``ctx.clock_uncertainty`` seconds, and every comparison with Salesforce's "now" widens by that much: ``nbf``/``iat``
must be ahead by more than ``_TOLERANCE + uncertainty``, and an ``exp`` within the uncertainty of now is reported as
"about now" (expired or about to, a warning) rather than as certainly expired.
"""

from __future__ import annotations

from collections.abc import Iterator

from sfjwt_gui.core import policy
from sfjwt_gui.core.lint_rules.base import Hit, LintContext, Param, Span, quote
from sfjwt_gui.core.timefmt import MILLISECONDS_THRESHOLD, numeric_value, utc_text

DOCUMENTED_LIFETIME = policy.DEFAULT_LIFETIME_SECONDS  # "within 3 minutes" (reference §1)
_TOLERANCE = 1.0  # NumericDates are whole seconds (a signer may round up)


def _number(value: object) -> float | None:
    if isinstance(value, int) and not isinstance(value, bool) and numeric_value(value) is None:
        return 1e300 if value > 0 else -1e300  # absurdly large integers (beyond float range too)
    return numeric_value(value)


def check_exp(ctx: LintContext) -> Iterator[Hit]:
    """Missing, string, milliseconds, past, too short, beyond 3 minutes."""
    payload = ctx.payload
    suggestion = str(int(ctx.now) + DOCUMENTED_LIFETIME)
    if "exp" not in payload:
        yield Hit("exp-missing", {"suggestion": suggestion})
        return
    exp = payload["exp"]
    value = quote(exp)
    number = _number(exp)
    if isinstance(exp, str):
        if number is None:
            yield Hit("exp-string", {"value": value, "suggestion": suggestion}, "not-a-number")
            return
        yield Hit("exp-string", {"value": value, "suggestion": suggestion})
    elif number is None:
        yield Hit("exp-missing", {"value": value, "suggestion": suggestion}, "invalid")
        return
    assert number is not None
    if number >= MILLISECONDS_THRESHOLD and number < 1e300:
        yield Hit("exp-milliseconds", {"value": value, "utc": utc_text(number / 1000), "suggestion": suggestion})
        return
    left = number - ctx.sf_now
    margin = ctx.clock_uncertainty
    if -margin < left <= 0:  # past by the estimated clock, but within what that estimate can be off
        values: dict[str, Param] = {
            "value": value,
            "utc": utc_text(number),
            "uncertainty": f"{margin:.1f}",
            "suggestion": suggestion,
        }
        yield Hit("exp-too-short", values, "about-now")
    elif left <= 0:
        values = {"value": value, "utc": utc_text(number), "span": Span(-left)}
        if abs(ctx.clock_offset) >= _TOLERANCE:
            yield Hit("exp-in-past", {**values, "offset": f"{ctx.clock_offset:+.0f}"}, "clock")
        else:
            yield Hit("exp-in-past", values)
    elif policy.lifetime_too_short(left):
        values = {"value": value, "suggestion": suggestion}
        if left < 1:  # "leaves only 0 s" reads like a bug
            yield Hit("exp-too-short", values, terms={"span": "under-a-second"})
        else:
            yield Hit("exp-too-short", {**values, "span": Span(left)})
    elif number - ctx.now > DOCUMENTED_LIFETIME + _TOLERANCE:
        span = Span(number - ctx.now)
        yield Hit("exp-beyond-3-minutes", {"value": value, "span": span, "suggestion": suggestion})


def check_nbf(ctx: LintContext) -> Iterator[Hit]:
    """``nbf`` later than now: undocumented for this flow, so only a warning."""
    if "nbf" not in ctx.payload:
        return
    number = _number(ctx.payload["nbf"])
    if number is not None and number > ctx.sf_now + _TOLERANCE + ctx.clock_uncertainty:
        span = Span(number - ctx.sf_now)
        yield Hit("nbf-in-future", {"value": quote(ctx.payload["nbf"]), "utc": utc_text(number), "span": span})


def check_iat(ctx: LintContext) -> Iterator[Hit]:
    """``iat`` later than now: the signer's clock is ahead (or it is in milliseconds)."""
    if "iat" not in ctx.payload:
        return
    number = _number(ctx.payload["iat"])
    if number is None or number <= ctx.sf_now + _TOLERANCE + ctx.clock_uncertainty:
        return
    value = quote(ctx.payload["iat"])
    if MILLISECONDS_THRESHOLD <= number < 1e300:
        yield Hit("iat-in-future", {"value": value, "suggestion": str(int(ctx.now))}, "milliseconds")
    else:
        span = Span(number - ctx.sf_now)
        yield Hit("iat-in-future", {"value": value, "utc": utc_text(number), "span": span})
