"""A dock that shows the application's log, every line passed through ``core.redact`` first."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from sfjwt_gui.core.redact import install_redaction, redact


class _Emitter(QObject):
    line = Signal(str)


class QtLogHandler(logging.Handler):
    """A logging handler that forwards redacted, formatted records as a Qt signal (safe from any thread)."""

    def __init__(self, level: int = logging.INFO) -> None:
        super().__init__(level)
        self.emitter = _Emitter()
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s", "%H:%M:%S"))
        install_redaction(self)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = redact(self.format(record))  # format() may add a traceback after the filter ran
            self.emitter.line.emit(text)
        except RuntimeError:  # the receiver was deleted during shutdown
            pass


class LogDock(QDockWidget):
    """The "Log" dock: read-only, bounded, redacted."""

    MAX_LINES = 2000

    def __init__(self, parent: QWidget | None = None, logger_name: str = "sfjwt_gui") -> None:
        super().__init__(parent)
        self.setObjectName("log_dock")
        body = QWidget(self)
        self.view = QPlainTextEdit(body)
        self.view.setObjectName("log_view")
        self.view.setReadOnly(True)
        self.view.setMaximumBlockCount(self.MAX_LINES)
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.clear_button = QPushButton(body)
        self.clear_button.setObjectName("log_clear")
        self.clear_button.clicked.connect(self.view.clear)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.handler = QtLogHandler()
        self.handler.emitter.line.connect(self.view.appendPlainText)
        self._logger = logging.getLogger(logger_name)
        self._logger.addHandler(self.handler)
        if self._logger.level == logging.NOTSET or self._logger.level > logging.INFO:
            self._logger.setLevel(logging.INFO)
        self.retranslate_ui()

    def detach(self) -> None:
        """Stop receiving log records (call before the window goes away)."""
        self._logger.removeHandler(self.handler)

    def text(self) -> str:
        """All lines currently shown."""
        return self.view.toPlainText()

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self.setWindowTitle(self.tr("Log (secrets are masked)"))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setAccessibleName(self.tr("Clear the log"))
        self.view.setAccessibleName(self.tr("Log"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
