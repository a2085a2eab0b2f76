"""Shows a ``core.diagnosis.Diagnosis``: title, meaning, causes with their evidence status, fixes, sources, raw body.

Cause statuses are coloured: confirmed (red: this is what broke), ruled out (green: checked, not the problem),
unknown (grey: cannot be checked from here, look in Setup). Above the body: how sure the match is (a closest entry)
and, for an answer of another OAuth flow, the flow note. The entry's confidence (confirmed / reported / unconfirmed)
heads its sources, each a link with its kind ("Salesforce documentation", "public report" …) in the catalogue's words.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from sfjwt_gui.ui import theme
from sfjwt_gui.ui.widgets.findings_view import FindingsView
from sfjwt_gui.ui.widgets.org_check_view import cause_org_parts
from sfjwt_gui.ui.widgets.page_parts import TranslatedWidget, named, page_title
from sfjwt_gui.ui.widgets.status_line import Kind, StatusLine

_STATUS_STATE = {"confirmed": "failed", "ruled_out": "ok", "ruled out": "ok", "unknown": "none", "likely": "warning"}


def _status_key(status: Any) -> str:
    return str(getattr(status, "value", status)).lower().replace("-", "_")


def _text(value: Any) -> str:
    for attr in ("text", "title", "message"):
        inner = getattr(value, attr, None)
        if isinstance(inner, str):
            return inner
    return str(value)


def _catalogue_label(key: str, d: Any) -> str:
    """A label of the error catalogue in the diagnosis' language (the words ``sfjwt explain`` prints)."""
    from sfjwt_gui.core.catalogue import load_catalogue

    return load_catalogue().label(key, str(getattr(d, "lang", "en") or "en"))


class DiagnosisView(TranslatedWidget):
    """The explanation of one outcome."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diagnosis: Any = None
        self.title = page_title(self, "diagnosis_title", 1.3)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # "Closest match, not a documented JWT error: …": the entry shown is only a guess, say so above it
        self.note = named(StatusLine(self), "diagnosis_note")
        # "Not a JWT bearer error: this answer belongs to the … flow": the fix is in the other flow's client
        self.flow_note = named(StatusLine(self), "diagnosis_flow_note")
        self.body = named(QTextBrowser(self), "diagnosis_body")
        self.body.setOpenExternalLinks(True)
        self.findings = named(FindingsView(self), "diagnosis_findings")
        self.raw_label = QLabel(self)
        self.raw = named(QPlainTextEdit(self), "diagnosis_raw")
        self.raw.setReadOnly(True)
        self.raw.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        lower = self.raw_box = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.raw_label)
        lower_layout.addWidget(self.raw)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.body)
        splitter.addWidget(self.findings)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(self.flow_note)
        layout.addWidget(splitter, 1)
        self.retranslate_ui()

    def status_text(self, status: Any) -> str:
        """The translated name of a cause status."""
        key = _status_key(status)
        return {
            "confirmed": self.tr("confirmed"),
            "ruled_out": self.tr("ruled out"),
            "unknown": self.tr("unknown — check in Setup"),
            "likely": self.tr("likely"),
        }.get(key, key)

    def show_diagnosis(self, d: Any) -> None:
        """Display a diagnosis (None clears the view)."""
        self.diagnosis = d
        if d is None:
            self.title.setText(self.tr("Nothing to explain yet: send a request first."))
            self.body.setPlainText(
                self.tr(
                    "Press Send (Ctrl+Enter) on the Send page. Whatever the token endpoint answers, this page then "
                    "says what it means, which causes are confirmed or ruled out by what was sent, and how to fix it. "
                    "To explain an answer you already have, use the Explain an error tool."
                )
            )
            self.raw.clear()
            self.raw_box.setVisible(True)
            self.note.show_message(Kind.INFO, "")
            self.flow_note.show_message(Kind.INFO, "")
            self.findings.show_findings([])
            self.findings.setVisible(False)
            return
        self.title.setText(str(d.title))
        self.note.show_message(Kind.WARNING, str(getattr(d, "approximate_note", None) or ""))
        self.flow_note.show_message(Kind.WARNING, str(getattr(d, "flow_note", None) or ""))
        self.body.setHtml(self.render_html(d))
        raw = str(getattr(d, "raw_body", "") or "")
        self.raw.setPlainText(raw)
        # a pasted network line is no response, and the detail already quotes it: no third copy under "Raw response"
        pasted = str(getattr(d, "pasted_line", None) or "")
        self.raw_box.setVisible(not (pasted and raw.strip() == pasted.strip()))
        self.findings.show_findings(list(getattr(d, "findings", []) or []))
        self.findings.setVisible(bool(getattr(d, "findings", None)))

    def render_html(self, d: Any) -> str:
        """The body as HTML (every value escaped)."""
        esc = html.escape
        causes_heading = self.tr("Possible causes")
        fixes_heading = self.tr("How to fix it")
        sources_heading = self.tr("Sources")
        parts = [f"<p>{esc(str(d.meaning))}</p>"]
        detail = getattr(d, "detail", None)
        if detail:
            detail_label = self.tr("What happened:")
            parts.append(f"<p><b>{esc(detail_label)}</b> {esc(str(detail))}</p>")
        closest = getattr(d, "closest_title", None)
        if closest:
            closest_label = self.tr("Closest known error:")
            guess = self.tr("A guess from the words of the answer: check its causes with care.")
            parts.append(f"<p><b>{esc(closest_label)}</b> {esc(str(closest))}<br><small>{esc(guess)}</small></p>")
        causes = list(getattr(d, "causes", []) or [])
        if causes:
            parts.append(f"<h3>{esc(causes_heading)}</h3><table cellspacing='0' cellpadding='4'>")
            for check in causes:
                status = getattr(check, "status", "unknown")
                colour = theme.color(_STATUS_STATE.get(_status_key(status), "none")).name()
                # a pasted line or network text already stands in the detail above: not a second time here
                shown = getattr(d, "shown_evidence", None)
                evidence = (shown(check) if shown is not None else getattr(check, "evidence", "")) or ""
                cause = _text(getattr(check, "cause", check))
                org_label, org_html = cause_org_parts(check, str(getattr(d, "lang", "en")))
                parts.append(
                    "<tr>"
                    f"<td valign='top' style='color:{colour}; font-weight:bold; white-space:nowrap'>"
                    f"● {esc(org_label or self.status_text(status))}</td>"
                    f"<td valign='top'>{esc(cause)}"
                    + (f"<br><small>{esc(str(evidence))}</small>" if evidence else "")
                    + org_html
                    + "</td></tr>"
                )
            parts.append("</table>")
        fixes = list(getattr(d, "fixes", []) or [])
        if fixes:
            parts.append(f"<h3>{esc(fixes_heading)}</h3><ol>")
            parts += [f"<li>{esc(_text(f))}</li>" for f in fixes]
            parts.append("</ol>")
        parts.append(f"<h3>{esc(sources_heading)}</h3>")
        parts.append(self._confidence_html(d))
        sources = list(getattr(d, "sources", []) or [])
        if sources:
            parts.append("<ul>")
            for s in sources:
                url = getattr(s, "url", None) or (s if isinstance(s, str) and s.startswith("http") else None)
                label = _text(s) if not isinstance(s, str) else s
                title = f"<a href='{esc(str(url))}'>{esc(label)}</a>" if url else esc(label)
                kind = getattr(s, "label", "")  # "Salesforce documentation", "public report" … in the entry's language
                parts.append(f"<li>{title}" + (f" <small>({esc(kind)})</small>" if kind else "") + "</li>")
            parts.append("</ul>")
        else:
            parts.append(f"<p>{esc(_catalogue_label('no_sources', d))}</p>")
        return "".join(parts)

    def _confidence_html(self, d: Any) -> str:
        """The line "Confidence: reported — what that means", coloured when the entry is not confirmed."""
        confidence = str(getattr(d, "confidence", "") or "")
        if not confidence:
            return ""
        meaning = {
            "confirmed": self.tr("Salesforce documentation or raw answers in public threads say so."),
            "reported": self.tr("Known from third-party or a few public reports only: check it in your org."),
            "unconfirmed": self.tr("No public source: treat it as a lead, not a fact."),
        }.get(confidence, "")
        word = _catalogue_label(f"{confidence}_fact", d)
        colour = "" if confidence == "confirmed" else f" style='color:{theme.color('warning').name()}'"
        label = _catalogue_label("confidence", d)
        return (
            f"<p{colour}><b>{html.escape(label)}:</b> {html.escape(word)}"
            + (f" — {html.escape(meaning)}" if meaning else "")
            + "</p>"
        )

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self.raw_label.setText(self.tr("Raw response"))
        self.body.setAccessibleName(self.tr("Explanation"))
        self.raw.setAccessibleName(self.tr("Raw response"))
        self.note.setAccessibleName(self.tr("How sure the match is"))
        self.flow_note.setAccessibleName(self.tr("Which OAuth flow the answer belongs to"))
        self.findings.setAccessibleName(self.tr("Findings about the token sent"))
        if self.diagnosis is not None:
            self.show_diagnosis(self.diagnosis)
        else:
            self.show_diagnosis(None)

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language switch; repaint the status colours on a palette change."""
        if event.type() == QEvent.Type.PaletteChange and self.diagnosis is not None:
            self.body.setHtml(self.render_html(self.diagnosis))
            self.note.recolour()
            self.flow_note.recolour()
        super().changeEvent(event)
