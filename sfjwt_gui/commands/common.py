"""Helpers shared by the subcommands: JSON output, passphrases, error reports."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from sfjwt_gui.core.errors import InputError, SfjwtError, exit_code


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    """Add the ``--json`` flag every command takes."""
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")


def add_passphrase_flags(parser: argparse.ArgumentParser, what: str = "passphrase") -> None:
    """Add ``--passphrase-env`` / ``--passphrase-file`` (never a passphrase on the command line)."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--passphrase-env", metavar="VAR", help=f"read the {what} from environment variable VAR")
    group.add_argument("--passphrase-file", metavar="FILE", help=f"read the {what} from the first line of FILE")


def read_passphrase(args: argparse.Namespace, *, prompt: str | None = None, confirm: bool = False) -> bytes | None:
    """Return the passphrase from ``--passphrase-env``/``--passphrase-file``, a TTY prompt, or None."""
    var = getattr(args, "passphrase_env", None)
    if var:
        value = os.environ.get(var)
        if value is None:
            raise InputError(
                f"Environment variable {var!r} is not set.",
                fix=f"Export {var} with the passphrase, or use --passphrase-file.",
            )
        return value.encode()
    file = getattr(args, "passphrase_file", None)
    if file:
        try:
            text = Path(file).read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"Cannot read passphrase file {file!r}: {exc.strerror}.", fix="Check the path.") from exc
        return text.splitlines()[0].encode() if text else b""
    if prompt is not None and sys.stdin.isatty():
        import getpass  # lazily: it pulls in termios, a cost every CLI start would pay

        first = getpass.getpass(prompt)
        if confirm and getpass.getpass("Again: ") != first:
            raise InputError("The two passphrases differ.", fix="Type the same passphrase twice.")
        return first.encode()
    return None


def emit_json(obj: Any) -> None:
    """Print one JSON object on stdout."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=str) + "\n")


def report_error(exc: SfjwtError, *, as_json: bool) -> int:
    """Print an error without a traceback and return its exit code."""
    print(f"sfjwt: error: {exc}", file=sys.stderr)
    if as_json:
        emit_json({"error": {"type": type(exc).__name__, "message": exc.message, "fix": exc.fix}})
    return exit_code(exc)
