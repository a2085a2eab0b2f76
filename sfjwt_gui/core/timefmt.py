"""NumericDate claims (``exp``, ``iat``, ``nbf`` …) as UTC, local time and "expires in 2 min 10 s"."""

from __future__ import annotations

import datetime as dt
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sfjwt_gui.core.text_data import load_json

# Claims RFC 7519 / OpenID define as NumericDate.
NUMERIC_DATE_CLAIMS = ("exp", "iat", "nbf", "auth_time", "updated_at")
# An epoch above this is not a date in seconds (year 5138): it is milliseconds.
MILLISECONDS_THRESHOLD = 100_000_000_000
_MAX_EPOCH = 253_402_300_799  # 9999-12-31T23:59:59Z, the end of datetime's range


@dataclass(frozen=True)
class TimeInfo:
    """One NumericDate claim, readable: ``epoch`` is the claim in seconds (milliseconds converted, see ``note``)."""

    epoch: float
    utc: str
    local: str
    relative: str
    note: str = ""

    def to_json(self) -> dict[str, object]:
        """The JSON shape of ``sfjwt decode --json`` ``times``."""
        data: dict[str, object] = {"epoch": self.epoch, "utc": self.utc, "local": self.local, "relative": self.relative}
        if self.note:
            data["note"] = self.note
        return data


def numeric_value(value: object) -> float | None:
    """The number a claim holds: int/float (not bool), or a numeric string as simple-salesforce sends; else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return float(value) if abs(value) < 10**300 else None
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str):
        text = value.strip()
        if not text or len(text) > 40:
            return None
        try:
            number = float(text)
        except ValueError:
            return None
        return number if math.isfinite(number) else None
    return None


def _texts() -> dict[str, Any]:
    """``resources/lint/timefmt.json``: units, separators and phrases in en and ja (read once)."""
    data: dict[str, Any] = load_json("lint", "timefmt.json")
    return data


def format_duration(seconds: float, lang: str = "en") -> str:
    """``130`` -> ``2 min 10 s`` (ja: ``2分10秒``); ``10800`` -> ``3 h``; the two most significant units."""
    texts = _texts()
    lang = lang if lang in texts["units"] else "en"
    units: list[list[Any]] = texts["units"][lang]
    sep: str = texts["separator"][lang]
    total = round(abs(seconds)) if abs(seconds) < 1e15 else 10**15
    parts: list[str] = []
    for name, size in units:
        amount, total = divmod(total, size)
        if amount or parts or size == 1:
            parts.append(f"{amount}{sep}{name}" if amount or not parts else "")
        if len(parts) == 2:
            break
    return sep.join(part for part in parts if part)


def _phrase(key: str, lang: str, span: str = "") -> str:
    phrases: dict[str, dict[str, str]] = _texts()["phrases"]
    return phrases.get(lang, phrases["en"])[key].format(span=span)


def relative_text(claim: str, epoch: float, now: float, lang: str = "en") -> str:
    """``expires in 2 min 10 s`` / ``expired 3 h ago`` for ``exp``; ``in …`` / ``… ago`` for other claims."""
    delta = epoch - now
    if abs(delta) > _MAX_EPOCH:
        return _phrase("far", lang)
    span = format_duration(delta, lang)
    if claim == "exp":
        if delta > 0:
            return _phrase("exp+", lang, span)
        return _phrase("exp0", lang) if delta == 0 else _phrase("exp-", lang, span)
    if claim == "nbf":
        return _phrase("nbf+" if delta > 0 else "nbf-", lang, span)
    if delta == 0:
        return _phrase("0", lang)
    return _phrase("+" if delta > 0 else "-", lang, span)


def _format(epoch: float, tz: dt.tzinfo | None) -> str:
    if not -_MAX_EPOCH < epoch < _MAX_EPOCH:
        return "out of range"
    try:
        moment = dt.datetime.fromtimestamp(epoch, dt.UTC)
        if tz is None:
            return moment.astimezone().isoformat(timespec="seconds")
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    except (OverflowError, OSError, ValueError):
        return "out of range"


def utc_text(epoch: float) -> str:
    """``2026-11-27T02:57:11Z``, or ``out of range``."""
    return _format(epoch, dt.UTC)


def describe_time(claim: str, value: object, now: float | None = None, lang: str = "en") -> TimeInfo | None:
    """Annotate one claim value, or None when it is not a number (or numeric string); texts in ``lang``."""
    number = numeric_value(value)
    if number is None:
        return None
    current = time.time() if now is None else now
    notes: list[str] = []
    if isinstance(value, str):
        notes.append(_phrase("string", lang))
    if abs(number) >= MILLISECONDS_THRESHOLD:
        number = number / 1000
        notes.append(_phrase("ms", lang))
    return TimeInfo(
        epoch=number,
        utc=_format(number, dt.UTC),
        local=_format(number, None),
        relative=relative_text(claim, number, current, lang),
        note="; ".join(notes),
    )


def annotate_times(payload: Mapping[str, object], now: float | None = None, lang: str = "en") -> dict[str, TimeInfo]:
    """Every NumericDate claim of the payload, readable (``lang`` ``en`` or ``ja`` for ``relative`` and ``note``)."""
    current = time.time() if now is None else now
    times: dict[str, TimeInfo] = {}
    for claim in NUMERIC_DATE_CLAIMS:
        if claim in payload:
            info = describe_time(claim, payload[claim], current, lang)
            if info is not None:
                times[claim] = info
    return times
