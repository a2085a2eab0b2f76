"""Fault-injection campaign (issue 14): hostile inputs, hostile servers, killed processes, abusive clients.

Runs real ``sfjwt`` processes and real peers on loopback, and prints one tally: inputs tried, crashes (a traceback or an
exit code outside 0-3), hangs (killed at the timeout), invalid JSON on stdout with --json, data lost or inconsistent
in the vault, and private-key material seen on stdout/stderr.

    .venv/bin/python tests/fault/campaign.py                      # everything the machine offers
    dbus-run-session -- .ci/with-keyring .venv/bin/python tests/fault/campaign.py --kills 120
    .venv/bin/python tests/fault/campaign.py --seed 7 --kills 0   # no Secret Service: skip the vault part

Reproducible: inputs are fixed or drawn from ``--seed``; kill instants too (their effect depends on timing).
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import socket
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1]), str(HERE.parent / "support")]

from cryptography.hazmat.primitives import serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: E402
from hostile import Run, answer, gzip_bomb, hostile_server, run_sfjwt, trickle  # noqa: E402

TIMEOUT = 40.0  # seconds before a run counts as a hang


@dataclass
class Tally:
    """What one part of the campaign found."""

    tried: int = 0
    crashes: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    bad_json: list[str] = field(default_factory=list)
    exposed: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def judge(self, label: str, run: Run, *, json_out: bool, secret: bytes) -> None:
        """Count one process run."""
        self.tried += 1
        if run.timed_out:
            self.hangs.append(label)
        elif "Traceback" in run.err or run.code not in (0, 1, 2, 3):
            self.crashes.append(f"{label}: exit {run.code} {run.err[-200:]}")
        if json_out and not run.timed_out:
            try:
                json.loads(run.out.decode("utf-8"))
            except ValueError:
                self.bad_json.append(label)
        if secret in run.out or secret.decode() in run.err:
            self.exposed.append(label)


# ----- 1. bad input -------------------------------------------------------------------------------------------------


def _files(tmp: Path, rng: random.Random, key_pem: bytes) -> dict[str, str]:
    """Hostile input files of every kind, in ``tmp``."""
    paths: dict[str, str] = {}
    fifo = tmp / "fifo"
    os.mkfifo(fifo)
    paths["fifo"] = str(fifo)
    if os.geteuid() == 0:
        device = tmp / "device"
        os.mknod(device, 0o666 | stat.S_IFCHR, os.stat("/dev/null").st_rdev)
        paths["device"] = str(device)
    paths["dev-zero"] = "/dev/zero"
    paths["directory"] = str(tmp)
    paths["missing"] = str(tmp / "missing.pem")
    random_file = tmp / "random.bin"
    random_file.write_bytes(rng.randbytes(4096))
    paths["random"] = str(random_file)
    sparse = tmp / "sparse-20MB"
    with open(sparse, "wb") as handle:
        handle.truncate(20 << 20)
    paths["20MB"] = str(sparse)
    truncated = tmp / "truncated.pem"
    truncated.write_bytes(key_pem[: len(key_pem) // 2])
    paths["truncated"] = str(truncated)
    deep = tmp / "deep.json"
    deep.write_text("[" * 10_000)
    paths["deep-json"] = str(deep)
    undecodable = Path(os.fsdecode(bytes(tmp) + b"/x\xff.pem"))
    undecodable.write_bytes(b"\xff\xfe\x00garbage")
    paths["non-utf8-name"] = str(undecodable)
    return paths


def _file_places(key: str, file: str) -> list[list[str]]:
    sign = ["sign", "--iss", "c", "--sub", "u@x", "--preset", "production"]
    token = ["token", "--iss", "c", "--sub", "u@x", "--endpoint", "http://127.0.0.1:9", "--retries", "0"]
    tok = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJjIn0.c2ln"
    return [
        ["inspect", file],
        ["keys", "import", file, "--name", "n"],
        [*sign, "--key-file", file],
        [*sign, "--key-file", key, "--passphrase-file", file],
        ["decode", tok, "--cert", file],
        ["lint", tok, "--cert", file],
        [*token, "--key-file", file],
        [*token, "--key-file", key, "--cert", file],
        ["practice", "serve", "--org", file],
        ["practice", "serve", "--cert", file],
        ["keygen", "--no-store", "--key-out", str(Path(key).parent / "out.pem"), "--passphrase-file", file],
    ]


def _stdin_cases(rng: random.Random) -> dict[str, bytes | int]:
    zero = os.open("/dev/zero", os.O_RDONLY)
    return {
        "dev-zero": zero,
        "2MB-random": rng.randbytes(2 << 20),
        "deep-[": b"[" * 10_000,
        "deep-{": b'{"a":' * 10_000,
        "1MB-text": b"expired assertion " * 55_000,
        "non-utf8": b"\xff\xfe\xfd" * 1000,
        "empty": b"",
    }


def _argument_cases(key: str, tmp: Path) -> list[list[str]]:
    token = ["token", "--iss", "c", "--sub", "u@x", "--endpoint", "http://127.0.0.1:9", "--key-file", key]
    cases = []
    for flag in ("--timeout", "--connect-timeout", "--retries", "--lifetime"):
        for value in ("nan", "inf", "-1", "1e400", "9" * 401, "", "x", "1000000"):
            cases.append([*token, flag, value])
    for name in (os.fsdecode(b"a\xffb"), "tab\there", "x" * 65, "y" * 10_000, " padded", "\u202e"):
        cases.append(["keygen", "--name", name])
        cases.append(["keys", "rename", "a", name])
    for claim in ("x=" + "[" * 10_000, "x=" + "9" * 5000, "=1", "x"):
        cases.append(
            ["sign", "--iss", "c", "--sub", "u", "--preset", "production", "--key-file", key, "--claim", claim]
        )
    outputs = {"fifo": str(tmp / "fifo"), "directory": str(tmp), "proc": "/proc/self/out.pem"}
    if (tmp / "device").exists():
        outputs["device"] = str(tmp / "device")
    link = tmp / "link"
    if not link.exists():
        link.symlink_to(key)
    outputs["symlink"] = str(link)
    for target in outputs.values():
        new = str(tmp / "new-key.pem")
        cases.append(["keygen", "--no-store", "--insecure-unencrypted", "--key-out", new, "--cert-out", target,
                      "--force"])  # fmt: skip
        cases.append(["keygen", "--no-store", "--insecure-unencrypted", "--key-out", target, "--force"])
        cases.append(["practice", "serve", "--demo-key-out", target, "--passphrase-file", key, "--force"])
    for usage in (["token", "--lang", "fr"], ["keys", "export", "k", "--format", "zip"], ["sign", "--bogus"],
                  ["token", "--ca-bundle", "x", "--trust", "os"], ["explain", "--lang"], ["nosuch"]):  # fmt: skip
        cases.append(usage)
    return cases


def bad_inputs(tmp: Path, rng: random.Random, key: str, key_pem: bytes, secret: bytes) -> Tally:
    """Every input place given every kind of hostile file, stdin and argument."""
    tally = Tally()
    files = _files(tmp, rng, key_pem)
    for kind, file in files.items():
        for args in _file_places(key, file):
            tally.judge(
                f"{args[0]} <{kind}>", run_sfjwt(*args, "--json", timeout=TIMEOUT), json_out=True, secret=secret
            )
    for kind, data in _stdin_cases(rng).items():
        for args in (["inspect", "-"], ["keys", "import", "-", "--name", "s"], ["decode", "-"], ["lint", "-"],
                     ["explain", "-"]):  # fmt: skip
            run = run_sfjwt(*args, "--json", stdin=data, timeout=TIMEOUT)
            tally.judge(f"{args[0]} stdin <{kind}>", run, json_out=True, secret=secret)
            if isinstance(data, int):
                os.lseek(data, 0, os.SEEK_SET)
    for args in _argument_cases(key, tmp):
        for as_json in (True, False):
            run = run_sfjwt(*args, *(["--json"] if as_json else []), timeout=TIMEOUT)
            tally.judge(" ".join(a[:20] for a in args[:3]), run, json_out=as_json, secret=secret)
    for kind, still in (("fifo", stat.S_ISFIFO), ("device", stat.S_ISCHR)):
        if kind in files and not still(os.lstat(files[kind]).st_mode):
            tally.lost.append(f"the {kind} was replaced")  # what --force must never do
    return tally


# ----- 2. hostile servers -------------------------------------------------------------------------------------------


def hostile_servers(key: str, secret: bytes) -> Tally:
    """``sfjwt token`` against token endpoints that misbehave on purpose."""
    tally = Tally()
    json_type = {"Content-Type": "application/json"}
    big = json.dumps({"error": "invalid_grant", "error_description": "invalid assertion " * 55_000}).encode()
    handlers: dict[str, Callable[[socket.socket, threading.Event], None]] = {
        "gzip bomb 1 GiB": answer("400 Bad Request", gzip_bomb(), {**json_type, "Content-Encoding": "gzip"}),
        "deflate garbage": answer("400 Bad Request", b"\x00" * 5000, {**json_type, "Content-Encoding": "deflate"}),
        "trickle 1 byte/s": trickle(every=1.0),
        "1 MB error_description": answer("400 Bad Request", big, json_type),
        "10,000 deep [": answer("400 Bad Request", b"[" * 10_000, json_type),
        "10,000 deep {": answer("200 OK", b'{"a":' * 10_000, json_type),
        "5 MB plain body": answer("200 OK", b"x" * (5 << 20), {"Content-Type": "text/plain"}),
        "unknown charset": answer(
            "400 Bad Request", b'{"error":"invalid_grant"}', {"Content-Type": "application/json; charset=x-nonsense"}
        ),
        "non-UTF-8 JSON": answer("400 Bad Request", b'{"error":"\xff\xfe","error_description":"\xc0"}', json_type),
        "lying Content-Length": answer("400 Bad Request", b'{"error":"x"}', {"Content-Length": "99999999"}),
        "array answer": answer("200 OK", b"[1,2,3]", json_type),
    }
    for label, handler in handlers.items():
        with hostile_server(handler) as url:
            for as_json in (True, False):
                run = run_sfjwt(
                    "token", "--iss", "c", "--sub", "u@x", "--aud", "https://login.salesforce.com", "--endpoint", url,
                    "--key-file", key, "--retries", "0", "--connect-timeout", "2", "--timeout", "3",
                    *(["--json"] if as_json else []), timeout=TIMEOUT,
                )  # fmt: skip
                tally.judge(label, run, json_out=as_json, secret=secret)
                if run.max_rss_mb > 400:
                    tally.crashes.append(f"{label}: {run.max_rss_mb:.0f} MB")
                tally.notes.append(f"{label}: exit {run.code} in {run.seconds:.1f} s, {run.max_rss_mb:.0f} MB")
    return tally


# ----- 3. the practice server ---------------------------------------------------------------------------------------


def practice_server(half_open: int, slow: int, honest: int) -> Tally:
    """Half-open TLS connections, slow clients and honest requests against one practice server."""
    import httpx

    from sfjwt_gui.practice import PracticeServer

    tally = Tally()
    with PracticeServer(tls=True) as server:
        base_threads = threading.active_count()
        held = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(half_open)]
        time.sleep(1.0)
        peak = threading.active_count() - base_threads
        for sock in held:
            sock.close()
        slow_socks = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(slow)]
        started = time.monotonic()
        deadline = server.limits.request_deadline + server.limits.idle_timeout + 5
        open_socks = list(slow_socks)
        while open_socks and time.monotonic() - started < deadline * 3:
            for sock in list(open_socks):
                try:
                    sock.settimeout(0.01)
                    sock.send(b"G")
                    if sock.recv(1) == b"":
                        open_socks.remove(sock)
                except TimeoutError:
                    pass
                except OSError:
                    open_socks.remove(sock)
            time.sleep(0.5)
        closed_in = time.monotonic() - started
        for sock in slow_socks:
            sock.close()
        answered = 0
        with httpx.Client(verify=server.client_ssl_context() or False, timeout=30) as client:
            for _ in range(honest):
                answered += client.get(server.url + "/services/data/").status_code == 401
    tally.tried = half_open + slow + honest
    if open_socks:
        tally.hangs.append(f"{len(open_socks)} slow clients still open after {closed_in:.0f} s")
    if answered != honest:
        tally.lost.append(f"{honest - answered} honest requests unanswered")
    tally.notes.append(f"{half_open} half-open TLS connections: +{peak} threads (bounded by the worker pool)")
    tally.notes.append(f"{slow} slow clients: all closed within {closed_in:.0f} s; {answered}/{honest} honest answered")
    return tally


# ----- 4. killed vault processes ------------------------------------------------------------------------------------


def vault_kills(tmp: Path, rng: random.Random, kills: int) -> Tally:
    """SIGKILLs of real sfjwt processes changing keys on the real Secret Service (skipped without one)."""
    tally = Tally()
    try:
        from keyring.backends import SecretService

        backend = SecretService.Keyring()
        backend.set_password("sfjwt-gui-probe", "probe", "ok")
        backend.delete_password("sfjwt-gui-probe", "probe")
    except Exception as exc:
        tally.notes.append(f"skipped: no Secret Service ({type(exc).__name__}); run under .ci/with-keyring")
        return tally
    from vault_kills import Campaign, items

    (tmp / "vault").mkdir()
    campaign = Campaign(tmp / "vault", backend)
    campaign.baseline = {u for u in items() if u.startswith("chunk:")}
    try:
        campaign.measure(rng)
        while campaign.tally["kills"] < kills:
            try:
                campaign.kill_one(rng)
            except AssertionError as exc:
                tally.lost.append(str(exc)[:200])
                campaign.vault.collect_garbage()
                campaign.expected = {r.name: "?" for r in campaign.vault.list()}
        tally.tried = campaign.tally["kills"] + campaign.tally["finished"]
        tally.notes.append(f"{campaign.tally['kills']} SIGKILLs, {campaign.tally['finished']} runs finished first; "
                           f"{campaign.tally['deletion_incomplete']} deletions listed as incomplete; "
                           f"{campaign.tally['swept']} leftover entries swept by the next change")  # fmt: skip
    finally:
        campaign.clean_up()
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--kills", type=int, default=60, help="SIGKILLed vault commands (0: skip)")
    parser.add_argument("--half-open", type=int, default=1500)
    parser.add_argument("--slow", type=int, default=150)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())  # fmt: skip
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    secret = base64.b64encode(der[-300:-240])  # private CRT values: never in a certificate or a public key
    results: dict[str, Tally] = {}
    with tempfile.TemporaryDirectory(prefix="sfjwt-fault-") as folder:
        tmp = Path(folder)
        key_file = tmp / "key.pem"
        key_file.write_bytes(key_pem)
        started = time.monotonic()
        (tmp / "in").mkdir()
        parts: list[tuple[str, Callable[[], Tally]]] = [
            ("bad input (real sfjwt processes)", lambda: bad_inputs(tmp / "in", rng, str(key_file), key_pem, secret)),
            ("hostile token endpoints", lambda: hostile_servers(str(key_file), secret)),
            ("practice-server connections", lambda: practice_server(args.half_open, args.slow, 200)),
        ]
        if args.kills:
            parts.append(("vault commands SIGKILLed", lambda: vault_kills(tmp, rng, args.kills)))
        for name, part in parts:
            results[name] = part()
            tally = results[name]
            print(f"{name}: {tally.tried} tried, {len(tally.crashes)} crashes, {len(tally.hangs)} hangs", flush=True)
        seconds = time.monotonic() - started
    print(f"fault-injection campaign, seed {args.seed}, {seconds:.0f} s")
    print(f"{'part':<36} {'tried':>6} {'crashes':>8} {'hangs':>6} {'bad JSON':>9} {'data lost':>10} {'key shown':>10}")
    for name, t in results.items():
        print(f"{name:<36} {t.tried:>6} {len(t.crashes):>8} {len(t.hangs):>6} {len(t.bad_json):>9} "
              f"{len(t.lost):>10} {len(t.exposed):>10}")  # fmt: skip
    for name, t in results.items():
        for line in [*t.notes, *t.crashes, *t.hangs, *t.bad_json, *t.lost, *t.exposed]:
            print(f"  {name}: {line}")
    failed = any(t.crashes or t.hangs or t.bad_json or t.lost or t.exposed for t in results.values())
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
