"""The signing-key flags shared by ``sign``, ``lint`` and ``token``: ``--key NAME|REFERENCE`` / ``--key-file FILE``.

``--key`` takes a keyring name or a reference to a key that never leaves its token or KMS (``pkcs11:…``,
``awskms:…``); ``--pkcs11-module PATH`` and ``--pin-env VAR`` go with ``pkcs11:``. The PIN is never an option
value: it comes from the variable ``--pin-env`` names, or a prompt on a terminal.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from sfjwt_gui.commands.common import add_passphrase_flags, read_passphrase
from sfjwt_gui.core.errors import InputError, PassphraseRequiredError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

    from sfjwt_gui.core.signer import Signer


def add_token_flags(parser: argparse.ArgumentParser) -> None:
    """Add ``--pkcs11-module PATH`` and ``--pin-env VAR`` (for ``pkcs11:`` references)."""
    parser.add_argument(
        "--pkcs11-module", metavar="PATH", help="PKCS#11 module for pkcs11: keys (default: $SFJWT_PKCS11_MODULE)"
    )
    parser.add_argument(
        "--pin-env", metavar="VAR", help="read the token's user PIN from environment variable VAR (else a prompt)"
    )


def add_key_flags(parser: argparse.ArgumentParser) -> None:
    """Add ``--key NAME|REFERENCE``, ``--key-file FILE``, the passphrase flags and the token flags."""
    parser.add_argument(
        "--key",
        metavar="NAME|REF",
        help="signing key: a name in the OS keyring, or a key that stays in its token / KMS: "
        "'pkcs11:token=LABEL;object=KEY' or awskms:KEY_ID|alias/NAME|ARN",
    )
    parser.add_argument("--key-file", metavar="FILE", help="private key file (PEM, DER, PKCS#12, JKS, OpenSSH)")
    add_passphrase_flags(parser, "passphrase of --key-file")
    add_token_flags(parser)


def read_pin(args: argparse.Namespace, token: str) -> str | None:
    """The PIN from ``--pin-env VAR``, else a prompt on a terminal, else None (never from the command line)."""
    var = getattr(args, "pin_env", None)
    if var:
        import os

        from sfjwt_gui.core.key_texts import error

        value = os.environ.get(var)
        if value is None:
            raise error(InputError, "pin-env-unset", var=repr(var))
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        try:
            return getpass.getpass(f"User PIN for token {token}: ")
        except EOFError:
            return None
    return None


def open_reference(args: argparse.Namespace, reference: str, **options: Any) -> Signer:
    """``signers.open_signer`` with the PIN from ``--pin-env`` (asked first only when the token wants one)."""
    from sfjwt_gui.core.errors import PinRequiredError
    from sfjwt_gui.core.signers import open_signer

    module = getattr(args, "pkcs11_module", None)
    pin = read_pin(args, "") if getattr(args, "pin_env", None) else None
    try:
        return open_signer(reference, pin=pin, pkcs11_module=module, **options)
    except PinRequiredError as exc:
        asked = read_pin(args, exc.token) if pin is None else None
        if asked is None:
            raise
        return open_signer(reference, pin=asked, pkcs11_module=module, **options)


def load_signer(args: argparse.Namespace, *, required: bool) -> Signer | None:
    """The signer ``--key`` (keyring name or token/KMS reference) or ``--key-file`` names, or None."""
    from sfjwt_gui.core.key_refs import is_external_reference
    from sfjwt_gui.core.signer import Backend, LocalSigner

    if args.key and args.key_file:
        raise InputError("Both --key and --key-file were given.", fix="Use one of them.")
    if args.key and is_external_reference(args.key):
        return open_reference(args, args.key)
    key = load_private_key(args, required=required)
    if key is None:
        return None
    backend = Backend.KEYRING if args.key else Backend.FILE
    return LocalSigner(key, backend=backend, reference=args.key or args.key_file)


def load_private_key(args: argparse.Namespace, *, required: bool) -> RSAPrivateKey | None:
    """Return the in-process key named by ``--key NAME`` or ``--key-file`` (prompting for a passphrase on a TTY).

    A token or KMS reference has no private key here: use ``load_signer``.
    """
    if args.key and args.key_file:
        raise InputError("Both --key and --key-file were given.", fix="Use one of them.")
    if args.key:
        from sfjwt_gui.core.key_refs import KeyringRef, parse_reference

        ref = parse_reference(args.key)
        if not isinstance(ref, KeyringRef):
            from sfjwt_gui.core.key_texts import error

            raise error(InputError, "signer-no-key-object", reference=repr(args.key))
        return _load_from_keyring(ref.name)
    if not args.key_file:
        if required:
            raise InputError("No signing key given.", fix="Use --key NAME (OS keyring) or --key-file FILE.")
        return None
    from sfjwt_gui.core.key_loading import load_file

    passphrase = read_passphrase(args)
    try:
        material = load_file(args.key_file, passphrase)
    except PassphraseRequiredError:
        prompted = read_passphrase(args, prompt=f"Passphrase for {args.key_file}: ") if passphrase is None else None
        if prompted is None:
            raise
        material = load_file(args.key_file, prompted)
    if material.private_key is None:
        raise InputError(
            f"{args.key_file!r} holds no private key (it is a {material.source_format or 'certificate'}).",
            fix="Choose the private key file (the certificate is what you upload to Salesforce).",
        )
    return material.private_key


_STORE_PREFIX = "Cannot store private keys: "  # how the vault words a refused backend (it is written for saving)


def _load_from_keyring(name: str) -> RSAPrivateKey:
    """``Vault().load(name)``, with a refused or missing keyring explained as a failed LOAD of that key."""
    from sfjwt_gui.core.errors import KeyringUnavailableError
    from sfjwt_gui.core.vault import Vault

    try:
        return Vault().load(name)
    except KeyringUnavailableError as exc:
        reason = exc.message.removeprefix(_STORE_PREFIX).rstrip(".")
        if exc.message.startswith(f"Cannot load the private key {name!r}"):  # the vault names the load itself now
            message = exc.message
        elif exc.message.startswith(_STORE_PREFIX):
            message = f"Cannot load the private key {name!r} from the OS keyring: {reason}."
        else:
            message = f"Cannot load the private key {name!r}: {reason}."
        fix = f"{exc.fix} Or sign with a key file instead: --key-file FILE.".strip()
        raise KeyringUnavailableError(message, fix=fix) from exc
