"""Small helpers shared by the vault tests (imported by name: tests/vault is on sys.path via conftest)."""

from __future__ import annotations

from typing import Any

from cryptography.hazmat.primitives import serialization


def same_key(a: Any, b: Any) -> bool:
    """True when two RSA private keys are the same key."""
    return bool(a.private_numbers() == b.private_numbers())


def der(key: Any) -> bytes:
    """Unencrypted PKCS#8 DER of a key (what the vault stores, base64-chunked)."""
    return bytes(
        key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )


def live_usernames(vault: Any, backend: Any) -> set[str]:
    """The keyring usernames the vault's listed keys need: each (current) manifest and its chunks."""
    import json

    wanted: set[str] = set()
    for record in vault.list():
        entry = f"manifest:{record.name}"
        text = backend.get_password("sfjwt-gui", entry)
        if text is None:  # a switch interrupted on a delete-then-add backend: the backup is the live manifest
            entry = f"backup:{record.name}"
            text = backend.get_password("sfjwt-gui", entry)
        manifest = json.loads(text)
        wanted.add(entry)
        wanted.update(f"chunk:{manifest['generation']}:{i}" for i in range(manifest["chunks"]))
    return wanted


def run(capsys: Any, *args: str) -> tuple[int, Any, str]:
    """Run ``sfjwt ARGS`` in-process; returns (exit code, parsed JSON stdout or text, stderr)."""
    import json

    from sfjwt_gui.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    try:
        return code, json.loads(out), err
    except ValueError:
        return code, out, err
