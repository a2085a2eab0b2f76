"""Government Cloud (issue 12 §2): a preset that splits POST host and aud, and a lint rule that knows the split."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from sfjwt_gui.cli import main
from sfjwt_gui.core.connection import parse_preset
from sfjwt_gui.core.jwt_codec import sign
from sfjwt_gui.core.lint import lint

CONSUMER_KEY = "3MVG9A2kN3Bn17hueOTBLV6amupuqyVHycNQ43Q4pIHuDhYcP0gUA0zxwtLPCcnDlOKy0gopxQ4dA6BcNWLab"


def test_preset_posts_to_my_domain_and_keeps_the_generic_aud() -> None:
    production = parse_preset("govcloud:acme")
    assert production.token_url == "https://acme.my.salesforce.com/services/oauth2/token"
    assert production.aud == "https://login.salesforce.com"
    assert production.gov_cloud
    sandbox = parse_preset("govcloud-sandbox:acme:uat")
    assert sandbox.token_url == "https://acme--uat.sandbox.my.salesforce.com/services/oauth2/token"
    assert sandbox.aud == "https://test.salesforce.com"
    assert not parse_preset("mydomain:acme").gov_cloud


def test_lint_knows_the_split(rsa_key: Any) -> None:
    connection = parse_preset("govcloud:acme")
    good = sign({"iss": CONSUMER_KEY, "sub": "i@acme.com", "aud": connection.aud, "exp": 2_000_000_000}, rsa_key)
    assert [f.rule for f in lint(good, endpoint=connection.endpoint, gov_cloud=True, now=1_999_999_900)] == []
    my_domain_aud = sign(
        {"iss": CONSUMER_KEY, "sub": "i@acme.com", "aud": connection.endpoint, "exp": 2_000_000_000}, rsa_key
    )
    findings = lint(my_domain_aud, endpoint=connection.endpoint, gov_cloud=True, now=1_999_999_900, lang="ja")
    assert [f.rule for f in findings] == ["aud-gov-cloud"]
    assert "Government Cloud" in findings[0].message
    assert "user hasn't approved this consumer" in findings[0].message
    # the same token is fine for a commercial org
    assert lint(my_domain_aud, endpoint=connection.endpoint, now=1_999_999_900) == []


def test_cli_lint_gov_cloud(rsa_key: Any, capsys: pytest.CaptureFixture[str]) -> None:
    exp = int(time.time()) + 120
    token = sign(
        {"iss": CONSUMER_KEY, "sub": "i@acme.com", "aud": "https://acme.my.salesforce.com", "exp": exp}, rsa_key
    )
    args = ["lint", token, "--endpoint", "https://acme.my.salesforce.com", "--json"]
    assert main([*args, "--gov-cloud"]) == 2
    assert [f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]] == ["aud-gov-cloud"]
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []
