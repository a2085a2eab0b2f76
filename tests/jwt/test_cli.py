"""``sfjwt sign``, ``decode`` and ``lint``: output shapes, exit codes, no tracebacks."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from jwcrypto import jwk, jws
from jwt_helpers import NOW, KeyFiles, hand_token

from sfjwt_gui.cli import main

CONSUMER_KEY = "3MVG9A2kN3Bn17hueOTBLV6amupuqyVHycNQ43Q4pIHuDhYcP0gUA0zxwtLPCcnDlOKy0gopx"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def feed_stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))


def jwcrypto_payload(token: str, key_files: KeyFiles) -> dict[str, Any]:
    """Verify with jwcrypto (independent of our code) and return the payload."""
    checker = jws.JWS()
    checker.deserialize(token)
    checker.verify(jwk.JWK.from_pem(key_files.cert_pem.read_bytes()))
    return json.loads(checker.payload)  # type: ignore[no-any-return]


# ----- sign -------------------------------------------------------------------------------------------------------


def test_sign_with_a_key_file_and_preset_prints_a_verifiable_jwt(capsys: Any, key_files: KeyFiles) -> None:
    before = int(time.time())
    code, out, _ = run(capsys, "sign", "--key-file", str(key_files.key_pem), "--iss", CONSUMER_KEY,
                       "--sub", "integration@acme.com", "--preset", "mydomain-sandbox:acme:uat")  # fmt: skip
    assert code == 0
    payload = jwcrypto_payload(out.strip(), key_files)
    assert payload["aud"] == "https://acme--uat.sandbox.my.salesforce.com"
    assert payload["iss"] == CONSUMER_KEY
    assert payload["sub"] == "integration@acme.com"
    assert before + 180 <= payload["exp"] <= int(time.time()) + 180


def test_sign_json_with_aud_lifetime_iat_and_claims(capsys: Any, key_files: KeyFiles) -> None:
    code, out, _ = run(capsys, "sign", "--key-file", str(key_files.key_pem), "--iss", CONSUMER_KEY, "--sub", "u@a.com",
                       "--aud", "https://login.salesforce.com", "--lifetime", "60", "--iat", "--claim", "scope=api",
                       "--claim", "n=5", "--json")  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"token", "header", "payload", "token_url"}
    assert data["header"]["alg"] == "RS256"
    assert data["payload"]["exp"] - data["payload"]["iat"] == 60
    assert (data["payload"]["scope"], data["payload"]["n"]) == ("api", 5)
    assert data["token_url"] == "https://login.salesforce.com/services/oauth2/token"
    assert jwcrypto_payload(data["token"], key_files) == data["payload"]


def test_sign_with_an_encrypted_key_file_and_passphrase_env(
    capsys: Any, rsa_key: Any, key_files: KeyFiles, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    encrypted = tmp_path / "enc.key"
    encrypted.write_bytes(
        rsa_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"s3cret pass"),
        )
    )
    monkeypatch.setenv("SFJWT_TEST_PASS", "s3cret pass")
    args = ["sign", "--key-file", str(encrypted), "--iss", CONSUMER_KEY, "--sub", "u@a.com", "--preset", "sandbox"]
    code, out, _ = run(capsys, *args, "--passphrase-env", "SFJWT_TEST_PASS")
    assert code == 0
    assert jwcrypto_payload(out.strip(), key_files)["aud"] == "https://test.salesforce.com"
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, _, err = run(capsys, *args)
    assert code == 1
    assert "passphrase" in err.lower()


def test_sign_with_a_vault_key(capsys: Any, memory_keyring: Any, rsa_key: Any, key_files: KeyFiles) -> None:
    from sfjwt_gui.core.vault import Vault

    Vault().save("acme-prod", rsa_key)
    code, out, _ = run(capsys, "sign", "--key", "acme-prod", "--iss", CONSUMER_KEY, "--sub", "u@a.com",
                       "--preset", "production")  # fmt: skip
    assert code == 0
    assert jwcrypto_payload(out.strip(), key_files)["aud"] == "https://login.salesforce.com"
    code, _, err = run(capsys, "sign", "--key", "missing", "--iss", "3MVG", "--sub", "u", "--preset", "production")
    assert code == 3
    assert "missing" in err


@pytest.mark.parametrize(
    "extra",
    [
        [],  # no key
        ["--key-file", "CERT", "--preset", "production"],  # a certificate is not a signing key
        ["--key-file", "KEY"],  # neither --aud nor --preset
        ["--key-file", "KEY", "--aud", "https://x", "--preset", "production"],
        ["--key-file", "KEY", "--preset", "staging"],
        ["--key-file", "KEY", "--preset", "production", "--lifetime", "3m"],
        ["--key-file", "KEY", "--preset", "production", "--claim", "novalue"],
        ["--key-file", "/nonexistent/key.pem", "--preset", "production"],
    ],
)
def test_sign_input_errors_exit_1_with_a_message(capsys: Any, key_files: KeyFiles, extra: list[str]) -> None:
    paths = {"KEY": str(key_files.key_pem), "CERT": str(key_files.cert_pem)}
    code, out, err = run(capsys, "sign", "--iss", CONSUMER_KEY, "--sub", "u@a.com", *[paths.get(a, a) for a in extra])
    assert code == 1
    assert err.startswith("sfjwt: error: ")
    assert out == ""


# ----- decode -----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def good_token(rsa_key: Any) -> str:
    payload = {"iss": CONSUMER_KEY, "sub": "u@acme.com", "aud": "https://login.salesforce.com", "exp": int(NOW) + 180}
    return hand_token({"alg": "RS256"}, payload, rsa_key)


def test_decode_json_shape(capsys: Any, good_token: str) -> None:
    code, out, _ = run(capsys, "decode", good_token, "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"header", "payload", "signature", "times", "repairs", "posted_to", "kind"}
    assert data["kind"] == "jwt"  # a Salesforce JWT-based access token says "salesforce-access-token"
    assert data["signature"] == good_token.rsplit(".", 1)[1]
    assert set(data["times"]["exp"]) >= {"epoch", "utc", "relative"}
    assert data["times"]["exp"]["relative"].startswith("expires in")
    assert data["repairs"] == []


@pytest.mark.parametrize("cert", ["cert_pem", "cert_der", "public_pem"])
def test_decode_verifies_with_cert_or_public_key(capsys: Any, good_token: str, key_files: KeyFiles, cert: str) -> None:
    code, out, _ = run(capsys, "decode", good_token, "--cert", str(getattr(key_files, cert)), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["verified"] is True
    assert data["verification"]["key_sha256"]


def test_decode_of_a_tampered_token_is_not_verified_and_exits_2(
    capsys: Any, good_token: str, key_files: KeyFiles
) -> None:
    header, _, signature = good_token.split(".")
    forged = hand_token({"alg": "RS256"}, {"sub": "someone-else@acme.com"}, None).split(".")[1]
    code, out, _ = run(capsys, "decode", f"{header}.{forged}.{signature}", "--cert", str(key_files.cert_pem), "--json")
    assert code == 2
    assert json.loads(out)["verified"] is False
    code, out, _ = run(capsys, "decode", good_token, "--cert", str(key_files.cert_pem))
    assert code == 0
    assert "VERIFIED" in out


def test_decode_reads_pasted_junk_from_stdin(capsys: Any, monkeypatch: pytest.MonkeyPatch, good_token: str) -> None:
    feed_stdin(monkeypatch, f"Authorization: Bearer {good_token}\n")
    code, out, _ = run(capsys, "decode", "-")
    assert code == 0
    assert "note: removed the 'Bearer ' prefix" in out
    assert "expires in" in out


@pytest.mark.parametrize(("text", "part"), [("abc.def", "token"), ("e30+.e30.", "header"), ("e30.e30.a", "signature")])
def test_decode_errors_name_the_part(capsys: Any, text: str, part: str) -> None:
    code, out, err = run(capsys, "decode", text, "--json")
    assert code == 1
    assert json.loads(out)["error"]["part"] == part
    assert "sfjwt: error:" in err


def test_decode_with_an_unreadable_cert_exits_1(capsys: Any, good_token: str, tmp_path: Path) -> None:
    junk = tmp_path / "junk.crt"
    junk.write_text("hello")
    assert run(capsys, "decode", good_token, "--cert", str(junk))[0] == 1
    assert run(capsys, "decode", good_token, "--cert", str(tmp_path / "missing.crt"))[0] == 1


# ----- lint -------------------------------------------------------------------------------------------------------


def test_lint_of_a_cli_style_token_exits_0_with_one_warning(capsys: Any, rsa_key: Any) -> None:
    now = time.time()
    token = hand_token(
        {"alg": "RS256", "typ": "JWT"},
        {"iss": CONSUMER_KEY, "sub": "u@acme.com", "aud": "https://login.salesforce.com",
         "exp": int(now * 1000) + 300, "iat": int(now)},
        rsa_key,
    )  # fmt: skip
    code, out, _ = run(capsys, "lint", token, "--endpoint", "https://login.salesforce.com", "--json")
    assert code == 0
    data = json.loads(out)
    assert [(f["rule"], f["severity"]) for f in data["findings"]] == [("exp-milliseconds", "warning")]
    finding = data["findings"][0]
    # the rendered texts as before, plus the code and parameters they were written from (stable for scripts)
    assert set(finding) == {"rule", "severity", "message", "fix", "confirmed", "code", "variant", "params"}
    assert finding["code"] == "exp-milliseconds"
    assert finding["variant"] == ""
    assert finding["params"]["value"] == str(int(now * 1000) + 300)
    assert finding["params"]["value"] in finding["message"]
    assert data["summary"] == {"error": 0, "warning": 1, "info": 0}


def test_lint_errors_exit_2_in_both_languages(capsys: Any, rsa_key: Any, other_key: Any, key_files: KeyFiles) -> None:
    token = hand_token(
        {"alg": "RS256"},
        {"iss": CONSUMER_KEY, "sub": "u@acme.com.uat", "aud": "https://test.salesforce.com",
         "exp": int(time.time()) + 180},
        other_key,
    )  # fmt: skip
    args = ["lint", token, "--endpoint", "https://login.salesforce.com/services/oauth2/token",
            "--cert", str(key_files.cert_pem), "--key-file", str(key_files.key_pem)]  # fmt: skip
    code, out, _ = run(capsys, *args, "--json")
    assert code == 2
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert rules == {"aud-endpoint-mismatch", "signature-invalid"}
    code, out, _ = run(capsys, *args, "--lang", "ja")
    assert code == 2
    assert "「audience is invalid」を返します" in out
    assert "エラー     aud-endpoint-mismatch" in out  # the severity column is translated too
    assert "ERROR" not in out


def test_lint_reads_stdin_and_reports_repairs(capsys: Any, monkeypatch: pytest.MonkeyPatch, good_token: str) -> None:
    feed_stdin(monkeypatch, f"grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion={good_token}")
    code, out, _ = run(capsys, "lint", "--json")
    assert code == 0
    assert json.loads(out)["repairs"] == ["took the value of the assertion= form field"]


@pytest.mark.parametrize(
    "extra",
    [
        ["--lang", "fr"],
        ["--clock-offset", "soon"],
        ["--clock-offset", "nan"],
        ["--clock-uncertainty", "-1"],
        ["--clock-uncertainty", "inf"],
        ["--endpoint", "ftp://x"],
    ],
)
def test_lint_input_errors_exit_1(capsys: Any, good_token: str, extra: list[str]) -> None:
    code, _, err = run(capsys, "lint", good_token, *extra)
    assert code == 1
    assert err.startswith("sfjwt: error: ")


def test_lint_with_no_token_on_a_terminal_exits_1(capsys: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Tty())
    code, _, err = run(capsys, "lint")
    assert code == 1
    assert "No token given" in err


ENTRY = "import sys; from sfjwt_gui.cli import main; sys.exit(main())"  # what the sfjwt console script runs


def test_the_command_in_a_real_process_never_prints_a_traceback() -> None:
    for argv, stdin in (
        (["lint", "-"], b"\xff\xfe garbage \x00"),
        (["decode", "a.b.c.d"], b""),
        (["lint", "e30.e30."], b""),
    ):
        proc = subprocess.run(
            [sys.executable, "-c", ENTRY, *argv], input=stdin, capture_output=True, check=False, timeout=60
        )
        assert proc.returncode in (1, 2), proc
        assert b"Traceback" not in proc.stderr + proc.stdout
        assert proc.stderr.startswith(b"sfjwt: error:") or proc.returncode == 2


def test_lint_clock_uncertainty_widens_the_time_rules(capsys: Any, rsa_key: Any) -> None:
    now = time.time()
    token = hand_token(
        {"alg": "RS256"},
        {"iss": CONSUMER_KEY, "sub": "u@acme.com", "aud": "https://login.salesforce.com", "exp": int(now) + 180,
         "iat": now + 2.0},
        rsa_key,
    )  # fmt: skip
    code, out, _ = run(capsys, "lint", token, "--json")
    assert code == 0
    assert "iat-in-future" in {f["rule"] for f in json.loads(out)["findings"]}  # 2 s ahead of an exact clock
    code, out, _ = run(capsys, "lint", token, "--json", "--clock-uncertainty", "1.5")
    assert code == 0
    assert "iat-in-future" not in {f["rule"] for f in json.loads(out)["findings"]}  # within 1 s + 1.5 s
