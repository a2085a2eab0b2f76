"""The admin connection the org inspector reads with, and the one job that runs an inspection. Qt-free.

Guarantees:

- An ``OrgAccess`` says where the admin token comes from: the practice org's admin token, this session's JWT token,
  a Salesforce CLI org (only its alias: the token is asked from ``sf`` inside the job, every time) or a pasted
  instance URL and token. It lives in the window's memory (``AppState.org_access``) only: it is never written to
  settings, profiles or logs, and its ``repr`` masks the token (``OrgConnection.__repr__``).
- ``inspect_job`` runs on a worker thread (``worker.start``): it resolves the access, calls ``core.org.inspect``
  and returns the ``Inspection``; a refusal is a ``could_not_check`` inside it, never an exception. Only a source
  that gives no token at all (``sf`` missing or failing) raises, with a coded ``SfCliError``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

    from sfjwt_gui.core.org.client import OrgConnection
    from sfjwt_gui.core.org.inspect import Inspection
    from sfjwt_gui.core.org.practices import PracticeInput
    from sfjwt_gui.ui.state import AppState

MAX_TOKEN = 4096  # a Salesforce session id is ~112 characters; anything longer is not one
MAX_URL = 2048


class BadPaste(ValueError):
    """A pasted value that cannot be an instance URL or an access token; ``field`` is ``"url"`` or ``"token"``."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


class Source(StrEnum):
    """Where the admin token comes from."""

    PRACTICE = "practice"
    SESSION = "session"
    SF_CLI = "sf"
    PASTED = "pasted"


@dataclass(frozen=True)
class OrgAccess:
    """One admin connection: ``connection`` is known now (practice, session, pasted); ``alias`` asks ``sf`` later."""

    source: Source
    label: str  # what the window shows: an instance host, an alias (never the token)
    connection: OrgConnection | None = field(default=None, repr=False)
    alias: str = ""
    verify: Any = field(default=True, repr=False, compare=False)  # an ssl.SSLContext or True

    def resolve(self, *, path: str | None = None) -> OrgConnection:
        """The connection to read with (asks the Salesforce CLI for a fresh token when the source is ``sf``)."""
        if self.connection is not None:
            return self.connection
        from sfjwt_gui.core.org import sf_cli

        return sf_cli.connection(self.alias, path=path)


@dataclass(frozen=True)
class InspectRequest:
    """What the inspection checks the org against: the claims, their lifetime and the signing key's certificate."""

    iss: str
    sub: str
    aud: str | None = None
    certificate: x509.Certificate | None = field(default=None, repr=False)
    lifetime: int | None = None
    signing_key: RSAPublicKey | None = field(default=None, repr=False)  # compared when there is no certificate

    def practice_input(self) -> PracticeInput:
        """What the practices need besides the org: the lifetime and every profile's certificate fingerprint (reads
        the profile folder: call it off the GUI thread)."""
        from sfjwt_gui.core.org.practices import PracticeInput
        from sfjwt_gui.core.profiles import ProfileStore

        try:
            fingerprints = [(p.name, p.certificate_sha256) for p in ProfileStore().list() if p.certificate_sha256]
        except OSError:
            fingerprints = []
        return PracticeInput(profile_fingerprints=fingerprints, lifetime=self.lifetime)


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).netloc or url


def window_verify(state: AppState) -> Any:
    """The TLS trust the window's Send uses (its trust setting and CA file), for orgs other than the practice org."""
    from sfjwt_gui.core.trust import Trust, ssl_context

    try:
        return ssl_context(Trust(state.trust or "certifi"), state.ca_file)
    except Exception:  # an unreadable CA file: fall back to the default trust; the send page reports the file
        return True


def practice_access(server: Any) -> OrgAccess:
    """The practice org's admin token (what practice mode hands the window)."""
    from sfjwt_gui.core.org.client import OrgConnection  # httpx: not on the start-up path

    connection = OrgConnection(str(server.url), str(server.admin_access_token), source="practice")
    return OrgAccess(Source.PRACTICE, _host(connection.base), connection, verify=server.client_ssl_context() or True)


def session_token(state: AppState) -> Any:
    """The access token of this session's last successful JWT exchange (``TokenInfo``), or None."""
    flow = state.flow
    exchange = getattr(flow, "exchange", None) or state.result
    return getattr(exchange, "token", None) if getattr(exchange, "ok", False) else None


def session_access(state: AppState) -> OrgAccess | None:
    """This session's JWT token as an admin connection (its user may or may not read Setup), or None."""
    token = session_token(state)
    if token is None:
        return None
    from sfjwt_gui.core.org.client import OrgConnection  # httpx: not on the start-up path

    connection = OrgConnection.from_token(token)
    server = state.practice
    verify = window_verify(state)
    if server is not None and connection.base.startswith(str(server.url)):
        verify = server.client_ssl_context() or True
    return OrgAccess(Source.SESSION, _host(connection.base), connection, verify=verify)


def sf_access(alias: str, state: AppState) -> OrgAccess:
    """A Salesforce CLI org by alias (the token is fetched from ``sf`` when the inspection runs)."""
    return OrgAccess(Source.SF_CLI, alias, alias=alias, verify=window_verify(state))


def pasted_access(url: str, token: str, state: AppState) -> OrgAccess:
    """A pasted instance URL and access token (``BadPaste`` naming the bad field: the box says what to paste)."""
    url, token = url.strip().rstrip("/"), "".join(token.split())
    if not url.startswith("https://") or len(url) > MAX_URL or " " in url:
        raise BadPaste("url")
    if not token or len(token) > MAX_TOKEN:
        raise BadPaste("token")
    from sfjwt_gui.core.org.client import OrgConnection  # httpx: not on the start-up path

    connection = OrgConnection(url, token, source="pasted")
    return OrgAccess(Source.PASTED, _host(url), connection, verify=window_verify(state))


def default_access(state: AppState) -> OrgAccess | None:
    """The admin connection to use: the one chosen, else the running practice org's admin token."""
    chosen = state.org_access
    if chosen is not None and chosen.source is Source.PRACTICE:
        server = state.practice
        if server is None or chosen.connection is None or chosen.connection.base != str(server.url).rstrip("/"):
            chosen = None  # that practice org stopped: its token is gone with it
    if chosen is not None:
        return chosen
    return practice_access(state.practice) if state.practice is not None else None


def request_from(state: AppState) -> InspectRequest | None:
    """The claims to check: those last sent, else the connection's; None without a consumer key and username."""
    claims = getattr(state.flow, "claims", None) or state.claims
    iss = getattr(claims, "iss", None) or state.consumer_key
    sub = getattr(claims, "sub", None) or state.username
    aud = getattr(claims, "aud", None) or state.audience
    if not iss or not sub:
        return None
    exp, iat = getattr(claims, "exp", None), getattr(claims, "iat", None)
    lifetime = exp - iat if isinstance(exp, int) and isinstance(iat, int) else None
    from sfjwt_gui.core.signer import signing_public_key  # a token or KMS key: its public half, never the key

    public = signing_public_key(state.private_key)
    return InspectRequest(str(iss), str(sub), str(aud) if aud else None, state.certificate, lifetime, public)


def inspect_job(access: OrgAccess, request: InspectRequest, *, cancel: Any = None) -> Inspection:
    """Worker thread: resolve the admin connection and inspect the org (``cancel``: stops between requests)."""
    from sfjwt_gui.core.org.inspect import inspect_org

    return inspect_org(
        access.resolve(),
        iss=request.iss,
        sub=request.sub,
        aud=request.aud,
        certificate=request.certificate,
        signing_key=request.signing_key,
        practice_input=request.practice_input(),
        verify=access.verify,
        cancel=cancel,
    )


def with_org_answers(diagnosis: Any, inspection: Inspection | None, lang: str) -> Any:
    """A copy of ``diagnosis`` with the org's answers (``core.org.attach``); the shared one is left as it is."""
    if diagnosis is None or inspection is None:
        return diagnosis
    import copy

    from sfjwt_gui.core.org.attach import add_org_answers

    return add_org_answers(copy.deepcopy(diagnosis), inspection, lang)


@dataclass(frozen=True)
class OrgInspection:
    """The org's answers and the exchange result they were asked about (the Diagnosis applies them to that one)."""

    inspection: Inspection
    result: Any = field(default=None, repr=False, compare=False)
    access_label: str = ""
    scenario: str = ""  # the practice org's scenario when it answered ("" for a real org)


def practice_scenario(state: AppState) -> str:
    """The running practice org's scenario name ("" without a practice org)."""
    server = state.practice
    return str(server.scenario.name) if server is not None else ""


def scenario_since(answers: OrgInspection | None, state: AppState) -> tuple[str, str] | None:
    """(scenario then, scenario now) when the practice org changed scenario since ``answers``: they are history."""
    if answers is None or not answers.scenario:
        return None
    now = practice_scenario(state)
    return (answers.scenario, now) if now and now != answers.scenario else None
