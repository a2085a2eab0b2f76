"""Light/dark appearance following the OS, and the colours and icons that show a state.

Qt 6 reports the OS colour scheme (``QStyleHints.colorScheme``); in dark mode the Fusion style with a dark palette
gives a consistent look on every platform. ``SFJWT_THEME=dark|light`` overrides the OS (screenshots, tests).
"""

from __future__ import annotations

import os
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Qt names load inside the functions: importing them costs start-up time
    from PySide6.QtGui import QColor, QIcon, QPalette
    from PySide6.QtWidgets import QApplication, QWidget


class State(StrEnum):
    """State of a step in the step list (the values the Session's ``step_state`` signal carries)."""

    NONE = "none"
    OK = "ok"
    WARNING = "warning"
    FAILED = "failed"


_LIGHT = {
    State.NONE: "#8a8f98",
    State.OK: "#1e7d34",
    State.WARNING: "#a86100",
    State.FAILED: "#c0262d",
    "info": "#1f5fbf",
}
_DARK = {
    State.NONE: "#9aa0a6",
    State.OK: "#5cc971",
    State.WARNING: "#f0b040",
    State.FAILED: "#ff6b6b",
    "info": "#7fb0ff",
}

_forced: bool | None = None
_applied_dark = False


def os_prefers_dark(*, quick: bool = False) -> bool:
    """True when the OS colour scheme is dark (or ``SFJWT_THEME=dark``).

    ``quick`` reads the platform palette instead of ``QStyleHints.colorScheme``: asking for the colour scheme makes
    PySide6 build the whole ``Qt`` enum namespace (about 13 ms), too slow before the first frame. ``follow_os``
    re-checks precisely right after the window is shown.
    """
    env = os.environ.get("SFJWT_THEME", "").lower()
    if env in ("dark", "light"):
        return env == "dark"
    if quick:
        from PySide6.QtGui import QGuiApplication, QPalette

        palette = QGuiApplication.palette()
        return bool(palette.color(QPalette.ColorRole.Window).lightness() < 128)
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def is_dark() -> bool:
    """True when the window currently uses the dark palette."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    if _forced is not None:
        return _forced
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return False


def color(name: str) -> QColor:
    """The colour for a state ("none", "ok", "warning", "failed") or "info", readable on the current palette."""
    from PySide6.QtGui import QColor

    table = _DARK if is_dark() else _LIGHT
    return QColor(table.get(name, table[State.NONE]))


def dark_palette() -> QPalette:
    """A dark Fusion palette with enough contrast for body text and disabled text."""
    from PySide6.QtGui import QColor, QPalette

    p = QPalette()
    window, base, text = QColor("#1f2126"), QColor("#16181c"), QColor("#e6e6e6")
    p.setColor(QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorRole.WindowText, text)
    p.setColor(QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#24272d"))
    p.setColor(QPalette.ColorRole.ToolTipBase, QColor("#2b2e35"))
    p.setColor(QPalette.ColorRole.ToolTipText, text)
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8a8f98"))
    p.setColor(QPalette.ColorRole.Text, text)
    p.setColor(QPalette.ColorRole.Button, QColor("#2b2e35"))
    p.setColor(QPalette.ColorRole.ButtonText, text)
    p.setColor(QPalette.ColorRole.BrightText, QColor("#ff6b6b"))
    p.setColor(QPalette.ColorRole.Link, QColor("#7fb0ff"))
    p.setColor(QPalette.ColorRole.LinkVisited, QColor("#b99cff"))
    p.setColor(QPalette.ColorRole.Highlight, QColor("#3d6fb6"))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.Light, QColor("#3a3d44"))
    p.setColor(QPalette.ColorRole.Midlight, QColor("#31343a"))
    p.setColor(QPalette.ColorRole.Mid, QColor("#26292e"))
    p.setColor(QPalette.ColorRole.Dark, QColor("#101114"))
    p.setColor(QPalette.ColorRole.Shadow, QColor("#000000"))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7f88"))
    return p


def apply_theme(app: QApplication, dark: bool | None = None, *, quick: bool = False) -> bool:
    """Use the dark Fusion palette when ``dark`` (default: follow the OS); returns whether dark is on."""
    global _forced
    use_dark = os_prefers_dark(quick=quick) if dark is None else dark
    _forced = dark
    if use_dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    elif _applied_dark:
        app.setPalette(app.style().standardPalette())  # back from dark: the style's own light palette
    globals()["_applied_dark"] = use_dark
    palette_changed()
    return use_dark


def palette_changed() -> None:
    """The application palette changed (our theme switch, or the platform's own): redraw the state icons and
    re-apply inline state colours for it."""
    _state_icons.clear()
    recolour_widgets()


STATE_PROPERTY = "sfjwtState"


def set_state_colour(widget: QWidget, state: str) -> None:
    """Colour a widget's text for a state ("none"/"" = the normal text colour) and remember the state, so
    ``recolour_widgets`` can repaint it when the OS switches between light and dark."""
    widget.setProperty(STATE_PROPERTY, state or "none")
    widget.setStyleSheet("" if state in ("", "none") else f"color: {color(state).name()};")


def recolour_widgets() -> None:
    """Re-apply every state colour for the current palette (inline colours do not follow a palette change)."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        return
    for widget in QApplication.allWidgets():
        state = widget.property(STATE_PROPERTY)
        if isinstance(state, str) and state:
            set_state_colour(widget, state)
        recolour = getattr(widget, "recolour", None)
        if callable(recolour):
            recolour()


def follow_os(app: QApplication) -> None:
    """Check the OS colour scheme precisely now, and re-apply the theme whenever the OS switches."""
    from PySide6.QtGui import QGuiApplication

    if _forced is None and os_prefers_dark() != _applied_dark:
        apply_theme(app)
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.connect(lambda _scheme: apply_theme(app))


_state_icons: dict[str, QIcon] = {}
_SYMBOL = {State.NONE: "", State.OK: "✓", State.WARNING: "!", State.FAILED: "✕"}


def _png(size: int, rgba: bytes) -> bytes:
    """A minimal RGBA PNG of ``size`` x ``size`` pixels."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\0" + rgba[y * size * 4 : (y + 1) * size * 4] for y in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _ring_icon() -> QIcon:
    """The "not started" ring, drawn pixel by pixel: every step shows it on the first usable frame, and QPainter's
    pen and brush calls would load the whole Qt enum namespace (~13 ms) before it (see main_window)."""
    from PySide6.QtGui import QIcon, QPixmap

    c = color(State.NONE)
    rgb = bytes((c.red(), c.green(), c.blue()))  # read once: a Qt call per pixel cost ~5 ms
    icon = QIcon()
    for size in (16, 32):
        centre, radius, width = size / 2, (size - 3) / 2, max(1.5, size / 10)
        pixels = bytearray()
        for y in range(size):
            for x in range(size):
                distance = ((x + 0.5 - centre) ** 2 + (y + 0.5 - centre) ** 2) ** 0.5
                coverage = min(1.0, max(0.0, width / 2 + 0.5 - abs(distance - radius)))
                pixels += rgb
                pixels.append(round(255 * coverage))
        pix = QPixmap()
        pix.loadFromData(_png(size, bytes(pixels)), "PNG")
        icon.addPixmap(pix)
    return icon


def state_icon(state: str) -> QIcon:
    """A round icon for a step state: grey ring (not started), green ✓, amber !, red ✕."""
    if state == State.NONE:
        if state not in _state_icons:
            _state_icons[state] = _ring_icon()
        return _state_icons[state]
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

    if state in _state_icons:
        return _state_icons[state]
    icon = QIcon()
    for size in (16, 32):
        pix = QPixmap(size, size)
        pix.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pix)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = color(state)
        rect = QRectF(1.5, 1.5, size - 3, size - 3)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(c))
        painter.drawEllipse(rect)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(size * 0.62))
        painter.setFont(font)
        painter.setPen(QColor("#101114") if is_dark() else QColor("#ffffff"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, _SYMBOL[State(state)])
        painter.end()
        icon.addPixmap(pix)
    _state_icons[state] = icon
    return icon


def app_icon() -> QIcon:
    """The application icon (SVG from resources, with PNG fallbacks if the SVG plugin is missing)."""
    from PySide6.QtGui import QIcon

    from sfjwt_gui.core.resources import resource_path

    icon = QIcon()
    folder = resource_path("icons")
    svg = folder / "sfjwt-gui.svg"
    if svg.is_file():
        icon.addFile(str(svg))
    for png in sorted(folder.glob("sfjwt-gui-*.png")):
        icon.addFile(str(png))
    return icon
