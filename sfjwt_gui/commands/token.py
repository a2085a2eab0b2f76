"""``sfjwt token`` (sign, send, diagnose) and ``sfjwt explain`` (explain an error body without sending anything).

Exit codes of ``token``: 0 success · 2 Salesforce refused · 3 network, TLS or server trouble · 1 local input problem.
``explain`` exits 0 when the error is in the catalogue, 2 when it is unknown, 1 when there is nothing to explain.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from sfjwt_gui.commands.common import add_json_flag, emit_json, read_input_file, read_stdin
from sfjwt_gui.commands.keyflags import add_key_flags, load_signer
from sfjwt_gui.core import policy
from sfjwt_gui.core.arg_ranges import in_range
from sfjwt_gui.core.errors import InputError, SfjwtError
from sfjwt_gui.core.errors import exit_code as exit_code_of

if TYPE_CHECKING:
    from cryptography import x509

    from sfjwt_gui.core.diagnosis import Diagnosis
    from sfjwt_gui.core.exchange import ApiCheck, ExchangeOptions, ExchangeResult
    from sfjwt_gui.core.org.client import OrgConnection
    from sfjwt_gui.core.signer import Signer

EXCHANGE_HELP = """\
Sign an assertion, send it to the token endpoint and explain the answer.
--endpoint takes a login host (https://login.salesforce.com) or the full token URL; --preset sets endpoint and aud
together (production | sandbox | mydomain:NAME | mydomain-sandbox:NAME:SANDBOX | site:URL); --aud overrides aud.
--cert FILE is the certificate uploaded to the app: the diagnosis checks the signing key against it.
TLS is always verified: certifi by default, --trust os for the operating system's store (corporate TLS
inspection), --ca-bundle FILE for a CA file. HTTPS_PROXY / NO_PROXY are honoured.
--json prints {outcome, diagnosis: {id, title, causes: [{cause, status, evidence}], fixes}, transcript,
token: {instance_url, org_id, user_id, scope}}; the access token only with --show-token.
Exit codes: 0 success, 2 Salesforce refused, 3 network/TLS/server trouble, 1 local input problem."""

EXPLAIN_HELP = """\
Explain a token-endpoint error without sending anything. BODY is the response body, or a log line that contains
it ('-' reads standard input); or give --error CODE [--description TEXT].
--json prints the diagnosis {id, title, meaning, causes, fixes, sources, closest, approximate, approximate_note};
"approximate" is true when the answer is not a documented JWT error and id is only the closest documented entry.
Exit codes: 0 a known error, 2 not in the catalogue (closest entry shown), 1 nothing to explain."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``token`` and ``explain``."""
    raw = argparse.RawDescriptionHelpFormatter
    token = subparsers.add_parser("token", help="get an access token and explain the answer", description=EXCHANGE_HELP)
    token.formatter_class = raw
    add_key_flags(token)
    token.add_argument("--iss", help="the app's consumer key")
    token.add_argument("--sub", help="the Salesforce username")
    token.add_argument("--endpoint", metavar="URL", help="login host or full token URL")
    token.add_argument(
        "--preset",
        help="production | sandbox | mydomain:NAME | mydomain-sandbox:NAME:SANDBOX | site:URL | govcloud:NAME"
        " | govcloud-sandbox:NAME:SANDBOX",
    )
    token.add_argument(
        "--gov-cloud",
        action="store_true",
        help="the org is on Government Cloud (implied by a govcloud preset): the diagnosis lints the split",
    )
    token.add_argument("--aud", metavar="URL", help="audience (default: from --preset, else the endpoint's host)")
    token.add_argument("--cert", metavar="FILE", help="the certificate uploaded to the app (PEM or DER)")
    trust = token.add_mutually_exclusive_group()
    trust.add_argument("--ca-bundle", metavar="FILE", help="trust the CA certificates in FILE")
    trust.add_argument("--trust", choices=["certifi", "os"], default="certifi", help="trust source (default certifi)")
    token.add_argument("--check-api", action="store_true", help="on success, call the identity URL and /services/data/")
    token.add_argument(
        "--timeout",
        default="30",
        metavar="S",
        help="read timeout in seconds (0.1-600, default 30); an attempt ends after connect + read timeout at most",
    )
    token.add_argument("--connect-timeout", default="10", metavar="S", help="connect timeout (0.1-600, default 10)")
    token.add_argument("--retries", default="2", metavar="N", help="retries of transient failures (0-10, default 2)")
    lifetime = policy.DEFAULT_LIFETIME_SECONDS
    token.add_argument(
        "--lifetime", default=str(lifetime), metavar="S", help=f"exp = now + S (1-86400, default {lifetime})"
    )
    token.add_argument("--org-kind", choices=["production", "sandbox"], help="what the org is, if you know")
    token.add_argument("--lang", choices=["en", "ja"], default="en")
    token.add_argument("--show-token", action="store_true", help="print the access token (it is a password)")
    token.add_argument("--show-assertion", action="store_true", help="show the whole assertion in the transcript")
    token.add_argument("--verbose", "-v", action="store_true", help="print the transcript")
    from sfjwt_gui.commands.profiles import add_profile_flag

    add_profile_flag(token)
    token.add_argument("--inspect-org", action="store_true", help="on a refusal, ask the org (needs an admin token)")
    from sfjwt_gui.commands.org import add_admin_flags

    add_admin_flags(token, url_flag="--admin-instance-url", env_flag="--admin-token-env")
    add_json_flag(token)
    token.set_defaults(handler=run_token)

    explain = subparsers.add_parser("explain", help="explain a token-endpoint error body", description=EXPLAIN_HELP)
    explain.formatter_class = raw
    explain.add_argument("body", nargs="?", metavar="BODY", help="response body or log line; '-' for standard input")
    explain.add_argument("--error", metavar="CODE", help="the OAuth error code, e.g. invalid_grant")
    explain.add_argument("--description", metavar="TEXT", help="the error_description")
    explain.add_argument("--assertion", metavar="JWT", help="the assertion that was sent: adds its lint as evidence")
    explain.add_argument("--endpoint", metavar="URL", help="where it was sent (login host or token URL)")
    explain.add_argument("--lang", choices=["en", "ja"], default="en")
    add_json_flag(explain)
    explain.set_defaults(handler=run_explain)


def _certificate(path: str | None) -> x509.Certificate | None:
    if not path:
        return None
    from sfjwt_gui.core.key_loading import load_certificate

    return load_certificate(read_input_file(path), source_name=path)


def _connection(args: argparse.Namespace) -> tuple[str, str, bool]:
    """(token URL, aud, Government Cloud) from --preset or --endpoint, --aud and --gov-cloud."""
    from sfjwt_gui.core.connection import login_url, parse_preset, token_url

    if bool(args.endpoint) == bool(args.preset):
        raise InputError("Give exactly one of --endpoint and --preset.", fix="e.g. --preset production")
    if args.preset:
        connection = parse_preset(args.preset)
        return connection.token_url, args.aud or connection.aud, args.gov_cloud or connection.gov_cloud
    return token_url(args.endpoint), args.aud or login_url(args.endpoint), args.gov_cloud


def _options(args: argparse.Namespace) -> ExchangeOptions:
    from sfjwt_gui.core.exchange import ExchangeOptions
    from sfjwt_gui.core.trust import Trust

    trust = Trust.BUNDLE if args.ca_bundle else Trust(args.trust)
    return ExchangeOptions(
        connect_timeout=in_range("--connect-timeout", args.connect_timeout),
        read_timeout=in_range("--timeout", args.timeout),
        trust=trust,
        ca_bundle=args.ca_bundle,
        max_retries=int(in_range("--retries", args.retries)),
        reveal_assertion=args.show_assertion,
        reveal_token=args.show_token,
    )


def _local(message: str, fix: str, args: argparse.Namespace, url: str = "", *, code: int = 1) -> int:
    from sfjwt_gui.core.diagnosis import diagnose
    from sfjwt_gui.core.exchange import local_failure

    result = local_failure(f"{message} {fix}".strip(), token_url=url)
    diagnosis = diagnose(result, lang=args.lang)
    _emit(args, result, diagnosis, None)
    return code  # 1 for bad input, 3 for the keyring (as everywhere else)


def run_token(args: argparse.Namespace) -> int:
    """Sign, send, diagnose (``core.flow``: the same flow as the window's Send page)."""
    from sfjwt_gui.core.claims import Claims
    from sfjwt_gui.core.flow import SendSettings, sign_send_diagnose
    from sfjwt_gui.core.outcome import exit_code
    from sfjwt_gui.core.signers import close_signer

    url = ""
    admin: OrgConnection | None = None
    try:
        from sfjwt_gui.commands.profiles import apply_profile

        apply_profile(args)
        if not args.iss or not args.sub:
            raise InputError("token needs --iss and --sub.", fix="--iss CONSUMER_KEY --sub USERNAME")
        url, aud, gov_cloud = _connection(args)
        settings = SendSettings(
            url,
            _options(args),
            uploaded_certificate=_certificate(args.cert),
            org_kind=args.org_kind,
            check_api=args.check_api,
            gov_cloud=gov_cloud,
        )
        key = load_signer(args, required=True)  # keyring, file, or a key that stays in its token / KMS
        assert key is not None
        claims = Claims.new(args.iss, args.sub, aud, lifetime=int(in_range("--lifetime", args.lifetime)))
        admin = _admin(args) if args.inspect_org else None  # a missing admin token is said before sending
        # raises only before sending: bad input, an unreadable key file, no usable keyring / token / KMS key,
        # a bad CA bundle
        try:
            flow = sign_send_diagnose(claims, key, settings, restamp=False, langs=(args.lang,))
        finally:
            close_signer(key)  # a token's session: logged out as soon as the flow is done
    except SfjwtError as exc:  # nothing was sent
        from sfjwt_gui.core.key_texts import describe_error

        # core errors in --lang (ours stay English); exit 1 for bad input, 3 for the keyring (as everywhere)
        return _local(*describe_error(exc, args.lang), args, url, code=exit_code_of(exc))
    diagnosis = flow.diagnosis(args.lang)
    if admin is not None and flow.exchange.token is None:
        _inspect(args, diagnosis, aud, settings.uploaded_certificate, admin, key)
    _emit(args, flow.exchange, diagnosis, flow.api)
    code = exit_code(flow.exchange.outcome)
    return 3 if code == 0 and flow.api is not None and not flow.api.ok else code


def _admin(args: argparse.Namespace) -> OrgConnection:
    from sfjwt_gui.commands.org import admin_connection

    return admin_connection(
        args,
        url_attr="admin_instance_url",
        env_attr="admin_token_env",
        url_flag="--admin-instance-url",
        env_flag="--admin-token-env",
    )


def _inspect(
    args: argparse.Namespace,
    diagnosis: Diagnosis,
    aud: str,
    certificate: x509.Certificate | None,
    connection: OrgConnection,
    signing_key: Signer | None = None,
) -> None:
    """Add the org's answers to ``diagnosis`` (refusals become 'could not check'; nothing here hides it)."""
    from sfjwt_gui.commands.org import verify_from
    from sfjwt_gui.core.org.attach import add_org_answers
    from sfjwt_gui.core.org.inspect import inspect_org

    inspection = inspect_org(
        connection,
        iss=args.iss,
        sub=args.sub,
        aud=aud,
        certificate=certificate,
        signing_key=signing_key,  # compared with the app's certificate when no --cert is given
        verify=verify_from(args),
        timeout=in_range("--timeout", args.timeout),
    )
    add_org_answers(diagnosis, inspection, args.lang)


def _emit(args: argparse.Namespace, result: ExchangeResult, diagnosis: Diagnosis, api: ApiCheck | None) -> None:
    show_token = bool(getattr(args, "show_token", False))
    if args.json:
        out: dict[str, Any] = {
            "outcome": str(result.outcome),
            "diagnosis": diagnosis.to_json(),
            "transcript": result.transcript.to_json(),
            "token": result.token.to_json(reveal=show_token) if result.token else None,
            "server_date": result.server_date,
            "clock_offset": result.clock_offset,
            "clock_uncertainty": result.clock_uncertainty,
        }
        if api is not None:
            out["api"] = api.to_json()
        emit_json(out)
        return
    if getattr(args, "verbose", False) and result.transcript.attempts:
        print(result.transcript.to_text(), end="\n\n")
    print(diagnosis.to_text())
    label = _labels("ja" if getattr(args, "lang", "en") == "ja" else "en")
    if result.token is not None:
        token = result.token
        print()
        print(f"{label['instance_url']}{token.instance_url}")
        print(f"{label['org_id']}{token.org_id}")
        print(f"{label['user_id']}{token.user_id}")
        print(f"{label['scope']}{token.scope}")
        print(f"{label['access_token']}{token.access_token if show_token else token.masked_token_in(args.lang)}")
        format_note = token.format_note(args.lang)
        if format_note:
            print(format_note)
    if result.clock_offset is not None:
        offset = result.clock_offset if abs(result.clock_offset) >= 0.05 else 0.0  # never "-0.0 s"
        within = result.clock_uncertainty or 0.0
        print(label["date"].format(date=result.server_date, offset=offset, within=within))
    if api is not None:
        if api.ok:
            versions = ", ".join(api.api_versions[-3:])
            print(label["api_ok"].format(user=api.username, org=api.org_id, versions=versions))
        else:
            print(label["api_failed"].format(error=api.error_in(args.lang)))


def _labels(lang: str) -> dict[str, str]:
    """The labels of the lines under the diagnosis (``resources/errors/cli.json``) in ``lang``."""
    from sfjwt_gui.core.text_data import load_json

    data: dict[str, dict[str, dict[str, str]]] = load_json("errors", "cli.json")
    return {name: texts.get(lang) or texts["en"] for name, texts in data["token"].items()}


def _read_body(body: str | None) -> str:
    if body is not None and body != "-":
        return body
    if sys.stdin is None or sys.stdin.isatty():
        raise InputError(
            "No error body given.", fix="Pass the body as an argument, pipe it in with '-', or use --error."
        )
    return read_stdin().decode("utf-8", "replace")


def run_explain(args: argparse.Namespace) -> int:
    """Explain a body, a log line, or an error code."""
    from sfjwt_gui.core.catalogue import UNKNOWN_ID
    from sfjwt_gui.core.diagnosis import explain_error, explain_text

    if args.error or (args.description and args.body is None):
        diagnosis = explain_error(
            args.error, args.description, lang=args.lang, assertion=args.assertion, endpoint=args.endpoint
        )
    else:
        diagnosis = explain_text(
            _read_body(args.body), lang=args.lang, assertion=args.assertion, endpoint=args.endpoint
        )
    if args.json:
        emit_json(diagnosis.to_json())
    else:
        print(diagnosis.to_text())
    return 2 if diagnosis.id == UNKNOWN_ID else 0
