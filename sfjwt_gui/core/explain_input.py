"""Find the failure in whatever people paste: a JSON body, a log line, the Salesforce CLI's list, an exception, a page.

``extract(text)`` returns a ``Pasted``: the OAuth ``error`` / ``error_description`` it found, or the network kind
(``dns``, ``refused``, ``timeout``, ``tls``, ``proxy``, ``dropped``) or page kind (``maintenance``, ``not_json``)
the exchange itself would have reported for it. It reads, in this order, the first that gives an answer:

1. a JSON error object (``{"error": …, "error_description": …}``), also escaped inside a string or a log line, as
   Apex's ``JWTBearerTokenExchangeException: Error 400: {json}`` and HTTP clients' messages carry it;
2. the Salesforce CLI's ``Errors encountered:`` list: every listed line counts; lines that only say ``audience is
   invalid`` count least, because the CLI tries several (login host, ``aud``) pairs and any other answer came from a
   pair whose ``aud`` Salesforce accepted;
3. a form-encoded or key/value error (``error=…&error_description=…``, ``'error': '…'``, ``"error"=>"…"``);
4. an HTML page (maintenance, login, proxy block page);
5. a known ``error_description`` anywhere in the text (``invalid_grant: user hasn't approved this consumer``);
6. network and TLS failure text of Python, Java, Node, curl and Go clients;
7. a body that failed to parse as JSON (``Unexpected token <``);
8. a bare OAuth error code (``invalid_grant``).

Bounded: only the first ``MAX_CHARS`` characters are read; every step is a fixed number of linear scans (no
pattern that backtracks over the text, a fixed cap on JSON decode attempts), so 1 MB of anything is read in well
under a second. Never raises.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field

from sfjwt_gui.core.catalogue import Catalogue, load_catalogue, normalise

MAX_CHARS = 1_000_000  # the explain read limit
MAX_JSON_ATTEMPTS = 32
MAX_JSON_CHARS = 16_384  # a token endpoint's error body is tiny; decode at most this much per attempt
MAX_LISTED = 20  # lines of an "Errors encountered:" list
MAX_CANDIDATES = 2000  # occurrences of "error" looked at more closely

# each is matched only in a short window at an occurrence of "error" that str.find located
_OPENS_OBJECT = re.compile(r"""\{\s*\\*["']?$""")
_FORM = re.compile(r"error=([A-Za-z_]{3,40})(?:&error_description=([^&\s\"'<>]{1,400}))?")
_KEY_VALUE_ERROR = re.compile(r"""error\\*["']?\s*(?:=>|:|=)\s*\\*["']([A-Za-z_]{3,40})\\*["']""")
_KEY_VALUE_DESC = re.compile(r"""error_description\\*["']?\s*(?:=>|:|=)\s*\\*["']([^"'\\\n]{1,400})""")
_LIST_HEAD = "errors encountered:"
_CLI_SUFFIX = re.compile(r"\s*\[audience=[^\]\n]{0,300}\]\s*$")
_CODE = re.compile(r"\b([a-z]+(?:_[a-z]+)+)\b")
_HTML = ("<!doctype", "<html", "<body", "<head", "<title", "<table", "<center", "<div")
_MAINTENANCE = ("maintenance", "メンテナンス", "down for", "temporarily unavailable", "service unavailable")

# network failure text of common clients, by the kind the exchange reports; the first kind that matches wins
_NETWORK: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "proxy",
        (
            "tunneling socket could not be established",
            "proxyerror",
            "proxy authentication required",
            "statuscode=407",
            "wrong version number",
            "unable to connect to proxy",
            "connect tunnel failed",
            "received http code 407",
        ),
    ),
    (
        "tls",
        (
            "certificate verify failed",
            "unable to get local issuer certificate",
            "unable_to_get_issuer_cert_locally",
            "self_signed_cert_in_chain",
            "self-signed certificate in certificate chain",
            "self signed certificate in certificate chain",
            "unable to verify the first certificate",
            "pkix path building failed",
            "sslhandshakeexception",
            "sslcertverificationerror",
            "certificate signed by unknown authority",
            "cert_has_expired",
            "certificate not trusted",
            "ssl certificate problem",
        ),
    ),
    (
        "dns",
        (
            "enotfound",
            "eai_again",
            "name or service not known",
            "nodename nor servname provided",
            "temporary failure in name resolution",
            "nameresolutionerror",
            "unknownhostexception",
            "could not resolve host",
            "couldn't resolve host",
            "getaddrinfo failed",
            "no such host is known",
            "dns_probe_finished_nxdomain",
            "failed to resolve",
        ),
    ),
    (
        "refused",
        (
            "econnrefused",
            "connection refused",
            "actively refused",
            "err_connection_refused",
            "failed to connect to",
        ),
    ),
    (
        "timeout",
        (
            "etimedout",
            "esockettimedout",
            "sockettimeoutexception",
            "read timed out",
            "connect timed out",
            "connection timed out",
            "readtimeout",
            "connecttimeout",
            "timeout was reached",
            "context deadline exceeded",
            "operation timed out",
        ),
    ),
    (
        "dropped",
        (
            "econnreset",
            "socket hang up",
            "connection reset by peer",
            "remotedisconnected",
            "connection aborted",
            "unexpected eof",
        ),
    ),
)
_NOT_JSON = (
    "unexpected token <",
    "unexpected character encountered while parsing value: <",
    "unexpected end of json input",
    "jsondecodeerror",
    "expecting value: line 1 column 1",
    "parsingerror",
    "is not valid json",
)


@dataclass(frozen=True)
class Pasted:
    """What ``extract`` found; at most one of (error/description), ``network`` and ``page`` is set."""

    error: str | None = None
    description: str | None = None
    body: str = ""  # the part of the text that said it (a JSON object, the matched line)
    network: str | None = None  # dns | refused | timeout | tls | proxy | dropped
    page: str | None = None  # maintenance | not_json
    html: str | None = None  # the pasted page, when it is one
    listed: tuple[str, ...] = field(default_factory=tuple)  # the CLI's listed descriptions, in order
    how: str = "text"  # json | cli-list | form | html | description | network | not-json | code | text

    @property
    def found(self) -> bool:
        """True when anything telling was found."""
        return bool(self.error or self.description or self.network or self.page)


def extract(text: str, catalogue: Catalogue | None = None) -> Pasted:
    """The failure named in ``text`` (see the module docstring for the order); never raises."""
    cat = catalogue or load_catalogue()
    text = text[:MAX_CHARS]
    lowered = text.lower()
    for step in (_json_object, _cli_list):
        found = step(text, lowered, cat)
        if found is not None:
            return found
    form = _form(text, lowered)
    if form is not None:
        return form
    for later in (_html_page, _known_description, _network, _not_json, _code):
        found = later(text, lowered, cat)
        if found is not None:
            return found
    line = _first_line(text)
    return Pasted(description=line or None, body=line)


def _occurrences(lowered: str, needle: str) -> Iterator[int]:
    """Where ``needle`` occurs (C-speed ``str.find``), at most ``MAX_CANDIDATES`` times."""
    at = lowered.find(needle)
    for _ in range(MAX_CANDIDATES):
        if at < 0:
            return
        yield at
        at = lowered.find(needle, at + 1)


def _first_line(text: str) -> str:
    for line in text[:4096].splitlines():
        if line.strip():
            return line.strip()[:400]
    return ""


def _line_at(text: str, index: int) -> str:
    start = text.rfind("\n", max(0, index - 400), index) + 1
    end = text.find("\n", index, index + 400)
    return text[start : end if end >= 0 else min(len(text), index + 400)].strip()[:400]


def _json_object(text: str, lowered: str, cat: Catalogue) -> Pasted | None:
    decoder = json.JSONDecoder()
    attempts = 0
    for at in _occurrences(lowered, "error"):
        opens = _OPENS_OBJECT.search(text, max(0, at - 12), at)
        if opens is None:
            continue
        attempts += 1
        if attempts > MAX_JSON_ATTEMPTS:
            break
        chunk = text[opens.start() : opens.start() + MAX_JSON_CHARS]
        for candidate in (chunk, _unescape(chunk)):
            try:
                obj, end = decoder.raw_decode(candidate)
            except ValueError:
                continue
            if isinstance(obj, dict) and ("error" in obj or "error_description" in obj):
                error, desc = obj.get("error"), obj.get("error_description")
                return Pasted(
                    error=str(error) if error is not None else None,
                    description=str(desc) if desc is not None else None,
                    body=candidate[:end],
                    how="json",
                )
    return None


def _unescape(chunk: str) -> str:
    """``{\\"error\\":…}`` as a JSON string inside JSON or a log line carries it."""
    return chunk.replace('\\\\"', '"').replace('\\"', '"')


def _cli_list(text: str, lowered: str, cat: Catalogue) -> Pasted | None:
    head = lowered.find(_LIST_HEAD)
    if head < 0:
        return None
    rest = text[head + len(_LIST_HEAD) : head + len(_LIST_HEAD) + 8192].replace("\\n", "\n")
    listed: list[str] = []
    for raw in rest.split("\n"):
        line = _CLI_SUFFIX.sub("", raw.strip().strip('",')).strip()
        if not line:
            if listed:
                break
            continue
        if cat.match_oauth(None, line) is None:
            break
        listed.append(line)
        if len(listed) >= MAX_LISTED:
            break
    if not listed:
        return None
    weights: dict[str, float] = {}
    first: dict[str, str] = {}
    for line in listed:
        entry = cat.match_oauth(None, line)
        if entry is None:
            continue
        weights[entry.id] = weights.get(entry.id, 0.0) + (0.1 if entry.id == "audience-invalid" else 1.0)
        first.setdefault(entry.id, line)
    best = max(weights, key=lambda entry_id: (weights[entry_id], -list(first).index(entry_id)))
    return Pasted(description=first[best], body="\n".join(listed), listed=tuple(listed), how="cli-list")


def _form(text: str, lowered: str) -> Pasted | None:
    for at in _occurrences(lowered, "error="):
        if at and text[at - 1] not in "?&# \t\n\"'":
            continue
        form = _FORM.match(text, at)
        if form:
            desc = urllib.parse.unquote_plus(form.group(2)) if form.group(2) else None
            return Pasted(error=form.group(1), description=desc, body=form.group(0), how="form")
    for at in _occurrences(lowered, "error"):
        if at and (text[at - 1].isalnum() or text[at - 1] == "_"):
            continue
        error = _KEY_VALUE_ERROR.match(text, at)
        if error:
            desc_at = lowered.find("error_description", max(0, at - 600), at + 600)
            desc_match = _KEY_VALUE_DESC.match(text, desc_at) if desc_at >= 0 else None
            desc = desc_match.group(1).strip() if desc_match else None
            return Pasted(error=error.group(1), description=desc, body=_line_at(text, at), how="form")
    return None


def _html_page(text: str, lowered: str, cat: Catalogue) -> Pasted | None:
    start = min((i for i in (lowered.find(tag) for tag in _HTML) if i >= 0), default=-1)
    if start < 0:
        return None
    page = text[start:]
    kind = "maintenance" if any(word in lowered for word in _MAINTENANCE) else "not_json"
    return Pasted(page=kind, html=page, body=page[:1500], how="html")


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


def _known_description(text: str, lowered: str, cat: Catalogue) -> Pasted | None:
    norm = " ".join(lowered.translate(_QUOTES).split())  # catalogue.normalise without a regex over 1 MB
    best: tuple[int, str] | None = None
    for entry in cat.entries:
        for rule in entry.match:
            if not rule.description:
                continue
            at = norm.find(normalise(rule.description))
            if at >= 0 and (best is None or at < best[0]):
                best = (at, rule.description)
    if best is None:
        return None
    code = None
    for match in _CODE.finditer(norm[max(0, best[0] - 80) : best[0]]):
        if any(r.error and r.error.lower() == match.group(1) for e in cat.entries for r in e.match):
            code = match.group(1)
    index = lowered.find(best[1].lower().split(" ")[0])
    return Pasted(error=code, description=best[1], body=_line_at(text, max(index, 0)), how="description")


def _network(text: str, lowered: str, cat: Catalogue) -> Pasted | None:
    for kind, needles in _NETWORK:
        for needle in needles:
            at = lowered.find(needle)
            if at >= 0:
                return Pasted(network=kind, body=_line_at(text, at), how="network")
    return None


def _not_json(text: str, lowered: str, cat: Catalogue) -> Pasted | None:
    for needle in _NOT_JSON:
        at = lowered.find(needle)
        if at >= 0:
            return Pasted(page="not_json", body=_line_at(text, at), how="not-json")
    return None


def _code(text: str, lowered: str, cat: Catalogue) -> Pasted | None:
    known = {r.error.lower() for e in cat.entries for r in e.match if r.error}
    for attempt, match in enumerate(_CODE.finditer(lowered[:65536])):
        if attempt > 4096:
            break
        if match.group(1) in known:
            end = text.find("\n", match.end(), match.end() + 400)
            rest = text[match.end() : end if end >= 0 else match.end() + 400].strip(" \t:-=\"'`,()[]")
            line = _line_at(text, match.start())
            return Pasted(error=match.group(1), description=rest or None, body=line, how="code")
    return None
