"""Create the QApplication, apply theme/language/crash handling, show the main window, run the event loop.

Start-up stays fast: only Qt and the window shell load before the window is shown; pages, the keyring and the
practice org load right after, from the event loop.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

log = logging.getLogger("sfjwt_gui")


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """``sfjwt-gui [--practice [--scenario NAME]] [--lang en|ja]`` (Qt's own options are left to Qt)."""
    parser = argparse.ArgumentParser(prog="sfjwt-gui", description="Salesforce JWT Bearer Flow workbench")
    parser.add_argument(
        "--practice", action="store_true", help="start the built-in practice org and fill the connection"
    )
    parser.add_argument("--scenario", default=None, help="practice scenario to start with (default: healthy)")
    parser.add_argument("--lang", choices=("en", "ja"), default=None, help="interface language (default: the OS's)")
    parser.add_argument("--theme", choices=("light", "dark"), default=None, help="override the OS colour scheme")
    parser.add_argument(
        "--quit-after-show", action="store_true", help=argparse.SUPPRESS
    )  # start-up benchmark: exit as soon as the window is on screen
    args, _qt_args = parser.parse_known_args(list(argv)[1:])
    return args


def _make_vault() -> object:
    from sfjwt_gui.core.vault import Vault

    return Vault()


def run(argv: list[str]) -> int:
    """Run the desktop app; returns the exit code."""
    args = parse_args(argv)
    if args.theme:
        os.environ["SFJWT_THEME"] = args.theme
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("sfjwt-gui")
    app.setOrganizationName("sfjwt-gui")
    app.setApplicationDisplayName("sfjwt-gui")
    app.setDesktopFileName("sfjwt-gui")

    from sfjwt_gui.ui import theme
    from sfjwt_gui.ui.crash import install_crash_handler
    from sfjwt_gui.ui.i18n import normalize_language, set_language, system_language
    from sfjwt_gui.ui.main_window import MainWindow
    from sfjwt_gui.ui.profiles import app_settings
    from sfjwt_gui.ui.session import Session

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    install_crash_handler()
    theme.apply_theme(app)
    theme.follow_os(app)
    app.setWindowIcon(theme.app_icon())

    settings = app_settings()
    lang = normalize_language(args.lang or str(settings.value("language", "") or "") or system_language())
    set_language(lang)

    session = Session()
    session.set("language", lang)
    window = MainWindow(session, defer_pages=True)
    window.show()

    if args.quit_after_show:
        QTimer.singleShot(0, lambda: print("shown", flush=True))
        QTimer.singleShot(0, app.quit)
        return app.exec()

    def after_show() -> None:
        try:
            session.vault = _make_vault()
        except Exception as exc:  # the app still runs without a keyring; the key page says why
            log.warning("vault unavailable: %s", exc)
        window.start_building_pages()
        if args.practice:
            window.start_practice(args.scenario)

    QTimer.singleShot(0, after_show)
    code = app.exec()
    from sfjwt_gui.ui.worker import wait_for_all

    wait_for_all(5000)
    return int(code)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(run(sys.argv))
