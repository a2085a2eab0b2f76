"""``sfjwt keys …`` run in-process through ``sfjwt_gui.cli.main`` on an in-memory keyring chosen with keyring's own
``set_keyring`` (what the CLI's default ``keyring.get_keyring()`` then returns), plus real subprocesses that pick a
backend with ``PYTHON_KEYRING_BACKEND``. Files are made and checked with openssl and keytool."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import keyring
import keyring.core
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from memory_backend import MemoryKeyring
from vault_helpers import run

from sfjwt_gui.cli import main

PASS = "correct horse battery"


@pytest.fixture
def passfile(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text(PASS + "\n", encoding="utf-8")
    return path


def _fingerprint(cert: x509.Certificate) -> str:
    return ":".join(f"{b:02X}" for b in cert.fingerprint(hashes.SHA256()))


@pytest.fixture
def stored(
    backend: MemoryKeyring, capsys: pytest.CaptureFixture[str], tmp_path: Path, rsa_key: Any, rsa_cert: Any
) -> str:
    """Key 'acme' imported from a PKCS#12 file made with cryptography (key + certificate)."""
    p12 = tmp_path / "acme.p12"
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"acme", rsa_key, rsa_cert, None, serialization.BestAvailableEncryption(PASS.encode())
        )
    )
    passfile = tmp_path / "p12pass"
    passfile.write_text(PASS)
    code, out, err = run(
        capsys, "keys", "import", str(p12), "--name", "acme", "--passphrase-file", str(passfile), "--json"
    )
    assert code == 0, err
    assert out["action"] == "saved"
    return "acme"


def test_list_and_show_json_objects(stored: str, capsys: pytest.CaptureFixture[str], rsa_cert: Any) -> None:
    code, listed, _ = run(capsys, "keys", "list", "--json")
    assert code == 0
    (entry,) = listed["keys"]
    assert entry["name"] == "acme"
    assert entry["key_bits"] == 2048
    assert entry["has_certificate"] is True
    assert entry["sha256_fingerprint"] == _fingerprint(rsa_cert)
    assert 360 <= entry["days_left"] <= 365
    assert "certificate_pem" not in entry

    code, shown, _ = run(capsys, "keys", "show", "acme", "--json")
    assert code == 0
    required = {"kind", "key_type", "key_bits", "subject", "not_before", "not_after", "days_left", "sha1_fingerprint",
                "sha256_fingerprint", "key_matches_certificate", "repairs"}  # fmt: skip
    assert required <= set(shown)
    assert shown["kind"] == "private_key_and_certificate"
    assert shown["key_type"] == "RSA"
    assert shown["subject"] == "CN=sfjwt-test"
    assert shown["key_matches_certificate"] is True
    assert shown["sha256_fingerprint"] == _fingerprint(rsa_cert)
    assert shown["name"] == "acme"
    assert shown["backend"].endswith("MemoryKeyring")


def test_text_output_of_list_and_show(stored: str, capsys: pytest.CaptureFixture[str], rsa_cert: Any) -> None:
    code, text, _ = run(capsys, "keys", "list")
    assert code == 0
    assert "acme" in text
    assert _fingerprint(rsa_cert) in text
    code, text, _ = run(capsys, "keys", "show", "acme")
    assert "Key matches: yes" in text
    assert _fingerprint(rsa_cert) in text


@pytest.mark.interop
def test_import_openssl_encrypted_key_then_attach_its_certificate(
    backend: MemoryKeyring, capsys: pytest.CaptureFixture[str], tmp_path: Path, passfile: Path
) -> None:
    key, crt = tmp_path / "k.pem", tmp_path / "c.crt"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-keyout", str(key), "-out", str(crt), "-days", "30",
         "-subj", "/CN=from-openssl", "-passout", f"file:{passfile}"],
        check=True, capture_output=True,
    )  # fmt: skip
    code, out, err = run(
        capsys, "keys", "import", str(key), "--name", "ossl", "--passphrase-file", str(passfile), "--json"
    )
    assert code == 0, err
    assert out["key"]["has_certificate"] is False
    code, out, err = run(capsys, "keys", "import", str(crt), "--name", "ossl", "--json")
    assert code == 0, err
    assert out["action"] == "certificate_attached"
    openssl_fp = subprocess.run(
        ["openssl", "x509", "-in", str(crt), "-noout", "-fingerprint", "-sha256"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert out["key"]["sha256_fingerprint"] == openssl_fp.split("=", 1)[1]
    code, shown, _ = run(capsys, "keys", "show", "ossl", "--json")
    assert shown["key_matches_certificate"] is True
    assert shown["days_left"] in (29, 30)


def test_import_errors_are_bad_input(
    backend: MemoryKeyring, capsys: pytest.CaptureFixture[str], tmp_path: Path, rsa_cert: Any, stored: str
) -> None:
    crt = tmp_path / "c.crt"
    crt.write_bytes(rsa_cert.public_bytes(serialization.Encoding.PEM))
    code, out, _ = run(capsys, "keys", "import", str(crt), "--name", "nokey", "--json")
    assert code == 1
    assert out["error"]["type"] == "CertificateError"
    assert "import the private key first" in out["error"]["fix"].lower()
    code, out, _ = run(capsys, "keys", "import", str(tmp_path / "missing.pem"), "--name", "x", "--json")
    assert code == 1
    code, out, _ = run(capsys, "keys", "import", str(tmp_path / "acme.p12"), "--name", "acme2", "--json")
    assert code == 1
    assert out["error"]["type"] == "PassphraseRequiredError"  # no terminal here: no prompt, a clear error
    assert "acme2" not in {r[1] for r in backend.store}


def test_import_a_ci_secret_from_standard_input(
    backend: MemoryKeyring, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, rsa_key: Any
) -> None:
    """A key pasted from a CI secret: newlines turned into spaces, wrapped in quotes, piped to ``import -``."""
    pem = rsa_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()).decode()  # fmt: skip
    mangled = '"' + pem.strip().replace("\n", " ") + '"'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(mangled.encode())))
    code, out, err = run(capsys, "keys", "import", "-", "--name", "from-ci")
    assert code == 0, err
    assert "from standard input as 'from-ci'" in out
    assert "repaired: restored the line breaks" in out
    assert "repaired: removed wrapping double quotes" in out
    code, shown, _ = run(capsys, "keys", "show", "from-ci", "--json")
    assert code == 0
    assert shown["key_bits"] == 2048


def test_import_existing_name_needs_overwrite(
    stored: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, other_key: Any
) -> None:
    pem = tmp_path / "other.pem"
    pem.write_bytes(
        other_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    code, out, _ = run(capsys, "keys", "import", str(pem), "--name", "acme", "--json")
    assert code == 3
    assert out["error"]["type"] == "KeyExistsError"
    assert "--overwrite" in out["error"]["fix"]
    code, out, _ = run(capsys, "keys", "import", str(pem), "--name", "acme", "--overwrite", "--json")
    assert code == 0
    assert out["key"]["has_certificate"] is False


def test_rename_and_delete(stored: str, capsys: pytest.CaptureFixture[str], backend: MemoryKeyring) -> None:
    code, out, _ = run(capsys, "keys", "rename", "acme", "acme-prod", "--json")
    assert code == 0
    assert out == {"renamed_from": "acme", "name": "acme-prod", "key": out["key"]}
    code, out, _ = run(capsys, "keys", "rename", "acme", "x", "--json")
    assert code == 3
    assert out["error"]["type"] == "KeyNotFoundError"

    code, out, err = run(capsys, "keys", "delete", "acme-prod")  # stdin is not a terminal under pytest
    assert code == 1
    assert "--yes" in err
    code, out, _ = run(capsys, "keys", "delete", "acme-prod", "--yes", "--json")
    assert code == 0
    assert out == {"deleted": "acme-prod"}
    assert backend.store == {}


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("answer", "deleted"), [("y\n", True), ("\n", False), ("no\n", False)])
def test_delete_asks_on_a_terminal(
    stored: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, answer: str, deleted: bool
) -> None:
    monkeypatch.setattr(sys, "stdin", _Terminal(answer))
    code, _, err = run(capsys, "keys", "delete", "acme")
    assert "Delete key 'acme'" in err
    assert code == (0 if deleted else 1)
    code, listed, _ = run(capsys, "keys", "list", "--json")
    assert bool(listed["keys"]) is not deleted


@pytest.mark.interop
def test_exports_are_read_by_openssl_and_keytool_with_the_same_fingerprint(
    stored: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, passfile: Path, rsa_cert: Any, rsa_key: Any
) -> None:
    fingerprint = _fingerprint(rsa_cert)
    out = {fmt: tmp_path / f"exported.{fmt}" for fmt in ("crt", "cer", "pkcs8", "p12", "jks")}
    for fmt, path in out.items():
        extra = [] if fmt in ("crt", "cer") else ["--passphrase-file", str(passfile)]
        code, info, err = run(capsys, "keys", "export", "acme", "--format", fmt, "--out", str(path), *extra, "--json")
        assert code == 0, err
        assert info["sha256_fingerprint"] == fingerprint
        assert oct(path.stat().st_mode & 0o777) == ("0o644" if fmt in ("crt", "cer") else "0o600")

    def openssl(*args: str) -> str:
        return subprocess.run(["openssl", *args], check=True, capture_output=True, text=True).stdout

    assert fingerprint in openssl("x509", "-in", str(out["crt"]), "-noout", "-fingerprint", "-sha256")
    assert fingerprint in openssl("x509", "-inform", "DER", "-in", str(out["cer"]), "-noout", "-fingerprint", "-sha256")
    modulus = openssl("rsa", "-in", str(out["pkcs8"]), "-passin", f"file:{passfile}", "-noout", "-modulus")
    assert modulus.strip() == f"Modulus={rsa_key.public_key().public_numbers().n:X}"
    p12_cert = openssl("pkcs12", "-in", str(out["p12"]), "-passin", f"file:{passfile}", "-nokeys")
    assert x509.load_pem_x509_certificate(p12_cert.encode()) == rsa_cert
    listing = subprocess.run(
        ["keytool", "-list", "-v", "-keystore", str(out["jks"]), "-storepass", PASS],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    assert "Alias name: acme" in listing
    assert "PrivateKeyEntry" in listing
    assert fingerprint in listing

    # no exported file holds the key unencrypted
    der = rsa_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    for path in out.values():
        data = path.read_bytes()
        assert b"BEGIN PRIVATE KEY" not in data
        assert der[-200:] not in data


def test_exports_holding_the_key_need_a_passphrase_and_never_overwrite_silently(
    stored: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, passfile: Path
) -> None:
    target = tmp_path / "k.p8"
    for fmt in ("pkcs8", "p12", "jks"):
        code, info, _ = run(capsys, "keys", "export", "acme", "--format", fmt, "--out", str(target), "--json")
        assert code == 1
        assert info["error"]["type"] == "ExportError"
        assert not target.exists()
    with pytest.raises(SystemExit) as info:  # there is no way to pass the passphrase itself on the command line
        main(["keys", "export", "acme", "--format", "pkcs8", "--out", str(target), "--passphrase", PASS])
    assert info.value.code == 1  # a usage error is bad input (exit 1)
    capsys.readouterr()
    target.write_text("keep me")
    code, out, _ = run(capsys, "keys", "export", "acme", "--format", "crt", "--out", str(target), "--json")
    assert code == 1
    assert "--force" in out["error"]["fix"]
    assert target.read_text() == "keep me"
    code, _, _ = run(capsys, "keys", "export", "acme", "--format", "crt", "--out", str(target), "--force")
    assert code == 0
    assert target.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")


def test_export_without_certificate_offers_pkcs8(
    backend: MemoryKeyring, capsys: pytest.CaptureFixture[str], tmp_path: Path, rsa_key: Any
) -> None:
    from sfjwt_gui.core.vault import Vault

    Vault().save("bare", rsa_key)
    code, out, _ = run(capsys, "keys", "export", "bare", "--format", "crt", "--out", str(tmp_path / "x.crt"), "--json")
    assert code == 1
    assert out["error"]["type"] == "CertificateError"
    assert "pkcs8" in out["error"]["fix"]


def test_keyring_problems_exit_3_with_the_fix(
    stored: str, capsys: pytest.CaptureFixture[str], backend: MemoryKeyring
) -> None:
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    code, out, err = run(capsys, "keys", "show", "acme", "--json")
    assert code == 3
    assert out["error"]["type"] == "KeyringUnavailableError"
    assert "sfjwt: error:" in err
    assert "Traceback" not in err
    code, listed, _ = run(capsys, "keys", "list", "--json")  # the list still works: it needs no keyring
    assert code == 0
    assert [k["name"] for k in listed["keys"]] == ["acme"]


def _subprocess(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sfjwt_gui.cli", *args], env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    ("backend_name", "message"),
    [
        ("keyring.backends.fail.Keyring", "no keyring was found on this computer"),
        ("keyring.backends.null.Keyring", "the keyring is switched off"),
        ("memory_backend.PlaintextKeyring", "plain-text file"),
    ],
)
def test_real_process_refuses_unusable_backends_chosen_by_env(
    tmp_path: Path, rsa_key: Any, backend_name: str, message: str
) -> None:
    pem = tmp_path / "k.pem"
    pem.write_bytes(
        rsa_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": backend_name,
        "PYTHONPATH": os.pathsep.join([str(Path(__file__).parents[1] / "support"), os.environ.get("PYTHONPATH", "")]),
        "SFJWT_DATA_DIR": str(tmp_path / "data"),
    }
    result = _subprocess("keys", "import", str(pem), "--name", "k", "--json", env=env)
    assert result.returncode == 3
    error = json.loads(result.stdout)["error"]
    assert error["type"] == "KeyringUnavailableError"
    assert message in error["message"]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "data" / "vault-index.json").exists()


def test_export_crt_to_standard_output_only(
    stored: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, rsa_cert: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "keys", "export", "acme", "--format", "crt", "--out", "-")
    assert code == 0, err
    assert x509.load_pem_x509_certificate(out.encode()) == rsa_cert
    for extra in (["--format", "pkcs8"], ["--format", "cer"], ["--format", "crt", "--json"]):
        code, out, err = run(capsys, "keys", "export", "acme", "--out", "-", *extra)
        assert code == 1
        assert "--out - (standard output) takes only the PEM certificate" in err
        assert "PRIVATE KEY" not in str(out)
    assert not (tmp_path / "-").exists()
