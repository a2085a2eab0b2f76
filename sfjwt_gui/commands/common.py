"""Helpers shared by the subcommands: JSON output, passphrases, error reports."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sfjwt_gui.core.errors import InputError, PassphraseRequiredError, SfjwtError, exit_code
from sfjwt_gui.core.text_files import decode_text_file
from sfjwt_gui.core.user_files import (
    KEY_FILE_LIMIT,
    PASSPHRASE_FILE_LIMIT,
    TEXT_INPUT_LIMIT,
    NewFile,
    check_output,
    read_bounded,
    read_stream_bounded,
    write_files,
)

if TYPE_CHECKING:
    from sfjwt_gui.core.inspection import Inspection
    from sfjwt_gui.core.material import LoadedMaterial


def add_json_flag(parser: argparse.ArgumentParser, help: str = "print one JSON object instead of text") -> None:
    """Add the ``--json`` flag every command takes."""
    parser.add_argument("--json", action="store_true", help=help)


def print_usage(parser: argparse.ArgumentParser) -> int:
    """For a command group run without its action: print the group's help on stderr; exit code 1."""
    parser.print_help(sys.stderr)
    return 1


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
        raw = read_bounded(file, limit=PASSPHRASE_FILE_LIMIT)
        try:
            text = decode_text_file(raw)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"Passphrase file {file!r} is not UTF-8 text.", fix="Save the passphrase as UTF-8 text."
            ) from exc
        return text.splitlines()[0].encode() if text else b""
    if prompt is not None and sys.stdin.isatty():
        import getpass  # lazily: it pulls in termios, a cost every CLI start would pay

        try:
            first = getpass.getpass(prompt)
            if confirm and getpass.getpass("Again: ") != first:
                raise InputError("The two passphrases differ.", fix="Type the same passphrase twice.")
        except EOFError:  # Ctrl+D at the prompt
            raise InputError(
                "No passphrase was typed (the input ended).",
                fix="Type the passphrase and press Enter, or use --passphrase-env VAR / --passphrase-file FILE.",
            ) from None
        return first.encode()
    return None


def read_input_file(path: str) -> bytes:
    """The bytes of the regular file ``path`` (a key, certificate or keystore: at most ``KEY_FILE_LIMIT``)."""
    return read_bounded(path, limit=KEY_FILE_LIMIT)


def read_stdin(limit: int = TEXT_INPUT_LIMIT) -> bytes:
    """Standard input, at most ``limit`` bytes (InputError when it holds more)."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # a text-only stream (tests, embedding): its characters as UTF-8
        return read_stream_bounded(
            io.BytesIO(sys.stdin.read(limit + 1).encode("utf-8", "surrogateescape")), limit=limit
        )
    return read_stream_bounded(buffer, limit=limit)


def read_key_input(args: argparse.Namespace, file: str, *, alias: str | None = None) -> LoadedMaterial:
    """Load FILE (``'-'`` = standard input) with the passphrase options; on a terminal ask when it is encrypted."""
    from sfjwt_gui.core.key_loading import load_file, load_material

    data: bytes | None = None
    if file == "-":
        data = read_stdin(KEY_FILE_LIMIT)

    def load(secret: bytes | None) -> LoadedMaterial:
        if data is not None:
            return load_material(data, secret, alias=alias, source_name="standard input")
        return load_file(file, secret, alias=alias)

    try:
        return load(read_passphrase(args))
    except PassphraseRequiredError:
        # standard input is the data itself, so there is no terminal left to ask on
        asked = None if data is not None else read_passphrase(args, prompt=f"Passphrase for {file}: ")
        if not asked:
            raise
        return load(asked)


def check_target(path: str, force: bool) -> Path:
    """The output path, checked before any work: see ``user_files.check_output``."""
    return check_output(path, force=force)


def write_new_file(path: Path, data: bytes, *, mode: int, force: bool) -> None:
    """Write one file through a temporary file and a rename (only ever replacing a regular file)."""
    write_files([NewFile(path, data, mode)], force=force)


_INSPECTION_LABELS = (
    ("kind", "Kind"),
    ("source_format", "Format"),
    ("key_type", "Key type"),
    ("key_bits", "Key bits"),
    ("subject", "Subject"),
    ("issuer", "Issuer"),
    ("serial", "Serial"),
    ("not_before", "Not before"),
    ("not_after", "Not after"),
    ("days_left", "Days left"),
    ("sha1_fingerprint", "SHA-1"),
    ("sha256_fingerprint", "SHA-256"),
    ("public_key_sha256", "Key SHA-256"),
    ("key_matches_certificate", "Key matches"),
)


def print_inspection(inspection: Inspection) -> None:
    """Print an inspection as aligned ``Label: value`` lines; repairs on stdout, warnings on stderr."""
    values = inspection.to_json()
    for field_name, label in _INSPECTION_LABELS:
        value = values.get(field_name)
        if value is None or value == "":
            continue
        if isinstance(value, bool):
            value = "yes" if value else "NO"
        print(f"{label + ':':<12} {value}")
    if inspection.extra_certificates:
        print(f"{'Other certs:':<12} {inspection.extra_certificates}")
    print_repairs_and_warnings(inspection)


def print_repairs_and_warnings(inspection: Inspection) -> None:
    """Print what loading repaired (stdout) and what deserves a warning (stderr)."""
    for repair in inspection.repairs:
        print(f"repaired: {repair}")
    for warning in inspection.warnings:
        print(f"warning: {warning}", file=sys.stderr)


def emit_json(obj: Any, *, one_line: bool = False) -> None:
    """Print one JSON object on stdout (``one_line``: compact, for streams of lines), always valid UTF-8 (a lone
    surrogate from an undecodable argument or file name becomes U+FFFD instead of a raw byte)."""
    layout: dict[str, Any] = {"separators": (",", ":")} if one_line else {"indent": 2}
    text = json.dumps(obj, ensure_ascii=False, default=str, **layout) + "\n"
    clean = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (tests, embedding): it stores str, no encoding happens
        sys.stdout.write(clean)
        return
    sys.stdout.flush()
    buffer.write(clean.encode("utf-8"))
    buffer.flush()


def report_error(exc: SfjwtError, *, as_json: bool) -> int:
    """Print an error without a traceback and return its exit code."""
    print(f"sfjwt: error: {exc}", file=sys.stderr)
    if as_json:
        emit_json({"error": {"type": type(exc).__name__, "message": exc.message, "fix": exc.fix}})
    return exit_code(exc)
