"""The diagnosis view shows what issue 12 added to core: the flow note of an answer from another OAuth flow, the
entry's confidence, each source's kind next to its linked title (or the no-public-source note), and a pasted line
once (the evidence says "the detail above")."""

from __future__ import annotations

import dataclasses
import html
from typing import Any

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QTextCursor
from ui_flow import send_and_wait, start_practice

from sfjwt_gui.core.catalogue import load_catalogue
from sfjwt_gui.core.diagnosis import diagnose, explain_text
from sfjwt_gui.core.exchange import local_failure
from sfjwt_gui.ui.main_window import MainWindow
from sfjwt_gui.ui.widgets.diagnosis_view import DiagnosisView

OTHER_FLOW = '{"error":"invalid_client","error_description":"invalid client credentials"}'
SCOPES = '{"error":"invalid_grant","error_description":"no client credentials user enabled"}'
REFUSED = (
    "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='login.salesforce.com', port=443): Max retries "
    "exceeded (Caused by NewConnectionError('Failed to establish a new connection: [Errno 111] Connection refused'))"
)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_other_flow_paste_shows_the_flow_note_and_confidence(qtbot: Any, main_window: MainWindow, lang: str) -> None:
    main_window.switch_language(lang)
    try:
        _check_other_flow(main_window, lang)
    finally:
        main_window.switch_language("en")


def _check_other_flow(main_window: MainWindow, lang: str) -> None:
    page = main_window.show_step("explain")
    cat = load_catalogue()
    for text in (OTHER_FLOW, SCOPES):
        page.set_text(text)
        diagnosis = page.diagnosis
        assert diagnosis.flow_note, text
        note = page.view.flow_note
        assert note.isVisible()
        assert note.message == diagnosis.flow_note
        assert (
            "JWT ベアラーフローのエラーではありません" if lang == "ja" else "Not a JWT bearer error"
        ) in note.message
        body = page.view.body.toPlainText()
        confidence = f"{cat.label('confidence', lang)}: {cat.label(diagnosis.confidence + '_fact', lang)}"
        assert confidence in body
        for source in diagnosis.sources:
            assert source.title in body
            assert f"({source.label})" in body
            assert f"<a href='{html.escape(source.url)}'>" in page.view.render_html(diagnosis)
    page.set_text('{"error":"invalid_grant","error_description":"audience is invalid"}')  # a JWT bearer error
    assert not page.view.flow_note.isVisible()


def test_reported_confidence_is_explained_and_japanese_follows(qtbot: Any, main_window: MainWindow) -> None:
    page = main_window.show_step("explain")
    page.set_text(SCOPES)
    assert page.diagnosis.confidence == "reported"
    assert "Confidence: reported — Known from third-party or a few public reports only" in page.view.body.toPlainText()
    main_window.switch_language("ja")
    try:
        body = page.view.body.toPlainText()
        assert "確度: 報告のみ — 第三者の情報や少数の公開報告によるものです" in body
        assert "Known from" not in body
        # LanguageChange is posted: the accessible names follow once the event loop ran
        qtbot.waitUntil(lambda: page.view.flow_note.accessibleName() == "応答がどの OAuth フローのものか")
    finally:
        main_window.switch_language("en")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_pasted_network_line_is_shown_once(qtbot: Any, lang: str) -> None:
    view = DiagnosisView()
    qtbot.addWidget(view)
    diagnosis = explain_text(REFUSED, lang=lang)
    assert diagnosis.pasted_line
    assert diagnosis.detail
    view.show_diagnosis(diagnosis)
    body = view.body.toPlainText()
    assert body.count(diagnosis.pasted_line) == 1  # in the detail, not again in the evidence
    assert view.raw_box.isHidden()  # nor a third time as a "raw response" (it is no response)
    view.show_diagnosis(explain_text(OTHER_FLOW, lang=lang))
    assert not view.raw_box.isHidden()
    assert load_catalogue().label("evidence_above", lang) in body
    assert diagnosis.shown_evidence(diagnosis.causes[0]) != diagnosis.causes[0].evidence
    assert diagnosis.shown_evidence(diagnosis.causes[0]) in diagnosis.to_text()  # the CLI says the same


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_no_public_source_is_said(qtbot: Any, lang: str) -> None:
    view = DiagnosisView()
    qtbot.addWidget(view)
    diagnosis = diagnose(local_failure("The CA bundle cannot be read."), lang=lang)  # local-problem: no sources
    assert diagnosis.sources == []
    view.show_diagnosis(diagnosis)
    assert load_catalogue().label("no_sources", lang) in view.body.toPlainText()
    with_sources = dataclasses.replace(diagnosis, sources=explain_text(OTHER_FLOW, lang=lang).sources)
    view.show_diagnosis(with_sources)
    assert load_catalogue().label("no_sources", lang) not in view.body.toPlainText()


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def test_clicking_a_source_opens_it_in_the_browser(qtbot: Any) -> None:
    """A real click on the link goes to QDesktopServices (the browser); the handler stands in for the browser."""
    view = DiagnosisView()
    qtbot.addWidget(view)
    view.resize(900, 900)
    view.show()
    qtbot.waitExposed(view)
    diagnosis = explain_text(OTHER_FLOW)
    view.show_diagnosis(diagnosis)
    url = diagnosis.sources[0].url
    document = view.body.document()
    start = document.find(diagnosis.sources[0].title)
    assert not start.isNull()
    cursor = QTextCursor(document)
    cursor.setPosition(start.selectionStart() + 2)
    view.body.setTextCursor(cursor)
    view.body.ensureCursorVisible()
    point: QPoint = view.body.cursorRect(cursor).center()
    assert view.body.anchorAt(point) == url
    opened = _Opened()
    QDesktopServices.setUrlHandler("https", opened, "open")
    try:
        qtbot.mouseClick(view.body.viewport(), Qt.MouseButton.LeftButton, pos=point)
        qtbot.waitUntil(lambda: opened.urls != [], timeout=3000)
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert opened.urls == [QUrl(url).toString()]


def test_practice_scenarios_show_confidence_and_sources(qtbot: Any, main_window: MainWindow) -> None:
    """The app-not-installed refusal and a JWT-based access token, from the real practice org."""
    start_practice(qtbot, main_window, "connected-app-not-installed")
    result = send_and_wait(qtbot, main_window)
    assert result.error_description == "app must be installed into org"
    view = main_window.page("diagnosis").view
    qtbot.waitUntil(lambda: view.diagnosis is not None and view.diagnosis.id == "app-not-installed", timeout=10_000)
    body = view.body.toPlainText()
    assert "Confidence: " in body
    assert all(f"({s.label})" in body for s in view.diagnosis.sources)
    assert not view.flow_note.isVisible()
    main_window.set_scenario("jwt-access-token")
    qtbot.waitUntil(lambda: main_window.state.practice.scenario.name == "jwt-access-token", timeout=10_000)
    result = send_and_wait(qtbot, main_window)
    assert result.ok
    main_window.show_step("diagnosis")  # a page renders a new diagnosis when it is on screen (ui.pacing)
    qtbot.waitUntil(lambda: view.diagnosis is not None and view.diagnosis.id == "success", timeout=10_000)
    assert not view.flow_note.isVisible()
    assert view.diagnosis.title in view.title.text()
