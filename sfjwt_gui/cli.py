"""The ``sfjwt`` command: the same core as the window, for terminals, CI jobs and scripts.

Each subcommand lives in ``sfjwt_gui/commands/<module>.py`` with a ``register(subparsers)`` function; adding one is one
line in ``COMMANDS``. Only the module of the subcommand being run is imported, so ``sfjwt keygen`` does not pay for
httpx. A registered module that fails to import is an ``InstallError`` naming it and the cause (exit 3), never a
silently missing subcommand. Output piped into ``head`` that stops reading ends the command quietly.

Exit codes (stable): 0 ok · 1 bad input · 2 lint errors / Salesforce refused · 3 keyring or network problem, or an
incomplete installation.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

# subcommand -> module whose register(subparsers) adds it. A new subcommand is one line here (the spec collects it).
COMMANDS: dict[str, str] = {
    "keygen": "sfjwt_gui.commands.keygen",
    "inspect": "sfjwt_gui.commands.keygen",
    "keys": "sfjwt_gui.commands.keys",
    "sign": "sfjwt_gui.commands.jwt",
    "decode": "sfjwt_gui.commands.jwt",
    "lint": "sfjwt_gui.commands.jwt",
    "practice": "sfjwt_gui.commands.practice",
    "token": "sfjwt_gui.commands.token",
    "explain": "sfjwt_gui.commands.token",
    "org": "sfjwt_gui.commands.org",
    "profiles": "sfjwt_gui.commands.profiles",
    "check": "sfjwt_gui.commands.check",
}


def _requested_command(argv: Sequence[str]) -> str | None:
    for arg in argv:
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on usage errors; 2 means "lint errors / refused" here, so bad flags exit 1.

    With ``--json`` anywhere on the command line, a usage error also prints the error object on stdout, as every
    other error does: a script reading stdout always gets JSON.
    """

    json_errors = False  # set by main() before parsing

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        if _Parser.json_errors:
            from sfjwt_gui.commands.common import emit_json

            emit_json({"error": {"type": "UsageError", "message": message, "fix": f"See {self.prog} --help."}})
        self.exit(1, f"{self.prog}: error: {message}\n")


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """Build the parser, importing only the module of the requested subcommand (``InstallError`` if it is broken)."""
    from sfjwt_gui import __version__
    from sfjwt_gui.core.components import load_component

    parser = _Parser(
        prog="sfjwt",
        description="Salesforce JWT Bearer Flow: keys, certificates, signing, linting, token exchange, diagnosis.",
    )
    parser.add_argument("--version", action="version", version=f"sfjwt {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = _requested_command(argv)
    modules = [COMMANDS[wanted]] if wanted else list(dict.fromkeys(COMMANDS.values()))
    for name in modules:
        load_component(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    try:
        code = _run(list(sys.argv[1:] if argv is None else argv))
        sys.stdout.flush()  # inside the guard: a reader that left makes this fail here, not at interpreter exit
    except BrokenPipeError:
        return _reader_left()
    except SystemExit:  # argparse's --help, --version and usage errors print first, then exit
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            raise SystemExit(_reader_left()) from None
        raise
    return code


def _reader_left() -> int:
    """`sfjwt … | head`: the reader closed the pipe. No traceback, no "Exception ignored" at exit; 141 like SIGPIPE."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # the unflushed rest goes nowhere when Python flushes at exit
    os.close(devnull)
    return 141


def _run(args_list: list[str]) -> int:
    from sfjwt_gui.core.errors import SfjwtError

    _Parser.json_errors = "--json" in args_list
    try:
        parser = build_parser(args_list)
    except SfjwtError as exc:  # a broken install: name the module, not "invalid choice"
        from sfjwt_gui.commands.common import report_error

        return report_error(exc, as_json="--json" in args_list)
    args = parser.parse_args(args_list)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 1
    try:
        code: int = handler(args)
    except SfjwtError as exc:
        from sfjwt_gui.commands.common import report_error

        return report_error(exc, as_json=bool(getattr(args, "json", False)))
    except KeyboardInterrupt:
        print("sfjwt: interrupted", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":
    raise SystemExit(main())
