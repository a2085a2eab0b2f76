"""The token exchange: POST the assertion, record a secret-free transcript, classify whatever happens.

``request_token`` never raises for network or server trouble: it returns an ``ExchangeResult`` whose ``outcome``
says what happened (see ``sfjwt_gui.core.outcome``). Only transient failures are retried (connect errors and
502/503/504), with bounded exponential backoff and jitter; a 4xx is never retried because every exchange counts as
a Salesforce login. A ``CancelToken`` stops a backoff wait at once and aborts a request in flight.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import socket
import ssl
import threading
import time
import urllib.parse
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import httpx

from sfjwt_gui import __version__
from sfjwt_gui.core import safe_json
from sfjwt_gui.core.outcome import Detail, NetworkKind, Outcome
from sfjwt_gui.core.redact import mask_token, redact, shorten_jwt
from sfjwt_gui.core.retry import CancelToken, RetryPolicy, is_transient_status
from sfjwt_gui.core.transcript import Attempt, Transcript
from sfjwt_gui.core.trust import Trust, describe, ssl_context

__all__ = [
    "DATE_RESOLUTION",
    "GRANT_TYPE",
    "ApiCheck",
    "CancelToken",
    "Detail",
    "ExchangeOptions",
    "ExchangeResult",
    "NetworkKind",
    "Outcome",
    "TokenInfo",
    "Trust",
    "check_api",
    "classify_exception",
    "classify_exception_detail",
    "local_failure",
    "request_token",
]

log = logging.getLogger("sfjwt_gui.core.exchange")

GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer"
DATE_RESOLUTION = 1.0  # seconds: an HTTP Date header carries whole seconds
_BODY_LIMIT = 8000  # characters of a response body kept in the transcript
_REDACT_MARGIN = 4096  # characters past the limit redacted too, so a secret cut by the limit is still masked
ANSWER_LIMIT = 2_000_000  # bytes of a decoded answer read at most (a token answer is a few KB): no gzip bomb
_RAW_CHUNK = 4096  # compressed bytes decoded at a time: at most ~4 MB of output per step even at zlib's best ratio
_USER_AGENT = f"sfjwt-gui/{__version__}"
_FORM_HEADERS = {
    "Content-Type": "application/x-www-form-urlencoded",
    "Accept": "application/json",
    "Accept-Encoding": "gzip, deflate",  # only what _read_answer decodes with a bound
    "User-Agent": _USER_AGENT,
}


@dataclass(frozen=True)
class ExchangeOptions:
    """How to talk to the token endpoint. Timeouts in seconds; TLS is always verified."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    trust: Trust = Trust.CERTIFI
    ca_bundle: str | Path | None = None
    max_retries: int = 2
    reveal_assertion: bool = False
    reveal_token: bool = False
    backoff_base: float = 0.5
    backoff_max: float = 8.0
    trust_env: bool = True  # HTTPS_PROXY / NO_PROXY / SSL_CERT_FILE from the environment

    @property
    def attempt_deadline(self) -> float:
        """Seconds one attempt may take in all (connect, TLS, send, the whole answer), however a server trickles."""
        return self.connect_timeout + self.read_timeout

    @property
    def retry_policy(self) -> RetryPolicy:
        """The retry policy these options imply."""
        return RetryPolicy(
            max_retries=max(0, self.max_retries), base_delay=self.backoff_base, max_delay=self.backoff_max
        )


@dataclass(frozen=True)
class TokenInfo:
    """A successful answer. ``access_token`` is kept for use but never shown by repr/str/to_json unless asked."""

    access_token: str = field(repr=False)
    instance_url: str
    id_url: str
    org_id: str | None
    user_id: str | None
    scope: str | None
    token_type: str | None
    issued_at: int | None
    signature: str | None = None
    token_format: str | None = None  # "jwt": a JWT-based access token (External Client App setting)

    @property
    def masked_token(self) -> str:
        """The token with its secret part hidden."""
        return mask_token(self.access_token)

    def format_note(self, lang: str = "en") -> str | None:
        """What a JWT-based access token is (``token_format`` ``jwt``), for the success card and the CLI; else None."""
        if self.token_format != "jwt":  # noqa: S105 - a format name, not a secret
            return None
        from sfjwt_gui.core.catalogue import load_catalogue

        return load_catalogue().label("jwt_access_token", lang)

    def masked_token_in(self, lang: str = "en") -> str:
        """``masked_token`` for a screen in ``lang`` (``(112 文字)`` in Japanese)."""
        return mask_token(self.access_token, lang)

    def __repr__(self) -> str:
        return (
            f"TokenInfo(access_token={self.masked_token!r}, instance_url={self.instance_url!r}, "
            f"org_id={self.org_id!r}, user_id={self.user_id!r}, scope={self.scope!r})"
        )

    __str__ = __repr__

    def to_json(self, *, reveal: bool = False) -> dict[str, Any]:
        """JSON view; the access token only with ``reveal=True``."""
        data: dict[str, Any] = {
            "instance_url": self.instance_url,
            "id": self.id_url,
            "org_id": self.org_id,
            "user_id": self.user_id,
            "scope": self.scope,
            "token_type": self.token_type,
            "issued_at": self.issued_at,
            "token_format": self.token_format,
        }
        if reveal:
            data["access_token"] = self.access_token
        return data

    @classmethod
    def from_response(cls, data: Mapping[str, Any]) -> TokenInfo:
        """Parse Salesforce's success JSON (``id`` is ``…/id/<orgId>/<userId>``)."""
        id_url = str(data.get("id") or "")
        parts = [p for p in urllib.parse.urlsplit(id_url).path.split("/") if p]
        org_id = user_id = None
        if len(parts) >= 3 and parts[-3] == "id":
            org_id, user_id = parts[-2], parts[-1]
        issued = data.get("issued_at")
        try:
            issued_at = int(issued) if issued is not None else None
        except (TypeError, ValueError):
            issued_at = None
        return cls(
            access_token=str(data["access_token"]),
            instance_url=str(data.get("instance_url") or ""),
            id_url=id_url,
            org_id=org_id,
            user_id=user_id,
            scope=data.get("scope"),
            token_type=data.get("token_type"),
            issued_at=issued_at,
            signature=data.get("signature"),
            token_format=str(data["token_format"]) if data.get("token_format") else None,
        )


@dataclass
class ExchangeResult:
    """What happened: the outcome, the transcript and whatever the server said."""

    outcome: Outcome
    transcript: Transcript
    token: TokenInfo | None = None
    error: str | None = None
    error_description: str | None = None
    server_date: str | None = None
    clock_offset: float | None = None
    clock_uncertainty: float | None = None  # ± seconds: the Date header's whole seconds plus the time in flight
    network_detail: str | None = None  # English; ``network_detail_in(lang)`` for other languages
    network_kind: NetworkKind | None = None
    token_url: str = ""
    status: int | None = None
    content_type: str | None = None
    body: str = ""  # the final response body, access token masked
    tls_issuer: str | None = None
    tls_subject: str | None = None
    trust: Trust = Trust.CERTIFI
    elapsed_ms: float = 0.0
    sent_at: float | None = None  # epoch seconds when the final request left
    detail: Detail | None = None  # ``network_detail`` as a text key and values (shown in en or ja)

    def set_detail(self, detail: Detail) -> None:
        """Record what went wrong on the way (``network_detail`` keeps the English sentence)."""
        self.detail = detail
        self.network_detail = detail.text("en")

    def network_detail_in(self, lang: str = "en") -> str | None:
        """``network_detail`` in ``lang`` (``en`` or ``ja``)."""
        return self.detail.text(lang) if self.detail is not None else self.network_detail

    @property
    def ok(self) -> bool:
        """True on success."""
        return self.outcome is Outcome.SUCCESS

    @property
    def server_epoch(self) -> float | None:
        """The server's Date as epoch seconds."""
        return _parse_http_date(self.server_date)

    def to_json(self, *, reveal_token: bool = False) -> dict[str, Any]:
        """Plain JSON (the token only with ``reveal_token``)."""
        return {
            "outcome": str(self.outcome),
            "status": self.status,
            "error": self.error,
            "error_description": self.error_description,
            "network_kind": str(self.network_kind) if self.network_kind else None,
            "network_detail": self.network_detail,
            "tls_issuer": self.tls_issuer,
            "server_date": self.server_date,
            "clock_offset": self.clock_offset,
            "clock_uncertainty": self.clock_uncertainty,
            "token_url": self.token_url,
            "elapsed_ms": round(self.elapsed_ms, 1),
            "token": self.token.to_json(reveal=reveal_token) if self.token else None,
            "transcript": self.transcript.to_json(),
        }


@dataclass
class ApiCheck:
    """Does the token work? Identity and API versions as the org reports them."""

    ok: bool
    username: str | None
    org_id: str | None
    api_versions: list[str]
    transcript: Transcript
    error: str | None = None  # English; ``error_in(lang)`` for other languages
    display_name: str | None = None
    detail: Detail | None = None

    def set_error(self, detail: Detail) -> None:
        """Record why the check failed (``error`` keeps the English sentence)."""
        self.detail = detail
        self.error = detail.text("en")

    def error_in(self, lang: str = "en") -> str | None:
        """``error`` in ``lang`` (``en`` or ``ja``)."""
        return self.detail.text(lang) if self.detail is not None else self.error

    def to_json(self) -> dict[str, Any]:
        """Plain JSON."""
        return {
            "ok": self.ok,
            "username": self.username,
            "org_id": self.org_id,
            "display_name": self.display_name,
            "api_versions": self.api_versions,
            "error": self.error,
            "transcript": self.transcript.to_json(),
        }


# --------------------------------------------------------------------------- helpers


def _parse_http_date(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError):
        return None


def _utc(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _proxy_for(url: str, trust_env: bool) -> str | None:
    """The proxy httpx will use for ``url`` from the environment, credentials masked."""
    if not trust_env:
        return None
    proxies = _env_proxies()
    target = urllib.parse.urlsplit(url)
    if _bypass(target.hostname or ""):
        return None
    proxy = proxies.get(target.scheme) or proxies.get("all")
    if not proxy:
        return None
    parts = urllib.parse.urlsplit(proxy)
    if parts.username or parts.password:
        netloc = f"***@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
        proxy = urllib.parse.urlunsplit(parts._replace(netloc=netloc))
    return proxy


def _env_proxies() -> dict[str, str]:
    found: dict[str, str] = {}
    for scheme in ("http", "https", "all"):
        value = os.environ.get(f"{scheme}_proxy") or os.environ.get(f"{scheme.upper()}_PROXY")
        if value:
            found[scheme] = value
    return found


def _bypass(host: str) -> bool:
    no_proxy = os.environ.get("no_proxy") or os.environ.get("NO_PROXY") or ""
    for entry in (e.strip().lower() for e in no_proxy.split(",")):
        if not entry:
            continue
        if entry == "*" or host == entry.lstrip(".") or host.endswith("." + entry.lstrip(".")):
            return True
    return False


def shown_form_body(assertion: str, *, reveal: bool) -> str:
    """The form body as the transcript shows it (assertion shortened unless ``reveal``)."""
    shown = assertion if reveal else shorten_jwt(assertion)
    return f"grant_type={urllib.parse.quote(GRANT_TYPE, safe='')}&assertion={shown}"


def _parse_json(text: str) -> Any:
    if not text.lstrip().startswith(("{", "[")):
        return None
    try:
        return safe_json.loads(text)
    except ValueError:  # broken, or nested too deep (a hostile answer): not JSON
        return None


def _shown_body(text: str, *, reveal_token: bool, data: Any = None) -> str:
    """The body as the transcript shows it: access token masked (unless revealed), secrets redacted, capped."""
    full = len(text)
    text = text[: _BODY_LIMIT + _REDACT_MARGIN]  # redact only what can be shown (a megabyte would take a second)
    if not reveal_token:
        token = data.get("access_token") if isinstance(data, dict) else None
        if isinstance(token, str) and token:
            text = text.replace(token, mask_token(token))  # JSON keeps a token's characters as they are
        text = redact(text)
    if full > _BODY_LIMIT or len(text) > _BODY_LIMIT:
        more = max(full, len(text)) - _BODY_LIMIT
        text = text[:_BODY_LIMIT] + f"\n… ({more} more characters)"
    return text


def _shown_headers(headers: httpx.Headers, *, reveal: bool) -> list[tuple[str, str]]:
    shown = []
    for name, value in headers.multi_items():
        if not reveal and name.lower() in ("authorization", "cookie", "set-cookie"):
            value = redact(value) if name.lower() == "authorization" else "(hidden)"
        shown.append((name, value))
    return shown


class _Streams:
    """The sockets of requests in flight, so a cancel from another thread can shut them down at once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._streams: list[object] = []  # httpcore network streams (only get_extra_info is used)
        self.aborted = False

    def add(self, stream: object) -> None:
        with self._lock:
            self._streams.append(stream)
            if not self.aborted:
                return
        self._shutdown(stream)

    def abort(self) -> None:
        with self._lock:
            self.aborted = True
            streams = list(self._streams)
        for stream in streams:
            self._shutdown(stream)

    @staticmethod
    def _shutdown(stream: object) -> None:
        get = getattr(stream, "get_extra_info", None)
        sock = get("socket") if get else None
        if isinstance(sock, socket.socket):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # wakes a blocking recv in the request's thread


class _Timer:
    """Collects httpcore trace events into phase timings (and hands new connections to ``_Streams``)."""

    def __init__(self, streams: _Streams | None = None) -> None:
        self.start = time.perf_counter()
        self.marks: dict[str, float] = {}
        self.streams = streams
        self.own = _Streams()  # this attempt's sockets, shut down when its deadline passes

    @property
    def aborted(self) -> bool:
        """True once the attempt's deadline passed."""
        return self.own.aborted

    def abort(self) -> None:
        """The deadline passed: shut down this attempt's sockets."""
        self.own.abort()

    def trace(self, name: str, info: Mapping[str, Any]) -> None:
        self.marks.setdefault(name, time.perf_counter())
        if name in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            stream = info.get("return_value")
            if stream is not None:
                self.own.add(stream)
                if self.streams is not None:
                    self.streams.add(stream)

    def phases(self) -> dict[str, float]:
        m, out = self.marks, {}

        def span(key: str, a: str, b: str) -> None:
            if a in m and b in m:
                out[key] = round((m[b] - m[a]) * 1000, 2)

        span("connect", "connection.connect_tcp.started", "connection.connect_tcp.complete")
        span("tls", "connection.start_tls.started", "connection.start_tls.complete")
        for proto in ("http11", "http2"):
            span("wait", f"{proto}.send_request_body.complete", f"{proto}.receive_response_headers.complete")
        out["total"] = round((time.perf_counter() - self.start) * 1000, 2)
        return out

    def answer_window(self, started: float) -> tuple[float, float] | None:
        """Epoch seconds from the request body sent to the response headers received (``started`` = epoch at start)."""
        for proto in ("http11", "http2"):
            sent = self.marks.get(f"{proto}.send_request_body.complete")
            answered = self.marks.get(f"{proto}.receive_response_headers.complete")
            if sent is not None and answered is not None:
                return started + (sent - self.start), started + (answered - self.start)
        return None


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def classify_exception(exc: BaseException, url: str, *, proxy: str | None = None) -> tuple[NetworkKind, str]:
    """Map an httpx/OS exception to a ``NetworkKind`` and a plain-words detail naming host and cause (English;
    ``classify_exception_detail`` gives the same as a ``Detail`` that also reads in Japanese)."""
    kind, detail = classify_exception_detail(exc, url, proxy=proxy)
    return kind, detail.text("en")


def classify_exception_detail(exc: BaseException, url: str, *, proxy: str | None = None) -> tuple[NetworkKind, Detail]:
    """Map an httpx/OS exception to a ``NetworkKind`` and a ``Detail`` (texts in ``resources/errors/network.json``)."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or url
    where = f"{host}:{parts.port or (443 if parts.scheme == 'https' else 80)}"
    chain = _chain(exc)
    text = " | ".join(dict.fromkeys(str(e) for e in chain if str(e)))  # httpx re-raises with the same text
    tls_verify = any(isinstance(e, ssl.SSLCertVerificationError) for e in chain)
    if isinstance(exc, httpx.ProxyError) or (
        proxy and isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout) and not tls_verify
    ):
        return NetworkKind.PROXY, Detail("proxy_failed", {"proxy": proxy or "", "system": text or type(exc).__name__})
    if isinstance(exc, httpx.TimeoutException):
        phase = "timeout_connect" if isinstance(exc, httpx.ConnectTimeout) else "timeout_read"
        return NetworkKind.TIMEOUT, Detail(phase, {"where": where})
    for e in chain:
        if isinstance(e, ssl.SSLCertVerificationError):
            return NetworkKind.TLS, Detail("tls_untrusted", {"host": host, "system": str(e.verify_message or e)})
    if "CERTIFICATE_VERIFY_FAILED" in text:
        return NetworkKind.TLS, Detail("tls_untrusted", {"host": host, "system": text})
    for e in chain:
        if isinstance(e, socket.gaierror):
            return NetworkKind.DNS, Detail("dns_failed", {"host": host, "system": str(e)})
    lowered = text.lower()
    dns_words = (
        "name or service not known",
        "nodename nor servname",
        "temporary failure in name resolution",
        "getaddrinfo failed",
        "no address associated",
    )
    if any(w in lowered for w in dns_words):
        return NetworkKind.DNS, Detail("dns_failed", {"host": host, "system": text})
    if any(isinstance(e, ConnectionRefusedError) for e in chain) or "connection refused" in lowered:
        return NetworkKind.REFUSED, Detail("refused", {"where": where})
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
        return NetworkKind.DROPPED, Detail("dropped", {"where": where, "system": text or type(exc).__name__})
    if any(isinstance(e, ssl.SSLError) for e in chain):
        return NetworkKind.TLS, Detail("tls_handshake", {"where": where, "system": text})
    return NetworkKind.OTHER, Detail("other", {"error_type": type(exc).__name__, "where": where, "system": text})


def peer_certificate_names(url: str, timeout: float) -> tuple[str | None, str | None]:
    """Fetch the server's leaf certificate WITHOUT trusting it, only to name its issuer in a diagnosis."""
    from cryptography import x509

    parts = urllib.parse.urlsplit(url)
    host, port = parts.hostname or "", parts.port or 443
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE  # read-only look at a certificate that already failed
    try:
        with (
            socket.create_connection((host, port), timeout=timeout) as raw,
            ctx.wrap_socket(raw, server_hostname=host) as tls,
        ):
            der = tls.getpeercert(binary_form=True)
    except OSError:
        return None, None
    if not der:
        return None, None
    cert = x509.load_der_x509_certificate(der)
    return cert.issuer.rfc4514_string(), cert.subject.rfc4514_string()


def _client(options: ExchangeOptions) -> httpx.Client:
    timeout = httpx.Timeout(
        connect=options.connect_timeout,
        read=options.read_timeout,
        write=options.read_timeout,
        pool=options.connect_timeout,
    )
    return httpx.Client(
        verify=ssl_context(options.trust, options.ca_bundle),
        timeout=timeout,
        trust_env=options.trust_env,
        follow_redirects=False,
    )


def _read_answer(response: httpx.Response) -> tuple[bytes, bool]:
    """The decoded body, at most ``ANSWER_LIMIT`` bytes, and whether it was longer (then it is cut there)."""
    encoding = response.headers.get("content-encoding", "").strip().lower()
    decoder = None
    if encoding in ("gzip", "x-gzip", "deflate"):
        decoder = zlib.decompressobj(zlib.MAX_WBITS | 32 if encoding != "deflate" else zlib.MAX_WBITS)
    out = bytearray()
    for raw in response.iter_raw(_RAW_CHUNK):
        room = ANSWER_LIMIT + 1 - len(out)
        out += decoder.decompress(raw, room) if decoder is not None else raw[:room]
        if len(out) > ANSWER_LIMIT:
            return bytes(out[:ANSWER_LIMIT]), True
    return bytes(out), False


def _decode(content: bytes, charset: str | None) -> str:
    try:
        return content.decode(charset or "utf-8", "replace")
    except LookupError:  # a charset no codec knows: read it as UTF-8
        return content.decode("utf-8", "replace")


def _send(
    client: httpx.Client,
    request: httpx.Request,
    number: int,
    shown_body: str,
    *,
    reveal: bool,
    deadline: float,
    streams: _Streams | None = None,
) -> tuple[Attempt, httpx.Response | None, BaseException | None, float, float]:
    timer = _Timer(streams)
    request.extensions["trace"] = timer.trace
    started = time.time()
    attempt = Attempt(
        number=number,
        method=request.method,
        url=str(request.url),
        request_headers=_shown_headers(request.headers, reveal=reveal),
        request_body=shown_body,
        started_utc=_utc(started),
    )
    log.debug("attempt %d: %s %s", number, request.method, request.url)
    # The read timeout restarts with every byte, so a server trickling one byte a second would hold us forever:
    # each attempt also has an overall deadline, after which its sockets are shut down.
    watchdog = threading.Timer(deadline, timer.abort)
    watchdog.daemon = True
    watchdog.start()
    try:
        response = client.send(request, stream=True)
        try:
            content, cut = _read_answer(response)
        finally:
            response.close()
        if timer.aborted:
            raise httpx.ReadTimeout(f"no answer within {deadline:g} s")
    except (httpx.HTTPError, OSError, ssl.SSLError, ValueError, zlib.error) as exc:
        failure: BaseException = httpx.ReadTimeout(f"no answer within {deadline:g} s") if timer.aborted else exc
        attempt.timings_ms = timer.phases()
        attempt.error = redact(f"{type(failure).__name__}: {failure}")
        log.info("attempt %d failed: %s", number, attempt.error)
        return attempt, None, failure, started, timer.phases()["total"]
    finally:
        watchdog.cancel()
    attempt.timings_ms = timer.phases()
    attempt.answer_window = timer.answer_window(started)
    attempt.http_version = response.http_version
    attempt.status = response.status_code
    attempt.reason = response.reason_phrase
    attempt.response_headers = _shown_headers(response.headers, reveal=reveal)
    text = _decode(content, response.charset_encoding)
    data = None if cut else _parse_json(text)  # a cut answer is not JSON, whatever its first megabyte says
    attempt.response_body = _shown_body(text, reveal_token=reveal, data=data)
    if cut:
        attempt.response_body += f"\n… (answer cut at {ANSWER_LIMIT} bytes)"
    attempt.parsed = data
    attempt.server_date = response.headers.get("date")
    log.info("attempt %d: HTTP %d in %.0f ms", number, response.status_code, attempt.timings_ms["total"])
    return attempt, response, None, started, attempt.timings_ms["total"]


def local_failure(message: str, *, token_url: str = "", transcript: Transcript | None = None) -> ExchangeResult:
    """An exchange that never left this machine (no key, bad claims, bad URL)."""
    result = ExchangeResult(Outcome.LOCAL, transcript or Transcript(), token_url=token_url)
    result.set_detail(Detail("local", {"system": message}))
    return result


def _clock(result: ExchangeResult, attempt: Attempt, started: float, elapsed_ms: float) -> None:
    """Estimate the server's clock minus ours from its ``Date``, and how far off that estimate can be.

    The server stamped ``Date`` somewhere between the request leaving and the response headers arriving, and
    truncated it to whole seconds (its true moment is 0 to 1 s later, on average half a second). So the offset
    is ``Date + 0.5`` minus the middle of that window, right to within ± (0.5 s + half the window); the time rules
    of the lint widen their tolerance by this much instead of reporting sub-second noise as a finding.
    """
    server = result.server_epoch
    if server is None:
        return
    first, last = attempt.answer_window or (started, started + elapsed_ms / 1000)
    result.clock_offset = round(server + 0.5 - (first + last) / 2, 1)
    # + 0.05 for rounding the offset to tenths; the result is rounded up to tenths so it is never understated
    result.clock_uncertainty = math.ceil((DATE_RESOLUTION / 2 + (last - first) / 2 + 0.05) * 10) / 10
    result.transcript.server_date = result.server_date
    result.transcript.clock_offset = result.clock_offset
    result.transcript.clock_uncertainty = result.clock_uncertainty


def _classify_response(response: httpx.Response, result: ExchangeResult, attempt: Attempt) -> ExchangeResult:
    result.status = response.status_code
    result.content_type = response.headers.get("content-type")
    result.server_date = response.headers.get("date")
    result.body = attempt.response_body
    data = attempt.parsed
    if isinstance(data, dict) and response.status_code == 200 and isinstance(data.get("access_token"), str):
        result.outcome = Outcome.SUCCESS
        result.token = TokenInfo.from_response(data)
    elif isinstance(data, dict) and isinstance(data.get("error"), str):
        result.outcome = Outcome.OAUTH_ERROR if response.status_code < 500 else Outcome.SERVER_ERROR
        result.error = data["error"]
        result.error_description = str(data.get("error_description") or "")
    elif response.status_code >= 500:
        result.outcome = Outcome.SERVER_ERROR
    else:
        result.outcome = Outcome.NOT_JSON
    return result


def request_token(
    token_url: str,
    assertion: str,
    options: ExchangeOptions | None = None,
    cancel: CancelToken | None = None,
    *,
    sleep: Callable[[float], None] | None = None,
) -> ExchangeResult:
    """POST ``assertion`` to ``token_url`` and classify the outcome (never raises for network trouble)."""
    options = options or ExchangeOptions()
    cancel = cancel or CancelToken()
    transcript = Transcript(
        trust=describe(options.trust, options.ca_bundle),
        proxy=_proxy_for(token_url, options.trust_env),
        connect_timeout=options.connect_timeout,
        read_timeout=options.read_timeout,
    )
    result = ExchangeResult(Outcome.LOCAL, transcript, token_url=token_url, trust=Trust(options.trust))
    target = urllib.parse.urlsplit(token_url)
    if target.scheme.lower() not in ("http", "https") or not target.hostname:
        result.set_detail(Detail("not_http_url", {"url": token_url}))
        return result
    assertion = assertion.strip() if assertion else ""
    if not assertion:
        result.set_detail(Detail("no_assertion"))
        return result
    try:
        client = _client(options)
    except Exception as exc:  # CertificateError from a bad bundle, or an httpx proxy URL it cannot parse
        result.set_detail(Detail("client_setup", {"system": redact(str(exc))}))
        return result
    body = urllib.parse.urlencode({"grant_type": GRANT_TYPE, "assertion": assertion}).encode()
    shown_body = shown_form_body(assertion, reveal=options.reveal_assertion)
    policy = options.retry_policy
    streams = _Streams()
    unregister = cancel.on_cancel(streams.abort)  # aborts a request in flight
    total_start = time.perf_counter()
    try:
        for retry in range(policy.max_retries + 1):
            if cancel.is_cancelled():
                return _cancelled(result, total_start)
            request = client.build_request(
                "POST",
                token_url,
                content=body,
                headers=_FORM_HEADERS,
            )
            attempt, response, failure, started, elapsed = _send(
                client,
                request,
                retry + 1,
                shown_body,
                reveal=options.reveal_token,
                deadline=options.attempt_deadline,
                streams=streams,
            )
            transcript.attempts.append(attempt)
            result.sent_at = started
            if cancel.is_cancelled():
                return _cancelled(result, total_start)
            if failure is not None:
                kind, detail = classify_exception_detail(failure, token_url, proxy=transcript.proxy)
                if kind in (NetworkKind.REFUSED, NetworkKind.OTHER) and retry < policy.max_retries:
                    why = f"{kind} ({detail.text('en')})"
                    if _backoff(transcript, policy, retry, why, None, cancel, sleep):
                        return _cancelled(result, total_start)
                    continue
                result.outcome, result.network_kind = Outcome.NETWORK, kind
                if kind is NetworkKind.TLS and not transcript.proxy:
                    result.tls_issuer, result.tls_subject = peer_certificate_names(token_url, options.connect_timeout)
                    if result.tls_issuer:
                        detail = Detail(
                            detail.key, detail.values, (Detail("tls_issuer", {"issuer": result.tls_issuer}),)
                        )
                result.set_detail(detail)
                break
            assert response is not None
            if is_transient_status(response.status_code) and retry < policy.max_retries:
                retry_after = _retry_after(response.headers.get("retry-after"))
                if _backoff(transcript, policy, retry, f"HTTP {response.status_code}", retry_after, cancel, sleep):
                    return _cancelled(result, total_start)
                continue
            _classify_response(response, result, attempt)
            _clock(result, attempt, started, elapsed)
            break
    finally:
        unregister()
        client.close()
        result.elapsed_ms = (time.perf_counter() - total_start) * 1000
    log.info("token exchange with %s: %s", token_url, result.outcome)
    return result


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        epoch = _parse_http_date(value)
        return None if epoch is None else max(0.0, epoch - time.time())


def _backoff(
    transcript: Transcript,
    policy: RetryPolicy,
    retry: int,
    why: str,
    retry_after: float | None,
    cancel: CancelToken,
    sleep: Callable[[float], None] | None,
) -> bool:
    """Wait before the next attempt; True when cancelled during the wait."""
    delay = policy.delay(retry, retry_after=retry_after)
    transcript.notes.append(f"{why}: retry {retry + 1} of {policy.max_retries} in {delay:.2f} s")
    log.info("transient failure (%s); retrying in %.2f s", why, delay)
    if sleep is not None:
        sleep(delay)
        return cancel.is_cancelled()
    return cancel.wait(delay)


def _cancelled(result: ExchangeResult, total_start: float) -> ExchangeResult:
    result.outcome = Outcome.CANCELLED
    result.set_detail(Detail("cancelled"))
    result.transcript.notes.append("cancelled")
    result.elapsed_ms = (time.perf_counter() - total_start) * 1000
    return result


def check_api(token: TokenInfo, options: ExchangeOptions | None = None, cancel: CancelToken | None = None) -> ApiCheck:
    """Does the token work? GET the identity URL and ``/services/data/`` with it."""
    options = options or ExchangeOptions()
    cancel = cancel or CancelToken()
    transcript = Transcript(trust=describe(options.trust, options.ca_bundle))
    check = ApiCheck(ok=False, username=None, org_id=None, api_versions=[], transcript=transcript)
    headers = {
        "Authorization": f"Bearer {token.access_token}",
        "Accept": "application/json",
        "Accept-Encoding": "gzip, deflate",
        "User-Agent": _USER_AGENT,
    }
    try:
        client = _client(options)
    except Exception as exc:
        check.set_error(Detail("client_setup", {"system": redact(str(exc))}))
        return check
    streams = _Streams()
    unregister = cancel.on_cancel(streams.abort)
    urls = [token.id_url, token.instance_url.rstrip("/") + "/services/data/"]
    try:
        answers: list[Any] = []
        for number, url in enumerate(urls, start=1):
            if cancel.is_cancelled():
                check.set_error(Detail("cancelled"))
                return check
            request = client.build_request("GET", url, headers=headers)
            attempt, response, failure, _, _ = _send(
                client,
                request,
                number,
                "",
                reveal=options.reveal_token,
                deadline=options.attempt_deadline,
                streams=streams,
            )
            transcript.attempts.append(attempt)
            if failure is not None:
                check.set_error(classify_exception_detail(failure, url)[1])
                return check
            assert response is not None
            answers.append(attempt.parsed)
            if response.status_code != 200:
                excerpt = redact(attempt.response_body[:300])
                check.set_error(
                    Detail("api_http_error", {"url": url, "status": str(response.status_code), "system": excerpt})
                )
                return check
        identity, versions = answers
        if isinstance(identity, dict):
            check.username = identity.get("username")
            check.org_id = identity.get("organization_id")
            check.display_name = identity.get("display_name")
        if isinstance(versions, list):
            check.api_versions = [str(v.get("version")) for v in versions if isinstance(v, dict) and v.get("version")]
        check.ok = bool(check.username) and bool(check.api_versions)
        if not check.ok:
            check.set_error(Detail("api_incomplete"))
        return check
    finally:
        unregister()
        client.close()
