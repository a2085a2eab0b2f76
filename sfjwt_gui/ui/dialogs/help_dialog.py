"""Help (F1: shortcuts and Salesforce documentation links), the reference README and the About box."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from sfjwt_gui.ui.actions import HELP_LINKS

README_URL = "https://github.com/sfjwt-gui/sfjwt-gui#readme"


def help_html() -> str:
    """The help text: how to work through the steps, the shortcuts, where to read more."""
    links = "".join(f'<li><a href="{url}">{title}</a></li>' for title, url in HELP_LINKS)
    shortcuts = [
        ("Ctrl+Enter", QCoreApplication.translate("MainWindow", "Send the token request")),
        ("Ctrl+1 … Ctrl+9, Ctrl+0", QCoreApplication.translate("MainWindow", "Go to a step or tool")),
        ("Ctrl+G", QCoreApplication.translate("MainWindow", "Generate a key")),
        ("Ctrl+O", QCoreApplication.translate("MainWindow", "Import a key or certificate")),
        ("Ctrl+Shift+C", QCoreApplication.translate("MainWindow", "Copy the signed JWT")),
        ("Ctrl+P", QCoreApplication.translate("MainWindow", "Start the practice org")),
        ("Ctrl+S", QCoreApplication.translate("MainWindow", "Save the connection as a profile")),
        ("Ctrl+L", QCoreApplication.translate("MainWindow", "Show or hide the log")),
        ("F1", QCoreApplication.translate("MainWindow", "This help")),
        ("Ctrl+Q", QCoreApplication.translate("MainWindow", "Quit")),
    ]
    rows = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in shortcuts)
    intro = QCoreApplication.translate(
        "MainWindow",
        "Work through the steps from top to bottom: a key and its certificate, the connection, the claims, "
        "the signed JWT, then Send. When Salesforce refuses, the Diagnosis page explains why. "
        "No org yet? Practice → Start the practice org.",
    )
    return (
        f"<p>{intro}</p><table>{rows}</table><p><b>"
        + QCoreApplication.translate("MainWindow", "Salesforce documentation")
        + f"</b></p><ul>{links}</ul>"
    )


def show_help(parent: QWidget) -> QDialog:
    """F1: open the help box (non-modal, deleted on close)."""
    box = QDialog(parent)
    box.setObjectName("help_box")
    box.setWindowTitle(QCoreApplication.translate("MainWindow", "Help"))
    browser = QTextBrowser(box)
    browser.setObjectName("help_text")
    browser.setOpenExternalLinks(True)
    browser.setHtml(help_html())
    browser.setAccessibleName(QCoreApplication.translate("MainWindow", "Help"))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, box)
    buttons.rejected.connect(box.reject)
    layout = QVBoxLayout(box)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    box.resize(620, 500)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def open_url(url: str) -> None:
    """Open a link in the user's browser."""
    QDesktopServices.openUrl(QUrl(url))


def open_reference() -> None:
    """Open the project README (the local copy when running from source)."""
    from sfjwt_gui.core.resources import resources_dir

    readme = resources_dir().parent / "README.md"
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(readme)) if readme.is_file() else QUrl(README_URL))


def show_about(parent: QWidget) -> None:
    """Version and licence."""
    from sfjwt_gui import __version__

    QMessageBox.about(
        parent,
        QCoreApplication.translate("MainWindow", "About sfjwt-gui"),
        QCoreApplication.translate(
            "MainWindow", "sfjwt-gui {version}: set up and debug the Salesforce OAuth 2.0 JWT Bearer Flow. MIT licence."
        ).format(version=__version__),
    )
