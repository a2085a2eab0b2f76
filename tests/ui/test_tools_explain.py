"""Explain tool: a pasted response body or log line shows the right diagnosis, in English and in Japanese."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sfjwt_gui.ui.pages.explain_tool import ExplainToolPage

BODY = '{"error":"invalid_grant","error_description":"user hasn\'t approved this consumer"}'


def catalogue_title(lang: str) -> str:
    """The title the error catalogue itself gives this error (read from the shipped JSON, not from the app)."""
    from sfjwt_gui.core.resources import resource_path

    data = json.loads(resource_path("errors", "catalogue.json").read_text(encoding="utf-8"))
    entries = data["entries"] if isinstance(data, dict) else data
    for entry in entries:
        for rule in entry.get("match", []):
            if rule.get("error") == "invalid_grant" and "approved this consumer" in (rule.get("description") or ""):
                return str(entry["title"][lang])
    raise AssertionError("catalogue has no entry for user hasn't approved this consumer")


@pytest.fixture
def tool(qtbot: Any, session: Any) -> Any:
    page = ExplainToolPage(session)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    return page


def shown_title(tool: Any) -> str:
    view = tool.view
    label = getattr(view, "title", None)
    return str(label.text()) if label is not None else view.toPlainText()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_user_not_approved_gets_the_right_title(tool: Any, session: Any, lang: str) -> None:
    session.set("language", lang)
    tool.set_text(BODY)
    assert tool.diagnosis is not None
    assert tool.diagnosis.title == catalogue_title(lang)
    assert catalogue_title(lang) in shown_title(tool)
    assert tool.view.isVisible()
    assert not tool.empty_label.isVisible()


def test_switching_language_re_explains(tool: Any, session: Any) -> None:
    tool.set_text("2026-11-27 ERROR token request failed: 400 " + BODY)
    assert catalogue_title("en") in shown_title(tool)
    session.set("language", "ja")
    assert catalogue_title("ja") in shown_title(tool)
    assert catalogue_title("ja") != catalogue_title("en")


def test_empty_input_says_what_to_paste(tool: Any) -> None:
    tool.explain()
    assert tool.status.kind == "error"
    assert tool.status.fix
    assert tool.diagnosis is None
    assert tool.empty_label.isVisible()
