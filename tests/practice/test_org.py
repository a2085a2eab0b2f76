"""The org file: the shipped example loads and works; bad files name the bad field; ids get their 18-char form."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from sfjwt_gui.core.errors import OrgModelError
from sfjwt_gui.core.resources import resource_path
from sfjwt_gui.practice import PracticeServer, default_org, load_org
from sfjwt_gui.practice.org import AppType, OrgKind, org_from_dict, org_to_dict, salesforce_id18

GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"


def _decode_suffix(id18: str) -> str:
    """Rebuild the upper-case mask of the first 15 characters from the 3-character suffix."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
    mask = ""
    for ch in id18[15:]:
        bits = alphabet.index(ch)
        mask += "".join("U" if bits >> i & 1 else "l" for i in range(5))
    return mask


@pytest.mark.parametrize("id15", ["00D5g00000SfJwT", "0055g00000PrAcT", "001000000000000", "AAAAAAAAAAAAAAA"])
def test_id18_suffix_encodes_the_case_of_each_character(id15: str) -> None:
    id18 = salesforce_id18(id15)
    assert id18[:15] == id15
    assert _decode_suffix(id18) == "".join("U" if c.isupper() else "l" for c in id15)
    assert salesforce_id18(id18) == id18


def test_default_org_is_what_the_issue_asks() -> None:
    org = default_org()
    assert org.kind is OrgKind.PRODUCTION
    assert org.my_domain_url == "https://sfjwt-practice.my.salesforce.com"
    assert org.apps[0].consumer_key.startswith("3MVG")
    assert org.apps[0].jwt_enabled
    assert org.users[0].profile in org.apps[0].profiles
    assert org.users[0].active
    assert "https://test.salesforce.com" not in org.audiences()


def test_org_round_trips_through_json() -> None:
    org = load_org(resource_path("practice", "example-org.json"))
    assert org_from_dict(json.loads(json.dumps(org_to_dict(org)))) == org


def test_example_org_file_serves_every_user_as_documented(rsa_key: Any, rsa_cert: Any) -> None:
    from cryptography.hazmat.primitives import serialization
    from jwcrypto import jwk, jws

    org = load_org(resource_path("practice", "example-org.json"))
    assert org.apps[1].type is AppType.EXTERNAL_CLIENT_APP
    pem = rsa_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    key = jwk.JWK.from_pem(pem)

    def sign(iss: str, sub: str, aud: str) -> str:
        token = jws.JWS(json.dumps({"iss": iss, "sub": sub, "aud": aud, "exp": int(time.time()) + 120}).encode())
        token.add_signature(key, None, json.dumps({"alg": "RS256"}))
        return str(token.serialize(compact=True))

    ci, sync = org.apps[0].consumer_key, org.apps[1].consumer_key
    cases = [
        (ci, "ci.deploy@acme.example", "https://login.salesforce.com", 200, None),
        (ci, "sync@acme.example", "https://acme-practice.my.salesforce.com", 200, None),  # via permission set
        (ci, "ci.deploy@acme.example", "https://acme-practice.my.site.com/customers", 200, None),
        (ci, "former.employee@acme.example", "https://login.salesforce.com", 400, "user is inactive"),
        (sync, "sync@acme.example", "https://acme-practice.my.salesforce.com", 200, None),  # prior approval
        (
            sync,
            "ci.deploy@acme.example",
            "https://acme-practice.my.salesforce.com",
            400,
            "user hasn't approved this consumer",
        ),
        (
            sync,
            "sync@acme.example",
            "https://test.salesforce.com",
            400,
            "External client app is not installed in this org",
        ),
    ]
    with PracticeServer(org=org, certificate=rsa_cert) as server, httpx.Client() as client:
        assert server.consumer_key == ci
        assert server.username == "ci.deploy@acme.example"
        for iss, sub, aud, status, description in cases:
            response = client.post(server.token_url, data={"grant_type": GRANT, "assertion": sign(iss, sub, aud)})
            assert response.status_code == status, (iss, sub, aud, response.text)
            if description:
                assert response.json()["error_description"] == description


@pytest.mark.parametrize(
    ("data", "named"),
    [
        ([], "not a JSON object"),
        ({"apps": []}, "no apps"),
        ({"apps": [{"name": "x"}]}, "apps[0].consumer_key"),
        ({"apps": [{"consumer_key": "k", "type": "lightning_app"}]}, "apps[0].type"),
        ({"apps": [{"consumer_key": "k", "jwt_enabled": "yes"}]}, "apps[0].jwt_enabled"),
        ({"apps": [{"consumer_key": "k"}, {"consumer_key": "k"}]}, "share a consumer_key"),
        ({"kind": "scratch", "apps": [{"consumer_key": "k"}]}, "org.kind"),
        ({"org_id": "001000000000000", "apps": [{"consumer_key": "k"}]}, "org.org_id"),
        (
            {"apps": [{"consumer_key": "k"}], "users": [{"username": "u", "login_ip_ranges": ["10.0.0.300/8"]}]},
            "10.0.0.300/8",
        ),
        ({"apps": [{"consumer_key": "k"}], "users": [{"id": "0055g00000PrAcT"}]}, "users[0].username"),
        (
            {"apps": [{"consumer_key": "k"}], "users": [{"username": "u", "approvals": [{"scopes": []}]}]},
            "approvals[0].consumer_key",
        ),
        ({"apps": [{"consumer_key": "k"}]}, "no users"),
        ({"apps": [{"consumer_key": "k"}], "users": [{"username": "u"}], "my_domian": "x"}, "'my_domian'"),
        ({"apps": [{"consumerkey": "k"}], "users": [{"username": "u"}]}, "apps[0] has an unknown field 'consumerkey'"),
        ({"apps": [{"consumer_key": "k"}], "users": [{"username": "u", "profiles": ["x"]}]}, "users[0] has an unknown"),
        (
            {"apps": [{"consumer_key": "k"}],
             "users": [{"username": "u", "approvals": [{"consumer_key": "k", "scope": []}]}]},
            "users[0].approvals[0] has an unknown field 'scope'",
        ),
        ({"apps": [{"consumer_key": "k", "certificate_pem": "MIIC..."}], "users": [{"username": "u"}]},
         "apps[0].certificate_pem is not a PEM certificate"),
    ],
)  # fmt: skip
def test_bad_org_descriptions_name_the_field(data: Any, named: str) -> None:
    with pytest.raises(OrgModelError, match=named.replace("[", r"\[").replace("]", r"\]")) as info:
        org_from_dict(data)
    assert info.value.fix


def test_a_typo_gets_a_suggestion_and_comment_keys_are_allowed(rsa_cert: Any) -> None:
    with pytest.raises(OrgModelError) as info:
        org_from_dict({"apps": [{"consumer_key": "k"}], "users": [{"username": "u"}], "my_domian": "x"})
    assert info.value.fix.startswith("Did you mean 'my_domain'?")
    from cryptography.hazmat.primitives import serialization

    pem = rsa_cert.public_bytes(serialization.Encoding.PEM).decode()
    data = {"_comment": "practice", "$schema": "x", "apps": [{"consumer_key": "k", "certificate_pem": pem}]}
    org = org_from_dict({**data, "users": [{"username": "u"}]})
    assert org.apps[0].certificate_pem == pem


def test_unreadable_and_invalid_json_files(tmp_path: Path) -> None:
    with pytest.raises(OrgModelError, match="Cannot read"):
        load_org(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text('{"apps": [', encoding="utf-8")
    with pytest.raises(OrgModelError, match="line 1"):
        load_org(broken)


@pytest.mark.parametrize(
    ("encoding", "prefix"), [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")]
)
def test_org_files_saved_by_windows_tools_load(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    """Notepad writes UTF-8 with a BOM; PowerShell's `>` writes UTF-16 with a BOM."""
    path = tmp_path / "org.json"
    text = '{"apps": [{"consumer_key": "3MVGkey"}], "users": [{"username": "ci@acme.example"}]}'
    path.write_bytes(prefix + text.encode(encoding))
    org = load_org(path)
    assert org.apps[0].consumer_key == "3MVGkey"
    assert org.users[0].username == "ci@acme.example"


def test_org_file_in_another_encoding_names_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "org.json"
    path.write_bytes('{"apps": [], "note": "caf\u00e9"}'.encode("latin-1"))
    with pytest.raises(OrgModelError, match="is not UTF-8 text") as info:
        load_org(path)
    assert "UTF-8" in info.value.fix
