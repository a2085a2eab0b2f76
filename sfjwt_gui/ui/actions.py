"""Every window action and menu, declared once: a table keyed by ``MainAction`` (pattern: Picard's
``ui/mainwindow/actions.py`` with ``ui/enums.py``).

To add an action: add a ``MainAction`` member, one ``ActionSpec`` row in ``ACTIONS`` (object name, text, the window
method it calls, shortcuts) and put it in a menu in ``MENUS``. ``MainWindow`` builds the ``QAction``s from the table,
stores each as ``window.<object name>`` (``window.act_send`` …), retranslates them from the same rows, and builds the
menus in the order given here. The texts use the "MainWindow" translation context.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from enum import Enum, auto
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtGui import QKeySequence

    from sfjwt_gui.ui.main_window import MainWindow


class MainAction(Enum):
    """The window's actions (menus and shortcuts)."""

    GENERATE = auto()
    IMPORT = auto()
    SAVE_PROFILE = auto()
    IMPORT_SF = auto()
    SEND = auto()
    COPY_TOKEN = auto()
    TOGGLE_LOG = auto()
    QUIT = auto()
    PRACTICE_START = auto()
    PRACTICE_STOP = auto()
    HELP = auto()
    REFERENCE = auto()
    ABOUT = auto()


class Menu(Enum):
    """The menu bar, left to right."""

    FILE = auto()
    GO = auto()
    PRACTICE = auto()
    LANGUAGE = auto()
    HELP = auto()


@dataclass(frozen=True)
class ActionSpec:
    """One action: its object name, text, the ``MainWindow`` method it triggers, its shortcuts."""

    object_name: str
    text: object  # English, marked with QT_TRANSLATE_NOOP for lupdate; ``label()`` translates it
    slot: str  # a MainWindow method, or a dotted path to one of its parts' methods
    shortcuts: tuple[str, ...] = ()
    standard_key: str = ""  # a QKeySequence.StandardKey member name, resolved when the action is built
    checkable: bool = False

    def label(self) -> str:
        """The action's text in the current language."""
        return translate(self.text)


ACTIONS: dict[MainAction, ActionSpec] = {
    MainAction.GENERATE: ActionSpec(
        "act_generate", QT_TRANSLATE_NOOP("MainWindow", "&Generate a key…"), "generate_key", ("Ctrl+G",)
    ),
    MainAction.IMPORT: ActionSpec(
        "act_import",
        QT_TRANSLATE_NOOP("MainWindow", "&Import a key or certificate…"),
        "import_key",
        standard_key="Open",
    ),
    MainAction.SAVE_PROFILE: ActionSpec(
        "act_save_profile",
        QT_TRANSLATE_NOOP("MainWindow", "Save connection as &profile…"),
        "save_profile_dialog",
        ("Ctrl+S",),
    ),
    MainAction.IMPORT_SF: ActionSpec(
        "act_import_sf",
        QT_TRANSLATE_NOOP("MainWindow", "Import from the Salesforce &CLI…"),
        "profiles_menu.import_from_sf",
    ),
    MainAction.SEND: ActionSpec(
        "act_send", QT_TRANSLATE_NOOP("MainWindow", "&Send the token request"), "send", ("Ctrl+Return", "Ctrl+Enter")
    ),
    MainAction.COPY_TOKEN: ActionSpec(
        "act_copy_token", QT_TRANSLATE_NOOP("MainWindow", "&Copy the signed JWT"), "copy_token", ("Ctrl+Shift+C",)
    ),
    MainAction.TOGGLE_LOG: ActionSpec(
        "act_toggle_log", QT_TRANSLATE_NOOP("MainWindow", "Show &log"), "toggle_log", ("Ctrl+L",), checkable=True
    ),
    MainAction.QUIT: ActionSpec("act_quit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), "close", ("Ctrl+Q",)),
    MainAction.PRACTICE_START: ActionSpec(
        "act_practice_start", QT_TRANSLATE_NOOP("MainWindow", "&Start the practice org"), "start_practice", ("Ctrl+P",)
    ),
    MainAction.PRACTICE_STOP: ActionSpec(
        "act_practice_stop", QT_TRANSLATE_NOOP("MainWindow", "S&top the practice org"), "stop_practice"
    ),
    MainAction.HELP: ActionSpec(
        "act_help", QT_TRANSLATE_NOOP("MainWindow", "Help and shortcuts"), "show_help", standard_key="HelpContents"
    ),
    MainAction.REFERENCE: ActionSpec(
        "act_reference", QT_TRANSLATE_NOOP("MainWindow", "The facts this app builds on (reference)"), "open_reference"
    ),
    MainAction.ABOUT: ActionSpec("act_about", QT_TRANSLATE_NOOP("MainWindow", "About sfjwt-gui"), "show_about"),
}

#: Help → Salesforce documentation (title, URL): also listed in the F1 help box.
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

SEPARATOR = None
#: Menu contents in order: actions, ``SEPARATOR``, or the name of a dynamic part the window fills itself
#: ("profiles", "delete_profiles", "steps", "scenarios", "languages", "help_links").
MENUS: dict[Menu, tuple[MainAction | str | None, ...]] = {
    Menu.FILE: (
        MainAction.GENERATE,
        MainAction.IMPORT,
        SEPARATOR,
        MainAction.SAVE_PROFILE,
        "profiles",
        "delete_profiles",
        MainAction.IMPORT_SF,
        SEPARATOR,
        MainAction.SEND,
        MainAction.COPY_TOKEN,
        MainAction.TOGGLE_LOG,
        SEPARATOR,
        MainAction.QUIT,
    ),
    Menu.GO: ("steps",),
    Menu.PRACTICE: (MainAction.PRACTICE_START, MainAction.PRACTICE_STOP, "scenarios"),
    Menu.LANGUAGE: ("languages",),
    Menu.HELP: (MainAction.HELP, SEPARATOR, "help_links", MainAction.REFERENCE, SEPARATOR, MainAction.ABOUT),
}

MENU_TITLES: dict[Menu, object] = {  # QT_TRANSLATE_NOOP is typed as returning object
    Menu.FILE: QT_TRANSLATE_NOOP("MainWindow", "&File"),
    Menu.GO: QT_TRANSLATE_NOOP("MainWindow", "&Go"),
    Menu.PRACTICE: QT_TRANSLATE_NOOP("MainWindow", "&Practice"),
    Menu.LANGUAGE: QT_TRANSLATE_NOOP("MainWindow", "&Language"),
    Menu.HELP: QT_TRANSLATE_NOOP("MainWindow", "&Help"),
}


def translate(text: object) -> str:
    """A marked text in the current language (context "MainWindow")."""
    return QCoreApplication.translate("MainWindow", str(text))


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    """The action's shortcuts, built without ``QKeySequence(str)``: its overloads take Qt-namespace enums, and
    resolving them builds the whole namespace (~13 ms at start-up)."""
    from PySide6.QtGui import QKeySequence

    keys = [QKeySequence.fromString(shortcut) for shortcut in spec.shortcuts]
    if spec.standard_key:
        keys.extend(QKeySequence.keyBindings(getattr(QKeySequence.StandardKey, spec.standard_key))[:1])
    return keys


def create_actions(window: MainWindow) -> None:
    """One QAction per ``ACTIONS`` row, stored as ``window.<object name>``; then the step, language and link ones."""
    from PySide6.QtGui import QAction, QActionGroup, QKeySequence

    from sfjwt_gui.ui.i18n import LANGUAGES
    from sfjwt_gui.ui.pages.registry import ENTRIES

    window.action_of = {}
    for action_id, spec in ACTIONS.items():
        act = QAction(window)
        act.setObjectName(spec.object_name)
        slot = operator.attrgetter(spec.slot)(window)  # "send", or a part's method: "profiles_menu.import_from_sf"
        if spec.checkable:
            act.setCheckable(True)
            act.toggled.connect(slot)
        else:
            act.triggered.connect(lambda _checked=False, f=slot: f())
        act.setShortcuts(key_sequences(spec))  # window-wide: QAction's default context
        window.addAction(act)
        window.action_of[action_id] = act
        setattr(window, spec.object_name, act)
    window.act_practice_stop.setEnabled(False)
    window.step_actions = []
    for number, entry in enumerate(ENTRIES, start=1):
        act = QAction(window)
        act.setObjectName(f"act_step_{entry.step_id}")
        act.triggered.connect(lambda _checked=False, s=entry.step_id: window.show_step(s))
        if number <= 10:  # Ctrl+1 … Ctrl+9, then Ctrl+0 for the tenth
            act.setShortcuts([QKeySequence.fromString(f"Ctrl+{number % 10}")])
        window.addAction(act)
        window.step_actions.append(act)
    window.language_group = QActionGroup(window)
    window.language_group.setExclusive(True)
    window.language_actions = {}
    for code, native in LANGUAGES.items():
        act = QAction(native, window)
        act.setObjectName(f"act_lang_{code}")
        act.setCheckable(True)
        act.setChecked(code == window.state.lang())
        act.triggered.connect(lambda _checked=False, c=code: window.switch_language(c))
        window.language_group.addAction(act)
        window.language_actions[code] = act
    window.help_actions = []
    for title, url in HELP_LINKS:
        act = QAction(title, window)
        act.setData(url)
        act.triggered.connect(lambda _checked=False, u=url: window.open_url(u))
        window.help_actions.append(act)


def create_menus(window: MainWindow) -> None:
    """The menu bar from ``MENUS``; named parts are filled here (profiles, steps, scenarios, languages, links)."""
    from PySide6.QtGui import QAction, QActionGroup
    from PySide6.QtWidgets import QMenu

    window.menus = {}
    window.scenarios_menu = QMenu(window)
    window.scenarios_menu.setObjectName("scenarios_menu")
    window.scenario_group = QActionGroup(window)
    window.scenario_group.setExclusive(True)
    window.scenarios_menu.aboutToShow.connect(window._fill_scenarios_menu)
    parts: dict[str, list[QAction | QMenu]] = {
        "profiles": [window.profiles_menu.load_menu],
        "delete_profiles": [window.profiles_menu.delete_menu],
        "steps": list(window.step_actions),
        "scenarios": [window.scenarios_menu],
        "languages": list(window.language_actions.values()),
        "help_links": list(window.help_actions),
    }
    for menu_id, items in MENUS.items():
        menu = window.menuBar().addMenu("")
        menu.setObjectName(f"{menu_id.name.lower()}_menu")
        window.menus[menu_id] = menu
        for item in items:
            if item is SEPARATOR:
                menu.addSeparator()
            elif isinstance(item, MainAction):
                menu.addAction(window.action_of[item])
            else:
                for part in parts[str(item)]:
                    menu.addMenu(part) if isinstance(part, QMenu) else menu.addAction(part)
    window.file_menu, window.help_menu = window.menus[Menu.FILE], window.menus[Menu.HELP]
