"""Shows a ``core.org.inspect.Inspection``: each check (ok / problem / could not check) and each best practice
(pass / warn) with the evidence, and, for the selected row, the record that decided it and what was missing.

Every text of a row comes from core (``inspect.check_json`` / ``practice_json``: en and ja from
``resources/errors/org.json``), so a language switch re-renders the same inspection. Copy buttons give the report as
text or JSON and the selected record.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFontDatabase
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sfjwt_gui.ui import theme
from sfjwt_gui.ui.widgets.page_parts import TranslatedWidget, named, text_label
from sfjwt_gui.ui.widgets.status_line import copy_to_clipboard

if TYPE_CHECKING:
    from sfjwt_gui.core.org.inspect import Inspection

_COLOUR = {"ok": "ok", "pass": "ok", "problem": "failed", "warn": "warning", "could_not_check": "none"}
_MARK = {"ok": "✔", "pass": "✔", "problem": "✘", "warn": "⚠", "could_not_check": "?"}
_ROLE = int(Qt.ItemDataRole.UserRole)


def row_details(row: dict[str, Any], lang: str) -> str:
    """The detail text of one check or practice: evidence, what was missing, the record as JSON."""
    from sfjwt_gui.core.org.texts import text

    lines = [str(row.get("title") or ""), str(row.get("evidence") or "")]
    if row.get("needs_text"):
        lines.append(f"{text('label.needs', lang)}: {row['needs_text']}")
    if row.get("unconfirmed"):
        lines.append(f"({text('label.unconfirmed', lang)})")
    if row.get("record"):
        lines += ["", f"{text('label.record', lang)}:", json.dumps(row["record"], ensure_ascii=False, indent=2)]
    return "\n".join(lines)


class OrgCheckView(TranslatedWidget):
    """The checks and the practices checklist of one inspection (or an empty state saying how to get one)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.inspection: Inspection | None = None
        self.lang = "en"
        self.rows: dict[str, dict[str, Any]] = {}  # "check:<id>" / "practice:<id>" -> its JSON row
        self.empty = text_label(self, "org_empty")
        self.summary = text_label(self, "org_summary", selectable=True)
        self.tree = named(QTreeWidget(self), "org_checks")
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 230)
        self.details = named(QPlainTextEdit(self), "org_details")
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setMinimumHeight(60)
        self.copy_report = named(QPushButton(self), "org_copy_report")
        self.copy_json = named(QPushButton(self), "org_copy_json")
        self.copy_record = named(QPushButton(self), "org_copy_record")
        self.copy_report.clicked.connect(lambda: copy_to_clipboard(self.report_text()))
        self.copy_json.clicked.connect(lambda: copy_to_clipboard(self.report_json()))
        self.copy_record.clicked.connect(lambda: copy_to_clipboard(self.details.toPlainText()))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.summary, 1)
        for button in (self.copy_report, self.copy_json, self.copy_record):
            buttons.addWidget(button)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(buttons)
        body.addWidget(splitter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.body, 1)
        self.tree.currentItemChanged.connect(self._on_current)
        self.retranslate_ui()

    def show_inspection(self, inspection: Inspection | None, lang: str) -> None:
        """Display ``inspection`` in ``lang`` (None: the empty state)."""
        from sfjwt_gui.core.org.texts import text

        self.inspection, self.lang = inspection, lang
        self.rows = {}
        self.tree.clear()
        self.details.clear()
        has = inspection is not None and inspection.unreachable is None
        self.empty.setVisible(not has)
        self.body.setVisible(has)
        self.copy_record.setEnabled(False)
        if inspection is None:
            self.empty.setText(self.empty_text())
            return
        if inspection.unreachable is not None:
            self.empty.setText(text("label.unreachable", lang, detail=inspection.unreachable))
            return
        problems = sum(1 for c in inspection.checks if str(c.status) == "problem")
        could_not = sum(1 for c in inspection.checks if str(c.status) == "could_not_check")
        self.summary.setText(
            self.tr("{url}: {problems} problem(s), {could_not} could not be checked, {requests} request(s).").format(
                url=inspection.instance_url, problems=problems, could_not=could_not, requests=len(inspection.sent)
            )
        )
        from sfjwt_gui.core.org.inspect import check_json, practice_json  # httpx: only once there is an inspection

        groups = (
            ("check", text("label.checks", lang), [check_json(c, lang) for c in inspection.checks]),
            ("practice", text("label.practices", lang), [practice_json(p, lang) for p in inspection.practices]),
        )
        items: list[tuple[str, QTreeWidgetItem]] = []
        for kind, heading, rows in groups:
            group = QTreeWidgetItem(self.tree, [heading, "", ""])
            group.setFirstColumnSpanned(True)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for row in rows:
                key = f"{kind}:{row['id']}"
                self.rows[key] = row
                status = str(row["status"])
                item = QTreeWidgetItem(
                    group, [f"{_MARK.get(status, '?')} {text('label.' + status, lang)}", row["title"], row["evidence"]]
                )
                item.setData(0, _ROLE, key)
                item.setForeground(0, QBrush(theme.color(_COLOUR.get(status, "none"))))
                item.setToolTip(1, row["title"])
                item.setToolTip(2, row["evidence"])
                items.append((status, item))
            group.setExpanded(True)
        rank = {"problem": 0, "warn": 1}  # the row shown first: what is wrong, else the first one
        if items:
            self.tree.setCurrentItem(min(items, key=lambda pair: rank.get(pair[0], 2))[1])

    def _on_current(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        key = item.data(0, _ROLE) if item is not None else None
        row = self.rows.get(str(key)) if key else None
        self.details.setPlainText(row_details(row, self.lang) if row else "")
        self.copy_record.setEnabled(row is not None)

    def status_of(self, kind: str, row_id: str) -> str:
        """The status shown for a check or practice ("" when there is none)."""
        row = self.rows.get(f"{kind}:{row_id}")
        return str(row["status"]) if row else ""

    def report_text(self) -> str:
        """The whole inspection as terminal text (the CLI's format)."""
        return self.inspection.to_text(self.lang) if self.inspection is not None else ""

    def report_json(self) -> str:
        """The whole inspection as the CLI's JSON."""
        if self.inspection is None:
            return ""
        return json.dumps(self.inspection.to_json(self.lang), ensure_ascii=False, indent=2)

    def empty_text(self) -> str:
        """What the empty state says."""
        return self.tr(
            "No inspection yet. Choose an admin connection and press “Inspect the org”: the inspector reads the "
            "app, the user, the org and its Login History (read-only, at most 10 requests) and checks each against "
            "your settings."
        )

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self.tree.setHeaderLabels([self.tr("Status"), self.tr("Check"), self.tr("What the org says")])
        self.tree.setAccessibleName(self.tr("Org checks and best practices"))
        self.details.setAccessibleName(self.tr("The record that decided the selected check"))
        self.copy_report.setText(self.tr("Copy report"))
        self.copy_json.setText(self.tr("Copy JSON"))
        self.copy_record.setText(self.tr("Copy details"))
        for button in (self.copy_report, self.copy_json, self.copy_record):
            button.setAccessibleName(button.text())
        if self.inspection is None:
            self.empty.setText(self.empty_text())


def cause_org_parts(cause: Any, lang: str) -> tuple[str | None, str]:
    """For one diagnosis cause: the org's verdict label ("confirmed from the org" …; None when the request decided)
    and escaped HTML to put under it (the record that decided it, or why the org could not say)."""
    import html

    from sfjwt_gui.core.catalogue import load_catalogue

    cat = load_catalogue()
    label: str | None = None
    extra = ""
    status = str(getattr(getattr(cause, "status", ""), "value", getattr(cause, "status", ""))).lower()
    if getattr(cause, "checked_in", "request") == "org":
        label = cat.label("confirmed_org" if status == "confirmed" else "ruled_out_org", lang)
        record = getattr(cause, "record", None)
        if record:
            shown = json.dumps(record, ensure_ascii=False)
            shown = shown if len(shown) <= 400 else shown[:399] + "…"
            extra = f"<br><small><code>{html.escape(shown)}</code></small>"
    note = getattr(cause, "org_note", "")
    if note:
        note_label = cat.label(getattr(cause, "org_note_label", "could_not_check_org"), lang)
        extra += f"<br><small><i>{html.escape(note_label)}: {html.escape(note)}</i></small>"
    return label, extra
