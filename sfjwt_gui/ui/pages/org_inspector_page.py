"""Tool page "Org inspector": ask the org itself whether the JWT set-up is right, and check the best practices.

Layout: what is checked (the consumer key and username from the Connection step), the admin connection chooser,
the Inspect button with Cancel, then every check (ok / problem / could not check) and the practices checklist
(pass / warn) with the record that decided each. Inspection runs ``core.org.inspect.inspect_org`` through
``OrgCheckBar`` (the one worker helper); the answer is shared with the Diagnosis page (``AppState.org_inspection``).
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from sfjwt_gui.ui.state import AppState, Field, listens
from sfjwt_gui.ui.widgets.org_access_box import OrgAccessBox
from sfjwt_gui.ui.widgets.org_check_bar import INSPECT, OrgCheckBar
from sfjwt_gui.ui.widgets.org_check_view import OrgCheckView
from sfjwt_gui.ui.widgets.page_parts import TranslatedWidget, named, page_title, text_label
from sfjwt_gui.ui.widgets.status_line import Kind, StatusLine


class OrgInspectorPage(TranslatedWidget):
    """Read-only checks of the app, the user and the org, with the seed article's practices."""

    step_id = "org"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.heading = page_title(self)
        self.intro = text_label(self, "org_intro")
        self.target = text_label(self, "org_target", selectable=True)
        self.access_group = QGroupBox(self)
        self.access_box = named(OrgAccessBox(state, self.access_group), "org_access_box")
        group_layout = QVBoxLayout(self.access_group)
        group_layout.setContentsMargins(6, 4, 6, 4)
        group_layout.addWidget(self.access_box)
        self.bar = named(OrgCheckBar(state, INSPECT, self), "org_inspect_bar")
        self.stale = named(StatusLine(self), "org_stale")  # the practice org changed scenario since it answered
        self.stale.setVisible(False)
        self.view = named(OrgCheckView(self), "org_view")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.target)
        layout.addWidget(self.access_group)
        layout.addWidget(self.bar)
        layout.addWidget(self.stale)
        layout.addWidget(self.view, 1)
        state.changed.connect(self._on_state_changed)
        self.retranslate_ui()

    @listens(Field.ORG_INSPECTION, Field.LANGUAGE, Field.CONSUMER_KEY, Field.USERNAME, Field.AUDIENCE, Field.FLOW)
    def _on_state_changed(self, field: str) -> None:
        if field in ("org_inspection", "language"):
            self._show_inspection()
        else:
            self._show_target()

    def inspect(self) -> None:
        """Run the inspection (the Inspect button)."""
        self.bar.run()

    def _show_inspection(self) -> None:
        answers = self.state.org_inspection
        self.view.show_inspection(answers.inspection if answers is not None else None, self.state.lang())
        self._show_stale()

    def _show_stale(self) -> None:
        """Say so when the practice org changed scenario after it answered (checked when shown and each second)."""
        from sfjwt_gui.ui.org_access import scenario_since

        changed = scenario_since(self.state.org_inspection, self.state)
        self.stale.setVisible(changed is not None)
        if changed is None:
            return
        from sfjwt_gui.practice.scenarios import SCENARIOS

        lang = self.state.lang()
        then, now = (SCENARIOS[name].title_in(lang) if name in SCENARIOS else name for name in changed)
        self.stale.show_message(
            Kind.WARNING,
            self.tr("The practice org answered in scenario “{then}”; it is now “{now}”: inspect again.").format(
                then=then, now=now
            ),
        )

    def showEvent(self, event: QShowEvent) -> None:
        """Check the answers are still the org's."""
        self._show_stale()
        super().showEvent(event)

    def refresh_times(self, _now: float) -> None:
        """The window's 1-second clock (page on screen): a scenario switch makes the answers history."""
        self._show_stale()

    def _show_target(self) -> None:
        from sfjwt_gui.ui.org_access import request_from

        request = request_from(self.state)
        if request is None:
            self.target.setText(
                self.tr(
                    "Fill the consumer key and the username on the Connection step: the inspector checks that app "
                    "and that user."
                )
            )
            return
        self.target.setText(
            self.tr("Checks the app with consumer key {iss} and the user {sub} (audience {aud}).").format(
                iss=request.iss, sub=request.sub, aud=request.aud or "—"
            )
        )

    def shutdown(self) -> None:
        """Cancel a running inspection (the window is closing)."""
        self.bar.shutdown()

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self.heading.setText(self.tr("Org inspector"))
        self.intro.setText(
            self.tr(
                "Asks Salesforce itself: is the app there and set for JWT, is this user allowed to use it, is the "
                "uploaded certificate the one your key belongs to, what did Login History record. Read-only; the "
                "admin token stays in memory."
            )
        )
        self.access_group.setTitle(self.tr("Admin connection"))
        self._show_target()
        self._show_inspection()
