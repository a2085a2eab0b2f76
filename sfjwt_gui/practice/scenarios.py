"""Named broken set-ups a learner can load; each one produces one real-world failure.

A scenario changes a copy of the org (its first app is "the app", its first user "the user") and/or the faults.
Titles and stories (en, ja) live in ``resources/practice/scenarios.json``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from sfjwt_gui.core.text_data import load_json
from sfjwt_gui.practice import checks
from sfjwt_gui.practice.org import AppType, IpRelaxation, Org, OrgKind, PermittedUsers

# Builds the scenario's org from the base org; the second argument returns a certificate PEM that does NOT
# match the learner's key (for certificate-mismatch).
Configure = Callable[[Org, Callable[[], str]], Org]


@dataclass(frozen=True)
class Scenario:
    """One practice set-up: what it changes and what the learner should see."""

    name: str
    title: str
    story: str
    expected_status: int
    expected_error: str | None
    expected_description: str | None
    texts: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    configure: Configure = field(default=lambda org, _other: org, repr=False, compare=False)
    faults: Mapping[str, Any] = field(default_factory=dict)

    def title_in(self, lang: str = "en") -> str:
        """The title in ``lang`` (English when missing)."""
        return self.texts.get(lang, {}).get("title", self.title)

    def story_in(self, lang: str = "en") -> str:
        """The one-paragraph story in ``lang`` (English when missing)."""
        return self.texts.get(lang, {}).get("story", self.story)

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        """A plain dict for ``--json`` output."""
        return {
            "name": self.name,
            "title": self.title_in(lang),
            "story": self.story_in(lang),
            "expected_status": self.expected_status,
            "expected_error": self.expected_error,
            "expected_description": self.expected_description,
            "faults": dict(self.faults),
        }


def _first_app(org: Org, **changes: Any) -> Org:
    return org.replace_app(0, **changes)


def _first_user(org: Org, **changes: Any) -> Org:
    return org.replace_user(0, **changes)


def _user_not_approved(org: Org, _other: Callable[[], str]) -> Org:
    key = org.apps[0].consumer_key
    approvals = tuple(a for a in org.users[0].approvals if a.consumer_key != key)
    return _first_user(_first_app(org, permitted_users=PermittedUsers.ALL_USERS), approvals=approvals)


def _not_admin_approved(org: Org, _other: Callable[[], str]) -> Org:
    return _first_app(org, permitted_users=PermittedUsers.ADMIN_APPROVED, profiles=(), permission_sets=())


def _wrong_audience(org: Org, _other: Callable[[], str]) -> Org:
    return dataclasses.replace(org, kind=OrgKind.SANDBOX)


def _certificate_mismatch(org: Org, other: Callable[[], str]) -> Org:
    return _first_app(org, certificate_pem=other())


def _unknown_client(org: Org, _other: Callable[[], str]) -> Org:
    # the app in this org has another key: the learner copied the key of an app living in a different org
    return _first_app(org, consumer_key="3MVG9AppInAnotherOrgNotThisOne" + org.apps[0].consumer_key[30:])


def _eca_not_installed(org: Org, _other: Callable[[], str]) -> Org:
    return _first_app(org, type=AppType.EXTERNAL_CLIENT_APP, installed=False)


def _connected_app_not_installed(org: Org, _other: Callable[[], str]) -> Org:
    return _first_app(org, installed=False)


def _api_access_control(org: Org, _other: Callable[[], str]) -> Org:
    # the user is pre-authorized (profile assigned) and still refused: the app is not on the allow-list
    return dataclasses.replace(org, api_access_control=True)


def _jwt_access_tokens(org: Org, _other: Callable[[], str]) -> Org:
    return _first_app(org, type=AppType.EXTERNAL_CLIENT_APP, jwt_access_tokens=True)


def _inactive_user(org: Org, _other: Callable[[], str]) -> Org:
    return _first_user(org, active=False)


def _ip_restricted(org: Org, _other: Callable[[], str]) -> Org:
    return _first_user(_first_app(org, ip_relaxation=IpRelaxation.ENFORCE), login_ip_ranges=("203.0.113.0/24",))


_DEFINITIONS: tuple[tuple[str, Configure | None, dict[str, Any], int, checks.Refusal | None], ...] = (
    ("healthy", None, {}, 200, None),
    ("user-not-approved", _user_not_approved, {}, 400, checks.NOT_APPROVED),
    ("not-admin-approved", _not_admin_approved, {}, 400, checks.NOT_ADMIN_APPROVED),
    ("wrong-audience", _wrong_audience, {}, 400, checks.AUDIENCE_INVALID),
    ("certificate-mismatch", _certificate_mismatch, {}, 400, checks.INVALID_ASSERTION),
    ("expired-assertion", None, {"clock_offset": 3600.0}, 400, checks.EXPIRED),
    ("unknown-client", _unknown_client, {}, 400, checks.CLIENT_INVALID),
    ("eca-not-installed", _eca_not_installed, {}, 400, checks.APP_NOT_FOUND),
    ("connected-app-not-installed", _connected_app_not_installed, {}, 400, checks.APP_NOT_INSTALLED),
    ("api-access-control", _api_access_control, {}, 400, checks.API_ACCESS_CONTROLLED),
    ("jwt-access-token", _jwt_access_tokens, {}, 200, None),
    ("inactive-user", _inactive_user, {}, 400, checks.INACTIVE_USER),
    ("ip-restricted", _ip_restricted, {}, 400, checks.IP_RESTRICTED),
    ("rate-limited", None, {"rate_limit_after": 0}, 400, checks.RATE_LIMITED),
    ("maintenance", None, {"maintenance": True}, 503, None),
)


def _texts() -> dict[str, dict[str, dict[str, str]]]:
    data: dict[str, dict[str, dict[str, str]]] = load_json("practice", "scenarios.json")
    return data


def _build() -> dict[str, Scenario]:
    texts = _texts()
    result: dict[str, Scenario] = {}
    for name, configure, faults, status, refusal in _DEFINITIONS:
        entry = texts[name]
        result[name] = Scenario(
            name=name,
            title=entry["en"]["title"],
            story=entry["en"]["story"],
            expected_status=status,
            expected_error=refusal.error if refusal else None,
            expected_description=refusal.description if refusal else None,
            texts=MappingProxyType({lang: MappingProxyType(dict(t)) for lang, t in entry.items()}),
            configure=configure or (lambda org, _other: org),
            faults=MappingProxyType(faults),
        )
    return result


SCENARIOS: dict[str, Scenario] = _build()


def get_scenario(name: str) -> Scenario:
    """The scenario called ``name``; ``InputError`` listing the names otherwise."""
    from sfjwt_gui.core.errors import InputError

    try:
        return SCENARIOS[name]
    except KeyError:
        raise InputError(f"No practice scenario called {name!r}.", fix=f"Use one of: {', '.join(SCENARIOS)}.") from None
