"""SIGKILLs of real ``sfjwt`` processes changing the vault on the real Secret Service, and the checks after each
(used by tests/vault/test_vault_kill.py and the fault-injection campaign tests/fault/campaign.py).

Each round starts one ``sfjwt keygen / keys import [--overwrite] / keys rename / keys delete`` and kills it at a random
moment of its run (uniform over the later part of how long that command takes here, measured first). After every
kill: every listed key loads (which checks its chunks' SHA-256 and the record's public-key SHA-256) and is either the
key it was before the command or the one the command was writing; no other key changed; a key whose deletion was cut
is listed as "deletion incomplete". After the next change (a ``collect_garbage``, as every change starts) no deletion
or pending generation is left, and every chunk of the service belongs to a listed key's manifest or backup.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from sfjwt_gui.core.errors import VaultCorruptError
from sfjwt_gui.core.vault import SERVICE, Vault
from sfjwt_gui.core.vault_chunks import Manifest


def items() -> dict[str, str]:
    """username -> secret (manifests only) of every item of the app's service, read over D-Bus with secretstorage."""
    import secretstorage

    connection = secretstorage.dbus_init()
    with closing(connection):
        collection = secretstorage.get_default_collection(connection)
        found = {}
        for item in collection.search_items({"service": SERVICE}):
            username = item.get_attributes()["username"]
            wanted = username.startswith(("manifest:", "backup:"))  # a chunk's secret is not needed: saves D-Bus calls
            found[username] = item.get_secret().decode() if wanted else ""
        return found


def key_sha(key: Any) -> str:
    """The public-key SHA-256 of a private key, as the vault's records hold it."""
    from sfjwt_gui.core.vault import _public_key_sha256

    return _public_key_sha256(key)


class Campaign:
    """The keys the processes work on, and what each name may hold after a kill."""

    def __init__(self, tmp: Path, backend: Any) -> None:
        self.tmp = tmp
        self.env = {**os.environ, "SFJWT_DATA_DIR": str(tmp / "data")}
        self.env.pop("PYTHON_KEYRING_BACKEND", None)
        self.vault = Vault(backend=backend, index_dir=tmp / "data")
        self.files: list[tuple[Path, str]] = []
        for number in range(3):
            key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            path = tmp / f"k{number}.pem"
            pem = key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
            path.write_bytes(pem)
            self.files.append((path, key_sha(key)))
        self.expected: dict[str, str] = {}  # name -> public-key SHA-256 it holds
        self.counter = 0
        self.baseline: set[str] = set()
        self.durations: dict[str, float] = {}
        self.tally = {"kills": 0, "finished": 0, "deletion_incomplete": 0, "swept": 0}

    def fresh_name(self) -> str:
        self.counter += 1
        return f"kill-{os.getpid()}-{self.counter}"

    def command(self, rng: random.Random) -> tuple[str, list[str], dict[str, set[str | None]]]:
        """A random command and, per name it touches, the SHA-256 values allowed after it (None = absent)."""
        names = sorted(self.expected)
        kinds = (
            ["keygen", "import", "overwrite", "rename", "delete"]
            if len(names) < 4
            else ["overwrite", "rename", "delete"]
        )
        kind = rng.choice(kinds if names else ["import"])
        if kind == "keygen":
            name = self.fresh_name()
            return kind, ["keygen", "--name", name, "--json"], {name: {None, "*"}}
        if kind == "import" or (kind == "overwrite" and not names):
            name = self.fresh_name()
            path, sha = rng.choice(self.files)
            # the same three key files again and again under new names: deliberate duplicates
            return "import", ["keys", "import", str(path), "--name", name, "--allow-duplicate"], {name: {None, sha}}
        target = rng.choice(names)
        if kind == "overwrite":
            path, sha = rng.choice(self.files)
            args = ["keys", "import", str(path), "--name", target, "--overwrite", "--allow-duplicate"]
            return kind, args, {target: {self.expected[target], sha}}
        if kind == "rename":
            new = self.fresh_name()
            allowed: dict[str, set[str | None]] = {target: {self.expected[target], None}, new: {None}}
            allowed[new].add(self.expected[target])
            return kind, ["keys", "rename", target, new], allowed
        return kind, ["keys", "delete", target, "--yes"], {target: {self.expected[target], None}}

    def run(self, args: list[str], kill_after: float | None) -> tuple[float, bool]:
        """Run ``sfjwt ARGS``; SIGKILL it after ``kill_after`` seconds. Returns (seconds, killed)."""
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "sfjwt_gui.cli", *args],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            proc.communicate(timeout=kill_after if kill_after is not None else 60)
            killed = False
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.communicate(timeout=30)
            killed = True
        if not killed:
            assert proc.returncode == 0, (args, proc.returncode)
        return time.perf_counter() - start, killed

    def check(self, allowed: dict[str, set[str | None]]) -> None:
        """After a kill: listed keys load and hold an allowed key; after the next change nothing is left over."""
        listed = {record.name: record for record in self.vault.list()}
        for name, record in listed.items():
            if record.deleting:
                assert None in allowed.get(name, set()), f"{name} half-deleted by a command that did not delete it"
                try:
                    self.vault.load(name)
                except VaultCorruptError as exc:
                    if "deletion was interrupted" not in exc.message:
                        raise
                else:
                    raise AssertionError(f"{name} is being deleted but still loads")
                self.tally["deletion_incomplete"] += 1
                continue
            sha = key_sha(self.vault.load(name))  # raises on a checksum or public-key mismatch
            assert sha == record.public_key_sha256
            options = allowed.get(name, {self.expected.get(name)})
            assert sha in options or "*" in options, f"{name} holds a key it never held"
        for name in self.expected:
            if name not in allowed:
                assert name in listed, f"{name} lost by a command about other keys"
        for name, options in allowed.items():
            if None not in options:
                assert name in listed, f"{name} lost"
        before = set(items())
        self.vault.collect_garbage()  # the next change finishes what the kill left
        data = json.loads(self.vault.index_path.read_text(encoding="utf-8"))
        assert not data.get("pending"), data.get("pending")
        assert not any(record.get("deleting") for record in data["keys"].values())
        now = items()
        self.tally["swept"] += len(before - set(now))
        referenced: set[str] = set()
        for username, text in now.items():
            kind, _, name = username.partition(":")
            if kind in ("manifest", "backup") and name in data["keys"]:
                referenced.update(Manifest.from_text(text, name=name).chunk_usernames())
        ours = {u for u in now if u.startswith("chunk:")} - self.baseline
        assert ours <= referenced, f"unreferenced chunks after the next change: {sorted(ours - referenced)}"
        self.expected = {record.name: key_sha(self.vault.load(record.name)) for record in self.vault.list()}

    def measure(self, rng: random.Random) -> None:
        """How long each kind of command takes here (one uncut run each), so kills land anywhere in its run."""
        for kind in ("import", "keygen", "overwrite", "rename", "delete"):
            name, args, allowed = self.command(rng)
            while name != kind:
                name, args, allowed = self.command(rng)
            self.durations[kind], _ = self.run(args, None)
            self.check(allowed)

    def kill_one(self, rng: random.Random) -> None:
        """One random command, killed at a random instant of the later part of its run (interpreter start-up and
        imports come first), then checked."""
        kind, args, allowed = self.command(rng)
        duration = self.durations[kind]
        _, killed = self.run(args, rng.uniform(duration * 0.4, duration * 1.05))
        self.tally["kills" if killed else "finished"] += 1
        self.check(allowed)

    def clean_up(self) -> None:
        """Delete every key the campaign made."""
        for record in self.vault.list():
            self.vault.delete(record.name)
