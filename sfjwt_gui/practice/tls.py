"""HTTPS for the practice server: a throw-away local CA and a server certificate for 127.0.0.1 / localhost.

Both are generated with ``cryptography`` at start (ECDSA P-256: instant to generate) and live only in a private
temporary directory that is deleted when the server stops. Clients trust the server with the CA file. The CA key
never leaves memory; the server key file (``ssl`` loads keys from files only) is encrypted PKCS#8 with a random
password held in memory, so even a killed server leaves no usable private key on disk.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import secrets
import shutil
import ssl
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


@dataclass
class LocalTls:
    """A local CA and a server certificate on disk; ``close()`` removes them."""

    directory: Path
    ca_file: Path
    cert_file: Path
    key_file: Path
    key_password: bytes = field(default=b"", repr=False)

    def server_context(self) -> ssl.SSLContext:
        """A server-side TLS context with the generated certificate."""
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.load_cert_chain(self.cert_file, self.key_file, password=self.key_password or None)
        return context

    def close(self) -> None:
        """Delete the CA, certificate and key files."""
        shutil.rmtree(self.directory, ignore_errors=True)


FOLDER_PREFIX = "sfjwt-practice-tls-"
OWNER_FILE = "owner.pid"  # the process that made the folder: once it is gone, so should the folder be


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or we cannot tell: keep the folder
    return True


def sweep_stale_folders(root: Path | None = None) -> list[Path]:
    """Remove the TLS folders of practice servers that were killed (their process is gone); returns them.

    Only our own folders: a real directory (not a link) named with our prefix, owned by this user, whose
    ``owner.pid`` names a process that no longer exists.
    """
    root = Path(tempfile.gettempdir()) if root is None else root
    removed: list[Path] = []
    for folder in root.glob(FOLDER_PREFIX + "*"):
        try:
            info = folder.lstat()
            if not stat.S_ISDIR(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
                continue
            pid = int((folder / OWNER_FILE).read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            continue  # not ours to judge (no owner file yet: a server starting right now)
        if pid != os.getpid() and not _alive(pid):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _name(cn: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "sfjwt-gui practice org"),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def create_local_tls(hosts: tuple[str, ...] = ("127.0.0.1", "localhost")) -> LocalTls:
    """Generate a CA and a server certificate for ``hosts`` into a new private temporary directory."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name("sfjwt practice local CA")
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=7))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    server_key = ec.generate_private_key(ec.SECP256R1())
    names: list[x509.GeneralName] = []
    for host in hosts:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            names.append(x509.DNSName(host))
    server_cert = (
        x509.CertificateBuilder()
        .subject_name(_name(hosts[0]))
        .issuer_name(ca_name)
        .public_key(server_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=7))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    sweep_stale_folders()
    directory = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))
    (directory / OWNER_FILE).write_text(str(os.getpid()), encoding="ascii")
    ca_file = directory / "practice-ca.pem"
    cert_file = directory / "server.pem"
    key_file = directory / "server.key"
    ca_file.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    cert_file.write_bytes(server_cert.public_bytes(serialization.Encoding.PEM))
    # private keys never reach unencrypted files, not even this throw-away one: encrypted, owner-only
    password = secrets.token_hex(32).encode()
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(
            server_key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.BestAvailableEncryption(password),
            )
        )
    return LocalTls(directory=directory, ca_file=ca_file, cert_file=cert_file, key_file=key_file, key_password=password)
