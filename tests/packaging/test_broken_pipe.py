"""`sfjwt … | head` exits quietly: no "Exception ignored … BrokenPipeError", no traceback, whatever the command.

Two real pipes: one whose reader is gone before the command writes (deterministic EPIPE on the first write or the
final flush), and a real shell pipeline into `head -1`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

COMMANDS = [
    ["--help"],
    ["--version"],
    ["practice", "scenarios"],
    ["practice", "scenarios", "--lang", "ja"],
    ["practice", "scenarios", "--json"],
    ["explain", "--error", "invalid_grant", "--description", "user hasn't approved this consumer"],
    ["explain", "--error", "invalid_client_id", "--lang", "ja", "--json"],
    ["keygen", "--help"],
    ["token", "--help"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_reader_gone_before_output(args: list[str]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader left before the first byte: every write is EPIPE
    try:
        result = subprocess.run(
            [sys.executable, "-m", "sfjwt_gui.cli", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert result.stderr == b""
    assert result.returncode in (0, 141)


@pytest.mark.skipif(shutil.which("head") is None, reason="needs head")
@pytest.mark.parametrize("args", [["practice", "scenarios", "--lang", "ja"], ["--help"]], ids=" ".join)
def test_shell_pipeline_into_head(args: list[str]) -> None:
    command = " ".join([sys.executable, "-m", "sfjwt_gui.cli", *args])
    result = subprocess.run(
        ["bash", "-c", f"{command} | head -1"], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 1
