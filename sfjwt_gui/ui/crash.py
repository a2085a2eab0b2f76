"""Unhandled exceptions (GUI thread or any other thread) end in a dialog, not a silent exit.

The dialog shows the versions (copyable) and the traceback passed through ``core.redact.redact``, so a private key
or token in an exception message or a repr never reaches the clipboard or a bug report.
"""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

log = logging.getLogger(__name__)

_PACKAGES = ("sfjwt-gui", "PySide6-Essentials", "PySide6", "cryptography", "PyJWT", "httpx", "keyring")


def versions_text() -> str:
    """One line per component: the app, Python, Qt, the libraries that touch keys and the network, the OS."""
    import platform
    from importlib import metadata

    from PySide6 import QtCore
    from PySide6 import __version__ as pyside_version

    lines = [f"Python {platform.python_version()} ({platform.python_implementation()})"]
    lines.append(f"PySide6 {pyside_version}, Qt {QtCore.qVersion()}")
    for name in _PACKAGES:
        if name.startswith("PySide6"):
            continue
        try:
            lines.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            lines.append(f"{name} (not installed)")
    lines.append(f"{platform.system()} {platform.release()} {platform.machine()}")
    platform_name = QGuiApplication.platformName() if QGuiApplication.instance() else "-"
    lines.append(f"Qt platform: {platform_name}")
    return "\n".join(lines)


def format_report(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, *, thread: str | None = None
) -> str:
    """The redacted crash report: where it happened and the traceback (no local variables are ever included)."""
    import traceback

    from sfjwt_gui.core.redact import redact

    text = "".join(traceback.format_exception(exc_type, exc, tb))
    header = f"Thread: {thread}\n" if thread else ""
    return redact(header + text)


class CrashDialog(QDialog):
    """Shows what broke, with copyable versions and the redacted traceback."""

    def __init__(self, report: str, versions: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crash_dialog")
        self.report = report
        self.versions = versions
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("crash_details")
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setPlainText(self.full_text())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setObjectName("crash_copy")
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 480)
        self.retranslate_ui()

    def full_text(self) -> str:
        """Versions and the traceback, as copied."""
        return f"{self.versions}\n\n{self.report}"

    def copy_to_clipboard(self) -> None:
        """Copy the (already redacted) report."""
        QGuiApplication.clipboard().setText(self.full_text())

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self.setWindowTitle(self.tr("sfjwt-gui hit an unexpected error"))
        self.intro.setText(
            self.tr(
                "Something went wrong inside sfjwt-gui. Your work is still open; you can keep going or restart. "
                "Private keys and tokens are masked in the report below, so it is safe to copy it into a bug report."
            )
        )
        self.copy_button.setText(self.tr("Copy report"))
        self.copy_button.setAccessibleName(self.tr("Copy the crash report"))
        self.details.setAccessibleName(self.tr("Crash report"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class _Bridge(QObject):
    """Carries a report from any thread to the GUI thread."""

    report = Signal(str)


class CrashHandler:
    """Installs ``sys.excepthook`` and ``threading.excepthook``; shows one dialog at a time."""

    def __init__(self) -> None:
        self.bridge = _Bridge()
        self.bridge.report.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.dialog: CrashDialog | None = None
        self.reports: list[str] = []
        self._previous_sys = sys.excepthook
        self._previous_threading = threading.excepthook

    def install(self) -> None:
        """Route unhandled exceptions here."""
        sys.excepthook = self.handle
        threading.excepthook = self.handle_thread

    def uninstall(self) -> None:
        """Restore the hooks that were there before."""
        sys.excepthook = self._previous_sys
        threading.excepthook = self._previous_threading

    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        """sys.excepthook: log (redacted) and show the dialog on the GUI thread."""
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        self._report(format_report(exc_type, exc, tb))

    def handle_thread(self, args: threading.ExceptHookArgs) -> None:
        """threading.excepthook."""
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread else "?"
        self._report(format_report(args.exc_type, args.exc_value, args.exc_traceback, thread=name))

    def _report(self, report: str) -> None:
        self.reports.append(report)
        log.error("unhandled exception:\n%s", report)
        try:
            self.bridge.report.emit(report)
        except RuntimeError:  # Qt is gone (shutdown): stderr is all that is left
            print(report, file=sys.stderr)

    def _show(self, report: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.details.appendPlainText("\n" + report)
            return
        parent = QApplication.activeWindow()
        self.dialog = CrashDialog(report, versions_text(), parent)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.finished.connect(self._forget)
        self.dialog.show()

    def _forget(self) -> None:
        self.dialog = None


_handler: CrashHandler | None = None


def install_crash_handler() -> CrashHandler:
    """Install the crash handler once for the application and return it."""
    global _handler
    if _handler is None:
        _handler = CrashHandler()
        _handler.install()
    return _handler
