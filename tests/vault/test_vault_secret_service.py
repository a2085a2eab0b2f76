"""The vault on the real Secret Service (gnome-keyring on a private D-Bus session).

Run: ``dbus-run-session -- .ci/with-keyring /work/venv/bin/python -m pytest tests/vault``. Without a Secret Service
these tests skip locally and fail in CI (``SFJWT_REQUIRE_SECRET_SERVICE=1``, see tests/conftest.py).
The entries are checked independently of keyring through secretstorage, the library that speaks the D-Bus API.
"""

from __future__ import annotations

import base64
import gc
import json
import os
import secrets
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from sfjwt_gui.core.vault import Vault

pytestmark = pytest.mark.secret_service


@pytest.fixture
def service() -> str:
    """A service name of its own per test, so tests never see each other's entries."""
    return f"sfjwt-gui-test-{secrets.token_hex(4)}"


@pytest.fixture
def ss_vault(secret_service_keyring: Any, data_dir: Path, service: str) -> Iterator[Vault]:
    """A vault on the real Secret Service; whatever a test leaves behind is removed afterwards."""
    yield Vault(backend=secret_service_keyring, index_dir=data_dir, service=service)
    for label, _ in _items(service):
        _delete(service, label)


def _items(service: str) -> list[tuple[str, str]]:
    """(username, secret) of every item of ``service``, read over D-Bus with secretstorage."""
    import secretstorage

    connection = secretstorage.dbus_init()
    with closing(connection):
        collection = secretstorage.get_default_collection(connection)
        return [
            (item.get_attributes()["username"], item.get_secret().decode())
            for item in collection.search_items({"service": service})
        ]


def _delete(service: str, username: str) -> None:
    import secretstorage

    connection = secretstorage.dbus_init()
    with closing(connection):
        collection = secretstorage.get_default_collection(connection)
        for item in collection.search_items({"service": service, "username": username}):
            item.delete()


def test_roundtrip_through_the_real_secret_service(
    ss_vault: Vault, service: str, rsa_key: Any, rsa_cert: x509.Certificate
) -> None:
    ss_vault.save("ci-key", rsa_key, rsa_cert)
    assert ss_vault.status().available
    assert ss_vault.status().backend_name == "Secret Service"
    assert ss_vault.load("ci-key").private_numbers() == rsa_key.private_numbers()

    items = dict(_items(service))
    manifest = json.loads(items["manifest:ci-key"])
    chunks = [items[f"chunk:{manifest['generation']}:{i}"] for i in range(manifest["chunks"])]
    assert set(items) == {"manifest:ci-key", *(f"chunk:{manifest['generation']}:{i}" for i in range(len(chunks)))}
    der = rsa_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    assert base64.b64decode("".join(chunks)) == der
    assert all(len(c) <= 1000 for c in chunks)


def test_overwrite_rename_and_delete_leave_nothing_behind(
    ss_vault: Vault, service: str, rsa_key: Any, other_key: Any
) -> None:
    ss_vault.save("a", rsa_key)
    ss_vault.save("a", other_key, overwrite=True)
    assert len(_items(service)) == 3  # manifest + 2 chunks: the old chunks and the backup are gone
    ss_vault.rename("a", "b")
    assert ss_vault.load("b").private_numbers() == other_key.private_numbers()
    assert {u for u, _ in _items(service) if u.startswith("manifest:")} == {"manifest:b"}
    assert len(_items(service)) == 3
    ss_vault.delete("b")
    assert _items(service) == []
    assert ss_vault.list() == []


def test_chunk_removed_behind_our_back_is_reported_as_corrupt(ss_vault: Vault, service: str, rsa_key: Any) -> None:
    from sfjwt_gui.core.errors import VaultCorruptError

    ss_vault.save("k", rsa_key)
    chunk = next(u for u, _ in _items(service) if u.endswith(":1"))
    _delete(service, chunk)
    with pytest.raises(VaultCorruptError, match="chunk 2 of 2 is missing"):
        ss_vault.load("k")
    ss_vault.delete("k")
    assert _items(service) == []


def _assert_no_plain_copy(key: Any, roots: list[Path]) -> None:
    """No file under ``roots`` holds the key's private part in clear: raw DER, or base64 at any alignment."""
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    private_part = der[-400:]  # d, p, q and the CRT values: never in a certificate or public key
    raw_needle = private_part[:64]
    b64_needles = [base64.b64encode(private_part[shift : shift + 120])[4:68] for shift in range(3)]
    scanned = 0
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file() and not path.is_symlink() and path.stat().st_size < 5_000_000:
                data = path.read_bytes()
                text = data.replace(b"\n", b"").replace(b"\\n", b"").replace(b"\r", b"")
                scanned += 1
                assert raw_needle not in data, f"{path} holds the private key unencrypted (DER)"
                assert not any(n in text for n in b64_needles), f"{path} holds the private key unencrypted (base64)"
    assert scanned >= 3  # the keyring file, the vault index and the export at least


def _sfjwt(*args: str, env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sfjwt_gui.cli", *args], env=env, input=stdin, capture_output=True, text=True, timeout=60
    )


def test_cli_end_to_end_in_real_processes(secret_service_keyring: Any, tmp_path: Path) -> None:
    """keygen → keys list/show/export/rename/delete as separate processes on the default (Secret Service) keyring."""
    env = {**os.environ, "SFJWT_DATA_DIR": str(tmp_path / "data"), "EXPORT_PW": "export-pass-123"}
    env.pop("PYTHON_KEYRING_BACKEND", None)
    name = f"e2e-{secrets.token_hex(3)}"
    try:
        made = _sfjwt("keygen", "--name", name, "--json", env=env)
        assert made.returncode == 0, made.stderr
        listed = json.loads(_sfjwt("keys", "list", "--json", env=env).stdout)
        assert [k["name"] for k in listed["keys"]] == [name]

        shown = _sfjwt("keys", "show", name, "--json", env=env)
        assert shown.returncode == 0, shown.stderr
        info = json.loads(shown.stdout)
        assert info["backend"] == "Secret Service"
        assert info["key_matches_certificate"] is True
        assert info["sha256_fingerprint"] == json.loads(made.stdout)["sha256_fingerprint"]

        out = tmp_path / "key.p8"
        exported = _sfjwt(
            "keys", "export", name, "--format", "pkcs8", "--out", str(out), "--passphrase-env", "EXPORT_PW", env=env
        )
        assert exported.returncode == 0, exported.stderr
        assert oct(out.stat().st_mode & 0o777) == "0o600"
        assert b"ENCRYPTED PRIVATE KEY" in out.read_bytes()
        key = serialization.load_pem_private_key(out.read_bytes(), b"export-pass-123")
        _assert_no_plain_copy(key, [Path(os.environ["HOME"]), tmp_path])

        assert _sfjwt("keys", "rename", name, name + "-2", env=env).returncode == 0
        refused = _sfjwt("keys", "delete", name + "-2", env=env)
        assert refused.returncode == 1
        assert "--yes" in refused.stderr
        assert _sfjwt("keys", "delete", name + "-2", "--yes", env=env).returncode == 0
        missing = _sfjwt("keys", "show", name + "-2", "--json", env=env)
        assert missing.returncode == 3
        assert json.loads(missing.stdout)["error"]["type"] == "KeyNotFoundError"
    finally:
        for username, _ in _items("sfjwt-gui"):
            if name in username:
                _delete("sfjwt-gui", username)


CI_KEYRING_PASSWORD = b"ci-keyring-password"  # what .ci/with-keyring unlocks the throw-away login keyring with


def _unlock_with_password(collection: Any) -> None:
    """Unlock gnome-keyring's collection without a prompt (its internal interface, as the CI script's --unlock does)."""
    from secretstorage.util import DBusAddressWrapper, format_secret, open_session

    session = open_session(collection.connection)
    secret = format_secret(session, CI_KEYRING_PASSWORD, "text/plain")
    internal = DBusAddressWrapper(
        "/org/freedesktop/secrets", "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface", collection.connection
    )
    internal.call("UnlockWithMasterPassword", "o(oayays)", collection.collection_path, secret)


@pytest.mark.skipif(
    not Path(os.environ.get("HOME", "/")).resolve().is_relative_to(Path(tempfile.gettempdir()).resolve())
    or bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")),
    reason="locks the login keyring: only on the throw-away keyring of .ci/with-keyring, with no display to prompt on",
)
# keyring's SecretService backend raises KeyringLocked before closing its D-Bus connection: that socket leak is theirs
@pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")
def test_locked_keyring_is_reported_with_the_unlock_fix_and_keeps_the_key(
    ss_vault: Vault, rsa_key: Any, other_key: Any, tmp_path: Path
) -> None:
    import secretstorage

    from sfjwt_gui.core.errors import KeyringLockedError

    ss_vault.save("locked-test", rsa_key)
    connection = secretstorage.dbus_init()
    with closing(connection):
        collection = secretstorage.get_default_collection(connection)
        collection.lock()
        try:
            assert collection.is_locked()
            status = ss_vault.status()  # the unlock prompt cannot be shown here, which keyring reports as locked
            assert not status.available
            assert "locked" in status.message
            assert "Unlock" in status.fix
            with pytest.raises(KeyringLockedError) as info:
                ss_vault.save("locked-test", other_key, overwrite=True)
            assert info.value.exit_code == 3
            with pytest.raises(KeyringLockedError):
                ss_vault.load("locked-test")
        finally:
            _unlock_with_password(collection)
        assert not collection.is_locked()
    assert ss_vault.load("locked-test").private_numbers() == rsa_key.private_numbers()
    del info  # its traceback holds keyring's frame and, through it, the unclosed connection
    gc.collect()  # release keyring's leaked connections now, inside this test's warning filters
