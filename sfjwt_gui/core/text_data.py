"""User-visible texts shipped as JSON in ``resources/``: one cached loader, the languages, safe formatting.

The error catalogue, lint rules, codec, keys, network and CLI texts all live in data (en + ja); their modules read
them through ``load_json`` and fill placeholders with ``KeepPlaceholders`` so a missing value shows as ``{name}``.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from sfjwt_gui.core.errors import InputError
from sfjwt_gui.core.resources import resource_path

LANGUAGES = ("en", "ja")


@cache
def load_json(*parts: str) -> Any:
    """The parsed JSON file ``resources/<parts…>`` (read once per process)."""
    with resource_path(*parts).open(encoding="utf-8") as handle:
        return json.load(handle)


def check_language(lang: str) -> str:
    """``en`` or ``ja``; anything else is an InputError."""
    if lang not in LANGUAGES:
        # rendered here, not through key_texts (which reads its texts through this module)
        params = {"lang": repr(lang)}
        english = load_json("errors", "core.json")["errors"]["language-unsupported"]["en"]
        message = english["message"].format_map(KeepPlaceholders(params))
        raise InputError(message, fix=english["fix"], code="language-unsupported", params=params)
    return lang


class KeepPlaceholders(dict[str, str]):
    """Format values for ``str.format_map``: an unknown placeholder stays visible instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
