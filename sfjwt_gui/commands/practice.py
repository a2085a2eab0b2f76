"""``sfjwt practice serve`` and ``sfjwt practice scenarios``: the loopback practice org from a terminal."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
import textwrap
import threading
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from sfjwt_gui.commands.common import add_json_flag, emit_json

if TYPE_CHECKING:
    from cryptography import x509


def register(subparsers: Any) -> None:
    """Add ``practice serve`` and ``practice scenarios``."""
    practice = subparsers.add_parser(
        "practice",
        help="run the local practice org (a Salesforce-compatible token endpoint on loopback)",
        description="A local stand-in for Salesforce's token endpoint: practise the JWT flow and see every error.",
    )
    sub = practice.add_subparsers(dest="practice_command", metavar="ACTION")

    serve = sub.add_parser("serve", help="serve the practice org until Ctrl+C or SIGTERM")
    serve.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (default: a free one)")
    serve.add_argument("--tls", action="store_true", help="serve HTTPS with a local CA generated at start")
    serve.add_argument("--org", metavar="FILE", help="org description (JSON; see resources/practice/README.md)")
    serve.add_argument("--scenario", default="healthy", help="scenario to load (see 'sfjwt practice scenarios')")
    source = serve.add_mutually_exclusive_group()
    source.add_argument("--cert", metavar="FILE", help="certificate 'uploaded' to the app (PEM or DER)")
    source.add_argument("--key", metavar="NAME", help="use the certificate stored with this vault key")
    serve.add_argument(
        "--demo-key-out",
        metavar="FILE",
        help="without --cert/--key: write the throw-away demo private key here (PEM, mode 0600) to sign with",
    )
    serve.add_argument("--quiet", action="store_true", help="do not log requests on stderr")
    add_json_flag(serve)
    serve.set_defaults(handler=serve_command)

    scenarios = sub.add_parser("scenarios", help="list the practice scenarios with their stories")
    scenarios.add_argument("--lang", choices=("en", "ja"), default="en", help="language of titles and stories")
    add_json_flag(scenarios)
    scenarios.set_defaults(handler=scenarios_command)

    practice.set_defaults(handler=lambda _args: _usage(practice))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 1


def _certificate_from_args(args: argparse.Namespace) -> x509.Certificate | None:
    from sfjwt_gui.core.errors import CertificateError, InputError

    if args.cert:
        from sfjwt_gui.core.key_loading import load_certificate

        try:
            data = Path(args.cert).read_bytes()
        except OSError as exc:
            raise InputError(
                f"Cannot read certificate file {args.cert!r}: {exc.strerror}.", fix="Check the path."
            ) from exc
        return load_certificate(data, source_name=args.cert)
    if args.key:
        from sfjwt_gui.core.vault import Vault

        cert = Vault().load_certificate(args.key)
        if cert is None:
            raise CertificateError(
                f"Vault key {args.key!r} has no certificate.",
                fix=f"Create one first (sfjwt keys cert {args.key} …) or pass --cert FILE.",
            )
        return cert
    return None


def _write_demo_key(path: str, pem: bytes) -> None:
    from sfjwt_gui.core.errors import InputError

    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(pem)
    except OSError as exc:
        raise InputError(
            f"Cannot write the demo key to {path!r}: {exc.strerror}.", fix="Choose a writable path."
        ) from exc


def serve_command(args: argparse.Namespace) -> int:
    """Run the practice server in the foreground until Ctrl+C or SIGTERM."""
    from sfjwt_gui.practice.org import default_org, load_org
    from sfjwt_gui.practice.scenarios import get_scenario
    from sfjwt_gui.practice.server import PracticeServer, private_key_pem

    get_scenario(args.scenario)  # fail fast with the list of names
    org = load_org(args.org) if args.org else default_org()
    certificate = _certificate_from_args(args)
    log = None if args.quiet else (lambda line: print(line, file=sys.stderr, flush=True))
    server = PracticeServer(
        org=org, scenario=args.scenario, certificate=certificate, tls=args.tls, port=args.port, log=log
    )
    stop = threading.Event()

    def on_signal(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    previous = signal.signal(signal.SIGTERM, on_signal)
    try:
        server.start()
        demo_key_file = None
        if args.demo_key_out and server.demo_private_key is not None:
            _write_demo_key(args.demo_key_out, private_key_pem(server.demo_private_key))
            demo_key_file = str(Path(args.demo_key_out).resolve())
        info = {
            "url": server.url,
            "consumer_key": server.consumer_key,
            "username": server.username,
            "ca_file": str(server.ca_file) if server.ca_file else None,
            "scenario": server.scenario.name,
        }
        if args.json:
            line = {**info, "token_url": server.token_url, "my_domain_url": server.my_domain_url}
            if demo_key_file:
                line["demo_key_file"] = demo_key_file
            sys.stdout.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
        else:
            _print_banner(server, info, demo_key_file)
        sys.stdout.flush()
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C is the normal way to stop
            server.serve_until(stop)
    finally:
        server.stop()
        signal.signal(signal.SIGTERM, previous)
    if not args.quiet:
        print("practice org stopped", file=sys.stderr)
    return 0


def _print_banner(server: Any, info: dict[str, Any], demo_key_file: str | None) -> None:
    org = server.org
    print(f"Practice org running (scenario: {info['scenario']}) — Ctrl+C to stop")
    print(f"  endpoint      {info['url']}")
    print(f"  token URL     {server.token_url}")
    print(f"  consumer key  {info['consumer_key']}")
    print(f"  username      {info['username']}")
    print(f"  aud accepted  {org.generic_login_url}  or  {org.my_domain_url}  or  {info['url']}")
    if info["ca_file"]:
        print(f"  CA file       {info['ca_file']}  (trust it: curl --cacert, httpx verify=…)")
    if demo_key_file:
        print(f"  demo key      {demo_key_file}  (throw-away key matching the app's certificate)")
    elif server.demo_private_key is not None:
        print("  certificate   a fresh demo key's; pass --demo-key-out FILE to sign with it, or --cert/--key for yours")


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
