"""Government Cloud (issue 12): a preset in core, and the ``gov_cloud`` setting travels the one sign→send→diagnose
path (``SendSettings.gov_cloud``) so ``sfjwt token`` and the window lint what was sent the same way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

from sfjwt_gui.cli import main
from sfjwt_gui.core.claims import Claims
from sfjwt_gui.core.connection import Preset, is_gov_cloud, parse_preset, preset_connection
from sfjwt_gui.core.errors import ConnectionSettingsError
from sfjwt_gui.core.exchange import ExchangeOptions
from sfjwt_gui.core.flow import SendSettings, sign_send_diagnose
from sfjwt_gui.practice.server import PracticeServer

MY_DOMAIN_AUD = "https://acme.my.salesforce.com"  # the Government Cloud mix-up: aud must stay login/test


def test_the_preset_splits_post_host_and_aud() -> None:
    production = preset_connection(Preset.GOVCLOUD, domain="acme")
    assert (production.endpoint, production.aud, production.gov_cloud) == (
        "https://acme.my.salesforce.com",
        "https://login.salesforce.com",
        True,
    )
    sandbox = preset_connection("govcloud", domain="acme", sandbox="uat")
    assert (sandbox.endpoint, sandbox.aud) == (
        "https://acme--uat.sandbox.my.salesforce.com",
        "https://test.salesforce.com",
    )
    assert parse_preset("govcloud:acme") == production
    assert parse_preset("govcloud-sandbox:acme:uat") == sandbox
    with pytest.raises(ConnectionSettingsError):
        preset_connection(Preset.GOVCLOUD)
    assert is_gov_cloud("govcloud")
    assert is_gov_cloud(Preset.GOVCLOUD)
    assert not any(is_gov_cloud(p) for p in ("mydomain", "custom", None, ""))


def _rules(flow_findings: list[object]) -> set[str]:
    return {str(getattr(f, "rule", "")) for f in flow_findings}


def test_send_settings_carry_gov_cloud_into_the_diagnosis(
    org: PracticeServer, options: ExchangeOptions, rsa_key: RSAPrivateKey
) -> None:
    claims = Claims.new(org.consumer_key, org.username, MY_DOMAIN_AUD)
    plain = sign_send_diagnose(claims, rsa_key, SendSettings(org.token_url, options), langs=("en",))
    gov = sign_send_diagnose(
        claims, rsa_key, SendSettings.for_endpoint(org.token_url, options, gov_cloud=True), langs=("en", "ja")
    )
    assert "aud-gov-cloud" not in _rules(list(plain.diagnosis("en").findings))
    for lang in ("en", "ja"):
        found = [f for f in gov.diagnosis(lang).findings if f.rule == "aud-gov-cloud"]
        assert found, lang
        assert MY_DOMAIN_AUD in found[0].message


@pytest.fixture
def key_file(rsa_key: RSAPrivateKey, tmp_path: Path) -> Path:
    path = tmp_path / "server.key"
    path.write_bytes(
        rsa_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    path.chmod(0o600)
    return path


@pytest.mark.parametrize("gov", [False, True])
def test_cli_token_gov_cloud_flag(
    capsys: pytest.CaptureFixture[str], org: PracticeServer, key_file: Path, gov: bool
) -> None:
    argv = [
        "token",
        "--key-file",
        str(key_file),
        "--iss",
        org.consumer_key,
        "--sub",
        org.username,
        "--endpoint",
        org.token_url,
        "--aud",
        MY_DOMAIN_AUD,
        "--ca-bundle",
        str(org.ca_file),
        "--json",
        *(["--gov-cloud"] if gov else []),
    ]
    main(argv)
    data = json.loads(capsys.readouterr().out)
    rules = {f["rule"] for f in data["diagnosis"]["findings"]}
    assert ("aud-gov-cloud" in rules) is gov
