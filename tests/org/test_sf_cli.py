"""The Salesforce CLI as a token source, against a fake ``sf`` executable that prints recorded-shape JSON."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fake_sf import ORG_LIST, fake_sf

from sfjwt_gui.core.errors import SfCliError
from sfjwt_gui.core.org import sf_cli


def test_list_orgs_shows_jwt_orgs(tmp_path: Path) -> None:
    path = fake_sf(tmp_path, {"org list": ORG_LIST})
    orgs = sf_cli.list_orgs(path=path)
    assert [o.name for o in orgs] == ["ci-jwt", "admin"]
    assert orgs[0].is_jwt
    assert orgs[0].private_key == "/home/ci/server.key"
    assert not orgs[1].is_jwt


def test_show_access_token(tmp_path: Path) -> None:
    answer = {
        "status": 0,
        "result": {
            "username": "admin@acme.com",
            "accessToken": "00D5g00000SfJwT!AQtoken.value",
            "instanceUrl": "https://acme.my.salesforce.com",
        },
    }
    path = fake_sf(tmp_path, {"org auth show-access-token": answer})
    conn = sf_cli.connection("admin", path=path)
    assert conn.access_token == "00D5g00000SfJwT!AQtoken.value"
    assert conn.source == "sf:admin"
    assert "AQtoken" not in repr(conn)


def test_older_cli_falls_back_to_display_and_redacted_is_refused(tmp_path: Path) -> None:
    no_command = {"status": 1, "name": "CommandNotFound", "message": "not a sf command"}
    display = {
        "status": 0,
        "result": {"accessToken": "00D5g00000SfJwT!AQolder", "instanceUrl": "https://a.my.salesforce.com"},
    }
    path = fake_sf(tmp_path, {"org auth show-access-token": {"status": 0, "result": {}}, "org display": display})
    assert sf_cli.connection("admin", path=path).access_token == "00D5g00000SfJwT!AQolder"
    redacted = {
        "status": 0,
        "result": {
            "accessToken": "[REDACTED] Use 'sf org auth show-access-token' to view",
            "instanceUrl": "https://a.my.salesforce.com",
        },
    }
    (tmp_path / "sf").unlink()
    path = fake_sf(tmp_path, {"org auth show-access-token": no_command, "org display": redacted})
    with pytest.raises(SfCliError, match="not a sf command"):
        sf_cli.connection("admin", path=path)
    (tmp_path / "sf").unlink()
    path = fake_sf(tmp_path, {"org auth show-access-token": {"status": 0, "result": {}}, "org display": redacted})
    with pytest.raises(SfCliError, match="REDACTED"):
        sf_cli.connection("admin", path=path)


def test_no_sf_says_how_to_install(tmp_path: Path) -> None:
    with pytest.raises(SfCliError) as caught:
        sf_cli.connection("admin", path=str(tmp_path))
    assert "npm install --global @salesforce/cli" in caught.value.fix


def test_cli_org_inspect_with_sf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sfjwt_gui.cli import main

    monkeypatch.setenv("PATH", str(tmp_path) + os.pathsep + os.environ.get("PATH", ""))
    code = main(["org", "inspect", "--iss", "3MVG9x", "--sub", "u@x.com", "--sf-org", "nope", "--json"])
    assert code == 1
    assert "not on PATH" in capsys.readouterr().err


def test_sf_not_json_and_no_instance(tmp_path: Path) -> None:
    script = tmp_path / "sf"
    script.write_text("#!/bin/sh\necho 'Warning: update available'\nexit 0\n")
    script.chmod(0o755)
    with pytest.raises(SfCliError) as caught:
        sf_cli.list_orgs(path=str(tmp_path))
    assert caught.value.code == "sf-not-json"
    script.unlink()
    token_only = {"status": 0, "result": {"accessToken": "00D5g00000SfJwT!AQtoken"}}
    path = fake_sf(tmp_path, {"org auth show-access-token": token_only, "org display": {"status": 0, "result": {}}})
    with pytest.raises(SfCliError) as caught:
        sf_cli.connection("admin", path=path)
    assert caught.value.code == "sf-no-instance"


def test_unreachable_org_has_its_code() -> None:
    import socket

    from sfjwt_gui.core.errors import OrgUnreachableError
    from sfjwt_gui.core.org.client import OrgClient, OrgConnection

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with (
        OrgClient(OrgConnection(f"http://127.0.0.1:{port}", "00D5g00000SfJwT!AQx")) as client,
        pytest.raises(OrgUnreachableError) as caught,
    ):
        client.query("SELECT Id FROM Organization", "Organization")
    assert caught.value.code == "org-unreachable"
    assert caught.value.exit_code == 3
    assert "127.0.0.1" in caught.value.message
