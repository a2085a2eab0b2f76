"""``sfjwt org inspect``: ask the org itself which causes are real, read-only, with an admin token.

The admin token comes from ``--sf-org ALIAS`` (the Salesforce CLI) or from the environment variable named by
``--access-token-env`` — never from the command line. Exit codes: 0 nothing wrong · 2 a check found a problem ·
3 the org cannot be reached · 1 bad input (also: the Salesforce CLI is missing or has no such org).
"""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING, Any

from sfjwt_gui.commands.common import add_json_flag, emit_json, print_usage, read_input_file
from sfjwt_gui.core.errors import InputError

if TYPE_CHECKING:
    from cryptography import x509

    from sfjwt_gui.core.org.client import OrgConnection

INSPECT_HELP = """\
Read the org (GET requests and the Metadata API's read calls only) and check, for the app whose consumer key is
--iss and the user --sub: the user (exists, active), the app (consumer key, certificate, Permitted Users, the
profiles and permission sets assigned to it, scopes, IP relaxation), the org (production or sandbox vs --aud),
the clocks, and the user's Login History; then the seed article's best practices.
Admin token: --sf-org ALIAS (sf org auth show-access-token) or --instance-url URL --access-token-env VAR.
--json prints {instance_url, reachable, checks: [{id, status, evidence, record, needs}], practices: [...]}.
Exit codes: 0 nothing wrong, 2 a check found a problem, 3 the org cannot be reached, 1 bad input."""


def add_admin_flags(parser: argparse.ArgumentParser, *, url_flag: str, env_flag: str) -> None:
    """Flags naming the admin connection: ``--sf-org`` or (``url_flag`` + ``env_flag``), plus trust flags."""
    parser.add_argument("--sf-org", metavar="ALIAS", help="take the admin token from the Salesforce CLI")
    parser.add_argument(url_flag, metavar="URL", help="the org's instance (My Domain) URL for the admin token")
    parser.add_argument(env_flag, metavar="VAR", help="environment variable holding the admin access token")
    if not any(a.dest == "ca_bundle" for a in parser._actions):
        trust = parser.add_mutually_exclusive_group()
        trust.add_argument("--ca-bundle", metavar="FILE", help="trust the CA certificates in FILE")
        trust.add_argument("--trust", choices=["certifi", "os"], default="certifi", help="trust source")


def admin_connection(
    args: argparse.Namespace, *, url_attr: str, env_attr: str, url_flag: str, env_flag: str
) -> OrgConnection:
    """The admin ``OrgConnection`` from ``--sf-org`` or the URL + environment variable (InputError otherwise)."""
    from sfjwt_gui.core.org.client import OrgConnection

    url, env = getattr(args, url_attr, None), getattr(args, env_attr, None)
    if args.sf_org and (url or env):
        raise InputError(f"Give either --sf-org or {url_flag} with {env_flag}, not both.", fix="Pick one source.")
    if args.sf_org:
        from sfjwt_gui.core.org.sf_cli import connection

        return connection(args.sf_org)
    if not url or not env:
        raise InputError(
            f"The org inspector needs an admin connection: --sf-org ALIAS, or {url_flag} URL with {env_flag} VAR.",
            fix=f"e.g. export SF_ADMIN_TOKEN=…; {url_flag} https://acme.my.salesforce.com {env_flag} SF_ADMIN_TOKEN",
        )
    if not url.startswith(("https://", "http://127.0.0.1", "http://localhost")):
        raise InputError(
            f"{url_flag} {url!r} is not an https URL.", fix="Use the org's https://….my.salesforce.com URL."
        )
    token = os.environ.get(env, "").strip()
    if not token:
        raise InputError(f"Environment variable {env!r} is not set or empty.", fix=f"Export {env} with the token.")
    if len(token) > 4096 or any(ch.isspace() for ch in token):
        raise InputError(f"Environment variable {env!r} does not hold an access token.", fix="Copy the token again.")
    return OrgConnection(url, token, source="env")


def verify_from(args: argparse.Namespace) -> Any:
    """The TLS verification context the trust flags ask for."""
    from sfjwt_gui.core.trust import Trust, ssl_context

    trust = Trust.BUNDLE if getattr(args, "ca_bundle", None) else Trust(getattr(args, "trust", "certifi"))
    return ssl_context(trust, getattr(args, "ca_bundle", None))


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``org inspect``."""
    org = subparsers.add_parser("org", help="ask the org itself (read-only): sfjwt org inspect")
    org.set_defaults(handler=lambda _args: print_usage(org))
    actions = org.add_subparsers(dest="org_command", metavar="ACTION")
    inspect = actions.add_parser("inspect", help="check the app and user in the org", description=INSPECT_HELP)
    inspect.formatter_class = argparse.RawDescriptionHelpFormatter
    inspect.add_argument("--iss", required=False, help="the app's consumer key")
    inspect.add_argument("--sub", required=False, help="the integration user's username")
    inspect.add_argument("--aud", metavar="URL", help="the audience the JWT uses")
    inspect.add_argument("--cert", metavar="FILE", help="the signing key's certificate (compared with the app's)")
    inspect.add_argument("--lifetime", metavar="S", help="the assertion lifetime you use (a practice; 1-86400)")
    add_admin_flags(inspect, url_flag="--instance-url", env_flag="--access-token-env")
    inspect.add_argument("--timeout", default="30", metavar="S", help="per request (0.1-600, default 30)")
    inspect.add_argument("--lang", choices=["en", "ja"], default="en")
    add_json_flag(inspect)
    inspect.set_defaults(handler=run_inspect)


def certificate_from(path: str | None) -> x509.Certificate | None:
    """The certificate in ``path`` (PEM or DER), or None."""
    if not path:
        return None
    from sfjwt_gui.core.key_loading import load_certificate

    return load_certificate(read_input_file(path), source_name=path)


def run_inspect(args: argparse.Namespace) -> int:
    """Inspect and print; the exit code says the worst finding."""
    from sfjwt_gui.core.org.inspect import inspect_org
    from sfjwt_gui.core.org.practices import PracticeInput

    if not args.iss or not args.sub:
        raise InputError("org inspect needs --iss and --sub.", fix="--iss CONSUMER_KEY --sub USERNAME")
    from sfjwt_gui.core.arg_ranges import in_range

    timeout = in_range("--timeout", args.timeout)  # nan, inf and absurd values refused with the range
    lifetime = None if args.lifetime is None else int(in_range("--lifetime", args.lifetime))
    certificate = certificate_from(args.cert)
    connection = admin_connection(
        args,
        url_attr="instance_url",
        env_attr="access_token_env",
        url_flag="--instance-url",
        env_flag="--access-token-env",
    )
    inspection = inspect_org(
        connection,
        iss=args.iss,
        sub=args.sub,
        aud=args.aud,
        certificate=certificate,
        practice_input=PracticeInput(profile_fingerprints=_profile_fingerprints(), lifetime=lifetime),
        verify=verify_from(args),
        timeout=timeout,
    )
    if args.json:
        emit_json(inspection.to_json(args.lang))
    else:
        print(inspection.to_text(args.lang))
    return inspection.exit_code


def _profile_fingerprints() -> list[tuple[str, str]]:
    from sfjwt_gui.core.profiles import ProfileStore

    try:
        return [(p.name, p.certificate_sha256) for p in ProfileStore().list() if p.certificate_sha256]
    except OSError:  # the key-reuse practice is optional: an unreadable folder never stops an inspection
        return []
