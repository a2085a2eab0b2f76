"""Import keys and certificates from whatever a user holds: a file, bytes, or text pasted from a CI secret.

Formats: PEM PKCS#1 / PKCS#8 / encrypted PKCS#8 / OpenSSL "traditional" encrypted PEM (``Proc-Type``/``DEK-Info``),
DER of those, PKCS#12 (modern and ``-legacy``), OpenSSH private keys (also encrypted), JKS keystores, and X.509
certificates in PEM, DER and PKCS#7. Mangled PEM is repaired first (``pem_repair``) and every repair is reported.
"""

from __future__ import annotations

import base64
import binascii
import re
import struct
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes, PublicKeyTypes

from sfjwt_gui.core import der, policy
from sfjwt_gui.core.errors import (
    CertificateError,
    InputError,
    KeyFormatError,
    KeystoreAliasError,
    KeyTooSmallError,
    PassphraseRequiredError,
    TruncatedKeyError,
    UnsupportedKeyError,
    WrongPassphraseError,
)
from sfjwt_gui.core.fingerprints import key_matches_certificate
from sfjwt_gui.core.key_generation import MIN_RSA_BITS
from sfjwt_gui.core.key_texts import error
from sfjwt_gui.core.material import LoadedMaterial
from sfjwt_gui.core.pem_repair import Repairs, looks_like_pem, repair_pem

__all__ = [
    "LoadedMaterial",
    "check_rsa_key",
    "load_certificate",
    "load_file",
    "load_material",
    "load_public_key",
]

MAX_INPUT_BYTES = 10 * 1024 * 1024
_PEM_BLOCK = re.compile(r"-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \1-----", re.DOTALL)
_PEM_BEGIN = re.compile(r"-----BEGIN ([A-Z0-9 ]+)-----")
_BASE64_ONLY = re.compile(r"[A-Za-z0-9+/=_\-\s]+")
_CERT_LABELS = {"CERTIFICATE", "X509 CERTIFICATE"}
_PKCS7_LABELS = {"PKCS7", "CMS"}
_PUBLIC_LABELS = {"PUBLIC KEY", "RSA PUBLIC KEY"}
_CSR_LABELS = {"CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"}
_OTHER_KEY_LABELS = {"EC PRIVATE KEY": "EC", "DSA PRIVATE KEY": "DSA"}
_OID_PKCS7_DATA = "1.2.840.113549.1.7.1"
_OID_PKCS7_SIGNED = "1.2.840.113549.1.7.2"
_OID_TAG = 0x06
_OPENSSH_MAGIC = b"openssh-key-v1\x00"


def load_file(path: str | Path, passphrase: bytes | None = None, *, alias: str | None = None) -> LoadedMaterial:
    """Load key and/or certificate from a file (any supported format)."""
    from sfjwt_gui.core.user_files import read_bounded

    file = Path(path)
    data = read_bounded(file, limit=MAX_INPUT_BYTES)
    return load_material(data, passphrase, alias=alias, source_name=file.name)


def load_material(
    data: bytes | str,
    passphrase: bytes | None = None,
    *,
    alias: str | None = None,
    source_name: str = "(pasted text)",
) -> LoadedMaterial:
    """Load key and/or certificate from bytes or pasted text, detecting the format and repairing mangled PEM.

    ``alias`` picks one private-key entry of a JKS keystore that holds several.
    """
    loader = _Loader(passphrase or None, alias, source_name)
    return loader.load(data)


def load_certificate(data: bytes | str, *, source_name: str = "(certificate)") -> x509.Certificate:
    """Load one X.509 certificate (PEM, possibly mangled and repaired, or DER)."""
    raw = data.encode("utf-8", "replace") if isinstance(data, str) else data
    if raw[:1] == b"\x30":
        try:
            der.read_tlv(raw)
            return x509.load_der_x509_certificate(raw)
        except der.DerError as exc:
            raise _truncated_or_format(exc, source_name, "DER certificate", binary=True) from exc
        except ValueError as exc:
            raise error(CertificateError, "load-der-not-certificate", source=source_name) from exc
    text = data if isinstance(data, str) else raw.decode("utf-8", "replace")
    repaired = repair_pem(text) if looks_like_pem(text) else None
    blocks = _pem_blocks(repaired.text if repaired else "")
    for label, block in blocks:
        if label in _CERT_LABELS:
            return _load_pem_certificate(block, source_name)
    found = ", ".join(label for label, _ in blocks) or "no PEM block"
    raise error(CertificateError, "load-no-certificate", source=source_name, labels=found)


def load_public_key(data: bytes | str, *, source_name: str = "(public key)") -> rsa.RSAPublicKey:
    """The RSA public key from a certificate, a public key (SPKI / PKCS#1, PEM or DER) or a private key."""
    raw = data.encode("utf-8", "replace") if isinstance(data, str) else data
    public: PublicKeyTypes | None = None
    try:
        public = load_certificate(data, source_name=source_name).public_key()
    except InputError:
        text = raw.decode("utf-8", "replace")
        repaired = repair_pem(text) if looks_like_pem(text) else None
        for label, block in _pem_blocks(repaired.text if repaired else ""):
            if label in _PUBLIC_LABELS:
                public = serialization.load_pem_public_key(block.encode())
                break
        if public is None and raw[:1] == b"\x30":
            try:
                public = serialization.load_der_public_key(raw)
            except ValueError:
                public = None
        if public is None:
            key = load_material(data, source_name=source_name).private_key
            if key is None:
                raise error(KeyFormatError, "load-no-public-key", source=source_name) from None
            public = key.public_key()
    if not isinstance(public, rsa.RSAPublicKey):
        raise error(UnsupportedKeyError, "load-public-not-rsa", source=source_name, **_key_type(public))
    return public


def check_rsa_key(key: PrivateKeyTypes, source: str, fmt: str = "") -> rsa.RSAPrivateKey:
    """Return the key if it is RSA of at least 2048 bits, else raise the matching error (``fmt``: the format it was
    read as, shown after the source)."""
    located = {"located": "format", "fmt": fmt} if fmt else {"located": "plain"}
    if not isinstance(key, rsa.RSAPrivateKey):
        raise error(UnsupportedKeyError, "load-not-rsa", source=source, **located, **_key_type(key))
    if policy.key_size_too_small(key.key_size):
        raise error(
            KeyTooSmallError,
            "load-too-small",
            source=source,
            **located,
            bits=str(key.key_size),
            min_bits=str(MIN_RSA_BITS),
        )
    return key


def _key_type(key: PrivateKeyTypes | PublicKeyTypes) -> dict[str, str]:
    """Params of the ``described`` phrase ("an EC key (secp256r1)") for a key that is not RSA."""
    if isinstance(key, ec.EllipticCurvePrivateKey | ec.EllipticCurvePublicKey):
        return {"described": "ec", "curve": key.curve.name}
    if isinstance(key, ed25519.Ed25519PrivateKey | ed25519.Ed25519PublicKey):
        return {"described": "ed25519"}
    if isinstance(key, ed448.Ed448PrivateKey | ed448.Ed448PublicKey):
        return {"described": "ed448"}
    if isinstance(key, dsa.DSAPrivateKey | dsa.DSAPublicKey):
        return {"described": "dsa"}
    return {"described": "other", "type_name": type(key).__name__.lstrip("_")}


def _pem_blocks(text: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(0)) for m in _PEM_BLOCK.finditer(text)]


def _truncated_or_format(exc: der.DerError, source: str, what: str, *, binary: bool = False) -> KeyFormatError:
    if exc.truncated:
        code = "load-truncated-binary" if binary else "load-truncated-text"
        return error(TruncatedKeyError, code, what=what, source=source, detail=str(exc))
    return error(KeyFormatError, "load-malformed", what=what, source=source, detail=str(exc))


def _load_pem_certificate(block: str, source: str) -> x509.Certificate:
    _check_pem_body(block, source, "PEM certificate")
    try:
        return x509.load_pem_x509_certificate(block.encode())
    except ValueError as exc:
        raise error(CertificateError, "load-certificate-unparsable", source=source) from exc


def _check_pem_body(block: str, source: str, what: str) -> bytes:
    """Decode a PEM block's base64 and check the DER is complete (a cut-off secret is a common failure)."""
    lines = [line for line in block.strip().splitlines()[1:-1] if ":" not in line]
    body = "".join("".join(lines).split())
    try:
        raw = base64.b64decode(body, validate=True)
    except binascii.Error as exc:
        if len(body) % 4:
            raise error(
                TruncatedKeyError, "load-base64-length", what=what, source=source, length=str(len(body))
            ) from exc
        raise error(KeyFormatError, "load-not-base64", what=what, source=source) from exc
    try:
        der.read_tlv(raw)
    except der.DerError as exc:
        raise _truncated_or_format(exc, source, what) from exc
    return raw


class _Loader:
    def __init__(self, passphrase: bytes | None, alias: str | None, source: str) -> None:
        self.passphrase = passphrase
        self.alias = alias
        self.source = source
        self.repairs = Repairs()
        self.formats: list[str] = []
        self.keys: list[rsa.RSAPrivateKey] = []
        self.certs: list[x509.Certificate] = []

    # --- entry ---------------------------------------------------------------------------------------------------

    def load(self, data: bytes | str) -> LoadedMaterial:
        if isinstance(data, bytes):
            self._load_bytes(data)
        else:
            self._load_text(data)
        return self._result()

    def _load_bytes(self, raw: bytes) -> None:
        from sfjwt_gui.core import jks

        if not raw.strip():
            raise error(KeyFormatError, "load-empty-file", source=self.source)
        if jks.is_jks(raw):
            self._load_jks(raw)
        elif jks.is_jceks(raw):
            raise error(KeyFormatError, "load-jceks", source=self.source)
        elif raw[:1] == b"\x30":
            self._load_der(raw)
        elif raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
            # Windows PowerShell's `>` and Out-File write UTF-16 with a byte-order mark
            self.repairs.add("utf16")
            self._load_text(raw.decode("utf-16"))
        else:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise error(KeyFormatError, "load-binary-unknown", source=self.source) from exc
            self._load_text(text)

    def _load_text(self, text: str) -> None:
        if not text.strip():
            raise error(KeyFormatError, "load-empty-text", source=self.source)
        if looks_like_pem(text):
            repaired = repair_pem(text)
            self.repairs += repaired.notes
            self._load_pem(repaired.text)
            return
        stripped = text.strip().strip("\"'`").strip()
        if stripped.startswith("PuTTY-User-Key-File"):
            raise error(KeyFormatError, "load-putty", source=self.source)
        if stripped.startswith(("ssh-rsa ", "ssh-ed25519 ", "ecdsa-sha2-")):
            raise error(KeyFormatError, "load-ssh-public", source=self.source)
        if len(stripped) >= 64 and _BASE64_ONLY.fullmatch(stripped):
            compact = "".join(stripped.split())
            try:
                if "-" in compact or "_" in compact:
                    raw = base64.urlsafe_b64decode(compact + "=" * (-len(compact) % 4))
                else:
                    raw = base64.b64decode(compact + "=" * (-len(compact) % 4), validate=True)
            except binascii.Error:
                raw = b""
            if raw[:1] == b"\x30" or raw[:4] == b"\xfe\xed\xfe\xed":
                self.repairs.add("unarmoured-base64")
                self._load_bytes(raw)
                return
        raise error(KeyFormatError, "load-not-key-text", source=self.source)

    # --- PEM -----------------------------------------------------------------------------------------------------

    def _load_pem(self, text: str) -> None:
        blocks = _pem_blocks(text)
        begun = _PEM_BEGIN.findall(text)
        if len(begun) > len(blocks):
            complete = [label for label, _ in blocks]
            missing = next((label for label in begun if label not in complete), begun[-1])
            raise error(TruncatedKeyError, "load-missing-end", missing=missing, source=self.source)
        ignored: list[str] = []
        for label, block in blocks:
            if label in _CERT_LABELS:
                self.certs.append(_load_pem_certificate(block, self.source))
                self._format("PEM certificate")
            elif label in _PKCS7_LABELS:
                self._load_pkcs7(block)
            elif label == "RSA PRIVATE KEY" and "Proc-Type: 4,ENCRYPTED" in block:
                self._load_pem_pkcs1(block)
            elif label in ("RSA PRIVATE KEY", "PRIVATE KEY"):
                self._load_pem_unencrypted(label, block)
            elif label == "ENCRYPTED PRIVATE KEY":
                _check_pem_body(block, self.source, "encrypted PKCS#8 private key")
                self._add_key(self._decrypt(block.encode(), pem=True, encrypted=True), "PEM encrypted PKCS#8")
            elif label == "OPENSSH PRIVATE KEY":
                self._load_openssh(block)
            elif label in _OTHER_KEY_LABELS:
                raise error(
                    UnsupportedKeyError,
                    "load-other-key-type",
                    source=self.source,
                    other_key=_OTHER_KEY_LABELS[label],
                    label=label,
                )
            else:
                ignored.append(label)
        if not self.keys and not self.certs:
            self._explain_nothing_found(ignored)

    def _explain_nothing_found(self, labels: list[str]) -> None:
        if any(label in _PUBLIC_LABELS for label in labels):
            raise error(KeyFormatError, "load-public-only", source=self.source)
        if any(label in _CSR_LABELS for label in labels):
            raise error(KeyFormatError, "load-csr", source=self.source)
        raise error(KeyFormatError, "load-nothing-found", source=self.source, labels=", ".join(labels) or "none")

    def _load_pem_pkcs1(self, block: str) -> None:
        match = re.search(r"DEK-Info:\s*([A-Za-z0-9-]+)", block)
        cipher = match.group(1) if match else "unknown cipher"
        key = self._decrypt(block.encode(), pem=True, encrypted=True)
        self._add_key(key, f"PEM PKCS#1 traditional encrypted ({cipher})")

    def _load_pem_unencrypted(self, label: str, block: str) -> None:
        """``RSA PRIVATE KEY`` (PKCS#1) or ``PRIVATE KEY`` (PKCS#8); a body under the other label is read as what
        it is (hand-edited BEGIN/END lines are common), and reported as a repair."""
        labelled = "PKCS#1" if label == "RSA PRIVATE KEY" else "PKCS#8"
        raw = _check_pem_body(block, self.source, f"{labelled} private key")
        kinds = {"pkcs1": "PKCS#1", "pkcs8": "PKCS#8", "encrypted_pkcs8": "encrypted PKCS#8"}
        try:
            kind = _der_kind(der.read_children(der.read_tlv(raw).content))
        except der.DerError:
            kind = ""
        actual = kinds.get(kind, labelled)
        if actual == labelled:
            self._add_key(self._decrypt(block.encode(), pem=True, encrypted=False), f"PEM {labelled}")
            return
        self.repairs.add("mislabelled", label=label, actual=kind)
        encrypted = actual == "encrypted PKCS#8"
        self._add_key(self._decrypt(raw, pem=False, encrypted=encrypted), f"PEM {actual} (mislabelled {label})")

    def _load_pkcs7(self, block: str) -> None:
        from cryptography.hazmat.primitives.serialization import pkcs7

        try:
            certs = pkcs7.load_pem_pkcs7_certificates(block.encode())
        except ValueError as exc:
            raise error(CertificateError, "load-pkcs7-unreadable", source=self.source) from exc
        self.certs += certs
        self._format("PKCS#7 certificates")

    def _load_openssh(self, block: str) -> None:
        lines = block.strip().splitlines()[1:-1]
        try:
            blob = base64.b64decode("".join(lines), validate=True)
        except binascii.Error as exc:
            raise error(TruncatedKeyError, "load-openssh-bad-base64", source=self.source) from exc
        if not blob.startswith(_OPENSSH_MAGIC) or len(blob) < len(_OPENSSH_MAGIC) + 4:
            raise error(KeyFormatError, "load-openssh-not-v1", source=self.source)
        (name_len,) = struct.unpack(">I", blob[len(_OPENSSH_MAGIC) : len(_OPENSSH_MAGIC) + 4])
        cipher = blob[len(_OPENSSH_MAGIC) + 4 : len(_OPENSSH_MAGIC) + 4 + name_len].decode("ascii", "replace")
        encrypted = cipher != "none"
        if encrypted and self.passphrase is None:
            raise self._passphrase_required("OpenSSH private key")
        try:
            key = serialization.load_ssh_private_key(block.encode(), self.passphrase if encrypted else None)
        except UnsupportedAlgorithm as exc:
            raise error(
                KeyFormatError, "load-openssh-cipher", source=self.source, cipher=cipher, detail=str(exc)
            ) from exc
        except ValueError as exc:
            if encrypted:
                raise self._wrong_passphrase("OpenSSH private key") from exc
            raise error(KeyFormatError, "load-openssh-damaged", source=self.source, detail=str(exc)) from exc
        self._add_key(key, "OpenSSH (encrypted)" if encrypted else "OpenSSH")

    # --- DER, PKCS#12, JKS ---------------------------------------------------------------------------------------

    def _load_der(self, raw: bytes) -> None:
        try:
            outer = der.read_tlv(raw)
            children = der.read_children(outer.content)
        except der.DerError as exc:
            raise _truncated_or_format(exc, self.source, "DER data", binary=True) from exc
        kind = _der_kind(children)
        if kind == "pkcs12":
            self._load_pkcs12(raw)
        elif kind == "certificate":
            try:
                self.certs.append(x509.load_der_x509_certificate(raw[: outer.end]))
            except ValueError as exc:
                raise error(CertificateError, "load-der-certificate-unparsable", source=self.source) from exc
            self._format("DER certificate")
        elif kind == "encrypted_pkcs8":
            self._add_key(self._decrypt(raw[: outer.end], pem=False, encrypted=True), "DER encrypted PKCS#8")
        elif kind == "public_key":
            raise error(KeyFormatError, "load-der-public-key", source=self.source)
        elif kind == "csr":
            raise error(KeyFormatError, "load-csr", source=self.source)
        elif kind == "pkcs7":
            from cryptography.hazmat.primitives.serialization import pkcs7

            try:
                self.certs += pkcs7.load_der_pkcs7_certificates(raw[: outer.end])
            except ValueError as exc:
                raise error(CertificateError, "load-pkcs7-unreadable", source=self.source) from exc
            self._format("DER PKCS#7 certificates")
        elif kind == "unknown":
            raise error(KeyFormatError, "load-der-unknown", source=self.source)
        else:
            label = "DER PKCS#8" if kind == "pkcs8" else "DER PKCS#1"
            self._add_key(self._decrypt(raw[: outer.end], pem=False, encrypted=False), label)

    def _load_pkcs12(self, raw: bytes) -> None:
        from cryptography.hazmat.primitives.serialization import pkcs12

        attempts: list[bytes | None] = [None, b""] if self.passphrase is None else [self.passphrase, None]
        loaded = None
        for password in attempts:
            try:
                loaded = pkcs12.load_key_and_certificates(raw, password)
                break
            except ValueError:
                continue
            except UnsupportedAlgorithm as exc:
                raise error(KeyFormatError, "load-pkcs12-algorithm", source=self.source, detail=str(exc)) from exc
        if loaded is None:
            if self.passphrase is None:
                raise self._passphrase_required("PKCS#12 file")
            raise self._wrong_passphrase("PKCS#12 file")
        key, cert, extra = loaded
        if key is not None:
            self._add_key(key, "PKCS#12")
        if cert is not None:
            self.certs.append(cert)
        self.certs += extra
        self._format("PKCS#12")

    def _load_jks(self, raw: bytes) -> None:
        from sfjwt_gui.core import jks

        password = None if self.passphrase is None else self.passphrase.decode("utf-8", "replace")
        store = jks.read_jks(raw, password, source=self.source)
        entries = store.private_keys
        aliases = sorted((e.alias for e in store.private_keys), key=str.casefold)
        if self.alias is not None:
            entries = [e for e in entries if e.alias.lower() == self.alias.lower()]
            if not entries:
                names = ", ".join(e.alias for e in store.private_keys) or "none"
                missing = error(
                    KeystoreAliasError,
                    "load-jks-alias-missing",
                    source=self.source,
                    alias=repr(self.alias),
                    aliases=names,
                )
                missing.aliases, missing.requested = aliases, self.alias
                raise missing
        if len(entries) > 1:
            names = ", ".join(e.alias for e in entries)
            several = error(
                KeystoreAliasError, "load-jks-several-keys", source=self.source, count=str(len(entries)), names=names
            )
            several.aliases = aliases
            raise several
        for entry in entries:
            self._add_key(entry.private_key, "JKS")
            self.certs += entry.certificate_chain
        self.certs += [t.certificate for t in store.trusted_certificates]
        self._format("JKS")

    # --- helpers -------------------------------------------------------------------------------------------------

    def _decrypt(self, data: bytes, *, pem: bool, encrypted: bool) -> PrivateKeyTypes:
        load = serialization.load_pem_private_key if pem else serialization.load_der_private_key
        what = ("PEM" if pem else "DER") + " private key"
        if encrypted and self.passphrase is None:
            raise self._passphrase_required(what)
        try:
            return load(data, self.passphrase if encrypted else None)
        except TypeError as exc:
            raise self._passphrase_required(what) from exc
        except UnsupportedAlgorithm as exc:
            raise error(KeyFormatError, "load-key-algorithm", what=what, source=self.source, detail=str(exc)) from exc
        except ValueError as exc:
            if encrypted:
                raise self._wrong_passphrase(what) from exc
            raise error(KeyFormatError, "load-key-unparsable", what=what, source=self.source, detail=str(exc)) from exc

    def _passphrase_required(self, what: str) -> PassphraseRequiredError:
        return error(PassphraseRequiredError, "load-passphrase-required", what=what, source=self.source)

    def _wrong_passphrase(self, what: str) -> WrongPassphraseError:
        return error(WrongPassphraseError, "load-wrong-passphrase", what=what, source=self.source)

    def _add_key(self, key: PrivateKeyTypes, fmt: str) -> None:
        rsa_key = check_rsa_key(key, self.source, fmt)
        if self.keys:
            raise error(KeyFormatError, "load-several-keys", source=self.source)
        self.keys.append(rsa_key)
        self._format(fmt)

    def _format(self, fmt: str) -> None:
        if fmt not in self.formats:
            self.formats.append(fmt)

    def _result(self) -> LoadedMaterial:
        key = self.keys[0] if self.keys else None
        certificate = None
        if self.certs:
            matching = [c for c in self.certs if key is not None and key_matches_certificate(key, c)]
            certificate = matching[0] if matching else self.certs[0]
        extra = [c for c in self.certs if c is not certificate]
        return LoadedMaterial(
            key, certificate, extra, " + ".join(self.formats), self.repairs.english(), self.source, list(self.repairs)
        )


def _der_kind(children: list[der.Tlv]) -> str:
    """Tell PKCS#12, certificate, encrypted PKCS#8, PKCS#8, PKCS#1 and SPKI apart by their top-level shape."""
    tags = [c.tag for c in children]
    if len(children) >= 2 and tags[0] == der.INTEGER and children[0].content == b"\x03" and tags[1] == der.SEQUENCE:
        try:
            content_type = der.decode_oid(der.read_children(children[1].content)[0].content)
        except (der.DerError, IndexError):
            content_type = ""
        if content_type in (_OID_PKCS7_DATA, _OID_PKCS7_SIGNED):
            return "pkcs12"
    if tags[:3] == [der.SEQUENCE, der.SEQUENCE, 0x03] and len(children) == 3:
        try:  # a CSR has the same outer shape; its CertificationRequestInfo has 4 fields, a TBSCertificate 6 or more
            signed = der.read_children(children[0].content)
        except der.DerError:
            signed = []
        return "csr" if len(signed) == 4 else "certificate"
    if tags[:2] == [der.SEQUENCE, der.OCTET_STRING] and len(children) == 2:
        return "encrypted_pkcs8"
    if tags[:2] == [der.SEQUENCE, 0x03] and len(children) == 2:
        return "public_key"
    if tags[:2] == [der.INTEGER, der.SEQUENCE]:
        return "pkcs8"
    if len(children) == 2 and tags[0] == _OID_TAG:
        try:
            if der.decode_oid(children[0].content) == _OID_PKCS7_SIGNED:
                return "pkcs7"
        except der.DerError:
            pass
    if len(children) >= 9 and all(tag == der.INTEGER for tag in tags[:9]):
        return "pkcs1"
    return "unknown"
