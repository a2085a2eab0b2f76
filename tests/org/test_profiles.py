"""Profiles: one JSON file per profile, atomic, secrets never stored; the CLI; --profile on sign; the QSettings
migration entry point; import from a fake Salesforce CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from fake_sf import ORG_LIST, fake_sf

from sfjwt_gui.cli import main
from sfjwt_gui.core.errors import ProfileError
from sfjwt_gui.core.profiles import Profile, ProfileStore, import_legacy_profiles


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SFJWT_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path / "config" / "profiles"


def test_store_round_trip_and_no_secrets(config: Path) -> None:
    store = ProfileStore()
    store.save(
        Profile(
            "Acme prod",
            endpoint="https://login.salesforce.com",
            consumer_key="3MVG9x",
            username="u@a.com",
            key_name="acme",
        )
    )
    assert [p.name for p in store.list()] == ["Acme prod"]
    (file,) = config.glob("*.json")
    data = json.loads(file.read_text())
    assert data["format"] == "sfjwt-profile/1"
    assert set(data) == {
        "format",
        "name",
        "endpoint",
        "aud",
        "consumer_key",
        "username",
        "key_name",
        "pkcs11_module",  # a token key's module path (issue 15); never a PIN
        "certificate_sha256",
        "gov_cloud",
    }
    assert not list(config.glob("*.tmp"))
    store.delete("Acme prod")
    assert store.list() == []


def test_foreign_files_and_symlinks_left_alone(config: Path, tmp_path: Path) -> None:
    store = ProfileStore()
    path = store.save(Profile("x"))
    path.write_text('{"not": "ours"}')
    with pytest.raises(ProfileError, match="not an sfjwt profile"):
        store.save(Profile("x", username="u"))
    assert path.read_text() == '{"not": "ours"}'
    path.unlink()
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep")
    path.symlink_to(target)
    with pytest.raises(ProfileError, match="not a regular file"):
        store.save(Profile("x"))
    assert target.read_text() == "keep"


def test_legacy_migration_drops_secrets(config: Path) -> None:
    records = [
        {
            "name": "old",
            "iss": "3MVG9old",
            "sub": "old@a.com",
            "token_url": "https://login.salesforce.com",
            "passphrase": "hunter2",
            "access_token": "00D000000000001!secret",
        },
        {"name": ""},
    ]
    assert import_legacy_profiles(records) == ["old"]
    assert import_legacy_profiles(records) == []  # once
    text = next(config.glob("*.json")).read_text()
    assert "hunter2" not in text
    assert "secret" not in text
    assert ProfileStore().get("old").consumer_key == "3MVG9old"


def test_cli_save_show_list_delete_and_profile_on_sign(
    config: Path, tmp_path: Path, rsa_key: object, capsys: pytest.CaptureFixture[str]
) -> None:
    from cryptography.hazmat.primitives import serialization

    assert (
        main(
            [
                "profiles",
                "save",
                "ci",
                "--iss",
                "3MVG9ci",
                "--sub",
                "ci@a.com",
                "--preset",
                "sandbox",
                "--key",
                "ci-key",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["profiles", "show", "ci", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["aud"] == "https://test.salesforce.com"
    assert shown["key_name"] == "ci-key"
    assert main(["profiles", "list", "--json"]) == 0
    assert [p["name"] for p in json.loads(capsys.readouterr().out)["profiles"]] == ["ci"]
    key = tmp_path / "k.pem"
    key.write_bytes(
        rsa_key.private_bytes(  # type: ignore[attr-defined]
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    assert main(["sign", "--profile", "ci", "--key-file", str(key), "--sub", "other@a.com", "--json"]) == 0
    signed = json.loads(capsys.readouterr().out)
    claims = signed.get("claims") or signed.get("payload") or {}
    assert claims.get("iss") == "3MVG9ci"
    assert claims.get("sub") == "other@a.com"
    assert main(["profiles", "delete", "ci"]) == 0
    assert main(["profiles", "show", "ci"]) == 1


def test_import_sf_without_consent_imports_no_key(
    config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_sf(bin_dir, {"org list": ORG_LIST})
    monkeypatch.setenv("PATH", str(bin_dir) + os.pathsep + os.environ.get("PATH", ""))
    assert main(["profiles", "import-sf", "--no-prompt", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)["imported"]
    assert [(r["name"], r["result"]) for r in report] == [("ci-jwt", "saved")]
    assert "key_imported" not in report[0]
    profile = ProfileStore().get("ci-jwt")
    assert profile.consumer_key.startswith("3MVG9Acme")
    assert profile.key_name == ""
    assert profile.aud == "https://login.salesforce.com"


def test_import_key_file_into_a_vault(tmp_path: Path, rsa_key: Any, rsa_cert: Any) -> None:
    import sys

    from cryptography.hazmat.primitives import serialization

    from sfjwt_gui.core.errors import SfjwtError
    from sfjwt_gui.core.profiles import import_key_file
    from sfjwt_gui.core.vault import Vault

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
    from memory_backend import MemoryKeyring

    vault = Vault(backend=MemoryKeyring(), index_dir=tmp_path / "index")
    key_file = tmp_path / "server.key"
    key_file.write_bytes(
        rsa_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()
        )
    )
    assert import_key_file(str(key_file), "ci-jwt", vault=vault) == "ci-jwt"
    assert vault.load("ci-jwt").private_numbers() == rsa_key.private_numbers()
    assert key_file.exists()  # the file is left as it is
    cert_file = tmp_path / "server.crt"
    cert_file.write_bytes(rsa_cert.public_bytes(serialization.Encoding.PEM))
    with pytest.raises(SfjwtError) as caught:
        import_key_file(str(cert_file), "other", vault=vault)
    assert caught.value.code == "sf-key-file-no-key"


def test_government_cloud_travels_with_the_profile(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A govcloud preset's endpoint and aud look like any My Domain's: the profile keeps the flag, and ``--profile``
    gives it back to the commands that lint the Government Cloud split."""
    import argparse

    from sfjwt_gui.commands.profiles import apply_profile

    assert main(["profiles", "save", "gov", "--iss", "3MVG9g", "--sub", "g@a.com", "--preset", "govcloud:acme"]) == 0
    capsys.readouterr()
    assert main(["profiles", "show", "gov", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["gov_cloud"] is True
    assert shown["endpoint"].startswith("https://acme.my.salesforce.com")
    assert main(["profiles", "show", "gov"]) == 0
    assert "gov_cloud:           yes" in capsys.readouterr().out

    args = argparse.Namespace(profile="gov", endpoint=None, preset=None, aud=None, iss=None, sub=None, gov_cloud=False)
    apply_profile(args)
    assert args.gov_cloud is True
    assert args.endpoint == shown["endpoint"]

    assert main(["profiles", "save", "prod", "--preset", "production"]) == 0
    capsys.readouterr()
    assert ProfileStore().get("prod").gov_cloud is False


def test_a_profile_with_a_non_boolean_gov_cloud_is_refused(config: Path) -> None:
    from sfjwt_gui.core.profiles import profile_from_dict

    with pytest.raises(ProfileError) as caught:
        profile_from_dict({"name": "x", "gov_cloud": "yes"})
    assert caught.value.code == "profile-bad-value"
