"""Test-only keyring backends: real ``keyring.backend.KeyringBackend`` subclasses that keep secrets in memory.

``priority`` is negative so keyring's own auto-detection never picks (or chains) them by accident; select one
explicitly, e.g. ``Vault(backend=MemoryKeyring())`` or ``PYTHON_KEYRING_BACKEND=memory_backend.MemoryKeyring``.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError, PasswordSetError

WINDOWS_BLOB_LIMIT = 2560  # CRED_MAX_CREDENTIAL_BLOB_SIZE, bytes; the blob is UTF-16


class MemoryKeyring(KeyringBackend):
    """Secrets in a dict keyed by (service, username)."""

    priority = -1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.store:
            raise PasswordDeleteError("Password not found")
        del self.store[(service, username)]

    def usernames(self, service: str = "sfjwt-gui") -> set[str]:
        """Every username stored for ``service``."""
        return {user for svc, user in self.store if svc == service}


class WindowsLimitKeyring(MemoryKeyring):
    """Refuses a secret larger than Windows Credential Manager's 2,560-byte UTF-16 blob, as CredWrite does."""

    def set_password(self, service: str, username: str, password: str) -> None:
        size = len(password.encode("utf-16-le"))
        if size > WINDOWS_BLOB_LIMIT:
            raise PasswordSetError(f"(1783, 'CredWrite', 'The stub received bad data.') blob of {size} bytes")
        super().set_password(service, username, password)


class FailingKeyring(MemoryKeyring):
    """Fails the N-th change (write or delete); with ``delete_then_add`` a replace is two steps, like macOS's."""

    def __init__(self, fail_at: int | None = None, *, delete_then_add: bool = False) -> None:
        super().__init__()
        self.fail_at = fail_at
        self.delete_then_add = delete_then_add
        self.changes = 0
        self.failed = False

    def _step(self, what: str) -> None:
        self.changes += 1
        if self.fail_at is not None and self.changes == self.fail_at:
            self.failed = True
            error = PasswordSetError if what == "set" else PasswordDeleteError
            raise error(f"injected failure at change {self.changes} ({what})")

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.delete_then_add and (service, username) in self.store:
            self._step("delete")
            del self.store[(service, username)]
        self._step("set")
        super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) in self.store:
            self._step("delete")
        super().delete_password(service, username)


class PlaintextKeyring(MemoryKeyring):
    """Stands in for keyrings.alt's plain-text file backend (same module and class name); must be refused."""

    __module__ = "keyrings.alt.file"
