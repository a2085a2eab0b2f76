"""The wheel users install: every runtime resource in, translation sources and maintenance scripts out; and installed
by ``pipx install`` (a fresh venv, not editable, no system site-packages) it runs from another folder: CLI commands,
Japanese texts and the window in practice mode, offscreen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LEFT_OUT = ("screenshots/",)  # README pictures


def _is_runtime(relative: str) -> bool:
    """A file under resources/ that the app reads at run time (the wheel must carry exactly these)."""
    if relative.startswith("translations/"):
        return relative.endswith(".qm")  # not the .ts, the <lang>.json tables or update.py that generate them
    return not relative.startswith(LEFT_OUT)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(out), str(ROOT)],
        check=True,
        timeout=300,
        capture_output=True,
    )
    (built,) = out.glob("sfjwt_gui-*.whl")
    return built


def test_wheel_carries_runtime_resources_and_no_sources_or_scripts(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    resources = ROOT / "resources"
    on_disk = {p.relative_to(resources).as_posix() for p in resources.rglob("*") if p.is_file()}
    on_disk = {n for n in on_disk if "__pycache__" not in n}
    shipped = {n.removeprefix("sfjwt_gui/resources/") for n in names if n.startswith("sfjwt_gui/resources/")}
    assert shipped == {n for n in on_disk if _is_runtime(n)}
    assert not [n for n in names if n.endswith(".ts") or n.endswith("/update.py") or "resources/screenshots" in n]
    assert not [n for n in names if n.startswith("sfjwt_gui/resources/translations/") and not n.endswith(".qm")]
    assert any(n.endswith(".ts") for n in on_disk)  # the sources exist, so leaving them out is a real choice
    assert "sfjwt_gui/resources/translations/ja/main_window.qm" in names
    package = {p.relative_to(ROOT).as_posix() for p in (ROOT / "sfjwt_gui").rglob("*.py")}
    assert package <= names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "sfjwt = sfjwt_gui.cli:main" in text
    assert "sfjwt-gui = sfjwt_gui.app:main" in text


@pytest.fixture(scope="module")
def pipx_bin(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``pipx install WHEEL`` into a private PIPX_HOME (pip's cache makes it ~1 min); yields the folder of the apps."""
    home = tmp_path_factory.mktemp("pipx")
    env = dict(os.environ, PIPX_HOME=str(home / "home"), PIPX_BIN_DIR=str(home / "bin"), PIPX_MAN_DIR=str(home / "man"))
    env.pop("PYTHONPATH", None)
    subprocess.run(
        [sys.executable, "-m", "pipx", "install", "--python", sys.executable, str(wheel)],
        check=True,
        timeout=600,
        env=env,
        capture_output=True,
    )
    return home / "bin"


def _run(program: Path, *args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    full_env.update(env)
    return subprocess.run(
        [str(program), *args], capture_output=True, text=True, timeout=120, cwd=cwd, env=full_env, check=False
    )


@pytest.mark.slow
def test_pipx_installed_wheel_runs_from_another_folder(pipx_bin: Path, tmp_path: Path) -> None:
    sfjwt, gui = pipx_bin / "sfjwt", pipx_bin / "sfjwt-gui"
    venv = (pipx_bin.parent / "home" / "venvs" / "sfjwt-gui").resolve()
    assert "include-system-site-packages = false" in (venv / "pyvenv.cfg").read_text()
    where = _run(venv / "bin" / "python", "-c", "import sfjwt_gui; print(sfjwt_gui.__file__)", cwd=tmp_path)
    assert Path(where.stdout.strip()).is_relative_to(venv), where  # the installed copy, not the source tree
    assert not list(venv.glob("lib/*/site-packages/__editable__*"))
    assert list(venv.glob("lib/*/site-packages/sfjwt_gui/resources/translations/ja/*.qm"))

    version = _run(sfjwt, "--version", cwd=tmp_path)
    assert version.returncode == 0
    assert version.stdout.strip().startswith("sfjwt ")

    scenarios = _run(sfjwt, "practice", "scenarios", "--lang", "ja", cwd=tmp_path)
    assert scenarios.returncode == 0, scenarios.stderr
    assert "正常な組織" in scenarios.stdout

    explain = _run(sfjwt, "explain", "--error", "invalid_grant", "--description", "invalid assertion", "--lang", "ja",
                   cwd=tmp_path)  # fmt: skip
    assert explain.returncode == 0, explain.stderr
    assert any("\u3040" <= ch <= "\u30ff" for ch in explain.stdout)  # kana: the diagnosis is in Japanese

    keygen = _run(sfjwt, "keygen", "--no-store", "--key-out", "k.pem", "--passphrase-env", "PW", "--cert-out", "c.crt",
                  "--json", cwd=tmp_path, PW="wheel-test-passphrase")  # fmt: skip
    assert keygen.returncode == 0, keygen.stderr
    assert (tmp_path / "c.crt").read_text().startswith("-----BEGIN CERTIFICATE-----")
    inspect = _run(sfjwt, "inspect", "c.crt", "--json", cwd=tmp_path)
    assert inspect.returncode == 0, inspect.stderr

    window = _run(gui, "--practice", "--lang", "ja", "--quit-when-practising", cwd=tmp_path,
                  QT_QPA_PLATFORM="offscreen", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
                  SFJWT_SETTINGS_DIR=str(tmp_path / "settings"), SFJWT_DATA_DIR=str(tmp_path / "data"))  # fmt: skip
    assert window.returncode == 0, window.stderr
    report = json.loads(window.stdout.strip().splitlines()[-1])
    assert report["visible"] is True
    assert report["practising"].startswith("https://127.0.0.1:")
    assert report["language"] == "ja"
    assert "ワークベンチ" in report["title"]
    assert "練習(&P)" in report["menus"]
