"""Answers that are not documented JWT errors: labelled when mapped, and a sensible closest entry when unknown."""

from __future__ import annotations

import json

import pytest

from sfjwt_gui.cli import main
from sfjwt_gui.core.catalogue import UNKNOWN_ID, load_catalogue
from sfjwt_gui.core.diagnosis import explain_error, explain_text

# realistic bodies that are not in the catalogue, and the entry a person would look at first (None: no honest guess)
UNKNOWN_BODIES = [
    ("invalid_grant", "assertion rejected", "invalid-assertion"),  # not 'assertion expired' for sounding alike
    ("invalid_grant", "JWT signature verification failed", "invalid-assertion"),
    ("invalid_grant", "the audience claim does not match", "audience-invalid"),
    ("invalid_grant", "token expired", "assertion-expired"),
    ("invalid_grant", "user is frozen", "inactive-user"),
    ("invalid_grant", "invalid user credentials", "authentication-failure"),
    ("invalid_request", "missing assertion parameter", "grant-type-unsupported"),
    ("unsupported_response_type", "response type not supported", "grant-type-unsupported"),
    ("invalid_grant", "user hasnt aproved this consumer", "user-not-approved"),  # a misspelling of a known one
    ("invalid_grant", "something went wrong", None),
    ("invalid_grant", "user does not exist", None),  # unconfirmed in the reference: no guess
    ("server_error", "internal server error", None),
]


@pytest.mark.parametrize(("error", "description", "expected"), UNKNOWN_BODIES)
def test_closest_entry_for_unknown_bodies(error: str, description: str, expected: str | None) -> None:
    body = json.dumps({"error": error, "error_description": description})
    diagnosis = explain_text(body)
    assert diagnosis.id == UNKNOWN_ID
    assert diagnosis.closest_id == expected
    assert not diagnosis.approximate  # unknown is unknown; the guess is shown as 'closest known error'


def test_assertion_rejected_is_not_guessed_as_expired() -> None:
    # the old guess was by letters: "assertion rejected" looks like "assertion expired" (difflib 0.74)
    assert load_catalogue().closest("invalid_grant", "assertion rejected").id == "invalid-assertion"  # type: ignore[union-attr]


def test_invalid_signature_is_labelled_as_closest_match(capsys: pytest.CaptureFixture[str]) -> None:
    diagnosis = explain_error("invalid_grant", "invalid signature")
    assert diagnosis.id == "invalid-assertion"
    assert diagnosis.approximate
    note = diagnosis.approximate_note
    assert note is not None
    assert note.startswith("Closest match, not a documented JWT error")
    assert "invalid_grant / invalid signature" in note
    assert note in diagnosis.to_text()
    ja = explain_error("invalid_grant", "invalid signature", lang="ja")
    assert ja.approximate_note is not None
    assert "ドキュメントに記載された JWT のエラーではありません" in ja.approximate_note
    assert main(["explain", '{"error":"invalid_grant","error_description":"invalid signature"}', "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["approximate"] is True
    assert data["approximate_note"].startswith("Closest match")


@pytest.mark.parametrize(
    ("error", "description", "entry", "flow"),
    [
        ("invalid_client", "invalid client credentials", "other-flow-client-secret", "client secret"),
        ("invalid_client", "client authentication failed", "other-flow-client-secret", "client secret"),
        ("invalid_grant", "no valid scopes defined", "other-flow-client-credentials", "client credentials flow"),
        ("invalid_grant", "no client credentials user enabled", "other-flow-client-credentials", "client credentials"),
        ("invalid_grant", "authentication failure", "authentication-failure", "username-password flow"),
    ],
)
def test_other_flows_errors_name_their_flow(error: str, description: str, entry: str, flow: str) -> None:
    """Issue 12: not a JWT error at all: explain names the flow the error belongs to and why JWT would not say it."""
    diagnosis = explain_error(error, description)
    assert diagnosis.id == entry
    assert not diagnosis.approximate
    assert diagnosis.flow_note is not None
    assert diagnosis.flow_note.startswith("Not a JWT bearer error")
    assert flow in diagnosis.flow_note
    assert diagnosis.flow_note in diagnosis.to_text()
    ja = explain_error(error, description, lang="ja")
    assert ja.flow_note is not None
    assert ja.flow_note.startswith("JWT ベアラーフローのエラーではありません")


@pytest.mark.parametrize(
    ("error", "description", "entry"),
    [
        ("invalid_client_id", "client identifier invalid", "client-id-invalid"),
        ("invalid_grant", "audience is invalid", "audience-invalid"),
        ("invalid_grant", "expired authorization code", "assertion-expired"),
        ("expired_assertion", None, "assertion-expired"),  # the seed article's code
        ("user_not_approved", None, "user-not-approved"),
    ],
)
def test_documented_errors_are_not_labelled(error: str, description: str | None, entry: str) -> None:
    diagnosis = explain_error(error, description)
    assert diagnosis.id == entry
    assert not diagnosis.approximate
    assert diagnosis.approximate_note is None
    assert "Closest match" not in diagnosis.to_text()


def test_every_closest_rule_is_outside_the_reference_list() -> None:
    # the rules marked "closest" are exactly those whose strings the reference's section 3 does not list
    from pathlib import Path

    reference = Path("/work/shared/reference/salesforce-jwt-bearer.md")
    if not reference.exists():
        pytest.skip("the shared reference is not on this machine")
    section = reference.read_text(encoding="utf-8").split("## 3.")[1].split("## 4.")[0].lower()
    for entry in load_catalogue().entries:
        for rule in entry.match:
            strings = [s for s in (rule.error, rule.description) if s]
            if rule.closest:
                assert not all(s.lower() in section for s in strings), (entry.id, strings)
