"""The texts of lint findings (``resources/lint/rules.json``, en and ja): ``finding`` turns a rule's ``Hit`` into a
``Finding`` (severity, confirmed and source from the catalogue; still no text), ``finding_text`` writes its message
and fix in a language when the finding is shown."""

from __future__ import annotations

from typing import Any

from sfjwt_gui.core.lint_rules.base import Finding, Hit, Severity, catalogue, variant_texts
from sfjwt_gui.core.lint_rules.base import finding_text as finding_text
from sfjwt_gui.core.text_data import LANGUAGES as LANGUAGES
from sfjwt_gui.core.text_data import check_language as check_language


def finding(hit: Hit, lang: str = "en") -> Finding:
    """The finding for one hit (``lang``: the language of its ``message``/``fix`` properties)."""
    rule: dict[str, Any] = catalogue()["rules"][hit.rule]
    variant = variant_texts(hit.rule, hit.variant)
    return Finding(
        rule=hit.rule,
        severity=Severity(variant.get("severity", rule["severity"])),
        confirmed=bool(variant.get("confirmed", rule["confirmed"])),
        source=str(variant.get("source", rule["source"])),
        variant=hit.variant,
        params=dict(hit.values),
        terms=dict(hit.terms),
        lang=check_language(lang),
    )
