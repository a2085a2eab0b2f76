"""One text model for lint findings and diagnoses: core returns codes and parameters, text is written when shown.

A finding linted once gives, in any language, exactly the texts ``lint`` gives when asked for that language; a
diagnosis written in another language (``Diagnosis.in_language``) equals the one diagnosed in it, without linting or
checking again. Real keys, certificates and tokens; the lint is counted, not replaced.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from jwt_helpers import NOW, certificate_for, hand_token

from sfjwt_gui.core import lint as lint_module
from sfjwt_gui.core.diagnosis import explain_error, explain_text
from sfjwt_gui.core.lint import Finding, lint
from sfjwt_gui.core.lint_rules.base import Reason, Span

CONSUMER_KEY = "3MVG9" + "A" * 80


def _token(key: Any, **claims: Any) -> str:
    payload = {"iss": CONSUMER_KEY, "sub": "u@acme.com", "aud": "https://login.salesforce.com", **claims}
    return hand_token({"alg": "RS256", "typ": "JWT"}, payload, key)


def _texts(findings: list[Finding], lang: str) -> list[tuple[str, str, str]]:
    return [(f.rule, *f.text(lang)) for f in findings]


def _lint_cases(rsa_key: Any, other_key: Any) -> list[list[Finding]]:
    past = _token(rsa_key, exp=int(NOW) - 600, iat=int(NOW) - 900)  # exp-in-past: a duration parameter
    ec_cert = certificate_for(ec.generate_private_key(ec.SECP256R1()), days_left=365)  # type: ignore[arg-type]
    expiring = certificate_for(rsa_key, days_left=5)
    return [
        lint(past, now=NOW, clock_offset=30.0),  # the "clock" variant, its offset a parameter
        lint(_token(rsa_key, exp=int(NOW) + 3600), now=NOW, certificate=expiring),  # spans: lifetime, certificate
        lint(_token(other_key, exp=int(NOW) + 120), now=NOW, certificate=ec_cert),  # a verification reason
        lint(_token(rsa_key, exp=int(NOW) + 120), now=NOW, certificate=certificate_for(other_key, days_left=90)),
    ]


def test_a_finding_linted_once_reads_as_lint_writes_it_in_each_language(rsa_key: Any, other_key: Any) -> None:
    cases = _lint_cases(rsa_key, other_key)
    rules = {f.rule for findings in cases for f in findings}
    assert {"exp-in-past", "exp-beyond-3-minutes", "certificate-expiring", "signature-invalid"} <= rules
    for findings in cases:
        assert all(f.lang == "en" for f in findings)
        ja_texts = _texts(findings, "ja")
        assert ja_texts != _texts(findings, "en")  # the same findings, another language
        assert any("\u3040" <= ch <= "\u30ff" for _, message, _ in ja_texts for ch in message)  # kana
    # exactly the texts lint gives when asked for Japanese (the CLI's --lang ja)
    past = _token(rsa_key, exp=int(NOW) - 600, iat=int(NOW) - 900)
    english = lint(past, now=NOW, clock_offset=30.0)
    japanese = lint(past, now=NOW, clock_offset=30.0, lang="ja")
    assert english == japanese  # data only: the language is not part of a finding's value
    assert [(f.rule, f.message, f.fix) for f in japanese] == _texts(english, "ja")


def test_findings_hold_parameters_not_sentences(rsa_key: Any, other_key: Any) -> None:
    past, lifetime, mismatch, _ = _lint_cases(rsa_key, other_key)
    exp = next(f for f in past if f.rule == "exp-in-past")
    assert exp.variant == "clock"
    span = exp.params["span"]
    assert isinstance(span, Span)
    assert span.text("en") in exp.message_in("en")
    assert span.text("ja") in exp.message_in("ja")
    data = exp.to_json()
    assert data["code"] == "exp-in-past"
    assert data["variant"] == "clock"
    assert data["params"] == json.loads(json.dumps(data["params"]))  # plain JSON
    assert data["params"]["span"] == round(abs(span.seconds))
    assert data["params"]["offset"] == "+30"
    signature = next(f for f in mismatch if f.rule == "signature-invalid")
    reason = signature.params["reason"]
    assert isinstance(reason, Reason)
    assert reason.text("ja") in signature.message_in("ja")
    assert signature.to_json()["params"]["against"] == "certificate"  # a term, by its id
    assert any(f.rule == "certificate-expiring" for f in lifetime)


def test_a_diagnosis_is_written_in_another_language_without_linting_again(
    rsa_key: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real_lint = lint_module.lint

    def counting_lint(*args: Any, **kwargs: Any) -> Any:
        calls.append("lint")
        return real_lint(*args, **kwargs)

    monkeypatch.setattr(lint_module, "lint", counting_lint)  # a spy that calls through: the real lint runs
    assertion = _token(rsa_key, exp=int(NOW) - 600)
    english = explain_error("invalid_grant", "invalid assertion", assertion=assertion)
    assert calls == ["lint"]
    written = english.in_language("ja")
    assert calls == ["lint"], "writing the diagnosis in Japanese linted again"
    diagnosed = explain_error("invalid_grant", "invalid assertion", assertion=assertion, lang="ja")
    assert written.to_json() == diagnosed.to_json()
    assert written.to_text() == diagnosed.to_text()
    assert written.to_json() != english.to_json()
    assert written.in_language("en").to_json() == english.to_json()
    pasted = 'ERROR {"error":"invalid_grant","error_description":"audience is invalid"} and user hasn\'t approved'
    assert explain_text(pasted).in_language("ja").to_json() == explain_text(pasted, lang="ja").to_json()
    network = "httpx.ConnectError: [Errno 111] Connection refused"
    assert explain_text(network).in_language("ja").to_json() == explain_text(network, lang="ja").to_json()
