"""Key references a user can paste: where a signing key lives, as text.

- ``NAME`` or ``keyring:NAME``: the OS keyring (today's vault); ``keyring:`` names a key whose name looks like a
  reference.
- ``pkcs11:token=LABEL;object=KEY_LABEL``: a PKCS#11 token (RFC 7512 URI; also ``id=%01``, ``serial=``,
  ``slot-id=``); the module from ``?module-path=``, ``--pkcs11-module`` or ``SFJWT_PKCS11_MODULE``.
- ``awskms:KEY_ID``, ``awskms:alias/NAME``, ``awskms:arn:aws:kms:REGION:ACCOUNT:key/ID``: AWS KMS (credentials and
  region from the standard AWS chain; an ARN gives its region); ``awskms:new`` asks keygen for a new key.
- ``azurekv:https://VAULT.vault.azure.net/keys/NAME[/VERSION]``: Azure Key Vault (slot designed, not built).
- ``gcpkms:projects/P/locations/L/keyRings/R/cryptoKeys/K/cryptoKeyVersions/N``: Google Cloud KMS (slot designed,
  not built).

``parse_reference`` never touches a backend; it only reads the text (bounded: ``MAX_REFERENCE_LENGTH``) and raises
``KeyReferenceError`` naming what is wrong. A PIN inside a URI (``pin-value``) is refused: PINs never travel in
text that lands in shell history or profiles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote_to_bytes

from sfjwt_gui.core.errors import KeyReferenceError
from sfjwt_gui.core.key_texts import error
from sfjwt_gui.core.signer import Backend

MAX_REFERENCE_LENGTH = 2048
NEW_KMS_KEY = "new"

# RFC 7512 section 2.3: path attributes (';'-separated) and query attributes ('&'-separated) we know.
_PATH_ATTRIBUTES = frozenset(
    {
        "token",
        "manufacturer",
        "serial",
        "model",
        "library-manufacturer",
        "library-description",
        "library-version",
        "object",
        "type",
        "id",
        "slot-manufacturer",
        "slot-description",
        "slot-id",
    }
)
_QUERY_ATTRIBUTES = frozenset({"pin-source", "pin-value", "module-name", "module-path"})
_OBJECT_TYPES = frozenset({"private", "public", "cert", "secret-key", "data"})
_ARN = re.compile(r"^arn:aws[a-z-]*:kms:(?P<region>[a-z0-9-]+):(?P<account>\d{12}):(?P<kind>key|alias)/(?P<id>.+)$")
_KMS_ID = re.compile(r"^(?:[0-9a-fA-F-]{36}|mrk-[0-9a-fA-F]{32}|alias/[A-Za-z0-9/_-]{1,250})$")


@dataclass(frozen=True)
class KeyringRef:
    """A key in the OS keyring, by name."""

    name: str
    backend: Backend = Backend.KEYRING

    def text(self) -> str:
        """The reference as the user writes it."""
        prefixed = is_external_reference(self.name) or self.name.lower().startswith("keyring:")
        return f"keyring:{self.name}" if prefixed else self.name


@dataclass(frozen=True)
class Pkcs11Ref:
    """An RFC 7512 PKCS#11 URI, its attributes decoded (``id`` as bytes)."""

    uri: str
    token: str | None = None
    serial: str | None = None
    manufacturer: str | None = None
    model: str | None = None
    slot_id: int | None = None
    object: str | None = None
    id: bytes | None = None
    object_type: str | None = None
    module_path: str | None = None
    module_name: str | None = None
    backend: Backend = Backend.PKCS11

    def text(self) -> str:
        """The URI as given."""
        return self.uri

    def token_name(self) -> str:
        """How messages name the token."""
        return repr(self.token) if self.token else repr(self.uri)

    def with_object(self, label: str, key_id: bytes) -> Pkcs11Ref:
        """The same token, naming one object by label and id (what keygen prints for the new key)."""
        from urllib.parse import quote

        token_part = ";".join(
            f"{name}={quote(value, safe='')}"
            for name, value in (("token", self.token), ("serial", self.serial), ("manufacturer", self.manufacturer))
            if value
        )
        uri = f"pkcs11:{token_part};object={quote(label, safe='')};id=" + "".join(f"%{b:02x}" for b in key_id)
        return parse_pkcs11(uri)


@dataclass(frozen=True)
class AwsKmsRef:
    """An AWS KMS key: id, alias or ARN (``region`` from an ARN, else the AWS chain), or ``new`` for keygen."""

    key_id: str
    region: str | None = None
    backend: Backend = Backend.AWS_KMS

    def text(self) -> str:
        """The reference as the user writes it."""
        return f"awskms:{self.key_id}"

    @property
    def is_new(self) -> bool:
        """``awskms:new``: make a key (keygen only)."""
        return self.key_id == NEW_KMS_KEY


@dataclass(frozen=True)
class AzureKeyVaultRef:
    """Azure Key Vault key (designed slot: ``CryptographyClient.sign(RS256, digest)``; not built)."""

    url: str
    backend: Backend = Backend.AZURE_KEY_VAULT

    def text(self) -> str:
        """The reference as the user writes it."""
        return f"azurekv:{self.url}"


@dataclass(frozen=True)
class GcpKmsRef:
    """Google Cloud KMS key version (designed slot: ``asymmetric_sign`` with an RSA_SIGN_PKCS1_*_SHA256 key)."""

    name: str
    backend: Backend = Backend.GCP_KMS

    def text(self) -> str:
        """The reference as the user writes it."""
        return f"gcpkms:{self.name}"


KeyReference = KeyringRef | Pkcs11Ref | AwsKmsRef | AzureKeyVaultRef | GcpKmsRef
_SCHEMES = ("keyring:", "pkcs11:", "awskms:", "azurekv:", "gcpkms:")


def is_external_reference(text: str) -> bool:
    """True when ``text`` names a key outside the OS keyring (``pkcs11:``, ``awskms:``, ``azurekv:``, ``gcpkms:``)."""
    return isinstance(text, str) and text.strip().lower().startswith(_SCHEMES[1:])


def parse_reference(text: str) -> KeyReference:
    """Read a key reference (see the module's table); anything without a known scheme is a keyring name."""
    shown = repr(text[:40] + ("…" if len(text) > 40 else ""))
    if len(text) > MAX_REFERENCE_LENGTH:
        raise error(
            KeyReferenceError, "ref-too-long", shown=shown, length=str(len(text)), max=str(MAX_REFERENCE_LENGTH)
        )
    stripped = text.strip()
    scheme, _, rest = stripped.partition(":")
    scheme = scheme.lower()
    if scheme == "keyring" and rest:
        return KeyringRef(rest)
    if scheme == "pkcs11":
        return parse_pkcs11(stripped)
    if scheme == "awskms":
        return _parse_awskms(rest, shown)
    if scheme == "azurekv":
        return AzureKeyVaultRef(rest)
    if scheme == "gcpkms":
        return GcpKmsRef(rest)
    return KeyringRef(text)


def _syntax(shown: str, reason: str) -> KeyReferenceError:
    return error(KeyReferenceError, "ref-pkcs11-syntax", shown=shown, reason=reason)


def _too_long(shown: str, text: str) -> KeyReferenceError:
    return error(KeyReferenceError, "ref-too-long", shown=shown, length=str(len(text)), max=str(MAX_REFERENCE_LENGTH))


def _pct(value: str, shown: str, name: str) -> bytes:
    if re.search(r"%(?![0-9A-Fa-f]{2})", value):
        raise error(
            KeyReferenceError,
            "ref-pkcs11-syntax",
            shown=shown,
            reason=f"{name}= has a '%' not followed by two hex digits",
        )
    return unquote_to_bytes(value)


def _text_value(value: str, shown: str, name: str) -> str:
    try:
        return _pct(value, shown, name).decode("utf-8")
    except UnicodeDecodeError:
        raise error(KeyReferenceError, "ref-pkcs11-syntax", shown=shown, reason=f"{name}= is not UTF-8") from None


def parse_pkcs11(uri: str) -> Pkcs11Ref:
    """Read an RFC 7512 PKCS#11 URI; unknown standard attributes, repeats and ``pin-value`` are errors."""
    shown = repr(uri[:60] + ("…" if len(uri) > 60 else ""))
    if len(uri) > MAX_REFERENCE_LENGTH:
        raise _too_long(shown, uri)
    if not uri[:7].lower() == "pkcs11:":
        raise _syntax(shown, "it does not start with pkcs11:")
    path, _, query = uri[7:].partition("?")
    values: dict[str, str] = {}
    for part, separator, known in ((path, ";", _PATH_ATTRIBUTES), (query, "&", _QUERY_ATTRIBUTES)):
        for item in part.split(separator) if part else []:
            name, equals, value = item.partition("=")
            name = name.strip().lower()
            if not equals or not name:
                raise _syntax(shown, f"{item!r} is not NAME=VALUE")
            if name.startswith("x-"):
                continue  # vendor attributes (RFC 7512 2.3): not ours to read
            if name not in known:
                raise _syntax(shown, f"unknown attribute {name!r}")
            if name in values:
                raise _syntax(shown, f"{name}= appears twice")
            values[name] = value
    if "pin-value" in values:
        raise error(KeyReferenceError, "ref-pkcs11-pin-value", shown=repr("pkcs11:" + path + "?…"))
    decoded = {name: _text_value(value, shown, name) for name, value in values.items() if name != "id"}
    object_type = decoded.get("type")
    if object_type is not None and object_type not in _OBJECT_TYPES:
        raise error(
            KeyReferenceError,
            "ref-pkcs11-syntax",
            shown=shown,
            reason=f"type={object_type!r} is not a PKCS#11 object type",
        )
    slot_id: int | None = None
    if "slot-id" in decoded:
        if not decoded["slot-id"].isdigit():
            raise _syntax(shown, "slot-id= is not a number")
        slot_id = int(decoded["slot-id"])
    return Pkcs11Ref(
        uri=uri,
        token=decoded.get("token"),
        serial=decoded.get("serial"),
        manufacturer=decoded.get("manufacturer"),
        model=decoded.get("model"),
        slot_id=slot_id,
        object=decoded.get("object"),
        id=_pct(values["id"], shown, "id") if "id" in values else None,
        object_type=object_type,
        module_path=decoded.get("module-path"),
        module_name=decoded.get("module-name"),
    )


def _parse_awskms(rest: str, shown: str) -> AwsKmsRef:
    value = rest.strip()
    if not value:
        raise error(KeyReferenceError, "ref-awskms-syntax", shown=shown, reason="nothing after awskms:")
    if value.lower() == NEW_KMS_KEY:
        return AwsKmsRef(NEW_KMS_KEY)
    arn = _ARN.match(value)
    if arn:
        return AwsKmsRef(value, region=arn.group("region"))
    if value.startswith("arn:"):
        raise error(
            KeyReferenceError,
            "ref-awskms-syntax",
            shown=shown,
            reason="the ARN is not arn:aws:kms:REGION:ACCOUNT:key/ID",
        )
    if not _KMS_ID.match(value):
        raise error(
            KeyReferenceError, "ref-awskms-syntax", shown=shown, reason="not a key id (UUID), mrk-… id or alias/NAME"
        )
    return AwsKmsRef(value)
