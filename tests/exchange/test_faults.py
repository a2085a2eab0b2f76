"""Faults and broken networks end in the right network/HTML diagnosis, within the timeout, never a traceback."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

from sfjwt_gui.core.diagnosis import diagnose
from sfjwt_gui.core.evidence import Status
from sfjwt_gui.core.exchange import ExchangeOptions, request_token
from sfjwt_gui.core.outcome import NetworkKind, Outcome
from sfjwt_gui.core.trust import Trust
from sfjwt_gui.practice.server import PracticeServer

from .conftest import Signer


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize(
    ("fault", "outcome", "diagnosis_id", "confirmed"),
    [
        ("maintenance", Outcome.SERVER_ERROR, "maintenance-page", "maintenance"),
        ("server_error", Outcome.SERVER_ERROR, "server-error", "status"),
        ("drop_connection", Outcome.NETWORK, "connection-dropped", None),
        ("malformed_json", Outcome.NOT_JSON, "not-json", "malformed-json"),
    ],
)
def test_fault_diagnosis(
    fault: str,
    outcome: Outcome,
    diagnosis_id: str,
    confirmed: str | None,
    org: PracticeServer,
    options: ExchangeOptions,
    make_assertion: Signer,
) -> None:
    org.faults.update(**{fault: True})
    assertion = make_assertion()
    started = time.monotonic()
    result = request_token(org.token_url, assertion, options)
    assert time.monotonic() - started < options.read_timeout + 1
    assert result.outcome is outcome, (result.network_detail, result.status)
    for lang in ("en", "ja"):
        diagnosis = diagnose(result, assertion=assertion, lang=lang)
        assert diagnosis.id == diagnosis_id
        if confirmed:
            assert confirmed in {c.id for c in diagnosis.confirmed}, diagnosis.causes


def test_slow_answer_times_out_within_the_read_timeout(
    org: PracticeServer, options: ExchangeOptions, make_assertion: Signer
) -> None:
    org.faults.update(latency=3.0)
    quick = ExchangeOptions(**{**options.__dict__, "read_timeout": 0.5})
    started = time.monotonic()
    result = request_token(org.token_url, make_assertion(), quick)
    elapsed = time.monotonic() - started
    assert result.outcome is Outcome.NETWORK
    assert result.network_kind is NetworkKind.TIMEOUT
    assert elapsed < 1.5  # a read timeout is not retried: the request may have counted as a login
    assert len(result.transcript.attempts) == 1
    diagnosis = diagnose(result)
    assert diagnosis.id == "timeout"
    phase = next(c for c in diagnosis.causes if c.id == "phase")
    assert phase.status is Status.CONFIRMED
    assert "waiting for an answer" in phase.evidence
    assert "0.5" in phase.evidence


def test_untrusted_ca_names_the_issuer(org: PracticeServer, make_assertion: Signer) -> None:
    result = request_token(org.token_url, make_assertion(), ExchangeOptions(trust=Trust.CERTIFI, connect_timeout=2))
    assert result.outcome is Outcome.NETWORK
    assert result.network_kind is NetworkKind.TLS
    assert result.tls_issuer
    assert "practice" in result.tls_issuer.lower()
    assert result.transcript.attempts
    assert not result.transcript.attempts[0].status
    diagnosis = diagnose(result)
    assert diagnosis.id == "tls-verify-failed"
    issuer = next(c for c in diagnosis.causes if c.id == "issuer-not-trusted")
    assert issuer.status is Status.CONFIRMED
    assert result.tls_issuer in issuer.evidence
    assert "certifi" in issuer.evidence


def test_os_trust_store_also_refuses_the_practice_ca(org: PracticeServer, make_assertion: Signer) -> None:
    result = request_token(org.token_url, make_assertion(), ExchangeOptions(trust=Trust.OS, connect_timeout=2))
    assert result.network_kind is NetworkKind.TLS
    diagnosis = diagnose(result)
    assert next(c for c in diagnosis.causes if c.id == "trust-source").status is Status.RULED_OUT


def test_connection_refused_is_retried_then_diagnosed(options: ExchangeOptions, make_assertion: Signer) -> None:
    url = f"https://127.0.0.1:{_free_port()}/services/oauth2/token"
    result = request_token(url, make_assertion(), options)
    assert result.outcome is Outcome.NETWORK
    assert result.network_kind is NetworkKind.REFUSED
    assert len(result.transcript.attempts) == options.max_retries + 1  # connect errors are transient
    assert diagnose(result).id == "connection-refused"


def test_dns_failure(options: ExchangeOptions, make_assertion: Signer) -> None:
    result = request_token("https://no-such-org.invalid/services/oauth2/token", make_assertion(), options)
    assert result.outcome is Outcome.NETWORK, result.network_detail
    assert result.network_kind is NetworkKind.DNS, result.network_detail
    diagnosis = diagnose(result, lang="ja")
    assert diagnosis.id == "dns-failure"
    assert "no-such-org.invalid" in diagnosis.causes[0].evidence


def test_https_proxy_url_for_a_plain_proxy_is_a_proxy_error(
    monkeypatch: pytest.MonkeyPatch, options: ExchangeOptions, make_assertion: Signer
) -> None:
    with PracticeServer() as plain:  # a plain-HTTP server addressed as https:// proxy: 'wrong version number'
        monkeypatch.setenv("HTTPS_PROXY", plain.url.replace("http://", "https://"))
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)
        result = request_token("https://login.salesforce.com/services/oauth2/token", make_assertion(), options)
    assert result.network_kind is NetworkKind.PROXY, result.network_detail
    diagnosis = diagnose(result)
    assert diagnosis.id == "proxy-error"
    assert next(c for c in diagnosis.causes if c.id == "https-proxy-url").status is Status.CONFIRMED


def test_no_proxy_bypasses_the_proxy(
    monkeypatch: pytest.MonkeyPatch, org: PracticeServer, options: ExchangeOptions, make_assertion: Signer
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{_free_port()}")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    result = request_token(org.token_url, make_assertion(), options)
    assert result.ok
    assert result.transcript.proxy is None
    monkeypatch.setenv("NO_PROXY", "")
    result = request_token(org.token_url, make_assertion(), options)
    assert result.network_kind is NetworkKind.PROXY
    assert result.transcript.proxy


def test_local_problems_are_classified(options: ExchangeOptions) -> None:
    assert request_token("ftp://example.com/token", "x.y.z", options).outcome is Outcome.LOCAL
    result = request_token("https://login.salesforce.com/services/oauth2/token", "", options)
    assert result.outcome is Outcome.LOCAL
    assert diagnose(result).id == "local-problem"
    missing = ExchangeOptions(trust=Trust.BUNDLE, ca_bundle="/nonexistent/ca.pem")
    assert (
        request_token("https://login.salesforce.com/services/oauth2/token", "a.b.c", missing).outcome is Outcome.LOCAL
    )


def test_cli_never_prints_a_traceback(org: PracticeServer, rsa_key: RSAPrivateKey, tmp_path: Path) -> None:
    key_file = tmp_path / "key.pem"
    key_file.write_bytes(
        rsa_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    org.faults.update(drop_connection=True)
    base = [
        sys.executable,
        "-m",
        "sfjwt_gui.cli",
        "token",
        "--key-file",
        str(key_file),
        "--iss",
        org.consumer_key,
        "--sub",
        org.username,
        "--aud",
        "https://login.salesforce.com",
        "--timeout",
        "2",
    ]
    cases = [
        ([*base, "--endpoint", org.url, "--ca-bundle", str(org.ca_file)], 3),  # dropped connection
        ([*base, "--endpoint", org.url], 3),  # CA not trusted
        ([*base, "--endpoint", "https://no-such-org.invalid"], 3),
        ([*base[:5], str(tmp_path / "missing.pem"), *base[6:], "--endpoint", org.url], 1),
    ]
    for argv, code in cases:
        run = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
        assert run.returncode == code, (argv, run.stdout, run.stderr)
        assert "Traceback" not in run.stderr + run.stdout


def test_wrong_path_is_not_an_oauth_answer(
    org: PracticeServer, options: ExchangeOptions, make_assertion: Signer
) -> None:
    result = request_token(org.url + "/services/oauth2/tokn", make_assertion(), options)
    assert result.outcome is Outcome.NOT_JSON
    diagnosis = diagnose(result)
    assert diagnosis.id == "not-json"
    assert "wrong-path" in {c.id for c in diagnosis.confirmed}


@pytest.fixture
def login_page_server() -> Iterator[str]:
    """A loopback HTTP server that answers every POST with an HTML login page, as a wrong Salesforce URL does."""
    page = (
        b"<!DOCTYPE html><html><body><form id='login_form'>Username <input name='username'>"
        b"Password <input type='password' name='pw'></form></body></html>"
    )

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            self.send_response(200)
            self.send_header("Content-Type", "text/html;charset=UTF-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_html_login_page(login_page_server: str, options: ExchangeOptions, make_assertion: Signer) -> None:
    result = request_token(login_page_server + "/", make_assertion(), options)
    assert result.outcome is Outcome.NOT_JSON
    assert result.status == 200
    for lang in ("en", "ja"):
        diagnosis = diagnose(result, lang=lang)
        assert diagnosis.id == "not-json"
        confirmed = {c.id for c in diagnosis.confirmed}
        assert {"login-page", "wrong-path"} <= confirmed
