"""Snippets that run as they are: ``sfjwt sign --as curl|python|apex|sf``. The curl and Python snippets run for real
against the practice org (TLS, its own CA) and get a token; the Python and sf snippets name only a key file that
exists (written unencrypted, mode 0600, only after confirmation, replacing only a key file of ours); the Apex snippet
follows the Apex reference."""

from __future__ import annotations

import json
import os
import shlex
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from jwt_helpers import KeyFiles

from sfjwt_gui.cli import main
from sfjwt_gui.core.errors import ExportError
from sfjwt_gui.core.key_file import confirmation_text, is_unencrypted_pem_key, write_key_for_command
from sfjwt_gui.core.key_texts import describe_error
from sfjwt_gui.core.snippets import KEY_FILE_PLACEHOLDER, SnippetInput, SnippetKind, render
from sfjwt_gui.practice import PracticeServer


def _sign(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["sign", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def practice(rsa_cert: Any) -> Any:
    with PracticeServer(certificate=rsa_cert, tls=True) as server:
        yield server


def _practice_args(server: Any, key_file: Path) -> list[str]:
    return ["--key-file", str(key_file), "--iss", server.consumer_key, "--sub", server.username,
            "--aud", server.audience, "--endpoint", server.token_url, "--ca-file", str(server.ca_file)]  # fmt: skip


def test_curl_snippet_from_the_cli_gets_a_token(
    capsys: pytest.CaptureFixture[str], practice: Any, key_files: KeyFiles
) -> None:
    code, snippet, err = _sign(capsys, *_practice_args(practice, key_files.key_pem), "--as", "curl")
    assert code == 0, err
    assert snippet.startswith("curl ")
    done = subprocess.run(["sh", "-c", snippet], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    body = json.loads(done.stdout)
    assert body["access_token"].startswith("00D")
    assert body["instance_url"].startswith("https://127.0.0.1")


def test_python_snippet_with_the_exported_key_gets_a_token(
    capsys: pytest.CaptureFixture[str], practice: Any, tmp_path: Path, rsa_key: Any
) -> None:
    encrypted = tmp_path / "server.pass.key"  # the key as the docs' openssl recipe leaves it: encrypted
    encrypted.write_bytes(
        rsa_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.BestAvailableEncryption(b"pw")
        )
    )
    (tmp_path / "pw").write_text("pw")
    exported = tmp_path / "for-sf.key"
    base = [*_practice_args(practice, encrypted), "--passphrase-file", str(tmp_path / "pw"), "--as", "python"]
    code, snippet, err = _sign(capsys, *base)  # not exported yet: the code says which file it needs
    assert code == 0, err
    assert "needs the private key as an unencrypted PEM file" in snippet
    assert KEY_FILE_PLACEHOLDER in snippet
    assert str(encrypted) not in snippet  # an encrypted file is not what the code can read

    code, _, err = _sign(capsys, *base, "--export-key-for-sf", str(exported))  # no terminal, no confirmation
    assert code == 1
    assert "not confirmed" in err
    assert not exported.exists()

    code, out, err = _sign(capsys, *base, "--export-key-for-sf", str(exported), "--insecure-unencrypted", "--json")
    assert code == 0, err
    assert stat.S_IMODE(os.stat(exported).st_mode) == 0o600
    assert out
    assert json.loads(out)["key_file"] == str(exported.resolve())
    snippet = json.loads(out)["snippet"]
    assert f'Path("{exported.resolve()}")' in snippet
    assert "needs the private key" not in snippet
    script = tmp_path / "snippet.py"
    script.write_text(snippet)
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr + done.stdout
    assert "instance_url: https://127.0.0.1" in done.stdout
    assert "00D" not in done.stdout  # the access token is not printed


def test_sf_snippet_names_only_an_existing_unencrypted_key_file(
    capsys: pytest.CaptureFixture[str], practice: Any, key_files: KeyFiles
) -> None:
    code, snippet, err = _sign(capsys, *_practice_args(practice, key_files.key_pem), "--as", "sf")
    assert code == 0, err
    words = shlex.split(snippet.replace("\\\n", " "), comments=True)
    assert words[0] == f"NODE_EXTRA_CA_CERTS={practice.ca_file}"
    assert words[words.index("--jwt-key-file") + 1] == str(key_files.key_pem.resolve())  # it exists, unencrypted
    assert words[words.index("--client-id") + 1] == practice.consumer_key
    values = SnippetInput("https://login.salesforce.com", "3MVG", "u@x.com", "https://login.salesforce.com",
                          key_file=str(key_files.key_pem.parent / "never-written.key"))  # fmt: skip
    japanese = render(SnippetKind.SF_CLI, values, "ja")
    assert "never-written.key" not in japanese
    assert "暗号化されていない PEM" in japanese
    assert KEY_FILE_PLACEHOLDER in japanese


def test_apex_snippet_follows_the_apex_reference(capsys: pytest.CaptureFixture[str], key_files: KeyFiles) -> None:
    args = ["--key-file", str(key_files.key_pem), "--iss", "3MVG9x", "--sub", "int@acme.com", "--preset", "sandbox",
            "--lifetime", "240", "--as", "apex", "--cert-name", "Acme_JWT"]  # fmt: skip
    code, apex, err = _sign(capsys, *args)
    assert code == 0, err
    assert "jwt.setValidityLength(240);" in apex
    assert "setAdditionalClaims" in apex  # only in the comment that says why not
    assert "claims.put('exp'" not in apex
    assert "documented as not allowed" in apex
    assert "unconfirmed" in apex
    assert "new Auth.JWTBearerTokenExchange(TOKEN_ENDPOINT, signedAssertion())" in apex
    assert "bearer.getAccessToken()" in apex
    assert "new HttpRequest()" in apex  # the seed article's way, as the alternative
    assert "TOKEN_ENDPOINT = 'https://test.salesforce.com/services/oauth2/token'" in apex
    assert "CERTIFICATE_NAME = 'Acme_JWT'" in apex
    assert "Certificate and Key Management" in apex
    assert apex.count("{") == apex.count("}")
    code, token, _ = _sign(capsys, *args[:-4])  # without --as: the token, as before
    assert code == 0
    assert token.count(".") == 2


def test_key_file_writer_refuses_what_is_not_ours(tmp_path: Path, rsa_key: Any, other_key: Any) -> None:
    target = tmp_path / "sf.key"
    with pytest.raises(ExportError) as unconfirmed:
        write_key_for_command(rsa_key, target, name="acme", confirmed=False)
    assert "確認が取れていません" in describe_error(unconfirmed.value, "ja")[0]
    assert not target.exists()
    assert write_key_for_command(rsa_key, target, name="acme", confirmed=True) == target.resolve()
    assert is_unencrypted_pem_key(target)
    loaded = serialization.load_pem_private_key(target.read_bytes(), None)
    assert loaded.private_numbers() == rsa_key.private_numbers()  # type: ignore[union-attr]
    write_key_for_command(other_key, target, name="acme", confirmed=True)  # a key file of ours: replaced
    assert serialization.load_pem_private_key(target.read_bytes(), None).private_numbers() == (  # type: ignore[union-attr]
        other_key.private_numbers()
    )
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes")
    folder = tmp_path / "folder"
    folder.mkdir()
    link = tmp_path / "link.key"
    link.symlink_to(target)
    encrypted = tmp_path / "enc.key"
    encrypted.write_bytes(
        rsa_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.BestAvailableEncryption(b"x")
        )
    )
    for path, what in ((notes, "not an unencrypted private key"), (folder, "not a regular file"),
                       (link, "not a regular file"), (encrypted, "not an unencrypted private key")):  # fmt: skip
        before = path.read_bytes() if path.is_file() and not path.is_symlink() else None
        with pytest.raises(ExportError, match=what):
            write_key_for_command(rsa_key, path, name="acme", confirmed=True)
        if before is not None:
            assert path.read_bytes() == before
    assert link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["enc.key", "folder", "link.key", "notes.txt", "sf.key"]
    with pytest.raises(ExportError, match="Cannot write"):
        write_key_for_command(rsa_key, tmp_path / "missing" / "k.pem", name="acme", confirmed=True)
    assert "0600" in confirmation_text("acme", target)
    assert "パスフレーズ" in confirmation_text("acme", target, "ja")
