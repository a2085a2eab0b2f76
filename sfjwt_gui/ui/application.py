"""Create the QApplication, apply theme and language, show the main window, then load the rest.

Start-up stays fast: only Qt and the window shell load before the window is shown; menus, the crash handler, pages,
the keyring and the practice org load right after, from the event loop.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from sfjwt_gui.core.vault import Vault
    from sfjwt_gui.ui.main_window import MainWindow

USAGE = """usage: sfjwt-gui [--practice [--scenario NAME]] [--lang en|ja] [--theme light|dark]

Salesforce JWT Bearer Flow workbench.

  --practice        start the built-in practice org, upload the certificate and fill the connection
  --scenario NAME   practice scenario to start with (default: healthy; see the Practice menu)
  --lang en|ja      interface language (default: the OS language)
  --theme light|dark  override the OS colour scheme
"""


class Options:
    """The command line (Qt's own options such as -platform are left to Qt)."""

    def __init__(self) -> None:
        self.practice = False
        self.scenario: str | None = None
        self.lang: str | None = None
        self.theme: str | None = None
        self.quit_after_show = False  # start-up benchmark: exit as soon as the window is on screen
        self.quit_after_setup = False  # ... or once the step list and menus are there
        self.quit_when_ready = False  # ... or once every page is built
        self.quit_when_practising = False  # packaging smoke test: with --practice, report the filled window and exit


def parse_args(argv: list[str]) -> Options:
    """Parse our flags without argparse (it costs start-up time); unknown arguments are left to Qt."""
    opts = Options()
    args = list(argv[1:])
    while args:
        arg = args.pop(0)
        name, eq, value = arg.partition("=")
        if name in ("-h", "--help"):
            print(USAGE)
            raise SystemExit(0)
        if name == "--practice":
            opts.practice = True
        elif name == "--quit-after-show":
            opts.quit_after_show = True
        elif name == "--quit-after-setup":
            opts.quit_after_setup = True
        elif name == "--quit-when-ready":
            opts.quit_when_ready = True
        elif name == "--quit-when-practising":
            opts.quit_when_practising = True
        elif name in ("--scenario", "--lang", "--theme"):
            if not eq:
                if not args:
                    raise SystemExit(f"sfjwt-gui: {name} needs a value\n\n{USAGE}")
                value = args.pop(0)
            allowed = {"--lang": ("en", "ja"), "--theme": ("light", "dark")}.get(name)
            if allowed and value not in allowed:
                raise SystemExit(f"sfjwt-gui: {name} must be one of {', '.join(allowed)}, not {value!r}")
            setattr(opts, name[2:], value)
    return opts


def _quick_feature_check() -> None:
    """Make PySide6's per-import check cheap. After every import PySide6 asks whether the new module mentions
    "PySide6" (for ``from __feature__ import …``) by ``inspect.getsource``, which tokenises and caches every module's
    source in ``linecache`` (~0.5 ms per module, ~200 modules before the window is ready). The same test on the file's
    bytes gives the same answer; anything that is not a plain ``.py`` file keeps PySide6's own check."""
    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or upstream is None or getattr(upstream, "quick", False):
        return

    def uses_pyside(module: object) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(upstream(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(upstream(module))

    uses_pyside.quick = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]


# what the first actions need (sending, decoding, inspecting): imported in the background once the window is ready
WARM_UP = (
    "sfjwt_gui.core.flow",
    "sfjwt_gui.core.lint",
    "sfjwt_gui.core.fingerprints",
    "sfjwt_gui.core.diagnosis",
    "sfjwt_gui.core.org.inspect",
)


def open_keyring(vault: Vault | None) -> None:
    """Background, right after the first frame: open the keyring (import it, find the backend, one harmless read).
    A keyring failure is not raised here: the key page reports it."""
    if vault is not None:
        vault.status()


def warm_up() -> None:
    """Background, once every page is built: import what the first Send, decode or inspection needs (httpx, the
    diagnosis and org modules), so the click that needs them does not wait. Running it after "ready" instead of
    beside the page building keeps the two from taking turns on the GIL (measured: ready 4.6x -> see README)."""
    import importlib

    for name in WARM_UP:
        importlib.import_module(name)


def _make_vault() -> Vault:
    from sfjwt_gui.core.vault import Vault

    return Vault()


def _quit_when_practising(app: QApplication, window: MainWindow) -> None:
    """Print one JSON line about the shown window once the practice org filled it, then quit (exit 1 if it failed)."""
    import json

    def report(server: object) -> None:
        print(
            json.dumps(
                {
                    "practising": str(getattr(server, "token_url", "")),
                    "visible": window.isVisible(),
                    "language": window.state.lang(),
                    "title": window.windowTitle(),
                    "menus": [action.text() for action in window.menuBar().actions()],
                },
                ensure_ascii=False,
            ),
            flush=True,
        )
        app.quit()

    def failed(message: str) -> None:
        print(json.dumps({"failed": message}, ensure_ascii=False), flush=True)
        app.exit(1)

    controller = window.practice_controller()
    controller.started.connect(report)
    controller.failed.connect(failed)


def run(argv: list[str]) -> int:
    """Run the desktop app; returns the exit code."""
    args = parse_args(argv)
    if args.theme:
        os.environ["SFJWT_THEME"] = args.theme
    _quick_feature_check()
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("sfjwt-gui")
    app.setOrganizationName("sfjwt-gui")
    app.setDesktopFileName("sfjwt-gui")

    from sfjwt_gui.ui import theme
    from sfjwt_gui.ui.i18n import normalize_language, set_language, system_language
    from sfjwt_gui.ui.main_window import MainWindow
    from sfjwt_gui.ui.profiles import app_settings
    from sfjwt_gui.ui.state import AppState

    theme.apply_theme(app, quick=True)
    settings = app_settings()
    lang = normalize_language(args.lang or str(settings.value("language", "") or "") or system_language())
    set_language(lang)

    state = AppState()
    state.language = lang
    window = MainWindow(state, defer_pages=True)
    window.show()

    if args.quit_after_show:
        QTimer.singleShot(0, lambda: print("shown", flush=True))
        QTimer.singleShot(0, app.quit)
        return app.exec()

    def after_show() -> None:
        window.finish_setup(details=False)  # step list, menus, shortcuts: one event-loop turn after the first frame
        if args.quit_after_setup:
            print("setup", flush=True)
            app.quit()
            return
        import logging

        from sfjwt_gui.ui.worker import start

        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
        try:
            state.vault = _make_vault()
        except Exception as exc:  # the app still runs without a keyring; the key page says why
            logging.getLogger("sfjwt_gui").warning("vault unavailable: %s", exc)
        pending = {"pages", "keyring"}  # "ready": every page built and the keyring opened

        def done(part: str) -> None:
            pending.discard(part)
            if pending:
                return
            if args.quit_when_ready:
                print("ready", flush=True)
                app.quit()
                return
            start(window, warm_up)

        # the keyring opens in a pool thread while the GUI thread finishes the details and builds the pages, one
        # per event-loop turn (it waits on D-Bus without the GIL)
        start(window, open_keyring, state.vault, on_done=lambda _: done("keyring"), on_error=lambda _: done("keyring"))
        window.finish_details()  # the log dock and the Qt enum namespace: after the usable window
        from sfjwt_gui.ui.crash import install_crash_handler

        install_crash_handler()
        theme.follow_os(app)
        app.setWindowIcon(theme.app_icon())  # loads the SVG plugin: after the window is on screen
        window.vault_ready()  # the last profile's key, if it names one
        window.ready.connect(lambda: done("pages"))
        window.start_building_pages()
        if args.practice:
            if args.quit_when_practising:
                _quit_when_practising(app, window)
            window.start_practice(args.scenario)

    QTimer.singleShot(0, after_show)
    code = app.exec()
    from sfjwt_gui.ui.worker import wait_for_all

    wait_for_all(5000)
    return int(code)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(run(sys.argv))
