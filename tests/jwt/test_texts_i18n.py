"""Decode errors, verification reasons and relative times come from data in English and Japanese."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jwt_helpers import NOW, KeyFiles, b64url, hand_token, segment

from sfjwt_gui.cli import main
from sfjwt_gui.core.errors import InputError, TokenFormatError
from sfjwt_gui.core.jwt_codec import decode, describe_token_error, verify
from sfjwt_gui.core.resources import resource_path
from sfjwt_gui.core.timefmt import annotate_times

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
HEADER = segment({"alg": "RS256", "typ": "JWT"})
PAYLOAD = segment({"sub": "x"})

# one pasted text per decode error code, and the part it names
BAD_TOKENS: dict[str, tuple[Any, str]] = {
    "not-text": (b"eyJ", "token"),
    "empty": ("   ", "token"),
    "wrong-parts": ("abc.def", "token"),
    "empty-part": (f".{PAYLOAD}.sig", "header"),
    "bad-characters": (f"{HEADER}.ab+/=.sig", "payload"),
    "bad-length": (f"{HEADER}.{PAYLOAD}.abcde", "signature"),
    "not-utf8": (f"{b64url(bytes([0xFF, 0xFE]))}.{PAYLOAD}.sig", "header"),
    "not-json": (f"{HEADER}.{b64url(b'not json')}.sig", "payload"),
    "not-object": (f"{b64url(b'[1, 2]')}.{PAYLOAD}.sig", "header"),
    "opaque-access-token": ("00D5g00000SfJwT!AQ4AQGhm2wXxE7pRp0zK5nEoTQXqz8yY", "token"),
}


def _error(text: Any) -> TokenFormatError:
    with pytest.raises(TokenFormatError) as info:
        decode(text)
    return info.value


def test_every_code_in_the_data_has_a_token_that_raises_it() -> None:
    data = json.loads(resource_path("lint", "codec.json").read_text(encoding="utf-8"))
    # bad-base64 guards the decoder itself: after the character and length checks no text reaches it
    assert set(data["token_errors"]) == set(BAD_TOKENS) | {"bad-base64"}
    for texts in (*data["token_errors"].values(), *data["verification"].values()):
        assert set(texts) == {"en", "ja"}


@pytest.mark.parametrize("code", sorted(BAD_TOKENS))
def test_decode_error_in_both_languages(code: str) -> None:
    text, part = BAD_TOKENS[code]
    exc = _error(text)
    assert (exc.code, exc.part) == (code, part)
    assert describe_token_error(exc) == (exc.message, exc.fix)  # English stays the exception's own text
    if part != "token":
        assert part in exc.message
    message, fix = describe_token_error(exc, "ja")
    assert JAPANESE.search(message), message
    assert JAPANESE.search(fix), fix
    assert "{" not in message.replace("{…}", "")
    assert "}" not in message.replace("{…}", "")
    assert message != exc.message


def test_japanese_names_the_part_and_the_bad_characters() -> None:
    message, _ = describe_token_error(_error(BAD_TOKENS["bad-characters"][0]), "ja")
    assert "ペイロード" in message
    assert "'+/='" in message
    assert "標準 base64" in message
    message, _ = describe_token_error(_error("a.b.c.d.e"), "ja")
    assert "JWE" in message


def test_unknown_language_is_an_input_error() -> None:
    with pytest.raises(InputError):
        describe_token_error(_error("abc"), "fr")


def test_verification_reasons_in_japanese(rsa_key: Any, rsa_cert: Any, other_key: Any) -> None:
    good = decode(hand_token({"alg": "RS256"}, {"sub": "x"}, rsa_key))
    ok = verify(good, rsa_cert)
    assert ok.verified
    assert ok.reason == "RS256 signature verified with this key"
    assert ok.reason_in("ja") == "RS256 の署名をこの鍵で検証しました"
    assert ok.to_json("ja")["reason"] == ok.reason_in("ja")
    assert ok.to_json()["reason"] == ok.reason

    wrong = verify(good, other_key.public_key())
    assert not wrong.verified
    assert wrong.reason_code == "mismatch"
    assert "一致しません" in wrong.reason_in("ja")

    unsigned = decode(hand_token({"alg": "none"}, {"sub": "x"}, None) + "")
    assert "'none'" in verify(unsigned, rsa_cert).reason_in("ja")
    hmac = decode(f"{segment({'alg': 'HS256'})}.{PAYLOAD}.{b64url(b'x' * 32)}")
    result = verify(hmac, rsa_cert)
    assert not result.verified
    assert "'HS256'" in result.reason
    assert "HMAC" in result.reason_in("ja")


def test_relative_times_in_japanese() -> None:
    times = annotate_times(
        {"exp": int(NOW) + 130, "iat": str(int(NOW) - 7200), "nbf": (int(NOW) + 60) * 1000}, NOW, "ja"
    )
    assert times["exp"].relative == "あと2分10秒で期限切れ"
    assert times["iat"].relative == "2時間前"
    assert times["iat"].note == "数値ではなく文字列"
    assert times["nbf"].relative == "1分後から有効"
    assert "ミリ秒" in times["nbf"].note
    assert annotate_times({"exp": int(NOW) - 10}, NOW)["exp"].relative == "expired 10 s ago"


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_decode_cli_in_japanese(capsys: pytest.CaptureFixture[str], rsa_key: Any, key_files: KeyFiles) -> None:
    token = hand_token({"alg": "RS256", "typ": "JWT"}, {"sub": "x", "exp": int(NOW) + 3600}, rsa_key)
    code, out, _ = _cli(capsys, "decode", f"Bearer {token}", "--cert", str(key_files.cert_pem), "--lang", "ja")
    assert code == 0
    assert "RS256 の署名をこの鍵で検証しました" in out
    assert "前後の" not in out
    assert "Bearer" in out
    assert "で期限切れ" in out
    code, out, _ = _cli(capsys, "decode", token, "--cert", str(key_files.cert_pem), "--lang", "ja", "--json")
    data = json.loads(out)
    assert data["verified"] is True
    assert data["verification"]["reason_code"] == "verified"
    assert "で期限切れ" in data["times"]["exp"]["relative"]


def test_decode_and_lint_cli_errors_in_japanese(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("decode", "lint"):
        code, out, err = _cli(capsys, command, "abc.def", "--lang", "ja", "--json")
        assert code == 1
        error = json.loads(out)["error"]
        assert error["code"] == "wrong-parts"
        assert error["part"] == "token"
        assert JAPANESE.search(error["message"])
        assert err.startswith("sfjwt: error: ")
    code, _, err = _cli(capsys, "decode", "abc.def", "--lang", "fr")
    assert code == 1
    assert "--lang 'fr'" in err


def test_lint_cli_labels_in_japanese(capsys: pytest.CaptureFixture[str], rsa_key: Any) -> None:
    token = hand_token({"alg": "RS256"}, {"iss": "x", "sub": "u@example.com", "exp": int(NOW) + 120}, rsa_key)
    code, out, _ = _cli(capsys, "lint", token, "--lang", "ja")
    assert code == 2
    assert "対処:" in out
    assert "エラー:" in out
    assert "fix:" not in out


def test_cert_file_errors_name_the_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, rsa_key: Any) -> None:
    token = hand_token({"alg": "RS256"}, {"sub": "x"}, rsa_key)
    empty = tmp_path / "uploaded.crt"
    empty.write_bytes(b"")
    code, _, err = _cli(capsys, "lint", token, "--cert", str(empty))
    assert code == 1
    assert "uploaded.crt" in err
    assert "(public key)" not in err
