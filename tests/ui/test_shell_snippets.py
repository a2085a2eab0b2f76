"""core.snippets: the "Copy as" code carries the user's values, quoted, and runs where it can be run here."""

from __future__ import annotations

import ast
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from sfjwt_gui.core.snippets import GRANT_TYPE, SnippetInput, SnippetKind, render, render_all

VALUES = SnippetInput(
    token_url="https://acme.my.salesforce.com",
    consumer_key="3MVG9key'with\"quotes",
    username="int.user@acme.com",
    audience="https://login.salesforce.com",
    lifetime=240,
    assertion="eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln",
)


def test_every_kind_renders_with_the_users_values() -> None:
    snippets = render_all(VALUES)
    assert set(snippets) == set(SnippetKind)
    for kind, text in snippets.items():
        if kind is SnippetKind.CURL:  # curl posts the signed assertion, which carries them
            assert VALUES.assertion in text
        else:
            assert "int.user@acme.com" in text, kind
            assert "3MVG9key" in text, kind


def test_curl_is_a_valid_shell_command_with_the_form_fields() -> None:
    text = render(SnippetKind.CURL, VALUES)
    words = shlex.split(text.replace("\\\n", " "))
    assert words[0] == "curl"
    assert "https://acme.my.salesforce.com/services/oauth2/token" in words
    assert f"grant_type={GRANT_TYPE}" in words
    assert f"assertion={VALUES.assertion}" in words


def test_python_snippet_is_valid_python_with_the_exact_values() -> None:
    text = render(SnippetKind.PYTHON, VALUES)
    tree = ast.parse(text)
    constants = {
        node.targets[0].id: node.value.value  # type: ignore[attr-defined]
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
    }
    assert constants["CONSUMER_KEY"] == VALUES.consumer_key
    assert constants["USERNAME"] == VALUES.username
    assert constants["AUDIENCE"] == VALUES.audience
    assert constants["TOKEN_URL"] == "https://acme.my.salesforce.com/services/oauth2/token"
    assert "now + 240" in text


def test_apex_snippet_escapes_quotes_and_follows_the_seed_pattern() -> None:
    text = render(SnippetKind.APEX, VALUES)
    assert "'3MVG9key\\'with\"quotes'" in text
    assert "new Auth.JWT()" in text
    assert "new Auth.JWS(jwt, CERTIFICATE_NAME)" in text
    assert "CERTIFICATE_NAME = 'My_Cert'" in text
    assert "EncodingUtil.urlEncode" in text
    assert "setValidityLength(240)" in text


def test_sf_cli_sets_the_audience_when_it_is_not_the_login_url() -> None:
    text = render(SnippetKind.SF_CLI, VALUES)
    words = shlex.split(text.replace("\\\n", " "), comments=True)  # no key file yet: a comment says which it needs
    assert words[0] == "SF_AUDIENCE_URL=https://login.salesforce.com"
    assert words[1:4] == ["sf", "org", "login"]
    assert words[words.index("--instance-url") + 1] == "https://acme.my.salesforce.com"
    assert words[words.index("--client-id") + 1] == VALUES.consumer_key
    same = SnippetInput("https://login.salesforce.com", "3MVG9x", "u@x.com", "https://login.salesforce.com")
    assert "\nsf org login jwt" in render(SnippetKind.SF_CLI, same)


def test_python_snippet_really_gets_a_token_from_the_practice_org(
    tmp_path: Path, rsa_key: object, rsa_cert: object
) -> None:
    pytest.importorskip("httpx")
    from cryptography.hazmat.primitives import serialization

    from sfjwt_gui.practice import PracticeServer

    key_file = tmp_path / "server.key"
    key_file.write_bytes(
        rsa_key.private_bytes(  # type: ignore[attr-defined]
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    with PracticeServer(certificate=rsa_cert, tls=True) as server:  # type: ignore[arg-type]
        values = SnippetInput(
            token_url=server.token_url,
            consumer_key=server.consumer_key,
            username=server.username,
            audience=server.audience,
            key_file=str(key_file),
            ca_file=str(server.ca_file),
        )
        script = tmp_path / "snippet.py"
        script.write_text(render(SnippetKind.PYTHON, values))
        done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr + done.stdout
    assert "instance_url:" in done.stdout
    assert "!" not in done.stdout.split("instance_url:")[1]  # the access token is not printed


@pytest.mark.interop
def test_curl_snippet_runs_against_the_practice_org(tmp_path: Path, rsa_key: object, rsa_cert: object) -> None:
    import time

    from sfjwt_gui.core.jwt_codec import sign
    from sfjwt_gui.practice import PracticeServer

    with PracticeServer(certificate=rsa_cert, tls=True) as server:  # type: ignore[arg-type]
        claims = {
            "iss": server.consumer_key,
            "sub": server.username,
            "aud": server.audience,
            "exp": int(time.time()) + 180,
        }
        values = SnippetInput(
            token_url=server.url,
            consumer_key=server.consumer_key,
            username=server.username,
            audience=server.audience,
            assertion=sign(claims, rsa_key),  # type: ignore[arg-type]
            ca_file=str(server.ca_file),
        )
        done = subprocess.run(
            ["sh", "-c", render(SnippetKind.CURL, values)], capture_output=True, text=True, timeout=60
        )
    assert done.returncode == 0, done.stderr
    assert '"access_token"' in done.stdout
    assert '"instance_url"' in done.stdout
