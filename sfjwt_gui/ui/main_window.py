"""The main window: the step list on the left (with state icons), one page per step, menus and shortcuts.

Pages are built lazily: the window shows first (fast start) and every page is constructed on its first visit or in
idle time right after the window appears, one per event-loop turn, so the window stays responsive while it fills.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from sfjwt_gui.ui import steps
from sfjwt_gui.ui.pages.registry import ENTRIES, STEP_IDS, title
from sfjwt_gui.ui.practice_menu import PracticeMenu
from sfjwt_gui.ui.state import AppState

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication
    from PySide6.QtWidgets import QLabel, QListWidgetItem, QMenu, QSizePolicy, QSplitter, QStackedWidget

    from sfjwt_gui.core.profiles import Profile
    from sfjwt_gui.ui import theme
    from sfjwt_gui.ui.actions import ACTIONS, MENU_TITLES, MainAction, Menu, create_actions, create_menus, translate
    from sfjwt_gui.ui.practice_mode import PracticeController
    from sfjwt_gui.ui.profiles import ProfileStore
    from sfjwt_gui.ui.profiles_menu import ProfilesMenu
    from sfjwt_gui.ui.widgets.page_frame import page_frame
    from sfjwt_gui.ui.widgets.step_list import StepList


def _load_names() -> None:
    """Bind the Qt classes and modules the window needs beyond its first frame, as module globals.

    Importing a PySide6 class creates its Python type (and ``Qt`` builds every enum of the namespace), which costs
    tens of milliseconds; the window shows first and loads these right after (see ``MainWindow.finish_setup``).
    """
    from PySide6.QtWidgets import QLabel, QListWidgetItem, QSizePolicy, QSplitter, QStackedWidget  # noqa: F401

    from sfjwt_gui.ui import theme  # noqa: F401
    from sfjwt_gui.ui.actions import ACTIONS, MENU_TITLES, create_actions, create_menus, translate  # noqa: F401
    from sfjwt_gui.ui.profiles import ProfileStore  # noqa: F401 - core.profiles loads on first use
    from sfjwt_gui.ui.profiles_menu import ProfilesMenu  # noqa: F401
    from sfjwt_gui.ui.widgets.page_frame import page_frame  # noqa: F401
    from sfjwt_gui.ui.widgets.step_list import StepList  # noqa: F401

    globals().update(locals())


def _load_qt_namespace() -> None:
    """Bind ``Qt`` and the classes only menu actions need: the first import of ``Qt`` builds every enum of the Qt
    namespace (~13 ms), so it waits until the step list and menus are on screen; until then the few roles the window
    needs are plain ints (``_USER_ROLE`` …). Idempotent and cheap once loaded: actions call it before use."""
    from PySide6.QtCore import Qt  # noqa: F401 - bound as globals below
    from PySide6.QtGui import QGuiApplication  # noqa: F401
    from PySide6.QtWidgets import QMessageBox  # noqa: F401

    globals().update(locals())


_USER_ROLE = 256  # Qt.ItemDataRole.UserRole: QListWidgetItem.setData/data take the role as an int

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """The guided workbench: steps, tools, menus, practice mode, profiles, log dock."""

    # the actions declared in ui/actions.py, set by _create_actions (typed here for mypy)
    act_generate: QAction
    act_import: QAction
    act_save_profile: QAction
    act_import_sf: QAction
    act_send: QAction
    act_copy_token: QAction
    act_toggle_log: QAction
    act_quit: QAction
    act_practice_start: QAction
    act_practice_stop: QAction
    act_help: QAction
    act_reference: QAction
    act_about: QAction
    action_of: dict[MainAction, QAction]
    step_actions: list[QAction]
    language_group: QActionGroup
    language_actions: dict[str, QAction]
    help_actions: list[QAction]
    menus: dict[Menu, QMenu]
    scenarios_menu: QMenu
    scenario_group: QActionGroup
    file_menu: QMenu
    help_menu: QMenu

    page_built = Signal(str)
    ready = Signal()  # every page has been built

    def __init__(
        self,
        state: AppState,
        parent: QWidget | None = None,
        *,
        build_pages_eagerly: bool = False,
        defer_pages: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.state = state
        self._pages: dict[str, QWidget] = {}
        self._frames: dict[str, QWidget] = {}  # each page inside its scroll area (ui/widgets/page_frame.py)
        self._loading: Any = None  # QLabel shown for any page not built yet (one widget for all of them)
        self._details_done = False
        self.log_dock: Any = None  # ui.log_pane.LogDock, added by finish_details
        self.closing = False
        self._defer = defer_pages
        self._setup_done = False
        self.practice_menu = PracticeMenu(self)
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
        self.steps = StepList(self)
        self._items = self.steps.rows
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("page_stack")
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
        self.profiles_menu = ProfilesMenu(self, self.profiles)
        self._build_steps()

        self.practice_label = QLabel(self)
        self.practice_label.setObjectName("practice_status")
        self.practice_label.setMinimumWidth(1)  # a long URL never widens the window: the tooltip has it all
        self.practice_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.statusBar().addPermanentWidget(self.practice_label, 1)

        create_actions(self)  # ui/actions.py: the registry of actions and menus
        create_menus(self)
        self.state.changed.connect(self._on_state_changed)
        self._refresh_steps(steps.RULES)
        self._clock = QTimer(self)  # the 1-second refresh of times and time-dependent findings
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self.tick)
        self._clock.start()
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
        self.steps.tools_header.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: readable, not selectable
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
        page = entry.factory(self.state)
        page.setObjectName(f"page_{step_id}")
        self._pages[step_id] = page
        self._frames[step_id] = frame = page_frame(page)  # scrolls as a whole when the window is smaller
        self.stack.addWidget(frame)
        if self.stack.currentWidget() is self._loading and self.current_step() == step_id:
            self.stack.setCurrentWidget(frame)
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
            self.page(current)
            self.stack.setCurrentWidget(self._frames[current])
        QTimer.singleShot(0, self._build_next_page)

    def _build_next_page(self) -> None:
        if self.closing:
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
        self.page(str(step_id))
        self.stack.setCurrentWidget(self._frames[str(step_id)])

    def _refresh_steps(self, step_ids: Iterable[str], now: float | None = None) -> None:
        """Derive the states of ``step_ids`` from the application state (``ui.steps``) and show them."""
        now = time.time() if now is None else now
        for step_id in step_ids:
            self._show_step_state(step_id, steps.derive(step_id, self.state, now))

    def tick(self) -> None:
        """Once a second, only while the window is visible: time-dependent steps and the page on screen age."""
        if not self.isVisible() or self.isMinimized():
            return
        now = time.time()
        self._refresh_steps(steps.TIME_DEPENDENT, now)
        page = self._pages.get(self.current_step())
        refresh = getattr(page, "refresh_times", None)
        if callable(refresh):
            refresh(now)

    def _show_step_state(self, step_id: str, state: str) -> None:
        self.steps.show_state(step_id, state)

    def step_state(self, step_id: str) -> str:
        """The state last shown for a step."""
        return self.steps.states[step_id]

    # ------------------------------------------------------------------ actions and menus (ui/actions.py)

    def _retranslate_steps(self) -> None:
        self.setWindowTitle(self.tr("sfjwt-gui — Salesforce JWT Bearer Flow workbench"))
        self.steps.retranslate()
        self.stack.setAccessibleName(self.tr("Current page"))

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language (menus and actions from their declarations)."""
        self._retranslate_steps()
        if not self._setup_done:
            return
        for menu_id, menu_title in MENU_TITLES.items():
            self.menus[menu_id].setTitle(translate(menu_title))
        for action_id, spec in ACTIONS.items():
            self.action_of[action_id].setText(spec.label())
        self.profiles_menu.retranslate()
        self.scenarios_menu.setTitle(self.tr("Scenario"))
        for act, step_id in zip(self.step_actions, STEP_IDS, strict=True):
            act.setText(title(step_id))
        self._update_practice_label()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and getattr(self, "_setup_done", False):
            self.retranslate_ui()
        elif event.type() == QEvent.Type.PaletteChange and getattr(self, "_setup_done", False):
            theme.palette_changed()  # also when the platform changes the palette without a colour-scheme signal
            self.steps.recolour()
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
        from sfjwt_gui.ui.dialogs import help_dialog

        help_dialog.open_url(url)

    def copy_token(self) -> None:
        """Ctrl+Shift+C: copy the signed JWT (the user's own clipboard; it is never logged)."""
        _load_qt_namespace()
        token = self.state.token
        if token:
            QGuiApplication.clipboard().setText(str(token))
            self.statusBar().showMessage(self.tr("Signed JWT copied to the clipboard."), 4000)
        else:
            self.statusBar().showMessage(
                self.tr("There is no signed JWT yet: add a key and fill the connection."), 6000
            )

    def show_help(self) -> None:
        """F1: shortcuts and where to read more (ui/dialogs/help_dialog.py)."""
        from sfjwt_gui.ui.dialogs import help_dialog

        help_dialog.show_help(self)

    def open_reference(self) -> None:
        """Open the project README (local copy when running from source)."""
        from sfjwt_gui.ui.dialogs import help_dialog

        help_dialog.open_reference()

    def show_about(self) -> None:
        """Version and licence."""
        from sfjwt_gui.ui.dialogs import help_dialog

        help_dialog.show_about(self)

    def switch_language(self, code: str) -> None:
        """Switch every window to ``code`` now (retranslated live)."""
        from sfjwt_gui.ui.i18n import set_language

        used = set_language(code)
        self.state.language = used
        self.language_actions[used].setChecked(True)
        self.settings.setValue("language", used)

    # ------------------------------------------------------------------ outcome navigation

    def _on_exchange_finished(self, result: Any) -> None:
        if self.closing:
            return
        if not result.ok and str(result.outcome) != "cancelled":
            self.show_step("diagnosis")

    def _on_state_changed(self, field: str) -> None:
        self._refresh_steps(step for step, rule in steps.RULES.items() if field in rule.reads)
        if field == "practice":
            self._update_practice_label()
            running = self.state.practice is not None
            self.act_practice_start.setEnabled(not running)
            self.act_practice_stop.setEnabled(running)

    # ------------------------------------------------------------------ practice mode (ui/practice_menu.py)

    def practice_controller(self) -> PracticeController:
        """The practice-mode controller (created on first use)."""
        return self.practice_menu.controller()

    @property
    def practice(self) -> PracticeController | None:
        """The practice-mode controller, if it was created."""
        return self.practice_menu.practice

    def start_practice(self, scenario: str | None = None) -> None:
        """Start the practice org, upload the certificate, fill the connection."""
        self.practice_menu.controller().start(scenario)

    def stop_practice(self) -> None:
        """Stop the practice org."""
        if self.practice is not None:
            self.practice.stop()

    def set_scenario(self, name: str) -> None:
        """Switch the practice org's scenario (starting it if needed)."""
        self.practice_menu.set_scenario(name)

    def _fill_scenarios_menu(self) -> None:
        self.practice_menu.fill_scenarios_menu()

    def _update_practice_label(self) -> None:
        self.practice_menu.update_label()

    # ------------------------------------------------------------------ profiles (ui/profiles_menu.py)

    def save_profile_dialog(self) -> None:
        """Ask for a name and save the connection (never secrets)."""
        self.profiles_menu.save_dialog()

    def save_profile(self, name: str) -> Profile:
        """Save the state's connection fields as a profile and make it the last one used."""
        return self.profiles_menu.save(name)

    def load_profile(self, name: str) -> None:
        """Fill the connection from a saved profile."""
        self.profiles_menu.load(name)

    def vault_ready(self) -> None:
        """Load the key a profile names, once the vault exists (the application opens it after the first frame)."""
        if self._setup_done:
            self.profiles_menu.vault_ready()

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
        self.closing = True
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
