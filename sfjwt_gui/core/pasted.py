"""What else a paste into Decode can hold besides a JWT: a Salesforce access token, and the URL of a curl command.

Contract: pure, linear-time regular expressions on text bounded by the caller. ``recognise_access_token`` tells an
opaque Salesforce access token (``00D…!…``) from a broken JWT and keeps only its non-secret org id and its length,
never the token. ``posted_to`` takes the URL out of a pasted ``curl`` command (or a ``POST URL`` request line) without
its query or fragment, so a form field in a URL never travels further.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

# 00D + 12 or 15 id characters (a 15- or 18-character org id), "!", then the session part
_ACCESS_TOKEN = re.compile(r"(00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?)![A-Za-z0-9._\-]{8,}")
_ACCESS_TOKEN_JSON = re.compile(r"\"access_token\"\s*:\s*\"([^\"]{1,4000})\"")
_WRAPPERS = re.compile(r"^(?:authorization\s*:\s*)?(?:bearer|oauth)\s+", re.IGNORECASE)
_QUOTES = "\"'`"
_URL = re.compile(r"https?://[^\s'\"`<>\\]+", re.IGNORECASE)
_CURL = re.compile(r"^\s*(?:\$\s*)?curl(?:\.exe)?\s", re.IGNORECASE)
_REQUEST_LINE = re.compile(r"^\s*POST\s+(https?://\S+)", re.IGNORECASE | re.MULTILINE)
_URL_FLAG = re.compile(r"--url[\s=]+['\"]?(https?://[^\s'\"]+)", re.IGNORECASE)


@dataclass(frozen=True)
class OpaqueAccessToken:
    """A Salesforce access token: its org id (not secret) and length; the token itself is not kept."""

    org_id: str
    length: int


def recognise_access_token(text: str) -> OpaqueAccessToken | None:
    """The access token pasted alone (also after ``Bearer``, in quotes, or as the ``access_token`` of a token
    response), or None."""
    candidate = text.strip()
    inside_json = _ACCESS_TOKEN_JSON.search(candidate)
    if inside_json:
        candidate = inside_json.group(1)
    candidate = _WRAPPERS.sub("", candidate.strip(_QUOTES + " \t\r\n"), count=1).strip(_QUOTES + " \t\r\n")
    match = _ACCESS_TOKEN.fullmatch(candidate)
    if match is None:
        return None
    return OpaqueAccessToken(org_id=match.group(1), length=len(candidate))


def _without_query(url: str) -> str:
    url = url.rstrip(".,;)]}")
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def posted_to(text: str) -> str | None:
    """The URL a pasted ``curl`` command (or an HTTP ``POST URL`` line) sends to, without query or fragment."""
    if _CURL.match(text):
        flagged = _URL_FLAG.search(text)
        found = flagged.group(1) if flagged else None
        if found is None:
            first = _URL.search(text)
            found = first.group(0) if first else None
        return _without_query(found) if found else None
    line = _REQUEST_LINE.search(text)
    return _without_query(line.group(1)) if line else None
