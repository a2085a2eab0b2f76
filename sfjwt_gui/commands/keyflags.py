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
        from sfjwt_gui.core.vault import Vault

        return Vault().load(args.key)
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
