"""The practice org's HTTP(S) server: Salesforce's token endpoint, identity URL and API versions on loopback.

``PracticeServer`` runs in a thread (context manager) on 127.0.0.1 only::

    with PracticeServer() as server:          # healthy org, fresh demo key, plain HTTP, free port
        server.token_url                       # http://127.0.0.1:PORT/services/oauth2/token
        server.demo_private_key                # sign with this (iss=server.consumer_key, sub=server.username)
        server.set_scenario("wrong-audience")  # switch at runtime
        server.faults.latency = 2.0            # and inject faults at runtime

Endpoints:

- ``POST /services/oauth2/token`` (parameters in a form body or the query string): the checks of ``practice.checks``
  in order; refusals are HTTP 400 with the exact Salesforce body and the headers a raw Salesforce 400 shows
  (``Content-Type: application/json;charset=UTF-8``, ``Cache-Control: no-cache,must-revalidate,max-age=0,no-store,
  private``). Success returns the five fields the JWT flow documents (access_token, scope, instance_url, id,
  token_type; never a refresh token) plus two practice-org extras, issued_at and signature, whose presence on real
  JWT responses is unconfirmed. ``instance_url`` and ``id`` point at this server (a real org points at its My
  Domain) so clients can call them. An Experience Cloud site's token endpoint (``/customers/services/oauth2/token``
  for a site URL ``https://acme.my.site.com/customers`` in ``site_urls``) answers too, adding ``sfdc_community_url``
  and ``sfdc_community_id``.
- ``GET /id/<orgId>/<userId>`` and ``GET /services/data/`` (and ``/services/data/vNN.0/``) with
  ``Authorization: Bearer <token>``; a bad token gives HTTP 401 and ``INVALID_SESSION_ID``.
- ``GET /services/data/vNN.0/query`` and ``POST /services/Soap/m/NN.0``: the org inspector's reads (exactly its
  queries, ``listMetadata``/``readMetadata``), answered from the current scenario's org by ``practice.org_api``;
  only ``admin_access_token`` may read setup. Token requests are recorded in ``login_history``.
- Every response carries a ``Date`` header from the server clock plus ``faults.clock_offset``.

Resources stay bounded whatever clients do (``ConnectionLimits``): a fixed pool of workers serves connections (a
bounded number more wait, any beyond are closed on arrival), a silent connection is closed after ``idle_timeout``
and a TLS handshake or a request not read within ``request_deadline`` (however slowly it trickles in) is cut; the
TLS folder of a server that was killed is removed when the next one starts (``tls.sweep_stale_folders``).

Plain HTTP is accepted on loopback (Salesforce itself answers ``HTTPS required``); set ``faults.require_https``
to practise that refusal.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import email.utils
import hashlib
import hmac
import json
import re
import secrets
import socket
import ssl
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

from sfjwt_gui.practice import checks
from sfjwt_gui.practice.faults import Faults
from sfjwt_gui.practice.org import Org, User, default_org
from sfjwt_gui.practice.org_api import ADMIN_USERNAME, LoginHistory, OrgApi, record_login
from sfjwt_gui.practice.scenarios import Scenario, get_scenario
from sfjwt_gui.practice.tls import LocalTls, create_local_tls

TOKEN_PATH = "/services/oauth2/token"  # noqa: S105 - a URL path, not a secret
MAX_BODY = 1 << 20


@dataclass(frozen=True)
class ConnectionLimits:
    """What one client can hold of the server, however it behaves."""

    workers: int = 32  # connections served at once
    waiting: int = 224  # connections accepted and waiting for a worker; more at once are closed on arrival
    idle_timeout: float = 10.0  # seconds a connection may sit silent (per read, and between keep-alive requests)
    request_deadline: float = 15.0  # seconds for the TLS handshake, and for each request's line, headers and body


MAX_SESSIONS = 100_000
API_VERSIONS = (("Spring '25", "63.0"), ("Summer '25", "64.0"), ("Winter '26", "65.0"), ("Spring '26", "66.0"))
INVALID_SESSION_BODY = b'[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]'
NOT_FOUND_BODY = b'[{"errorCode":"NOT_FOUND","message":"The requested resource does not exist"}]'
MAINTENANCE_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>Salesforce - Down for Maintenance</title></head>\n"
    b"<body><h1>Down for Maintenance</h1>\n"
    b"<p>Salesforce is down for scheduled maintenance. We will be back shortly. "
    b"Check https://status.salesforce.com for updates.</p>\n</body></html>\n"
)
SERVER_ERROR_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>Internal Server Error</title></head>\n"
    b"<body><h1>An internal server error has occurred</h1>\n"
    b"<p>An error has occurred while processing your request. The salesforce.com support team has been notified "
    b"of the problem.</p>\n</body></html>\n"
)
JSON_TYPE = "application/json"
API_JSON_TYPE = "application/json;charset=UTF-8"
# the token endpoint's headers as a raw Salesforce 400 shows them (salesforce.stackexchange.com q. 207685)
TOKEN_HEADERS = {"Cache-Control": "no-cache,must-revalidate,max-age=0,no-store,private", "Pragma": "no-cache"}
HTML_TYPE = "text/html;charset=UTF-8"
_TOKEN_TRANSLATION = str.maketrans("+/", "._")
_QUERY_PATH = re.compile(r"/services/data/v\d{2,3}\.0/query/?")
_SESSION_ID = re.compile(rb"<(?:\w+:)?sessionId>([^<]{1,500})</(?:\w+:)?sessionId>")


def _session_id(body: bytes) -> str:
    """The SessionHeader's sessionId of a SOAP request ('' when there is none)."""
    found = _SESSION_ID.search(body[:20000])
    return (
        found.group(1).decode("ascii", "replace") if found else ""
    )  # access tokens use letters, digits, '.' and '_'; never '=' here


@dataclass(frozen=True)
class Session:
    """An access token the server issued."""

    org_id: str
    user_id: str
    username: str
    consumer_key: str
    scopes: tuple[str, ...]
    issued_at: int
    admin: bool = False  # may read setup (the org inspector's queries and metadata)


def _certificate_pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode()


DEMO_KEY_CN = "sfjwt practice demo key"


def is_demo_certificate(cert: x509.Certificate | None) -> bool:
    """Whether ``cert`` is a practice server's throw-away demo certificate (self-signed, CN ``DEMO_KEY_CN``)."""
    if cert is None or cert.subject != cert.issuer:
        return False
    from cryptography.x509.oid import NameOID

    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return [attribute.value for attribute in names] == [DEMO_KEY_CN]


def _demo_certificate(key: RSAPrivateKey, cn: str) -> x509.Certificate:
    import datetime as dt

    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import NameOID

    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    now = dt.datetime.now(dt.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .sign(key, hashes.SHA256())
    )


class PracticeServer:
    """A Salesforce-compatible token endpoint on 127.0.0.1, in a background thread."""

    def __init__(
        self,
        *,
        org: Org | None = None,
        scenario: str = "healthy",
        certificate: x509.Certificate | None = None,
        tls: bool = False,
        port: int = 0,
        faults: Faults | None = None,
        log: Callable[[str], None] | None = None,
        limits: ConnectionLimits | None = None,
    ) -> None:
        base = org or default_org()
        self.limits = limits or ConnectionLimits()
        if not base.apps or not base.users:
            from sfjwt_gui.core.errors import OrgModelError

            raise OrgModelError("The practice org needs at least one app and one user.", fix="Add them to the org.")
        self.demo_private_key: RSAPrivateKey | None = None
        self.demo_certificate: x509.Certificate | None = None
        self._uploaded_pem: str | None = None
        self._raw_org = base
        if certificate is not None:
            self._uploaded_pem = _certificate_pem(certificate)
        elif any(app.certificate_pem is None for app in base.apps):
            self.demo_private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            self.demo_certificate = _demo_certificate(self.demo_private_key, DEMO_KEY_CN)
            self._uploaded_pem = _certificate_pem(self.demo_certificate)
        self._base_org = self._upload(base, default_app=certificate is not None)
        self._base_faults = (faults or Faults()).snapshot()
        self.faults = faults if faults is not None else Faults()
        self._tls_requested = tls
        self._port = port
        self._log = log
        self._state_lock = threading.RLock()
        self._sessions: dict[str, Session] = {}
        self._token_key: RSAPrivateKey | None = None  # signs JWT-based access tokens; made on first use
        self._logins = 0
        self._other_cert_pem: str | None = None
        self._scenario = get_scenario(scenario)
        self._org = self._scenario.configure(self._base_org, self._other_certificate_pem)
        self.faults.update(**dict(self._scenario.faults))
        self._httpd: _HttpServer | None = None
        self._thread: threading.Thread | None = None
        self._tls: LocalTls | None = None
        self._client_context: tuple[Path, ssl.SSLContext] | None = None  # client_ssl_context(), per CA file
        self.login_history = LoginHistory()
        self.org_api = OrgApi(self.login_history)
        admin_secret = base64.b64encode(secrets.token_bytes(72)).decode().translate(_TOKEN_TRANSLATION)
        self.admin_access_token = f"{base.org_id15}!AQ{admin_secret}"  # for the org inspector; never logged
        self._admin_session = Session(
            base.org_id, "0055g00000AdMiNAAA", ADMIN_USERNAME, "PlatformCLI", ("full",), 0, admin=True
        )

    # ------------------------------------------------------------------ life cycle

    def start(self) -> PracticeServer:
        """Bind to 127.0.0.1 and serve in a daemon thread."""
        if self._httpd is not None:
            return self
        if not 0 <= self._port <= 65535:
            from sfjwt_gui.core.errors import InputError

            raise InputError(
                f"Port {self._port} is not a TCP port.", fix="Choose a port from 1 to 65535, or 0 for a free one."
            )
        context = None
        if self._tls_requested:
            self._tls = create_local_tls()
            context = self._tls.server_context()
        try:
            self._httpd = _HttpServer(("127.0.0.1", self._port), _Handler, self, context)
        except OSError as exc:
            if self._tls:
                self._tls.close()
                self._tls = None
            from sfjwt_gui.core.errors import InputError

            raise InputError(
                f"Cannot listen on 127.0.0.1 port {self._port}: {exc.strerror or exc}.",
                fix="Choose another port, or port 0 for a free one.",
            ) from exc
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.1}, name="sfjwt-practice", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, close the socket and delete the TLS files."""
        httpd, self._httpd = self._httpd, None
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        if self._tls is not None:
            self._tls.close()
            self._tls = None

    def serve_until(self, stop: threading.Event) -> None:
        """Block until ``stop`` is set (used by ``sfjwt practice serve``)."""
        self.start()
        while not stop.wait(0.5):
            pass

    def __enter__(self) -> PracticeServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # ------------------------------------------------------------------ what clients need

    @property
    def port(self) -> int:
        """The bound port (after ``start``)."""
        if self._httpd is None:
            raise RuntimeError("PracticeServer is not running; use it as a context manager or call start().")
        return int(self._httpd.server_address[1])

    @property
    def tls(self) -> bool:
        """True when serving HTTPS."""
        return self._tls_requested

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:5555``."""
        return f"{'https' if self._tls_requested else 'http'}://127.0.0.1:{self.port}"

    @property
    def token_url(self) -> str:
        """The token endpoint URL."""
        return self.url + TOKEN_PATH

    @property
    def ca_file(self) -> Path | None:
        """The local CA certificate clients must trust (HTTPS only)."""
        return self._tls.ca_file if self._tls else None

    def client_ssl_context(self) -> ssl.SSLContext | None:
        """A client-side TLS context that trusts only this server's local CA (None for plain HTTP).

        Made once per CA and shared (a client context is safe to use from several threads): building one reads the
        CA file and costs a millisecond or two, too much to repeat on the GUI thread at every state change."""
        tls = self._tls
        if tls is None:
            return None
        cached = self._client_context
        if cached is None or cached[0] != tls.ca_file:
            cached = self._client_context = (tls.ca_file, ssl.create_default_context(cafile=str(tls.ca_file)))
        return cached[1]

    @property
    def consumer_key(self) -> str:
        """The consumer key the learner was given (the default app's, before any scenario)."""
        return self._base_org.apps[0].consumer_key

    @property
    def username(self) -> str:
        """The username the learner was given."""
        return self._base_org.users[0].username

    @property
    def audience(self) -> str:
        """The aud a learner starts with: the base org's login URL (scenarios such as wrong-audience refuse it)."""
        return self._base_org.generic_login_url

    @property
    def my_domain_url(self) -> str:
        """The current org's My Domain URL (an accepted ``aud``)."""
        return self.org.my_domain_url

    @property
    def org(self) -> Org:
        """The org as the current scenario shaped it."""
        with self._state_lock:
            return self._org

    @property
    def base_org(self) -> Org:
        """The org before any scenario."""
        return self._base_org

    @property
    def scenario(self) -> Scenario:
        """The current scenario."""
        with self._state_lock:
            return self._scenario

    @property
    def logins(self) -> int:
        """Successful logins since the last scenario switch (what the rate limit counts)."""
        with self._state_lock:
            return self._logins

    def own_audiences(self) -> tuple[str, ...]:
        """This server's base URLs: accepted as ``aud`` like a My Domain host."""
        if self._httpd is None:
            return ()
        scheme = "https" if self._tls_requested else "http"
        return (f"{scheme}://127.0.0.1:{self.port}", f"{scheme}://localhost:{self.port}")

    # ------------------------------------------------------------------ runtime changes

    def set_scenario(self, name: str) -> Scenario:
        """Load a scenario: rebuild the org, reset the faults to the start-up ones plus the scenario's, reset logins."""
        scenario = get_scenario(name)
        org = scenario.configure(self._base_org, self._other_certificate_pem)
        with self._state_lock:
            self._scenario = scenario
            self._org = org
            self._logins = 0
            self.faults.update(**{**self._base_faults.as_dict(), **dict(scenario.faults)})
        return scenario

    def _upload(self, org: Org, *, default_app: bool = False) -> Org:
        """Give the server's certificate to apps without one (and to the default app when ``default_app``)."""
        if self._uploaded_pem is None:
            return org
        apps = tuple(
            dataclasses.replace(app, certificate_pem=self._uploaded_pem)
            if app.certificate_pem is None or (index == 0 and default_app)
            else app
            for index, app in enumerate(org.apps)
        )
        return dataclasses.replace(org, apps=apps)

    def set_certificate(self, certificate: x509.Certificate) -> None:
        """Upload a certificate to the default app and to apps without one (then re-apply the current scenario)."""
        self._uploaded_pem = _certificate_pem(certificate)
        if self.demo_certificate is not None and self.demo_certificate != certificate:
            self.demo_private_key = None
            self.demo_certificate = None
        with self._state_lock:
            self._base_org = self._upload(self._raw_org, default_app=True)
            self._org = self._scenario.configure(self._base_org, self._other_certificate_pem)

    def set_org(self, org: Org) -> None:
        """Replace the whole org at runtime (apps without a certificate get the server's; the scenario applies)."""
        with self._state_lock:
            self._raw_org = org
            self._base_org = self._upload(org)
            self._org = self._scenario.configure(self._base_org, self._other_certificate_pem)

    def reset_logins(self) -> None:
        """Forget past logins (the rate limit starts over)."""
        with self._state_lock:
            self._logins = 0

    def now(self) -> float:
        """The server's clock: real time plus ``faults.clock_offset``."""
        return time.time() + float(self.faults.clock_offset)

    def session(self, token: str) -> Session | None:
        """The session of an access token this server issued."""
        if hmac.compare_digest(token, self.admin_access_token):
            return self._admin_session
        with self._state_lock:
            return self._sessions.get(token)

    def _other_certificate_pem(self) -> str:
        if self._other_cert_pem is None:
            key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            self._other_cert_pem = _certificate_pem(_demo_certificate(key, "someone else's certificate"))
        return self._other_cert_pem

    # ------------------------------------------------------------------ the token endpoint

    def state(self) -> tuple[Org, Faults]:
        """One consistent (org, faults) pair for a request."""
        with self._state_lock:
            return self._org, self.faults.snapshot()

    def exchange(
        self, request: checks.TokenRequest, org: Org, rate_limit_after: int | None = None
    ) -> tuple[int, bytes, str]:
        """Answer one token request: (status, body, log note)."""
        outcome = checks.check_token_request(request, org)
        if outcome.refusal is not None:
            return outcome.refusal.status, outcome.refusal.body(), outcome.refusal.description
        grant = outcome.grant
        assert grant is not None
        with self._state_lock:
            refusal = checks.rate_limit_refusal(self._logins, rate_limit_after)
            if refusal is None:
                self._logins += 1
        if refusal is not None:
            return refusal.status, refusal.body(), refusal.description
        return 200, self._issue_token(grant, org, request.now), "token issued"

    def _jwt_access_token(self, grant: checks.Grant, org: Org, now: float) -> str:
        """A JWT-based access token: the header Salesforce documents (tty sfdc-core-token); the claims approximate."""
        import jwt

        with self._state_lock:
            if self._token_key is None:
                self._token_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            key = self._token_key
        header = {"kid": "practice", "tty": "sfdc-core-token", "tnk": f"core/practice/{org.org_id}", "ver": "1.0"}
        payload = {
            "iss": self.url,
            "sub": f"uid:{grant.user.id}",
            "aud": ["https://api.salesforce.com"],
            "scp": " ".join(grant.scopes),
            "client_id": grant.app.consumer_key,
            "iat": int(now),
            "nbf": int(now),
            "exp": int(now) + 7200,
            "jti": secrets.token_hex(16),
        }
        return jwt.encode(payload, key, algorithm="RS256", headers=header)

    def _issue_token(self, grant: checks.Grant, org: Org, now: float) -> bytes:
        issued_at = int(now * 1000)
        random_part = base64.b64encode(secrets.token_bytes(72)).decode().translate(_TOKEN_TRANSLATION)
        token = f"{org.org_id15}!AQ{random_part}"
        if grant.app.jwt_access_tokens:
            token = self._jwt_access_token(grant, org, now)
        identity = f"{self.url}/id/{org.org_id}/{grant.user.id}"
        mac = hmac.new(grant.app.consumer_secret.encode(), f"{identity}{issued_at}".encode(), hashlib.sha256)
        body = {
            "access_token": token,
            "scope": " ".join(grant.scopes),
            "instance_url": self.url,
            "id": identity,
            "token_type": "Bearer",
            "issued_at": str(issued_at),  # practice-org extra: documented for other flows, unconfirmed for JWT
            "signature": base64.b64encode(mac.digest()).decode(),  # likewise
        }
        if grant.app.jwt_access_tokens:
            body["token_format"] = "jwt"  # noqa: S105 - a format name, not a secret
        if grant.site:  # a token asked through an Experience Cloud site's endpoint
            body |= {"sfdc_community_url": grant.site, "sfdc_community_id": org.community_id}
        session = Session(
            org.org_id, grant.user.id, grant.user.username, grant.app.consumer_key, grant.scopes, issued_at
        )
        with self._state_lock:
            self._sessions[token] = session
            if len(self._sessions) > MAX_SESSIONS:  # a long benchmark must not grow memory without bound
                del self._sessions[next(iter(self._sessions))]
        return json.dumps(body, separators=(",", ":")).encode()

    def identity(self, session: Session, org: Org, user: User) -> dict[str, Any]:
        """The identity service's answer for ``user``."""
        base = self.url
        first, _, last = (user.display_name or user.username).partition(" ")
        return {
            "id": f"{base}/id/{org.org_id}/{user.id}",
            "asserted_user": session.user_id == user.id,
            "user_id": user.id,
            "organization_id": org.org_id,
            "username": user.username,
            "nick_name": user.username.split("@")[0],
            "display_name": user.display_name or user.username,
            "email": user.email or user.username,
            "email_verified": True,
            "first_name": first,
            "last_name": last,
            "timezone": "GMT",
            "active": user.active,
            "user_type": "STANDARD",
            "language": "en_US",
            "locale": "en_US",
            "utcOffset": 0,
            "is_app_installed": True,
            "urls": {
                "enterprise": f"{base}/services/Soap/c/{{version}}/{org.org_id15}",
                "partner": f"{base}/services/Soap/u/{{version}}/{org.org_id15}",
                "rest": f"{base}/services/data/v{{version}}/",
                "sobjects": f"{base}/services/data/v{{version}}/sobjects/",
                "query": f"{base}/services/data/v{{version}}/query/",
                "profile": f"{base}/{user.id}",
            },
        }

    def log(self, line: str) -> None:
        """Report one request (never tokens or assertions) to the log callback."""
        if self._log is not None:
            self._log(line)


class _Deadline:
    """Shuts a connection's socket down if the request has not been read within ``seconds`` (a client trickling
    its handshake, headers or body one byte at a time resets every per-read timeout, never this one)."""

    def __init__(self, sock: socket.socket, seconds: float) -> None:
        self._timer = threading.Timer(seconds, self._cut, args=(sock,))
        self._timer.daemon = True
        self._timer.start()

    @staticmethod
    def _cut(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        """The request was read in time."""
        self._timer.cancel()


class _HttpServer(HTTPServer):
    """Connections are served by a bounded pool of workers; beyond ``workers + waiting`` connections at once, a new
    one is closed at once instead of costing a thread (1,500 half-open TLS connections cost nothing)."""

    request_queue_size = 256

    def __init__(
        self,
        address: tuple[str, int],
        handler: type[BaseHTTPRequestHandler],
        practice: PracticeServer,
        context: ssl.SSLContext | None,
    ) -> None:
        self.practice = practice
        self.ssl_context = context
        self.limits = practice.limits
        self._slots = threading.BoundedSemaphore(self.limits.workers + self.limits.waiting)
        self._pool = ThreadPoolExecutor(self.limits.workers, thread_name_prefix="sfjwt-practice-worker")
        super().__init__(address, handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._slots.acquire(blocking=False):
            self.shutdown_request(request)  # every worker busy and the waiting line full: refuse, do not queue
            return
        try:
            future = self._pool.submit(self._serve, request, client_address)
        except RuntimeError:  # shutting down
            self._slots.release()
            self.shutdown_request(request)
            return
        future.add_done_callback(lambda done: self._close_unserved(done, request))

    def _close_unserved(self, future: Any, request: Any) -> None:
        """A request still waiting for a worker when the server closed (its future cancelled) is hung up on here:
        ``_serve`` never ran, and its socket would otherwise be left for the garbage collector."""
        if future.cancelled():
            self.shutdown_request(request)
            self._slots.release()

    def _serve(self, request: Any, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)
            self._slots.release()

    def server_close(self) -> None:
        super().server_close()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def get_request(self) -> tuple[Any, Any]:
        sock, address = super().get_request()
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # answers are small: no Nagle delay
        if self.ssl_context is not None:
            # handshake later, in the request's own thread, so a slow client cannot stall the accept loop
            sock = self.ssl_context.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        return sock, address

    def handle_error(self, request: Any, client_address: Any) -> None:
        # clients that do not trust the CA, hang up, or reset are normal here; keep stderr quiet
        pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "sfjwt-practice"
    server: _HttpServer
    _deadline: _Deadline | None = None

    def handle_one_request(self) -> None:
        self._deadline = _Deadline(self.connection, self.server.limits.request_deadline)
        try:
            super().handle_one_request()
        finally:
            self._deadline.cancel()

    def request_read(self) -> None:
        """The request (line, headers and body) is in: from here its answer may take as long as faults say."""
        if self._deadline is not None:
            self._deadline.cancel()

    def version_string(self) -> str:
        return self.server_version  # without the Python version (and the stray space an empty one leaves)

    def setup(self) -> None:
        super().setup()
        # each read and write of the socket, and the wait for the next keep-alive request
        self.connection.settimeout(self.server.limits.idle_timeout)
        if isinstance(self.connection, ssl.SSLSocket):
            handshake = _Deadline(self.connection, self.server.limits.request_deadline)
            try:
                self.connection.do_handshake()
            finally:
                handshake.cancel()

    @property
    def practice(self) -> PracticeServer:
        return self.server.practice

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the practice log callback gets a safe summary instead

    def date_time_string(self, timestamp: float | None = None) -> str:
        return email.utils.formatdate(self.practice.now() if timestamp is None else timestamp, usegmt=True)

    def do_GET(self) -> None:
        self._handle()

    def do_HEAD(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def do_PATCH(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    # ------------------------------------------------------------------

    def _read_chunked(self) -> bytes | None:
        body = b""
        while True:
            size_line = self.rfile.readline(100).split(b";", 1)[0].strip()
            try:
                size = int(size_line, 16)
            except ValueError:
                return None
            if size == 0:
                while self.rfile.readline(1000).strip():  # trailers
                    pass
                return body
            if len(body) + size > MAX_BODY:
                return None
            body += self.rfile.read(size)
            self.rfile.readline(10)  # CRLF after the chunk

    def _read_body(self) -> bytes | None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked()
        length_header = self.headers.get("Content-Length")
        if length_header is None:
            return b""
        try:
            length = int(length_header)
        except ValueError:
            return None
        if length < 0 or length > MAX_BODY:
            return None
        return self.rfile.read(length)

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str,
        faults: Faults,
        headers: dict[str, str] | None = None,
    ) -> None:
        if faults.malformed_json and content_type.startswith(JSON_TYPE):
            body = body[: max(1, len(body) // 2)]
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _handle(self) -> None:
        practice = self.practice
        org, faults = practice.state()
        body = self._read_body()
        self.request_read()
        path = urlsplit(self.path).path
        if faults.latency > 0:
            time.sleep(faults.latency)
        if faults.drop_connection:
            self.close_connection = True
            practice.log(f"{self.command} {path} -> connection dropped (fault)")
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        if body is None:
            self.close_connection = True
            self._send(413, b"", HTML_TYPE, faults)
            return
        if faults.maintenance:
            practice.log(f"{self.command} {path} -> 503 maintenance page (fault)")
            self._send(503, MAINTENANCE_PAGE, HTML_TYPE, faults, {"Retry-After": "600"})
            return
        if faults.server_error:
            practice.log(f"{self.command} {path} -> 500 (fault)")
            self._send(500, SERVER_ERROR_PAGE, HTML_TYPE, faults)
            return
        if path.rstrip("/") == TOKEN_PATH:
            self._token(org, faults, body)
        elif (site := org.site_for_path(path)) is not None:
            self._token(org, faults, body, site)
        elif path.startswith("/id/"):
            self._identity(org, faults, path)
        elif _QUERY_PATH.fullmatch(path):
            self._org_query(org, faults, path)
        elif path.startswith("/services/Soap/m/"):
            self._org_metadata(org, faults, path, body)
        elif path.rstrip("/") == "/services/data" or path.startswith("/services/data/v"):
            self._data(faults, path)
        else:
            practice.log(f"{self.command} {path} -> 404")
            self._send(404, NOT_FOUND_BODY, API_JSON_TYPE, faults)

    def _token(self, org: Org, faults: Faults, body: bytes, site: str | None = None) -> None:
        practice = self.practice
        request = checks.TokenRequest(
            method=self.command,
            tls=isinstance(self.connection, ssl.SSLSocket),
            content_type=self.headers.get("Content-Type"),
            body=body,
            client_ip=str(self.client_address[0]),
            now=time.time() + float(faults.clock_offset),
            extra_audiences=practice.own_audiences(),
            require_https=bool(faults.require_https),
            query=urlsplit(self.path).query,
            site=site,
        )
        status, answer, note = practice.exchange(request, org, faults.rate_limit_after)
        record_login(practice.login_history, org, body, status, note, request.client_ip, request.now, practice.url)
        practice.log(f"{self.command} {TOKEN_PATH} -> {status} {note}")
        self._send(status, answer, API_JSON_TYPE, faults, TOKEN_HEADERS)

    def _session(self) -> Session | None:
        header = self.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() not in ("bearer", "oauth") or not token.strip():
            return None
        return self.practice.session(token.strip())

    def _unauthorized(self, faults: Faults, path: str) -> None:
        self.practice.log(f"{self.command} {path} -> 401 INVALID_SESSION_ID")
        self._send(401, INVALID_SESSION_BODY, API_JSON_TYPE, faults, {"WWW-Authenticate": "Token"})

    def _identity(self, org: Org, faults: Faults, path: str) -> None:
        session = self._session()
        if session is None:
            self._unauthorized(faults, path)
            return
        parts = path.strip("/").split("/")
        user = org.find_user_by_id(parts[2]) if len(parts) == 3 else None
        if user is None or parts[1][:15] != org.org_id15 or session.org_id != org.org_id:
            self.practice.log(f"{self.command} {path} -> 404 Bad_Id")
            self._send(404, NOT_FOUND_BODY, API_JSON_TYPE, faults)
            return
        answer = json.dumps(self.practice.identity(session, org, user), separators=(",", ":")).encode()
        self.practice.log(f"{self.command} /id/… -> 200 identity")
        self._send(200, answer, API_JSON_TYPE, faults)

    def _org_query(self, org: Org, faults: Faults, path: str) -> None:
        session = self._session()
        if session is None:
            self._unauthorized(faults, path)
            return
        version = path.split("/")[3].removeprefix("v")
        soql = " ".join(parse_qs(urlsplit(self.path).query).get("q", [""])[:1])
        status, answer = self.practice.org_api.query(org, soql, version, session.admin)
        self.practice.log(f"{self.command} {path} -> {status} query")
        self._send(status, answer, API_JSON_TYPE, faults)

    def _org_metadata(self, org: Org, faults: Faults, path: str, body: bytes) -> None:
        token = _session_id(body)
        session = self.practice.session(token) if token else None
        if session is None:
            from sfjwt_gui.practice.org_api import soap_fault

            self._send(
                500,
                soap_fault(
                    "sf:INVALID_SESSION_ID",
                    "INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session",
                ),
                "text/xml;charset=UTF-8",
                faults,
            )
            return
        status, answer = self.practice.org_api.metadata(org, body, session.admin)
        self.practice.log(f"{self.command} {path} -> {status} metadata")
        self._send(status, answer, "text/xml;charset=UTF-8", faults)

    def _data(self, faults: Faults, path: str) -> None:
        if self._session() is None:
            self._unauthorized(faults, path)
            return
        version = path.rstrip("/").removeprefix("/services/data").strip("/")
        answer: Any
        if not version:
            answer = [{"label": label, "url": f"/services/data/v{v}", "version": v} for label, v in API_VERSIONS]
        elif version.removeprefix("v") in {v for _, v in API_VERSIONS}:
            base = f"/services/data/{version}"
            answer = {name: f"{base}/{name}" for name in ("limits", "query", "sobjects", "search")}
        else:
            self._send(404, NOT_FOUND_BODY, API_JSON_TYPE, faults)
            return
        self.practice.log(f"{self.command} {path} -> 200")
        self._send(200, json.dumps(answer, separators=(",", ":")).encode(), API_JSON_TYPE, faults)


__all__ = ["DEMO_KEY_CN", "PracticeServer", "Session", "is_demo_certificate"]
