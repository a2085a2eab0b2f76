"""The catalogue data: every required entry, complete in English and Japanese, every cause with a real check."""

from __future__ import annotations

import re
import string

import pytest

from sfjwt_gui.core.catalogue import LANGS, evidence_templates, load_catalogue
from sfjwt_gui.core.evidence import CHECKS

REQUIRED = [
    "user-not-approved",
    "not-admin-approved",
    "audience-invalid",
    "invalid-assertion",
    "assertion-expired",
    "client-id-invalid",
    "app-not-found",
    "grant-type-unsupported",
    "ip-restricted",
    "inactive-user",
    "inactive-org",
    "rate-limited",
    "invalid-scope",
    "https-required",
    "dns-failure",
    "connection-refused",
    "timeout",
    "tls-verify-failed",
    "proxy-error",
    "server-error",
    "maintenance-page",
    "not-json",
    "unknown-oauth-error",
    "authentication-failure",
]
# entries whose fix is a Setup change on the app: both app kinds must be named with their path
SETUP_ENTRIES = [
    "user-not-approved",
    "not-admin-approved",
    "invalid-assertion",
    "client-id-invalid",
    "ip-restricted",
    "invalid-scope",
]
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def test_required_ids_are_present_and_unique() -> None:
    ids = [e.id for e in load_catalogue().entries]
    assert len(ids) == len(set(ids))
    assert set(REQUIRED) <= set(ids)


@pytest.mark.parametrize("entry_id", REQUIRED)
def test_entry_is_complete_in_both_languages(entry_id: str) -> None:
    entry = load_catalogue().entry(entry_id)
    for lang in LANGS:
        assert entry.title_in(lang)
        assert entry.meaning_in(lang)
        assert entry.fixes_in(lang)
        for cause in entry.causes:
            assert cause.text.get(lang)
    for text in [entry.title["ja"], entry.meaning["ja"], *entry.fixes_in("ja"), *(c.text["ja"] for c in entry.causes)]:
        assert JAPANESE.search(text), text
    assert entry.causes or entry_id == "cancelled"
    for cause in entry.causes:
        assert cause.check in CHECKS, cause
        assert cause.certainty in ("documented", "field", "reported", "likely")
    assert entry.sources


@pytest.mark.parametrize("entry_id", SETUP_ENTRIES)
def test_fixes_name_setup_paths_for_both_app_kinds(entry_id: str) -> None:
    fixes = " ".join(load_catalogue().entry(entry_id).fixes_in("en"))
    assert "Connected App: Setup → Apps → App Manager" in fixes or "Connected App: App Manager" in fixes
    assert "External Client App" in fixes
    assert "External Client App Manager" in fixes
    ja = " ".join(load_catalogue().entry(entry_id).fixes_in("ja"))
    assert "接続アプリケーション" in ja
    assert "外部クライアントアプリケーションマネージャー" in ja


def test_unconfirmed_facts_are_flagged() -> None:
    cat = load_catalogue()
    assert "unconfirmed" in cat.entry("not-admin-approved").meaning_in("en")  # HTTP status UNCONFIRMED
    assert "未確認" in cat.entry("authentication-failure").meaning_in("ja")
    propagation = next(c for c in cat.entry("client-id-invalid").causes if c.id == "propagation")
    assert propagation.certainty == "reported"
    assert cat.label("likely", "en").startswith("likely")
    assert cat.label("reported", "ja")


def test_seed_codes_and_both_audience_wordings_match() -> None:
    cat = load_catalogue()
    assert cat.match_oauth("user_not_approved", "") is cat.entry("user-not-approved")
    assert cat.match_oauth("expired_assertion", None) is cat.entry("assertion-expired")
    assert cat.match_oauth("invalid_grant", "Audience validation failed") is cat.entry("audience-invalid")
    assert cat.match_oauth("invalid_grant", "totally new") is None


def test_evidence_templates_have_both_languages_and_known_fields() -> None:
    templates = evidence_templates()
    assert templates
    for key, texts in templates.items():
        assert set(LANGS) <= set(texts), key
        fields = {f for _, f, _, _ in string.Formatter().parse(texts["en"]) if f}
        ja_fields = {f for _, f, _, _ in string.Formatter().parse(texts["ja"]) if f}
        assert ja_fields <= fields | {"direction_ja"}, key
