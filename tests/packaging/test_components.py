"""A subcommand or page module that is missing or broken is an InstallError naming the module and the cause (exit 3),
never argparse's "invalid choice"; and every module the CLI and the window register by name imports and registers."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sfjwt_gui import cli
from sfjwt_gui.core.components import load_component
from sfjwt_gui.core.errors import InstallError


def test_every_registered_subcommand_module_imports_and_registers_its_names() -> None:
    parser = cli.build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    assert set(cli.COMMANDS) <= set(subparsers.choices)  # type: ignore[arg-type]


def test_every_registered_page_module_imports_and_has_its_class() -> None:
    from sfjwt_gui.ui.main_window import ENTRIES

    for entry in ENTRIES:
        module = load_component(f"sfjwt_gui.ui.pages.{entry.module}")
        assert isinstance(getattr(module, entry.page_class), type), entry


def test_missing_module_names_module_and_cause() -> None:
    with pytest.raises(InstallError) as info:
        load_component("sfjwt_gui.commands.not_there")
    error = info.value
    assert "sfjwt_gui.commands.not_there" in error.message
    assert "ModuleNotFoundError" in error.message
    assert "Reinstall" in error.fix
    assert error.code == "install-module-missing"
    assert error.exit_code == 3


def _cli_with(tmp_path: Path, module_source: str | None, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the real CLI in a child process with one more registered subcommand ``ghost`` -> module ``ghost_cmd``."""
    if module_source is not None:
        (tmp_path / "ghost_cmd.py").write_text(textwrap.dedent(module_source), encoding="utf-8")
    code = (
        f"import sys; sys.path.insert(0, {str(tmp_path)!r}); from sfjwt_gui import cli; "
        "cli.COMMANDS['ghost'] = 'ghost_cmd'; raise SystemExit(cli.main(sys.argv[1:]))"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60, cwd=tmp_path, check=False
    )


def test_cli_missing_subcommand_module_is_an_install_error_not_invalid_choice(tmp_path: Path) -> None:
    result = _cli_with(tmp_path, None, "ghost")
    assert result.returncode == 3, result.stderr
    assert "invalid choice" not in result.stderr
    assert "Traceback" not in result.stderr
    assert "the module ghost_cmd did not load (ModuleNotFoundError: No module named 'ghost_cmd')" in result.stderr
    # listing the commands imports every module: the broken one is named there too instead of vanishing
    listing = _cli_with(tmp_path, None, "--help")
    assert listing.returncode == 3
    assert "ghost_cmd" in listing.stderr


def test_cli_module_that_fails_inside_names_the_cause_and_json_gets_it(tmp_path: Path) -> None:
    result = _cli_with(tmp_path, "import not_installed_dependency\n", "ghost", "--json")
    assert result.returncode == 3
    assert "No module named 'not_installed_dependency'" in result.stderr
    error = json.loads(result.stdout)["error"]
    assert error["type"] == "InstallError"
    assert "ghost_cmd" in error["message"]


def test_cli_working_module_registered_by_one_line_runs(tmp_path: Path) -> None:
    source = """
        def register(subparsers):
            p = subparsers.add_parser("ghost")
            p.set_defaults(handler=lambda args: print("boo") or 0)
    """
    result = _cli_with(tmp_path, source, "ghost")
    assert (result.returncode, result.stdout) == (0, "boo\n"), result.stderr


def test_japanese_text_of_the_install_error() -> None:
    from sfjwt_gui.core.key_texts import describe_error

    with pytest.raises(InstallError) as info:
        load_component("sfjwt_gui.ui.pages.not_there")
    message, fix = describe_error(info.value, "ja")
    assert "sfjwt_gui.ui.pages.not_there" in message
    assert "インストールが不完全" in message
    assert "入れ直して" in fix


def test_window_page_entry_with_missing_module_raises_install_error() -> None:
    from sfjwt_gui.ui.pages.registry import Entry

    with pytest.raises(InstallError, match=r"sfjwt_gui\.ui\.pages\.ghost_page"):
        Entry("ghost", "ghost_page", "GhostPage").factory(None)  # type: ignore[arg-type]


def test_missing_resources_folder_is_an_install_error(tmp_path: Path) -> None:
    # a copy of the package without resources next to it: what a freezer without collect_data_files produced
    import shutil

    import sfjwt_gui

    shutil.copytree(Path(sfjwt_gui.__file__).parent, tmp_path / "sfjwt_gui", ignore=shutil.ignore_patterns("resources"))
    code = "from sfjwt_gui import cli; raise SystemExit(cli.main(['practice', 'scenarios']))"
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(tmp_path)!r}); {code}"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 3, result.stderr
    assert "resources folder was not found" in result.stderr
    assert "Traceback" not in result.stderr
