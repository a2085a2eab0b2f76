"""Choose the admin connection the org inspector reads with: practice org, this session's token, a Salesforce CLI
org, or a pasted instance URL and access token (masked field).

Every instance edits the one ``AppState.org_access`` and follows it, so the Diagnosis page and the Org inspector use
the same choice. The pasted token is kept in the field and in memory only; it is never written anywhere. Listing the
CLI's orgs runs ``sf`` off the GUI thread; without ``sf`` the box says how to install it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sfjwt_gui.ui import org_access
from sfjwt_gui.ui.org_access import Source
from sfjwt_gui.ui.state import AppState, Field, listens
from sfjwt_gui.ui.widgets.page_parts import TranslatedWidget, named, text_label
from sfjwt_gui.ui.widgets.status_line import Kind, StatusLine
from sfjwt_gui.ui.worker import start

_ORDER = (Source.PRACTICE, Source.SESSION, Source.SF_CLI, Source.PASTED)


def _list_jwt_and_other_orgs() -> list[Any]:
    from sfjwt_gui.core.org import sf_cli

    return sf_cli.list_orgs()


class OrgAccessBox(TranslatedWidget):
    """The admin-connection chooser (a source list and, per source, what it needs)."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._updating = False
        self._sf_job: Any = None
        self.sf_orgs: list[Any] = []
        self.source_label = QLabel(self)
        self.source = named(QComboBox(self), "org_source")
        for source in _ORDER:
            self.source.addItem("", source.value)
        self.source_label.setBuddy(self.source)
        self.pages = QStackedWidget(self)
        self.practice_info = text_label(self, "org_practice_info")
        self.session_info = text_label(self, "org_session_info")
        # the Salesforce CLI: its orgs, a refresh, and the install hint when sf is missing
        sf_page = QWidget(self)
        self.sf_org = named(QComboBox(sf_page), "org_sf_org")
        self.sf_org.setMinimumContentsLength(24)
        self.sf_refresh = named(QPushButton(sf_page), "org_sf_refresh")
        self.sf_message = named(StatusLine(sf_page), "org_sf_message")
        sf_row = QHBoxLayout()
        sf_row.setContentsMargins(0, 0, 0, 0)
        sf_row.addWidget(self.sf_org, 1)
        sf_row.addWidget(self.sf_refresh)
        sf_layout = QVBoxLayout(sf_page)
        sf_layout.setContentsMargins(0, 0, 0, 0)
        sf_layout.addLayout(sf_row)
        sf_layout.addWidget(self.sf_message)
        # pasted instance URL + access token (masked)
        paste_page = QWidget(self)
        self.url = named(QLineEdit(paste_page), "org_instance_url")
        self.url.setPlaceholderText("https://MyDomain.my.salesforce.com")
        self.token = named(QLineEdit(paste_page), "org_access_token")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setMaxLength(org_access.MAX_TOKEN)
        self.use_pasted = named(QPushButton(paste_page), "org_use_pasted")
        self.url_label, self.token_label = QLabel(paste_page), QLabel(paste_page)
        self.url_label.setBuddy(self.url)
        self.token_label.setBuddy(self.token)
        token_row = QHBoxLayout()
        token_row.addWidget(self.token, 1)
        token_row.addWidget(self.use_pasted)
        paste_form = QFormLayout(paste_page)
        paste_form.setContentsMargins(0, 0, 0, 0)
        paste_form.addRow(self.url_label, self.url)
        paste_form.addRow(self.token_label, token_row)
        self.paste_message = named(StatusLine(paste_page), "org_paste_message")
        paste_form.addRow(self.paste_message)
        for page in (self.practice_info, self.session_info, sf_page, paste_page):
            self.pages.addWidget(page)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.source_label)
        top.addWidget(self.source, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.pages)
        self.source.currentIndexChanged.connect(self._on_source_chosen)
        self.sf_org.activated.connect(self._on_sf_org_chosen)
        self.sf_refresh.clicked.connect(self.list_sf_orgs)
        self.use_pasted.clicked.connect(self.apply_pasted)
        self.token.returnPressed.connect(self.apply_pasted)
        state.changed.connect(self._on_state_changed)
        self.retranslate_ui()
        self._follow_state()

    # ------------------------------------------------------------------ following the shared choice

    @listens(Field.ORG_ACCESS, Field.PRACTICE, Field.FLOW, Field.RESULT)
    def _on_state_changed(self, field: str) -> None:
        chosen = self.state.org_access
        if field in ("flow", "result") and chosen is not None and chosen.source is Source.SESSION:
            fresh = org_access.session_access(self.state)  # a new successful send: read with its token
            if fresh is not None:
                self.state.org_access = fresh
        self._follow_state(sync=field in ("org_access", "practice"))

    def current_source(self) -> Source:
        """The source shown in the list."""
        return Source(self.source.currentData())

    def _follow_state(self, *, sync: bool = True) -> None:
        """Show which sources exist now and (``sync``: the choice or the practice org changed) the source in use.

        A source the user is still completing (an sf org not picked yet, a token not pasted yet) stays on screen
        while the connection in use stays what it was."""
        access = org_access.default_access(self.state)
        self._updating = True
        try:
            model = self.source.model()
            available = {
                Source.PRACTICE: self.state.practice is not None,
                Source.SESSION: org_access.session_token(self.state) is not None,
                Source.SF_CLI: True,
                Source.PASTED: True,
            }
            for row, source in enumerate(_ORDER):
                item = model.item(row) if hasattr(model, "item") else None
                if item is not None:
                    item.setEnabled(available[source])
            if sync and access is not None:
                self.source.setCurrentIndex(_ORDER.index(access.source))
            elif not available[self.current_source()]:
                self.source.setCurrentIndex(_ORDER.index(Source.PASTED))
            self._show_page(self.source.currentIndex())
        finally:
            self._updating = False
        self._show_infos()

    def _show_infos(self) -> None:
        server = self.state.practice
        self.practice_info.setText(
            self.tr("The practice org's admin token ({host}), handed over by practice mode.").format(
                host=str(server.url) if server is not None else "—"
            )
            if server is not None
            else self.tr("Start the practice org (Practice menu) to use its admin token.")
        )
        token = org_access.session_token(self.state)
        if token is None:
            self.session_info.setText(self.tr("No token yet: a successful send in this session gives one."))
        else:
            self.session_info.setText(
                self.tr(
                    "The access token of this session's last successful send ({host}). If its user may not "
                    "read Setup, every check says it could not check."
                ).format(host=str(token.instance_url))
            )

    # ------------------------------------------------------------------ choosing

    def _show_page(self, index: int) -> None:
        """Show the part of the chosen source; the stack takes the height of that part only."""
        for row in range(self.pages.count()):
            part = self.pages.widget(row)
            if part is not None:
                vertical = QSizePolicy.Policy.Preferred if row == index else QSizePolicy.Policy.Ignored
                part.setSizePolicy(QSizePolicy.Policy.Preferred, vertical)
        self.pages.setCurrentIndex(index)
        self.pages.adjustSize()

    def _on_source_chosen(self, index: int) -> None:
        self._show_page(index)
        if self._updating:
            return
        source = _ORDER[index]
        if source is Source.PRACTICE and self.state.practice is not None:
            self.state.org_access = org_access.practice_access(self.state.practice)
        elif source is Source.SESSION:
            self.state.org_access = org_access.session_access(self.state)
        elif source is Source.SF_CLI:  # the connection in use changes once an org is picked
            if not self.sf_orgs:
                self.list_sf_orgs()
            else:
                self._on_sf_org_chosen(self.sf_org.currentIndex())
        else:  # ... or once a token is pasted
            self.url.setFocus()

    def list_sf_orgs(self) -> None:
        """Ask the Salesforce CLI for its orgs (``sf org list --json``, off the GUI thread)."""
        if self._sf_job is not None:
            return
        self.sf_refresh.setEnabled(False)
        self.sf_message.show_message(Kind.INFO, self.tr("Asking the Salesforce CLI for its orgs…"))
        self._sf_job = start(self, _list_jwt_and_other_orgs, on_done=self._on_sf_orgs, on_error=self._on_sf_failed)

    def _on_sf_orgs(self, orgs: list[Any]) -> None:
        self._sf_job = None
        self.sf_refresh.setEnabled(True)
        self.sf_orgs = list(orgs)
        self.sf_org.clear()
        for org in self.sf_orgs:
            self.sf_org.addItem(f"{org.name} — {org.username}", org.alias or org.username)
        if not self.sf_orgs:
            self.sf_message.show_message(
                Kind.WARNING,
                self.tr("The Salesforce CLI holds no org."),
                self.tr("Authorise one with sf org login web, then press Refresh."),
            )
            return
        self.sf_message.show_message(Kind.INFO, "")
        if self.current_source() is Source.SF_CLI:
            self._on_sf_org_chosen(self.sf_org.currentIndex())

    def _on_sf_failed(self, exc: BaseException) -> None:
        self._sf_job = None
        self.sf_refresh.setEnabled(True)
        self.sf_orgs = []
        self.sf_org.clear()
        self.sf_message.show_error(exc, self.state.lang())

    def _on_sf_org_chosen(self, index: int) -> None:
        alias = self.sf_org.itemData(index) if index >= 0 else None
        if alias:
            self.state.org_access = org_access.sf_access(str(alias), self.state)

    def apply_pasted(self) -> None:
        """Use the pasted instance URL and token (kept in memory only)."""
        try:
            access = org_access.pasted_access(self.url.text(), self.token.text(), self.state)
        except org_access.BadPaste as exc:
            if exc.field == "url":
                self.paste_message.show_message(
                    Kind.ERROR,
                    self.tr("The instance URL {url} is not an https:// address.").format(url=repr(self.url.text())),
                    self.tr("Paste the org's address, for example https://MyDomain.my.salesforce.com."),
                )
            else:
                self.paste_message.show_message(
                    Kind.ERROR,
                    self.tr("The access token is empty or too long."),
                    self.tr("Paste an access token (session id), e.g. from sf org auth show-access-token."),
                )
            return
        self.paste_message.show_message(Kind.OK, self.tr("Using the pasted token (in memory only)."))
        self.state.org_access = access

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self.source_label.setText(self.tr("&Admin connection:"))
        names = {
            Source.PRACTICE: self.tr("Practice org (admin token)"),
            Source.SESSION: self.tr("This session's token"),
            Source.SF_CLI: self.tr("A Salesforce CLI org"),
            Source.PASTED: self.tr("Paste instance URL and access token"),
        }
        for row, source in enumerate(_ORDER):
            self.source.setItemText(row, names[source])
        self.source.setAccessibleName(self.tr("Where the admin token comes from"))
        self.sf_org.setAccessibleName(self.tr("Salesforce CLI org"))
        self.sf_refresh.setText(self.tr("Refresh"))
        self.url_label.setText(self.tr("&Instance URL:"))
        self.token_label.setText(self.tr("Access &token:"))
        self.url.setAccessibleName(self.tr("Instance URL"))
        self.token.setAccessibleName(self.tr("Access token (hidden, kept in memory only)"))
        self.token.setPlaceholderText(self.tr("00D…!… (kept in memory only)"))
        self.use_pasted.setText(self.tr("Use"))
        self._show_infos()
