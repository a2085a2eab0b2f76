"""Where TLS trust comes from: certifi (default), the operating system's store, or a CA bundle file.

TLS is always verified; there is no "insecure" choice. The OS store (via ``truststore``) is the answer for
corporate networks whose proxy re-signs TLS with a company CA that is installed on the machine.
"""

from __future__ import annotations

import ssl
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from sfjwt_gui.core.errors import CertificateError
from sfjwt_gui.core.key_texts import error


class Trust(StrEnum):
    """The source of trusted CA certificates."""

    CERTIFI = "certifi"
    OS = "os"
    BUNDLE = "bundle"


@lru_cache(maxsize=8)
def _cached_context(trust: Trust, bundle: str | None, mtime: float | None) -> ssl.SSLContext:
    if trust is Trust.OS:
        import truststore

        ctx: ssl.SSLContext = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        return ctx
    if trust is Trust.BUNDLE:
        assert bundle is not None
        try:
            return ssl.create_default_context(cafile=bundle)
        except (ssl.SSLError, OSError, ValueError) as exc:
            raise error(CertificateError, "trust-bundle-unusable", path=repr(bundle), detail=str(exc)) from exc
    import certifi

    return ssl.create_default_context(cafile=certifi.where())


def ssl_context(trust: Trust = Trust.CERTIFI, ca_bundle: str | Path | None = None) -> ssl.SSLContext:
    """Return a verifying SSL context for ``trust`` (cached; a changed bundle file is re-read)."""
    trust = Trust(trust)
    if ca_bundle is not None and trust is Trust.CERTIFI:
        trust = Trust.BUNDLE
    if trust is Trust.BUNDLE:
        if ca_bundle is None:
            raise error(CertificateError, "trust-bundle-needed")
        path = Path(ca_bundle)
        if not path.is_file():
            raise error(CertificateError, "trust-bundle-not-found", path=repr(str(path)))
        return _cached_context(trust, str(path.resolve()), path.stat().st_mtime)
    return _cached_context(trust, None, None)


def describe(trust: Trust, ca_bundle: str | Path | None = None) -> str:
    """A short human label: ``certifi``, ``OS store``, ``bundle /path/ca.pem``."""
    if trust is Trust.OS:
        return "OS store"
    if trust is Trust.BUNDLE or ca_bundle is not None:
        return f"bundle {ca_bundle}"
    return "certifi"
