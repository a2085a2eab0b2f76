"""Explain whatever people paste (issue 12 §3): real texts from public threads map to their entry in en and ja.

The pastes live in ``data/pastes.json``, each with the URL of the thread it was copied from.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from sfjwt_gui.cli import main
from sfjwt_gui.core.catalogue import LANGS, UNKNOWN_ID, load_catalogue
from sfjwt_gui.core.diagnosis import explain_text
from sfjwt_gui.core.explain_input import MAX_CHARS, extract

DATA = json.loads((Path(__file__).parent / "data" / "pastes.json").read_text(encoding="utf-8"))["pastes"]


def test_at_least_forty_cited_pastes() -> None:
    assert len(DATA) >= 40
    assert all(p["url"].startswith("https://") for p in DATA)
    assert len({p["text"] for p in DATA}) == len(DATA)
    ids = {entry.id for entry in load_catalogue().entries}
    assert {p["expected"] for p in DATA} <= ids
    kinds = {extract(p["text"]).how for p in DATA}
    assert {"json", "cli-list", "form", "html", "description", "network", "not-json"} <= kinds


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("paste", DATA, ids=[p["url"].split("//", 1)[1][:70] for p in DATA])
def test_paste_maps_to_its_entry(paste: dict[str, str], lang: str) -> None:
    diagnosis = explain_text(paste["text"], lang=lang)
    assert diagnosis.id == paste["expected"]
    assert diagnosis.to_text()


def test_cli_list_weighs_every_line() -> None:
    # one audience refusal among "not installed" answers is the CLI trying another aud, not the real problem
    text = (
        "Errors encountered:\nExternal client app is not installed in this org\n"
        "audience is invalid  [audience=https://login.salesforce.com/ login=https://acme.my.salesforce.com/]\n"
        "External client app is not installed in this org\n"
    )
    diagnosis = explain_text(text)
    assert diagnosis.id == "app-not-found"
    assert diagnosis.detail is not None
    assert "audience is invalid" in diagnosis.detail
    only_audience = "Errors encountered:\naudience is invalid [audience=https://login.salesforce.com login=https://x]\n"
    assert explain_text(only_audience).id == "audience-invalid"


def test_network_paste_names_the_line_and_confirms_the_cause() -> None:
    pasted = "requests.exceptions.ConnectionError: gaierror(-2, 'Name or service not known')"
    diagnosis = explain_text(pasted, lang="ja")
    assert diagnosis.id == "dns-failure"
    assert diagnosis.detail is not None
    assert "Name or service not known" in diagnosis.detail
    assert diagnosis.detail.startswith("貼り付けたテキストから検出")


def test_proxy_block_page_is_the_not_json_entry_with_its_cause() -> None:
    page = "<html><head><title>Access Denied</title></head><body>Blocked by Zscaler web filter</body></html>"
    diagnosis = explain_text(page)
    assert diagnosis.id == "not-json"
    proxy = next(c for c in diagnosis.causes if c.id == "proxy-page")
    assert str(proxy.status) == "confirmed"


def test_text_that_matches_nothing_shows_the_closest_entry_labelled(capsys: pytest.CaptureFixture[str]) -> None:
    diagnosis = explain_text("invalid_grant: the JWT signature verification failed")
    assert diagnosis.id == UNKNOWN_ID
    assert diagnosis.closest_id == "invalid-assertion"
    assert main(["explain", "invalid_grant: the JWT signature verification failed", "--lang", "ja"]) == 2
    assert "最も近い既知のエラー" in capsys.readouterr().out


@pytest.mark.parametrize(
    "junk",
    [
        "{" * MAX_CHARS,
        '{"error' * (MAX_CHARS // 7),
        "error=" * (MAX_CHARS // 6),
        "invalid_grant " * (MAX_CHARS // 14),
        "a" * (MAX_CHARS * 2),
        "<html>" + "x " * (MAX_CHARS // 2),
        ("Errors encountered:\n" + "user hasn't approved this consumer\n" * 40) * (MAX_CHARS // 1400),
    ],
    ids=["braces", "error-keys", "form-keys", "codes", "letters", "html", "cli-lists"],
)
def test_a_megabyte_is_answered_well_under_a_second(junk: str) -> None:
    started = time.perf_counter()
    diagnosis = explain_text(junk)
    elapsed = time.perf_counter() - started
    assert diagnosis.id
    assert elapsed < 0.8, elapsed


def test_a_paste_never_reports_this_machines_proxy_as_evidence() -> None:
    diagnosis = explain_text("Error: connect ETIMEDOUT 13.112.252.60:443")
    proxy = next(c for c in diagnosis.causes if c.id == "needs-proxy")
    assert "pasted text" in proxy.evidence
    assert "not set" not in proxy.evidence
    # the pasted line is the evidence of the confirmed cause; the text output does not print it twice
    assert diagnosis.to_text().count("ETIMEDOUT 13.112.252.60") == 1
