"""The Setup checklist (resources/setup/checklist.json) holds the clicks the reference names, in English and Japanese,
and the key page shows every item of both apps as a checkbox."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sfjwt_gui.core.resources import resource_path

# Facts from shared/reference/salesforce-jwt-bearer.md §1 (Prior approval) and §5 (uploads, ECA flow enablement).
REQUIRED_EN = {
    "connected_app": [
        "Use digital signatures",
        "(api)",
        "refresh_token, offline_access",
        "Admin approved users are pre-authorized",
        "profile or permission set",
        "Consumer Key",
        ".crt",
    ],
    "external_client_app": [
        "Enable JWT Bearer Flow",
        "(api)",
        "refresh_token, offline_access",
        "Admin approved users are pre-authorized",
        "profile or permission set",
        "My Domain",
        ".crt",
    ],
}


def checklist() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource_path("setup", "checklist.json").read_text(encoding="utf-8"))
    return data


def app_text(app: dict[str, Any], lang: str) -> str:
    return " ".join([app["note"][lang], *(item["text"][lang] for item in app["items"])])


@pytest.mark.parametrize("app_id", ["connected_app", "external_client_app"])
def test_each_app_names_the_required_setup_clicks(app_id: str) -> None:
    app = next(a for a in checklist()["apps"] if a["id"] == app_id)
    text = app_text(app, "en")
    missing = [fact for fact in REQUIRED_EN[app_id] if fact not in text]
    assert missing == []


def test_japanese_is_complete_and_keeps_the_ui_labels_people_search_for() -> None:
    for app in checklist()["apps"]:
        assert any(ord(ch) > 0x3000 for ch in app["title"]["ja"])
        for item in app["items"]:
            assert set(item["text"]) == {"en", "ja"}
            assert any(ord(ch) > 0x3000 for ch in item["text"]["ja"]), item["id"]
        text = app_text(app, "ja")
        assert "管理者が承認したユーザーは事前承認済み" in text  # Salesforce's Japanese label of the policy
        assert "refresh_token" in text
    eca = next(a for a in checklist()["apps"] if a["id"] == "external_client_app")
    assert "Enable JWT Bearer Flow" in app_text(eca, "ja")  # the English label stays beside the translation


def test_item_ids_are_unique() -> None:
    ids = [item["id"] for app in checklist()["apps"] for item in app["items"]]
    assert len(ids) == len(set(ids))


def test_key_page_shows_every_item(qtbot: Any, session: Any, ui_settings: Path) -> None:
    from sfjwt_gui.ui.pages.key_page import KeyPage
    from sfjwt_gui.ui.worker import wait_for_all

    page = KeyPage(session)
    qtbot.addWidget(page)
    ids = [item["id"] for app in checklist()["apps"] for item in app["items"]]
    assert sorted(page.checklist_items) == sorted(ids)
    assert page.checklist_tabs.count() == len(checklist()["apps"])
    wait_for_all()
