"""``sfjwt sign --as curl|python|apex|sf``: the same snippets as the window's "Copy as", filled with the values.

The Python and ``sf`` snippets read an unencrypted PEM key file. ``--key-file`` is named when it is one; otherwise
``--export-key-for-sf FILE`` writes one with ``core.key_file`` after the user confirmed (a y/N question on a
terminal, or ``--insecure-unencrypted`` in scripts; without either it exits 1 and writes nothing).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from sfjwt_gui.commands.common import emit_json

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

    from sfjwt_gui.core.signer import Signer, SigningKey

KINDS = ("curl", "python", "apex", "sf")


def add_snippet_flags(parser: argparse.ArgumentParser) -> None:
    """Add ``--as`` and the values only snippets need."""
    parser.add_argument("--as", dest="snippet", choices=KINDS, help="print ready-to-run code instead of the token")
    parser.add_argument("--endpoint", metavar="URL", help="token URL the code posts to (default: from --preset/aud)")
    parser.add_argument("--ca-file", metavar="FILE", help="CA certificate the code trusts (e.g. the practice org's)")
    parser.add_argument("--cert-name", default="My_Cert", help="apex: the certificate's unique name in Salesforce")
    parser.add_argument(
        "--export-key-for-sf",
        metavar="FILE",
        help="python/sf: write the key to FILE unencrypted (mode 0600) for the code to read; asks first",
    )
    parser.add_argument(
        "--insecure-unencrypted",
        action="store_true",
        help="confirm --export-key-for-sf without asking (the file holds the key without a passphrase)",
    )
    parser.add_argument("--snippet-lang", choices=("en", "ja"), default="en", help="language of the code's notes")


def _confirmed(args: argparse.Namespace, name: str) -> bool:
    from sfjwt_gui.core.key_file import confirmation_text

    if args.insecure_unencrypted:
        return True
    if not sys.stdin.isatty():
        return False
    sys.stderr.write(confirmation_text(name, args.export_key_for_sf, args.snippet_lang) + " [y/N] ")
    sys.stderr.flush()
    return sys.stdin.readline().strip().lower() in ("y", "yes")


def _key_file(args: argparse.Namespace, key: RSAPrivateKey) -> str | None:
    """The key file the code may name: the exported one, or ``--key-file`` when it is an unencrypted PEM."""
    from sfjwt_gui.core.key_file import is_unencrypted_pem_key, write_key_for_command

    if args.export_key_for_sf:
        name = args.key or args.key_file or "the signing key"
        written = write_key_for_command(key, args.export_key_for_sf, name=name, confirmed=_confirmed(args, name))
        print(f"Wrote the key unencrypted to {written} (mode 0600); delete it when you are done.", file=sys.stderr)
        return str(written)
    if args.key_file and is_unencrypted_pem_key(args.key_file):
        from pathlib import Path

        return str(Path(args.key_file).resolve())
    return None


def _print_signer_snippet(
    args: argparse.Namespace, signer: Signer, token: str, token_url: str, aud: str, lifetime: int
) -> int:
    """``--as`` for a token or KMS key: Python signing with the same backend, the Apex note, curl as usual; the
    Salesforce CLI needs a key file, which such a key cannot give."""
    from sfjwt_gui.core.signer_certificates import refuse_key_export
    from sfjwt_gui.core.snippets import SnippetInput, render, render_for_signer

    if args.snippet not in ("python", "apex", "curl") or args.export_key_for_sf:
        raise refuse_key_export(signer.reference, signer.backend)
    values = SnippetInput(
        token_url=token_url,
        consumer_key=args.iss,
        username=args.sub,
        audience=aud,
        lifetime=lifetime,
        assertion=token,
        certificate_name=args.cert_name,
        ca_file=args.ca_file,
    )
    if args.snippet == "curl":
        text = render(args.snippet, values, args.snippet_lang)
    else:
        text = render_for_signer(values, signer.reference, pkcs11_module=getattr(args, "pkcs11_module", None))[
            args.snippet
        ]
    if args.json:
        emit_json({"as": args.snippet, "snippet": text, "token_url": token_url, "key_file": None})
    else:
        sys.stdout.write(text)
    return 0


def print_snippet(
    args: argparse.Namespace,
    *,
    key: SigningKey,
    token: str,
    token_url: str | None,
    aud: str,
    lifetime: int,
) -> int:
    """Print the ``--as`` snippet (or its ``--json`` object)."""
    from sfjwt_gui.core.errors import InputError
    from sfjwt_gui.core.snippets import SnippetInput, render

    if token_url is None:
        raise InputError(f"No token URL to put in the code for aud {aud!r}.", fix="Add --endpoint URL.")
    from sfjwt_gui.core.signer import as_signer, private_key_of

    private = private_key_of(key)
    if private is None:  # a key that stays in its token / KMS: code that signs there, or nothing that needs a file
        return _print_signer_snippet(args, as_signer(key), token, token_url, aud, lifetime)
    key_file = _key_file(args, private) if args.snippet in ("python", "sf") else None
    values = SnippetInput(
        token_url=token_url,
        consumer_key=args.iss,
        username=args.sub,
        audience=aud,
        lifetime=lifetime,
        assertion=token,
        key_file=key_file,
        certificate_name=args.cert_name,
        ca_file=args.ca_file,
    )
    text = render(args.snippet, values, args.snippet_lang)
    if args.json:
        emit_json({"as": args.snippet, "snippet": text, "token_url": token_url, "key_file": key_file})
    else:
        sys.stdout.write(text)
    return 0
