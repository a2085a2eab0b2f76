"""Texts of the org inspector (``resources/errors/org.json``, English and Japanese), filled from typed values."""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from typing import Any

from sfjwt_gui.core.text_data import load_json


@cache
def _texts() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = load_json("errors", "org.json")
    return data


def text(text_id: str, lang: str = "en", /, **values: Any) -> str:
    """The text ``text_id`` in ``lang`` (English when missing), filled with ``values`` ("?" for missing ones)."""
    entry = _texts().get(text_id)
    if entry is None:
        return text_id
    template = entry.get(lang) or entry["en"]
    filled: defaultdict[str, Any] = defaultdict(lambda: "?", {k: ("?" if v is None else v) for k, v in values.items()})
    return template.format_map(filled)


def needs_text(needs: str | None, lang: str = "en") -> str:
    """``"insufficient_access:SetupEntityAccess"`` in words."""
    if not needs:
        return ""
    kind, _, what = needs.partition(":")
    return text(f"needs.{kind}", lang, what=what)


def has(key: str) -> bool:
    """Whether ``key`` has a text."""
    return key in _texts()
