"""packaging/linux/install-desktop-entry.sh, run the way users run it from the unpacked Linux archive: it adds the
menu entry (Exec pointing into that folder, quoted for spaces), icons and ~/.local/bin links, leaves a file of the
user's alone, and --remove takes back only what it added."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _unpacked(tmp_path: Path) -> Path:
    folder = tmp_path / "apps" / "sfjwt gui 0.1.0"  # a space in the path, as in "~/My Apps"
    (folder / "icons").mkdir(parents=True)
    shutil.copy2(ROOT / "packaging" / "linux" / "install-desktop-entry.sh", folder)
    shutil.copy2(ROOT / "resources" / "sfjwt-gui.desktop", folder)
    for size in (16, 48, 256):
        shutil.copy2(ROOT / "resources" / "icons" / f"sfjwt-gui-{size}.png", folder / "icons")
    for name in ("sfjwt", "sfjwt-gui"):
        (folder / name).write_text(f'#!/bin/sh\necho {name} "$@"\n')
        (folder / name).chmod(0o755)
    return folder


def _run(folder: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": os.environ["PATH"]}
    return subprocess.run(
        ["sh", str(folder / "install-desktop-entry.sh"), *args], capture_output=True, text=True, env=env, timeout=30
    )


def test_install_and_remove(tmp_path: Path) -> None:
    folder, home = _unpacked(tmp_path), tmp_path / "home"
    home.mkdir()
    result = _run(folder, home)
    assert result.returncode == 0, result.stderr
    entry = (home / ".local/share/applications/sfjwt-gui.desktop").read_text(encoding="utf-8")
    assert f'Exec="{folder}/sfjwt-gui" %F' in entry
    assert f'Exec="{folder}/sfjwt-gui" --practice' in entry
    assert "Name[ja]=練習用組織で起動" in entry
    assert (home / ".local/share/icons/hicolor/48x48/apps/sfjwt-gui.png").is_file()
    link = home / ".local/bin/sfjwt"
    assert link.is_symlink()
    assert subprocess.run([str(link), "--version"], capture_output=True, text=True).stdout == "sfjwt --version\n"

    assert _run(folder, home).returncode == 0  # again: same result, no error
    assert _run(folder, home, "--remove").returncode == 0
    assert not (home / ".local/share/applications/sfjwt-gui.desktop").exists()
    assert not (home / ".local/share/icons/hicolor/48x48/apps/sfjwt-gui.png").exists()
    assert not link.exists()
    assert folder.is_dir()  # the app itself stays


def test_a_file_of_the_users_is_left_alone(tmp_path: Path) -> None:
    folder, home = _unpacked(tmp_path), tmp_path / "home"
    (home / ".local/bin").mkdir(parents=True)
    mine = home / ".local/bin/sfjwt"
    mine.write_text("my own script\n")
    result = _run(folder, home)
    assert result.returncode == 0
    assert "left alone" in result.stderr
    assert mine.read_text() == "my own script\n"
    assert _run(folder, home, "--remove").returncode == 0
    assert mine.read_text() == "my own script\n"
