"""``sfjwt keygen`` (new RSA key + self-signed certificate) and ``sfjwt inspect`` (what is in a key/cert file).

Start-up matters here (benchmarked against ``openssl req``): only ``cryptography`` and our key modules are imported,
and the keyring only with ``--name``.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sfjwt_gui.commands.common import (
    add_json_flag,
    add_passphrase_flags,
    check_target,
    emit_json,
    print_inspection,
    read_key_input,
    read_passphrase,
)
from sfjwt_gui.commands.keygen_inside import add_inside_flags, run_keygen_inside
from sfjwt_gui.core import policy
from sfjwt_gui.core.errors import InputError, SfjwtError
from sfjwt_gui.core.user_files import NewFile, write_files

if TYPE_CHECKING:
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

    from sfjwt_gui.core.inspection import Inspection
    from sfjwt_gui.core.vault import Vault

KEYGEN_HELP = """\
Generate an RSA key and a self-signed certificate for the JWT Bearer Flow.
Keep the key in the OS keyring (--name) or write it to a file (--no-store --key-out), encrypted with a passphrase
from --passphrase-env/--passphrase-file (or a prompt); --insecure-unencrypted writes it in the clear.
Upload the certificate (--cert-out FILE, PEM .crt) to the Connected App / External Client App.
--json prints the `sfjwt inspect` object of the new key and certificate plus name, stored_in_keyring, key_out,
key_encrypted, cert_out and certificate_pem.
Exit codes: 0 ok, 1 bad input, 3 keyring problem.
--in makes the key inside a hardware token or AWS KMS instead, where it stays: --in 'pkcs11:token=T;object=K'
(--pkcs11-module PATH or $SFJWT_PKCS11_MODULE; PIN from --pin-env VAR or a prompt) or --in awskms:new (AWS
credentials and region from the standard chain). The token or KMS signs the certificate (kept in the token as a
certificate object; always written with --cert-out) and, with --csr-out FILE, a certificate signing request.
Examples:
  sfjwt keygen --name acme-prod --cert-out acme-prod.crt
  sfjwt keygen --no-store --key-out ci.key --passphrase-env KEY_PW --cert-out ci.crt --bits 3072
  sfjwt keygen --in 'pkcs11:token=my-hsm;object=acme' --pin-env PIN --cert-out acme.crt"""

INSPECT_HELP = """\
Show what a key or certificate file holds: kind, key size, subject, validity, SHA-1/SHA-256 fingerprints and whether
key and certificate belong together. Reads PEM (also mangled CI secrets), DER, PKCS#12, JKS and OpenSSH keys;
FILE '-' reads standard input. A passphrase comes from --passphrase-env / --passphrase-file, or a prompt on a
terminal. --json prints {kind, source_format, key_type, key_bits, subject, issuer, serial, not_before, not_after,
days_left, sha1_fingerprint, sha256_fingerprint, public_key_sha256, key_matches_certificate, self_signed,
extra_certificates, repairs, warnings} (fingerprints as colon-separated upper-case hex, times ISO 8601 UTC).
Exit codes: 0 ok, 1 the file cannot be read (wrong passphrase, not RSA, under 2048 bits, truncated …)."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``keygen`` and ``inspect``."""
    keygen = subparsers.add_parser(
        "keygen",
        help="generate an RSA key and self-signed certificate",
        description=KEYGEN_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    # Checked in the handler, not by argparse, so a wrong combination exits 1 ("bad input") like every other error.
    keygen.add_argument("--name", help="save the key in the OS keyring under NAME")
    keygen.add_argument("--no-store", action="store_true", help="do not use the keyring; write --key-out instead")
    keygen.add_argument("--key-out", metavar="FILE", help="private key file (PKCS#8 PEM, mode 0600); with --no-store")
    add_passphrase_flags(keygen, "passphrase for the key file")
    keygen.add_argument(
        "--insecure-unencrypted",
        action="store_true",
        help="write the key file WITHOUT encryption (anyone who reads the file can log in as your integration user)",
    )
    sizes = ", ".join(str(bits) for bits in policy.ALLOWED_KEY_BITS)
    keygen.add_argument(
        "--bits",
        type=int,
        default=policy.DEFAULT_KEY_BITS,
        help=f"key size: {sizes} (default {policy.DEFAULT_KEY_BITS})",
    )
    keygen.add_argument("--cn", help="certificate common name (default: --name, or 'sfjwt')")
    keygen.add_argument("--org", metavar="O", help="certificate organisation (O)")
    keygen.add_argument("--org-unit", metavar="OU", help="certificate organisational unit (OU)")
    keygen.add_argument("--country", metavar="C", help="certificate two-letter country code (C)")
    keygen.add_argument(
        "--days",
        type=int,
        default=policy.DEFAULT_VALIDITY_DAYS,
        help=f"certificate validity in days (default {policy.DEFAULT_VALIDITY_DAYS})",
    )
    keygen.add_argument("--cert-out", metavar="FILE", help="write the certificate (PEM .crt) to FILE; '-' prints it")
    keygen.add_argument("--force", action="store_true", help="overwrite existing --key-out / --cert-out files")
    add_inside_flags(keygen)
    add_json_flag(keygen)
    keygen.set_defaults(handler=run_keygen)

    inspect = subparsers.add_parser(
        "inspect",
        help="show what a key or certificate file holds",
        description=INSPECT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    inspect.add_argument("file", metavar="FILE", help="key, certificate, .p12/.pfx or .jks file ('-' = stdin)")
    add_passphrase_flags(inspect)
    inspect.add_argument("--alias", help="which private key of a JKS keystore holding several")
    add_json_flag(inspect)
    inspect.set_defaults(handler=run_inspect)


# --- keygen ---------------------------------------------------------------------------------------------------------


def _key_passphrase(args: argparse.Namespace) -> bytes | None:
    given = bool(args.passphrase_env or args.passphrase_file)
    if args.insecure_unencrypted:
        if given:
            raise InputError(
                "--insecure-unencrypted and a passphrase option were both given.",
                fix="Choose one: a passphrase (recommended) or --insecure-unencrypted.",
            )
        return None
    passphrase = read_passphrase(args, prompt="Passphrase for the new key file: ", confirm=True)
    if not passphrase:
        raise InputError(
            f"No passphrase (or an empty one) for the key file {args.key_out!r}.",
            fix="Use --passphrase-env VAR or --passphrase-file FILE (or run in a terminal to be asked); "
            "--insecure-unencrypted writes the key unencrypted.",
        )
    return passphrase


def _vault_for_new_key(name: str) -> Vault:
    """The vault, after checking the name is valid and free (fail before spending time on a key)."""
    from sfjwt_gui.core.errors import KeyExistsError, KeyNotFoundError
    from sfjwt_gui.core.vault import Vault, validate_name

    validate_name(name)
    vault = Vault()
    try:
        vault.get(name)
    except KeyNotFoundError:
        vault.check_available()  # no keyring, or a locked one: say so before generating (4096 bits takes seconds)
        return vault
    raise KeyExistsError(
        f"A key named {name!r} is already in the OS keyring.",
        fix=f"Choose another --name, or remove the old one first: sfjwt keys delete {name!r}.",
    )


def run_keygen(args: argparse.Namespace) -> int:
    """Generate, then store in the keyring or write the (encrypted) key file, then write the certificate."""
    from cryptography.hazmat.primitives import serialization

    from sfjwt_gui.core.key_export import export_private_key_pkcs8
    from sfjwt_gui.core.key_generation import (
        Subject,
        check_validity_days,
        generate_private_key,
        self_signed_certificate,
    )

    if args.inside is not None:
        return run_keygen_inside(args)
    key_out: Path | None = None
    passphrase: bytes | None = None
    for flag, value in (("--name", args.name), ("--cn", args.cn), ("--key-out", args.key_out)):
        if value is not None and not value.strip():
            raise InputError(f"{flag} is empty.", fix=f"Give {flag} a value, or leave the option out.")
    if bool(args.name) == bool(args.no_store):
        raise InputError(
            "Say where the key goes: --name NAME (OS keyring) or --no-store --key-out FILE.",
            fix="Example: sfjwt keygen --name my-integration --cert-out my-integration.crt",
        )
    if args.no_store:
        if not args.key_out:
            raise InputError("--no-store needs --key-out FILE.", fix="Add --key-out key.pem (or use --name NAME).")
        if args.key_out == "-":
            raise InputError(
                "--key-out - would print the private key; sfjwt writes private keys only to files or the keyring.",
                fix="Give a file name (--key-out key.pem), or keep the key in the OS keyring with --name NAME.",
            )
        key_out = check_target(args.key_out, args.force)
        passphrase = _key_passphrase(args)
    elif args.key_out or args.insecure_unencrypted or args.passphrase_env or args.passphrase_file:
        raise InputError(
            "--key-out, --insecure-unencrypted and the passphrase options go with --no-store.",
            fix=f"With --name {args.name!r} the key is kept in the OS keyring; export it later with sfjwt keys export.",
        )
    if not policy.key_size_allowed(args.bits):
        generate_private_key(args.bits)  # raises the InputError that explains the choices
    # '-' = standard output, which is where the certificate goes without --cert-out anyway
    wants_file = args.cert_out and args.cert_out != "-"
    cert_out = check_target(args.cert_out, args.force) if wants_file else None
    check_validity_days(args.days)  # its >10-year warning comes back from the inspection below
    if args.name:
        from sfjwt_gui.core.vault import validate_name

        validate_name(args.name)  # the key's name first: it is also the default CN
    subject = Subject(cn=args.cn or args.name or "sfjwt", o=args.org, ou=args.org_unit, c=args.country)
    subject.to_name()  # validate before spending time on the key

    vault = _vault_for_new_key(args.name) if args.name else None

    key = generate_private_key(args.bits)
    cert = self_signed_certificate(key, subject, args.days)
    cert_pem = cert.public_bytes(serialization.Encoding.PEM)
    files: list[NewFile] = []
    if key_out is not None:
        data = export_private_key_pkcs8(key, passphrase, insecure_unencrypted=args.insecure_unencrypted)
        files.append(NewFile(key_out, data, 0o600))
    if cert_out is not None:
        files.append(NewFile(cert_out, cert_pem, 0o644))
    stored_as: str | None = None
    if vault is not None:
        stored_as = vault.save(args.name, key, cert).name
    try:
        write_files(files, force=args.force)  # both files or neither
    except BaseException:
        if vault is not None and stored_as is not None:
            with contextlib.suppress(SfjwtError):
                vault.delete(stored_as)  # no key left in the keyring without the certificate the user asked for
        raise

    inspection = _inspect_generated(key, cert)
    if args.insecure_unencrypted:
        inspection.warnings.append(
            f"The private key in {args.key_out} is NOT encrypted: protect the file, and never commit it."
        )
    if args.json:
        emit_json(
            {
                **inspection.to_json(),
                "name": stored_as,
                "stored_in_keyring": stored_as is not None,
                "key_out": str(key_out) if key_out else None,
                "key_encrypted": key_out is not None and passphrase is not None,
                "cert_out": str(cert_out) if cert_out else None,
                "certificate_pem": cert_pem.decode("ascii"),
            }
        )
        return 0
    where = f"saved in the OS keyring as {stored_as!r}" if stored_as else f"written to {args.key_out}"
    how = "" if stored_as else (" (PKCS#8, encrypted)" if passphrase else " (PKCS#8, UNENCRYPTED)")
    print(f"Generated an RSA-{args.bits} key, {where}{how}.")
    print_inspection(inspection)
    if cert_out is not None:
        print(f"Certificate written to {cert_out}: upload it to the Connected App / External Client App.")
    elif stored_as and args.cert_out != "-":
        print(f"Write the certificate to upload with: sfjwt keys export {stored_as!r} --format crt --out FILE.crt")
    else:
        print("Certificate (upload it to the Connected App / External Client App):")
        sys.stdout.write(cert_pem.decode("ascii"))
    return 0


def _inspect_generated(key: RSAPrivateKey, cert: x509.Certificate) -> Inspection:
    from sfjwt_gui.core.inspection import inspect_material
    from sfjwt_gui.core.material import LoadedMaterial

    return inspect_material(LoadedMaterial(key, cert, source_format="generated", source_name="(new key)"))


# --- inspect --------------------------------------------------------------------------------------------------------


def run_inspect(args: argparse.Namespace) -> int:
    """Load the file (asking for a passphrase on a terminal when needed) and print what it holds."""
    from sfjwt_gui.core.inspection import inspect_material

    inspection = inspect_material(read_key_input(args, args.file, alias=args.alias))
    if args.json:
        emit_json(inspection.to_json())
    else:
        print(f"File:        {'(standard input)' if args.file == '-' else args.file}")
        print_inspection(inspection)
    return 0
