"""The Key page does not jump when the keyring answers: at start-up the banner says "Checking the OS keyring…" and
then either one line (a keyring) or several (none: why and how to get one); the banner shares a fixed-height area
with the page's messages, so the boxes below stay where they were and the window keeps its size."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sfjwt_gui.ui.pages.key_page import KeyPage
from sfjwt_gui.ui.widgets.status_line import Kind


def _top_of_boxes(page: KeyPage) -> int:
    box = page.generator.generate_box
    return box.mapTo(page, box.rect().topLeft()).y()


@pytest.mark.parametrize("keyring", ["none", "memory"])
def test_the_page_stays_put_when_the_keyring_answers(
    qtbot: Any, session: Any, data_dir: Path, ui_settings: Path, keyring: str
) -> None:
    from keyring.backends import fail

    from sfjwt_gui.core.vault import Vault

    if keyring == "none":
        session.vault = Vault(backend=fail.Keyring(), index_dir=data_dir)
    page = KeyPage(session)
    qtbot.addWidget(page)
    page.resize(790, 640)  # the page's width in a 1024×700 window
    page.show()
    qtbot.waitUntil(lambda: page.vault_status is not None, timeout=10_000)
    answer = page.vault_status  # the keyring's real answer, shown again below as at start-up
    page.vault_status = None
    page._render_vault_status()  # "Checking the OS keyring…", as at start-up
    qtbot.wait(20)
    checking_top, checking_size = _top_of_boxes(page), page.size()
    assert "Checking" in page.keyring_status.plain_text()
    page._vault_status_ready(answer)
    qtbot.wait(50)
    assert page.keyring_status.kind == (Kind.WARNING if keyring == "none" else Kind.OK)
    assert _top_of_boxes(page) == checking_top, "the boxes moved when the keyring answered"
    assert page.size() == checking_size
    page.status.show_message(Kind.ERROR, "A message long enough to need two lines " * 4, "and a fix")
    qtbot.wait(20)
    assert _top_of_boxes(page) == checking_top, "a message moved the boxes"
    viewport = page.status.frame.viewport()
    top = page.status.mapTo(viewport, page.status.rect().topLeft()).y()
    whole = top + page.status.height() <= viewport.height()
    assert top >= 0, "the message's start is scrolled out of view"
    assert whole or top == 0, "the message is not scrolled into view"


def test_the_keys_tool_table_stays_put_when_the_keyring_answers(qtbot: Any, session: Any, ui_settings: Path) -> None:
    from sfjwt_gui.ui.pages.keys_tool import KeysToolPage

    tool = KeysToolPage(session)
    qtbot.addWidget(tool)
    tool.resize(790, 640)
    tool.show()  # shown: it asks the keyring for its list in the background
    assert "Checking" in tool.keyring_status.plain_text()
    qtbot.wait(1)
    before = tool.table.mapTo(tool, tool.table.rect().topLeft()).y()
    qtbot.waitUntil(lambda: tool.loaded_once, timeout=10_000)
    qtbot.wait(50)
    assert tool.keyring_status.kind == Kind.OK
    assert tool.table.mapTo(tool, tool.table.rect().topLeft()).y() == before, "the table moved"
