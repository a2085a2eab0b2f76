"""What a user sees: verdicts that do not send the admin the wrong way, Japanese output, no tracebacks."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

from sfjwt_gui.cli import main
from sfjwt_gui.core.diagnosis import CauseCheck, Diagnosis, diagnose, explain_text
from sfjwt_gui.core.evidence import EvidenceContext, Status, check_dns_name
from sfjwt_gui.core.exchange import ExchangeOptions, request_token
from sfjwt_gui.practice.server import PracticeServer

from .conftest import Signer


def _cause(diagnosis: Diagnosis, cause_id: str) -> CauseCheck:
    return next(c for c in diagnosis.causes if c.id == cause_id)


def test_certificate_replaced_in_the_app_is_not_ruled_out(
    org: PracticeServer, options: ExchangeOptions, make_assertion: Signer, rsa_cert: x509.Certificate
) -> None:
    """The user passes the certificate they believe is uploaded (it matches their key), but a colleague replaced it."""
    org.set_scenario("certificate-mismatch")
    assertion = make_assertion()
    result = request_token(org.token_url, assertion, options)
    diagnosis = diagnose(result, assertion=assertion, uploaded_certificate=rsa_cert)
    assert diagnosis.id == "invalid-assertion"
    cause = _cause(diagnosis, "key-cert-mismatch")
    assert cause.status is Status.UNKNOWN
    assert "upload this certificate" in cause.evidence
    japanese = diagnose(result, assertion=assertion, uploaded_certificate=rsa_cert, lang="ja")
    assert "アップロードし直して" in _cause(japanese, "key-cert-mismatch").evidence


def test_wrong_audience_on_loopback_needs_org_kind(
    org: PracticeServer, options: ExchangeOptions, make_assertion: Signer
) -> None:
    """127.0.0.1 does not say production or sandbox; the practice org's kind passed as org_kind confirms it."""
    org.set_scenario("wrong-audience")
    assertion = make_assertion(aud="https://login.salesforce.com")
    result = request_token(org.token_url, assertion, options)
    without = diagnose(result, assertion=assertion)
    assert without.id == "audience-invalid"
    assert _cause(without, "prod-vs-sandbox").status is Status.UNKNOWN
    with_kind = diagnose(result, assertion=assertion, org_kind=str(org.org.kind))
    assert _cause(with_kind, "prod-vs-sandbox").status is Status.CONFIRMED
    japanese = _cause(diagnose(result, assertion=assertion, org_kind="sandbox", lang="ja"), "prod-vs-sandbox")
    assert "本番用のホストですが、組織はSandboxです(指定された組織の種類による)" in japanese.evidence


def test_dns_failure_does_not_claim_a_typo(options: ExchangeOptions) -> None:
    result = request_token("https://no-such-host.invalid/services/oauth2/token", "a.b.c", options)
    assert diagnose(result).id == "dns-failure"
    typo = check_dns_name(EvidenceContext(entry_id="dns-failure", result=result, token_url=result.token_url))
    assert typo.status is Status.UNKNOWN
    generic = EvidenceContext(
        entry_id="dns-failure", result=result, token_url="https://login.salesforce.com/services/oauth2/token"
    )
    assert check_dns_name(generic).status is Status.RULED_OUT  # spelled right: the network is the cause


@pytest.fixture
def key_file(rsa_key: RSAPrivateKey, tmp_path: Path) -> Path:
    path = tmp_path / "signing.key"
    path.write_bytes(
        rsa_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return path


def test_token_cli_in_japanese(capsys: pytest.CaptureFixture[str], org: PracticeServer, key_file: Path) -> None:
    argv = ["token", "--key-file", str(key_file), "--iss", org.consumer_key, "--sub", org.username]
    argv += ["--endpoint", org.url, "--ca-bundle", str(org.ca_file), "--check-api", "--lang", "ja"]
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "成功" in out
    assert "組織 ID:" in out
    assert "サーバーの Date:" in out
    assert "API の確認:    成功" in out
    assert "-0.0" not in out
    assert "Traceback" not in out + err


def test_explain_without_error_code_has_no_stray_colon() -> None:
    text = explain_text("something odd happened").to_text()
    assert text.splitlines()[1] == "  something odd happened"


def test_closed_pipe_is_not_a_traceback() -> None:
    """`sfjwt explain … | head -1`: the reader goes away before sfjwt writes."""
    code = "from sfjwt_gui.cli import main; raise SystemExit(main(['explain', '--error', 'invalid_grant']))"
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    process.stdout.close()
    _, err = process.communicate(timeout=30)
    assert b"Traceback" not in err
    assert process.returncode == 141


def test_token_command_does_not_need_the_jwt_command_module() -> None:
    """The key flags live in commands/keyflags.py: `sfjwt token` no longer imports commands/jwt.py's privates."""
    code = (
        "import sys; from sfjwt_gui.cli import build_parser; build_parser(['token']); "
        "print('sfjwt_gui.commands.jwt' in sys.modules, 'sfjwt_gui.commands.keyflags' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=30).stdout
    assert out.split() == ["False", "True"]


def test_server_error_page_does_not_claim_another_server(
    org: PracticeServer, options: ExchangeOptions, make_assertion: Signer
) -> None:
    org.faults.server_error = True
    result = request_token(org.token_url, make_assertion(), dataclasses.replace(options, max_retries=0))
    diagnosis = diagnose(result)
    assert diagnosis.id == "server-error"
    assert _cause(diagnosis, "status").status is Status.CONFIRMED
    assert _cause(diagnosis, "not-salesforce").status is Status.UNKNOWN  # Salesforce's own 5xx pages are HTML too


def test_dropped_connection_detail_says_it_once(
    org: PracticeServer, options: ExchangeOptions, make_assertion: Signer
) -> None:
    org.faults.drop_connection = True
    result = request_token(org.token_url, make_assertion(), options)
    assert diagnose(result).id == "connection-dropped"
    assert result.network_detail
    inner = result.network_detail.split("(", 1)[1]
    pieces = [piece.strip(" )") for piece in inner.split(" | ")]
    assert len(pieces) == len(set(pieces)), result.network_detail
