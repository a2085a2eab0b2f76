"""Thresholds and limits, once, for core, the CLI and the window alike.

Contract: this module imports nothing beyond the standard library (the window reads it on the GUI thread at start-up),
holds no state, and every decision that compares against a threshold goes through one of its predicates.

One comparison convention for every threshold: **reaching a threshold counts** (inclusive). A certificate with exactly
``EXPIRY_WARNING_DAYS`` days left is expiring; a clock exactly ``SKEW_WARNING_SECONDS`` off is skewed; a clock exactly
``SKEW_NEGLIGIBLE_SECONDS`` off is still fine. Limits (key sizes, validity) name what is allowed, and their bounds are
allowed.

How many whole days a certificate has left is ``core.expiry``'s rule, not this module's: pass its ``days_left``.
"""

from __future__ import annotations

#: RSA key sizes offered when generating a key (Salesforce accepts these; 2048 is the usual choice).
ALLOWED_KEY_BITS: tuple[int, ...] = (2048, 3072, 4096)
#: Default size of a generated key.
DEFAULT_KEY_BITS = 2048
#: The smallest RSA key that signs or is accepted on import (Salesforce refuses smaller ones).
MIN_RSA_BITS = 2048

#: Default certificate validity of a generated certificate, in days.
DEFAULT_VALIDITY_DAYS = 365
#: The longest validity without a "long validity" warning (10 years); a limit, so the bound itself is fine.
LONG_VALIDITY_DAYS = 3650
#: The longest validity a generated certificate may have (100 years); 1 is the shortest.
MIN_VALIDITY_DAYS = 1
MAX_VALIDITY_DAYS = 36500

#: The assertion lifetime (exp - now) Salesforce documents: "within 3 minutes"; the default of every signer here.
DEFAULT_LIFETIME_SECONDS = 180
#: The shortest lifetime that still survives a slow network (a limit: 30 s itself is fine).
SHORTEST_SAFE_LIFETIME_SECONDS = 30

#: The longest keystore alias (JKS alias, PKCS#12 friendly name) we write; JKS itself stops at 65535 bytes.
MAX_ALIAS_CHARS = 256

#: A certificate with this many whole days left, or fewer, is "expiring".
EXPIRY_WARNING_DAYS = 30

#: A clock this many seconds off Salesforce's, or more, is a problem worth a warning (and a confirmed cause).
SKEW_WARNING_SECONDS = 30.0
#: A clock this many seconds off, or less, is fine (rules clock skew out as a cause).
SKEW_NEGLIGIBLE_SECONDS = 3.0


def key_size_allowed(bits: int) -> bool:
    """True when ``bits`` is one of the sizes offered for a new key."""
    return bits in ALLOWED_KEY_BITS


def key_size_too_small(bits: int) -> bool:
    """True when an RSA key of ``bits`` is under ``MIN_RSA_BITS`` (refused for signing and import)."""
    return bits < MIN_RSA_BITS


def validity_allowed(days: int) -> bool:
    """True when a new certificate may be valid ``days`` days (``MIN_VALIDITY_DAYS``..``MAX_VALIDITY_DAYS``)."""
    return MIN_VALIDITY_DAYS <= days <= MAX_VALIDITY_DAYS


def validity_is_long(days: int) -> bool:
    """True when a validity of ``days`` deserves the long-validity warning (more than ``LONG_VALIDITY_DAYS``)."""
    return days > LONG_VALIDITY_DAYS


def lifetime_too_short(seconds: float) -> bool:
    """True when an assertion with ``seconds`` left (``exp`` minus now, or ``exp - iat``) may expire on the way."""
    return seconds < SHORTEST_SAFE_LIFETIME_SECONDS


def expiry_is_warning(days_left: int) -> bool:
    """True when a certificate with ``days_left`` whole days left (``core.expiry``) is expiring: ``<= 30``.

    Already-expired certificates also answer True; callers that tell "expired" apart check that first.
    """
    return days_left <= EXPIRY_WARNING_DAYS


def skew_is_warning(seconds: float) -> bool:
    """True when a clock offset of ``seconds`` (either sign) is ``SKEW_WARNING_SECONDS`` or more."""
    return abs(seconds) >= SKEW_WARNING_SECONDS


def skew_is_negligible(seconds: float) -> bool:
    """True when a clock offset of ``seconds`` (either sign) is ``SKEW_NEGLIGIBLE_SECONDS`` or less."""
    return abs(seconds) <= SKEW_NEGLIGIBLE_SECONDS
