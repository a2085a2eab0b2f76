"""A read-only client for one org: the REST query API and the Metadata API's read calls, nothing else.

Guarantees:

- Only ``GET`` requests and ``POST`` to the Metadata API endpoint (``/services/Soap/m/``) whose SOAP operation is
  ``readMetadata`` or ``listMetadata`` ever leave it. ``guard_request`` checks every request twice (before sending
  and in an httpx request hook, so nothing that bypasses ``_send`` can slip through); anything else raises
  ``ReadOnlyViolation`` and is never sent.
- The access token lives only in the ``OrgConnection`` in memory; its ``repr`` and every log line mask it.
- Refusals never raise: ``INSUFFICIENT_ACCESS``, ``INVALID_TYPE``, ``INVALID_FIELD``, an API-disabled user and an
  expired session come back as a ``Refusal`` (what was refused and which permission or API it needs).
- Only an org that cannot be reached (DNS, refused, timeout, TLS, a 5xx or HTML maintenance page) raises
  ``OrgUnreachableError`` (a ``NetworkError``: exit code 3).
- Answers are bounded: ``MAX_ANSWER`` bytes per response.
"""

from __future__ import annotations

import email.utils
import logging
import time
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx

from sfjwt_gui.core import safe_json
from sfjwt_gui.core.errors import OrgUnreachableError
from sfjwt_gui.core.key_texts import error
from sfjwt_gui.core.redact import mask_token
from sfjwt_gui.core.retry import CancelToken

log = logging.getLogger(__name__)

API_VERSION = "66.0"
MAX_ANSWER = 2 << 20
READ_OPERATIONS = frozenset({"readMetadata", "listMetadata"})
METADATA_PATH = "/services/Soap/m/"
_SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/"
_MD_NS = "http://soap.sforce.com/2006/04/metadata"
_XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"


__all__ = ["OrgClient", "OrgConnection", "OrgUnreachableError", "ReadOnlyViolation", "Refusal", "guard_request"]


class ReadOnlyViolation(AssertionError):
    """A request that is not a read was about to be sent (a programming error; never sent)."""


@dataclass(frozen=True)
class OrgConnection:
    """Where the org is and the admin's access token (memory only; masked in ``repr``)."""

    instance_url: str
    access_token: str = field(repr=False)
    api_version: str = API_VERSION
    source: str = "pasted"  # "pasted" | "sf:<alias>" | "session" | "practice"

    def __repr__(self) -> str:
        return (
            f"OrgConnection(instance_url={self.instance_url!r}, access_token={mask_token(self.access_token)!r}, "
            f"source={self.source!r})"
        )

    @property
    def base(self) -> str:
        """The instance URL without a trailing slash."""
        return self.instance_url.rstrip("/")

    @classmethod
    def from_token(cls, token: Any) -> OrgConnection:
        """The connection of a successful JWT exchange in this session (``exchange.TokenInfo``): its user may or may
        not read Setup; the checks say ``could_not_check`` when it may not."""
        return cls(str(token.instance_url), str(token.access_token), source="session")


@dataclass(frozen=True)
class Refusal:
    """The org said no: ``kind`` decides which permission or API is missing (``needs``, a text id)."""

    kind: str  # insufficient_access | invalid_type | invalid_field | api_disabled | session_expired | malformed | http
    code: str
    message: str
    what: str  # the object or metadata type that was asked for

    @property
    def needs(self) -> str:
        """Text id (resources/errors/org.json "needs") of what would let the check run."""
        return f"{self.kind}:{self.what}"

    def to_json(self) -> dict[str, str]:
        """Plain JSON."""
        return {"kind": self.kind, "code": self.code, "message": self.message, "what": self.what}


@dataclass
class Answer:
    """Records, or the refusal that stopped the read."""

    records: list[dict[str, Any]] = field(default_factory=list)
    refusal: Refusal | None = None

    @property
    def ok(self) -> bool:
        """True when the org answered with records (possibly none)."""
        return self.refusal is None


@dataclass(frozen=True)
class Reply:
    """One answer, read whole (bounded)."""

    status: int
    headers: httpx.Headers
    content: bytes

    @property
    def text(self) -> str:
        """The body as text."""
        return self.content.decode("utf-8", "replace")


@dataclass(frozen=True)
class Sent:
    """One request as sent (no headers, no bodies: nothing secret)."""

    method: str
    path: str
    status: int | None
    ms: float


def soap_operation(body: bytes) -> str | None:
    """The operation element's local name inside a SOAP Body, or None if it is not a SOAP envelope."""
    try:
        root = ET.fromstring(body)  # noqa: S314 - our own request body, built by this module
    except ET.ParseError:
        return None
    soap_body = root.find(f"{{{_SOAP_NS}}}Body")
    if soap_body is None or len(soap_body) != 1:
        return None
    return soap_body[0].tag.rpartition("}")[2]


def guard_request(method: str, url: str, body: bytes) -> None:
    """Raise ``ReadOnlyViolation`` unless this request only reads."""
    path = urllib.parse.urlsplit(url).path
    if method == "GET" and not body:
        return
    if method == "POST" and path.startswith(METADATA_PATH) and soap_operation(body) in READ_OPERATIONS:
        return
    raise ReadOnlyViolation(f"refused to send {method} {path}: the org inspector only reads")


def _hook(request: httpx.Request) -> None:
    guard_request(request.method, str(request.url), request.read())


def _xml_text(value: Any) -> str:
    text = str(value)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def metadata_envelope(token: str, operation: str, inner: str) -> bytes:
    """A Metadata API SOAP request (``operation`` must be a read)."""
    if operation not in READ_OPERATIONS:
        raise ReadOnlyViolation(f"refused to build {operation}: the org inspector only reads")
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<soapenv:Envelope xmlns:soapenv="{_SOAP_NS}" xmlns:met="{_MD_NS}">'
        f"<soapenv:Header><met:SessionHeader><met:sessionId>{_xml_text(token)}</met:sessionId>"
        "</met:SessionHeader></soapenv:Header>"
        f"<soapenv:Body><met:{operation}>{inner}</met:{operation}></soapenv:Body></soapenv:Envelope>"
    ).encode()


def _element_value(element: ET.Element) -> Any:
    if len(element) == 0:
        return element.text or ""
    result: dict[str, Any] = {}
    for child in element:
        name = child.tag.rpartition("}")[2]
        value = _element_value(child)
        if name in result:
            existing = result[name]
            result[name] = [*existing, value] if isinstance(existing, list) else [existing, value]
        else:
            result[name] = value
    type_name = element.get(_XSI_TYPE)
    if type_name:
        result["_type"] = type_name.rpartition(":")[2]
    return result


_REFUSAL_KINDS = {
    "INSUFFICIENT_ACCESS": "insufficient_access",
    "INSUFFICIENT_ACCESS_OR_READONLY": "insufficient_access",
    "INVALID_TYPE": "invalid_type",
    "INVALID_FIELD": "invalid_field",
    "MALFORMED_QUERY": "malformed",
    "API_DISABLED_FOR_ORG": "api_disabled",
    "API_CURRENTLY_DISABLED": "api_disabled",
    "FUNCTIONALITY_NOT_ENABLED": "api_disabled",
    "INVALID_SESSION_ID": "session_expired",
    "NOT_FOUND": "http",
}


def _refusal(code: str, message: str, what: str) -> Refusal:
    bare = code.rpartition(":")[2] or code
    return Refusal(_REFUSAL_KINDS.get(bare, "http"), bare, message[:500], what)


class OrgClient:
    """Reads one org. ``transport`` is a seam for tests (an ``httpx.MockTransport``)."""

    def __init__(
        self,
        connection: OrgConnection,
        *,
        verify: Any = True,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
        trust_env: bool = True,
        cancel: CancelToken | None = None,
    ) -> None:
        self.connection = connection
        self._cancel = cancel
        self.sent: list[Sent] = []
        self.server_dates: list[tuple[float, float]] = []  # (local mid-request time, server Date)
        self._client = httpx.Client(
            verify=verify,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            follow_redirects=False,
            trust_env=trust_env,
            transport=transport,
            event_hooks={"request": [_hook]},
        )

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def __enter__(self) -> OrgClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"OrgClient({self.connection!r})"

    # ------------------------------------------------------------------ transport

    def _send(
        self, method: str, url: str, body: bytes = b"", headers: dict[str, str] | None = None, *, soap: bool = False
    ) -> Reply:
        guard_request(method, url, body)
        if self._cancel is not None:
            self._cancel.raise_if_cancelled()  # CancelledError between requests: the window's Cancel button
        all_headers = {"Accept": "application/json", "User-Agent": "sfjwt-gui org inspector", **(headers or {})}
        if method == "GET":
            all_headers["Authorization"] = f"Bearer {self.connection.access_token}"
        request = self._client.build_request(method, url, content=body or None, headers=all_headers)
        path = urllib.parse.urlsplit(url).path
        started = time.time()
        try:
            response = self._client.send(request, stream=True)
            try:
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > MAX_ANSWER:
                        raise error(OrgUnreachableError, "org-answer-too-large", path=path, limit=str(MAX_ANSWER))
                    chunks.append(chunk)
                reply = Reply(response.status_code, response.headers, b"".join(chunks))
            finally:
                response.close()
        except httpx.HTTPError as exc:
            from sfjwt_gui.core.exchange import classify_exception_detail

            self.sent.append(Sent(method, path, None, (time.time() - started) * 1000))
            detail = classify_exception_detail(exc, url)[1]
            raise error(
                OrgUnreachableError, "org-unreachable", base=self.connection.base, detail=detail.text("en")
            ) from exc
        ended = time.time()
        self.sent.append(Sent(method, path, reply.status, (ended - started) * 1000))
        date = reply.headers.get("date")
        if date and reply.status == 200:  # an error page may come from a proxy with its own clock
            try:
                server = email.utils.parsedate_to_datetime(date).timestamp() if _looks_like_date(date) else None
            except (TypeError, ValueError):
                server = None
            if server is not None:
                self.server_dates.append(((started + ended) / 2, server))
        log.debug("org %s %s -> %s", method, path, reply.status)
        if not (soap and b"Fault>" in reply.content[:4000]):  # Metadata API faults come as HTTP 500
            _raise_if_unreachable(reply, self.connection.base)
        return reply

    # ------------------------------------------------------------------ reads

    def query(self, soql: str, what: str) -> Answer:
        """Run one SOQL query (``what``: the object, for the refusal); follows no further pages."""
        url = f"{self.connection.base}/services/data/v{self.connection.api_version}/query?" + urllib.parse.urlencode(
            {"q": soql}
        )
        response = self._send("GET", url)
        data = _json(response)
        if response.status == 200 and isinstance(data, dict) and isinstance(data.get("records"), list):
            return Answer(records=[r for r in data["records"] if isinstance(r, dict)])
        return Answer(refusal=_rest_refusal(response.status, data, what))

    def _metadata(self, operation: str, inner: str, what: str) -> tuple[list[Any], Refusal | None]:
        url = f"{self.connection.base}{METADATA_PATH}{self.connection.api_version}"
        body = metadata_envelope(self.connection.access_token, operation, inner)
        response = self._send(
            "POST", url, body, {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": '""'}, soap=True
        )
        try:
            root = ET.fromstring(response.content)  # noqa: S314 - bounded; expat refuses entity expansion bombs
        except ET.ParseError:
            return [], Refusal("http", str(response.status), response.text[:300], what)
        fault = root.find(f".//{{{_SOAP_NS}}}Fault")
        if fault is not None:
            code = fault.findtext("faultcode") or "UNKNOWN"
            message = fault.findtext("faultstring") or ""
            return [], _refusal(code, message, what)
        if response.status == 401:
            return [], _refusal("INVALID_SESSION_ID", "Session expired or invalid", what)
        results = root.findall(f".//{{{_MD_NS}}}result")
        values: list[Any] = []
        for result in results:
            if operation == "readMetadata":
                values += [_element_value(r) for r in result.findall(f"{{{_MD_NS}}}records")]
            else:
                values.append(_element_value(result))
        return values, None

    def list_metadata(self, types: list[str]) -> tuple[list[dict[str, Any]], Refusal | None]:
        """``listMetadata`` for up to three types: ``[{type, fullName, …}]``."""
        inner = "".join(f"<met:queries><met:type>{_xml_text(t)}</met:type></met:queries>" for t in types[:3])
        inner += f"<met:asOfVersion>{self.connection.api_version}</met:asOfVersion>"
        values, refusal = self._metadata("listMetadata", inner, "+".join(types))
        return [v for v in values if isinstance(v, dict)], refusal

    def read_metadata(self, type_name: str, full_names: list[str]) -> tuple[list[dict[str, Any]], Refusal | None]:
        """``readMetadata`` of up to ten components of one type (records without a fullName are absent)."""
        inner = f"<met:type>{_xml_text(type_name)}</met:type>"
        inner += "".join(f"<met:fullNames>{_xml_text(n)}</met:fullNames>" for n in full_names[:10])
        values, refusal = self._metadata("readMetadata", inner, type_name)
        return [v for v in values if isinstance(v, dict) and v.get("fullName")], refusal


def _looks_like_date(value: str) -> bool:
    return 10 < len(value) < 64


def _json(response: Reply) -> Any:
    try:
        return safe_json.loads(response.content)  # a hostile answer nested 10,000 deep is not JSON, not a crash
    except ValueError:
        return None


def _rest_refusal(status: int, data: Any, what: str) -> Refusal:
    first = data[0] if isinstance(data, list) and data and isinstance(data[0], dict) else {}
    code = str(first.get("errorCode") or ("INVALID_SESSION_ID" if status == 401 else f"HTTP_{status}"))
    return _refusal(code, str(first.get("message") or ""), what)


def _raise_if_unreachable(response: Reply, base: str) -> None:
    content_type = response.headers.get("content-type", "").lower()
    html = "html" in content_type
    if response.status >= 500 or (html and response.status != 200) or response.status in (301, 302):
        kind = "maintenance" if response.status == 503 else f"HTTP {response.status}"
        raise error(OrgUnreachableError, "org-unreachable", base=base, detail=kind)


def iter_records(answer: Answer) -> Iterator[dict[str, Any]]:
    """The records of an answer without their ``attributes``."""
    for record in answer.records:
        yield {k: v for k, v in record.items() if k != "attributes"}
