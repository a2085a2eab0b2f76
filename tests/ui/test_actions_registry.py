"""Actions and menus come from one registry keyed by ``MainAction``; every declared text is translated."""

from __future__ import annotations

from typing import Any

from sfjwt_gui.ui.actions import ACTIONS, MENUS, SEPARATOR, MainAction, Menu
from sfjwt_gui.ui.main_window import MainWindow


def test_every_declared_action_exists_and_sits_in_its_menu(main_window: MainWindow) -> None:
    for action_id, spec in ACTIONS.items():
        act = getattr(main_window, spec.object_name)
        assert main_window.action_of[action_id] is act
        assert act.text() == spec.label()
    for menu_id, items in MENUS.items():
        shown = [a for a in main_window.menus[menu_id].actions() if not a.isSeparator()]
        declared = [main_window.action_of[i] for i in items if isinstance(i, MainAction)]
        assert [a for a in shown if a in declared] == declared
    assert SEPARATOR is None
    assert main_window.action_of[MainAction.SEND].shortcuts()


def test_menus_and_actions_switch_language(main_window: MainWindow, qtbot: Any) -> None:
    english = {i: main_window.action_of[i].text() for i in ACTIONS}
    main_window.switch_language("ja")
    try:
        send = main_window.action_of[MainAction.SEND]
        qtbot.waitUntil(lambda: send.text() != english[MainAction.SEND], timeout=3000)  # LanguageChange is posted
        japanese = {i: main_window.action_of[i].text() for i in ACTIONS}
        untranslated = [i.name for i in ACTIONS if japanese[i] == english[i]]
        assert untranslated == []
        assert main_window.menus[Menu.FILE].title() != "&File"
        assert main_window.steps.rows["key"].text() != "1. Key & certificate"
    finally:
        main_window.switch_language("en")
    qtbot.waitUntil(lambda: main_window.action_of[MainAction.SEND].text() == english[MainAction.SEND], timeout=3000)
