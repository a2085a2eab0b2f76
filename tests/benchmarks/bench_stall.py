"""Longest GUI-thread stall of the real window while slow work runs in the background.

A QTimer ticks every 5 ms on the GUI thread; a gap between ticks minus the 5 ms period is a stall. Every gap is kept,
so each row gives the 99th percentile, the worst and how many gaps went over one frame (16 ms).
Scenarios, side by side in one run (offscreen, in-memory keyring):
- bare idle: a bare PySide6 QMainWindow doing nothing, before the app is imported: the machine's own noise (other
  processes, timer jitter); a stall of ours is one that the bare window does not show too;
- idle: the real window doing nothing;
- keygen: a 4096-bit RSA key generated through the app's background worker;
- slow token: Send against the practice org (TLS) answering after 2 s (latency fault), until the result is shown.
Budget (issue 9): no GUI-thread stall of one frame (16 ms) or more during keygen and the slow token. On a loaded
machine the bare window also misses frames; the verdict then compares with it (p99 and worst vs. bare idle).

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
FRAME_MS = 16
REPEAT = 5


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
        self.stalls: list[float] = []

    def start(self) -> None:
        self.stalls = []
        self.clock.start()
        self.last = self.clock.elapsed()
        self.timer.start()

    def stop(self) -> list[float]:
        self.timer.stop()
        return self.stalls

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.stalls.append(max(0.0, now - self.last - PERIOD_MS))
        self.last = now


def run_until(predicate: Callable[[], bool], timeout: float) -> None:
    """Run the event loop until ``predicate()`` (nested loops: processEvents leaks a None ref in PySide6 6.12)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()


def measure(meter: StallMeter, action: Callable[[], Callable[[], bool]], timeout: float) -> tuple[list[float], float]:
    """(every stall in ms, elapsed s) while ``action``'s work runs; action returns a "done?" predicate."""
    meter.start()
    started = time.perf_counter()
    done = action()
    run_until(done, timeout)
    return meter.stop(), time.perf_counter() - started


def percentile(values: list[float], fraction: float) -> float:
    """The value below which ``fraction`` of ``values`` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from PySide6.QtWidgets import QMainWindow

    rows: list[tuple[str, list[float], float]] = []
    meter = StallMeter()
    bare = QMainWindow()
    bare.resize(1180, 780)
    bare.show()
    run_until(idle_for(0.5)(), 5)
    for _ in range(REPEAT):
        rows.append(("bare PySide6 window, idle", *measure(meter, idle_for(1.0), 5)))
    bare.close()
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
    wait_for_all(10_000)  # the window's own warm-up jobs (imports) are done before measuring
    run_until(idle_for(0.5)(), 5)

    for _ in range(REPEAT):
        rows.append(("sfjwt-gui window, idle", *measure(meter, idle_for(1.0), 5)))

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

    load = os.getloadavg()[0]
    print(
        f"GUI-thread stalls, {REPEAT} runs each (timer every {PERIOD_MS} ms; stall = gap - {PERIOD_MS} ms;"
        f" load {load:.1f})"
    )
    print(f"{'':28} {'ticks':>6} {'p99 (ms)':>9} {'worst (ms)':>11} {'>=16 ms':>8} {'run (s)':>8}")
    names = list(dict.fromkeys(name for name, _, _ in rows))
    summary: dict[str, tuple[float, float]] = {}
    for name in names:
        stalls = [stall for n, run, _ in rows if n == name for stall in run]
        seconds = statistics.median(sec for n, _, sec in rows if n == name)
        p99, worst = percentile(stalls, 0.99), max(stalls, default=0.0)
        summary[name] = (p99, worst)
        over = sum(stall >= FRAME_MS for stall in stalls)
        print(f"{name:28} {len(stalls):6} {p99:9.1f} {worst:11.1f} {over:8} {seconds:8.2f}")
    print(f"slow token request succeeded: {ok}")
    floor_worst = summary[names[0]][1]
    for name in names[2:]:
        p99, worst = summary[name]
        if worst < FRAME_MS:
            verdict = "met"
        elif p99 < FRAME_MS and worst <= floor_worst:
            verdict = f"met against the machine's noise (bare idle worst {floor_worst:.0f} ms)"
        else:
            verdict = "NOT met"
        print(f"budget < {FRAME_MS} ms, {name}: {verdict}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
