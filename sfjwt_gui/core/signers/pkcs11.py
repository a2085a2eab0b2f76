"""PKCS#11 tokens (HSMs, smart cards, SoftHSM2) through python-pkcs11: open a key, sign inside, make a key inside.

The private key never leaves the token: it is generated with CKA_SENSITIVE=true and CKA_EXTRACTABLE=false, and
only ``C_Sign`` with ``CKM_SHA256_RSA_PKCS`` (RS256) is asked of it. The PIN is a parameter: when the token needs
one and none is given, ``PinRequiredError`` says so (the CLI prompts, the window asks) and the caller opens again.
python-pkcs11 is the optional extra ``sfjwt-gui[hsm]``; this module imports it only when a token is used.

Errors: no module given or a bad URI → ``KeyReferenceError`` (exit 1); wrong PIN → ``WrongPinError`` (1); no
matching token → ``TokenNotFoundError`` (3); no matching key → ``KeyNotFoundError`` (3); an unloadable module, a
locked PIN or a failing token → ``SignerBackendError`` (3).
"""

from __future__ import annotations

import os
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey, RSAPublicNumbers

from sfjwt_gui.core.errors import (
    KeyExistsError,
    KeyNotFoundError,
    KeyReferenceError,
    PinRequiredError,
    SfjwtError,
    SignerBackendError,
    TokenNotFoundError,
    UnsupportedKeyError,
    WrongPinError,
)
from sfjwt_gui.core.key_refs import Pkcs11Ref
from sfjwt_gui.core.key_texts import error
from sfjwt_gui.core.signer import Backend

if TYPE_CHECKING:
    pass

MODULE_ENV = "SFJWT_PKCS11_MODULE"
DEFAULT_OBJECT_LABEL = "sfjwt"
_LIBRARIES: dict[str, Any] = {}
_LIBRARIES_LOCK = threading.Lock()
_open_sessions = 0  # sessions of ours still open: while any is, the module is never re-initialised under them
T = TypeVar("T")


def _pkcs11() -> Any:
    try:
        import pkcs11
    except ImportError:
        raise error(
            SignerBackendError, "backend-library-missing", service="PKCS#11", package="python-pkcs11", extra="hsm"
        ) from None
    return pkcs11


def module_path(ref: Pkcs11Ref, module: str | None = None) -> str:
    """The PKCS#11 module to load: ``module`` (--pkcs11-module), the URI's module-path, else SFJWT_PKCS11_MODULE."""
    chosen = module or ref.module_path or os.environ.get(MODULE_ENV, "")
    if not chosen.strip():
        raise error(KeyReferenceError, "pkcs11-no-module", reference=repr(ref.uri))
    return chosen


def _library(path: str) -> Any:
    """One loaded module per path for the process (a PKCS#11 module may be initialised only once)."""
    lib = _pkcs11()
    with _LIBRARIES_LOCK:
        if path not in _LIBRARIES:
            if not os.path.isfile(path):
                raise error(SignerBackendError, "pkcs11-module-unloadable", path=repr(path), reason="no such file")
            try:
                _LIBRARIES[path] = lib.lib(path)
            except (RuntimeError, OSError) as exc:
                raise error(
                    SignerBackendError,
                    "pkcs11-module-unloadable",
                    path=repr(path),
                    reason=str(exc) or type(exc).__name__,
                ) from exc
        return _LIBRARIES[path]


def _matches(token: Any, ref: Pkcs11Ref) -> bool:
    if ref.manufacturer is not None and token.manufacturer_id.strip() != ref.manufacturer:
        return False
    if ref.model is not None and token.model.strip() != ref.model:
        return False
    return ref.slot_id is None or token.slot.slot_id == ref.slot_id


def _find_tokens(library: Any, ref: Pkcs11Ref) -> list[Any]:
    kwargs: dict[str, Any] = {}
    if ref.token is not None:
        kwargs["token_label"] = ref.token
    if ref.serial is not None:
        kwargs["token_serial"] = ref.serial.encode()
    return [token for token in library.get_tokens(**kwargs) if _matches(token, ref)]


def find_token(ref: Pkcs11Ref, module: str | None = None) -> Any:
    """The one token the URI names; a token plugged in (or made) after the module was loaded is found too."""
    library = _library(module_path(ref, module))
    with _translated(ref, "list its tokens"):
        tokens = _find_tokens(library, ref)
        if not tokens:
            with _LIBRARIES_LOCK:
                idle = _open_sessions == 0
            if idle:  # modules read their slot list at C_Initialize: look again once (never under open sessions)
                library.reinitialize()
                tokens = _find_tokens(library, ref)
        if not tokens:
            present = ", ".join(repr(t.label) for t in library.get_tokens() if t.label) or "none"
            raise error(TokenNotFoundError, "pkcs11-no-token", reference=repr(ref.uri), tokens=present)
    if len(tokens) > 1:
        names = ", ".join(repr(t.label) for t in tokens)
        raise error(
            KeyReferenceError, "pkcs11-several-tokens", count=str(len(tokens)), reference=repr(ref.uri), tokens=names
        )
    return tokens[0]


@contextmanager
def _translated(ref: Pkcs11Ref, action: str) -> Iterator[None]:
    """python-pkcs11's exceptions as ours (PIN errors by class, everything else: the token failed)."""
    lib = _pkcs11()
    exc_mod = lib.exceptions
    token = ref.token_name()
    try:
        yield
    except SfjwtError:
        raise
    except (exc_mod.PinIncorrect, exc_mod.PinInvalid, exc_mod.PinLenRange) as exc:
        raise error(WrongPinError, "pin-wrong", token=token) from exc
    except exc_mod.PinLocked as exc:
        raise error(SignerBackendError, "pin-locked", token=token) from exc
    except exc_mod.UserNotLoggedIn as exc:
        raise error(PinRequiredError, "pin-required", token=token, reference=ref.uri) from exc
    except exc_mod.PKCS11Error as exc:
        reason = str(exc) or type(exc).__name__
        raise error(SignerBackendError, "pkcs11-failed", token=token, action=action, reason=reason) from exc


@dataclass
class Pkcs11Signer:
    """An RSA private key inside a PKCS#11 token, with a logged-in session kept open for signing."""

    ref: Pkcs11Ref
    session: Any
    key: Any
    _public: RSAPublicKey
    certificate: x509.Certificate | None = None
    backend: Backend = Backend.PKCS11
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _closed: bool = field(default=False, repr=False)

    @property
    def reference(self) -> str:
        """The URI naming this key."""
        return self.ref.uri

    def public_key(self) -> RSAPublicKey:
        """The RSA public key (read from the token)."""
        return self._public

    def sign(self, data: bytes) -> bytes:
        """``C_Sign`` with CKM_SHA256_RSA_PKCS: RS256 computed inside the token."""
        mechanism = _pkcs11().Mechanism.SHA256_RSA_PKCS
        with self._lock, _translated(self.ref, "sign"):
            signature: bytes = self.key.sign(data, mechanism=mechanism)
        return signature

    def store_certificate(self, certificate: x509.Certificate) -> None:
        """Keep ``certificate`` in the token as a CKO_CERTIFICATE object with the key's label and id."""
        lib = _pkcs11()
        attr = lib.Attribute
        der = certificate.public_bytes(serialization.Encoding.DER)
        with self._lock, _translated(self.ref, "store the certificate"):
            self.session.create_object(
                {
                    attr.CLASS: lib.ObjectClass.CERTIFICATE,
                    attr.CERTIFICATE_TYPE: lib.CertificateType.X_509,
                    attr.TOKEN: True,
                    attr.PRIVATE: False,
                    attr.LABEL: self.key.label,
                    attr.ID: self.key.id,
                    attr.SUBJECT: certificate.subject.public_bytes(),
                    attr.VALUE: der,
                }
            )
        self.certificate = certificate

    def close(self) -> None:
        """Log out and close the session (the key stays in the token); closing twice is harmless."""
        with self._lock, _translated(self.ref, "close the session"):
            if not self._closed:
                self._closed = True
                _close_session(self.session)

    def __enter__(self) -> Pkcs11Signer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _counted(session: Any) -> Any:
    global _open_sessions
    with _LIBRARIES_LOCK:
        _open_sessions += 1
    return session


def _close_session(session: Any) -> None:
    """Close (and log out) one of our sessions."""
    global _open_sessions
    with _LIBRARIES_LOCK:
        _open_sessions -= 1
    session.close()


def _open_session(token: Any, ref: Pkcs11Ref, pin: str | None, *, rw: bool = False) -> Any:
    lib = _pkcs11()
    login_required = bool(token.flags & lib.TokenFlag.LOGIN_REQUIRED)
    if token.flags & lib.TokenFlag.USER_PIN_LOCKED:
        raise error(SignerBackendError, "pin-locked", token=repr(token.label))
    if login_required and pin is None:
        raise error(PinRequiredError, "pin-required", token=repr(token.label), reference=ref.uri)
    with _translated(ref, "open a session"):
        try:
            return _counted(token.open(rw=rw, user_pin=pin if login_required else None))
        except lib.exceptions.UserAlreadyLoggedIn:
            # login is per process and token: another signer of ours is logged in, so this session is too
            return _counted(token.open(rw=rw))


def _private_keys(session: Any, ref: Pkcs11Ref) -> list[Any]:
    lib = _pkcs11()
    attrs: dict[Any, Any] = {lib.Attribute.CLASS: lib.ObjectClass.PRIVATE_KEY}
    if ref.object is not None:
        attrs[lib.Attribute.LABEL] = ref.object
    if ref.id is not None:
        attrs[lib.Attribute.ID] = ref.id
    return list(session.get_objects(attrs))


def _public_of(key: Any) -> RSAPublicKey:
    attr = _pkcs11().Attribute
    modulus = int.from_bytes(key[attr.MODULUS], "big")
    exponent = int.from_bytes(key[attr.PUBLIC_EXPONENT], "big")
    return RSAPublicNumbers(exponent, modulus).public_key()


def _certificate_of(session: Any, key: Any) -> x509.Certificate | None:
    lib = _pkcs11()
    attrs = {lib.Attribute.CLASS: lib.ObjectClass.CERTIFICATE, lib.Attribute.ID: key.id}
    for found in session.get_objects(attrs):
        try:
            return x509.load_der_x509_certificate(found[lib.Attribute.VALUE])
        except ValueError:
            continue  # an unreadable certificate object is as good as none
    return None


def _guarded(session: Any, step: Callable[[], T]) -> T:
    """Run ``step``; close the session if it fails (no logged-in session left behind)."""
    try:
        return step()
    except BaseException:
        _close_session(session)
        raise


def open_pkcs11(ref: Pkcs11Ref, *, pin: str | None = None, module: str | None = None) -> Pkcs11Signer:
    """Open the RSA private key the URI names (and the certificate object with its id, if any)."""
    if ref.object is None and ref.id is None:
        raise error(KeyReferenceError, "ref-pkcs11-no-key", shown=repr(ref.uri))
    token = find_token(ref, module)
    session = _open_session(token, ref, pin)

    def locate() -> Pkcs11Signer:
        lib = _pkcs11()
        name = repr(token.label)
        with _translated(ref, "find the key"):
            keys = _private_keys(session, ref)
            if not keys:
                raise error(
                    KeyNotFoundError, "pkcs11-no-object", token=name, label=token.label, reference=repr(ref.uri)
                )
            if len(keys) > 1:
                raise error(
                    KeyReferenceError,
                    "pkcs11-several-objects",
                    token=name,
                    count=str(len(keys)),
                    reference=repr(ref.uri),
                )
            key = keys[0]
            if key.key_type != lib.KeyType.RSA:
                raise error(UnsupportedKeyError, "signer-not-rsa", reference=repr(ref.uri), kind=str(key.key_type.name))
            return Pkcs11Signer(ref, session, key, _public_of(key), _certificate_of(session, key))

    return _guarded(session, locate)


def generate_pkcs11(
    ref: Pkcs11Ref, *, pin: str | None = None, module: str | None = None, bits: int = 2048
) -> Pkcs11Signer:
    """Make a new RSA key pair inside the token (label ``object=``, default ``sfjwt``; a fresh random id).

    The private key is CKA_TOKEN, CKA_PRIVATE, CKA_SENSITIVE, not CKA_EXTRACTABLE, CKA_SIGN only. A label already
    used by a private key is ``KeyExistsError``. Returns the signer of the new key, its ``ref`` naming it by
    label and id.
    """
    label = ref.object or DEFAULT_OBJECT_LABEL
    token = find_token(ref, module)
    session = _open_session(token, ref, pin, rw=True)

    def make() -> Pkcs11Signer:
        lib = _pkcs11()
        attr = lib.Attribute
        with _translated(ref, "make a key"):
            if _private_keys(session, Pkcs11Ref(uri=ref.uri, object=label)):
                raise error(KeyExistsError, "pkcs11-object-exists", token=repr(token.label), object=repr(label))
            key_id = secrets.token_bytes(8)
            public, private = session.generate_keypair(
                lib.KeyType.RSA,
                bits,
                id=key_id,
                label=label,
                store=True,
                public_template={attr.VERIFY: True, attr.ENCRYPT: False, attr.WRAP: False},
                private_template={
                    attr.PRIVATE: True,
                    attr.SENSITIVE: True,
                    attr.EXTRACTABLE: False,
                    attr.SIGN: True,
                    attr.DECRYPT: False,
                    attr.UNWRAP: False,
                },
            )
        named = ref.with_object(label, key_id) if ref.token or ref.serial else ref
        return Pkcs11Signer(named, session, private, _public_of(public))

    return _guarded(session, make)
