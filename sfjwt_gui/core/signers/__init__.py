"""Open a signer from a key reference (``core/key_refs.py``): the one door the CLI and the window use.

``open_signer(reference, pin=…, pkcs11_module=…)`` returns a ``Signer`` for a keyring name, a ``pkcs11:`` URI or an
``awskms:`` key. Nothing here prompts: a token that needs a PIN raises ``PinRequiredError`` (its ``reference`` and
``token`` say what to ask for) and the caller opens again with ``pin=``. ``generate_signer`` makes a key inside a
token or KMS (``sfjwt keygen --in``). Azure Key Vault and Google Cloud KMS have their reference forms and their slot
here, and raise ``KeyReferenceError`` "not supported yet": no local emulator that signs exists to test them.

Window points (the Key page's "Use a key in a hardware token or cloud KMS"): validate the pasted text with
``key_refs.parse_reference`` as it is typed; call ``open_signer`` in the worker; on ``PinRequiredError`` ask for the
PIN and call again; show ``inspection.inspect_signer(signer)`` (the same fingerprints, expiry and match as other
keys); keep ``signer.reference`` in the profile (never the PIN); ``key_export.export_signer_certificate`` for export.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cryptography import x509

from sfjwt_gui.core.errors import KeyReferenceError
from sfjwt_gui.core.key_refs import (
    AwsKmsRef,
    AzureKeyVaultRef,
    GcpKmsRef,
    KeyReference,
    KeyringRef,
    Pkcs11Ref,
    parse_reference,
)
from sfjwt_gui.core.key_texts import error
from sfjwt_gui.core.signer import Backend, LocalSigner, Signer, with_certificate

if TYPE_CHECKING:
    from sfjwt_gui.core.vault import Vault

_NOT_BUILT = {Backend.AZURE_KEY_VAULT: "Azure Key Vault", Backend.GCP_KMS: "Google Cloud KMS"}


def _not_built(ref: AzureKeyVaultRef | GcpKmsRef) -> KeyReferenceError:
    return error(KeyReferenceError, "ref-not-built", service=_NOT_BUILT[ref.backend], scheme=str(ref.backend))


def open_signer(
    reference: str | KeyReference,
    *,
    pin: str | None = None,
    pkcs11_module: str | None = None,
    certificate: x509.Certificate | None = None,
    kms_endpoint_url: str | None = None,
    vault: Vault | None = None,
) -> Signer:
    """The signer ``reference`` names. ``certificate`` attaches one where the backend keeps none (KMS) or
    replaces the stored one; ``vault`` is the OS keyring vault to use (default ``Vault()``)."""
    ref = parse_reference(reference) if isinstance(reference, str) else reference
    if isinstance(ref, KeyringRef):
        from sfjwt_gui.core.vault import Vault

        store = vault or Vault()
        key = store.load(ref.name)
        held = certificate or store.load_certificate(ref.name)
        return LocalSigner(key, held, Backend.KEYRING, ref.text())
    if isinstance(ref, Pkcs11Ref):
        from sfjwt_gui.core.signers.pkcs11 import open_pkcs11

        signer = open_pkcs11(ref, pin=pin, module=pkcs11_module)
        return signer if certificate is None else with_certificate(signer, certificate)
    if isinstance(ref, AwsKmsRef):
        from sfjwt_gui.core.signers.awskms import open_awskms

        return open_awskms(ref, endpoint_url=kms_endpoint_url, certificate=certificate)  # KMS keeps none itself
    raise _not_built(ref)


def generate_signer(
    reference: str | KeyReference,
    *,
    bits: int = 2048,
    pin: str | None = None,
    pkcs11_module: str | None = None,
    kms_endpoint_url: str | None = None,
) -> Signer:
    """Make a new RSA key inside the token (``pkcs11:…;object=LABEL``) or KMS (``awskms:new``); its signer."""
    ref = parse_reference(reference) if isinstance(reference, str) else reference
    if isinstance(ref, Pkcs11Ref):
        from sfjwt_gui.core.signers.pkcs11 import generate_pkcs11

        return generate_pkcs11(ref, pin=pin, module=pkcs11_module, bits=bits)
    if isinstance(ref, AwsKmsRef) and ref.is_new:
        from sfjwt_gui.core.signers.awskms import create_awskms

        return create_awskms(ref, bits=bits, endpoint_url=kms_endpoint_url)
    if isinstance(ref, AzureKeyVaultRef | GcpKmsRef):
        raise _not_built(ref)
    raise error(KeyReferenceError, "keygen-in-reference", shown=repr(ref.text()))


def close_signer(signer: Signer) -> None:
    """Release what a signer holds (a token session); a no-op for in-process keys."""
    close = getattr(signer, "close", None)
    if callable(close):
        close()
