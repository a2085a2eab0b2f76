"""Lint findings as readable cards: severity icon and colour, rule id, message, fix, and a "reported" marker.

Findings are core's data (rule id + parameters); their message and fix are written here, in the window's language,
each time the cards are (re)translated: a language switch re-renders the same findings, it never lints again.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from sfjwt_gui.ui import theme
from sfjwt_gui.ui.i18n import current_language
from sfjwt_gui.ui.widgets.page_parts import TranslatedWidget
from sfjwt_gui.ui.widgets.status_line import ICONS, Kind, copy_to_clipboard, kind_colour

SEVERITY_KINDS = {"error": Kind.ERROR, "warning": Kind.WARNING, "info": Kind.INFO}


class FindingCard(QFrame):
    """One finding."""

    def __init__(self, finding: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.setObjectName("findingCard")
        severity = str(getattr(finding.severity, "value", finding.severity))
        kind = SEVERITY_KINDS.get(severity, Kind.INFO)
        colour = kind_colour(kind) or theme.color("info").name()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"#findingCard {{ border-left: 4px solid {colour}; }}")
        self.label = QLabel(self)
        self.label.setObjectName("findingText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable with Tab for screen readers
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label)
        self._kind, self._colour, self._severity = kind, colour, severity
        self.retranslate_ui()

    def recolour(self) -> None:
        """Border and label in the current palette's colours (light/dark switch)."""
        self._colour = kind_colour(self._kind) or theme.color("info").name()
        self.setStyleSheet(f"#findingCard {{ border-left: 4px solid {self._colour}; }}")
        self.retranslate_ui()

    def severity_name(self) -> str:
        """Translated severity."""
        names = {"error": self.tr("Error"), "warning": self.tr("Warning"), "info": self.tr("Info")}
        return names.get(self._severity, self._severity)

    def retranslate_ui(self) -> None:
        """Set the card's text in the current language."""
        finding = self.finding
        message, fix_text = finding.text(current_language())
        reported = ""
        if not getattr(finding, "confirmed", True):
            background, text = ("#4a3d12", "#f5e6b0") if theme.is_dark() else ("#f0e0a0", "#553")  # a muted tag
            reported = ' <span style="background:{};color:{};">&nbsp;{}&nbsp;</span>'.format(
                background, text, html.escape(self.tr("reported, not documented"))
            )
        fix = html.escape(fix_text)
        fix_label = html.escape(self.tr("Fix:"))
        fix_html = f"<br><b>{fix_label}</b> {fix}" if fix else ""
        self.label.setText(
            f'<span style="color:{self._colour}">{ICONS[self._kind]} <b>{html.escape(self.severity_name())}</b></span>'
            f" &nbsp;<code>{html.escape(finding.rule)}</code>{reported}<br>{html.escape(message)}{fix_html}"
        )
        self.label.setAccessibleName(f"{self.severity_name()}: {finding.rule}")
        self.label.setAccessibleDescription(f"{message} {fix_text}".strip())
        self.setToolTip(
            self.tr("Salesforce's documentation does not state this; it is reported in public threads.")
            if reported
            else ""
        )


class FindingsView(TranslatedWidget):
    """Shows lint findings, errors first; an empty list says so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.findings: list[Any] = []
        self._shown = False
        self.summary = QLabel(self)
        self.summary.setObjectName("findingsSummary")
        self.summary.setWordWrap(True)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyFindings")
        self.copy_button.clicked.connect(lambda: copy_to_clipboard(self.as_text()))
        self._cards_host = QWidget(self)
        self._cards = QVBoxLayout(self._cards_host)
        self._cards.setContentsMargins(0, 0, 0, 0)
        self._cards.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("findingsScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self._cards_host)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)
        self.retranslate_ui()

    def cards(self) -> list[FindingCard]:
        """The cards shown, in order."""
        cards: list[FindingCard] = []
        for index in range(self._cards.count()):
            item = self._cards.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, FindingCard):
                cards.append(widget)
        return cards

    def show_findings(self, findings: Sequence[Any] | None) -> None:
        """Replace the list; None means "nothing linted yet"."""
        order = {"error": 0, "warning": 1, "info": 2}
        ordered = sorted(findings or [], key=lambda f: order.get(str(getattr(f.severity, "value", f.severity)), 3))
        if self._shown == (findings is not None) and ordered == self.findings:
            return  # the 1-second refresh: nothing changed, nothing rebuilt
        self._shown = findings is not None
        self.findings = ordered
        for card in self.cards():
            self._cards.removeWidget(card)
            card.deleteLater()
        for position, finding in enumerate(self.findings):
            self._cards.insertWidget(position, FindingCard(finding, self._cards_host))
        self._render_summary()

    def recolour(self) -> None:
        """The summary's colour for the current palette (the cards recolour themselves)."""
        self._render_summary()

    def count(self, severity: str) -> int:
        """How many findings of a severity are shown."""
        return sum(1 for f in self.findings if str(getattr(f.severity, "value", f.severity)) == severity)

    def as_text(self) -> str:
        """Plain text of every finding (for copying into a ticket)."""
        lines = []
        lang = current_language()
        for finding in self.findings:
            severity = str(getattr(finding.severity, "value", finding.severity))
            mark = "" if getattr(finding, "confirmed", True) else " (reported)"
            message, fix = finding.text(lang)
            lines.append(f"[{severity}] {finding.rule}{mark}: {message}")
            if fix:
                lines.append(f"    fix: {fix}")
        return "\n".join(lines)

    def _render_summary(self) -> None:
        self.copy_button.setEnabled(bool(self.findings))
        if not self._shown:
            self.summary.setText(self.tr("Nothing checked yet."))
            return
        if not self.findings:
            self.summary.setText(
                f'<span style="color:{kind_colour(Kind.OK)}">{ICONS[Kind.OK]} </span>'
                + html.escape(self.tr("No findings: nothing in this token is known to make Salesforce reject it."))
            )
            return
        self.summary.setText(
            html.escape(
                self.tr("{errors} error(s), {warnings} warning(s), {infos} note(s)").format(
                    errors=self.count("error"), warnings=self.count("warning"), infos=self.count("info")
                )
            )
        )

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy the findings as text"))
        self.copy_button.setToolTip(self.tr("Copy the findings as text"))
        self.scroll_area.setAccessibleName(self.tr("Lint findings"))
        for card in self.cards():
            card.retranslate_ui()
        self._render_summary()
