"""Render a ``Hit`` into a ``Finding`` with the texts of ``resources/lint/rules.json`` (en, ja)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from sfjwt_gui.core.errors import InputError
from sfjwt_gui.core.lint_rules.base import Finding, Hit, Severity
from sfjwt_gui.core.resources import resource_path

LANGUAGES = ("en", "ja")


@cache
def catalogue() -> dict[str, Any]:
    """The parsed rules catalogue (read once)."""
    with resource_path("lint", "rules.json").open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


class _Values(dict[str, str]):
    """Unknown placeholders stay visible instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def check_language(lang: str) -> str:
    """``en`` or ``ja``; anything else is an InputError."""
    if lang not in LANGUAGES:
        raise InputError(f"Language {lang!r} is not supported.", fix="Use en or ja.")
    return lang


def render(hit: Hit, lang: str) -> Finding:
    """The finding for one hit, in ``lang``."""
    data = catalogue()
    rule: dict[str, Any] = data["rules"][hit.rule]
    variant: dict[str, Any] = rule.get("variants", {}).get(hit.variant, {}) if hit.variant else {}
    texts = {**rule[lang], **variant.get(lang, {})}
    values = _Values(hit.values)
    for name, term in hit.terms.items():
        values[name] = data["terms"][term][lang]
    return Finding(
        rule=hit.rule,
        severity=Severity(variant.get("severity", rule["severity"])),
        message=texts["message"].format_map(values),
        fix=texts["fix"].format_map(values),
        confirmed=bool(variant.get("confirmed", rule["confirmed"])),
        source=str(variant.get("source", rule["source"])),
    )
