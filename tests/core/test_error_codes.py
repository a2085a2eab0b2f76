"""Every error core raises carries a code and params, and renders from data in en and ja."""

from __future__ import annotations

import ast
import inspect
import re
import string
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from sfjwt_gui.core import errors
from sfjwt_gui.core.claims import Claims, parse_claim_assignment
from sfjwt_gui.core.connection import my_domain_url, parse_preset, preset_connection, token_url
from sfjwt_gui.core.diagnosis import diagnose, explain_error
from sfjwt_gui.core.errors import SfjwtError
from sfjwt_gui.core.exchange import local_failure
from sfjwt_gui.core.jwt_codec import decode, sign
from sfjwt_gui.core.key_generation import Subject, check_validity_days, generate_private_key
from sfjwt_gui.core.key_texts import describe_error
from sfjwt_gui.core.lint import lint
from sfjwt_gui.core.org import sf_cli
from sfjwt_gui.core.profiles import ProfileStore, check_name, profile_from_dict
from sfjwt_gui.core.retry import CancelToken
from sfjwt_gui.core.text_data import check_language, load_json
from sfjwt_gui.core.trust import Trust, ssl_context

CORE = Path(__file__).resolve().parents[2] / "sfjwt_gui" / "core"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
ERROR_CLASSES = {
    name for name, value in vars(errors).items() if inspect.isclass(value) and issubclass(value, SfjwtError)
}


def test_no_core_error_is_built_from_plain_text() -> None:
    """Building an SfjwtError subclass directly is allowed only with ``code=`` (key_texts.error does it for you)."""
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        if path.name == "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            direct = isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ERROR_CLASSES
            if direct and not any(keyword.arg == "code" for keyword in node.keywords):
                offenders.append(f"{path.relative_to(CORE)}:{node.lineno} {node.func.id}")
    assert offenders == []


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _all_error_texts() -> dict[str, dict[str, dict[str, str]]]:
    keys = load_json("keys", "texts.json")["errors"]
    core = load_json("errors", "core.json")["errors"]
    assert not set(keys) & set(core), "a code is defined twice"
    return {**keys, **core}


def test_every_error_text_exists_in_both_languages_with_the_same_placeholders() -> None:
    for code, entry in _all_error_texts().items():
        for part in ("message", "fix"):
            english, japanese = entry["en"][part], entry["ja"][part]
            assert _fields(english) == _fields(japanese), f"{code}.{part}"
            if english:
                assert japanese, f"{code}.{part} has no Japanese"
        assert JAPANESE.search(entry["ja"]["message"]), code


def _raises(action: Callable[[], Any]) -> SfjwtError:
    with pytest.raises(SfjwtError) as info:
        action()
    return info.value


SMALL_KEY = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505 - too small on purpose
EC_KEY = ec.generate_private_key(ec.SECP256R1())
TOKEN = "eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0."
CASES: dict[str, Callable[[], Any]] = {
    "claims-empty-iss": lambda: Claims.new(" ", "u", "https://login.salesforce.com"),
    "claims-empty-sub": lambda: Claims.new("i", "", "https://login.salesforce.com"),
    "claims-empty-aud": lambda: Claims.new("i", "u", ""),
    "claims-lifetime": lambda: Claims.new("i", "u", "https://login.salesforce.com", lifetime=0),
    "claims-assignment": lambda: parse_claim_assignment("scope"),
    "claims-too-deep": lambda: parse_claim_assignment("x=" + "[" * 100),
    "sign-not-rsa": lambda: sign({"a": 1}, EC_KEY),  # type: ignore[arg-type]
    "sign-key-too-small": lambda: sign({"a": 1}, SMALL_KEY),
    "lint-certificate-type": lambda: lint(TOKEN, certificate=42),  # type: ignore[arg-type]
    "lint-key-not-rsa": lambda: lint(TOKEN, private_key=EC_KEY),  # type: ignore[arg-type]
    "lint-clock-offset": lambda: lint(TOKEN, clock_offset=float("nan")),
    "lint-clock-uncertainty": lambda: lint(TOKEN, clock_uncertainty=-1.0),
    "language-unsupported": lambda: check_language("fr"),
    "language-unavailable": lambda: diagnose(local_failure("x"), lang="fr"),
    "explain-nothing": lambda: explain_error(None, None),
    "connection-empty": lambda: token_url(" "),
    "connection-not-url": lambda: token_url("https://host:99999"),
    "connection-not-http": lambda: token_url("ftp://host"),
    "connection-query": lambda: token_url("https://login.salesforce.com/?a=1"),
    "connection-my-domain": lambda: my_domain_url("bad name"),
    "connection-sandbox-name": lambda: my_domain_url("acme", "u-a-t!"),
    "connection-preset-unknown": lambda: preset_connection("nowhere"),
    "connection-mydomain-needs-name": lambda: preset_connection("mydomain"),
    "connection-site-needs-url": lambda: preset_connection("site"),
    "connection-custom-needs-url": lambda: preset_connection("custom"),
    "connection-preset-syntax": lambda: parse_preset("mydomain-sandbox:acme"),
    "trust-bundle-needed": lambda: ssl_context(Trust.BUNDLE, None),
    "trust-bundle-not-found": lambda: ssl_context(Trust.BUNDLE, "/nonexistent/ca.pem"),
    "keygen-cn-empty": lambda: Subject(" ").to_name(),
    "keygen-country": lambda: Subject("cn", c="JPN").to_name(),
    "keygen-name-too-long": lambda: Subject("x" * 65).to_name(),
    "keygen-name-not-text": lambda: Subject("a\udcffb").to_name(),  # the bytes a\xffb of a command-line argument
    "keygen-bits": lambda: generate_private_key(1024),
    "keygen-validity": lambda: check_validity_days(36501),
    "sf-bad-alias": lambda: sf_cli.connection("-x"),
    "sf-missing": lambda: sf_cli.run_sf(["org", "list"], path="/nonexistent-sfjwt-bin"),
    "profile-bad-value": lambda: profile_from_dict({"name": "x", "endpoint": "a\x01b"}),
    "profile-bad-name": lambda: check_name("a/b"),
    "profile-not-object": lambda: profile_from_dict([]),
    "profile-missing": lambda: ProfileStore(Path("/nonexistent-sfjwt-profiles")).get("x"),
}


def _cancelled() -> None:
    token = CancelToken()
    token.cancel()
    token.raise_if_cancelled()


CASES["cancelled"] = _cancelled


@pytest.mark.parametrize("code", sorted(CASES))
def test_raised_error_has_its_code_and_renders_in_both_languages(code: str) -> None:
    exc = _raises(CASES[code])
    assert exc.code == code
    assert describe_error(exc, "en") == (exc.message, exc.fix)
    message, fix = describe_error(exc, "ja")
    assert JAPANESE.search(message), message
    assert "{" not in message + fix, (message, fix)  # every placeholder filled
    for value in exc.params.values():
        if value and code not in ("connection-empty",):  # a term id is translated, not shown
            assert value in message + fix or value in exc.message + exc.fix


def test_every_core_json_code_is_raised_somewhere() -> None:
    """No dead texts: every code in resources/errors/core.json is exercised above or by the codec/trust tests."""
    core = set(load_json("errors", "core.json")["errors"])
    # codes that need a server, a subprocess or a file system state: exercised in tests/org
    in_org_tests = {
        "org-unreachable",
        "org-answer-too-large",
        "sf-timeout",
        "sf-cannot-run",
        "sf-not-json",
        "sf-failed",
        "sf-token-redacted",
        "sf-no-instance",
        "profile-not-regular",
        "profile-foreign",
        "profile-write-failed",
        "sf-key-file-no-key",
    }
    assert core - set(CASES) <= {"sign-alg", "sign-not-json", "trust-bundle-unusable"} | in_org_tests


def test_english_text_is_unchanged_where_it_existed() -> None:
    exc = _raises(lambda: Claims.new("i", "u", ""))
    assert str(exc) == (
        "The aud claim is empty (''). Use https://login.salesforce.com, https://test.salesforce.com "
        "or your My Domain URL."
    )
    exc = _raises(lambda: generate_private_key(1024))
    assert exc.fix == "Choose 2048, 3072 or 4096 bits (Salesforce accepts these; 2048 is the usual choice)."
    exc = _raises(lambda: sign({"a": 1}, SMALL_KEY))
    assert (exc.message, exc.fix) == ("The RSA key has 1024 bits.", "Generate a new key of 2048 bits or more.")


def test_token_errors_render_through_the_same_function() -> None:
    exc = _raises(lambda: decode("not a token"))
    assert exc.code
    assert JAPANESE.search(describe_error(exc, "ja")[0])
    assert describe_error(ValueError("plain"), "ja") == ("plain", "")
