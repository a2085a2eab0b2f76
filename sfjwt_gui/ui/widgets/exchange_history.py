"""The Send page's transcript panel: this session's exchanges (core ``history.ExchangeHistory``) and the chosen
one's transcript, JSON bodies pretty-printed with the raw bytes one click away, and its diagnosis in one line.

The history belongs to the session's Send page, not to an answer: a practice scenario change hides the last answer
but keeps the list. Choosing an entry shows its own transcript and diagnosis (what was sent then, what came back).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sfjwt_gui.core.history import ExchangeHistory, HistoryEntry
from sfjwt_gui.ui.widgets.page_parts import named, text_label

_NUMBER = Qt.ItemDataRole.UserRole


class TranscriptPanel(QGroupBox):
    """History list on the left, the chosen exchange's transcript (pretty or raw) and diagnosis on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = ExchangeHistory()
        self._diagnoses: dict[int, Mapping[str, Any]] = {}  # per entry: its diagnosis in each language
        self._lang = "en"
        self.extra_text = ""  # appended after the chosen transcript (the API check of the latest exchange)
        self.history_list = named(QListWidget(self), "exchange_history")
        self.history_list.setMinimumWidth(170)
        self.history_list.currentItemChanged.connect(lambda *_: self._render())
        self.transcript = named(QPlainTextEdit(self), "transcript")
        self.transcript.setReadOnly(True)
        self.transcript.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.transcript.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.raw = named(QCheckBox(self), "transcript_raw")
        self.raw.toggled.connect(lambda _on: self._render())
        self.diagnosis_line = text_label(self, "history_diagnosis", selectable=True)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.diagnosis_line, 1)
        top.addWidget(self.raw, 0, Qt.AlignmentFlag.AlignTop)
        right_layout.addLayout(top)
        right_layout.addWidget(self.transcript, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.history_list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([200, 800])
        self.splitter.setChildrenCollapsible(False)
        QVBoxLayout(self).addWidget(self.splitter)

    def sizeHint(self) -> QSize:
        """Prefer no more height than the minimum: the panel takes the room the page has left (its stretch) instead
        of asking for it. The page scrolls as a whole from its preferred height, so otherwise a line more above
        (the success card, a longer status) would bring the scroll bar in and out, re-laying out and repainting the
        whole window in the middle of showing an answer."""
        hint = super().sizeHint()
        return QSize(hint.width(), min(hint.height(), self.minimumSizeHint().height()))

    def retranslate(self, lang: str) -> None:
        """Texts in the current language (``lang`` picks each entry's diagnosis)."""
        self._lang = lang
        self.setTitle(self.tr("Transcript (secrets masked)"))
        self.raw.setText(self.tr("Raw bytes"))
        self.raw.setToolTip(self.tr("Show the response bodies exactly as they came, not pretty-printed."))
        self.raw.setAccessibleName(self.tr("Show the raw response bodies"))
        self.history_list.setAccessibleName(self.tr("This session's exchanges"))
        self.history_list.setToolTip(self.tr("This session's token requests: choose one to see what was sent."))
        self.transcript.setAccessibleName(self.tr("Transcript"))
        for index in range(self.history_list.count()):
            item = self.history_list.item(index)
            entry = self.history.get(int(item.data(_NUMBER)))
            if entry is not None:
                item.setText(self._label(entry))
        self._render()

    def add(self, result: Any, diagnoses: Mapping[str, Any], scenario: str | None) -> HistoryEntry:
        """Record an exchange and show it (it becomes the chosen entry)."""
        entry = self.history.add(result, diagnosis=diagnoses.get(self._lang), scenario=scenario)
        self._diagnoses[entry.number] = diagnoses
        self.extra_text = ""
        item = QListWidgetItem(self._label(entry))
        item.setData(_NUMBER, entry.number)
        self.history_list.insertItem(0, item)
        while self.history_list.count() > len(self.history):  # the core list drops the oldest beyond its limit
            self.history_list.takeItem(self.history_list.count() - 1)
        self.history_list.setCurrentItem(item)
        return entry

    def _label(self, entry: HistoryEntry) -> str:
        when = entry.at.astimezone().strftime("%H:%M:%S")
        where = entry.scenario or entry.endpoint
        outcome = self.tr("granted") if entry.result.ok else (entry.error or str(entry.outcome))
        return f"#{entry.number} {when}  {outcome}\n{where}"

    def chosen(self) -> HistoryEntry | None:
        """The entry whose transcript is shown."""
        item = self.history_list.currentItem()
        return None if item is None else self.history.get(int(item.data(_NUMBER)))

    def choose(self, number: int) -> bool:
        """Show entry ``number``; False when it is not in the list."""
        for index in range(self.history_list.count()):
            if self.history_list.item(index).data(_NUMBER) == number:
                self.history_list.setCurrentRow(index)
                return True
        return False

    def show_extra(self, text: str) -> None:
        """Append text (the API check) to the latest exchange's transcript."""
        self.extra_text = text
        self._render()

    def hide_answer(self) -> None:
        """The last answer no longer applies: show nothing chosen (the history stays)."""
        self.history_list.setCurrentRow(-1)
        self.extra_text = ""
        self._render()

    def _render(self) -> None:
        entry = self.chosen()
        if entry is None:
            self.transcript.clear()
            self.diagnosis_line.clear()
            return
        text = entry.transcript.to_text(pretty=not self.raw.isChecked())
        latest = self.history.latest
        if self.extra_text and latest is not None and latest.number == entry.number:
            text += "\n\n" + self.extra_text
        self.transcript.setPlainText(text)
        diagnosis = self._diagnoses.get(entry.number, {}).get(self._lang) or entry.diagnosis
        if entry.result.ok or diagnosis is None:
            self.diagnosis_line.setText(self.tr("Salesforce issued an access token.") if entry.result.ok else "")
        else:
            self.diagnosis_line.setText(self.tr("Diagnosis: {title}").format(title=diagnosis.title))
