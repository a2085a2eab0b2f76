"""Every lint rule id: cases that trigger it and near misses that do not (tokens hand-built, not via our signer)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from jwt_helpers import NOW, certificate_for, hand_token

from sfjwt_gui.core.errors import ConnectionSettingsError, InputError, TokenFormatError, UnsupportedKeyError
from sfjwt_gui.core.lint import RULE_IDS, Finding, Severity, has_errors, lint
from sfjwt_gui.core.lint_rules.texts import catalogue

# The rule ids issue 3 requires, verbatim.
ISSUE_RULE_IDS = """alg-not-rs256 alg-none iss-missing iss-not-consumer-key sub-missing sub-looks-like-user-id
sub-looks-like-email-not-username aud-missing aud-not-https aud-unknown-host aud-lightning-domain aud-token-url
aud-trailing-path aud-endpoint-mismatch exp-missing exp-in-past exp-milliseconds exp-string exp-beyond-3-minutes
exp-too-short nbf-in-future iat-in-future prn-instead-of-sub key-too-small signature-invalid key-certificate-mismatch
certificate-expired certificate-expiring""".split()  # noqa: SIM905 - pasted from the issue
ISSUE_RULE_IDS.append("aud-gov-cloud")  # issue 12: Government Cloud's split of POST host and aud

CONSUMER_KEY = "3MVG9A2kN3Bn17hueOTBLV6amupuqyVHycNQ43Q4pIHuDhYcP0gUA0zxwtLPCcnDlOKy0gopxQ4dA6BcNWLab"
BASE_PAYLOAD: dict[str, Any] = {
    "iss": CONSUMER_KEY,
    "sub": "integration@acme.com",
    "aud": "https://login.salesforce.com",
    "exp": int(NOW) + 180,
}
DROP = object()


@dataclass
class Case:
    """A token (base payload with ``changes``, header ``alg``) and lint options built from the key fixtures."""

    rule: str
    changes: dict[str, Any] = field(default_factory=dict)
    header: dict[str, Any] | None = None
    options: Callable[[dict[str, Any]], dict[str, Any]] = lambda fx: {}
    signer: str = "rsa_key"  # fixture name, or "" for an empty signature
    severity: Severity | None = None
    confirmed: bool | None = None
    quoted: Any = DROP  # a value the message must quote

    def __str__(self) -> str:
        return self.rule


def build(case: Case, fx: dict[str, Any]) -> str:
    payload = {k: v for k, v in {**BASE_PAYLOAD, **case.changes}.items() if v is not DROP}
    header = case.header if case.header is not None else {"alg": "RS256"}
    return hand_token(header, payload, fx[case.signer] if case.signer else None)


def run(case: Case, fx: dict[str, Any], lang: str = "en") -> list[Finding]:
    return lint(build(case, fx), now=NOW, lang=lang, **case.options(fx))


@pytest.fixture(scope="module")
def fx(rsa_key: Any, rsa_cert: Any, other_key: Any, small_key: Any) -> dict[str, Any]:
    return {
        "rsa_key": rsa_key,
        "rsa_cert": rsa_cert,
        "other_key": other_key,
        "other_cert": certificate_for(other_key, days_left=365),
        "small_key": small_key,
        "small_cert": certificate_for(small_key, days_left=365),
        "expired_cert": certificate_for(rsa_key, days_left=-3),
        "expiring_cert": certificate_for(rsa_key, days_left=10),
        "healthy_cert": certificate_for(rsa_key, days_left=31),
        "ec_cert": certificate_for(ec.generate_private_key(ec.SECP256R1()), days_left=365),  # type: ignore[arg-type]
    }


E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
MS = int(NOW * 1000) + 300

TRIGGERS = [
    Case("alg-not-rs256", header={"alg": "HS256"}, severity=E, confirmed=True, quoted="HS256"),
    Case("alg-not-rs256", header={"typ": "JWT"}, severity=E, confirmed=True),
    Case("alg-not-rs256", header={"alg": "RS512"}, severity=E, confirmed=False, quoted="RS512"),
    Case("alg-not-rs256", header={"alg": "ES256"}, severity=E, confirmed=False, quoted="ES256"),
    Case("alg-none", header={"alg": "none"}, signer="", severity=E, confirmed=True, quoted="none"),
    Case("alg-none", header={"alg": "None"}, signer="", severity=E),
    Case("iss-missing", {"iss": DROP}, severity=E, confirmed=True),
    Case("iss-missing", {"iss": ""}, severity=E, quoted=""),
    Case("iss-missing", {"iss": 42}, severity=E, quoted=42),
    Case("iss-not-consumer-key", {"iss": "My Connected App"}, severity=W, confirmed=False, quoted="My Connected App"),
    Case("iss-not-consumer-key", {"iss": "admin@acme.com"}, severity=W, quoted="admin@acme.com"),
    Case("iss-not-consumer-key", {"iss": "A1B2C3D4" * 8}, severity=W, quoted="A1B2C3D4" * 8),
    Case("iss-not-consumer-key", {"iss": CONSUMER_KEY + "\n"}, severity=W),
    Case("iss-not-consumer-key", {"iss": "abc123"}, severity=W, quoted="abc123"),
    Case("sub-missing", {"sub": DROP}, severity=E, confirmed=True),
    Case("sub-missing", {"sub": None}, severity=E, quoted=None),
    Case("sub-looks-like-user-id", {"sub": "005000000000001AAA"}, severity=E, quoted="005000000000001AAA"),
    Case("sub-looks-like-user-id", {"sub": "0055g00000ABCDE"}, severity=E),
    Case(
        "sub-looks-like-email-not-username", {"sub": "jane.doe@gmail.com"}, severity=INFO, quoted="jane.doe@gmail.com"
    ),
    Case(
        "sub-looks-like-email-not-username",
        {"sub": "integration@acme.com", "aud": "https://test.salesforce.com"},
        severity=INFO,
        confirmed=False,
        quoted="integration@acme.com",
    ),
    Case(
        "sub-looks-like-email-not-username",
        {"sub": "integration@acme.com", "aud": "https://acme--uat.sandbox.my.salesforce.com"},
        severity=INFO,
        quoted="integration@acme.com.uat",
    ),
    Case("aud-missing", {"aud": DROP}, severity=E, confirmed=True),
    Case("aud-missing", {"aud": 5}, severity=E, quoted=5),
    Case("aud-missing", {"aud": []}, severity=E),
    Case("aud-not-https", {"aud": "login.salesforce.com"}, severity=E, confirmed=True, quoted="login.salesforce.com"),
    Case("aud-not-https", {"aud": "http://login.salesforce.com"}, severity=E),
    Case("aud-not-https", {"aud": "https//login.salesforce.com"}, severity=E),
    Case("aud-unknown-host", {"aud": "https://na1.salesforce.com"}, severity=E, quoted="https://na1.salesforce.com"),
    Case("aud-unknown-host", {"aud": "https://acme.vf.force.com"}, severity=E),
    Case("aud-unknown-host", {"aud": "https://auth.example.com"}, severity=W, confirmed=False),
    Case("aud-lightning-domain", {"aud": "https://acme.lightning.force.com"}, severity=E, confirmed=True),
    Case("aud-lightning-domain", {"aud": "https://acme--uat.sandbox.lightning.force.com/"}, severity=E),
    Case("aud-token-url", {"aud": "https://login.salesforce.com/services/oauth2/token"}, severity=E, confirmed=True),
    Case("aud-token-url", {"aud": "https://acme.my.site.com/customers/services/oauth2/token"}, severity=E),
    Case("aud-trailing-path", {"aud": "https://login.salesforce.com/"}, severity=W, confirmed=False, quoted="/"),
    Case("aud-trailing-path", {"aud": "https://acme.my.salesforce.com/home/home.jsp"}, severity=W),
    Case("aud-trailing-path", {"aud": "https://test.salesforce.com?x=1"}, severity=W),
    Case(
        "aud-endpoint-mismatch",
        {"aud": "https://test.salesforce.com", "sub": "i@acme.com.uat"},
        options=lambda fx: {"endpoint": "https://login.salesforce.com"},
        severity=E,
        confirmed=True,
        quoted="https://test.salesforce.com",
    ),
    Case(
        "aud-endpoint-mismatch",
        {"aud": "https://test.salesforce.com", "sub": "i@acme.com.uat"},
        options=lambda fx: {"endpoint": "https://acme.my.salesforce.com/services/oauth2/token"},
        severity=E,
    ),
    Case(
        "aud-endpoint-mismatch",
        options=lambda fx: {"endpoint": "https://test.salesforce.com/services/oauth2/token"},
        severity=E,
    ),
    Case(
        "aud-endpoint-mismatch",
        options=lambda fx: {"endpoint": "https://acme--uat.sandbox.my.salesforce.com"},
        severity=E,
    ),
    Case(
        "aud-endpoint-mismatch",
        {"aud": "https://acme.my.salesforce.com"},
        options=lambda fx: {"endpoint": "https://globex.my.salesforce.com"},
        severity=E,
        quoted="https://acme.my.salesforce.com",
    ),
    Case("exp-missing", {"exp": DROP}, severity=E, confirmed=True),
    Case("exp-missing", {"exp": None}, severity=E, quoted=None),
    Case("exp-missing", {"exp": True}, severity=E, quoted=True),
    Case("exp-in-past", {"exp": int(NOW) - 1}, severity=E, confirmed=True, quoted=int(NOW) - 1),
    Case("exp-in-past", {"exp": int(NOW)}, severity=E),
    Case("exp-in-past", {"exp": int(NOW) - 9 * 3600}, severity=E),  # local time sent as UTC (simple-salesforce #491)
    Case("exp-in-past", {"exp": int(NOW) + 100}, options=lambda fx: {"clock_offset": 120.0}, severity=E),
    Case("exp-milliseconds", {"exp": MS}, severity=W, confirmed=True, quoted=MS),
    Case("exp-string", {"exp": str(int(NOW) + 180)}, severity=W, confirmed=True, quoted=str(int(NOW) + 180)),
    Case("exp-string", {"exp": "in three minutes"}, severity=E, confirmed=False, quoted="in three minutes"),
    Case("exp-beyond-3-minutes", {"exp": int(NOW) + 300}, severity=W, confirmed=True, quoted=int(NOW) + 300),
    Case("exp-beyond-3-minutes", {"exp": int(NOW) + 86_400 * 365 * 5}, severity=W),
    Case("exp-too-short", {"exp": int(NOW) + 10}, severity=W, quoted=int(NOW) + 10),
    Case("exp-too-short", {"exp": int(NOW) + 29}, severity=W),
    Case("exp-too-short", {"exp": int(NOW) + 60}, options=lambda fx: {"clock_offset": 45.0}, severity=W),
    Case("nbf-in-future", {"nbf": int(NOW) + 60}, severity=W, confirmed=False, quoted=int(NOW) + 60),
    Case("iat-in-future", {"iat": int(NOW) + 60}, severity=W, confirmed=False, quoted=int(NOW) + 60),
    Case("iat-in-future", {"iat": MS}, severity=W, quoted=MS),
    Case("iat-in-future", {"iat": int(NOW)}, options=lambda fx: {"clock_offset": -30.0}, severity=W),
    # Salesforce KB 000204593: prn is accepted, and wins when both are present
    Case("prn-instead-of-sub", {"sub": DROP, "prn": "integration@acme.com"}, severity=INFO, confirmed=True),
    Case("prn-instead-of-sub", {"prn": "integration@acme.com"}, severity=INFO, quoted="integration@acme.com"),
    Case("prn-instead-of-sub", {"prn": "other@acme.com"}, severity=W, quoted="other@acme.com"),
    Case("key-too-small", options=lambda fx: {"private_key": fx["small_key"]}, severity=E, confirmed=False),
    Case("key-too-small", options=lambda fx: {"certificate": fx["small_cert"]}, severity=E),
    Case("key-too-small", signer="small_key", severity=E),
    Case("signature-invalid", options=lambda fx: {"certificate": fx["other_cert"]}, severity=E, confirmed=True),
    Case("signature-invalid", options=lambda fx: {"private_key": fx["other_key"]}, severity=E),
    Case("signature-invalid", signer="other_key", options=lambda fx: {"certificate": fx["rsa_cert"]}, severity=E),
    Case("signature-invalid", signer="", severity=E),
    Case("signature-invalid", options=lambda fx: {"certificate": fx["ec_cert"]}, severity=E),
    Case(
        "key-certificate-mismatch",
        options=lambda fx: {"private_key": fx["other_key"], "certificate": fx["rsa_cert"]},
        severity=E,
        confirmed=True,
    ),
    # not enforced by Salesforce (a product manager on salesforce.stackexchange.com q. 313488): a confirmed warning
    Case("certificate-expired", options=lambda fx: {"certificate": fx["expired_cert"]}, severity=W, confirmed=True),
    Case(
        "aud-gov-cloud",
        {"aud": "https://acme.my.salesforce.com"},
        options=lambda fx: {"gov_cloud": True, "endpoint": "https://acme.my.salesforce.com"},
        severity=E,
        confirmed=True,
        quoted="https://acme.my.salesforce.com",
    ),
    Case(
        "aud-gov-cloud", options=lambda fx: {"gov_cloud": True, "endpoint": "https://login.salesforce.com"}, severity=E
    ),
    Case("certificate-expiring", options=lambda fx: {"certificate": fx["expiring_cert"]}, severity=W, confirmed=False),
]

NEAR_MISSES = [
    Case("alg-not-rs256", header={"alg": "RS256", "typ": "JWT"}),
    Case("alg-none", header={"alg": "RS256"}),
    Case("iss-missing", {"iss": "3MVGx"}),
    Case("iss-not-consumer-key", {"iss": CONSUMER_KEY}),
    Case("sub-missing", {"sub": "x@acme.com"}),
    Case("sub-looks-like-user-id", {"sub": "005user@acme.com"}),
    Case("sub-looks-like-user-id", {"sub": "0050000000000001"}),
    Case("sub-looks-like-email-not-username", {"sub": "integration@acme.com"}),
    Case(
        "sub-looks-like-email-not-username", {"sub": "integration@acme.com.uat", "aud": "https://test.salesforce.com"}
    ),
    Case("aud-missing", {"aud": ["https://login.salesforce.com"]}),
    Case("aud-not-https", {"aud": "https://login.salesforce.com"}),
    Case("aud-not-https", {"aud": "http://127.0.0.1:8443"}),
    Case("aud-unknown-host", {"aud": "https://acme.my.site.com/customers"}),
    Case("aud-unknown-host", {"aud": "https://acme--uat.sandbox.my.salesforce.com", "sub": "i@acme.com.uat"}),
    Case("aud-unknown-host", {"aud": "https://acme.develop.my.salesforce.com"}),
    Case("aud-unknown-host", {"aud": "http://localhost:8080"}),
    Case("aud-lightning-domain", {"aud": "https://acme.my.salesforce.com"}),
    Case("aud-token-url", {"aud": "https://login.salesforce.com"}),
    Case("aud-trailing-path", {"aud": "https://acme.my.site.com/customers"}),
    Case("aud-trailing-path", {"aud": "https://test.salesforce.com", "sub": "i@acme.com.uat"}),
    Case("aud-endpoint-mismatch", options=lambda fx: {"endpoint": "https://acme.my.salesforce.com"}),
    Case(
        "aud-endpoint-mismatch", options=lambda fx: {"endpoint": "https://login.salesforce.com/services/oauth2/token"}
    ),
    Case(
        "aud-endpoint-mismatch",
        {"aud": "https://test.salesforce.com", "sub": "i@acme.com.uat"},
        options=lambda fx: {"endpoint": "https://acme--uat.sandbox.my.salesforce.com"},
    ),
    Case(
        "aud-endpoint-mismatch",
        {"aud": "https://acme.my.salesforce.com"},
        options=lambda fx: {"endpoint": "https://login.salesforce.com"},
    ),
    Case(
        "aud-endpoint-mismatch",
        {"aud": "https://test.salesforce.com", "sub": "i@acme.com.uat"},
        options=lambda fx: {"endpoint": "https://sf-proxy.example.com/oauth/token"},
    ),
    Case(
        "aud-endpoint-mismatch",
        {"aud": "https://test.salesforce.com", "sub": "i@acme.com.uat"},
        options=lambda fx: {"endpoint": "http://127.0.0.1:8080"},
    ),
    Case("exp-missing", {"exp": int(NOW) + 180}),
    Case("exp-in-past", {"exp": int(NOW) + 180}),
    Case("exp-in-past", {"exp": MS}),
    Case("exp-milliseconds", {"exp": int(NOW) + 180}),
    Case("exp-string", {"exp": int(NOW) + 180}),
    Case("exp-beyond-3-minutes", {"exp": int(NOW) + 181}),
    Case("exp-beyond-3-minutes", {"exp": MS}),
    Case("exp-too-short", {"exp": int(NOW) + 30}),
    Case("nbf-in-future", {"nbf": int(NOW)}),
    Case("nbf-in-future", {"nbf": int(NOW) - 60}),
    Case("iat-in-future", {"iat": int(NOW)}),
    Case("iat-in-future", {"iat": int(NOW) + 30}, options=lambda fx: {"clock_offset": 30.0}),
    Case("prn-instead-of-sub"),
    Case("key-too-small", options=lambda fx: {"private_key": fx["rsa_key"], "certificate": fx["rsa_cert"]}),
    Case("signature-invalid", options=lambda fx: {"certificate": fx["rsa_cert"]}),
    Case("signature-invalid", options=lambda fx: {"private_key": fx["rsa_key"]}),
    Case("signature-invalid", header={"alg": "none"}, signer="", options=lambda fx: {"certificate": fx["rsa_cert"]}),
    Case("key-certificate-mismatch", options=lambda fx: {"private_key": fx["rsa_key"], "certificate": fx["rsa_cert"]}),
    Case("certificate-expired", options=lambda fx: {"certificate": fx["expiring_cert"]}),
    Case("aud-gov-cloud", options=lambda fx: {"gov_cloud": True, "endpoint": "https://acme.my.salesforce.com"}),
    Case(
        "aud-gov-cloud",
        {"aud": "https://acme.my.salesforce.com"},
        options=lambda fx: {"endpoint": "https://acme.my.salesforce.com"},
    ),
    Case("certificate-expiring", options=lambda fx: {"certificate": fx["healthy_cert"]}),
    Case("certificate-expiring", options=lambda fx: {"certificate": fx["expired_cert"]}),
]


def test_the_rule_ids_are_exactly_the_issue_s() -> None:
    assert sorted(RULE_IDS) == sorted(ISSUE_RULE_IDS)
    assert sorted(catalogue()["rules"]) == sorted(ISSUE_RULE_IDS)


def test_every_rule_has_a_trigger_and_a_near_miss() -> None:
    assert {case.rule for case in TRIGGERS} == set(RULE_IDS)
    assert {case.rule for case in NEAR_MISSES} == set(RULE_IDS)


def test_a_correct_token_has_no_findings(fx: dict[str, Any]) -> None:
    token = build(Case("none"), fx)
    assert lint(token, now=NOW, certificate=fx["rsa_cert"], private_key=fx["rsa_key"]) == []
    assert lint(token, now=NOW, endpoint="https://acme.my.salesforce.com/services/oauth2/token") == []


@pytest.mark.parametrize("case", TRIGGERS, ids=str)
def test_rule_triggers(case: Case, fx: dict[str, Any]) -> None:
    findings = [f for f in run(case, fx) if f.rule == case.rule]
    assert len(findings) == 1, run(case, fx)
    finding = findings[0]
    if case.severity is not None:
        assert finding.severity is case.severity
    if case.confirmed is not None:
        assert finding.confirmed is case.confirmed
    if case.quoted is not DROP:
        assert json.dumps(case.quoted, ensure_ascii=False) in finding.message
    assert finding.fix
    assert not re.search(r"\{[a-z_]+\}", finding.message + finding.fix), finding


@pytest.mark.parametrize("case", NEAR_MISSES, ids=str)
def test_rule_does_not_trigger_on_a_near_miss(case: Case, fx: dict[str, Any]) -> None:
    assert case.rule not in {f.rule for f in run(case, fx)}


@pytest.mark.parametrize("case", TRIGGERS, ids=str)
def test_japanese_texts_are_japanese_and_complete(case: Case, fx: dict[str, Any]) -> None:
    (finding,) = [f for f in run(case, fx, lang="ja") if f.rule == case.rule]
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", finding.message)
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", finding.fix)
    assert not re.search(r"\{[a-z_]+\}", finding.message + finding.fix)
    english = next(f for f in run(case, fx) if f.rule == case.rule)
    assert (finding.severity, finding.confirmed) == (english.severity, english.confirmed)


def test_salesforce_cli_style_token_lints_with_one_milliseconds_warning(fx: dict[str, Any]) -> None:
    # What sfdx-core's jwt signing produces: node jsonwebtoken adds typ and iat (seconds), exp = Date.now() + 300.
    token = hand_token(
        {"alg": "RS256", "typ": "JWT"},
        {"iss": CONSUMER_KEY, "sub": "integration@acme.com", "aud": "https://login.salesforce.com",
         "exp": int(NOW * 1000) + 300, "iat": int(NOW)},
        fx["rsa_key"],
    )  # fmt: skip
    findings = lint(token, now=NOW, endpoint="https://login.salesforce.com", certificate=fx["rsa_cert"])
    assert [(f.rule, f.severity) for f in findings] == [("exp-milliseconds", Severity.WARNING)]
    assert not has_errors(findings)


@pytest.mark.parametrize(
    ("claim", "rule"), [("exp", "exp-beyond-3-minutes"), ("iat", "iat-in-future"), ("nbf", "nbf-in-future")]
)
@pytest.mark.parametrize("huge", [10**300, 10**400])
def test_integers_beyond_float_range_lint_like_other_absurd_dates(
    fx: dict[str, Any], claim: str, rule: str, huge: int
) -> None:
    # 10**400 once raised OverflowError (math.copysign converts the int to a float)
    token = hand_token({"alg": "RS256"}, {**BASE_PAYLOAD, claim: huge}, fx["rsa_key"])
    assert [(f.rule, f.severity) for f in lint(token, now=NOW)] == [(rule, Severity.WARNING)]


def test_simple_salesforce_string_exp_lints_without_errors(fx: dict[str, Any]) -> None:
    payload = {"iss": CONSUMER_KEY, "sub": "integration@acme.com", "aud": "https://login.salesforce.com"}
    token = hand_token({"alg": "RS256"}, {**payload, "exp": str(int(NOW) + 180)}, fx["rsa_key"])
    findings = lint(token, now=NOW, endpoint="https://login.salesforce.com/services/oauth2/token")
    assert not has_errors(findings)
    assert [f.rule for f in findings] == ["exp-string"]


def test_findings_come_errors_first_and_to_json_has_the_documented_keys(fx: dict[str, Any]) -> None:
    case = Case("many", {"exp": int(NOW) - 5, "sub": "jane@gmail.com", "iss": "app"})
    findings = run(case, fx)
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    assert [order[f.severity] for f in findings] == sorted(order[f.severity] for f in findings)
    keys = {"rule", "severity", "message", "fix", "confirmed", "code", "variant", "params"}
    assert set(findings[0].to_json()) == keys


def test_lint_accepts_certificate_bytes_and_raises_only_typed_errors(fx: dict[str, Any], key_files: Any) -> None:
    token = build(Case("x"), fx)
    assert lint(token, now=NOW, certificate=key_files.cert_der.read_bytes()) == []
    with pytest.raises(InputError):
        lint(token, lang="fr")
    with pytest.raises(TokenFormatError):
        lint("not a token")
    with pytest.raises(ConnectionSettingsError):
        lint(token, endpoint="ftp://login.salesforce.com")
    with pytest.raises(UnsupportedKeyError):
        lint(token, private_key=fx["rsa_key"].public_key())
    with pytest.raises(InputError):
        lint(token, clock_offset=float("nan"))
