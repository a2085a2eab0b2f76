"""``sfjwt keys``: the keys kept in the OS keyring — list, show, rename, delete, import and export.

``--json`` objects (stable):

* ``keys list``   → ``{"keys": [{name, created, key_bits, has_certificate, sha1_fingerprint, sha256_fingerprint,
  not_after, days_left, public_key_sha256, subject, expiry: "ok"|"expiring"|"expired"|"none", profiles: [NAME]}],
  "index": PATH}`` (every RECORD below also carries ``subject``)
* ``keys show``   → the ``sfjwt inspect`` object (kind, source_format, key_type, key_bits, subject, issuer, serial,
  not_before, not_after, days_left, sha1_fingerprint, sha256_fingerprint, public_key_sha256,
  key_matches_certificate, self_signed, extra_certificates, repairs, warnings) plus ``name``, ``created``, ``backend``
* ``keys rename`` → ``{"renamed_from": OLD, "name": NEW, "key": RECORD}``
* ``keys delete`` → ``{"deleted": NAME}``
* ``keys import`` → ``{"name", "action": "saved"|"certificate_attached", "key": RECORD, "inspection": {...}}``
* ``keys export`` → ``{"name", "format", "out", "bytes", "mode": "0600"|"0644", "encrypted", "alias",
  "sha256_fingerprint"}``
* ``keys csr`` / ``keys attach-cert`` → see ``commands/keys_cert.py``

Errors print ``{"error": {type, message, fix}}``. Exit codes: 0 ok, 1 bad input, 3 keyring problem.
Passphrases come from ``--passphrase-env``, ``--passphrase-file`` or a prompt, never from the command line.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from sfjwt_gui.commands.common import (
    add_json_flag,
    add_passphrase_flags,
    check_target,
    emit_json,
    print_inspection,
    print_repairs_and_warnings,
    print_usage,
    read_key_input,
    read_passphrase,
    write_new_file,
)
from sfjwt_gui.commands.keyflags import add_token_flags, open_reference
from sfjwt_gui.core.errors import CertificateError, DuplicateKeyError, ExportError, InputError, KeyExistsError
from sfjwt_gui.core.expiry import days_until

if TYPE_CHECKING:
    from pathlib import Path

    from cryptography.x509 import Certificate

    from sfjwt_gui.core.vault import KeyRecord, Vault

EXPORT_FORMATS = ("crt", "cer", "pkcs8", "p12", "jks")
KEY_FORMATS = ("pkcs8", "p12", "jks")  # formats that carry the private key: passphrase required, file mode 0600

EXPORT_HELP = """\
Write a stored key's certificate or the key itself to FILE:
  crt    certificate, PEM (upload this to the Connected App / External Client App)
  cer    certificate, DER
  pkcs8  private key, PKCS#8 PEM encrypted with a passphrase
  p12    private key + certificate, PKCS#12 with a password
  jks    Java keystore for Salesforce's Certificate and Key Management import (alias: --alias, default NAME)
Formats holding the key need a passphrase: --passphrase-env VAR, --passphrase-file FILE, or a prompt.
NAME may be a key in a token or KMS ('pkcs11:token=T;object=K', awskms:KEY): its private key cannot be exported,
by design; crt / cer write the certificate kept with it (a PKCS#11 certificate object; KMS keeps none).
--json prints {name, format, out, bytes, mode, encrypted, alias, sha256_fingerprint}."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``keys`` with its subcommands."""
    keys = subparsers.add_parser(
        "keys",
        help="list, show, rename, delete, import and export keys kept in the OS keyring; CSRs and CA certificates",
        description="Keys kept in the OS keyring (service 'sfjwt-gui'); names, sizes, certificates and "
        "fingerprints in a JSON index in the user data folder (never key material). "
        "Exit codes: 0 ok, 1 bad input, 3 keyring problem (none available, locked, damaged entry, "
        "unknown or taken name).",
    )
    keys.set_defaults(handler=lambda _args: print_usage(keys))
    actions = keys.add_subparsers(dest="keys_command", metavar="ACTION")

    listing = actions.add_parser(
        "list",
        help="list stored keys (names, sizes, certificate expiry)",
        description='List the stored keys from the index (no keyring prompt). --json prints {"keys": [{name, '
        "created, key_bits, has_certificate, sha1_fingerprint, sha256_fingerprint, not_after, days_left, "
        'public_key_sha256, subject, expiry, profiles}], "index": PATH}; expiry is ok, expiring, expired or none; '
        "profiles are the connection profiles naming the key.",
    )
    add_json_flag(listing)
    listing.set_defaults(handler=run_list)

    show = actions.add_parser(
        "show",
        help="show one key: size, certificate, fingerprints, whether they match",
        description="Load the key from the keyring (checking its SHA-256) and describe it with its certificate. "
        "--json prints the `sfjwt inspect` object plus name, created and backend. NAME may be a key that stays in "
        "a token or KMS ('pkcs11:token=T;object=K', awskms:KEY): the same description, from the token or KMS "
        "(--cert FILE attaches the certificate a KMS key was given).",
    )
    show.add_argument("name", metavar="NAME")
    show.add_argument("--cert", metavar="FILE", help="with a token/KMS reference: the certificate to compare with")
    add_token_flags(show)
    add_json_flag(show)
    show.set_defaults(handler=run_show)

    rename = actions.add_parser(
        "rename",
        help="rename a stored key",
        description='Rename a stored key. --json prints {"renamed_from": OLD, "name": NEW, "key": {…as in list…}}.',
    )
    rename.add_argument("old", metavar="OLD")
    rename.add_argument("new", metavar="NEW")
    add_json_flag(rename)
    rename.set_defaults(handler=run_rename)

    delete = actions.add_parser(
        "delete",
        help="delete a stored key from the keyring",
        description="Delete a stored key (every keyring entry of it). Asks on a terminal; scripts need --yes. "
        '--json prints {"deleted": NAME}.',
    )
    delete.add_argument("name", metavar="NAME")
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_json_flag(delete)
    delete.set_defaults(handler=run_delete)

    imp = actions.add_parser(
        "import",
        help="store a key (or attach a certificate) from a file",
        description="Store the private key of FILE (PEM, DER, PKCS#12, JKS, OpenSSH; '-' = stdin) under NAME, "
        "with its certificate if the file has one. A file holding only a certificate is attached to the "
        "existing key NAME. A passphrase comes from --passphrase-env / --passphrase-file, or a prompt on a terminal. "
        '--json prints {"name", "action": "saved"|"certificate_attached", "key": {…as in list…}, '
        '"inspection": {…as in sfjwt inspect…}}.',
    )
    imp.add_argument("file", metavar="FILE", help="key, certificate, .p12/.pfx or .jks file ('-' = stdin)")
    imp.add_argument("--name", required=True, help="name to store the key under")
    imp.add_argument("--alias", help="which private key of a JKS keystore holding several")
    imp.add_argument("--overwrite", action="store_true", help="replace an existing key of that name")
    imp.add_argument(
        "--allow-duplicate",
        action="store_true",
        help="store it even when the same key is already stored under another name (exit 1 naming it otherwise)",
    )
    add_passphrase_flags(imp, "passphrase of FILE")
    add_json_flag(imp)
    imp.set_defaults(handler=run_import)

    export = actions.add_parser(
        "export",
        help="write a stored key's certificate or key to a file",
        description=EXPORT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument("name", metavar="NAME")
    export.add_argument("--format", required=True, choices=EXPORT_FORMATS, dest="fmt", help="see the list above")
    export.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help="file to write (mode 0600 when it holds the key); '-' prints a crt to standard output",
    )
    export.add_argument("--alias", help="alias (JKS) / friendly name (PKCS#12); default: NAME")
    export.add_argument("--force", action="store_true", help="overwrite an existing FILE")
    add_passphrase_flags(export, "passphrase for the exported file")
    add_token_flags(export)
    add_json_flag(export)
    export.set_defaults(handler=run_export)

    from sfjwt_gui.commands import keys_cert

    keys_cert.register_actions(actions)


def _vault() -> Vault:
    from sfjwt_gui.core.vault import Vault

    return Vault()


def record_json(record: KeyRecord) -> dict[str, Any]:
    data = record.to_json()
    data.pop("certificate_pem", None)
    data.pop("generation", None)  # the keyring layout, not a fact about the key
    data["has_certificate"] = record.certificate_pem is not None
    data["days_left"] = days_until(record.not_after)
    return data


# --- list / show ----------------------------------------------------------------------------------------------------


def run_list(args: argparse.Namespace) -> int:
    """Print the stored keys (from the index: no keyring prompt), as the window's Keys table lists them."""
    from sfjwt_gui.core.expiry import ExpiryState
    from sfjwt_gui.core.key_listing import key_rows
    from sfjwt_gui.core.profiles import ProfileStore

    vault = _vault()
    records = vault.list()
    rows = key_rows(records, [(p.name, p.key_name) for p in ProfileStore().list() if p.key_name])
    if args.json:
        keys = [
            {
                **record_json(r),
                "subject": row.subject,
                "expiry": row.to_json()["expiry"],
                "profiles": list(row.profiles),
            }
            for r, row in zip(records, rows, strict=True)
        ]
        emit_json({"keys": keys, "index": str(vault.index_path)})
        return 0
    if not records:
        print("No keys stored. Create one with `sfjwt keygen --name NAME` or `sfjwt keys import FILE --name NAME`.")
        return 0
    width = max(4, *(len(r.name) for r in records))
    print(f"{'NAME':<{width}}  BITS  CERT EXPIRES (DAYS LEFT)    CERT SHA-256 / SUBJECT")
    for row, record in zip(rows, records, strict=True):
        if record.deleting:
            print(f"{row.name:<{width}}  deletion incomplete — run `sfjwt keys delete {row.name}` again")
            continue
        if row.not_after is None:
            expiry = "(no certificate)"
        else:
            flag = "" if row.expiry is ExpiryState.OK else f", {row.expiry}"
            expiry = f"{row.not_after.date().isoformat()} ({row.days_left}{flag})"
        print(f"{row.name:<{width}}  {row.key_bits:>4}  {expiry:<25}  {row.sha256_fingerprint or '-'}")
        if row.subject:
            print(f"{'':<{width}}  {'':>4}  {'':<25}  {row.subject}")
        if row.profiles:
            print(f"{'':<{width}}  {'':>4}  {'':<25}  used by profiles: {', '.join(row.profiles)}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    """Load the key from the keyring (checking its SHA-256) and describe it with its certificate."""
    from sfjwt_gui.core.inspection import inspect_material
    from sfjwt_gui.core.key_loading import LoadedMaterial
    from sfjwt_gui.core.key_refs import is_external_reference

    if is_external_reference(args.name):
        return _show_token_or_kms_key(args)
    vault = _vault()
    record = vault.get(args.name)
    key = vault.load(args.name)
    cert = vault.load_certificate(args.name)
    inspection = inspect_material(LoadedMaterial(key, cert, source_format="keyring", source_name=f"key {args.name!r}"))
    backend = vault.status(probe=False).backend_name
    if args.json:
        emit_json({"name": record.name, "created": record.created, "backend": backend, **inspection.to_json()})
        return 0
    print(f"{'Name:':<12} {record.name}")
    print(f"{'Created:':<12} {record.created}")
    print(f"{'Stored in:':<12} {backend}")
    print_inspection(inspection)
    if cert is None:
        print(f"No certificate stored: attach one with `sfjwt keys import CERT.crt --name {record.name}`.")
    return 0


def _show_token_or_kms_key(args: argparse.Namespace) -> int:
    """The same description for a key in a token or KMS (read through the signer: public key, certificate)."""
    from sfjwt_gui.core.inspection import inspect_signer
    from sfjwt_gui.core.signers import close_signer

    certificate = None
    if args.cert:
        from sfjwt_gui.commands.common import read_input_file
        from sfjwt_gui.core.key_loading import load_certificate

        certificate = load_certificate(read_input_file(args.cert), source_name=args.cert)
    signer = open_reference(args, args.name, certificate=certificate)
    close_signer(signer)  # what inspection needs was read when the key was opened
    inspection = inspect_signer(signer)
    if args.json:
        emit_json({"name": signer.reference, "created": None, "backend": str(signer.backend), **inspection.to_json()})
        return 0
    print(f"{'Key:':<12} {signer.reference}")
    print(f"{'Stored in:':<12} {inspection.source_format} (the private key cannot leave it)")
    print_inspection(inspection)
    return 0


# --- rename / delete ------------------------------------------------------------------------------------------------


def run_rename(args: argparse.Namespace) -> int:
    """Rename a key (copy, switch, then remove the old entries)."""
    record = _vault().rename(args.old, args.new)
    if args.json:
        emit_json({"renamed_from": args.old, "name": record.name, "key": record_json(record)})
    else:
        print(f"Renamed {args.old!r} to {record.name!r}.")
    return 0


def _confirm(question: str) -> bool:
    sys.stderr.write(f"{question} [y/N] ")
    sys.stderr.flush()
    return sys.stdin.readline().strip().lower() in ("y", "yes")


def run_delete(args: argparse.Namespace) -> int:
    """Delete a key; without --yes ask on a terminal and refuse otherwise."""
    vault = _vault()
    vault.get(args.name)  # a clear "not found" before asking anything
    if not args.yes:
        if not sys.stdin.isatty():
            raise InputError(
                f"Refusing to delete key {args.name!r} without confirmation (no terminal to ask on).",
                fix="Add --yes to delete it from a script.",
            )
        if not _confirm(f"Delete key {args.name!r} from the OS keyring? This cannot be undone."):
            print("Nothing deleted.", file=sys.stderr)
            return 1
    vault.delete(args.name)
    if args.json:
        emit_json({"deleted": args.name})
    else:
        print(f"Deleted key {args.name!r}.")
    return 0


# --- import ---------------------------------------------------------------------------------------------------------


def run_import(args: argparse.Namespace) -> int:
    """Store the key of FILE under --name, or attach a certificate-only FILE to the existing key."""
    from sfjwt_gui.core.inspection import inspect_material

    material = read_key_input(args, args.file, alias=args.alias)
    source = "standard input" if args.file == "-" else args.file
    vault = _vault()
    twin: KeyRecord | None = None  # another entry holding the same key (stored anyway with --allow-duplicate)
    if material.private_key is None:
        if material.certificate is None:  # pragma: no cover - the loader raises before this
            raise InputError(f"{args.file!r} holds neither a private key nor a certificate.", fix="Check the file.")
        if args.name not in {r.name for r in vault.list()}:
            raise CertificateError(
                f"{args.file!r} holds only a certificate and there is no stored key {args.name!r} to attach it to.",
                fix="Import the private key first (sfjwt keys import KEYFILE --name NAME), or check the name.",
            )
        from sfjwt_gui.core.csr import attach_certificate

        # as `keys attach-cert`: the certificate carrying the key (a chain bundle works), else both fingerprints
        certificates = [material.certificate, *material.extra_certificates]
        record = attach_certificate(vault, args.name, certificates).record
        action = "certificate_attached"
    else:
        try:
            record = vault.save(
                args.name,
                material.private_key,
                material.certificate,
                overwrite=args.overwrite,
                allow_duplicate=args.allow_duplicate,
            )
        except KeyExistsError as exc:
            raise KeyExistsError(
                exc.message, fix=f"Choose another --name, or add --overwrite to replace key {args.name!r}."
            ) from exc
        except DuplicateKeyError as exc:
            raise DuplicateKeyError(
                exc.message,
                existing=exc.existing,
                fix=f"Use the stored key with --key {exc.existing!r}, or add --allow-duplicate to store it again "
                f"as {args.name!r}.",
            ) from exc
        action = "saved"
        twin = vault.find_duplicate(material.private_key, besides=record.name)
    inspection = inspect_material(material)
    if args.json:
        emit_json(
            {
                "name": record.name,
                "action": action,
                "key": record_json(record),
                "inspection": inspection.to_json(),
                "duplicate_of": twin.name if twin is not None else None,
            }
        )
        return 0
    if action == "saved":
        what = "key and certificate" if material.certificate is not None else "key (no certificate in the file)"
        print(f"Stored the {what} from {source} as {record.name!r} in the OS keyring.")
        if twin is not None:
            print(f"warning: the same key is also stored as {twin.name!r} (--allow-duplicate).", file=sys.stderr)
    else:
        print(f"Attached the certificate from {source} to key {record.name!r}.")
    print_repairs_and_warnings(inspection)
    return 0


# --- export ---------------------------------------------------------------------------------------------------------


def _export_passphrase(args: argparse.Namespace) -> bytes:
    passphrase = read_passphrase(args, prompt=f"Passphrase for {args.out}: ", confirm=True)
    if not passphrase:
        raise ExportError(
            f"The {args.fmt} export of {args.name!r} holds the private key and needs a passphrase (not an empty one).",
            fix="Use --passphrase-env VAR or --passphrase-file FILE, or run in a terminal to be asked.",
        )
    return passphrase


def _export_from_token_or_kms(args: argparse.Namespace, to_stdout: bool) -> int:
    """A token or KMS key: its private key cannot be exported (by design); its certificate can."""
    from sfjwt_gui.core.key_refs import parse_reference
    from sfjwt_gui.core.signer_certificates import export_signer_certificate, refuse_key_export
    from sfjwt_gui.core.signers import close_signer

    if args.fmt in KEY_FORMATS:
        raise refuse_key_export(args.name, parse_reference(args.name).backend)
    target = None if to_stdout else check_target(args.out, args.force)
    signer = open_reference(args, args.name)
    close_signer(signer)  # the certificate was read when the key was opened
    return _write_export(args, target, export_signer_certificate(signer, args.fmt), 0o644, None, signer.certificate)


def run_export(args: argparse.Namespace) -> int:
    """Write the certificate or the (passphrase-protected) key to --out."""
    from sfjwt_gui.core.key_export import (
        export_certificate,
        export_jks,
        export_pkcs12,
        export_private_key_pkcs8,
        normalise_alias,
    )

    to_stdout = args.out == "-"
    if to_stdout and (args.fmt != "crt" or args.json):
        raise InputError(
            f"--out - (standard output) takes only the PEM certificate without --json, not --format {args.fmt}"
            + (" with --json." if args.json else "."),
            fix="Give a file name with --out, or use --format crt without --json to print the certificate.",
        )
    from sfjwt_gui.core.key_refs import is_external_reference

    if is_external_reference(args.name):
        return _export_from_token_or_kms(args, to_stdout)
    vault = _vault()
    vault.get(args.name)
    target = None if to_stdout else check_target(args.out, args.force)
    cert = vault.load_certificate(args.name)
    if args.fmt != "pkcs8" and cert is None:
        raise CertificateError(
            f"Key {args.name!r} has no certificate, so there is nothing to write as {args.fmt}.",
            fix=f"Attach one with `sfjwt keys import CERT.crt --name {args.name}`, "
            "or export the key with --format pkcs8.",
        )
    alias: str | None = None
    if args.fmt in ("crt", "cer"):
        assert cert is not None
        data = export_certificate(cert, args.fmt)
        mode = 0o644
    else:
        passphrase = _export_passphrase(args)
        key = vault.load(args.name)
        mode = 0o600
        if args.fmt == "pkcs8":
            data = export_private_key_pkcs8(key, passphrase)
        elif args.fmt == "p12":
            assert cert is not None
            alias = args.alias or args.name
            data = export_pkcs12(key, cert, passphrase, alias)
        else:
            assert cert is not None
            alias = normalise_alias(args.alias or args.name)
            data = export_jks(key, cert, passphrase.decode("utf-8"), alias)
    return _write_export(args, target, data, mode, alias, cert)


def _write_export(
    args: argparse.Namespace, target: Path | None, data: bytes, mode: int, alias: str | None, cert: Certificate | None
) -> int:
    """Write (or print) an export and report it."""
    from sfjwt_gui.core.fingerprints import sha256_fingerprint

    if target is None:
        sys.stdout.write(data.decode("ascii"))
        return 0
    write_new_file(target, data, mode=mode, force=args.force)
    if args.json:
        emit_json(
            {
                "name": args.name,
                "format": args.fmt,
                "out": str(target),
                "bytes": len(data),
                "mode": f"{mode:04o}",
                "encrypted": args.fmt in KEY_FORMATS,
                "alias": alias,
                "sha256_fingerprint": sha256_fingerprint(cert) if cert is not None else None,
            }
        )
    else:
        print(f"Wrote {args.fmt} of {args.name!r} to {target} ({len(data)} bytes).")
        if args.fmt == "crt":
            print("Upload it to the Connected App / External Client App ('Use digital signatures').")
    return 0
