"""The window shows core's sources as titled links (issue 10 §4); the view opens them in the browser."""

from __future__ import annotations

from typing import Any

from sfjwt_gui.core.diagnosis import explain_error
from sfjwt_gui.ui.widgets.diagnosis_view import DiagnosisView


def test_sources_render_as_titled_links(qtbot: Any) -> None:
    view = DiagnosisView()
    qtbot.addWidget(view)
    diagnosis = explain_error("invalid_grant", "audience is invalid", lang="ja")
    view.show_diagnosis(diagnosis)
    html = view.render_html(diagnosis)
    first = diagnosis.sources[0]
    assert f"<a href='{first.url}'>" in html
    assert first.title.split(":")[0] in html
    assert "FIELD:" not in html
    assert view.body.openExternalLinks()
