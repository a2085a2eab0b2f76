"""Render a ``Hit`` into a ``Finding`` with the texts of ``resources/lint/rules.json`` (en, ja)."""

from __future__ import annotations

from typing import Any

from sfjwt_gui.core.lint_rules.base import Finding, Hit, Severity
from sfjwt_gui.core.text_data import LANGUAGES as LANGUAGES
from sfjwt_gui.core.text_data import KeepPlaceholders, load_json
from sfjwt_gui.core.text_data import check_language as check_language


def catalogue() -> dict[str, Any]:
    """The parsed rules catalogue (read once)."""
    data: dict[str, Any] = load_json("lint", "rules.json")
    return data


def render(hit: Hit, lang: str) -> Finding:
    """The finding for one hit, in ``lang``."""
    data = catalogue()
    rule: dict[str, Any] = data["rules"][hit.rule]
    variant: dict[str, Any] = rule.get("variants", {}).get(hit.variant, {}) if hit.variant else {}
    texts = {**rule[lang], **variant.get(lang, {})}
    values = KeepPlaceholders(hit.values)
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
