"""Helpers shared by the subcommands: JSON output, passphrases, error reports."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sfjwt_gui.core.errors import InputError, PassphraseRequiredError, SfjwtError, exit_code
from sfjwt_gui.core.text_files import decode_text_file

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
        try:
            raw = Path(file).read_bytes()
        except OSError as exc:
            raise InputError(f"Cannot read passphrase file {file!r}: {exc.strerror}.", fix="Check the path.") from exc
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


def read_input_file(path: str, what: str) -> bytes:
    """The bytes of ``path``; an InputError naming ``what`` it should be when it cannot be read."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"Cannot read the {what} {path!r}: {exc.strerror}.", fix="Check the path.") from exc


def read_key_input(args: argparse.Namespace, file: str, *, alias: str | None = None) -> LoadedMaterial:
    """Load FILE (``'-'`` = standard input) with the passphrase options; on a terminal ask when it is encrypted."""
    from sfjwt_gui.core.key_loading import MAX_INPUT_BYTES, load_file, load_material

    data: bytes | None = None
    if file == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        if len(data) > MAX_INPUT_BYTES:
            raise InputError(
                f"Standard input holds more than {MAX_INPUT_BYTES} bytes, far more than any key or certificate.",
                fix="Pipe in the key, certificate, .p12 or .jks file itself.",
            )

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


def check_target(path: str, force: bool, what: str) -> Path:
    """The output path, after checking it is not a folder, does not exist (unless ``force``) and its folder does."""
    target = Path(path)
    if target.is_dir():
        raise InputError(f"{what} {path!r} is a directory.", fix="Give a file name.")
    if target.exists() and not force:
        raise InputError(f"{what} {path!r} already exists.", fix="Choose another file name, or add --force.")
    if not target.parent.is_dir():
        raise InputError(f"The folder of {what.lower()} {path!r} does not exist.", fix="Create it first.")
    return target


def write_new_file(path: Path, data: bytes, *, mode: int, force: bool) -> None:
    """Write a new file with ``mode`` set at creation (no window where a key file is world-readable)."""
    if force and path.exists():
        path.unlink()
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, mode)
    except OSError as exc:
        raise InputError(
            f"Cannot create {str(path)!r}: {exc.strerror}.", fix="Check the path and permissions."
        ) from exc
    with os.fdopen(fd, "wb") as handle:
        if hasattr(os, "fchmod"):
            os.fchmod(handle.fileno(), mode)  # umask may have removed bits; make it exact
        handle.write(data)


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


def emit_json(obj: Any) -> None:
    """Print one JSON object on stdout."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=str) + "\n")


def report_error(exc: SfjwtError, *, as_json: bool) -> int:
    """Print an error without a traceback and return its exit code."""
    print(f"sfjwt: error: {exc}", file=sys.stderr)
    if as_json:
        emit_json({"error": {"type": type(exc).__name__, "message": exc.message, "fix": exc.fix}})
    return exit_code(exc)
