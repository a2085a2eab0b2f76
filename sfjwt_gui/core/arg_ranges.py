"""The ranges of the command line's numeric values, and the one check that applies them.

A value outside its range would hang (``--retries 1000000`` against a closed port), never time out (``--timeout nan``)
or overflow (a 401-digit ``--lifetime``), so it is refused before anything runs, with a message naming the range.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sfjwt_gui.core.errors import InputError
from sfjwt_gui.core.key_texts import error

_MAX_TEXT = 40  # characters of a bad value shown back


@dataclass(frozen=True)
class Range:
    """Inclusive bounds of one flag's value; ``whole`` for counts and whole seconds."""

    low: float
    high: float
    whole: bool
    example: str


RANGES: dict[str, Range] = {
    "--timeout": Range(0.1, 600, whole=False, example="30"),
    "--connect-timeout": Range(0.1, 600, whole=False, example="10"),
    "--retries": Range(0, 10, whole=True, example="2"),
    "--lifetime": Range(1, 86_400, whole=True, example="180"),
}


def _shown(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def in_range(flag: str, text: str | float) -> float:
    """``text`` as a number within ``RANGES[flag]`` (an int for whole values); InputError naming the range."""
    bounds = RANGES[flag]
    raw = str(text).strip()
    try:
        value = float(raw) if len(raw) <= _MAX_TEXT else math.nan
    except ValueError:
        value = math.nan
    ok = math.isfinite(value) and bounds.low <= value <= bounds.high and (not bounds.whole or value.is_integer())
    if not ok:
        shown = raw if len(raw) <= _MAX_TEXT else raw[:_MAX_TEXT] + "…"
        raise error(
            InputError,
            "arg-out-of-range",
            flag=flag,
            value=repr(shown),
            value_kind="count" if bounds.whole and flag == "--retries" else "seconds",
            low=_shown(bounds.low),
            high=_shown(bounds.high),
            example=bounds.example,
        )
    return int(value) if bounds.whole else value
