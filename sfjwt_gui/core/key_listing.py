"""The keyring's keys as a keystore tool lists them: one typed row per stored key, nothing rendered.

Contract: pure (no keyring access, no Qt): rows are built from the vault index's records, the time given, and the
(profile name, key name) pairs the caller supplies (profiles live wherever the front end keeps them). Expiry uses
``core.expiry``'s days-left rule and state (``core.policy``'s threshold), so the table, ``sfjwt keys list`` and the
lint agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sfjwt_gui.core.expiry import ExpiryState, days_until, expiry_state_until

if TYPE_CHECKING:
    from sfjwt_gui.core.vault import KeyRecord, Vault


@dataclass(frozen=True)
class KeyRow:
    """One stored key: what the Keys table shows in its columns (sortable values, not text)."""

    name: str
    subject: str | None  # RFC 4514 of the certificate, None without one
    key_bits: int
    not_after: dt.datetime | None
    days_left: int | None
    expiry: ExpiryState | None  # None without a certificate
    sha256_fingerprint: str | None  # the certificate's (what Salesforce shows), colon hex
    public_key_sha256: str | None  # the key's, colon hex (for keys without a certificate)
    profiles: tuple[str, ...]  # connection profiles that use this key, sorted
    deleting: bool = False  # a deletion was interrupted: the key is half gone until it is deleted again

    @property
    def short_fingerprint(self) -> str:
        """The first 4 bytes of the certificate (else key) fingerprint and an ellipsis, for a narrow column."""
        full = self.sha256_fingerprint or self.public_key_sha256 or ""
        return full if len(full) <= 11 else full[:11] + "…"

    def to_json(self) -> dict[str, Any]:
        """Plain JSON (ISO 8601 ``not_after``)."""
        return {
            "name": self.name,
            "subject": self.subject,
            "key_bits": self.key_bits,
            "not_after": self.not_after.isoformat() if self.not_after else None,
            "days_left": self.days_left,
            "expiry": str(self.expiry) if self.expiry else "none",
            "sha256_fingerprint": self.sha256_fingerprint,
            "public_key_sha256": self.public_key_sha256,
            "profiles": list(self.profiles),
            "deleting": self.deleting,
        }


def _subject(pem: str | None) -> str | None:
    if not pem:
        return None
    from cryptography import x509

    try:
        return x509.load_pem_x509_certificate(pem.encode("ascii")).subject.rfc4514_string()
    except ValueError:
        return None  # a damaged index entry: the row still lists the key


def _moment(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def key_rows(
    records: Iterable[KeyRecord],
    profile_keys: Iterable[tuple[str, str]] = (),
    *,
    now: dt.datetime | None = None,
) -> list[KeyRow]:
    """A row per record, in the order given; ``profile_keys`` are (profile name, key name) pairs."""
    users: dict[str, set[str]] = {}
    for profile, key_name in profile_keys:
        users.setdefault(key_name, set()).add(profile)
    rows = []
    for record in records:
        left = days_until(record.not_after, now)
        rows.append(
            KeyRow(
                name=record.name,
                subject=record.subject or _subject(record.certificate_pem),  # parse only for older records
                key_bits=record.key_bits,
                not_after=_moment(record.not_after),
                days_left=left,
                expiry=expiry_state_until(record.not_after, now),
                sha256_fingerprint=record.sha256_fingerprint,
                public_key_sha256=record.public_key_sha256,
                profiles=tuple(sorted(users.get(record.name, ()), key=str.casefold)),
                deleting=record.deleting,
            )
        )
    return rows


def list_keys(
    vault: Vault, profile_keys: Sequence[tuple[str, str]] = (), *, now: dt.datetime | None = None
) -> list[KeyRow]:
    """``key_rows`` of every stored key, sorted by name (reads only the index: no keyring prompt)."""
    return key_rows(vault.list(), profile_keys, now=now)
