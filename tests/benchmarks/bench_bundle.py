"""Sizes and start-up of each form of the app, side by side in one run: the wheel installed in a venv, the PyInstaller
one-folder bundle, and the archive users download.

Needs a build first (``python packaging/build.py``): it measures ``packaging/build/venv`` (the clean venv the build
installed the wheel into; its PyInstaller/Pillow are left out of the size) and ``packaging/build/bundle/sfjwt-gui``.

Start-up, median of N interleaved fresh processes (offscreen, the keyring backend 'fail' so no D-Bus is involved):
- ``sfjwt --version``: process start to exit;
- the window: process start to the "shown" line that ``sfjwt-gui --quit-after-show`` prints from the first event-loop
  turn after ``show()`` (the first frame).
Budgets (issue 13): frozen ``sfjwt --version`` <= 2x the venv's; frozen window to first frame <= 1.5x the venv's;
bundle <= 200 MB unpacked (goal 150 MB).

    python tests/benchmarks/bench_bundle.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "packaging" / "build"
BUILD_TOOLS = {"pyinstaller", "pyinstaller-hooks-contrib", "altgraph", "pillow", "pip", "setuptools", "packaging"}
SIZE_OF_DISTS = """
import json, sys
from importlib import metadata
skip = set(sys.argv[1].split(","))
total = 0
for dist in metadata.distributions():
    if dist.metadata["Name"].lower() in skip:
        continue
    for f in dist.files or ():
        p = f.locate()
        if p.is_file():
            total += p.stat().st_size
print(json.dumps(total))
"""


def tree_size(path: Path) -> int:
    """Bytes of the regular files under ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def timed(args: list[str], env: dict[str, str], marker: str | None) -> float:
    """Seconds from spawn to ``marker`` on stdout (or to exit when None)."""
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    assert child.stdout is not None
    elapsed = float("nan")
    for line in child.stdout:
        if marker is not None and line.strip() == marker and elapsed != elapsed:
            elapsed = time.perf_counter() - start
    code = child.wait()
    if marker is None:
        elapsed = time.perf_counter() - start
    if code != 0 or elapsed != elapsed:
        raise SystemExit(f"{args} failed (exit {code})")
    return elapsed


def main() -> int:
    """Print the side-by-side table and whether each budget is met."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    venv, bundle = BUILD / "venv", BUILD / "bundle" / "sfjwt-gui"
    vbin = venv / ("Scripts" if os.name == "nt" else "bin")
    exe = ".exe" if os.name == "nt" else ""
    if not (vbin / f"sfjwt{exe}").exists() or not (bundle / f"sfjwt{exe}").exists():
        raise SystemExit("build first: python packaging/build.py")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    env["SFJWT_SETTINGS_DIR"] = tempfile.mkdtemp(prefix="bench-settings-")
    env["SFJWT_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-data-")
    for name in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH", "VIRTUAL_ENV"):
        env.pop(name, None)

    wheels = sorted((BUILD / "wheel").glob("sfjwt_gui-*.whl"))
    archives = sorted((ROOT / "dist").glob("sfjwt-gui-*-*.tar.gz")) + sorted((ROOT / "dist").glob("sfjwt-gui-*-*.zip"))
    venv_bytes = int(
        subprocess.run(
            [str(vbin / f"python{exe}"), "-c", SIZE_OF_DISTS, ",".join(BUILD_TOOLS)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    cases = {
        ("sfjwt --version", "venv"): ([str(vbin / f"sfjwt{exe}"), "--version"], None),
        ("sfjwt --version", "bundle"): ([str(bundle / f"sfjwt{exe}"), "--version"], None),
        ("window first frame", "venv"): ([str(vbin / f"sfjwt-gui{exe}"), "--quit-after-show"], "shown"),
        ("window first frame", "bundle"): ([str(bundle / f"sfjwt-gui{exe}"), "--quit-after-show"], "shown"),
    }
    for args, marker in cases.values():  # warm-up: OS file cache, venv bytecode
        timed(args, env, marker)
    times: dict[tuple[str, str], list[float]] = {key: [] for key in cases}
    for _ in range(runs):
        for key, (args, marker) in cases.items():
            times[key].append(timed(args, env, marker))
    median = {key: statistics.median(values) for key, values in times.items()}

    print(f"sizes and start-up, median of {runs} runs ({sys.platform}, {os.cpu_count()} CPUs, offscreen)")
    print(f"{'form':44} {'size (MB)':>10}")
    if wheels:
        print(f"{'wheel ' + wheels[-1].name:44} {wheels[-1].stat().st_size / 1e6:10.1f}")
    print(f"{'venv: wheel + dependencies installed':44} {venv_bytes / 1e6:10.1f}")
    bundle_mb = tree_size(bundle) / 1e6
    print(f"{'one-folder bundle, unpacked':44} {bundle_mb:10.1f}")
    for archive in archives:
        print(f"{archive.name:44} {archive.stat().st_size / 1e6:10.1f}")
    print()
    print(f"{'start-up (ms)':24} {'venv':>8} {'bundle':>8} {'ratio':>6} {'budget':>7}")
    results = {}
    for what, budget in (("sfjwt --version", 2.0), ("window first frame", 1.5)):
        v, b = median[(what, "venv")], median[(what, "bundle")]
        results[what] = {"venv_ms": round(v * 1000), "bundle_ms": round(b * 1000), "ratio": round(b / v, 2)}
        verdict = "met" if b / v <= budget else "NOT met"
        print(f"{what:24} {v * 1000:8.0f} {b * 1000:8.0f} {b / v:6.2f} {budget:6.1f}x {verdict}")
    print(f"bundle size <= 200 MB: {'met' if bundle_mb <= 200 else 'NOT met'} (goal 150 MB: "
          f"{'met' if bundle_mb <= 150 else 'not yet'})")  # fmt: skip
    print(json.dumps({"bundle_mb": round(bundle_mb, 1), "venv_mb": round(venv_bytes / 1e6, 1), **results}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
