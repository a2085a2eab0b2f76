"""Import a module that a registration table names by string (a CLI subcommand, a window page), failing loudly.

``sfjwt_gui.cli.COMMANDS`` and ``sfjwt_gui.ui.main_window.ENTRIES`` name modules as strings so that only the one in use
is imported (start-up speed). Guarantee: a registered module that is missing or raises while importing becomes an
``InstallError`` naming the module and the cause — it is never skipped, so a broken install or a frozen build that left
a module out cannot pass for a usage error ("invalid choice"). Freezers cannot see string imports: the PyInstaller spec
(packaging/sfjwt.spec) collects every submodule of ``sfjwt_gui`` and tests import every registered module.
"""

from __future__ import annotations

import importlib
from types import ModuleType


def load_component(module: str) -> ModuleType:
    """Import ``module``; raise ``InstallError`` (code ``install-module-missing``) naming it and the cause."""
    try:
        return importlib.import_module(module)
    except Exception as exc:  # ModuleNotFoundError, a SyntaxError, a failing import inside: all mean a broken install
        raise install_error(module, exc) from exc


def install_error(module: str, cause: BaseException) -> Exception:
    """The ``InstallError`` for a module that did not import (English text from data, or plain if data is missing)."""
    from sfjwt_gui.core.errors import InstallError

    reason = f"{type(cause).__name__}: {cause}"
    try:
        from sfjwt_gui.core import key_texts

        return key_texts.error(InstallError, "install-module-missing", module=module, cause=reason)
    except (OSError, KeyError, ValueError, InstallError):  # the texts themselves are missing: still name the module
        return InstallError(
            f"This installation of sfjwt-gui is incomplete: the module {module} did not load ({reason}).",
            fix='Reinstall sfjwt-gui (download the bundle again, or "pipx reinstall sfjwt-gui").',
            code="install-module-missing",
            params={"module": module, "cause": reason},
        )
