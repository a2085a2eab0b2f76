"""The Salesforce CLI (``sf``) as a source of orgs and admin tokens; only ever run with ``--json``.

- ``list_orgs()`` runs ``sf org list --json`` and returns every org it holds (``SfOrg``), JWT ones with their
  ``clientId`` and ``privateKey`` path (what ``sfjwt profiles import-sf`` turns into profiles).
- ``connection(alias)`` runs ``sf org auth show-access-token --target-org ALIAS --json`` (CLI 2.146 and later:
  ``sf org display`` prints ``[REDACTED]`` for the token) and falls back to ``sf org display --json`` for older
  CLIs; a redacted token from both is an ``SfCliError`` saying to update the CLI.
- No ``sf`` on PATH: ``SfCliError`` with how to install it. Output is bounded (``MAX_OUTPUT``), time too.
The token only lives in the returned ``OrgConnection`` (memory); nothing here logs or stores it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from typing import Any

from sfjwt_gui.core import safe_json
from sfjwt_gui.core.errors import SfCliError
from sfjwt_gui.core.key_texts import error
from sfjwt_gui.core.org.client import OrgConnection

MAX_OUTPUT = 5 << 20
TIMEOUT = 60.0
_REDACTED = ("[REDACTED]", "REDACTED")


@dataclass(frozen=True)
class SfOrg:
    """One org the Salesforce CLI holds (no secrets: the token is asked for separately)."""

    alias: str
    username: str
    instance_url: str
    org_id: str = ""
    client_id: str = ""
    private_key: str = ""  # path of the JWT key file, for orgs authorised with sf org login jwt
    login_url: str = ""
    connected: str = ""

    @property
    def is_jwt(self) -> bool:
        """Authorised with the JWT bearer flow (a key file and a consumer key are known)."""
        return bool(self.private_key and self.client_id)

    @property
    def name(self) -> str:
        """The alias, else the username."""
        return self.alias or self.username


def find_sf(path: str | None = None) -> str | None:
    """The ``sf`` executable on ``path`` (default: PATH), or None."""
    return shutil.which("sf", path=path)


def run_sf(args: list[str], *, path: str | None = None, timeout: float = TIMEOUT) -> dict[str, Any]:
    """Run ``sf ARGS --json`` and return its ``result`` (``SfCliError`` with sf's own message when it fails)."""
    executable = find_sf(path)
    if executable is None:
        raise error(SfCliError, "sf-missing")
    env = {**os.environ, "SF_AUTOUPDATE_DISABLE": "true", "SF_DISABLE_TELEMETRY": "true", "NO_COLOR": "1"}
    try:
        done = subprocess.run(
            [executable, *args, "--json"], capture_output=True, timeout=timeout, env=env, stdin=subprocess.DEVNULL
        )
    except subprocess.TimeoutExpired:
        raise error(SfCliError, "sf-timeout", command=" ".join(args), seconds=f"{timeout:.0f}") from None
    except OSError as exc:
        raise error(SfCliError, "sf-cannot-run", executable=executable, reason=str(exc.strerror)) from exc
    output = done.stdout[:MAX_OUTPUT]
    try:
        data = safe_json.loads(output.decode("utf-8", "replace"))
    except ValueError:
        raise error(SfCliError, "sf-not-json", command=" ".join(args), status=str(done.returncode)) from None
    if not isinstance(data, dict) or data.get("status", 0) != 0 or "result" not in data:
        message = str(data.get("message") or data.get("name") or "failed") if isinstance(data, dict) else "failed"
        raise error(SfCliError, "sf-failed", command=" ".join(args), message=message[:300])
    result = data["result"]
    return result if isinstance(result, dict) else {"items": result}


def _org(entry: dict[str, Any]) -> SfOrg:
    def get(*names: str) -> str:
        for name in names:
            value = entry.get(name)
            if isinstance(value, str) and value:
                return value
        return ""

    return SfOrg(
        alias=get("alias"),
        username=get("username"),
        instance_url=get("instanceUrl"),
        org_id=get("orgId", "id"),
        client_id=get("clientId"),
        private_key=get("privateKey"),
        login_url=get("loginUrl"),
        connected=get("connectedStatus", "status"),
    )


def list_orgs(*, path: str | None = None) -> list[SfOrg]:
    """Every org ``sf org list --json`` shows (each username once)."""
    result = run_sf(["org", "list"], path=path)
    seen: dict[str, SfOrg] = {}
    for group in ("nonScratchOrgs", "other", "sandboxes", "devHubs", "scratchOrgs"):
        for entry in result.get(group) or []:
            if isinstance(entry, dict):
                org = _org(entry)
                if org.username and org.username not in seen:
                    seen[org.username] = org
    return list(seen.values())


def _token(result: dict[str, Any]) -> str:
    token = result.get("accessToken") or result.get("access_token") or ""
    return "" if not isinstance(token, str) or any(mark in token for mark in _REDACTED) else token


def connection(alias: str, *, path: str | None = None) -> OrgConnection:
    """An ``OrgConnection`` for the org ``alias`` (or username) from the Salesforce CLI."""
    if not alias or alias.startswith("-") or len(alias) > 255:
        raise error(SfCliError, "sf-bad-alias", alias=repr(alias))
    result = run_sf(["org", "auth", "show-access-token", "--target-org", alias], path=path)
    token, instance = _token(result), str(result.get("instanceUrl") or "")
    if not token or not instance:
        display = run_sf(["org", "display", "--target-org", alias], path=path)
        token = token or _token(display)
        instance = instance or str(display.get("instanceUrl") or "")
    if not token:
        raise error(SfCliError, "sf-token-redacted", alias=repr(alias))
    if not instance.startswith("https://"):
        raise error(SfCliError, "sf-no-instance", alias=repr(alias))
    return OrgConnection(instance, token, source=f"sf:{alias}")
