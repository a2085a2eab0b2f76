"""``sfjwt keys csr`` and ``sfjwt keys attach-cert``: a CA-signed certificate for a key kept in the OS keyring.

``--json`` objects (stable):

* ``keys csr``         → ``{"name", "out", "subject", "public_key_sha256", "bytes"}`` (``out`` is ``"-"`` for stdout)
* ``keys attach-cert`` → ``{"name", "action": "certificate_attached", "replaced", "self_signed", "key": RECORD,
  "inspection": {...}}``

Exit codes: 0 ok · 1 bad input (a certificate that is not for this key names both public-key fingerprints) ·
3 keyring problem (no keyring, unknown key name).
"""

from __future__ import annotations

import argparse
import sys

from sfjwt_gui.commands.common import (
    add_json_flag,
    check_target,
    emit_json,
    print_repairs_and_warnings,
    read_key_input,
    write_new_file,
)

CSR_HELP = """\
Write a certificate signing request (PKCS#10, PEM) for the stored key NAME, to send to your CA.
The subject: each of --cn, --org, --org-unit, --country given wins; otherwise the value of the key's current
certificate; CN defaults to NAME. The request is signed SHA-256 with the key and asks for digitalSignature, CA=false.
When the CA sends the certificate back: sfjwt keys attach-cert NAME FILE.
--json prints {name, out, subject, public_key_sha256, bytes}."""

ATTACH_HELP = """\
Attach the certificate a CA issued (PEM, DER, or a .p7b / PEM bundle with its chain) to the stored key NAME,
replacing the certificate stored with it. The certificate must carry NAME's public key: otherwise nothing changes
and the error names both public-key SHA-256 fingerprints (exit 1).
--json prints {name, action, replaced, self_signed, key, inspection}."""


def register_actions(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``csr`` and ``attach-cert`` to ``sfjwt keys``."""
    raw = argparse.RawDescriptionHelpFormatter
    csr = actions.add_parser(
        "csr", help="write a certificate signing request for a stored key", description=CSR_HELP, formatter_class=raw
    )
    csr.add_argument("name", metavar="NAME")
    csr.add_argument("--out", required=True, metavar="FILE", help="file to write ('-' = standard output)")
    csr.add_argument("--cn", help="common name (default: the current certificate's, else NAME)")
    csr.add_argument("--org", help="organisation (O)")
    csr.add_argument("--org-unit", help="organisational unit (OU)")
    csr.add_argument("--country", help="two-letter country code (C), e.g. JP")
    csr.add_argument("--force", action="store_true", help="overwrite an existing FILE")
    add_json_flag(csr)
    csr.set_defaults(handler=run_csr)

    attach = actions.add_parser(
        "attach-cert",
        help="attach a CA-issued certificate to a stored key",
        description=ATTACH_HELP,
        formatter_class=raw,
    )
    attach.add_argument("name", metavar="NAME")
    attach.add_argument("file", metavar="FILE", help="the certificate the CA issued ('-' = standard input)")
    add_json_flag(attach)
    attach.set_defaults(handler=run_attach)


def run_csr(args: argparse.Namespace) -> int:
    """Make the request with the stored key and write it."""
    from sfjwt_gui.core.csr import csr_for_stored_key, csr_pem
    from sfjwt_gui.core.jwt_codec import key_fingerprint
    from sfjwt_gui.core.vault import Vault

    vault = Vault()
    vault.get(args.name)  # a clear "not found" before anything else
    to_stdout = args.out == "-"
    target = None if to_stdout else check_target(args.out, args.force)
    request = csr_for_stored_key(
        vault, args.name, cn=args.cn, org=args.org, org_unit=args.org_unit, country=args.country
    )
    data = csr_pem(request)
    if target is None:
        sys.stdout.write(data.decode("ascii"))
        return 0
    write_new_file(target, data, mode=0o644, force=args.force)
    subject_text = request.subject.rfc4514_string()
    if args.json:
        emit_json(
            {
                "name": args.name,
                "out": str(target),
                "subject": subject_text,
                "public_key_sha256": key_fingerprint(request.public_key()),  # type: ignore[arg-type]
                "bytes": len(data),
            }
        )
    else:
        print(f"Wrote the certificate signing request for {args.name!r} ({subject_text}) to {target}.")
        print(f"Send it to your CA; then attach the certificate it issues: sfjwt keys attach-cert {args.name} FILE")
    return 0


def run_attach(args: argparse.Namespace) -> int:
    """Attach the certificate of FILE that carries the key's public half."""
    from sfjwt_gui.commands.keys import record_json
    from sfjwt_gui.core.csr import attach_certificate
    from sfjwt_gui.core.inspection import inspect_material
    from sfjwt_gui.core.material import LoadedMaterial
    from sfjwt_gui.core.vault import Vault

    vault = Vault()
    vault.get(args.name)
    material = read_key_input(args, args.file)
    certificates = [c for c in (material.certificate, *material.extra_certificates) if c is not None]
    result = attach_certificate(vault, args.name, certificates)
    inspection = inspect_material(
        LoadedMaterial(None, result.certificate, source_format=material.source_format, repairs=material.repairs)
    )
    if args.json:
        emit_json(
            {
                "name": args.name,
                "action": "certificate_attached",
                "replaced": result.replaced,
                "self_signed": result.self_signed,
                "key": record_json(result.record),
                "inspection": inspection.to_json(),
            }
        )
        return 0
    issuer = result.certificate.issuer.rfc4514_string()
    what = "self-signed certificate" if result.self_signed else f"certificate issued by {issuer}"
    print(
        f"Attached the {what} to key {args.name!r}"
        + (" (replacing the one stored before)." if result.replaced else ".")
    )
    print(
        f"Upload it to the Connected App / External Client App: sfjwt keys export {args.name} --format crt --out FILE"
    )
    print_repairs_and_warnings(inspection)
    return 0
