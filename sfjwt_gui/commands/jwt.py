"""``sfjwt sign``, ``sfjwt decode`` and ``sfjwt lint``: the JWT bearer assertion from a terminal.

Exit codes: 0 no errors · 2 lint errors found (``lint``) or signature not verified (``decode --cert``) ·
1 the input could not be read · 3 keyring problem (``--key NAME``).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from sfjwt_gui.commands.common import add_json_flag, emit_json, read_input_file, read_stdin
from sfjwt_gui.commands.keyflags import add_key_flags, load_signer
from sfjwt_gui.commands.snippet_flags import add_snippet_flags, print_snippet
from sfjwt_gui.core import policy
from sfjwt_gui.core.errors import InputError, TokenFormatError

if TYPE_CHECKING:
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

    from sfjwt_gui.core.jwt_codec import DecodedToken, Verification

SIGN_HELP = """\
Sign a JWT bearer assertion (RS256) and print it.
The key comes from the OS keyring (--key NAME), a file (--key-file FILE; passphrase from --passphrase-env /
--passphrase-file or a prompt), or stays in a hardware token or AWS KMS (--key 'pkcs11:token=T;object=K' with
--pkcs11-module PATH / $SFJWT_PKCS11_MODULE and the PIN from --pin-env VAR or a prompt; --key awskms:KEY_ID).
aud comes from --aud URL or --preset:
  production                     https://login.salesforce.com
  sandbox                        https://test.salesforce.com
  mydomain:NAME                  https://NAME.my.salesforce.com
  mydomain-sandbox:NAME:SANDBOX  https://NAME--SANDBOX.sandbox.my.salesforce.com
  site:URL                       an Experience Cloud site URL
  govcloud:NAME                  Government Cloud: aud https://login.salesforce.com, POST to NAME's My Domain
  govcloud-sandbox:NAME:SANDBOX  the same for a Government Cloud sandbox (aud https://test.salesforce.com)
exp = now + --lifetime seconds (default 180, the documented 3 minutes). --claim name=value adds or overrides a
claim (the value is parsed as JSON when it can be: --claim scope=api, --claim n=5).
--as curl|python|apex|sf prints ready-to-run code with these values instead of the bare token: curl posts this
token; python and sf sign their own from a key file, apex from a certificate in Certificate and Key Management
(--cert-name). --endpoint sets the token URL they use (default: from --preset or aud), --ca-file a CA to trust.
python and sf need the key as an unencrypted PEM file: --key-file FILE is named when it is one; otherwise
--export-key-for-sf FILE writes one (mode 0600) after you confirm, on a terminal or with --insecure-unencrypted;
without it the code says which file it needs.
--json prints {"token", "header", "payload", "token_url"}; with --as {"as", "snippet", "token_url", "key_file"}."""

DECODE_HELP = """\
Decode any JWT without trusting it. TOKEN (or '-' / standard input) may carry what people paste around it:
whitespace and line breaks, 'Bearer ', quotes, an assertion= form field (URL-encoded too), a whole curl command.
--cert FILE verifies the signature with a certificate or public key (PEM or DER); --cert "$(cat c.crt)" takes the
PEM text itself, as pasted. alg none and HMAC never verify. A pasted curl command's URL is shown as "POSTed to".
A Salesforce access token (00D…!…) is recognised as one: it is opaque, there is nothing to decode (exit 1).
--json prints {"header", "payload", "signature" (base64url), "times": {claim: {"epoch", "utc", "local",
"relative"}}, "repairs": [...], "posted_to"} and, with --cert, "verified" (boolean) and "verification"
(key/certificate SHA-256, reason). Exit code 2 when --cert is given and the signature does not verify."""

LINT_HELP = """\
Predict what Salesforce will say about a JWT bearer assertion before sending it.
--endpoint is where it will be POSTed (login host or full token URL); --cert the certificate the Connected App
holds; --key NAME / --key-file FILE the private key; --clock-offset Salesforce's clock minus this computer's (s)
and --clock-uncertainty how far that offset may be off (s): sfjwt token prints both ("clock offset +2.4 s ± 0.6 s"),
and the time rules do not report what lies within it.
--json prints {"findings": [{"rule", "severity", "message", "fix", "confirmed", "code", "variant", "params"}],
"summary": {"error", "warning", "info"}, "repairs": [...]}: message and fix in --lang, code/variant/params what they
were written from. Exit code 2 when a finding has severity error."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``sign``, ``decode`` and ``lint``."""
    raw = argparse.RawDescriptionHelpFormatter
    sign = subparsers.add_parser("sign", help="sign a JWT bearer assertion", description=SIGN_HELP, formatter_class=raw)
    add_key_flags(sign)
    sign.add_argument("--iss", help="the Connected App's consumer key")
    sign.add_argument("--sub", help="the Salesforce username")
    sign.add_argument("--aud", metavar="URL", help="audience URL (or use --preset)")
    sign.add_argument(
        "--preset",
        help="production | sandbox | mydomain:NAME | mydomain-sandbox:NAME:SANDBOX | site:URL | govcloud:NAME",
    )
    lifetime = policy.DEFAULT_LIFETIME_SECONDS
    sign.add_argument(
        "--lifetime",
        default=str(lifetime),
        metavar="SECONDS",
        help=f"exp = now + SECONDS (1-86400, default {lifetime})",
    )
    sign.add_argument("--iat", action="store_true", help="add iat (issued at)")
    from sfjwt_gui.commands.profiles import add_profile_flag

    add_profile_flag(sign)
    sign.add_argument("--claim", action="append", default=[], metavar="NAME=VALUE", help="extra claim (repeatable)")
    add_snippet_flags(sign)
    add_json_flag(sign)
    sign.set_defaults(handler=run_sign)

    decode = subparsers.add_parser("decode", help="decode (and verify) a JWT", description=DECODE_HELP)
    decode.formatter_class = raw
    decode.add_argument("token", nargs="?", metavar="TOKEN", help="the JWT, or '-' for standard input (default)")
    decode.add_argument(
        "--cert", metavar="FILE|PEM", help="certificate or public key to verify with: a file (PEM or DER) or PEM text"
    )
    decode.add_argument("--lang", default="en", help="language of notes, times and errors: en (default) or ja")
    add_json_flag(decode)
    decode.set_defaults(handler=run_decode)

    lint = subparsers.add_parser("lint", help="check a JWT against Salesforce's rules", description=LINT_HELP)
    lint.formatter_class = raw
    lint.add_argument("token", nargs="?", metavar="TOKEN", help="the JWT, or '-' for standard input (default)")
    lint.add_argument("--endpoint", metavar="URL", help="login host or token URL the JWT will be POSTed to")
    lint.add_argument(
        "--gov-cloud",
        action="store_true",
        help="the org is on Government Cloud: POST to My Domain while aud stays login/test",
    )
    lint.add_argument("--cert", metavar="FILE", help="the certificate uploaded to the Connected App (PEM or DER)")
    add_key_flags(lint)
    lint.add_argument("--clock-offset", default="0", metavar="SECONDS", help="Salesforce's clock minus this one")
    lint.add_argument(
        "--clock-uncertainty", default="0", metavar="SECONDS", help="± seconds the clock offset may be off (default 0)"
    )
    lint.add_argument("--lang", default="en", help="language of the findings: en (default) or ja")
    add_json_flag(lint)
    lint.set_defaults(handler=run_lint)


# ----- input ------------------------------------------------------------------------------------------------------


def _read_token(token: str | None) -> str:
    if token is not None and token != "-":  # noqa: S105 - "-" means standard input
        return token
    if sys.stdin is None or sys.stdin.isatty():
        raise InputError("No token given.", fix="Pass the JWT as an argument, or pipe it in: ... | sfjwt decode -")
    return read_stdin().decode("utf-8", "replace")


def _load_certificate(path: str | None) -> x509.Certificate | RSAPublicKey | None:
    """``--cert``: a file, or the PEM text itself (pasted as jwt.io takes it; mangled line breaks are repaired)."""
    if not path:
        return None
    from sfjwt_gui.core.jwt_codec import load_verification_material

    if "-----BEGIN" in path:
        return load_verification_material(path, source_name="--cert (pasted PEM)")
    return load_verification_material(read_input_file(path), source_name=path)


def _check_lang(lang: str) -> None:
    if lang not in ("en", "ja"):
        raise InputError(f"--lang {lang!r} is not supported.", fix="Use --lang en or --lang ja.")


def _token_error(exc: TokenFormatError, as_json: bool, lang: str = "en") -> int:
    from sfjwt_gui.core.jwt_codec import describe_token_error

    message, fix = describe_token_error(exc, lang)
    gap = "" if lang == "ja" else " "
    print(f"sfjwt: error: {message}{gap}{fix}".rstrip(), file=sys.stderr)
    if as_json:
        error = {"type": type(exc).__name__, "code": exc.code, "part": exc.part, "message": message, "fix": fix}
        emit_json({"error": error})
    return 1


def _decode(args: argparse.Namespace) -> DecodedToken:
    from sfjwt_gui.core.jwt_codec import decode

    return decode(_read_token(args.token))


# ----- sign -------------------------------------------------------------------------------------------------------


def run_sign(args: argparse.Namespace) -> int:
    """Sign and print the assertion."""
    from sfjwt_gui.commands.profiles import apply_profile
    from sfjwt_gui.core.arg_ranges import in_range

    apply_profile(args)
    from sfjwt_gui.core.claims import Claims, parse_claim_assignment
    from sfjwt_gui.core.connection import parse_preset, token_url
    from sfjwt_gui.core.jwt_codec import sign
    from sfjwt_gui.core.signers import close_signer

    if not args.iss or not args.sub:
        raise InputError("sign needs --iss and --sub.", fix="--iss CONSUMER_KEY --sub USERNAME")
    if bool(args.aud) == bool(args.preset):
        raise InputError("Give exactly one of --aud and --preset.", fix="e.g. --preset production")
    lifetime = int(in_range("--lifetime", args.lifetime))
    extra = dict(parse_claim_assignment(item) for item in args.claim)
    if args.preset:
        connection = parse_preset(args.preset)
        aud, endpoint = connection.aud, connection.token_url
    else:
        aud, endpoint = args.aud, None
    key = load_signer(args, required=True)
    assert key is not None
    claims = Claims.new(args.iss, args.sub, aud, lifetime=lifetime, issued_at=args.iat)
    claims.extra.update(extra)
    payload = claims.to_payload()
    try:
        token = sign(payload, key)
    finally:
        close_signer(key)  # a token's session: log out now (the snippet needs only the reference)
    if args.endpoint:
        endpoint = token_url(args.endpoint)
    elif endpoint is None:
        try:
            endpoint = token_url(aud)
        except InputError:
            endpoint = None
    if args.snippet:
        return print_snippet(args, key=key, token=token, token_url=endpoint, aud=aud, lifetime=lifetime)
    if args.json:
        from sfjwt_gui.core.jwt_codec import decode

        emit_json({"token": token, "header": decode(token).header, "payload": payload, "token_url": endpoint})
    else:
        print(token)
    return 0


# ----- decode -----------------------------------------------------------------------------------------------------


def run_decode(args: argparse.Namespace) -> int:
    """Decode, annotate times, optionally verify."""
    from sfjwt_gui.core.jwt_codec import verify
    from sfjwt_gui.core.timefmt import annotate_times

    _check_lang(args.lang)
    try:
        decoded = _decode(args)
    except TokenFormatError as exc:
        return _token_error(exc, args.json, args.lang)
    certificate = _load_certificate(args.cert)
    verification = verify(decoded, certificate) if certificate is not None else None
    times = annotate_times(decoded.payload, lang=args.lang)
    if args.json:
        out: dict[str, Any] = {
            "header": decoded.header,
            "payload": decoded.payload,
            "signature": decoded.signature_b64,
            "times": {claim: info.to_json() for claim, info in times.items()},
            "repairs": decoded.repair_texts(args.lang),
            "posted_to": decoded.posted_to,
            "kind": decoded.kind,
        }
        if decoded.kind_note(args.lang):
            out["kind_note"] = decoded.kind_note(args.lang)
        if verification is not None:
            out["verified"] = verification.verified
            out["verification"] = verification.to_json(args.lang)
        emit_json(out)
    else:
        _print_decoded(decoded, times, verification, args.lang)
    return 2 if verification is not None and not verification.verified else 0


def _print_decoded(decoded: DecodedToken, times: dict[str, Any], verification: Verification | None, lang: str) -> None:
    import json

    say = _texts("decode", lang)
    for repair in decoded.repair_texts(lang):
        print(say["note"].format(text=repair))
    if decoded.posted_to:
        print(say["posted_to"].format(url=decoded.posted_to))
    kind_note = decoded.kind_note(lang)
    if kind_note:
        print(say["note"].format(text=kind_note))
    print(say["header"])
    print(_indent(json.dumps(decoded.header, indent=2, ensure_ascii=False)))
    print(say["payload"])
    print(_indent(json.dumps(decoded.payload, indent=2, ensure_ascii=False)))
    for claim, info in times.items():
        note = f" [{info.note}]" if info.note else ""
        print(say["time"].format(claim=claim, utc=info.utc, local=info.local, relative=info.relative, note=note))
    alg = decoded.algorithm or say["no_alg"]
    size, preview = len(decoded.signature), decoded.signature_b64[:32]
    print(say["signature"].format(size=size, alg=alg, preview=preview))
    if verification is not None:
        state = say["verified"] if verification.verified else say["not_verified"]
        print(state.format(reason=verification.reason_in(lang)))
        if verification.certificate_sha256:
            print(say["certificate_sha256"].format(fingerprint=verification.certificate_sha256))
        if verification.key_sha256:
            print(say["key_sha256"].format(fingerprint=verification.key_sha256))


def _texts(section: str, lang: str) -> dict[str, str]:
    """The ``section`` labels of ``resources/lint/cli.json`` in ``lang``."""
    from sfjwt_gui.core.text_data import load_json

    data: dict[str, dict[str, dict[str, str]]] = load_json("lint", "cli.json")
    return {name: texts.get(lang) or texts["en"] for name, texts in data[section].items()}


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


# ----- lint -------------------------------------------------------------------------------------------------------


def run_lint(args: argparse.Namespace) -> int:
    """Lint and print the findings; exit 2 when one is an error."""
    import math

    from sfjwt_gui.core.lint import Severity, has_errors, lint

    _check_lang(args.lang)
    try:
        clock_offset = float(args.clock_offset)
    except ValueError:
        clock_offset = math.nan
    if not math.isfinite(clock_offset):
        raise InputError(f"--clock-offset {args.clock_offset!r} is not seconds.", fix="e.g. --clock-offset -2.5")
    try:
        clock_uncertainty = float(args.clock_uncertainty)
    except ValueError:
        clock_uncertainty = math.nan
    if not math.isfinite(clock_uncertainty) or clock_uncertainty < 0:
        raise InputError(
            f"--clock-uncertainty {args.clock_uncertainty!r} is not a non-negative number of seconds.",
            fix="e.g. --clock-uncertainty 0.6",
        )
    try:
        decoded = _decode(args)
    except TokenFormatError as exc:
        return _token_error(exc, args.json, args.lang)
    signer = load_signer(args, required=False)
    if signer is not None:
        from sfjwt_gui.core.signers import close_signer

        close_signer(signer)  # lint needs only its public key, which the signer keeps
    findings = lint(
        decoded,
        endpoint=args.endpoint or decoded.posted_to,  # a pasted curl command says where it POSTs
        certificate=_load_certificate(args.cert),
        private_key=signer,
        clock_offset=clock_offset,
        clock_uncertainty=clock_uncertainty,
        lang=args.lang,
        gov_cloud=args.gov_cloud,
    )
    summary = {str(level): sum(1 for f in findings if f.severity is level) for level in Severity}
    if args.json:
        emit_json(
            {"findings": [f.to_json() for f in findings], "summary": summary, "repairs": decoded.repairs},
        )
    else:
        words = _texts("lint", args.lang)
        for repair in decoded.repair_texts(args.lang):
            print(words["note"].format(text=repair))
        for finding in findings:
            flag = f" ({words['unconfirmed']})" if not finding.confirmed else ""
            print(f"{words['severity_' + str(finding.severity)]:7} {finding.rule}{flag}")
            print(f"        {finding.message}")
            print(f"        {words['fix']}: {finding.fix}")
        counts = ", ".join(f"{words[level]}: {count}" for level, count in summary.items())
        print(counts if findings else words["none"])
    return 2 if has_errors(findings) else 0
