"""The one error hierarchy of sfjwt-gui.

Every error carries a ``message`` that names the bad value and a ``fix`` that says what to do, both English, and a
``code`` with ``params`` naming its text in ``resources/`` (``key_texts.error`` builds it, ``key_texts.describe_error``
renders it in en or ja). Details a caller branches on are typed attributes, never parsed out of the message.
Front ends map the branches to exit codes (see ``exit_code``)::

    SfjwtError
    ├── InputError                    bad input from the user; exit 1
    │   ├── KeyFormatError            not a key/certificate format we can read
    │   │   ├── TruncatedKeyError     the file or text ends early
    │   │   └── KeystoreAliasError    a keystore with several keys and no (or an unknown) alias; carries ``aliases``
    │   ├── PassphraseRequiredError   encrypted material, no passphrase given
    │   ├── WrongPassphraseError      the passphrase does not open it
    │   ├── UnsupportedKeyError       not RSA (EC, Ed25519, DSA …)
    │   ├── KeyTooSmallError          RSA under 2048 bits
    │   ├── CertificateError          certificate missing or unusable
    │   ├── TokenFormatError          a JWT that cannot be decoded (names the part)
    │   ├── ClaimsError               claims that cannot be built or signed
    │   ├── ConnectionSettingsError   endpoint / aud / preset that makes no sense
    │   ├── ExportError               an export that cannot be written as asked (a token/KMS key: by design)
    │   ├── DuplicateKeyError         the key is already stored under another name (``existing``)
    │   ├── OrgModelError             a practice-org file that does not describe an org
    │   ├── SfCliError                the Salesforce CLI is missing or could not give what was asked
    │   ├── ProfileError              a connection profile that is missing or unreadable
    │   ├── KeyReferenceError         a pkcs11: / awskms: key reference that cannot be read or used
    │   ├── PinRequiredError          a token needs its PIN and none was given (ask, then open again)
    │   └── WrongPinError             the token refused the PIN
    ├── VaultError                    where keys are kept: OS keyring, PKCS#11 token, cloud KMS; exit 3
    │   ├── KeyringUnavailableError   no usable backend (keyring.errors.NoKeyringError)
    │   ├── KeyringLockedError        locked keyring or dismissed unlock prompt
    │   ├── KeyringAccessError        the backend failed a read, write or delete
    │   ├── VaultCorruptError         missing chunk, bad checksum, broken manifest
    │   ├── KeyNotFoundError          no key of that name
    │   ├── KeyExistsError            the name is taken
    │   ├── TokenNotFoundError        no PKCS#11 token matches the reference
    │   └── SignerBackendError        the token or KMS failed or refused (module, credentials, network, locked PIN)
    ├── ExchangeError                 the token exchange could not complete; exit 3
    │   ├── NetworkError              DNS, refused, timeout, proxy
    │   │   ├── TlsVerifyError        the server's certificate is not trusted
    │   │   └── OrgUnreachableError   the org inspector got no API answer (network, 5xx, maintenance)
    │   └── CancelledError            the user cancelled
    └── InstallError                  this installation is incomplete (a module or the resources missing); exit 3
"""

from __future__ import annotations


class SfjwtError(Exception):
    """Base of every error sfjwt-gui raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, fix: str = "", code: str = "", params: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix
        # optional: ``code``/``params`` name the text in resources/ so front ends can show it in another language
        self.code = code
        self.params = dict(params or {})

    def __str__(self) -> str:
        return f"{self.message} {self.fix}".strip() if self.fix else self.message


class InputError(SfjwtError):
    """The user's input (a file, a value, a flag) is wrong."""


class KeyFormatError(InputError):
    """Bytes or text that are not a key or certificate format we can read."""


class TruncatedKeyError(KeyFormatError):
    """A key or certificate that ends before its structure does."""


class KeystoreAliasError(KeyFormatError):
    """A keystore (JKS) holding several private keys, opened without an alias or with one it does not hold.

    ``aliases`` lists its private-key aliases (sorted, case-insensitively) for the caller to offer as a choice;
    ``requested`` is the alias asked for, or None.
    """

    def __init__(
        self,
        message: str,
        *,
        fix: str = "",
        code: str = "",
        params: dict[str, str] | None = None,
        aliases: list[str] | None = None,
        requested: str | None = None,
    ) -> None:
        super().__init__(message, fix=fix, code=code, params=params)
        self.aliases: list[str] = list(aliases or [])
        self.requested = requested


class PassphraseRequiredError(InputError):
    """Encrypted key material and no passphrase was given."""


class WrongPassphraseError(InputError):
    """The passphrase does not decrypt the key material."""


class UnsupportedKeyError(InputError):
    """A key that is not RSA (Salesforce's JWT flow takes RS256 only)."""


class KeyTooSmallError(InputError):
    """An RSA key under 2048 bits."""


class CertificateError(InputError):
    """A certificate that is missing, unreadable or unusable for the task."""


class TokenFormatError(InputError):
    """A JWT that cannot be decoded; ``part`` names header, payload, signature or token.

    ``code`` and ``params`` name the text in ``resources/lint/codec.json`` so front ends can show it in another
    language (``key_texts.describe_error(exc, lang)``); ``message``/``fix`` stay English.
    """

    def __init__(
        self,
        message: str,
        *,
        part: str = "token",
        fix: str = "",
        code: str = "",
        params: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message, fix=fix)
        self.part = part
        self.code = code
        self.params = dict(params or {})


class ClaimsError(InputError):
    """Claims that cannot be built or signed."""


class ConnectionSettingsError(InputError):
    """An endpoint, audience or preset that makes no sense."""


class ExportError(InputError):
    """An export that cannot be written as asked."""


class DuplicateKeyError(InputError):
    """Saving a key whose public key is already stored; ``existing`` names that entry (callers branch on it)."""

    def __init__(
        self, message: str, *, existing: str = "", fix: str = "", code: str = "", params: dict[str, str] | None = None
    ) -> None:
        super().__init__(message, fix=fix, code=code, params=params)
        self.existing = existing


class OrgModelError(InputError):
    """A practice-org description that is not valid."""


class SfCliError(InputError):
    """The Salesforce CLI (``sf``) is not installed, or it could not give the org or token asked for."""


class ProfileError(InputError):
    """A connection profile that does not exist or cannot be read or written."""


class KeyReferenceError(InputError):
    """A key reference (``pkcs11:…``, ``awskms:…``) that cannot be read, or names a backend not built."""


class PinRequiredError(InputError):
    """A PKCS#11 token needs its user PIN and none was given; ``reference`` and ``token`` say for what.

    The window catches it, asks for the PIN, and opens the reference again with ``pin=``.
    """

    def __init__(
        self,
        message: str,
        *,
        fix: str = "",
        code: str = "",
        params: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message, fix=fix, code=code, params=params)
        self.reference = self.params.get("reference", "")
        self.token = self.params.get("token", "")


class WrongPinError(InputError):
    """The token refused the PIN."""


class VaultError(SfjwtError):
    """The place keys are kept (OS keyring, PKCS#11 token, cloud KMS) could not do what was asked."""

    exit_code = 3


class KeyringUnavailableError(VaultError):
    """No usable keyring backend on this system."""


class KeyringLockedError(VaultError):
    """The keyring is locked, or the unlock prompt was dismissed."""


class KeyringAccessError(VaultError):
    """The keyring backend refused or failed a read, write or delete (D-Bus error, size limit …)."""


class VaultCorruptError(VaultError):
    """A stored key is incomplete or fails its checksum."""


class KeyNotFoundError(VaultError):
    """No key of that name in the vault."""


class KeyExistsError(VaultError):
    """A key of that name already exists."""


class TokenNotFoundError(VaultError):
    """No PKCS#11 token matches the reference (not plugged in, wrong label, wrong module)."""


class SignerBackendError(VaultError):
    """A PKCS#11 module or a cloud KMS failed or refused (not a wrong PIN): unloadable module, locked PIN,
    missing credentials, access denied, network."""


class ExchangeError(SfjwtError):
    """The token exchange could not complete (no answer from Salesforce to explain)."""

    exit_code = 3


class NetworkError(ExchangeError):
    """DNS failure, refused connection, timeout or proxy failure."""


class TlsVerifyError(NetworkError):
    """TLS verification of the server failed."""


class OrgUnreachableError(NetworkError):
    """The org did not answer the inspector (network, TLS, 5xx, maintenance page); ``detail`` says how."""

    @property
    def detail(self) -> str:
        """How it failed ("maintenance", "HTTP 502", the network detail)."""
        return self.params.get("detail", "")


class CancelledError(ExchangeError):
    """The user cancelled the operation."""


class InstallError(SfjwtError):
    """The installed app is incomplete: a registered module or the resources folder is missing or broken."""

    exit_code = 3


def exit_code(error: BaseException) -> int:
    """Map an error to the CLI's stable exit code (1 input, 3 keyring/network)."""
    return error.exit_code if isinstance(error, SfjwtError) else 1
