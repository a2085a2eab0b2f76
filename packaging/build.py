"""Build the standalone app: wheel -> clean venv -> PyInstaller one-folder bundle -> archive + .sha256 in dist/.

    python packaging/build.py [--installer] [--sign] [--wheel FILE]

The same script on Linux, macOS and Windows (the hosted CI runs exactly this; see .github/workflows/release.yml):

1. ``pip wheel`` builds the sfjwt-gui wheel (or ``--wheel`` takes one already built);
2. a fresh venv (no system site-packages) gets that wheel, PyInstaller and Pillow (nothing from the source tree);
3. ``packaging/icons.py`` renders the SVG icon to PNGs, ``.ico`` and ``.icns``;
4. PyInstaller runs ``packaging/sfjwt.spec``: one folder with ``sfjwt-gui`` and ``sfjwt``
   (on macOS inside ``sfjwt-gui.app``);
5. the folder is archived as ``dist/sfjwt-gui-VERSION-OS-ARCH.tar.gz`` (``.zip`` on Windows), a ``.sha256`` beside it.
   On Linux the archive also carries ``install-desktop-entry.sh``, the desktop entry and the PNG icons.
6. ``--installer``: Windows runs Inno Setup (``iscc``) on ``packaging/windows/sfjwt-gui.iss``; macOS makes a
   ``.dmg`` with ``hdiutil``. Both get a ``.sha256``.
7. ``--sign``: packaging/sign.sh signs the executables (Windows) or the .app (macOS) before archiving, and the
   installer / .dmg (notarised) before its checksum; it skips with a note when its secrets are not set.

Then run ``packaging/smoke_test.py`` on the result (the bundle folder path is printed last, and written to
``packaging/build/bundle-path.txt``).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUILD = HERE / "build"
DIST = ROOT / "dist"
PYINSTALLER = "pyinstaller>=6.10,<7"
PILLOW = "pillow>=10"
BUNDLED_EXTRAS = ("hsm", "kms")


def version() -> str:
    """The project version from pyproject.toml."""
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def os_name() -> str:
    """linux, macos or windows."""
    return {"darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform.rstrip("0123456789"))


def arch() -> str:
    """x86_64 or arm64, whatever the OS calls them."""
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(machine, machine)


def artifact_name() -> str:
    """sfjwt-gui-VERSION-OS-ARCH."""
    return f"sfjwt-gui-{version()}-{os_name()}-{arch()}"


def venv_bin(venv: Path, name: str) -> Path:
    """A program inside a venv (Scripts\\*.exe on Windows)."""
    return venv / ("Scripts" if os.name == "nt" else "bin") / (f"{name}.exe" if os.name == "nt" else name)


def run(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> None:
    """Run a command, echoing it; stop the build if it fails."""
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], check=True, cwd=cwd, env=env)


def build_wheel(out: Path) -> Path:
    """pip wheel of the source tree (no build isolation when hatchling is at hand: offline and faster)."""
    shutil.rmtree(out, ignore_errors=True)
    isolation: list[str] = []
    try:
        import hatchling  # noqa: F401

        isolation = ["--no-build-isolation"]
    except ImportError:
        pass
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", *isolation, "-w", out, ROOT)
    (wheel,) = out.glob("sfjwt_gui-*.whl")
    return wheel


def clean_venv(venv: Path, wheel: Path, *, reuse: bool = False) -> Path:
    """A fresh venv holding the wheel (and its dependencies), PyInstaller and Pillow; returns its python.

    ``reuse`` (for iterating on the spec): keep an existing venv and only reinstall the wheel itself."""
    python = venv_bin(venv, "python")
    if reuse and python.exists():
        run(python, "-m", "pip", "install", "-q", "--force-reinstall", "--no-deps", wheel)
        return python
    shutil.rmtree(venv, ignore_errors=True)
    run(sys.executable, "-m", "venv", venv)
    # with the hsm and kms extras: a bundle cannot `pip install` them later, so keys in a PKCS#11 token or AWS KMS
    # work from the download as they do from source (python-pkcs11 ~2 MB; boto3 with only the KMS/STS/SSO models)
    extras = f"{wheel}[{','.join(BUNDLED_EXTRAS)}]"
    run(python, "-m", "pip", "install", "-q", "--disable-pip-version-check", extras, PYINSTALLER, PILLOW)
    return python


def sha256_file(path: Path) -> Path:
    """Write ``path.sha256`` in ``sha256sum`` format; returns it."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    out = path.with_name(path.name + ".sha256")
    out.write_text(f"{digest.hexdigest()}  {path.name}\n", encoding="ascii")
    return out


def folder_size(path: Path) -> int:
    """Bytes of every regular file under ``path`` (symlinks not followed)."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def add_linux_extras(bundle: Path, icons: Path) -> None:
    """The desktop-entry installer, the desktop file and the PNG icons go into the Linux folder."""
    shutil.copy2(HERE / "linux" / "install-desktop-entry.sh", bundle / "install-desktop-entry.sh")
    shutil.copy2(ROOT / "resources" / "sfjwt-gui.desktop", bundle / "sfjwt-gui.desktop")
    (bundle / "icons").mkdir(exist_ok=True)
    for png in icons.glob("sfjwt-gui-*.png"):
        shutil.copy2(png, bundle / "icons" / png.name)


def archive(source: Path, name: str) -> Path:
    """dist/NAME.tar.gz (Linux, macOS) or dist/NAME.zip (Windows) holding ``source`` as folder NAME."""
    DIST.mkdir(exist_ok=True)
    if os.name == "nt":
        target = DIST / f"{name}.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            for path in sorted(source.rglob("*")):
                zf.write(path, Path(name) / path.relative_to(source))
        return target
    target = DIST / f"{name}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as tf:
        tf.add(source, arcname=name)  # keeps modes and the symlinks PyInstaller makes on macOS
    return target


def sign(*files: Path) -> None:
    """packaging/sign.sh for this OS (Windows: .exe files; macOS: the .app or the .dmg); nothing to do on Linux."""
    if sys.platform == "win32":
        git_bash = Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "Git" / "bin" / "bash.exe"
        # Git's bash, not System32\bash.exe (WSL), which may come first on PATH
        run(git_bash if git_bash.exists() else "bash", HERE / "sign.sh", "windows", *files)
    elif sys.platform == "darwin":
        run("bash", HERE / "sign.sh", "macos-dmg" if files[0].suffix == ".dmg" else "macos-app", *files)


def installer(bundle: Path, icons: Path, name: str) -> Path | None:
    """Windows: Inno Setup installer; macOS: .dmg. None (with a note) where the tool is missing."""
    if sys.platform == "win32":
        iscc = shutil.which("iscc") or r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
        if not Path(iscc).exists():
            print("installer: Inno Setup (iscc) not found; skipped")
            return None
        run(
            iscc,
            f"/DAppVersion={version()}",
            f"/DBundleDir={bundle}",
            f"/DIconFile={icons / 'sfjwt-gui.ico'}",
            f"/DOutputDir={DIST}",
            f"/DOutputName={name}-setup",
            HERE / "windows" / "sfjwt-gui.iss",
        )
        return DIST / f"{name}-setup.exe"
    if sys.platform == "darwin":
        stage = BUILD / "dmg"
        shutil.rmtree(stage, ignore_errors=True)
        stage.mkdir(parents=True)
        run("ditto", bundle, stage / bundle.name)
        (stage / "Applications").symlink_to("/Applications")
        target = DIST / f"{name}.dmg"
        target.unlink(missing_ok=True)
        run("hdiutil", "create", "-volname", f"sfjwt-gui {version()}", "-srcfolder", stage, "-format", "UDZO", target)
        return target
    print("installer: on Linux the archive carries install-desktop-entry.sh (no AppImage tooling; see README)")
    return None


def main() -> int:
    """Build; prints the bundle folder, the archive and their sizes."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wheel", type=Path, help="use this wheel instead of building one")
    parser.add_argument("--installer", action="store_true", help="also the Windows installer / macOS .dmg")
    parser.add_argument("--reuse-venv", action="store_true", help="keep packaging/build/venv (faster rebuilds)")
    parser.add_argument("--sign", action="store_true", help="sign (and notarise) via packaging/sign.sh")
    opts = parser.parse_args()
    started = time.monotonic()
    timings: dict[str, float] = {}

    def stage(label: str, t0: float) -> None:
        timings[label] = time.monotonic() - t0
        print(f"== {label}: {timings[label]:.0f} s", flush=True)

    BUILD.mkdir(exist_ok=True)
    t0 = time.monotonic()
    wheel = opts.wheel.resolve() if opts.wheel else build_wheel(BUILD / "wheel")
    stage("wheel", t0)
    t0 = time.monotonic()
    python = clean_venv(BUILD / "venv", wheel, reuse=opts.reuse_venv)
    stage("clean venv", t0)
    t0 = time.monotonic()
    icons = BUILD / "icons"
    run(python, HERE / "icons.py", icons)
    stage("icons", t0)
    t0 = time.monotonic()
    work, out = BUILD / "pyinstaller", BUILD / "bundle"
    shutil.rmtree(out, ignore_errors=True)
    env = dict(os.environ, SFJWT_ICON_DIR=str(icons), SFJWT_VERSION=version(), PYTHONNOUSERSITE="1")
    # run outside the source tree so only the installed wheel can be found
    pyinstaller = venv_bin(BUILD / "venv", "pyinstaller")
    run(pyinstaller, "--noconfirm", "--log-level", "WARN", "--distpath", out, "--workpath", work, HERE / "sfjwt.spec",
        cwd=BUILD, env=env)  # fmt: skip
    bundle = out / ("sfjwt-gui.app" if sys.platform == "darwin" else "sfjwt-gui")
    if sys.platform.startswith("linux"):
        add_linux_extras(bundle, icons)
    stage("pyinstaller", t0)
    if opts.sign:
        sign(*(sorted(bundle.glob("*.exe")) if sys.platform == "win32" else [bundle]))
    t0 = time.monotonic()
    name = artifact_name()
    if sys.platform == "darwin":  # the .app inside a folder, so the archive unpacks to one folder
        staging = BUILD / "archive" / name
        shutil.rmtree(staging.parent, ignore_errors=True)
        staging.mkdir(parents=True)
        run("ditto", bundle, staging / bundle.name)
        target = archive(staging, name)
    else:
        target = archive(bundle, name)
    sha256_file(target)
    stage("archive", t0)
    if opts.installer:
        t0 = time.monotonic()
        made = installer(bundle, icons, name)
        if made is not None:
            if opts.sign:
                sign(made)
            sha256_file(made)
        stage("installer", t0)
    (BUILD / "bundle-path.txt").write_text(str(bundle), encoding="utf-8")
    print(f"bundle:  {bundle} ({folder_size(bundle) / 1e6:.0f} MB unpacked)")
    print(f"archive: {target} ({target.stat().st_size / 1e6:.0f} MB)")
    print(f"built in {time.monotonic() - started:.0f} s ({', '.join(f'{k} {v:.0f} s' for k, v in timings.items())})")
    print(bundle)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
