"""`--lang ja` output has no English sentences of ours: network details, API check, and the labels around them.

The operating system's / TLS library's own message is quoted as it came (it is English), but the sentence around it,
naming the host and what happened, is Japanese. English stays the default, and ``network_detail`` stays English.
"""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

from sfjwt_gui.cli import main
from sfjwt_gui.core.diagnosis import diagnose
from sfjwt_gui.core.exchange import ExchangeOptions, TokenInfo, check_api, request_token
from sfjwt_gui.core.outcome import NetworkKind
from sfjwt_gui.practice.server import PracticeServer

from .conftest import Signer

# sentences the exchange used to print in English whatever the language
ENGLISH = re.compile(
    r"not trusted|could not be resolved|nothing accepted|connection refused\)|timed out|closed the connection"
    r"|its certificate was issued|talking to|is not an http|cancelled by|answered HTTP|without a username"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def key_file(rsa_key: RSAPrivateKey, tmp_path: Path) -> Path:
    path = tmp_path / "key.pem"
    path.write_bytes(
        rsa_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return path


def _token_argv(key_file: Path, org: PracticeServer, endpoint: str, *extra: str) -> list[str]:
    return [
        "token",
        "--key-file",
        str(key_file),
        "--iss",
        org.consumer_key,
        "--sub",
        org.username,
        "--endpoint",
        endpoint,
        "--aud",
        "https://login.salesforce.com",
        "--retries",
        "0",
        "--connect-timeout",
        "2",
        "--timeout",
        "1",
        *extra,
    ]


def test_untrusted_tls_in_japanese(capsys: pytest.CaptureFixture[str], org: PracticeServer, key_file: Path) -> None:
    # certifi does not know the practice CA: the TLS verification fails, with the issuer named
    assert main(_token_argv(key_file, org, org.token_url, "--lang", "ja")) == 3
    out = capsys.readouterr().out
    assert "127.0.0.1 の TLS 証明書が信頼されていません" in out
    assert "証明書の発行者は" in out
    assert not ENGLISH.search(out), out
    assert main(_token_argv(key_file, org, org.token_url, "--json", "--lang", "ja")) == 3
    data = json.loads(capsys.readouterr().out)
    assert "信頼されていません" in data["diagnosis"]["detail"]
    # English stays the default
    assert main(_token_argv(key_file, org, org.token_url)) == 3
    assert "TLS certificate of 127.0.0.1 not trusted" in capsys.readouterr().out


def test_refused_and_timeout_in_japanese(
    capsys: pytest.CaptureFixture[str], org: PracticeServer, key_file: Path
) -> None:
    port = _free_port()
    refused = f"https://127.0.0.1:{port}/services/oauth2/token"
    assert main(_token_argv(key_file, org, refused, "--lang", "ja", "--ca-bundle", str(org.ca_file))) == 3
    out = capsys.readouterr().out
    assert f"127.0.0.1:{port} で接続を受け付けるものがありません" in out
    assert not ENGLISH.search(out), out

    org.faults.latency = 1.5  # past the 1 s read timeout
    assert main(_token_argv(key_file, org, org.token_url, "--lang", "ja", "--ca-bundle", str(org.ca_file))) == 3
    out = capsys.readouterr().out
    assert "からの応答待ちがタイムアウトしました" in out
    assert not ENGLISH.search(out), out


def test_core_keeps_english_network_detail_and_adds_a_language(
    org: PracticeServer, options: ExchangeOptions, make_assertion: Signer
) -> None:
    url = f"https://127.0.0.1:{_free_port()}/services/oauth2/token"
    result = request_token(url, make_assertion(), ExchangeOptions(**{**options.__dict__, "max_retries": 0}))
    assert result.network_kind is NetworkKind.REFUSED
    assert result.network_detail is not None
    assert result.network_detail.startswith("nothing accepted the connection at 127.0.0.1:")  # API unchanged
    assert result.network_detail_in("en") == result.network_detail
    ja = result.network_detail_in("ja")
    assert ja is not None
    assert "接続が拒否されました" in ja
    assert diagnose(result, lang="ja").detail == ja
    assert diagnose(result).detail == result.network_detail
    assert not ENGLISH.search(diagnose(result, lang="ja").to_text())

    dns = request_token("https://no-such-org.invalid/services/oauth2/token", make_assertion(), options)
    assert dns.network_kind is NetworkKind.DNS
    assert "ホスト名 'no-such-org.invalid' を名前解決できませんでした" in (dns.network_detail_in("ja") or "")
    assert not ENGLISH.search(diagnose(dns, lang="ja").to_text())


def test_api_check_failure_in_japanese(org: PracticeServer, options: ExchangeOptions) -> None:
    token = TokenInfo(
        access_token="00D5g00000SfJwT!AQnotavalidsession0123456789",
        instance_url=org.url,
        id_url=f"{org.url}/id/00D5g00000SfJwTEAV/0055g00000PrAcTAAV",
        org_id=None,
        user_id=None,
        scope=None,
        token_type="Bearer",
        issued_at=None,
    )
    api = check_api(token, options)
    assert not api.ok
    assert api.error is not None
    assert "answered HTTP 401" in api.error
    assert "HTTP 401 を返しました" in (api.error_in("ja") or "")


def test_decode_labels_in_japanese(
    capsys: pytest.CaptureFixture[str], make_assertion: Signer, tmp_path: Path, rsa_key: RSAPrivateKey
) -> None:
    from sfjwt_gui.core.keys import Subject, self_signed_certificate

    cert = tmp_path / "cert.pem"
    cert.write_bytes(self_signed_certificate(rsa_key, Subject(cn="decode")).public_bytes(serialization.Encoding.PEM))
    token = make_assertion(iat=1_700_000_000)
    assert main(["decode", token, "--cert", str(cert), "--lang", "ja"]) == 0
    out = capsys.readouterr().out
    for label in (
        "ヘッダー:",
        "ペイロード:",
        "署名: 256 バイト(RS256)",
        "検証成功:",
        "証明書の SHA-256:",
        "ローカル時刻",
    ):
        assert label in out, label
    for english in ("Header:", "Payload:", "Signature:", "VERIFIED", "certificate SHA-256", "(local "):
        assert english not in out, english
    assert main(["decode", token, "--cert", str(cert)]) == 0
    out = capsys.readouterr().out
    for label in ("Header:", "Payload:", "Signature: 256 bytes (RS256)", "VERIFIED:", "certificate SHA-256:"):
        assert label in out, label


def test_lint_labels_in_japanese(capsys: pytest.CaptureFixture[str], make_assertion: Signer) -> None:
    token = make_assertion(exp=1_000_000_000)  # long expired: an error finding
    assert main(["lint", token, "--lang", "ja"]) == 2
    out = capsys.readouterr().out
    assert "エラー" in out
    assert "対処:" in out
    assert "ERROR" not in out
    assert "fix:" not in out


def test_diagnosis_findings_severity_in_japanese(
    org: PracticeServer, options: ExchangeOptions, make_assertion: Signer
) -> None:
    import time

    org.set_scenario("expired-assertion")  # the server's clock runs an hour ahead
    assertion = make_assertion(exp=int(time.time()) + 180)
    result = request_token(org.token_url, assertion, options)
    ja = diagnose(result, assertion=assertion, lang="ja").to_text()
    assert "[エラー] exp-in-past:" in ja
    assert "[error]" not in ja
    assert "[error] exp-in-past:" in diagnose(result, assertion=assertion).to_text()


def test_success_output_in_japanese_has_no_english_units(
    capsys: pytest.CaptureFixture[str], org: PracticeServer, key_file: Path
) -> None:
    from sfjwt_gui.core.redact import mask_token, redact

    argv = _token_argv(key_file, org, org.token_url, "--ca-bundle", str(org.ca_file), "--check-api")
    assert main([*argv, "--lang", "ja"]) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.startswith("アクセストークン"))
    assert re.search(r"00D\w+!…\(\d+ 文字\)$", line), line
    assert "chars" not in out
    masked = line.split(": ", 1)[1]
    assert mask_token(masked) == masked  # the Japanese form is recognised as already masked
    assert redact(f"Bearer {masked}") == f"Bearer {masked}"
    assert main(argv) == 0
    assert re.search(r"access token: 00D\w+!…\(\d+ chars\)", capsys.readouterr().out)
