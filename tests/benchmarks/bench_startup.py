"""Start-up cost of the window, side by side with a bare PySide6 window that shows and quits.

Measures, for N runs of each (interleaved, fresh processes, offscreen):
- time from process start (spawn in this script) to "window shown" (the child prints a line from the first event-loop
  turn after ``show()`` and quits): the themed, titled window in the user's language, at its remembered geometry;
- peak RSS of the child (``os.wait4`` rusage, per child).
Two more rows show what follows, so nothing hides behind the first frame: "steps+menus" (one event-loop turn later:
step list, menus, shortcuts) and "ready" (every page built and the keyring opened: the vault has found its backend
and read from it once).
A reference row, "bare + keyring, crypto", is the bare window after importing what "ready" cannot do without and
no code of ours (keyring with its backend found, cryptography, PyJWT): the gap from it to "ready" is our own.
Budgets (issue 9): steps+menus at most 1.3 x the bare window's time (goal 1.15 x), peak RSS at most 1.3 x, ready at
most 2.5 x. Children run with bytecode caching on (a private cache directory, filled by a warm-up run), as an
installed app does.

    .venv/bin/python tests/benchmarks/bench_startup.py [--runs N]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = """
import sys
{libraries}
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1180, 780)
window.show()
QTimer.singleShot(0, lambda: print("shown", flush=True))
QTimer.singleShot(0, app.quit)
app.exec()
"""
# what "ready" cannot do without, with no code of ours: the keyring opened (its backend found) and the crypto
# libraries every key, certificate and claims check needs; the gap between this row and "ready" is our own code
LIBRARIES = "import keyring; keyring.get_keyring(); import cryptography.x509, jwt"


def run_once(args: list[str], marker: str, env: dict[str, str]) -> tuple[float, float]:
    """(seconds to the marker line, peak RSS in MiB) of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    assert child.stdout is not None
    elapsed = float("nan")
    for line in child.stdout:
        if line.strip() == marker:
            elapsed = time.perf_counter() - start
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0 or elapsed != elapsed:
        raise SystemExit(f"{args} failed (exit {child.returncode})")
    return elapsed, usage.ru_maxrss / 1024  # Linux reports KiB


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10, help="process starts per variant (default 10)")
    runs = parser.parse_args().runs
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["SFJWT_SETTINGS_DIR"] = tempfile.mkdtemp(prefix="bench-settings-")
    env["SFJWT_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-data-")
    env["PYTHON_KEYRING_BACKEND"] = env.get("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    # as installed (pip compiles to bytecode): without this, PYTHONDONTWRITEBYTECODE=1 in a dev shell makes every
    # child compile the app's modules from source, which no user pays; the warm-up run fills this cache
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="bench-pycache-")
    py = sys.executable
    cases = {
        "bare PySide6 window": ([py, "-c", BARE.format(libraries="")], "shown"),
        "bare + keyring, crypto": ([py, "-c", BARE.format(libraries=LIBRARIES)], "shown"),
        "sfjwt-gui shown": ([py, "-m", "sfjwt_gui", "--quit-after-show"], "shown"),
        "sfjwt-gui steps+menus": ([py, "-m", "sfjwt_gui", "--quit-after-setup"], "setup"),
        "sfjwt-gui ready": ([py, "-m", "sfjwt_gui", "--quit-when-ready"], "ready"),
    }
    for args, marker in cases.values():  # warm the OS file cache once
        run_once(args, marker, env)
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, (args, marker) in cases.items():
            results[name].append(run_once(args, marker, env))
    base_t = statistics.median(t for t, _ in results["bare PySide6 window"])
    base_m = statistics.median(m for _, m in results["bare PySide6 window"])
    load = os.getloadavg()[0]
    print(f"start-up, median of {runs} runs (offscreen, {os.cpu_count()} CPUs, load {load:.1f})")
    print(f"{'':24} {'to shown (ms)':>14} {'ratio':>6} {'peak RSS (MiB)':>15} {'ratio':>6}")
    for name, values in results.items():
        t = statistics.median(v[0] for v in values)
        m = statistics.median(v[1] for v in values)
        print(f"{name:24} {t * 1000:14.0f} {t / base_t:6.2f} {m:15.1f} {m / base_m:6.2f}")
    shown_t = statistics.median(v[0] for v in results["sfjwt-gui shown"]) / base_t
    shown_m = statistics.median(v[1] for v in results["sfjwt-gui shown"]) / base_m
    ok = shown_t <= 1.3 and shown_m <= 1.3
    print(f"target (shown ≤ 1.3x time and memory): {'met' if ok else 'NOT met'}")
    usable_t = statistics.median(v[0] for v in results["sfjwt-gui steps+menus"]) / base_t
    print(f"usable window (steps+menus) ≤ 1.3x time: {'met' if usable_t <= 1.3 else 'NOT met'} ({usable_t:.2f}x)")
    usable_m = statistics.median(v[1] for v in results["sfjwt-gui steps+menus"]) / base_m
    print(f"usable window peak memory ≤ 1.3x: {'met' if usable_m <= 1.3 else 'NOT met'} ({usable_m:.2f}x)")
    ready_t = statistics.median(v[0] for v in results["sfjwt-gui ready"]) / base_t
    print(f"ready (every page + keyring) ≤ 2.5x time: {'met' if ready_t <= 2.5 else 'NOT met'} ({ready_t:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
