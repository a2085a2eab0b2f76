"""Key and certificate files made at test time by the real tools (openssl, ssh-keygen, keytool), once per session."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PASS = "s3cret-pass"


def run(cmd: Sequence[str], *, input_text: str | None = None) -> str:
    """Run a tool; fail the test with its stderr when it fails."""
    proc = subprocess.run(list(cmd), capture_output=True, text=True, input=input_text, timeout=120)
    if proc.returncode != 0:
        pytest.fail(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr}")
    return proc.stdout + proc.stderr


def need(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed")


def openssl_fingerprint(cert: Path, digest: str, *, der: bool = False) -> str:
    """``openssl x509 -fingerprint`` value (colon upper hex)."""
    out = run(["openssl", "x509", "-in", str(cert), *(["-inform", "DER"] if der else []), "-noout",
               "-fingerprint", f"-{digest}"])  # fmt: skip
    return out.strip().split("=", 1)[1]


def openssl_modulus(key: Path, *, passin: str | None = None, inform: str = "PEM") -> int:
    """The RSA modulus as openssl reads it from a key file."""
    args = ["openssl", "rsa", "-in", str(key), "-inform", inform, "-noout", "-modulus"]
    if passin is not None:
        args += ["-passin", f"pass:{passin}"]
    return int(run(args).strip().split("=", 1)[1], 16)


def keytool_list(store: Path, password: str, storetype: str | None = None) -> str:
    """``keytool -list -v`` output."""
    args = ["keytool", "-list", "-v", "-keystore", str(store), "-storepass", password]
    if storetype:
        args += ["-storetype", storetype]
    return run(args)


def keytool_fingerprints(listing: str) -> dict[str, str]:
    """SHA1 and SHA256 fingerprints from a ``keytool -list -v`` listing."""
    found = dict(re.findall(r"^\s*(SHA1|SHA256):\s*([0-9A-F:]+)\s*$", listing, flags=re.MULTILINE))
    return {"sha1": found["SHA1"], "sha256": found["SHA256"]}


@dataclass
class ToolFiles:
    """Files made by external tools, and facts about them as the tools report them."""

    dir: Path
    files: dict[str, Path] = field(default_factory=dict)
    modulus: int = 0
    sha1: str = ""
    sha256: str = ""

    def __getitem__(self, name: str) -> Path:
        return self.files[name]


@pytest.fixture(scope="session")
def openssl_files(tmp_path_factory: pytest.TempPathFactory) -> ToolFiles:
    """One RSA-2048 key and its certificate in every format openssl writes, plus non-RSA and small keys."""
    need("openssl")
    d = tmp_path_factory.mktemp("openssl")
    f = ToolFiles(d)

    def p(name: str) -> str:
        f.files[name] = d / name
        return str(d / name)

    pw = f"pass:{PASS}"
    run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", p("pkcs8.pem")])
    run(["openssl", "rsa", "-in", p("pkcs8.pem"), "-traditional", "-out", p("pkcs1.pem")])
    run(["openssl", "rsa", "-in", p("pkcs8.pem"), "-traditional", "-outform", "DER", "-out", p("pkcs1.der")])
    run(["openssl", "pkcs8", "-topk8", "-nocrypt", "-in", p("pkcs8.pem"), "-outform", "DER", "-out", p("pkcs8.der")])
    run(["openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", p("pkcs8.pem"), "-passout", pw,
         "-out", p("enc-pkcs8.pem")])  # fmt: skip
    run(["openssl", "pkcs8", "-topk8", "-v2", "aes-128-cbc", "-in", p("pkcs8.pem"), "-passout", pw,
         "-outform", "DER", "-out", p("enc-pkcs8.der")])  # fmt: skip
    run(["openssl", "rsa", "-in", p("pkcs8.pem"), "-traditional", "-aes256", "-passout", pw,
         "-out", p("traditional-aes.pem")])  # fmt: skip
    run(["openssl", "rsa", "-in", p("pkcs8.pem"), "-traditional", "-des3", "-passout", pw,
         "-out", p("traditional-des3.pem")])  # fmt: skip
    run(["openssl", "req", "-x509", "-key", p("pkcs8.pem"), "-subj", "/C=JP/O=Example KK/CN=openssl-made",
         "-days", "365", "-sha256", "-out", p("cert.pem")])  # fmt: skip
    run(["openssl", "x509", "-in", p("cert.pem"), "-outform", "DER", "-out", p("cert.der")])
    run(["openssl", "pkcs12", "-export", "-inkey", p("pkcs8.pem"), "-in", p("cert.pem"), "-name", "Modern",
         "-passout", pw, "-out", p("modern.p12")])  # fmt: skip
    run(["openssl", "pkcs12", "-export", "-legacy", "-inkey", p("pkcs8.pem"), "-in", p("cert.pem"),
         "-passout", pw, "-out", p("legacy.p12")])  # fmt: skip
    run(["openssl", "pkcs12", "-export", "-inkey", p("pkcs8.pem"), "-in", p("cert.pem"), "-passout", "pass:",
         "-out", p("nopass.p12")])  # fmt: skip
    (d / "combined.pem").write_text((d / "cert.pem").read_text() + (d / "pkcs1.pem").read_text())
    f.files["combined.pem"] = d / "combined.pem"
    # material that must be refused with a distinct error
    run(["openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", p("ec-sec1.pem")])
    run(["openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", p("ec-pkcs8.pem")])
    run(["openssl", "genpkey", "-algorithm", "ed25519", "-out", p("ed25519.pem")])
    run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-out", p("rsa1024.pem")])
    run(["openssl", "req", "-new", "-key", p("pkcs8.pem"), "-subj", "/CN=csr", "-out", p("request.csr")])
    run(["openssl", "pkey", "-in", p("pkcs8.pem"), "-pubout", "-out", p("public.pem")])

    f.modulus = openssl_modulus(d / "pkcs8.pem")
    f.sha1 = openssl_fingerprint(d / "cert.pem", "sha1")
    f.sha256 = openssl_fingerprint(d / "cert.pem", "sha256")
    return f


@pytest.fixture(scope="session")
def ssh_files(tmp_path_factory: pytest.TempPathFactory) -> ToolFiles:
    """OpenSSH RSA private keys from ssh-keygen: new format (plain and encrypted) and -m PEM."""
    need("ssh-keygen")
    need("openssl")
    d = tmp_path_factory.mktemp("ssh")
    f = ToolFiles(d)
    for name, extra in (("plain", ["-N", ""]), ("encrypted", ["-N", PASS]), ("pem", ["-N", "", "-m", "PEM"])):
        run(["ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-C", "test@example", "-f", str(d / name), *extra])
        f.files[name] = d / name
    return f


@pytest.fixture(scope="session")
def keytool_files(tmp_path_factory: pytest.TempPathFactory) -> ToolFiles:
    """A JKS keystore made by ``keytool -genkeypair -storetype JKS`` and a PKCS#12 one (keytool's default)."""
    need("keytool")
    d = tmp_path_factory.mktemp("keytool")
    f = ToolFiles(d)
    f.files["jks"] = d / "store.jks"
    run(["keytool", "-genkeypair", "-storetype", "JKS", "-keystore", str(d / "store.jks"), "-storepass", PASS,
         "-keypass", PASS, "-alias", "SalesforceCert", "-keyalg", "RSA", "-keysize", "2048", "-validity", "200",
         "-dname", "CN=keytool-made, O=Example"])  # fmt: skip
    run(["keytool", "-exportcert", "-rfc", "-keystore", str(d / "store.jks"), "-storepass", PASS,
         "-alias", "salesforcecert", "-file", str(d / "exported.crt")])  # fmt: skip
    f.files["exported.crt"] = d / "exported.crt"
    fingerprints = keytool_fingerprints(keytool_list(d / "store.jks", PASS))
    f.sha1, f.sha256 = fingerprints["sha1"], fingerprints["sha256"]
    f.files["p12"] = d / "store.p12"
    run(["keytool", "-importkeystore", "-srckeystore", str(d / "store.jks"), "-srcstorepass", PASS,
         "-destkeystore", str(d / "store.p12"), "-deststoretype", "PKCS12", "-deststorepass", PASS])  # fmt: skip
    return f
