"""Longest GUI-thread stall of the real window while slow work runs in the background.

A QTimer ticks every 5 ms on the GUI thread; the longest gap between ticks, minus the 5 ms period, is the stall.
Scenarios, side by side in one run (offscreen, real MainWindow, in-memory keyring):
- idle: the window doing nothing (the floor: timer jitter, other processes on the machine);
- keygen: a 4096-bit RSA key generated through the app's background worker;
- slow token: Send against the practice org (TLS) answering after 2 s (latency fault), until the result is shown.
Target: every stall under 50 ms.

    /work/venv/bin/python tests/benchmarks/bench_stall.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SFJWT_SETTINGS_DIR", tempfile.mkdtemp(prefix="bench-stall-settings-"))
os.environ.setdefault("SFJWT_DATA_DIR", tempfile.mkdtemp(prefix="bench-stall-data-"))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

PERIOD_MS = 5
REPEAT = 3


def idle_for(seconds: float) -> Callable[[], Callable[[], bool]]:
    """An action that does nothing for ``seconds``."""

    def action() -> Callable[[], bool]:
        end = time.monotonic() + seconds
        return lambda: time.monotonic() > end

    return action


class StallMeter:
    """Longest gap between 5 ms timer ticks on the GUI thread."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(PERIOD_MS)
        self.clock = QElapsedTimer()
        self.timer.timeout.connect(self._tick)
        self.last = 0
        self.worst = 0
        self.ticks = 0

    def start(self) -> None:
        self.worst = 0
        self.ticks = 0
        self.clock.start()
        self.last = self.clock.elapsed()
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return max(0.0, self.worst - PERIOD_MS)

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.worst = max(self.worst, now - self.last)
        self.last = now
        self.ticks += 1


def run_until(predicate: Callable[[], bool], timeout: float) -> None:
    """Run the event loop until ``predicate()`` (nested loops: processEvents leaks a None ref in PySide6 6.12)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()


def measure(meter: StallMeter, action: Callable[[], Callable[[], bool]], timeout: float) -> tuple[float, float]:
    """(worst stall ms, elapsed s) while ``action``'s work runs; action returns a "done?" predicate."""
    meter.start()
    started = time.perf_counter()
    done = action()
    run_until(done, timeout)
    return meter.stop(), time.perf_counter() - started


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from sfjwt_gui.core.keys import generate_private_key
    from sfjwt_gui.core.vault import Vault
    from sfjwt_gui.ui.main_window import MainWindow
    from sfjwt_gui.ui.screenshots import _memory_keyring
    from sfjwt_gui.ui.state import AppState
    from sfjwt_gui.ui.worker import start, wait_for_all

    session = AppState()
    session.vault = Vault(backend=_memory_keyring(), index_dir=Path(os.environ["SFJWT_DATA_DIR"]))
    window = MainWindow(session, build_pages_eagerly=True)
    window.show()
    run_until(lambda: window.isVisible(), 5)
    meter = StallMeter()
    wait_for_all(10_000)  # the window's own warm-up jobs (imports) are done before measuring
    run_until(idle_for(0.5)(), 5)
    rows: list[tuple[str, float, float]] = []

    for _ in range(REPEAT):
        rows.append(("idle window (1 s)", *measure(meter, idle_for(1.0), 5)))

    def keygen() -> Callable[[], bool]:
        results: list[Any] = []
        start(window, generate_private_key, 4096, on_done=results.append, on_error=results.append)
        return lambda: bool(results)

    for _ in range(REPEAT):
        rows.append(("4096-bit key generation", *measure(meter, keygen, 300)))

    window.start_practice()
    run_until(lambda: session.practice is not None, 60)
    server = session.practice
    server.faults.latency = 2.0
    send = window.page("send")

    def slow_token() -> Callable[[], bool]:
        count = send.sent_count
        window.send()
        return lambda: send.sent_count > count and not send.busy

    for _ in range(REPEAT):
        rows.append(("2 s slow token response", *measure(meter, slow_token, 60)))
    ok = send.result is not None and send.result.ok
    window.close()
    wait_for_all(10_000)

    print(f"GUI-thread stalls, {REPEAT} runs each (timer every {PERIOD_MS} ms; stall = longest gap - {PERIOD_MS} ms)")
    print(f"{'':26} {'median stall (ms)':>18} {'worst stall (ms)':>17} {'duration (s)':>13}")
    names = list(dict.fromkeys(name for name, _, _ in rows))
    for name in names:
        stalls = [stall for n, stall, _ in rows if n == name]
        seconds = statistics.median(sec for n, _, sec in rows if n == name)
        print(f"{name:26} {statistics.median(stalls):18.1f} {max(stalls):17.1f} {seconds:13.2f}")
    worst = max(stall for name, stall, _ in rows if name != names[0])
    print(f"slow token request succeeded: {ok}")
    print(f"target (< 50 ms): {'met' if worst < 50 else 'NOT met'}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
