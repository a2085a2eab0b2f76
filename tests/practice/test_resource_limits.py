"""The practice server's resources stay bounded whatever clients do (real sockets on loopback): half-open TLS
connections cost no thread each, slow and silent clients are cut at their deadline, a killed server's TLS folder is
removed by the next one, and honest clients are still answered."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from sfjwt_gui.practice import PracticeServer
from sfjwt_gui.practice.server import ConnectionLimits
from sfjwt_gui.practice.tls import FOLDER_PREFIX, OWNER_FILE, sweep_stale_folders

FAST = ConnectionLimits(workers=8, waiting=16, idle_timeout=1.0, request_deadline=2.0)


def _closed_by_server(sock: socket.socket, within: float) -> bool:
    """True once the server closed ``sock`` (EOF or reset) within ``within`` seconds."""
    sock.settimeout(within)
    try:
        while sock.recv(1024):
            pass
    except TimeoutError:
        return False
    except OSError:
        return True
    return True


def test_half_open_tls_connections_cost_no_thread_each() -> None:
    with PracticeServer(tls=True, limits=FAST) as server:
        before = threading.active_count()
        held = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(300)]  # never say hello
        try:
            time.sleep(0.5)
            # the 8 workers (and each one's deadline timer), never one thread per connection (was 1,503 for 1,500)
            assert threading.active_count() - before <= 2 * FAST.workers + 2
            refused = sum(_closed_by_server(sock, 0.05) for sock in held[FAST.workers + FAST.waiting + 10 :])
            assert refused > 200  # beyond workers + waiting line: closed on arrival
        finally:
            for sock in held:
                sock.close()
        with httpx.Client(verify=server.client_ssl_context() or False, timeout=10) as client:
            assert client.get(server.url + "/services/data/").status_code == 401  # still answers the honest


def test_slow_and_silent_clients_are_cut_at_their_deadline() -> None:
    with PracticeServer(limits=FAST) as server:
        silent = socket.create_connection(("127.0.0.1", server.port))
        slow = socket.create_connection(("127.0.0.1", server.port))
        started = time.monotonic()
        stop = threading.Event()

        def trickle() -> None:  # one header byte every 0.3 s: each read is within the idle timeout, the whole is not
            for byte in b"GET /services/data/ HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 1000:
                if stop.wait(0.3):
                    return
                try:
                    slow.send(bytes([byte]))
                except OSError:
                    return

        sender = threading.Thread(target=trickle)
        sender.start()
        try:
            assert _closed_by_server(silent, 5)
            assert _closed_by_server(slow, 5)
            assert time.monotonic() - started < FAST.request_deadline + 2
        finally:
            stop.set()
            sender.join(timeout=5)
            silent.close()
            slow.close()


def test_a_killed_servers_tls_folder_is_removed_by_the_next_one(tmp_path: Path) -> None:
    code = "import sys; from sfjwt_gui.practice import PracticeServer; s = PracticeServer(tls=True).start(); " \
        "print(s.ca_file.parent, flush=True); sys.stdin.read()"  # fmt: skip
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        folder = Path(child.stdout.readline().strip())
        assert folder.name.startswith(FOLDER_PREFIX)
        assert (folder / "server.key").exists()
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        for stream in (child.stdin, child.stdout):
            if stream is not None:
                stream.close()
    assert folder.exists()  # a SIGKILL runs no clean-up
    with PracticeServer(tls=True) as server:
        assert not folder.exists()
        assert server.ca_file is not None
        assert server.ca_file.exists()  # its own folder is kept
    # only our folders of dead processes: a live owner's folder, or one without an owner file, stays
    alive = tmp_path / (FOLDER_PREFIX + "alive")
    alive.mkdir()
    (alive / OWNER_FILE).write_text(str(os.getpid()))
    foreign = tmp_path / (FOLDER_PREFIX + "no-owner")
    foreign.mkdir()
    assert sweep_stale_folders(tmp_path) == []
    assert alive.exists()
    assert foreign.exists()


def test_connections_still_waiting_for_a_worker_are_closed_when_the_server_stops() -> None:
    """Closing the server cancels the waiting line; those accepted sockets are hung up on, not left to the garbage
    collector (which reported them as ResourceWarnings in whatever test ran next)."""
    import gc
    import warnings

    limits = ConnectionLimits(workers=1, waiting=4, idle_timeout=5.0, request_deadline=5.0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        with PracticeServer(tls=True, limits=limits) as server:
            held = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(1 + limits.waiting)]
            time.sleep(0.3)  # the first one occupies the only worker (silent), the rest wait in line
        try:
            waiting = held[1:]
            assert all(_closed_by_server(sock, 2.0) for sock in waiting)
        finally:
            for sock in held:
                sock.close()
        gc.collect()
    assert not [w for w in caught if issubclass(w.category, ResourceWarning)], [str(w.message) for w in caught]
