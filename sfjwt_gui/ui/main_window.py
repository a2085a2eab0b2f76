"""The main window: the step list on the left (with state icons), one page per step, menus and shortcuts.

Pages are built lazily: the window shows first (fast start) and every page is constructed on its first visit or in
idle time right after the window appears, one per event-loop turn, so the window stays responsive while it fills.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from sfjwt_gui.ui.session import Session

if TYPE_CHECKING:
    from PySide6.QtCore import Qt, QUrl
    from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QGuiApplication, QKeySequence
    from PySide6.QtWidgets import (
        QInputDialog,
        QLabel,
        QListWidget,
        QListWidgetItem,
        QMenu,
        QMessageBox,
        QSplitter,
        QStackedWidget,
        QVBoxLayout,
    )

    from sfjwt_gui.ui import theme
    from sfjwt_gui.ui.i18n import LANGUAGES
    from sfjwt_gui.ui.profiles import Profile, ProfileStore


def _load_names() -> None:
    """Bind the Qt classes and modules the window needs beyond its first frame, as module globals.

    Importing a PySide6 class creates its Python type (and ``Qt`` builds every enum of the namespace), which costs
    tens of milliseconds; the window shows first and loads these right after (see ``MainWindow.finish_setup``).
    """
    from PySide6.QtGui import QAction, QActionGroup, QKeySequence  # noqa: F401 - bound as globals below
    from PySide6.QtWidgets import (  # noqa: F401
        QLabel,
        QListWidget,
        QListWidgetItem,
        QMenu,
        QSplitter,
        QStackedWidget,
        QVBoxLayout,
    )

    from sfjwt_gui.ui import theme  # noqa: F401
    from sfjwt_gui.ui.i18n import LANGUAGES  # noqa: F401
    from sfjwt_gui.ui.profiles import Profile, ProfileStore  # noqa: F401

    globals().update(locals())


def _load_qt_namespace() -> None:
    """Bind ``Qt`` and the classes only menu actions need: the first import of ``Qt`` builds every enum of the Qt
    namespace (~13 ms), so it waits until the step list and menus are on screen; until then the few roles the window
    needs are plain ints (``_USER_ROLE`` …). Idempotent and cheap once loaded: actions call it before use."""
    from PySide6.QtCore import Qt, QUrl  # noqa: F401 - bound as globals below
    from PySide6.QtGui import QDesktopServices, QGuiApplication  # noqa: F401
    from PySide6.QtWidgets import QInputDialog, QMessageBox  # noqa: F401

    globals().update(locals())


def _key_sequences(*shortcuts: QKeySequence.StandardKey | str) -> list[QKeySequence]:
    """Key sequences built without ``QKeySequence(str)``/``setShortcut``: their overloads take Qt-namespace enums,
    and resolving them builds the whole namespace (see ``_load_qt_namespace``)."""
    keys: list[QKeySequence] = []
    for shortcut in shortcuts:
        if isinstance(shortcut, str):
            keys.append(QKeySequence.fromString(shortcut))
        else:
            keys.extend(QKeySequence.keyBindings(shortcut)[:1])  # the primary binding, as QKeySequence(key) gives
    return keys


_USER_ROLE = 256  # Qt.ItemDataRole.UserRole: QListWidgetItem.setData/data take the role as an int
_ACCESSIBLE_TEXT_ROLE = 11  # Qt.ItemDataRole.AccessibleTextRole

log = logging.getLogger(__name__)

HELP_LINKS: tuple[tuple[str, str], ...] = (
    (
        "OAuth 2.0 JWT Bearer Flow for Server-to-Server Integration",
        "https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm&type=5",
    ),
    (
        "Authorize an Org Using the JWT Flow (Salesforce CLI)",
        "https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_auth_jwt_flow.htm",
    ),
    (
        "Create a Private Key and Self-Signed Digital Certificate",
        "https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_auth_key_and_cert.htm",
    ),
    (
        "OAuth and Connected Apps: Connected App policies (permitted users)",
        "https://help.salesforce.com/s/articleView?id=sf.connected_app_manage_oauth.htm&type=5",
    ),
)
README_URL = "https://github.com/sfjwt-gui/sfjwt-gui#readme"


class Entry(NamedTuple):
    """One row of the step list: its page class ``page_class`` in ``sfjwt_gui.ui.pages.<module>``."""

    step_id: str
    module: str
    page_class: str
    tool: bool = False

    def factory(self, session: Session) -> QWidget:
        """Build the page; its module is imported only now (start-up speed); a broken one raises ``InstallError``."""
        from sfjwt_gui.core.components import load_component

        cls = getattr(load_component(f"sfjwt_gui.ui.pages.{self.module}"), self.page_class)
        page: QWidget = cls(session)
        return page


ENTRIES: tuple[Entry, ...] = (
    Entry("key", "key_page", "KeyPage"),
    Entry("connection", "connection_page", "ConnectionPage"),
    Entry("claims", "claims_page", "ClaimsPage"),
    Entry("token", "signed_jwt_page", "SignedJwtPage"),
    Entry("send", "send_page", "SendPage"),
    Entry("diagnosis", "diagnosis_page", "DiagnosisPage"),
    Entry("decode", "decode_tool", "DecodeToolPage", tool=True),
    Entry("explain", "explain_tool", "ExplainToolPage", tool=True),
    Entry("keys", "keys_tool", "KeysToolPage", tool=True),
)
STEP_IDS = tuple(e.step_id for e in ENTRIES)


def _title(step_id: str) -> str:
    return {
        "key": QCoreApplication.translate("MainWindow", "Key & certificate"),
        "connection": QCoreApplication.translate("MainWindow", "Connection"),
        "claims": QCoreApplication.translate("MainWindow", "Claims"),
        "token": QCoreApplication.translate("MainWindow", "Signed JWT"),
        "send": QCoreApplication.translate("MainWindow", "Send"),
        "diagnosis": QCoreApplication.translate("MainWindow", "Diagnosis"),
        "decode": QCoreApplication.translate("MainWindow", "Decode a JWT"),
        "explain": QCoreApplication.translate("MainWindow", "Explain an error"),
        "keys": QCoreApplication.translate("MainWindow", "Keys"),
    }[step_id]


class MainWindow(QMainWindow):
    """The guided workbench: steps, tools, menus, practice mode, profiles, log dock."""

    page_built = Signal(str)
    ready = Signal()  # every page has been built

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        build_pages_eagerly: bool = False,
        defer_pages: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.session = session
        self._pages: dict[str, QWidget] = {}
        self._loading: Any = None  # QLabel shown for any page not built yet (one widget for all of them)
        self._details_done = False
        self.log_dock: Any = None  # ui.log_pane.LogDock, added by finish_details
        self._states: dict[str, str] = dict.fromkeys(STEP_IDS, "none")
        self._closing = False
        self._defer = defer_pages
        self._setup_done = False
        self._pending_key: str | None = None
        self.practice: Any = None  # ui.practice_mode.PracticeController, created on first use
        from sfjwt_gui.ui.profiles import app_settings

        self.settings = app_settings()
        self.resize(1180, 780)
        self._restore_geometry()
        self.setWindowTitle(self.tr("sfjwt-gui — Salesforce JWT Bearer Flow workbench"))
        if not defer_pages:
            self.finish_setup()
        if build_pages_eagerly:
            for entry in ENTRIES:
                self.page(entry.step_id)
        elif not defer_pages:
            self.start_building_pages()

    def _build_steps(self) -> None:
        self.steps = QListWidget(self)
        self.steps.setObjectName("step_list")
        self.steps.setMinimumWidth(190)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("page_stack")
        self._items: dict[str, QListWidgetItem] = {}
        self._tools_header = QListWidgetItem()  # made unselectable in finish_details (Qt enums load then)
        header_font = self.steps.font()
        header_font.setBold(True)
        self._tools_header.setFont(header_font)
        for entry in ENTRIES:
            if entry.tool and self._tools_header.listWidget() is None:
                self.steps.addItem(self._tools_header)
            item = QListWidgetItem(theme.state_icon(theme.State.NONE), "")
            item.setData(_USER_ROLE, entry.step_id)
            self.steps.addItem(item)
            self._items[entry.step_id] = item
        self._loading = QLabel("…", self.stack)
        self._loading.setObjectName("page_loading")
        self.stack.addWidget(self._loading)
        self.steps.currentItemChanged.connect(self._on_step_selected)

        splitter = (
            QSplitter()
        )  # QSplitter(parent) would resolve an overload taking Qt.Orientation: ~13 ms; setCentralWidget reparents it
        splitter.addWidget(self.steps)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(1, False)
        splitter.setSizes([220, 900])
        self.setCentralWidget(splitter)
        self._retranslate_steps()
        self.steps.setCurrentRow(0)

    def finish_setup(self, *, details: bool = True) -> None:
        """Step list, menus, shortcuts: right after the window is shown (fast start). ``details=False`` leaves the
        log dock and the remembered dock layout to ``finish_details`` (the application runs it one turn later)."""
        if self._setup_done:
            if details:
                self.finish_details()
            return
        self._setup_done = True
        _load_names()
        self.profiles = ProfileStore(self.settings)
        self._build_steps()

        self.practice_label = QLabel(self)
        self.practice_label.setObjectName("practice_status")
        self.statusBar().addPermanentWidget(self.practice_label)

        self._create_actions()
        self._create_menus()
        self.session.step_state.connect(self.set_step_state)
        self.session.changed.connect(self._on_session_changed)
        self._restore_settings()
        self.retranslate_ui()
        if details:
            self.finish_details()

    def finish_details(self) -> None:
        """What the first usable frame can do without: the log dock (with the remembered dock layout) and the Qt
        enum namespace for the heading's flags."""
        if self._details_done or not self._setup_done:
            return
        self._details_done = True
        _load_qt_namespace()
        self._tools_header.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: readable, not selectable
        from sfjwt_gui.ui.log_pane import LogDock

        self.log_dock = LogDock(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.log_dock)
        self.log_dock.hide()
        self.log_dock.visibilityChanged.connect(self.act_toggle_log.setChecked)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray | bytes):
            self.restoreState(QByteArray(state))
        self.act_toggle_log.setChecked(self.log_dock.isVisible())

    def toggle_log(self, show: bool) -> None:
        """Ctrl+L: show or hide the log dock."""
        self.finish_details()
        self.log_dock.setVisible(show)

    # ------------------------------------------------------------------ pages

    def page(self, step_id: str) -> Any:
        """The page of a step, built now if it was not yet."""
        if step_id in self._pages:
            return self._pages[step_id]
        entry = next(e for e in ENTRIES if e.step_id == step_id)
        page = entry.factory(self.session)
        page.setObjectName(f"page_{step_id}")
        self.stack.addWidget(page)
        if self.stack.currentWidget() is self._loading and self.current_step() == step_id:
            self.stack.setCurrentWidget(page)
        self._pages[step_id] = page
        self._wire_page(step_id, page)
        self.page_built.emit(step_id)
        if len(self._pages) == len(ENTRIES):
            self.ready.emit()
        return page

    def pages_ready(self) -> bool:
        """True once every page exists."""
        return len(self._pages) == len(ENTRIES)

    def start_building_pages(self) -> None:
        """Build the page on screen now and the others from the event loop, one per turn."""
        self.finish_setup()
        self._defer = False
        current = self.current_step()
        if current:
            self.stack.setCurrentWidget(self.page(current))
        QTimer.singleShot(0, self._build_next_page)

    def _build_next_page(self) -> None:
        if self._closing:
            return
        for entry in ENTRIES:
            if entry.step_id not in self._pages:
                self.page(entry.step_id)
                QTimer.singleShot(0, self._build_next_page)
                return

    def _wire_page(self, step_id: str, page: QWidget) -> None:
        if step_id == "send":
            page.exchange_finished.connect(self._on_exchange_finished)  # type: ignore[attr-defined]
            page.scenario_requested.connect(self.set_scenario)  # type: ignore[attr-defined]

    def show_step(self, step_id: str) -> Any:
        """Select a step in the list and show its page."""
        page = self.page(step_id)
        self.steps.setCurrentItem(self._items[step_id])
        return page

    def current_step(self) -> str:
        """The id of the page on screen."""
        if not self._setup_done:
            return ""
        item = self.steps.currentItem()
        return str(item.data(_USER_ROLE) or "") if item else ""

    def _on_step_selected(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        step_id = current.data(_USER_ROLE)
        if not step_id:
            return
        if self._defer and step_id not in self._pages:
            self.stack.setCurrentWidget(self._loading)
            return
        self.stack.setCurrentWidget(self.page(str(step_id)))

    def set_step_state(self, step_id: str, state: str) -> None:
        """Show a step's state (none/ok/warning/failed) as its icon and in its tooltip."""
        if step_id not in self._items:
            return
        self._states[step_id] = state
        self._items[step_id].setIcon(theme.state_icon(state))
        self._update_item_text(step_id)

    def step_state(self, step_id: str) -> str:
        """The state last shown for a step."""
        return self._states[step_id]

    def _state_text(self, state: str) -> str:
        return {
            "none": self.tr("not started"),
            "ok": self.tr("ok"),
            "warning": self.tr("warning"),
            "failed": self.tr("failed"),
        }.get(state, state)

    def _update_item_text(self, step_id: str) -> None:
        item = self._items[step_id]
        entry = next(e for e in ENTRIES if e.step_id == step_id)
        number = STEP_IDS.index(step_id) + 1
        prefix = "" if entry.tool else f"{number}. "
        item.setText(prefix + _title(step_id))
        state_text = self._state_text(self._states[step_id])
        item.setToolTip(f"{_title(step_id)} — {state_text} (Ctrl+{number})")
        item.setData(_ACCESSIBLE_TEXT_ROLE, f"{_title(step_id)}, {state_text}")

    # ------------------------------------------------------------------ actions

    def _action(self, name: str, slot: Callable[[], Any], *shortcuts: QKeySequence.StandardKey | str) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcuts:
            action.setShortcuts(_key_sequences(*shortcuts))  # window-wide: QAction's default context
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        self.act_send = self._action("act_send", self.send, "Ctrl+Return", "Ctrl+Enter")
        self.act_generate = self._action("act_generate", self.generate_key, "Ctrl+G")
        self.act_import = self._action("act_import", self.import_key, QKeySequence.StandardKey.Open)
        self.act_copy_token = self._action("act_copy_token", self.copy_token, "Ctrl+Shift+C")
        self.act_help = self._action("act_help", self.show_help, QKeySequence.StandardKey.HelpContents)
        self.act_quit = self._action("act_quit", self.close, "Ctrl+Q")
        self.act_save_profile = self._action("act_save_profile", self.save_profile_dialog, "Ctrl+S")
        self.act_toggle_log = QAction(self)
        self.act_toggle_log.setObjectName("act_toggle_log")
        self.act_toggle_log.setCheckable(True)
        self.act_toggle_log.setShortcuts(_key_sequences("Ctrl+L"))
        self.act_toggle_log.toggled.connect(self.toggle_log)
        self.addAction(self.act_toggle_log)
        self.act_practice_start = self._action("act_practice_start", self.start_practice, "Ctrl+P")
        self.act_practice_stop = self._action("act_practice_stop", self.stop_practice)
        self.act_practice_stop.setEnabled(False)
        self.step_actions: list[QAction] = []
        for number, entry in enumerate(ENTRIES, start=1):
            act = self._action(f"act_step_{entry.step_id}", partial(self.show_step, entry.step_id), f"Ctrl+{number}")
            self.step_actions.append(act)
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code, native in LANGUAGES.items():
            act = QAction(native, self)
            act.setObjectName(f"act_lang_{code}")
            act.setCheckable(True)
            act.setChecked(code == self.session.lang())
            act.triggered.connect(lambda _checked=False, c=code: self.switch_language(c))
            self.language_group.addAction(act)
            self.language_actions[code] = act
        self.help_actions: list[QAction] = []
        for title, url in HELP_LINKS:
            act = QAction(title, self)
            act.setData(url)
            act.triggered.connect(lambda _checked=False, u=url: self.open_url(u))
            self.help_actions.append(act)
        self.act_reference = QAction(self)
        self.act_reference.setObjectName("act_reference")
        self.act_reference.triggered.connect(self.open_reference)
        self.act_about = QAction(self)
        self.act_about.triggered.connect(self.show_about)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.act_generate)
        self.file_menu.addAction(self.act_import)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_save_profile)
        self.profiles_menu = QMenu(self.file_menu)
        self.profiles_menu.setObjectName("profiles_menu")
        self.profiles_menu.aboutToShow.connect(self._fill_profiles_menu)
        self.file_menu.addMenu(self.profiles_menu)
        self.delete_profile_menu = QMenu(self.file_menu)
        self.delete_profile_menu.aboutToShow.connect(self._fill_delete_profile_menu)
        self.file_menu.addMenu(self.delete_profile_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_send)
        self.file_menu.addAction(self.act_copy_token)
        self.file_menu.addAction(self.act_toggle_log)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_quit)

        self.go_menu = bar.addMenu("")
        for act in self.step_actions:
            self.go_menu.addAction(act)

        self.practice_menu = bar.addMenu("")
        self.practice_menu.setObjectName("practice_menu")
        self.practice_menu.addAction(self.act_practice_start)
        self.practice_menu.addAction(self.act_practice_stop)
        self.scenarios_menu = QMenu(self.practice_menu)
        self.scenarios_menu.setObjectName("scenarios_menu")
        self.scenario_group = QActionGroup(self)
        self.scenario_group.setExclusive(True)
        self.scenarios_menu.aboutToShow.connect(self._fill_scenarios_menu)
        self.practice_menu.addMenu(self.scenarios_menu)

        self.language_menu = bar.addMenu("")
        for act in self.language_actions.values():
            self.language_menu.addAction(act)

        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.act_help)
        self.help_menu.addSeparator()
        for act in self.help_actions:
            self.help_menu.addAction(act)
        self.help_menu.addAction(self.act_reference)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.act_about)

    def _retranslate_steps(self) -> None:
        self.setWindowTitle(self.tr("sfjwt-gui — Salesforce JWT Bearer Flow workbench"))
        self.steps.setAccessibleName(self.tr("Steps and tools"))
        self.stack.setAccessibleName(self.tr("Current page"))
        self._tools_header.setText(self.tr("Tools"))
        for step_id in STEP_IDS:
            self._update_item_text(step_id)

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self._retranslate_steps()
        if not self._setup_done:
            return
        self.file_menu.setTitle(self.tr("&File"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.practice_menu.setTitle(self.tr("&Practice"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.profiles_menu.setTitle(self.tr("Load profile"))
        self.delete_profile_menu.setTitle(self.tr("Delete profile"))
        self.scenarios_menu.setTitle(self.tr("Scenario"))
        self.act_send.setText(self.tr("&Send the token request"))
        self.act_generate.setText(self.tr("&Generate a key…"))
        self.act_import.setText(self.tr("&Import a key or certificate…"))
        self.act_copy_token.setText(self.tr("&Copy the signed JWT"))
        self.act_help.setText(self.tr("Help and shortcuts"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_save_profile.setText(self.tr("Save connection as &profile…"))
        self.act_toggle_log.setText(self.tr("Show &log"))
        self.act_practice_start.setText(self.tr("&Start the practice org"))
        self.act_practice_stop.setText(self.tr("S&top the practice org"))
        self.act_reference.setText(self.tr("The facts this app builds on (reference)"))
        self.act_about.setText(self.tr("About sfjwt-gui"))
        for act, step_id in zip(self.step_actions, STEP_IDS, strict=True):
            act.setText(_title(step_id))
        self._update_practice_label()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and getattr(self, "_setup_done", False):
            self.retranslate_ui()
        elif event.type() == QEvent.Type.PaletteChange and getattr(self, "_setup_done", False):
            theme.palette_changed()  # also when the platform changes the palette without a colour-scheme signal
            for step_id, state in self._states.items():
                self._items[step_id].setIcon(theme.state_icon(state))
        super().changeEvent(event)

    # ------------------------------------------------------------------ main actions

    def send(self) -> None:
        """Ctrl+Enter: show the Send page and send (once, even when pressed twice)."""
        page = self.show_step("send")
        page.send()

    def generate_key(self) -> None:
        """Ctrl+G: the key page's generate action."""
        self.show_step("key").generate()

    def import_key(self) -> None:
        """Ctrl+O: the key page's import dialog."""
        self.show_step("key").start_import()

    def open_url(self, url: str) -> None:
        """Open a link in the user's browser."""
        _load_qt_namespace()
        QDesktopServices.openUrl(QUrl(url))

    def copy_token(self) -> None:
        """Ctrl+Shift+C: copy the signed JWT (the user's own clipboard; it is never logged)."""
        _load_qt_namespace()
        token = self.session.get("token")
        if token:
            QGuiApplication.clipboard().setText(str(token))
            self.statusBar().showMessage(self.tr("Signed JWT copied to the clipboard."), 4000)
        else:
            self.statusBar().showMessage(
                self.tr("There is no signed JWT yet: add a key and fill the connection."), 6000
            )

    def show_help(self) -> None:
        """F1: shortcuts and where to read more."""
        _load_qt_namespace()
        links = "".join(f'<li><a href="{url}">{title}</a></li>' for title, url in HELP_LINKS)
        shortcuts = [
            ("Ctrl+Enter", self.tr("Send the token request")),
            ("Ctrl+1 … Ctrl+9", self.tr("Go to a step or tool")),
            ("Ctrl+G", self.tr("Generate a key")),
            ("Ctrl+O", self.tr("Import a key or certificate")),
            ("Ctrl+Shift+C", self.tr("Copy the signed JWT")),
            ("Ctrl+P", self.tr("Start the practice org")),
            ("Ctrl+S", self.tr("Save the connection as a profile")),
            ("Ctrl+L", self.tr("Show or hide the log")),
            ("F1", self.tr("This help")),
            ("Ctrl+Q", self.tr("Quit")),
        ]
        rows = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in shortcuts)
        text = (
            "<p>"
            + self.tr(
                "Work through the steps from top to bottom: a key and its certificate, the connection, the claims, "
                "the signed JWT, then Send. When Salesforce refuses, the Diagnosis page explains why. "
                "No org yet? Practice → Start the practice org."
            )
            + f"</p><table>{rows}</table><p><b>"
            + self.tr("Salesforce documentation")
            + f"</b></p><ul>{links}</ul>"
        )
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser

        box = QDialog(self)
        box.setObjectName("help_box")
        box.setWindowTitle(self.tr("Help"))
        browser = QTextBrowser(box)
        browser.setObjectName("help_text")
        browser.setOpenExternalLinks(True)
        browser.setHtml(text)
        browser.setAccessibleName(self.tr("Help"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, box)
        buttons.rejected.connect(box.reject)
        layout = QVBoxLayout(box)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        box.resize(620, 500)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def open_reference(self) -> None:
        """Open the project README (local copy when running from source)."""
        from sfjwt_gui.core.resources import resources_dir

        _load_qt_namespace()
        readme = resources_dir().parent / "README.md"
        url = QUrl.fromLocalFile(str(readme)) if readme.is_file() else QUrl(README_URL)
        QDesktopServices.openUrl(url)

    def show_about(self) -> None:
        """Version and licence."""
        from sfjwt_gui import __version__

        _load_qt_namespace()
        QMessageBox.about(
            self,
            self.tr("About sfjwt-gui"),
            self.tr(
                "sfjwt-gui {version}: set up and debug the Salesforce OAuth 2.0 JWT Bearer Flow. MIT licence."
            ).format(version=__version__),
        )

    def switch_language(self, code: str) -> None:
        """Switch every window to ``code`` now (retranslated live)."""
        from sfjwt_gui.ui.i18n import set_language

        used = set_language(code)
        self.session.set("language", used)
        self.language_actions[used].setChecked(True)
        self.settings.setValue("language", used)

    # ------------------------------------------------------------------ outcome navigation

    def _on_exchange_finished(self, result: Any) -> None:
        if self._closing:
            return
        if getattr(result, "ok", False):
            self.set_step_state("send", theme.State.OK)
            self.set_step_state("diagnosis", theme.State.OK)
        elif str(getattr(result, "outcome", "")) == "cancelled":
            self.set_step_state("send", theme.State.WARNING)
        else:
            self.set_step_state("send", theme.State.FAILED)
            self.set_step_state("diagnosis", theme.State.FAILED)
            self.show_step("diagnosis")

    def _on_session_changed(self, field: str) -> None:
        if field == "practice":
            self._update_practice_label()
            running = self.session.get("practice") is not None
            self.act_practice_start.setEnabled(not running)
            self.act_practice_stop.setEnabled(running)

    # ------------------------------------------------------------------ practice mode

    def practice_controller(self) -> Any:
        """The practice-mode controller (created on first use)."""
        if self.practice is None:
            from sfjwt_gui.ui.practice_mode import PracticeController

            self.practice = PracticeController(self.session, self)
            self.practice.failed.connect(self._on_practice_failed)
            self.practice.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self.practice.started.connect(lambda _server: self.show_step("send"))
            self.practice.scenario_changed.connect(self._on_scenario_changed)
        return self.practice

    def _on_scenario_changed(self, _name: str) -> None:
        """A new scenario makes the last answer history: Send and Diagnosis start over, and Send says what to do."""
        self._update_practice_label()
        server = self.session.get("practice")
        if server is None or self._closing:
            return
        self.set_step_state("send", theme.State.NONE)
        self.set_step_state("diagnosis", theme.State.NONE)
        title = server.scenario.title_in(self.session.lang())
        self.page("send").mark_stale(
            self.tr("Scenario “{name}” is set. Press Send (Ctrl+Enter) to see what Salesforce answers.").format(
                name=title
            )
        )

    def start_practice(self, scenario: str | None = None) -> None:
        """Start the practice org, upload the certificate, fill the connection."""
        self.practice_controller().start(scenario)

    def stop_practice(self) -> None:
        """Stop the practice org."""
        if self.practice is not None:
            self.practice.stop()

    def set_scenario(self, name: str) -> None:
        """Switch the practice org's scenario (starting it if needed)."""
        controller = self.practice_controller()
        if self.session.get("practice") is None:
            controller.start(name)
        else:
            controller.set_scenario(name)

    def _on_practice_failed(self, message: str) -> None:
        _load_qt_namespace()
        QMessageBox.warning(self, self.tr("Practice org"), message)

    def _fill_scenarios_menu(self) -> None:
        from sfjwt_gui.practice.scenarios import SCENARIOS

        self.scenarios_menu.clear()
        for old in self.scenario_group.actions():
            self.scenario_group.removeAction(old)
        current = self.practice.scenario if self.practice is not None else None
        for name, scenario in SCENARIOS.items():
            act = QAction(scenario.title_in(self.session.lang()), self.scenarios_menu)
            act.setObjectName(f"act_scenario_{name}")
            act.setCheckable(True)
            act.setChecked(name == current)
            act.setToolTip(scenario.story_in(self.session.lang()))
            act.setStatusTip(act.toolTip())
            act.triggered.connect(lambda _checked=False, n=name: self.set_scenario(n))
            self.scenario_group.addAction(act)
            self.scenarios_menu.addAction(act)

    def _update_practice_label(self) -> None:
        server = self.session.get("practice")
        if server is None:
            self.practice_label.setText("")
            return
        lang = self.session.lang()
        try:
            scenario = server.scenario.title_in(lang)
        except AttributeError:
            scenario = self.practice.scenario if self.practice is not None else ""
        self.practice_label.setText(
            self.tr("Practice org: {url} — scenario {name}").format(url=server.url, name=scenario)
        )

    # ------------------------------------------------------------------ profiles

    def save_profile_dialog(self) -> None:
        """Ask for a name and save the connection (never secrets)."""
        _load_qt_namespace()
        name, ok = QInputDialog.getText(
            self, self.tr("Save profile"), self.tr("Profile name:"), text=self.profiles.last or "my-org"
        )
        if ok and name.strip():
            self.save_profile(name.strip())

    def save_profile(self, name: str) -> Profile:
        """Save the session's connection fields as a profile and make it the last one used."""
        profile = Profile.from_session(name, self.session)
        self.profiles.save(profile)
        self.profiles.last = name
        self.statusBar().showMessage(self.tr("Profile {name} saved.").format(name=name), 4000)
        return profile

    def load_profile(self, name: str) -> None:
        """Fill the connection from a saved profile."""
        profile = self.profiles.get(name)
        if profile is None:
            return
        profile.apply_to(self.session)
        self.profiles.last = name
        if profile.key_name and profile.key_name != self.session.get("key_name"):
            self._pending_key = profile.key_name
            self.vault_ready()

    def vault_ready(self) -> None:
        """Load the key a profile names, once the vault exists (the application opens it after the first frame)."""
        name, vault = self._pending_key, self.session.vault
        if not name or vault is None:
            return
        self._pending_key = None
        from sfjwt_gui.ui.pages.keys_tool import load_key_and_certificate
        from sfjwt_gui.ui.worker import run_in_background

        job = run_in_background(load_key_and_certificate, vault, name)
        job.signals.finished.connect(lambda pair: self._profile_key_loaded(name, pair))
        job.signals.failed.connect(lambda exc: self._profile_key_failed(name, exc))

    def _profile_key_loaded(self, name: str, pair: tuple[Any, Any]) -> None:
        key, certificate = pair
        self.session.set("private_key", key)
        self.session.set("certificate", certificate)
        self.session.set("key_name", name)
        self.statusBar().showMessage(self.tr("Key {name} loaded from the keyring.").format(name=name), 6000)

    def _profile_key_failed(self, name: str, exc: BaseException) -> None:
        from sfjwt_gui.ui.widgets.status_line import error_parts

        message, fix = error_parts(exc, self.session.lang())
        self.statusBar().showMessage(
            self.tr("The profile's key {name} could not be loaded from the keyring: {error}").format(
                name=name, error=f"{message} {fix}".strip()
            ),
            15000,
        )

    def _fill_profiles_menu(self) -> None:
        self.profiles_menu.clear()
        names = self.profiles.names()
        if not names:
            empty = self.profiles_menu.addAction(self.tr("(no saved profiles)"))
            empty.setEnabled(False)
        for name in names:
            act = self.profiles_menu.addAction(name)
            act.triggered.connect(lambda _checked=False, n=name: self.load_profile(n))

    def _fill_delete_profile_menu(self) -> None:
        self.delete_profile_menu.clear()
        for name in self.profiles.names():
            act = self.delete_profile_menu.addAction(name)
            act.triggered.connect(lambda _checked=False, n=name: self.profiles.delete(n))

    # ------------------------------------------------------------------ settings and shutdown

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))

    def _restore_settings(self) -> None:
        last = self.profiles.last
        if last:
            self.load_profile(last)

    def save_settings(self) -> None:
        """Remember geometry and dock state (the last profile is saved when chosen)."""
        self.settings.setValue("window/geometry", self.saveGeometry())
        if self._details_done:  # the dock layout exists only then
            self.settings.setValue("window/state", self.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save settings, cancel running work, stop the practice org; safe while a request is in flight."""
        self._closing = True
        self.save_settings()
        for page in self._pages.values():
            shutdown = getattr(page, "shutdown", None)
            if callable(shutdown):
                shutdown()
        if self.practice is not None:
            self.practice.stop()
        if self.log_dock is not None:
            self.log_dock.detach()
        super().closeEvent(event)
