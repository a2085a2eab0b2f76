"""Texts of ``jwt_codec`` (``resources/lint/codec.json``) and the rendering of its decode errors in en and ja.

Separate from the codec so ``key_texts.describe_error`` can render a ``TokenFormatError`` without importing the codec
(which imports ``key_texts``): core's imports stay a tree. Imports only errors and text_data.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sfjwt_gui.core.errors import TokenFormatError
from sfjwt_gui.core.text_data import KeepPlaceholders, check_language, load_json


def codec_texts() -> dict[str, Any]:
    """``resources/lint/codec.json``: decode errors and verification reasons in en and ja (read once)."""
    data: dict[str, Any] = load_json("lint", "codec.json")
    return data


def _localised_params(params: Mapping[str, str], lang: str) -> KeepPlaceholders:
    """Fill the placeholders; ``part``, ``reason`` and ``hint`` hold ids of words that are translated too."""
    data = codec_texts()
    values = KeepPlaceholders(params)
    if "part" in values:
        values["part"] = data["parts"].get(values["part"], {}).get(lang, values["part"])
    if "reason" in values:
        reasons = data["wrong_parts_reasons"]
        reason = reasons.get(values["reason"], reasons["other"])[lang]
        values["reason"] = reason.format_map(values)
    if "hint" in values:
        hints = data["base64_hints"]
        values["hint"] = "".join(hints[h][lang] for h in values["hint"].split() if h in hints)
    return values


def describe_token_error(exc: TokenFormatError, lang: str = "en") -> tuple[str, str]:
    """``(message, fix)`` of a decode error in ``lang`` (``en`` or ``ja``); unknown codes keep the English text."""
    texts = codec_texts()["token_errors"].get(exc.code)
    if texts is None:
        return exc.message, exc.fix
    values = _localised_params(exc.params, check_language(lang))
    chosen: dict[str, str] = texts[lang]
    return chosen["message"].format_map(values), chosen["fix"].format_map(values)
