"""``sfjwt keygen --in REFERENCE``: make the key inside a PKCS#11 token or AWS KMS, and certify it there.

The key never exists outside the backend: the token or KMS generates it, then signs the self-signed certificate
(and the CSR with ``--csr-out``) over to-be-signed DER built by ``core/signer_certificates.py``. The certificate is
kept with the key where the backend allows (a PKCS#11 certificate object; KMS keeps none) and always written to
``--cert-out`` (or printed). Subject options are those of plain keygen: --cn --org --org-unit --country --days.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from sfjwt_gui.commands.common import check_target, emit_json, print_inspection
from sfjwt_gui.commands.keyflags import add_token_flags, read_pin
from sfjwt_gui.core.errors import InputError, PinRequiredError
from sfjwt_gui.core.user_files import NewFile, write_files

if TYPE_CHECKING:
    from sfjwt_gui.core.signer import Signer

_LOCAL_ONLY = (
    ("name", "--name"),
    ("no_store", "--no-store"),
    ("key_out", "--key-out"),
    ("passphrase_env", "--passphrase-env"),
    ("passphrase_file", "--passphrase-file"),
    ("insecure_unencrypted", "--insecure-unencrypted"),
)


def add_inside_flags(parser: argparse.ArgumentParser) -> None:
    """Add ``--in REFERENCE``, ``--csr-out FILE`` and the token flags to keygen."""
    parser.add_argument(
        "--in",
        dest="inside",
        metavar="REF",
        help="make the key inside a token or KMS, where it stays: 'pkcs11:token=T;object=K' or awskms:new",
    )
    parser.add_argument("--csr-out", metavar="FILE", help="with --in: also write a certificate signing request (PEM)")
    add_token_flags(parser)


def _generate(args: argparse.Namespace) -> Signer:
    from sfjwt_gui.core.signers import generate_signer

    options = {"bits": args.bits, "pkcs11_module": args.pkcs11_module}
    pin = read_pin(args, "") if args.pin_env else None
    try:
        return generate_signer(args.inside, pin=pin, **options)
    except PinRequiredError as exc:
        asked = read_pin(args, exc.token) if pin is None else None
        if asked is None:
            raise
        return generate_signer(args.inside, pin=asked, **options)


def run_keygen_inside(args: argparse.Namespace) -> int:
    """Generate inside, certify inside, store the certificate with the key, write --cert-out / --csr-out."""
    from cryptography.hazmat.primitives import serialization

    from sfjwt_gui.core.inspection import inspect_signer
    from sfjwt_gui.core.key_generation import ALLOWED_BITS, Subject, check_validity_days, generate_private_key
    from sfjwt_gui.core.key_refs import AwsKmsRef, Pkcs11Ref, parse_reference
    from sfjwt_gui.core.key_texts import error
    from sfjwt_gui.core.signer_certificates import certify
    from sfjwt_gui.core.signers import close_signer

    for attribute, flag in _LOCAL_ONLY:
        if getattr(args, attribute, None):
            raise error(InputError, "keygen-in-conflict", flag=flag)
    ref = parse_reference(args.inside)
    if not (isinstance(ref, Pkcs11Ref) or (isinstance(ref, AwsKmsRef) and ref.is_new)):
        raise error(InputError, "keygen-in-reference", shown=repr(args.inside))
    if args.bits not in ALLOWED_BITS:
        generate_private_key(args.bits)  # raises the InputError that explains the choices
    wants_file = args.cert_out and args.cert_out != "-"
    cert_out = check_target(args.cert_out, args.force) if wants_file else None
    csr_out = check_target(args.csr_out, args.force) if args.csr_out else None
    check_validity_days(args.days)
    default_cn = ref.object if isinstance(ref, Pkcs11Ref) and ref.object else "sfjwt"
    subject = Subject(cn=args.cn or default_cn, o=args.org, ou=args.org_unit, c=args.country)
    subject.to_name()  # validate before touching the token or KMS

    signer = _generate(args)
    try:
        made = certify(signer, subject, args.days, csr=csr_out is not None)
        inspection = inspect_signer(made.signer)
    finally:
        close_signer(signer)
    cert, csr, stored = made.certificate, made.csr, made.stored_with_key
    cert_pem = cert.public_bytes(serialization.Encoding.PEM)
    outputs = [NewFile(cert_out, cert_pem, 0o644)] if cert_out is not None else []
    if csr_out is not None and csr is not None:
        outputs.append(NewFile(csr_out, csr.public_bytes(serialization.Encoding.PEM), 0o644))
    write_files(outputs, force=args.force)  # both files or neither, only ever replacing regular files
    if args.json:
        emit_json(
            {
                **inspection.to_json(),
                "reference": signer.reference,
                "backend": str(signer.backend),
                "certificate_stored_with_key": stored,
                "cert_out": str(cert_out) if cert_out else None,
                "csr_out": str(csr_out) if csr_out else None,
                "certificate_pem": cert_pem.decode("ascii"),
            }
        )
        return 0
    where = "in the PKCS#11 token" if stored else "in AWS KMS"
    print(f"Generated an RSA-{args.bits} key {where}; it cannot leave it. Sign with: --key '{signer.reference}'")
    print_inspection(inspection)
    if stored:
        print("Certificate stored in the token next to the key.")
    if csr_out is not None:
        print(f"Certificate signing request written to {csr_out}.")
    if cert_out is not None:
        print(f"Certificate written to {cert_out}: upload it to the Connected App / External Client App.")
    else:
        print("Certificate (upload it to the Connected App / External Client App):")
        sys.stdout.write(cert_pem.decode("ascii"))
    return 0
