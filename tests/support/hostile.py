"""Real hostile peers for tests: ``sfjwt`` in its own process (bounded by a timeout, its peak memory measured) and
raw-socket HTTP servers on loopback that misbehave on purpose (gzip bombs, trickling, huge or deep bodies).

Every server stops when its ``with`` block ends: its accept loop and connection threads watch one stop event.
"""

from __future__ import annotations

import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO

SUPPORT = Path(__file__).resolve().parent


@dataclass
class Run:
    """One finished (or killed) ``sfjwt`` process."""

    code: int
    out: bytes
    err: str
    seconds: float
    max_rss_mb: float
    timed_out: bool


def run_sfjwt(
    *args: str, stdin: bytes | int | None = None, env: dict[str, str] | None = None, timeout: float = 60
) -> Run:
    """Run ``python -m sfjwt_gui.cli ARGS`` with an in-memory keyring; SIGKILL it after ``timeout`` seconds."""
    environment = {**os.environ, **(env or {})}
    environment.setdefault("PYTHON_KEYRING_BACKEND", "memory_backend.MemoryKeyring")
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SUPPORT), environment.get("PYTHONPATH")]))
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "sfjwt_gui.cli", *args],
        stdin=stdin if isinstance(stdin, int) else (subprocess.PIPE if stdin is not None else subprocess.DEVNULL),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
    )
    outputs: dict[str, bytes] = {}

    def drain(name: str, stream: IO[bytes]) -> None:
        outputs[name] = stream.read()

    readers = [
        threading.Thread(target=drain, args=(n, s), daemon=True)
        for n, s in (("out", proc.stdout), ("err", proc.stderr))
    ]
    for reader in readers:
        reader.start()
    if isinstance(stdin, bytes) and proc.stdin is not None:
        with suppress(BrokenPipeError):
            proc.stdin.write(stdin)
        with suppress(BrokenPipeError):
            proc.stdin.close()
    timed_out = False
    deadline = start + timeout
    peak_kb = 0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        peak_kb = max(peak_kb, _vm_hwm_kb(proc.pid))
        if time.perf_counter() > deadline and not timed_out:
            timed_out = True
            os.kill(proc.pid, signal.SIGKILL)
        time.sleep(0.02)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    for reader in readers:
        reader.join(timeout=30)
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()
    err = outputs.get("err", b"").decode("utf-8", "replace")
    # wait4's ru_maxrss also counts this (pytest) process's memory at spawn (Linux carries the high-water mark across
    # vfork/exec), so a big test process made a small child look big. The child's own mm's VmHWM, polled while it
    # runs, is its real peak; a child gone before the first poll falls back to wait4's figure (never too low).
    peak_mb = peak_kb / 1024 if peak_kb else usage.ru_maxrss / 1024
    return Run(proc.returncode, outputs.get("out", b""), err, seconds, peak_mb, timed_out)


def _vm_hwm_kb(pid: int) -> int:
    """The peak resident set of process ``pid``'s current memory map in KiB (0 when it cannot be read)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


Handler = Callable[[socket.socket, threading.Event], None]


@contextmanager
def hostile_server(handle: Handler) -> Iterator[str]:
    """An HTTP server on 127.0.0.1 whose every connection is given to ``handle``; yields its base URL."""
    stop = threading.Event()
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    threads: list[threading.Thread] = []

    def serve(conn: socket.socket) -> None:
        with conn, suppress(OSError):
            conn.settimeout(1.0)
            handle(conn, stop)

    def accept_loop() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=serve, args=(conn,), daemon=True)
            thread.start()
            threads.append(thread)

    acceptor = threading.Thread(target=accept_loop, daemon=True)
    acceptor.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        listener.close()
        acceptor.join(timeout=5)
        for thread in threads:
            thread.join(timeout=5)


def read_request(conn: socket.socket) -> bytes:
    """The whole request (head and Content-Length body): unread bytes would make closing send a reset."""
    data = b""
    while b"\r\n\r\n" not in data:
        piece = conn.recv(65536)
        if not piece:
            return data
        data += piece
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        piece = conn.recv(65536)
        if not piece:
            break
        body += piece
    return head + b"\r\n\r\n" + body


def answer(status: str, body: bytes, headers: dict[str, str] | None = None) -> Handler:
    """A handler answering every request with ``body`` (a complete, honest-looking response)."""

    def handle(conn: socket.socket, stop: threading.Event) -> None:
        read_request(conn)
        head = [f"HTTP/1.1 {status}", f"Content-Length: {len(body)}", "Connection: close"]
        head += [f"{name}: {value}" for name, value in (headers or {}).items()]
        conn.sendall(("\r\n".join(head) + "\r\n\r\n").encode() + body)

    return handle


def trickle(status: str = "400 Bad Request", every: float = 1.0) -> Handler:
    """A handler that sends its headers, then one byte of a never-ending body every ``every`` seconds."""

    def handle(conn: socket.socket, stop: threading.Event) -> None:
        read_request(conn)
        conn.sendall(f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n".encode())
        while not stop.wait(every):
            conn.sendall(b" ")

    return handle


def gzip_bomb(inflated: int = 1 << 30) -> bytes:
    """A gzip stream of ``inflated`` zero bytes (1 GiB by default: about 1 MB compressed), built in a second: one
    fully flushed deflate block of 1 MiB of zeros compresses the same every time, so it is repeated."""
    block = bytes(1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = compressor.flush(zlib.Z_FINISH)
    count = inflated // len(block)
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    return header + piece * count + end + struct.pack("<II", crc, (count * len(block)) & 0xFFFFFFFF)
