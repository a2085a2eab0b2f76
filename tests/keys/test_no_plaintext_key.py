"""After ``sfjwt keygen`` and every export except the explicit unencrypted one, no file under HOME or the temp dir
holds the private key in the clear: not as PKCS#1/PKCS#8 DER, not as base64/PEM of them, not as raw numbers.

The commands run as subprocesses with HOME, TMPDIR and the XDG directories pointed into the test's own folders, so
anything they (or the libraries under them) write lands where the scan looks.
"""

from __future__ import annotations

import base64
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from sfjwt_gui.core.keys import load_file

PASSPHRASE = "scan-test-passphrase"

EXPORT_SCRIPT = """
import sys
from pathlib import Path
from sfjwt_gui.core.keys import (export_certificate, export_jks, export_pkcs12, export_private_key_pkcs8, load_file,
                                 load_material, inspect_material)
key_file, cert_file, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
pw = sys.argv[4]
material = load_file(key_file, pw.encode())
key, cert = material.private_key, load_file(cert_file).certificate
files = {
    "c.crt": export_certificate(cert, "crt"),
    "c.cer": export_certificate(cert, "cer"),
    "k.pem": export_private_key_pkcs8(key, pw.encode()),
    "k.p12": export_pkcs12(key, cert, pw.encode(), "scan"),
    "k.jks": export_jks(key, cert, pw, "scan"),
}
for name, data in files.items():
    (out / name).write_bytes(data)
    inspect_material(load_material(data, pw.encode()))
"""


def needles(key: rsa.RSAPrivateKey) -> dict[str, bytes]:
    """Byte strings any clear-text encoding of the key contains (at least one of them)."""
    pkcs1 = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.TraditionalOpenSSL,
                              serialization.NoEncryption())  # fmt: skip
    pkcs8 = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption())  # fmt: skip
    numbers = key.private_numbers()
    d = numbers.d.to_bytes((numbers.d.bit_length() + 7) // 8, "big")
    found = {
        "PKCS#1 DER": pkcs1,
        "PKCS#8 DER": pkcs8,
        "private exponent": d[:64],
        "prime p": f"{numbers.p:x}"[:64].encode(),
    }
    for shift in range(3):  # base64 of the private exponent at every alignment: catches PEM, base64 and base64url
        chunk = base64.b64encode(d[shift : shift + 96])[4:-4]
        found[f"base64 of d (+{shift})"] = chunk
        found[f"base64url of d (+{shift})"] = base64.urlsafe_b64encode(d[shift : shift + 96])[4:-4]
    found["PEM PKCS#8 body"] = base64.b64encode(pkcs8)[-200:-100]  # the tail: CRT values, never public
    found["decimal d"] = str(numbers.d)[:60].encode()
    return found


def scan(roots: list[Path], key: rsa.RSAPrivateKey) -> list[tuple[str, str]]:
    """Every (file, needle) where a file under the roots holds the key in the clear (line breaks ignored)."""
    hits: list[tuple[str, str]] = []
    wanted = needles(key)
    for root in roots:
        for path in root.rglob("*"):
            if not path.is_file() or path.is_symlink():
                continue
            raw = path.read_bytes()
            compact = re.sub(rb"\s|\\n|\\r", b"", raw)
            hits += [(str(path), name) for name, needle in wanted.items() if needle in raw or needle in compact]
    return hits


@pytest.fixture
def sandbox(tmp_path: Path) -> dict[str, Any]:
    """HOME and TMPDIR for the child processes, plus their environment."""
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    for d in (home, tmp, home / ".config", home / ".local" / "share", home / ".cache"):
        d.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "SFJWT_DATA_DIR"}
    env.update(HOME=str(home), TMPDIR=str(tmp), TMP=str(tmp), TEMP=str(tmp), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local" / "share"), XDG_CACHE_HOME=str(home / ".cache"),
               KEY_PW=PASSPHRASE)  # fmt: skip
    return {"home": home, "tmp": tmp, "env": env}


def run(args: list[str], sandbox: dict[str, Any]) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(args, capture_output=True, text=True, env=sandbox["env"], cwd=sandbox["home"], timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc


def sfjwt(sandbox: dict[str, Any], *args: str) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "sfjwt_gui.cli", *args], sandbox)


def test_keygen_and_exports_leave_no_clear_key(sandbox: dict[str, Any]) -> None:
    home: Path = sandbox["home"]
    sfjwt(sandbox, "keygen", "--no-store", "--key-out", str(home / "key.pem"), "--passphrase-env", "KEY_PW",
          "--cert-out", str(home / "cert.crt"))  # fmt: skip
    (home / "exports").mkdir()
    run([sys.executable, "-c", EXPORT_SCRIPT, str(home / "key.pem"), str(home / "cert.crt"), str(home / "exports"),
         PASSPHRASE], sandbox)  # fmt: skip
    for name in ("c.crt", "c.cer", "k.pem", "k.p12", "k.jks"):
        sfjwt(sandbox, "inspect", str(home / "exports" / name), "--passphrase-env", "KEY_PW", "--json")
    assert sorted(p.name for p in (home / "exports").iterdir()) == ["c.cer", "c.crt", "k.jks", "k.p12", "k.pem"]

    key = load_file(home / "key.pem", PASSPHRASE.encode()).private_key
    assert key is not None
    assert scan([home, sandbox["tmp"]], key) == []

    # The scan does find a clear key: the explicit --insecure-unencrypted export is caught, and only that file.
    sfjwt(sandbox, "keygen", "--no-store", "--key-out", str(home / "plain.pem"), "--insecure-unencrypted")
    plain = load_file(home / "plain.pem").private_key
    assert plain is not None
    hits = scan([home, sandbox["tmp"]], plain)
    assert {path for path, _ in hits} == {str(home / "plain.pem")}
    assert {"PEM PKCS#8 body", "base64 of d (+0)", "base64 of d (+1)", "base64 of d (+2)"} & {n for _, n in hits}
    assert scan([home, sandbox["tmp"]], key) == []


@pytest.mark.secret_service
def test_keygen_into_the_keyring_and_every_export_leave_no_clear_key(
    sandbox: dict[str, Any], secret_service_keyring: Any
) -> None:
    from sfjwt_gui.core.vault import Vault

    home: Path = sandbox["home"]
    name = f"scan-{uuid.uuid4().hex[:8]}"
    index_dir = home / ".local" / "share" / "sfjwt-gui"
    try:
        sfjwt(sandbox, "keygen", "--name", name, "--cert-out", str(home / "cert.crt"))
        for fmt in ("crt", "cer", "pkcs8", "p12", "jks"):
            sfjwt(sandbox, "keys", "export", name, "--format", fmt, "--out", str(home / f"export.{fmt}"),
                  "--passphrase-env", "KEY_PW")  # fmt: skip
        key = Vault(backend=secret_service_keyring, index_dir=index_dir).load(name)
        assert any(index_dir.iterdir()), "the vault index should live under the sandboxed HOME"
        assert scan([home, sandbox["tmp"]], key) == []
    finally:
        Vault(backend=secret_service_keyring, index_dir=index_dir).delete(name)
