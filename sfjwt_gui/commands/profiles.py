"""``sfjwt profiles list|show|save|delete|import-sf`` and the ``--profile NAME`` flag of sign, token and check.

Profiles are the window's and the CLI's shared connection settings (``core.profiles``): never a key, passphrase or
token. ``save NAME`` takes ``token``'s connection flags; ``--profile`` fills the flags that were not given (flags
override the profile). ``import-sf`` makes a profile from each org the Salesforce CLI authorised with JWT and imports
its key file into the OS keyring only with ``--import-keys`` or a "y" at the prompt.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from sfjwt_gui.commands.common import add_json_flag, emit_json, print_usage, read_input_file

if TYPE_CHECKING:
    from sfjwt_gui.core.profiles import Profile


def add_profile_flag(parser: argparse.ArgumentParser) -> None:
    """Add ``--profile NAME``."""
    parser.add_argument("--profile", metavar="NAME", help="fill unset connection flags from this saved profile")


def apply_profile(args: argparse.Namespace) -> Profile | None:
    """Fill the connection flags ``args`` left unset from ``--profile`` (given flags win); return the profile."""
    name = getattr(args, "profile", None)
    if not name:
        return None
    from sfjwt_gui.core.profiles import ProfileStore

    profile = ProfileStore().get(name)
    fills = {"iss": profile.consumer_key, "sub": profile.username, "aud": profile.aud}
    for attr, value in fills.items():
        if hasattr(args, attr) and not getattr(args, attr) and value:
            setattr(args, attr, value)
    if hasattr(args, "endpoint") and not args.endpoint and not getattr(args, "preset", None) and profile.endpoint:
        args.endpoint = profile.endpoint
        if hasattr(args, "gov_cloud") and profile.gov_cloud:
            args.gov_cloud = True  # the org's, not the URLs': the diagnosis lints the Government Cloud split
    if hasattr(args, "key") and not args.key and not getattr(args, "key_file", None) and profile.key_name:
        args.key = profile.key_name
    if hasattr(args, "pkcs11_module") and not args.pkcs11_module and profile.pkcs11_module:
        args.pkcs11_module = profile.pkcs11_module
    return profile


def profile_json(profile: Profile) -> dict[str, Any]:
    """A profile for ``--json`` (no secrets exist to hide)."""
    return profile.to_json()


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``profiles``."""
    group = subparsers.add_parser("profiles", help="saved connection profiles (shared with the window)")
    group.set_defaults(handler=lambda _args: print_usage(group))
    actions = group.add_subparsers(dest="profiles_command", metavar="ACTION")
    listing = actions.add_parser("list", help="list the profiles")
    add_json_flag(listing)
    listing.set_defaults(handler=run_list)
    show = actions.add_parser("show", help="show one profile")
    show.add_argument("name")
    add_json_flag(show)
    show.set_defaults(handler=run_show)
    save = actions.add_parser("save", help="save (or replace) a profile from token's connection flags")
    save.add_argument("name")
    save.add_argument("--iss", help="the app's consumer key")
    save.add_argument("--sub", help="the Salesforce username")
    save.add_argument("--endpoint", metavar="URL", help="login host or full token URL")
    save.add_argument(
        "--preset",
        help="production | sandbox | mydomain:NAME | mydomain-sandbox:NAME:SANDBOX | site:URL | govcloud:NAME | "
        "govcloud-sandbox:NAME:SANDBOX",
    )
    save.add_argument(
        "--gov-cloud", action="store_true", help="the org is on Government Cloud (implied by a govcloud preset)"
    )
    save.add_argument("--aud", metavar="URL", help="audience")
    save.add_argument("--key", metavar="NAME", help="the key's name in the OS keyring")
    save.add_argument("--cert", metavar="FILE", help="the certificate uploaded to the app (its fingerprint is kept)")
    add_json_flag(save)
    save.set_defaults(handler=run_save)
    delete = actions.add_parser("delete", help="delete a profile")
    delete.add_argument("name")
    add_json_flag(delete)
    delete.set_defaults(handler=run_delete)
    sf = actions.add_parser("import-sf", help="make profiles from the Salesforce CLI's JWT orgs (sf org list)")
    sf.add_argument("--import-keys", action="store_true", help="also import each org's key file into the keyring")
    sf.add_argument("--no-prompt", action="store_true", help="never ask; keys only with --import-keys")
    sf.add_argument("--overwrite", action="store_true", help="replace profiles of the same name")
    add_json_flag(sf)
    sf.set_defaults(handler=run_import_sf)


def _store() -> Any:
    from sfjwt_gui.core.profiles import ProfileStore

    return ProfileStore()


def _print(profile: Profile) -> None:
    for field, value in profile.to_json().items():
        if field != "format":
            shown = ("yes" if value else "no") if isinstance(value, bool) else (value or "—")
            print(f"{field + ':':20} {shown}")


def run_list(args: argparse.Namespace) -> int:
    """List profiles."""
    profiles = _store().list()
    if args.json:
        emit_json({"profiles": [profile_json(p) for p in profiles], "folder": str(_store().folder)})
    else:
        for p in profiles:
            print(f"{p.name}\t{p.username or '—'}\t{p.endpoint or '—'}")
        if not profiles:
            print("no profiles yet (sfjwt profiles save NAME …)", file=sys.stderr)
    return 0


def run_show(args: argparse.Namespace) -> int:
    """Show one profile."""
    profile = _store().get(args.name)
    if args.json:
        emit_json(profile_json(profile))
    else:
        _print(profile)
    return 0


def run_save(args: argparse.Namespace) -> int:
    """Save a profile from the connection flags."""
    from sfjwt_gui.core.profiles import profile_from_dict

    endpoint, aud, gov_cloud = args.endpoint or "", args.aud or "", bool(getattr(args, "gov_cloud", False))
    if args.preset:
        from sfjwt_gui.core.connection import parse_preset

        connection = parse_preset(args.preset)
        endpoint, aud = connection.token_url, aud or connection.aud
        gov_cloud = gov_cloud or connection.gov_cloud
    elif endpoint:
        from sfjwt_gui.core.connection import login_url

        aud = aud or login_url(endpoint)
    fingerprint = ""
    if args.cert:
        from sfjwt_gui.core.fingerprints import sha256_fingerprint
        from sfjwt_gui.core.key_loading import load_certificate

        fingerprint = sha256_fingerprint(load_certificate(read_input_file(args.cert), source_name=args.cert))
    profile = profile_from_dict(
        {
            "name": args.name,
            "endpoint": endpoint,
            "aud": aud,
            "consumer_key": args.iss or "",
            "username": args.sub or "",
            "key_name": args.key or "",
            "pkcs11_module": getattr(args, "pkcs11_module", None) or "",
            "certificate_sha256": fingerprint,
            "gov_cloud": gov_cloud,
        }
    )
    path = _store().save(profile)
    if args.json:
        emit_json({"saved": profile_json(profile), "file": str(path)})
    else:
        print(f"saved profile {profile.name!r} ({path})")
    return 0


def run_delete(args: argparse.Namespace) -> int:
    """Delete a profile."""
    _store().delete(args.name)
    if args.json:
        emit_json({"deleted": args.name})
    else:
        print(f"deleted profile {args.name!r}")
    return 0


def _agree(question: str, args: argparse.Namespace) -> bool:
    if args.import_keys:
        return True
    if args.no_prompt or args.json or sys.stdin is None or not sys.stdin.isatty():
        return False
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")


def run_import_sf(args: argparse.Namespace) -> int:
    """Profiles from the Salesforce CLI's JWT orgs; key files into the keyring only when the user agrees."""
    from sfjwt_gui.core.org.sf_cli import list_orgs
    from sfjwt_gui.core.profiles import import_sf_org

    store = _store()
    report: list[dict[str, Any]] = []
    for org in list_orgs():
        if not org.is_jwt:
            continue
        kept = store.exists(org.name) and not args.overwrite
        agreed = not kept and _agree(f"Import the key file {org.private_key} of {org.name} into the OS keyring?", args)
        report.append(import_sf_org(org, store=store, import_key=agreed, overwrite=args.overwrite))
    if args.json:
        emit_json({"imported": report})
    else:
        for entry in report:
            key = f", key in keyring as {entry['key_imported']!r}" if entry.get("key_imported") else ""
            print(f"{entry['name']}: {entry['result']}{key}")
        if not report:
            print("the Salesforce CLI holds no org authorised with JWT", file=sys.stderr)
    return 0
