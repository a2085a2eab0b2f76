"""``sfjwt check``: run the whole chain for saved profiles (cron / CI): key, certificate, lint, exchange, API.

One line per profile and step; ``--json`` prints an array (each step with its sentence in ``--lang`` and the text id
and values it was written from). Exit code: the worst outcome over every profile —
0 all ok · 1 bad profile · 2 refused / lint error / certificate within the warning days · 3 keyring or network.
"""

from __future__ import annotations

import argparse

from sfjwt_gui.commands.common import add_json_flag, emit_json
from sfjwt_gui.core.errors import InputError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``check``."""
    check = subparsers.add_parser(
        "check",
        help="check saved profiles end to end (for cron / CI)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    which = check.add_mutually_exclusive_group()
    which.add_argument("--profile", metavar="NAME", help="check this profile")
    which.add_argument("--all", action="store_true", help="check every profile")
    check.add_argument("--no-send", action="store_true", help="stop before the token request")
    check.add_argument("--warn-days", type=int, metavar="N", help="certificate warning threshold in days (default 30)")
    check.add_argument("--ca-bundle", metavar="FILE", help="trust the CA certificates in FILE")
    check.add_argument("--trust", choices=["certifi", "os"], default="certifi", help="trust source")
    check.add_argument("--lang", choices=["en", "ja"], default="en")
    add_json_flag(check, help="print a JSON array, one object per profile")
    check.set_defaults(handler=run_check)


def run_check(args: argparse.Namespace) -> int:
    """Check the profiles and print one line per step."""
    from sfjwt_gui.core.exchange import ExchangeOptions
    from sfjwt_gui.core.nightly import check_profile, worst
    from sfjwt_gui.core.profiles import ProfileStore
    from sfjwt_gui.core.trust import Trust

    if args.warn_days is not None and not 0 <= args.warn_days <= 3650:
        raise InputError(f"--warn-days {args.warn_days} is not between 0 and 3650.", fix="e.g. --warn-days 30")
    store = ProfileStore()
    if args.profile:
        profiles = [store.get(args.profile)]
    elif args.all:
        profiles = store.list()
        if not profiles:
            raise InputError("There are no saved profiles.", fix="Save one with sfjwt profiles save NAME …")
    else:
        raise InputError("Give --profile NAME or --all.", fix="e.g. sfjwt check --all")
    trust = Trust.BUNDLE if args.ca_bundle else Trust(args.trust)
    options = ExchangeOptions(trust=trust, ca_bundle=args.ca_bundle, max_retries=1)
    results, code = [], 0
    for profile in profiles:
        steps = check_profile(profile, send=not args.no_send, warn_days=args.warn_days, options=options)
        code = max(code, worst(steps))
        results.append({"profile": profile.name, "code": worst(steps), "steps": [s.to_json(args.lang) for s in steps]})
        if not args.json:
            for step in steps:
                print(f"{profile.name}\t{step.name}\t{step.status}\t{step.text(args.lang)}")
    if args.json:
        emit_json(results)
    return code
