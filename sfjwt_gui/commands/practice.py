"""``sfjwt practice serve`` and ``sfjwt practice scenarios``: the loopback practice org from a terminal."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import textwrap
import threading
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from sfjwt_gui.commands.common import (
    add_json_flag,
    add_passphrase_flags,
    check_target,
    emit_json,
    print_usage,
    read_input_file,
    read_passphrase,
    write_new_file,
)

if TYPE_CHECKING:
    from cryptography import x509

    from sfjwt_gui.core.vault import Vault
    from sfjwt_gui.practice.server import PracticeServer

SERVE_HELP = """\
Serve the practice org on 127.0.0.1 until Ctrl+C or SIGTERM: POST /services/oauth2/token (JWT bearer),
GET /id/<orgId>/<userId> and GET /services/data/. It prints the endpoint URL, the consumer key, the username
and (with --tls) the CA file to trust; with --json exactly one JSON line first:
{"url", "consumer_key", "username", "ca_file", "scenario", "token_url", "my_domain_url"} (+ "demo_key_name",
"demo_key_file" when asked for).
The app's certificate: --cert FILE or --key NAME (a vault key's certificate) plays "upload the certificate to the
Connected App". Without them the server makes a throw-away demo key; keep it to sign with in the OS keyring
(--demo-key-name NAME) or as an encrypted file (--demo-key-out FILE). Private keys never go to plain files.
Exit codes: 0 stopped cleanly, 1 bad input (port in use, bad org file …), 3 keyring problem."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``practice serve`` and ``practice scenarios``."""
    practice = subparsers.add_parser(
        "practice",
        help="run the local practice org (a Salesforce-compatible token endpoint on loopback)",
        description="A local stand-in for Salesforce's token endpoint: practise the JWT flow and see every error.",
    )
    sub = practice.add_subparsers(dest="practice_command", metavar="ACTION")

    serve = sub.add_parser(
        "serve",
        help="serve the practice org until Ctrl+C or SIGTERM",
        description=SERVE_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    serve.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (default: a free one)")
    serve.add_argument("--tls", action="store_true", help="serve HTTPS with a local CA generated at start")
    serve.add_argument("--org", metavar="FILE", help="org description (JSON; see resources/practice/README.md)")
    serve.add_argument("--scenario", default="healthy", help="scenario to load (see 'sfjwt practice scenarios')")
    source = serve.add_mutually_exclusive_group()
    source.add_argument("--cert", metavar="FILE", help="certificate 'uploaded' to the app (PEM or DER)")
    source.add_argument("--key", metavar="NAME", help="use the certificate stored with this vault key")
    serve.add_argument(
        "--demo-key-name",
        metavar="NAME",
        help="without --cert/--key: keep the fresh demo key and its certificate in the OS keyring as NAME "
        "(replacing an earlier demo key of that name) to sign with: sfjwt token --key NAME",
    )
    serve.add_argument(
        "--demo-key-out",
        metavar="FILE",
        help="without --cert/--key: write the demo key to FILE as encrypted PKCS#8 (mode 0600), with the "
        "passphrase from --passphrase-env/--passphrase-file or a prompt",
    )
    add_passphrase_flags(serve, "passphrase for --demo-key-out")
    serve.add_argument("--force", action="store_true", help="overwrite an existing --demo-key-out FILE")
    serve.add_argument("--quiet", action="store_true", help="do not log requests on stderr")
    add_json_flag(serve, help="print the server's details as one JSON line first, then serve")
    serve.set_defaults(handler=serve_command)

    scenarios = sub.add_parser(
        "scenarios",
        help="list the practice scenarios with their stories",
        description="List the practice scenarios: name, title, the answer the learner's default request gets, and "
        'the story of how an admin gets there in a real org. --json prints {"scenarios": [{name, title, story, '
        "expected_status, expected_error, expected_description, faults}]}.",
    )
    scenarios.add_argument("--lang", choices=("en", "ja"), default="en", help="language of titles and stories")
    add_json_flag(scenarios)
    scenarios.set_defaults(handler=scenarios_command)

    practice.set_defaults(handler=lambda _args: print_usage(practice))


def _certificate_from_args(args: argparse.Namespace) -> x509.Certificate | None:
    from sfjwt_gui.core.errors import CertificateError

    if args.cert:
        from sfjwt_gui.core.key_loading import load_certificate

        data = read_input_file(args.cert)
        cert = load_certificate(data, source_name=args.cert)
        _check_rs256_certificate(cert, args.cert)
        return cert
    if args.key:
        from sfjwt_gui.core.vault import Vault

        stored = Vault().load_certificate(args.key)
        if stored is None:
            raise CertificateError(
                f"Vault key {args.key!r} has no certificate.",
                fix=f"Attach one first (sfjwt keys import CERT.crt --name {args.key}) or pass --cert FILE.",
            )
        return stored
    return None


def _check_rs256_certificate(cert: x509.Certificate, source: str) -> None:
    """A certificate whose key cannot verify RS256 would make every login fail: refuse it up front."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    from sfjwt_gui.core import policy
    from sfjwt_gui.core.errors import KeyTooSmallError, UnsupportedKeyError

    public = cert.public_key()
    if not isinstance(public, rsa.RSAPublicKey):
        raise UnsupportedKeyError(
            f"The certificate in {source} holds a {type(public).__name__.lstrip('_')} key, not RSA; "
            "Salesforce's JWT Bearer Flow verifies RS256 signatures only.",
            fix="Upload the certificate of an RSA key (sfjwt keygen makes one).",
        )
    if policy.key_size_too_small(public.key_size):
        raise KeyTooSmallError(
            f"The certificate in {source} holds a {public.key_size}-bit RSA key; at least 2048 bits are required.",
            fix="Generate a 2048-bit (or larger) key with sfjwt keygen and use its certificate.",
        )


class _DemoKeyPlan:
    """Where the throw-away demo key should go, checked before the server (and the key) is made."""

    def __init__(self, args: argparse.Namespace) -> None:
        from sfjwt_gui.core.errors import InputError

        self.name: str | None = args.demo_key_name
        self.out: Path | None = None
        self.force: bool = args.force
        self.passphrase: bytes | None = None
        self.vault: Vault | None = None
        self.replace = False
        if (self.name is not None or args.demo_key_out) and (args.cert or args.key):
            raise InputError(
                "--demo-key-name/--demo-key-out keep the server's demo key, but --cert/--key give the app your own "
                "certificate, so there is no demo key.",
                fix="Leave out --demo-key-name/--demo-key-out and sign with your own key, or leave out --cert/--key.",
            )
        if (args.passphrase_env or args.passphrase_file) and not args.demo_key_out:
            raise InputError(
                "--passphrase-env/--passphrase-file encrypt the --demo-key-out file, and no --demo-key-out was given.",
                fix="Add --demo-key-out FILE, or leave out the passphrase option.",
            )
        if self.name is not None:
            self._check_vault_name(self.name)
        if args.demo_key_out is not None:
            self._check_file(args)

    @property
    def wanted(self) -> bool:
        return self.name is not None or self.out is not None

    def _check_vault_name(self, name: str) -> None:
        from sfjwt_gui.core.errors import KeyExistsError, KeyNotFoundError
        from sfjwt_gui.core.vault import Vault, validate_name
        from sfjwt_gui.practice.server import is_demo_certificate

        validate_name(name)
        vault = Vault()
        try:
            vault.get(name)
        except KeyNotFoundError:
            pass
        else:
            if not is_demo_certificate(vault.load_certificate(name)):
                raise KeyExistsError(
                    f"Vault key {name!r} exists and is not a practice demo key; --demo-key-name will not replace it.",
                    fix=f"Choose another --demo-key-name, or practise with that key itself: --key {name}.",
                )
            self.replace = True
        vault.check_available()
        self.vault = vault

    def _check_file(self, args: argparse.Namespace) -> None:
        from sfjwt_gui.core.errors import InputError

        if not args.demo_key_out.strip() or args.demo_key_out == "-":
            raise InputError(
                f"--demo-key-out {args.demo_key_out!r} is not a file name; the demo key is written only to a file.",
                fix="Give a file name, or keep the demo key in the OS keyring with --demo-key-name NAME.",
            )
        self.out = check_target(args.demo_key_out, args.force)
        passphrase = read_passphrase(args, prompt=f"Passphrase for {args.demo_key_out}: ", confirm=True)
        if not passphrase:
            raise InputError(
                f"No passphrase (or an empty one) for the demo key file {args.demo_key_out!r}: private keys are "
                "never written unencrypted.",
                fix="Use --passphrase-env VAR or --passphrase-file FILE (or run in a terminal to be asked), "
                "or keep the demo key in the OS keyring with --demo-key-name NAME.",
            )
        self.passphrase = passphrase

    def keep(self, server: PracticeServer) -> dict[str, str]:
        """Store / write the server's demo key as planned; the JSON fields that say where it went."""
        from sfjwt_gui.core.errors import InputError

        if not self.wanted:
            return {}
        key, cert = server.demo_private_key, server.demo_certificate
        if key is None or cert is None:
            raise InputError(
                "Every app of the org file has its own certificate_pem, so the server made no demo key to keep.",
                fix="Leave out --demo-key-name/--demo-key-out, or set an app's certificate_pem to null.",
            )
        kept: dict[str, str] = {}
        if self.name is not None and self.vault is not None:
            kept["demo_key_name"] = self.vault.save(self.name, key, cert, overwrite=self.replace).name
        if self.out is not None:
            from sfjwt_gui.core.key_export import export_private_key_pkcs8

            write_new_file(self.out, export_private_key_pkcs8(key, self.passphrase), mode=0o600, force=self.force)
            kept["demo_key_file"] = str(self.out.resolve())
        return kept


def serve_command(args: argparse.Namespace) -> int:
    """Run the practice server in the foreground until Ctrl+C or SIGTERM."""
    from sfjwt_gui.core.errors import SfjwtError, exit_code

    try:
        return _serve(args)
    except SfjwtError as exc:
        if not args.json:
            raise
        # --json promises one line on stdout, so a failure to start is one compact line too
        print(f"sfjwt: error: {exc}", file=sys.stderr)
        error = {"type": type(exc).__name__, "message": exc.message, "fix": exc.fix}
        emit_json({"error": error}, one_line=True)
        return exit_code(exc)


def _serve(args: argparse.Namespace) -> int:
    from sfjwt_gui.core.errors import InputError
    from sfjwt_gui.practice.org import default_org, load_org
    from sfjwt_gui.practice.scenarios import get_scenario
    from sfjwt_gui.practice.server import PracticeServer

    if not 0 <= args.port <= 65535:
        raise InputError(f"--port {args.port} is not a TCP port.", fix="Choose 1 to 65535, or 0 for a free one.")
    get_scenario(args.scenario)  # fail fast with the list of names
    org = load_org(args.org) if args.org else default_org()
    certificate = _certificate_from_args(args)
    demo = _DemoKeyPlan(args)
    log = None if args.quiet else (lambda line: print(line, file=sys.stderr, flush=True))
    server = PracticeServer(
        org=org, scenario=args.scenario, certificate=certificate, tls=args.tls, port=args.port, log=log
    )
    stop = threading.Event()

    def on_signal(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    previous = signal.signal(signal.SIGTERM, on_signal)
    try:
        server.start()  # first, so a taken port leaves no demo key behind
        kept = demo.keep(server)
        info = {
            "url": server.url,
            "consumer_key": server.consumer_key,
            "username": server.username,
            "ca_file": str(server.ca_file) if server.ca_file else None,
            "scenario": server.scenario.name,
        }
        if args.json:
            line = {
                **info,
                "token_url": server.token_url,
                "my_domain_url": server.my_domain_url,
                **kept,
                "admin_access_token": server.admin_access_token,  # for sfjwt org inspect / the window's inspector
            }
            emit_json(line, one_line=True)
        else:
            _print_banner(server, info, kept)
        sys.stdout.flush()
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C is the normal way to stop
            server.serve_until(stop)
    finally:
        server.stop()
        signal.signal(signal.SIGTERM, previous)
    if not args.quiet:
        print("practice org stopped", file=sys.stderr)
    return 0


def _print_banner(server: PracticeServer, info: dict[str, Any], kept: dict[str, str]) -> None:
    org = server.org
    print(f"Practice org running (scenario: {info['scenario']}) — Ctrl+C to stop")
    print(f"  endpoint      {info['url']}")
    print(f"  token URL     {server.token_url}")
    print(f"  consumer key  {info['consumer_key']}")
    print(f"  username      {info['username']}")
    print(f"  aud accepted  {org.generic_login_url}  or  {org.my_domain_url}  or  {info['url']}")
    if info["ca_file"]:
        print(f"  CA file       {info['ca_file']}  (trust it: curl --cacert, httpx verify=…)")
    if "demo_key_name" in kept:
        print(
            f"  demo key      in the OS keyring as {kept['demo_key_name']!r} (sign with --key {kept['demo_key_name']})"
        )
    if "demo_key_file" in kept:
        print(f"  demo key file {kept['demo_key_file']}  (encrypted PKCS#8)")
    if not kept and server.demo_private_key is not None:
        print(
            "  certificate   a fresh demo key's; keep the key to sign with: --demo-key-name NAME (OS keyring) or "
            "--demo-key-out FILE (encrypted); or upload yours with --cert FILE / --key NAME"
        )


def scenarios_command(args: argparse.Namespace) -> int:
    """List the scenarios with their stories."""
    from sfjwt_gui.practice.scenarios import SCENARIOS

    if args.json:
        emit_json({"scenarios": [s.to_json(args.lang) for s in SCENARIOS.values()]})
        return 0
    for scenario in SCENARIOS.values():
        expected = (
            f"{scenario.expected_status} {scenario.expected_error} / {scenario.expected_description}"
            if scenario.expected_error
            else str(scenario.expected_status)
        )
        print(f"{scenario.name} — {scenario.title_in(args.lang)}  [{expected}]")
        story = scenario.story_in(args.lang)
        if args.lang == "ja":
            print("    " + story)
        else:
            print(textwrap.fill(story, width=100, initial_indent="    ", subsequent_indent="    "))
        print()
    return 0
