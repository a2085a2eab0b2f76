"""Explain tool: a pasted response body or log line shows the right diagnosis, in English and in Japanese."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sfjwt_gui.ui.pages.explain_tool import ExplainToolPage
from sfjwt_gui.ui.worker import wait_for_all

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
    yield page
    wait_for_all()


def shown_title(tool: Any) -> str:
    view = tool.view
    label = getattr(view, "title", None)
    return str(label.text()) if label is not None else view.toPlainText()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_user_not_approved_gets_the_right_title(tool: Any, session: Any, lang: str) -> None:
    session.language = lang
    tool.set_text(BODY)
    assert tool.diagnosis is not None
    assert tool.diagnosis.title == catalogue_title(lang)
    assert catalogue_title(lang) in shown_title(tool)
    assert tool.view.isVisible()
    assert not tool.empty_label.isVisible()


def test_switching_language_re_explains(tool: Any, session: Any) -> None:
    tool.set_text("2026-11-27 ERROR token request failed: 400 " + BODY)
    assert catalogue_title("en") in shown_title(tool)
    session.language = "ja"
    assert catalogue_title("ja") in shown_title(tool)
    assert catalogue_title("ja") != catalogue_title("en")


def test_empty_input_says_what_to_paste(tool: Any) -> None:
    tool.explain()
    assert tool.status.kind == "error"
    assert tool.status.fix
    assert tool.diagnosis is None
    assert tool.empty_label.isVisible()


# invalid_client / invalid client credentials names its own flow (issue 12); invalid signature is a closest match
CLOSE_BUT_UNDOCUMENTED = '{"error":"invalid_grant","error_description":"invalid signature"}'


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_undocumented_error_says_closest_match(tool: Any, session: Any, lang: str) -> None:
    from sfjwt_gui.core.catalogue import load_catalogue

    session.language = lang
    tool.set_text(CLOSE_BUT_UNDOCUMENTED)
    assert tool.diagnosis.approximate
    note = tool.diagnosis.approximate_note
    # the note is core's own text in the diagnosis language, shown above the explanation
    assert note.startswith(load_catalogue().label("approximate", lang).split("{")[0])
    assert tool.view.note.isVisible()
    assert tool.view.note.message == note
    assert tool.view.note.kind == "warning"
    assert tool.view.note.accessibleName()


def test_unknown_error_names_the_closest_known_one(tool: Any) -> None:
    tool.set_text('{"error":"invalid_grant","error_description":"user not approved for this app"}')
    assert tool.diagnosis.closest_title
    assert not tool.diagnosis.approximate
    assert not tool.view.note.isVisible()
    body = tool.view.body.toPlainText()
    assert "Closest known error:" in body
    assert tool.diagnosis.closest_title in body


def test_unknown_error_with_nothing_close(tool: Any) -> None:
    tool.set_text('{"error":"weird_thing","error_description":"zzz"}')
    assert tool.diagnosis.closest_title is None
    assert "Closest known error" not in tool.view.body.toPlainText()
    assert not tool.view.note.isVisible()


def test_documented_error_has_no_note(tool: Any) -> None:
    tool.set_text(BODY)
    assert not tool.view.note.isVisible()


def test_dropped_log_file_is_explained(qtbot: Any, tool: Any, tmp_path: Any, drop_file: Any) -> None:
    log = tmp_path / "integration.log"
    log.write_text(
        "2026-11-27 10:00:01 INFO starting sync\n2026-11-27 10:00:02 ERROR token request failed: 400 " + BODY + "\n",
        encoding="utf-8",
    )
    drop_file(tool, log)
    qtbot.waitUntil(lambda: tool.diagnosis is not None, timeout=20_000)
    assert tool.diagnosis.title == catalogue_title("en")
    assert "starting sync" in tool.input_edit.toPlainText()


def test_dropped_json_text_is_explained(tool: Any, drop_text: Any) -> None:
    drop_text(tool, BODY)
    assert tool.diagnosis.title == catalogue_title("en")


def test_dropped_file_too_large_says_so(qtbot: Any, tool: Any, tmp_path: Any, drop_file: Any) -> None:
    big = tmp_path / "huge.log"
    big.write_bytes(b"x" * 1_000_001)
    drop_file(tool, big)
    qtbot.waitUntil(lambda: tool.status.kind == "error", timeout=20_000)
    assert "huge.log" in tool.status.message
    assert tool.status.fix
    assert tool.diagnosis is None
