"""External Client Apps: found through ExtlClntAppGlobalOauthSettings by consumer key, their permitted users,
profiles and IP policy read from ExtlClntAppOauthConfigurablePolicies; a session token and cancellation."""

from __future__ import annotations

import dataclasses
import ssl

import pytest

from sfjwt_gui.core.errors import CancelledError
from sfjwt_gui.core.exchange import TokenInfo
from sfjwt_gui.core.org.checks import CheckStatus
from sfjwt_gui.core.org.client import OrgConnection
from sfjwt_gui.core.org.inspect import inspect_org
from sfjwt_gui.core.retry import CancelToken
from sfjwt_gui.practice.org import AppType, IpRelaxation
from sfjwt_gui.practice.server import PracticeServer

from .conftest import try_token


def _eca(server: PracticeServer, **changes: object) -> None:
    app = dataclasses.replace(server.base_org.apps[0], type=AppType.EXTERNAL_CLIENT_APP, installed=True, **changes)
    server.set_org(dataclasses.replace(server.base_org, apps=(app,)))


@pytest.fixture
def restore(practice: PracticeServer):  # type: ignore[no-untyped-def]
    original = practice.base_org
    yield practice
    practice.set_org(original)


def test_eca_with_the_users_profile(restore: PracticeServer, admin: OrgConnection, verify: ssl.SSLContext) -> None:
    _eca(restore, ip_relaxation=IpRelaxation.ENFORCE)
    inspection = inspect_org(
        admin, iss=restore.consumer_key, sub=restore.username, certificate=restore.demo_certificate, verify=verify
    )
    status = {c.id: c.status for c in inspection.checks}
    assert status["app_exists"] is CheckStatus.OK
    assert inspection.check("app_exists").template == "app_found_external_client_app"  # type: ignore[union-attr]
    assert status["app_permitted_users"] is CheckStatus.OK
    assert status["app_user_access"] is CheckStatus.OK
    assert status["app_certificate"] is CheckStatus.OK
    assert status["app_scopes"] is CheckStatus.COULD_NOT_CHECK  # ExtlClntAppOauthSettings is not read
    assert inspection.check("app_user_access").unconfirmed  # type: ignore[union-attr]
    practices = {p.id: str(p.status) for p in inspection.practices}
    assert practices["ip_restrictions"] == "pass"
    assert len(inspection.sent) <= 10


def test_eca_without_the_users_profile(restore: PracticeServer, admin: OrgConnection, verify: ssl.SSLContext) -> None:
    _eca(restore, profiles=("Integration Only",), permission_sets=())
    inspection = inspect_org(admin, iss=restore.consumer_key, sub=restore.username, verify=verify)
    access = inspection.check("app_user_access")
    assert access is not None
    assert access.status is CheckStatus.PROBLEM
    assert "Integration Only" in access.params["granted"]
    assert "System Administrator" in access.params["user_has"]


def test_session_token_and_cancel(practice: PracticeServer, verify: ssl.SSLContext) -> None:
    answer = try_token(practice, verify).json()
    token = TokenInfo.from_response(answer)
    connection = OrgConnection.from_token(token)
    assert connection.source == "session"
    inspection = inspect_org(connection, iss=practice.consumer_key, sub=practice.username, verify=verify)
    assert {c.status for c in inspection.checks} == {CheckStatus.COULD_NOT_CHECK}
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(CancelledError):
        inspect_org(connection, iss=practice.consumer_key, sub=practice.username, verify=verify, cancel=cancel)
