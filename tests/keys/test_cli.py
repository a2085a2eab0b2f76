"""``sfjwt keygen`` and ``sfjwt inspect`` as real processes (and in-process where a test keyring is needed)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import keyring
import pytest
from cryptography.hazmat.primitives import serialization
from memory_backend import MemoryKeyring

from sfjwt_gui.cli import main
from sfjwt_gui.core.keys import LoadedMaterial, inspect_material, load_file, load_material


def sfjwt(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None, cwd: Path | None = None) -> Any:
    """Run ``python -m sfjwt_gui.cli ARGS`` and return the completed process (bytes output)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "sfjwt_gui.cli", *args], capture_output=True, env=full_env,
                          input=stdin, cwd=cwd, timeout=120)  # fmt: skip


def test_keygen_no_store_encrypted(tmp_path: Path) -> None:
    key, cert = tmp_path / "k.pem", tmp_path / "c.crt"
    proc = sfjwt("keygen", "--no-store", "--key-out", str(key), "--passphrase-env", "KEY_PW", "--cert-out",
                 str(cert), "--cn", "cli-test", "--org", "Example", "--country", "JP", "--days", "90", "--json",
                 env={"KEY_PW": "cli-pass-1"})  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["key_encrypted"] is True
    assert out["stored_in_keyring"] is False
    assert out["subject"] == "CN=cli-test,O=Example,C=JP"
    assert out["days_left"] in (89, 90)
    assert out["key_matches_certificate"] is True
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert key.read_bytes().startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    material = load_file(key, b"cli-pass-1")
    from_cert = load_file(cert)
    assert from_cert.certificate is not None
    assert material.private_key is not None
    assert inspect_material(load_material(cert.read_bytes() + key.read_bytes(), b"cli-pass-1")).key_matches_certificate
    assert out["sha256_fingerprint"] == inspect_material(from_cert).sha256_fingerprint
    assert out["certificate_pem"].encode() == cert.read_bytes()


def test_keygen_insecure_unencrypted_is_loud(tmp_path: Path) -> None:
    key = tmp_path / "plain.pem"
    proc = sfjwt("keygen", "--no-store", "--key-out", str(key), "--insecure-unencrypted", "--bits", "3072")
    assert proc.returncode == 0, proc.stderr
    assert b"UNENCRYPTED" in proc.stdout
    assert b"NOT encrypted" in proc.stderr
    assert key.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    material = load_file(key)
    assert material.private_key is not None
    assert material.private_key.key_size == 3072
    assert b"-----BEGIN CERTIFICATE-----" in proc.stdout  # no --cert-out: the certificate is printed


@pytest.mark.parametrize(
    ("args", "match"),
    [
        ([], "--name NAME"),
        (["--name", "a", "--no-store"], "--name NAME"),
        (["--no-store"], "--key-out"),
        (["--no-store", "--key-out", "{tmp}/k.pem"], "No passphrase"),
        (["--no-store", "--key-out", "{tmp}/k.pem", "--insecure-unencrypted", "--bits", "1024"], "1024 bits"),
        (["--no-store", "--key-out", "{tmp}/k.pem", "--insecure-unencrypted", "--days", "0"], "0 days"),
        (["--no-store", "--key-out", "{tmp}/exists.pem", "--insecure-unencrypted"], "already exists"),
        (["--no-store", "--key-out", "{tmp}/nodir/k.pem", "--insecure-unencrypted"], "does not exist"),
        (["--no-store", "--key-out", "{tmp}/k.pem", "--insecure-unencrypted", "--country", "JPN"], "two-letter"),
        (["--name", "a", "--key-out", "{tmp}/k.pem"], "go with --no-store"),
        (["--no-store", "--key-out", "{tmp}/k.pem", "--insecure-unencrypted", "--passphrase-env", "X"], "Choose one"),
        (["--no-store", "--key-out", "{tmp}/k.pem", "--insecure-unencrypted", "--cn", ""], "--cn is empty"),
        (["--name", " "], "--name is empty"),
        (["--no-store", "--key-out", "", "--insecure-unencrypted"], "--key-out is empty"),
        (["--no-store", "--key-out", "-", "--insecure-unencrypted"], "only to files or the keyring"),
    ],
)
def test_keygen_bad_input_exits_1(tmp_path: Path, args: list[str], match: str) -> None:
    (tmp_path / "exists.pem").write_text("keep me")
    proc = sfjwt("keygen", *[a.format(tmp=tmp_path) for a in args], stdin=b"")
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert match in err
    assert "Traceback" not in err
    assert (tmp_path / "exists.pem").read_text() == "keep me"
    assert not (tmp_path / "k.pem").exists()


def test_keygen_long_validity_warns_once(tmp_path: Path) -> None:
    proc = sfjwt("keygen", "--no-store", "--key-out", str(tmp_path / "k.pem"), "--insecure-unencrypted",
                 "--days", "4000", "--json")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    warnings = json.loads(proc.stdout)["warnings"]
    assert sum("more than 10 years" in w for w in warnings) == 1
    assert any("NOT encrypted" in w for w in warnings)


def test_keygen_force_overwrites(tmp_path: Path) -> None:
    key = tmp_path / "k.pem"
    key.write_text("old")
    key.chmod(0o644)
    proc = sfjwt("keygen", "--no-store", "--key-out", str(key), "--insecure-unencrypted", "--force")
    assert proc.returncode == 0, proc.stderr
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert load_file(key).private_key is not None


def test_keygen_without_keyring_exits_3(tmp_path: Path) -> None:
    env = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "SFJWT_DATA_DIR": str(tmp_path)}
    proc = sfjwt("keygen", "--name", "no-keyring", "--json", env=env)
    assert proc.returncode == 3, proc.stderr
    error = json.loads(proc.stdout)["error"]
    assert error["fix"]
    assert "Traceback" not in proc.stderr.decode()


def test_keygen_name_saves_in_the_vault(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        assert main(["keygen", "--name", "ci-bot", "--json"]) == 0
        out = json.loads(capsys.readouterr().out)
        assert main(["keygen", "--name", "ci-bot", "--json"]) == 3  # the name is taken: nothing is overwritten
        assert json.loads(capsys.readouterr().out)["error"]["type"] == "KeyExistsError"
    finally:
        keyring.set_keyring(previous)
    assert out["stored_in_keyring"] is True
    assert out["name"] == "ci-bot"
    assert out["key_out"] is None
    assert out["subject"] == "CN=ci-bot"
    from sfjwt_gui.core.vault import Vault

    vault = Vault(backend=backend, index_dir=data_dir)
    record = vault.get("ci-bot")
    assert record.sha256_fingerprint == out["sha256_fingerprint"]
    key = vault.load("ci-bot")
    cert = vault.load_certificate("ci-bot")
    assert cert is not None
    assert inspect_material(LoadedMaterial(key, cert)).key_matches_certificate is True
    index_text = "".join(p.read_text() for p in data_dir.rglob("*") if p.is_file())
    assert "PRIVATE KEY" not in index_text


def test_keygen_imports_only_what_it_needs(tmp_path: Path) -> None:
    code = (
        "import sys; from sfjwt_gui.cli import main; "
        f"rc = main(['keygen', '--no-store', '--key-out', {str(tmp_path / 'k.pem')!r}, '--insecure-unencrypted']); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'httpx', 'PySide6', 'keyring', 'jwt', 'certifi'}))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"


# --- inspect ------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory, rsa_key: Any, rsa_cert: Any) -> Path:
    from sfjwt_gui.core.keys import export_pkcs12

    path = tmp_path_factory.mktemp("inspect") / "bundle.p12"
    path.write_bytes(export_pkcs12(rsa_key, rsa_cert, b"p12-pass", "bundle"))
    return path


def test_inspect_json_with_passphrase_file(bundle: Path, tmp_path: Path, rsa_cert: Any) -> None:
    pw_file = tmp_path / "pw.txt"
    pw_file.write_text("p12-pass\n")
    proc = sfjwt("inspect", str(bundle), "--passphrase-file", str(pw_file), "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    from sfjwt_gui.core.fingerprints import sha1_fingerprint, sha256_fingerprint

    assert out["kind"] == "private_key_and_certificate"
    assert out["source_format"] == "PKCS#12"
    assert out["sha1_fingerprint"] == sha1_fingerprint(rsa_cert)
    assert out["sha256_fingerprint"] == sha256_fingerprint(rsa_cert)
    assert out["key_matches_certificate"] is True
    assert out["subject"] == "CN=sfjwt-test"
    assert out["repairs"] == []


def test_inspect_errors_exit_1(bundle: Path) -> None:
    proc = sfjwt("inspect", str(bundle), "--json", stdin=b"")
    assert proc.returncode == 1
    assert json.loads(proc.stdout)["error"]["type"] == "PassphraseRequiredError"
    proc = sfjwt("inspect", str(bundle), "--passphrase-env", "PW", env={"PW": "nope"})
    assert proc.returncode == 1
    assert b"does not decrypt the PKCS#12 file in bundle.p12" in proc.stderr
    assert b"Traceback" not in proc.stderr


def test_inspect_stdin_reports_repairs(rsa_key: Any) -> None:
    pem = rsa_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    mangled = b'"' + pem.replace(b"\n", b"\\n") + b'"'
    proc = sfjwt("inspect", "-", "--json", stdin=mangled)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["kind"] == "private_key"
    assert out["key_bits"] == 2048
    assert "removed wrapping double quotes" in out["repairs"]
    text = sfjwt("inspect", "-", stdin=mangled)
    assert b"repaired: turned literal \\n sequences into line breaks" in text.stdout
    huge = sfjwt("inspect", "-", stdin=b"\0" * (11 * 1024 * 1024))  # a wrong pipe is refused, not read to the end
    assert huge.returncode == 1
    assert b"Standard input holds more than" in huge.stderr


def test_inspect_text_output(bundle: Path) -> None:
    proc = sfjwt("inspect", str(bundle), "--passphrase-env", "PW", env={"PW": "p12-pass"})
    assert proc.returncode == 0
    text = proc.stdout.decode()
    assert "SHA-256:" in text
    assert "Key matches: yes" in text
    assert "Days left:" in text


# The child makes the pseudo-terminal its controlling terminal (getpass reads /dev/tty), then becomes sfjwt.
_ON_TTY = "import fcntl, os, sys, termios; fcntl.ioctl(0, termios.TIOCSCTTY, 0); os.execv(sys.executable, sys.argv[1:])"


def on_terminal(*args: str, keys: list[bytes]) -> tuple[int, str]:
    """Run ``sfjwt ARGS`` on a real pseudo-terminal, typing ``keys`` one by one at each prompt (a line ending ':')."""
    import pty
    import select

    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-c", _ON_TTY, sys.executable, "-m", "sfjwt_gui.cli", *args],
        stdin=terminal, stdout=terminal, stderr=terminal, start_new_session=True,
    )  # fmt: skip
    os.close(terminal)
    output, pending, answered = b"", list(keys), 0
    while select.select([controller], [], [], 20)[0]:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
        if pending and output[answered:].strip().endswith(b":"):  # a new prompt since the last answer
            os.write(controller, pending.pop(0))
            answered = len(output)
    os.close(controller)
    if process.poll() is None:
        process.kill()
    return process.wait(timeout=20), output.decode(errors="replace")


@pytest.mark.parametrize(
    ("keys", "code", "said"),
    [
        ([b"pw-one\n", b"pw-two\n"], 1, "The two passphrases differ."),
        ([b"\x04"], 1, "No passphrase was typed (the input ended)."),  # Ctrl+D
        ([b"\x03"], 130, "sfjwt: interrupted"),  # Ctrl+C
        ([b"\n", b"\n"], 1, "No passphrase (or an empty one)"),
        ([b"pw-one\n", b"pw-one\n"], 0, "(PKCS#8, encrypted)"),
    ],
)
def test_keygen_passphrase_prompt_on_a_terminal(tmp_path: Path, keys: list[bytes], code: int, said: str) -> None:
    key = tmp_path / "k.pem"
    exit_code, output = on_terminal("keygen", "--no-store", "--key-out", str(key), keys=keys)
    assert exit_code == code, output
    assert said in output
    assert "Traceback" not in output
    assert key.exists() == (code == 0)
    if code == 0:
        assert load_file(key, b"pw-one").private_key is not None
        exit_code, output = on_terminal("inspect", str(key), keys=[b"wrong\n"])
        assert exit_code == 1
        assert "The passphrase does not decrypt" in output


def test_keygen_cert_out_dash_prints_the_certificate(tmp_path: Path) -> None:
    proc = sfjwt("keygen", "--no-store", "--key-out", str(tmp_path / "k.pem"), "--passphrase-env", "KEY_PW",
                 "--cert-out", "-", cwd=tmp_path, env={"KEY_PW": "pw-dash"})  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert not (tmp_path / "-").exists()
    pem = proc.stdout[proc.stdout.index(b"-----BEGIN CERTIFICATE-----") :]
    material = load_material(pem + (tmp_path / "k.pem").read_bytes(), b"pw-dash")
    assert inspect_material(material).key_matches_certificate is True


@pytest.mark.parametrize(("encoding", "prefix"), [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe")])
def test_passphrase_file_from_windows_tools(tmp_path: Path, rsa_key: Any, encoding: str, prefix: bytes) -> None:
    """Notepad saves UTF-8 with a BOM and CRLF, PowerShell's `>` UTF-16: the BOM is not part of the passphrase."""
    key = tmp_path / "k.pem"
    key.write_bytes(rsa_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.BestAvailableEncryption("pässwörd".encode())))  # fmt: skip
    passfile = tmp_path / "pass.txt"
    passfile.write_bytes(prefix + "pässwörd\r\n".encode(encoding))
    proc = sfjwt("inspect", str(key), "--passphrase-file", str(passfile), "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["key_bits"] == 2048
