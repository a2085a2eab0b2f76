"""Diagnosis text (issue 10 §4): every catalogue entry × both languages reads clean.

No template placeholder leaks ("cannot be told from ?."), each cause's evidence is its own, a fix that belongs only to
ruled-out causes is not shown, sources are titled links with a translated kind label.
"""

from __future__ import annotations

import json
import re
import time

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

from sfjwt_gui.cli import main
from sfjwt_gui.core.catalogue import CONFIDENCES, LANGS, SOURCE_KINDS, load_catalogue
from sfjwt_gui.core.diagnosis import Diagnosis, explain_entry, explain_error
from sfjwt_gui.core.evidence import Status

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?\}")
LONE_QUESTION_MARK = re.compile(r"(?:^|[\s(（:：'\"])\?(?:$|[\s.。,、)）'\"])")
ENTRY_IDS = [entry.id for entry in load_catalogue().entries]


def _assertion(key: RSAPrivateKey, **claims: object) -> str:
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    payload = {"iss": "3MVG9" + "A" * 80, "sub": "integration@acme.com", "aud": "https://login.salesforce.com"}
    payload |= {"exp": int(time.time()) + 180, **claims}
    return jwt.encode(payload, pem, algorithm="RS256")


def _texts(diagnosis: Diagnosis) -> list[str]:
    texts = [diagnosis.title, diagnosis.meaning, *diagnosis.fixes]
    texts += [c.cause for c in diagnosis.causes] + [c.evidence for c in diagnosis.causes]
    texts += [note for note in (diagnosis.flow_note, diagnosis.approximate_note, diagnosis.detail) if note]
    texts += [s.title for s in diagnosis.sources] + [s.label for s in diagnosis.sources]
    return texts


def _diagnoses(entry_id: str, lang: str, key: RSAPrivateKey) -> list[Diagnosis]:
    return [
        explain_entry(entry_id, lang=lang),
        explain_entry(entry_id, lang=lang, assertion=_assertion(key), endpoint="https://acme.my.salesforce.com"),
        explain_entry(
            entry_id, lang=lang, assertion=_assertion(key, aud="acme"), endpoint="https://test.salesforce.com"
        ),
    ]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("entry_id", ENTRY_IDS)
def test_every_entry_reads_clean(entry_id: str, lang: str, rsa_key: RSAPrivateKey) -> None:
    for diagnosis in _diagnoses(entry_id, lang, rsa_key):
        for text in _texts(diagnosis):
            assert not PLACEHOLDER.search(text), (entry_id, lang, text)
            assert not LONE_QUESTION_MARK.search(text), (entry_id, lang, text)
        # a cause's evidence is its own: no two causes of one diagnosis say the same sentence
        evidence = [c.evidence for c in diagnosis.causes]
        assert len(evidence) == len(set(evidence)), (entry_id, lang, evidence)
        if lang == "ja":
            texts = [diagnosis.title, diagnosis.meaning, *diagnosis.fixes, *(c.evidence for c in diagnosis.causes)]
            texts += [c.cause for c in diagnosis.causes] + ([diagnosis.flow_note] if diagnosis.flow_note else [])
            for text in texts:
                assert JAPANESE.search(text), (entry_id, text)
        rendered = diagnosis.to_text()
        assert not PLACEHOLDER.search(rendered)
        assert diagnosis.confidence in CONFIDENCES


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("entry_id", ENTRY_IDS)
def test_sources_are_titled_links_with_translated_labels(entry_id: str, lang: str) -> None:
    entry = load_catalogue().entry(entry_id)
    assert entry.confidence in CONFIDENCES
    if entry.id not in ("local-problem", "cancelled", "network-error"):
        assert entry.sources, entry_id  # facts carry their source; only our own outcomes have none
    for source in entry.sources_in(lang):
        assert source.kind in SOURCE_KINDS
        assert source.title.strip(), (entry_id, source)
        assert source.label.strip(), (entry_id, source)
        assert source.url.startswith("https://") or source.kind == "seed", (entry_id, source)
        assert not re.match(r"^[A-Z0-9-]+$", source.title), source  # not a code such as "3P"
        if lang == "ja":
            assert JAPANESE.search(source.label), source
            english = next(s for s in entry.sources_in("en") if s.title == source.title)
            assert source.label != english.label, source


def test_every_label_is_translated() -> None:
    for key, texts in load_catalogue().labels.items():
        assert texts.get("en"), key
        assert texts.get("ja"), key
        assert texts["ja"] != texts["en"], key
        assert JAPANESE.search(texts["ja"]), key


def test_the_seen_leak_is_gone() -> None:
    """'Whether the org is production or a sandbox cannot be told from ?.' came from an explain without an endpoint."""
    for lang in LANGS:
        diagnosis = explain_error("invalid_grant", "audience is invalid", lang=lang)
        assert "?" not in " ".join(c.evidence for c in diagnosis.causes)


def test_scopes_cause_has_its_own_evidence(rsa_key: RSAPrivateKey) -> None:
    diagnosis = explain_error("invalid_grant", "user hasn't approved this consumer", assertion=_assertion(rsa_key))
    by_id = {c.id: c.evidence for c in diagnosis.causes}
    assert "refresh_token, offline_access" in by_id["missing-scopes"]
    assert by_id["missing-scopes"] != by_id["self-authorize-policy"] != by_id["profile-not-assigned"]


def test_fix_of_a_ruled_out_cause_is_not_shown(rsa_key: RSAPrivateKey) -> None:
    # POST to login.salesforce.com: production, so the sandbox-refresh cause is ruled out, and so is its fix
    diagnosis = explain_error(
        "invalid_grant",
        "user hasn't approved this consumer",
        assertion=_assertion(rsa_key),
        endpoint="https://login.salesforce.com",
    )
    assert next(c for c in diagnosis.causes if c.id == "sandbox-refresh").status is Status.RULED_OUT
    assert not any("sandbox refresh" in fix for fix in diagnosis.fixes)
    assert any("sandbox refresh" in fix for fix in diagnosis.fixes_ruled_out)
    assert "sandbox refresh: wait" not in diagnosis.to_text()
    # without the endpoint nothing is ruled out, and the fix is there
    open_case = explain_error("invalid_grant", "user hasn't approved this consumer", assertion=_assertion(rsa_key))
    assert any("sandbox refresh" in fix for fix in open_case.fixes)


def test_cli_prints_sources_as_titled_links(capsys: pytest.CaptureFixture[str]) -> None:
    body = '{"error":"invalid_grant","error_description":"audience is invalid"}'
    assert main(["explain", body]) == 0
    out = capsys.readouterr().out
    assert "Public report: forcedotcom/cli #3325" in out.replace("public report", "Public report")
    assert "<https://github.com/forcedotcom/cli/issues/3325>" in out
    assert "FIELD:" not in out
    assert main(["explain", body, "--lang", "ja"]) == 0
    out_ja = capsys.readouterr().out
    assert "公開されている報告: forcedotcom/cli #3325" in out_ja
    assert "確度: 確認済み" in out_ja
    assert main(["explain", body, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["confidence"] == "confirmed"
    first = data["sources"][0]
    assert set(first) == {"kind", "label", "title", "url"}
    assert first["url"].startswith("https://")
