"""The step list: every page and tool of the window, in order, and its title.

To add a page or tool: write ``sfjwt_gui/ui/pages/<module>.py`` with a ``TranslatedWidget`` subclass taking
``(state: AppState)`` (optionally ``refresh_times(now)`` for the 1-second clock, ``shutdown()`` for closing), add one
``Entry`` row below and its title in ``title``; if it has a step state, add a rule to ``ui/steps.RULES``. The window
builds pages lazily (first visit or idle time), numbers them (Ctrl+1…9) and lists them under "Tools" with ``tool``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from sfjwt_gui.ui.state import AppState


class Entry(NamedTuple):
    """One row of the step list: its page class ``page_class`` in ``sfjwt_gui.ui.pages.<module>``."""

    step_id: str
    module: str
    page_class: str
    tool: bool = False

    def factory(self, state: AppState) -> QWidget:
        """Build the page; its module is imported only now (start-up speed); a broken one raises ``InstallError``."""
        from sfjwt_gui.core.components import load_component

        cls = getattr(load_component(f"sfjwt_gui.ui.pages.{self.module}"), self.page_class)
        page: QWidget = cls(state)
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
    Entry("org", "org_inspector_page", "OrgInspectorPage", tool=True),
)
STEP_IDS = tuple(e.step_id for e in ENTRIES)


def title(step_id: str) -> str:
    """The step's name in the current language."""
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
        "org": QCoreApplication.translate("MainWindow", "Org inspector"),
    }[step_id]
