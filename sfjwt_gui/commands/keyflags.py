"""The private-key flags shared by ``sign``, ``lint`` and ``token``: ``--key NAME`` / ``--key-file FILE``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from sfjwt_gui.commands.common import add_passphrase_flags, read_passphrase
from sfjwt_gui.core.errors import InputError, PassphraseRequiredError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey


def add_key_flags(parser: argparse.ArgumentParser) -> None:
    """Add ``--key NAME``, ``--key-file FILE`` and the passphrase flags of ``--key-file``."""
    parser.add_argument("--key", metavar="NAME", help="private key stored in the OS keyring under NAME")
    parser.add_argument("--key-file", metavar="FILE", help="private key file (PEM, DER, PKCS#12, JKS, OpenSSH)")
    add_passphrase_flags(parser, "passphrase of --key-file")


def load_private_key(args: argparse.Namespace, *, required: bool) -> RSAPrivateKey | None:
    """Return the key named by ``--key`` or ``--key-file`` (prompting for a passphrase on a TTY), or None."""
    if args.key and args.key_file:
        raise InputError("Both --key and --key-file were given.", fix="Use one of them.")
    if args.key:
        return _load_from_keyring(args.key)
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
