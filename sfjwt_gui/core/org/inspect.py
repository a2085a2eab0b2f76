"""Inspect an org for one JWT set-up: read the facts, run the checks and the practices, return typed results.

``inspect_org(connection, iss=…, sub=…)`` is what the CLI (``sfjwt org inspect``) and the window's Org inspector
page call, from a worker thread: it blocks for at most a few seconds (≤ 9 requests). It never raises for a refusal
(those checks say ``could_not_check``); an org that cannot be reached gives ``Inspection.unreachable``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import httpx
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

from sfjwt_gui.core.org.checks import CheckStatus, OrgCheck, Request, run_checks
from sfjwt_gui.core.org.client import OrgClient, OrgConnection, OrgUnreachableError, Sent
from sfjwt_gui.core.org.facts import read_facts
from sfjwt_gui.core.org.practices import Practice, PracticeInput, PracticeStatus, run_practices
from sfjwt_gui.core.org.texts import needs_text, text
from sfjwt_gui.core.retry import CancelToken
from sfjwt_gui.core.signer import SigningKey, signing_public_key


@dataclass
class Inspection:
    """The org's answers for one (iss, sub): checks, practices, and how many requests it took."""

    instance_url: str
    checks: list[OrgCheck] = field(default_factory=list)
    practices: list[Practice] = field(default_factory=list)
    sent: list[Sent] = field(default_factory=list)
    unreachable: str | None = None  # why the org could not be reached

    def check(self, check_id: str) -> OrgCheck | None:
        """The check called ``check_id``."""
        return next((c for c in self.checks if c.id == check_id), None)

    @property
    def exit_code(self) -> int:
        """0 nothing wrong · 2 a check found a problem · 3 the org cannot be reached."""
        if self.unreachable is not None:
            return 3
        return 2 if any(c.status is CheckStatus.PROBLEM for c in self.checks) else 0

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        """Plain JSON: ``{instance_url, reachable, checks: [...], practices: [...], requests}``."""
        return {
            "instance_url": self.instance_url,
            "reachable": self.unreachable is None,
            "unreachable": self.unreachable,
            "checks": [check_json(c, lang) for c in self.checks],
            "practices": [practice_json(p, lang) for p in self.practices],
            "requests": [{"method": s.method, "path": s.path, "status": s.status} for s in self.sent],
        }

    def to_text(self, lang: str = "en") -> str:
        """Terminal text: one line per check and practice, evidence and record underneath."""
        if self.unreachable is not None:
            return text("label.unreachable", lang, detail=self.unreachable)
        marks = {CheckStatus.OK: "✔", CheckStatus.PROBLEM: "✘", CheckStatus.COULD_NOT_CHECK: "?"}
        lines = [text("label.checks", lang) + f" ({self.instance_url})"]
        for c in self.checks:
            lines.append(f"  [{marks[c.status]} {text('label.' + str(c.status), lang)}] {text('title.' + c.id, lang)}")
            lines.append(f"      {text('evidence.' + c.template, lang, **c.params)}")
            if c.needs:
                lines.append(f"      {text('label.needs', lang)}: {needs_text(c.needs, lang)}")
            if c.unconfirmed:
                lines.append(f"      ({text('label.unconfirmed', lang)})")
        lines += ["", text("label.practices", lang)]
        pmarks = {PracticeStatus.PASS: "✔", PracticeStatus.WARN: "!", PracticeStatus.COULD_NOT_CHECK: "?"}
        for p in self.practices:
            lines.append(
                f"  [{pmarks[p.status]} {text('label.' + str(p.status), lang)}] {text('practice.' + p.id, lang)}"
            )
            lines.append(f"      {text('evidence.' + p.template, lang, **p.params)}")
        lines += ["", text("label.requests", lang, count=len(self.sent), url=self.instance_url)]
        return "\n".join(lines)


def check_json(check: OrgCheck, lang: str = "en") -> dict[str, Any]:
    """One check as JSON (status, evidence in ``lang``, record, needs)."""
    return {
        "id": check.id,
        "title": text("title." + check.id, lang),
        "status": str(check.status),
        "evidence": text("evidence." + check.template, lang, **check.params),
        "template": check.template,
        "params": check.params,
        "record": check.record,
        "needs": check.needs,
        "needs_text": needs_text(check.needs, lang) or None,
        "unconfirmed": check.unconfirmed,
    }


def practice_json(practice: Practice, lang: str = "en") -> dict[str, Any]:
    """One practice as JSON."""
    return {
        "id": practice.id,
        "title": text("practice." + practice.id, lang),
        "status": str(practice.status),
        "evidence": text("evidence." + practice.template, lang, **practice.params),
        "record": practice.record,
    }


def inspect_org(
    connection: OrgConnection,
    *,
    iss: str,
    sub: str,
    aud: str | None = None,
    certificate: x509.Certificate | None = None,
    signing_key: SigningKey | RSAPublicKey | None = None,
    practice_input: PracticeInput | None = None,
    verify: Any = True,
    timeout: float = 30.0,
    transport: httpx.BaseTransport | None = None,
    cancel: CancelToken | None = None,
) -> Inspection:
    """Read the org and run every check and practice (``verify``: an ``ssl.SSLContext`` or True).

    ``cancel`` (a ``retry.CancelToken``) stops between requests with ``CancelledError``. ``signing_key`` (a signer,
    private or public key) is compared with the app's certificate when no ``certificate`` is given.
    """
    inspection = Inspection(instance_url=connection.base)
    with OrgClient(connection, verify=verify, timeout=timeout, transport=transport, cancel=cancel) as client:
        try:
            facts = read_facts(client, iss=iss, sub=sub)
        except OrgUnreachableError as exc:
            inspection.unreachable = exc.detail or exc.message
            inspection.sent = list(client.sent)
            return inspection
        inspection.sent = list(client.sent)
    request = Request(iss=iss, sub=sub, aud=aud, certificate=certificate, signing_key=signing_public_key(signing_key))
    inspection.checks = run_checks(facts, request)
    inspection.practices = run_practices(facts, practice_input or PracticeInput())
    return inspection
