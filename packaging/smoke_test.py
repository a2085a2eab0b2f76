"""Smoke test of the FROZEN app, run after every build (stdlib only; any Python 3.8+ runs it):

    python packaging/smoke_test.py BUNDLE [--budget-mb 200] [--keyring-name NAME]

BUNDLE is the folder packaging/build.py printed (``…/sfjwt-gui`` or, on macOS, ``…/sfjwt-gui.app``). From a fresh
temporary folder it runs the bundle's own executables, never the source tree:

1. ``sfjwt --version`` names the project version;
2. ``sfjwt practice scenarios`` (English and Japanese) and ``sfjwt explain`` (a diagnosis, in Japanese too);
3. ``sfjwt keygen --name …`` into the OS keyring (Secret Service on Linux — run it inside
   ``dbus-run-session -- .ci/with-keyring``; Credential Manager on Windows; Keychain on macOS), then ``sfjwt keys list``
   shows it and ``keys show`` names that backend (the freezer kept the keyring backends); deleted at the end;
4. ``sfjwt practice serve --tls --key …`` and ``sfjwt token --key … --ca-bundle <practice CA>``: a real token over TLS;
5. ``sfjwt-gui --practice --lang ja`` offscreen until the window shows, filled by the practice org, in Japanese; then
   every page built (``--quit-when-ready``), as ``sfjwt --help`` imports every subcommand: nothing left out;
6. the unpacked size stays within the budget.
Exit 0 when every check passed; each failure is printed with the command's output.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def project_version() -> str:
    """pyproject.toml's version (read without tomllib: the Ubuntu 22.04 check runs this with Python 3.10)."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    found = re.search(r'^version = "([^"]+)"', text, re.MULTILINE)
    if found is None:
        raise SystemExit("smoke_test: no version in pyproject.toml")
    return found.group(1)


def executables(bundle: Path) -> tuple[Path, Path]:
    """(sfjwt, sfjwt-gui) inside the bundle folder or the macOS .app."""
    folder = bundle / "Contents" / "MacOS" if bundle.suffix == ".app" else bundle
    suffix = ".exe" if os.name == "nt" else ""
    return folder / f"sfjwt{suffix}", folder / f"sfjwt-gui{suffix}"


def bundle_size(bundle: Path) -> int:
    """Bytes of the regular files in the bundle (symlinks not counted twice)."""
    return sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())


class Smoke:
    """Runs the checks, keeps going after a failure, reports each."""

    def __init__(self, sfjwt: Path, gui: Path, cwd: Path) -> None:
        self.sfjwt, self.gui, self.cwd = sfjwt, gui, cwd
        self.failures: list[str] = []
        self.passed = 0
        self.env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}

    def run(self, program: Path, *args: str, timeout: float = 120, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(program), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            cwd=self.cwd,
            env={**self.env, **env},
            check=False,
        )

    def check(self, label: str, ok: bool, result: subprocess.CompletedProcess[str] | None = None) -> bool:
        print(f"{'ok  ' if ok else 'FAIL'} {label}", flush=True)
        self.passed += ok
        if not ok:
            detail = (
                f"\n  exit {result.returncode}\n  stdout: {result.stdout[-2000:]}\n  stderr: {result.stderr[-2000:]}"
            )
            self.failures.append(label + (detail if result is not None else ""))
        return ok


def cli_checks(smoke: Smoke, version: str) -> None:
    r = smoke.run(smoke.sfjwt, "--version")
    smoke.check(f"sfjwt --version is {version}", r.returncode == 0 and r.stdout.strip() == f"sfjwt {version}", r)
    r = smoke.run(smoke.sfjwt, "practice", "scenarios")
    smoke.check("sfjwt practice scenarios", r.returncode == 0 and "healthy" in r.stdout, r)
    r = smoke.run(smoke.sfjwt, "practice", "scenarios", "--lang", "ja")
    smoke.check("sfjwt practice scenarios --lang ja (Japanese)", r.returncode == 0 and "正常な組織" in r.stdout, r)
    r = smoke.run(
        smoke.sfjwt, "explain", "--error", "invalid_grant", "--description", "user hasn't approved this consumer"
    )
    smoke.check("sfjwt explain", r.returncode == 0 and "approved" in r.stdout.lower(), r)
    r = smoke.run(smoke.sfjwt, "explain", "--error", "invalid_client_id", "--lang", "ja", "--json")
    kana = r.returncode == 0 and any("\u3040" <= ch <= "\u30ff" for ch in json.loads(r.stdout or "{}").get("title", ""))
    smoke.check("sfjwt explain --lang ja (Japanese diagnosis)", kana, r)
    r = smoke.run(smoke.sfjwt, "--help")  # imports every registered subcommand module: a missing one is exit 3
    smoke.check("sfjwt --help (every subcommand module is bundled)", r.returncode == 0 and "keygen" in r.stdout, r)
    r = smoke.run(smoke.sfjwt, "nosuch")
    smoke.check("unknown subcommand is a usage error (exit 1), not a crash", r.returncode == 1, r)


def keyring_and_token(smoke: Smoke, name: str, backend: str) -> None:
    r = smoke.run(smoke.sfjwt, "keygen", "--name", name, "--cert-out", "smoke.crt", "--json")
    if not smoke.check(f"sfjwt keygen --name {name} (into the OS keyring)", r.returncode == 0, r):
        return
    try:
        r = smoke.run(smoke.sfjwt, "keys", "list", "--json")
        smoke.check("sfjwt keys list shows the new key", r.returncode == 0 and name in r.stdout, r)
        r = smoke.run(smoke.sfjwt, "keys", "show", name, "--json")
        shown = json.loads(r.stdout or "{}").get("backend", "") if r.returncode == 0 else ""
        smoke.check(f"the key is kept in {backend} (sfjwt keys show: {shown or '?'})", backend in shown, r)
        serve = subprocess.Popen(
            [str(smoke.sfjwt), "practice", "serve", "--tls", "--key", name, "--json", "--quiet"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=smoke.cwd,
            env=smoke.env,
        )
        try:
            assert serve.stdout is not None
            line = serve.stdout.readline()
            if not smoke.check("sfjwt practice serve --tls", bool(line)):
                return
            info = json.loads(line)
            r = smoke.run(smoke.sfjwt, "token", "--key", name, "--iss", info["consumer_key"], "--sub", info["username"],
                          "--endpoint", info["token_url"], "--ca-bundle", info["ca_file"], "--json")  # fmt: skip
            data = json.loads(r.stdout or "{}")
            got = r.returncode == 0 and (data.get("token") or {}).get("instance_url", "").startswith(
                "https://127.0.0.1"
            )
            smoke.check("sfjwt token against the practice org over TLS (its CA trusted)", got, r)
        finally:
            serve.terminate()
            try:
                serve.communicate(timeout=15)
            except subprocess.TimeoutExpired:
                serve.kill()
                serve.communicate()
    finally:
        r = smoke.run(smoke.sfjwt, "keys", "delete", name, "--yes")
        smoke.check("sfjwt keys delete (clean up)", r.returncode == 0, r)


def window_check(smoke: Smoke, state: Path) -> None:
    env = {"QT_QPA_PLATFORM": "offscreen", "SFJWT_SETTINGS_DIR": str(state / "settings"),
           "SFJWT_DATA_DIR": str(state / "data")}  # fmt: skip
    started = time.perf_counter()
    r = smoke.run(smoke.gui, "--practice", "--lang", "ja", "--quit-when-practising", timeout=120, **env)
    lines = r.stdout.strip().splitlines()
    report = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    ok = (
        r.returncode == 0
        and report.get("visible") is True
        and str(report.get("practising", "")).startswith("https://127.0.0.1:")
        and "ワークベンチ" in report.get("title", "")
        and "練習(&P)" in report.get("menus", [])
    )
    seconds = time.perf_counter() - started
    smoke.check(
        f"sfjwt-gui --practice --lang ja: window shown, practice org filled it, Japanese ({seconds:.1f} s)", ok, r
    )
    r = smoke.run(smoke.gui, "--quit-when-ready", timeout=120, **env)  # builds every page: each page module is there
    smoke.check("sfjwt-gui builds every page", r.returncode == 0 and "ready" in r.stdout.split(), r)


def main() -> int:
    """Run every check on the bundle; exit 1 if any failed."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--budget-mb", type=float, default=200.0, help="unpacked size budget (default 200)")
    parser.add_argument("--keyring-name", default=f"sfjwt-smoke-{uuid.uuid4().hex[:8]}")
    parser.add_argument(
        "--expect-backend",
        default={"win32": "Windows Credential Manager", "darwin": "macOS Keychain"}.get(sys.platform, "Secret Service"),
        help="the keyring the frozen app must use (default: this OS's)",
    )
    parser.add_argument("--skip-keyring", action="store_true", help="only where no keyring can exist (say why)")
    opts = parser.parse_args()
    bundle = opts.bundle.resolve()
    sfjwt, gui = executables(bundle)
    version = project_version()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sfjwt-smoke-") as tmp:
        smoke = Smoke(sfjwt, gui, Path(tmp))
        smoke.check(f"executables present: {sfjwt.name}, {gui.name}", sfjwt.is_file() and gui.is_file())
        if smoke.failures:
            return 1
        cli_checks(smoke, version)
        if opts.skip_keyring:
            print("skip keyring checks (--skip-keyring)")
        else:
            keyring_and_token(smoke, opts.keyring_name, opts.expect_backend)
        window_check(smoke, Path(tmp))
        size = bundle_size(bundle) / 1e6
        smoke.check(f"unpacked size {size:.0f} MB <= {opts.budget_mb:.0f} MB", size <= opts.budget_mb)
    print(f"smoke test of {bundle} took {time.perf_counter() - started:.0f} s")
    print(f"smoke: {smoke.passed} passed, {len(smoke.failures)} failed")
    for failure in smoke.failures:
        print(f"\nFAILED: {failure}", file=sys.stderr)
    return 1 if smoke.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
