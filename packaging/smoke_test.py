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
6. keys that never leave their backend, through the bundled python-pkcs11 and boto3: ``sfjwt keygen --in pkcs11:…``
   into a SoftHSM2 token made in a temp folder and ``sfjwt sign`` with it, and ``keygen --in awskms:new`` against the
   moto KMS emulator on loopback (each when SoftHSM2 / moto are on this machine; ``--require-signers`` fails instead
   of skipping, as .ci/run does);
7. the unpacked size stays within the budget.
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


SOFTHSM_MODULES = ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so")


def pkcs11_check(smoke: Smoke, state: Path, *, required: bool) -> None:
    """A key made inside a fresh SoftHSM2 token by the frozen sfjwt, its certificate signed there, an assertion too."""
    import shutil

    module = next((m for m in SOFTHSM_MODULES if os.path.isfile(m)), None)
    if module is None or shutil.which("softhsm2-util") is None:
        if required:
            smoke.check("PKCS#11: SoftHSM2 is installed here (softhsm2-util and its module)", False)
        else:
            print("skip PKCS#11 (no SoftHSM2 here)")
        return
    tokens = state / "softhsm-tokens"
    tokens.mkdir()
    conf = state / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n")
    env = {"SOFTHSM2_CONF": str(conf), "SMOKE_PIN": "246810", "SFJWT_PKCS11_MODULE": module}
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", "smoke", "--pin", "246810", "--so-pin",
                    "13579135"], check=True, capture_output=True, timeout=60, env={**os.environ, **env})  # fmt: skip
    ref = "pkcs11:token=smoke;object=smoke-key"
    r = smoke.run(
        smoke.sfjwt, "keygen", "--in", ref, "--pin-env", "SMOKE_PIN", "--cert-out", "hsm.crt", "--json", **env
    )
    made = r.returncode == 0 and (smoke.cwd / "hsm.crt").is_file()
    if not smoke.check("sfjwt keygen --in pkcs11:… (bundled python-pkcs11, key made in SoftHSM2)", made, r):
        return
    r = smoke.run(smoke.sfjwt, "sign", "--key", ref, "--pin-env", "SMOKE_PIN", "--iss", "3MVG9smoke", "--sub",
                  "smoke@example.com", "--preset", "production", "--json", **env)  # fmt: skip
    token = str(json.loads(r.stdout or "{}").get("token") or "") if r.returncode == 0 else ""
    smoke.check(
        "sfjwt sign --key pkcs11:… (the token signs the assertion)", r.returncode == 0 and token.count(".") == 2, r
    )


def kms_check(smoke: Smoke, *, required: bool) -> None:
    """A KMS key created and used by the frozen sfjwt through the bundled boto3, against moto on loopback."""
    try:
        from moto.server import ThreadedMotoServer  # type: ignore[import-untyped]
    except ImportError:
        if required:
            smoke.check("AWS KMS: moto is installed in the Python running this test", False)
        else:
            print("skip AWS KMS (no moto in the Python running this test)")
        return
    import logging

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no request log lines between the checks
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        port = server._server.server_port  # port 0: the one the OS gave
        env = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1",
               "AWS_ENDPOINT_URL_KMS": f"http://127.0.0.1:{port}", "AWS_CONFIG_FILE": os.devnull,
               "AWS_SHARED_CREDENTIALS_FILE": os.devnull}  # fmt: skip
        r = smoke.run(smoke.sfjwt, "keygen", "--in", "awskms:new", "--cn", "smoke-kms", "--cert-out", "kms.crt",
                      "--json", **env)  # fmt: skip
        made = r.returncode == 0 and (smoke.cwd / "kms.crt").is_file()
        smoke.check("sfjwt keygen --in awskms:new (bundled boto3 and its KMS model, moto on loopback)", made, r)
    finally:
        server.stop()


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
    parser.add_argument(
        "--require-signers", action="store_true", help="fail (not skip) when SoftHSM2 or moto is missing here"
    )
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
        pkcs11_check(smoke, Path(tmp), required=opts.require_signers)
        kms_check(smoke, required=opts.require_signers)
        size = bundle_size(bundle) / 1e6
        smoke.check(f"unpacked size {size:.0f} MB <= {opts.budget_mb:.0f} MB", size <= opts.budget_mb)
    print(f"smoke test of {bundle} took {time.perf_counter() - started:.0f} s")
    print(f"smoke: {smoke.passed} passed, {len(smoke.failures)} failed")
    for failure in smoke.failures:
        print(f"\nFAILED: {failure}", file=sys.stderr)
    return 1 if smoke.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
