"""Special files where the CLI expects regular ones, in real ``sfjwt`` processes (each bounded by a timeout):
a FIFO or device node (made in a temp folder) is never opened for input, never replaced by output, even with
--force; devices and standard input are read only up to their limit; nothing written is left half-done.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from hostile import run_sfjwt

from sfjwt_gui.core.user_files import KEY_FILE_LIMIT, NewFile, write_files


@pytest.fixture
def files(tmp_path: Path, rsa_key: Any, rsa_cert: Any) -> dict[str, str]:
    """A regular key and certificate, a FIFO and a character device node like /dev/null, all in tmp_path."""
    key = tmp_path / "key.pem"
    key.write_bytes(
        rsa_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    cert = tmp_path / "cert.pem"
    cert.write_bytes(rsa_cert.public_bytes(serialization.Encoding.PEM))
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    paths = {"key": str(key), "cert": str(cert), "fifo": str(fifo), "dir": str(tmp_path)}
    if os.geteuid() == 0:  # a device node of our own (same device numbers as /dev/null), never the real one
        device = tmp_path / "null-device"
        os.mknod(device, 0o666 | stat.S_IFCHR, os.stat("/dev/null").st_rdev)
        paths["device"] = str(device)
    return paths


def _fifo_places(p: dict[str, str]) -> list[list[str]]:
    """The 11 places that take an input file, each given the FIFO."""
    sign = ["sign", "--iss", "c", "--sub", "u@x", "--preset", "production"]
    token = ["token", "--iss", "c", "--sub", "u@x", "--endpoint", "http://127.0.0.1:9"]
    tok = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJjIn0.c2ln"
    return [
        ["inspect", p["fifo"]],
        ["keys", "import", p["fifo"], "--name", "n"],
        [*sign, "--key-file", p["fifo"]],
        [*sign, "--key-file", p["key"], "--passphrase-file", p["fifo"]],
        ["decode", tok, "--cert", p["fifo"]],
        ["lint", tok, "--cert", p["fifo"]],
        [*token, "--key-file", p["fifo"]],
        [*token, "--key-file", p["key"], "--cert", p["fifo"]],
        ["practice", "serve", "--org", p["fifo"]],
        ["practice", "serve", "--cert", p["fifo"]],
        ["keygen", "--no-store", "--key-out", p["dir"] + "/new.pem", "--passphrase-file", p["fifo"]],
    ]


@pytest.mark.slow
def test_a_fifo_is_refused_in_every_place_that_reads_a_file(files: dict[str, str]) -> None:
    places = _fifo_places(files)
    assert len(places) == 11
    for args in places:
        run = run_sfjwt(*args, "--json", timeout=30)
        assert not run.timed_out, f"blocked on the FIFO: {args}"
        assert run.code in (1, 2), (args, run.code, run.err)  # token's "nothing was sent" diagnosis exits 1 too
        assert "named pipe (FIFO), not a regular file" in run.err + run.out.decode(), (args, run.err)
        assert "Traceback" not in run.err
        json.loads(run.out.decode("utf-8"))  # --json: one valid object whatever went wrong


def test_a_device_is_read_only_up_to_the_limit(files: dict[str, str]) -> None:
    refused = run_sfjwt("inspect", "/dev/zero", timeout=30)  # reading a real device is harmless
    assert refused.code == 1
    assert "is a device, not a regular file" in refused.err
    with open("/dev/zero", "rb") as zero:  # standard input: read up to the limit + 1, then refused
        piped = run_sfjwt("inspect", "-", stdin=zero.fileno(), timeout=60)
    assert piped.code == 1, piped.err
    assert f"more than {KEY_FILE_LIMIT} bytes" in piped.err
    assert piped.max_rss_mb < 300, piped.max_rss_mb  # was 2.9 GB and a MemoryError
    with open("/dev/zero", "rb") as zero:
        explained = run_sfjwt("explain", "-", stdin=zero.fileno(), timeout=60)
    assert explained.code == 1
    assert "more than 1000000 bytes" in explained.err


@pytest.mark.parametrize("target", ["fifo", "device", "dir", "symlink"])
def test_force_never_replaces_what_is_not_a_regular_file(files: dict[str, str], tmp_path: Path, target: str) -> None:
    if target == "device" and "device" not in files:
        pytest.skip("making a device node needs root")
    if target == "symlink":
        (tmp_path / "link").symlink_to(files["cert"])
        files["symlink"] = str(tmp_path / "link")
    path = files[target]
    before = os.lstat(path)
    run = run_sfjwt(
        "keygen", "--no-store", "--insecure-unencrypted", "--key-out", str(tmp_path / "k.pem"),
        "--cert-out", path, "--force", "--json", timeout=60,
    )  # fmt: skip
    assert run.code == 1, run.err
    assert "sfjwt only ever replaces regular files" in run.err
    after = os.lstat(path)
    assert (after.st_mode, after.st_ino, after.st_rdev) == (before.st_mode, before.st_ino, before.st_rdev)
    assert not (tmp_path / "k.pem").exists()  # checked before anything was written
    assert json.loads(run.out.decode("utf-8"))["error"]["type"] == "InputError"


def test_force_replaces_a_regular_file_whole_and_keygen_leaves_no_first_file(tmp_path: Path) -> None:
    key, cert = tmp_path / "k.pem", tmp_path / "c.pem"
    key.write_text("old key file")
    made = run_sfjwt(
        "keygen", "--no-store", "--insecure-unencrypted", "--key-out", str(key), "--cert-out", str(cert), "--force",
        timeout=60,
    )  # fmt: skip
    assert made.code == 0, made.err
    assert key.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.pem", "k.pem"]  # no temporary file left
    # the certificate cannot be written (a folder even root cannot create files in): no key file is left behind
    new_key = tmp_path / "second.pem"
    failed = run_sfjwt(
        "keygen", "--no-store", "--insecure-unencrypted", "--key-out", str(new_key), "--cert-out", "/proc/self/c.pem",
        timeout=60,
    )  # fmt: skip
    assert failed.code == 1, failed.err
    assert "Cannot write '/proc/self/c.pem'" in failed.err
    assert not new_key.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.pem", "k.pem"]


def test_write_files_writes_all_or_nothing(tmp_path: Path) -> None:
    first = tmp_path / "first"
    first.write_bytes(b"original")
    with pytest.raises(Exception, match="Cannot write"):
        write_files([NewFile(first, b"new", 0o600), NewFile(Path("/proc/self/x"), b"x", 0o600)], force=True)
    assert first.read_bytes() == b"original"
    write_files([NewFile(first, b"new", 0o640)], force=True)
    assert first.read_bytes() == b"new"
    assert stat.S_IMODE(first.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["first"]


def test_names_and_files_that_are_not_utf8(tmp_path: Path) -> None:
    bad_name = os.fsdecode(b"a\xffb")
    run = run_sfjwt("keygen", "--name", bad_name, "--json", timeout=60)
    assert run.code == 1, run.err
    assert "not valid text" in run.err
    assert "Traceback" not in run.err
    json.loads(run.out.decode("utf-8"))  # strict UTF-8: no raw \xff byte on stdout
    missing = run_sfjwt("inspect", os.fsdecode(str(tmp_path).encode() + b"/x\xff.pem"), "--json", timeout=30)
    assert missing.code == 1
    assert "\ufffd" in missing.out.decode("utf-8") or "\\udcff" in missing.out.decode("utf-8")
    undecodable = Path(os.fsdecode(str(tmp_path).encode() + b"/y\xff.pem"))
    undecodable.write_bytes(b"\xff\xfe\x00garbage")
    for args in (["practice", "serve", "--cert", str(undecodable)], ["inspect", str(undecodable)]):
        shown = run_sfjwt(*args, "--json", timeout=30)  # the name inside the message: still strict UTF-8 JSON
        assert shown.code == 1, shown.err
        json.loads(shown.out.decode("utf-8"))
    data = tmp_path / "data"
    data.mkdir()
    (data / "vault-index.json").write_bytes(b'{"keys": {"\xff": {}}}')
    listed = run_sfjwt("keys", "list", "--json", env={"SFJWT_DATA_DIR": str(data)}, timeout=30)
    assert listed.code == 3, listed.err  # an undecodable index is a damaged index: exit 3, no traceback
    assert "is not valid" in listed.err
    assert json.loads(listed.out.decode("utf-8"))["error"]["type"] == "VaultCorruptError"
