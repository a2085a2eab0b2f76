"""A one-line (wrapping) status message with a colour per kind, and helpers shared by the key and tool pages."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget

from sfjwt_gui.ui.errors import error_parts
from sfjwt_gui.ui.widgets.wrap_label import WrapLabel


class Kind(StrEnum):
    """How a status message is coloured."""

    INFO = "info"
    OK = "ok"
    WARNING = "warning"
    ERROR = "error"


_THEME_NAMES = {Kind.OK: "ok", Kind.WARNING: "warning", Kind.ERROR: "failed"}
ICONS = {Kind.INFO: "ℹ", Kind.OK: "✔", Kind.WARNING: "⚠", Kind.ERROR: "✖"}


def kind_colour(kind: Kind) -> str:
    """The theme's colour for a kind ("" for info: the normal text colour), readable in light and dark mode."""
    from sfjwt_gui.ui import theme

    name = _THEME_NAMES.get(kind)
    return theme.color(name).name() if name else ""


_BYTE_COLON = re.compile(r"(?<=[0-9A-Fa-f]{2}):(?=[0-9A-Fa-f]{2})")


def breakable(text: str) -> str:
    """``text`` with a zero-width space after each colon of a fingerprint ("AB:CD"), so a wrapping label can break
    a long fingerprint between bytes instead of growing wider than the page."""
    return _BYTE_COLON.sub(":\u200b", text)


def _html_lines(text: str) -> str:
    return breakable(html.escape(text)).replace("\n", "<br>")


class StatusLine(WrapLabel):
    """A selectable, word-wrapped message: icon + text (+ the fix on its own line)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = Kind.INFO
        self.message = ""
        self.fix = ""
        self.hide()

    def show_message(self, kind: Kind, message: str, fix: str = "") -> None:
        """Show a message (an empty message hides the line)."""
        self.kind, self.message, self.fix = kind, message, fix
        if not message:
            self.clear()
            self.hide()
            return
        colour = kind_colour(kind)
        style = f' style="color:{colour}"' if colour else ""
        body = f"<span{style}>{ICONS[kind]} {_html_lines(message)}</span>"
        if fix:
            body += f"<br>{_html_lines(fix)}"
        self.setText(body)
        self.setAccessibleDescription(f"{message} {fix}".strip())
        self.show()

    def recolour(self) -> None:
        """Paint the message again in the current palette's colours (light/dark switch)."""
        if self.message:
            self.show_message(self.kind, self.message, self.fix)

    def show_error(self, error: BaseException, lang: str | None = None) -> None:
        """Show an error with the message and fix core put in it, in ``lang`` (None: the window's language)."""
        message, fix = error_parts(error, lang)
        self.show_message(Kind.ERROR, message, fix)

    def plain_text(self) -> str:
        """The message and fix as plain text (tests and copy)."""
        return f"{self.message} {self.fix}".strip()


def copy_to_clipboard(text: str) -> None:
    """Put text on the system clipboard."""
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(text)


def make_copy_button(parent: QWidget, text_source: Callable[[], str], object_name: str) -> QPushButton:
    """A small "Copy" button copying ``text_source()``; the caller sets its translated text and accessible name."""
    button = QPushButton(parent)
    button.setObjectName(object_name)
    button.clicked.connect(lambda: copy_to_clipboard(text_source()))
    return button


def name_dialog_buttons(box: QDialogButtonBox) -> None:
    """Give a button box's standard buttons (OK, Cancel …) their visible text as accessible name."""
    for button in box.buttons():
        button.setAccessibleName(button.text().replace("&", ""))


def local_files(mime: QMimeData) -> list[Path]:
    """Local file paths carried by a drag (URLs that are not local files are ignored)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]
