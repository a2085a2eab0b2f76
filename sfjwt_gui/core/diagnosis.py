"""Diagnosis: pick the catalogue entry for an exchange's outcome and check each likely cause against the evidence.

``diagnose(result, assertion=…)`` explains a real exchange (the transcript, the server's Date, the assertion sent,
the certificate the user says is uploaded, the lint findings). ``explain_text(text)`` explains a response body
pasted from logs without sending anything; ``explain_error(code, description)`` the same from the two strings.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cryptography import x509

from sfjwt_gui.core import key_texts
from sfjwt_gui.core.catalogue import LANGS, UNKNOWN_ID, Entry, Source, evidence_templates, load_catalogue
from sfjwt_gui.core.errors import InputError, SfjwtError
from sfjwt_gui.core.evidence import MAINTENANCE_WORDS, Evidence, EvidenceContext, Status, run_check
from sfjwt_gui.core.lint import Finding
from sfjwt_gui.core.outcome import Detail, Outcome
from sfjwt_gui.core.signer import SigningKey, signing_public_key

if TYPE_CHECKING:  # keeps httpx out of `sfjwt explain`
    from sfjwt_gui.core.exchange import ExchangeOptions, ExchangeResult
    from sfjwt_gui.core.jwt_codec import DecodedToken

__all__ = [
    "CauseCheck",
    "Diagnosis",
    "Status",
    "diagnose",
    "explain_entry",
    "explain_error",
    "explain_text",
    "parse_error_text",
]


@dataclass(frozen=True)
class CauseCheck:
    """One likely cause, its verdict against the request, and the evidence in words."""

    cause: str
    status: Status
    evidence: str
    id: str = ""
    certainty: str = ""
    checked_in: str = "request"  # "request" | "org" (the org inspector decided it: ``core/org/attach.py``)
    record: dict[str, Any] | None = None  # the org's record that decided it
    org_check: str = ""  # the org check that can decide it ("" when the org cannot)
    org_note: str = ""  # "could not check in the org: needs …" when the org was asked but could not say
    # the catalogue label shown before org_note: could not check, or (a cause the org can only confirm, found fine)
    # "the org cannot rule this out"
    org_note_label: str = "could_not_check_org"

    def to_json(self) -> dict[str, Any]:
        """Plain JSON."""
        return {
            "id": self.id,
            "cause": self.cause,
            "status": str(self.status),
            "evidence": self.evidence,
            "certainty": self.certainty,
            "checked_in": self.checked_in,
            "record": self.record,
            "org_note": self.org_note or None,
        }


@dataclass
class Diagnosis:
    """What happened, in plain words, with evidence for each cause and the fix steps."""

    id: str
    title: str
    meaning: str
    causes: list[CauseCheck]
    fixes: list[str]
    sources: list[Source]
    raw_body: str = ""
    findings: list[Finding] = field(default_factory=list)
    outcome: str = ""
    error: str | None = None
    error_description: str | None = None
    closest_id: str | None = None
    closest_title: str | None = None
    detail: str | None = None
    lang: str = "en"
    approximate: bool = False  # the answer is not a documented JWT error; ``id`` is only the closest entry
    confidence: str = ""  # the entry's: confirmed | reported | unconfirmed
    flow_note: str | None = None  # "Not a JWT bearer error: this answer belongs to the … flow."
    fixes_ruled_out: list[str] = field(default_factory=list)  # fixes of causes the evidence ruled out (not shown)
    pasted_line: str | None = None  # the line of a pasted text that named the failure (explain_text)
    # writes this same diagnosis in another language from the verdicts already reached (``in_language``)
    renderer: Callable[[str], Diagnosis] | None = field(default=None, repr=False, compare=False)

    def in_language(self, lang: str) -> Diagnosis:
        """This diagnosis written in ``lang``: the verdicts, findings and answer are the ones already reached;
        nothing is decoded, linted or checked again (a front end's language switch calls this)."""
        _check_lang(lang)
        if lang == self.lang or self.renderer is None:
            return self
        return self.renderer(lang)

    @property
    def approximate_note(self) -> str | None:
        """'Closest match, not a documented JWT error: …' when ``approximate``, else None."""
        if not self.approximate:
            return None
        answer = " / ".join(part for part in (self.error, self.error_description) if part)
        return load_catalogue().label("approximate", self.lang).format(answer=answer)

    @property
    def confirmed(self) -> list[CauseCheck]:
        """Causes the evidence confirms."""
        return [c for c in self.causes if c.status is Status.CONFIRMED]

    def repeats_detail(self, cause: CauseCheck) -> bool:
        """True when the cause's evidence only says again what the detail line says (a network failure's text, a
        pasted line): the CLI and the window then show "the detail above" instead of the same sentence twice."""
        if not self.detail:
            return False
        if cause.evidence.rstrip(".。") == self.detail.rstrip(".。"):
            return True
        return bool(self.pasted_line and self.pasted_line in cause.evidence)

    def shown_evidence(self, cause: CauseCheck) -> str:
        """The cause's evidence as shown under the detail line (``repeats_detail``: "the detail above")."""
        return load_catalogue().label("evidence_above", self.lang) if self.repeats_detail(cause) else cause.evidence

    def to_json(self) -> dict[str, Any]:
        """Plain JSON (``causes: [{cause, status, evidence}]``)."""
        return {
            "id": self.id,
            "title": self.title,
            "meaning": self.meaning,
            "outcome": self.outcome,
            "error": self.error,
            "error_description": self.error_description,
            "detail": self.detail,
            "causes": [c.to_json() for c in self.causes],
            "fixes": self.fixes,
            "fixes_ruled_out": self.fixes_ruled_out,
            "sources": [s.to_json() for s in self.sources],
            "confidence": self.confidence,
            "flow_note": self.flow_note,
            "closest": {"id": self.closest_id, "title": self.closest_title} if self.closest_id else None,
            "approximate": self.approximate,
            "approximate_note": self.approximate_note,
            "findings": [f.to_json() for f in self.findings],
            "raw_body": self.raw_body,
        }

    def to_text(self) -> str:
        """A terminal-friendly explanation."""
        cat, lang = load_catalogue(), self.lang
        lines = [f"{self.title} [{self.id}]"]
        if self.error or self.error_description:
            lines.append("  " + ": ".join(part for part in (self.error, self.error_description) if part))
        if self.detail:
            lines.append(f"  {self.detail}")
        if self.approximate:
            lines.append(f"  ({self.approximate_note})")
        if self.flow_note:
            lines.append(f"  {self.flow_note}")
        lines += ["", f"{cat.label('meaning', lang)}:", f"  {self.meaning}"]
        if self.causes:
            lines += ["", f"{cat.label('causes', lang)}:"]
            marks = {Status.CONFIRMED: "✔", Status.RULED_OUT: "✘", Status.UNKNOWN: "?"}
            for number, cause in enumerate(self.causes, start=1):
                certainty = f" ({cat.label(cause.certainty, lang)})" if cause.certainty else ""
                label = cat.label(str(cause.status) + ("_org" if cause.checked_in == "org" else ""), lang)
                lines.append(f"  {number}. [{marks[cause.status]} {label}] {cause.cause}{certainty}")
                lines.append(f"     {cat.label('evidence', lang)}: {self.shown_evidence(cause)}")
                if cause.org_note:
                    lines.append(f"     {cat.label(cause.org_note_label, lang)}: {cause.org_note}")
        if self.closest_title:
            lines += ["", f"{cat.label('closest', lang)}: {self.closest_title} [{self.closest_id}]"]
        if self.fixes:
            lines += ["", f"{cat.label('fixes', lang)}:"] + [f"  - {fix}" for fix in self.fixes]
        if self.findings:
            lines += ["", f"{cat.label('findings', lang)}:"]
            lines += [
                f"  [{cat.label(f'severity_{f.severity}', lang)}] {f.rule}: {f.message_in(lang)}" for f in self.findings
            ]
        if self.raw_body and self.id in (UNKNOWN_ID, "not-json", "server-error"):
            lines += ["", f"{cat.label('raw_body', lang)}:", "  " + self.raw_body[:1500].replace("\n", "\n  ")]
        if self.confidence:
            confidence = cat.label(f"{self.confidence}_fact", lang)
            lines += ["", f"{cat.label('confidence', lang)}: {confidence}"]
        lines += ["", f"{cat.label('sources', lang)}:"]
        lines += [f"  - {source}" for source in self.sources] or [f"  {cat.label('no_sources', lang)}"]
        return "\n".join(lines)


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise key_texts.error(InputError, "language-unavailable", lang=repr(lang))


class _Missing(KeyError):
    """A template names a value the check did not know."""


class _Values(dict[str, Any]):
    def __missing__(self, key: str) -> Any:
        raise _Missing(key)


def _render(evidence: Evidence, lang: str, where: str | None = None) -> str:
    """The evidence sentence in ``lang``; a template that needs an unknown value falls back to its ``_bare`` form."""
    table = evidence_templates()
    params = {k: v for k, v in evidence.params.items() if v is not None and v != ""}
    if where:
        params["where"] = where
    for template_id in (evidence.template, f"{evidence.template}_bare", "nothing_visible_bare"):
        template = table.get(template_id, {}).get(lang)
        if template is None:
            continue
        try:
            return _fill(template, params, lang)
        except (_Missing, IndexError, ValueError):
            continue
    return table["nothing_visible_bare"][lang]


def _in_language(value: Any, lang: str) -> Any:
    """A param written in ``lang`` when it is one (a lint finding or a list of them, a network detail, an error)."""
    if isinstance(value, Finding):
        return value.message_in(lang)
    if isinstance(value, list) and value and all(isinstance(item, Finding) for item in value):
        return " / ".join(item.message_in(lang) for item in value)
    if isinstance(value, Detail):
        return value.text(lang)
    if isinstance(value, BaseException):
        return key_texts.describe_error(value, lang)[0]
    return value


def _fill(template: str, params: dict[str, Any], lang: str) -> str:
    values = _Values({key: _in_language(value, lang) for key, value in params.items()})
    for key in ("aud_env", "org_env", "host_env"):
        if key in values:
            word = evidence_templates().get(f"env_{values[key]}", {}).get(lang)
            values[key] = word or values[key]
    why = values.get("why")
    if isinstance(why, str) and why.startswith(("org kind ", "POST host ")):  # from EvidenceContext.org_environment
        kind, _, rest = why.partition(" ")[2].partition(" ")
        table = evidence_templates()
        if kind == "kind":
            word = table.get(f"env_{rest}", {}).get(lang) or rest
            values["why"] = (table.get("why_org_kind", {}).get(lang) or why).format(kind=word)
        else:
            values["why"] = (table.get("why_post_host", {}).get(lang) or why).format(host=rest)
    if "basis" in values:  # a template id naming how a lifetime was measured
        values["basis"] = evidence_templates().get(str(values["basis"]), {}).get(lang) or values["basis"]
    if "direction" in values:  # ahead / behind: which way the server clock is off
        direction = f"direction_{values['direction']}"
        values["direction"] = evidence_templates().get(direction, {}).get(lang) or values["direction"]
    return template.format_map(values)


def fixes_for(entry: Entry, causes: list[CauseCheck], lang: str) -> tuple[list[str], list[str]]:
    """(fixes to show, fixes that belong only to causes the evidence ruled out)."""
    ruled_out = {c.id for c in causes if c.status is Status.RULED_OUT}
    shown: list[str] = []
    hidden: list[str] = []
    for fix in entry.fixes:
        text = fix.text.get(lang) or fix.text["en"]
        (hidden if fix.causes and set(fix.causes) <= ruled_out else shown).append(text)
    return shown, hidden


def _entry_for(result: ExchangeResult) -> Entry:
    cat = load_catalogue()
    outcome = result.outcome
    if outcome is Outcome.OAUTH_ERROR:
        return cat.match_oauth(result.error, result.error_description) or cat.entry(UNKNOWN_ID)
    if outcome is Outcome.SERVER_ERROR:
        body = result.body.lower()
        html = "html" in (result.content_type or "").lower() or body.lstrip().startswith(("<!doctype", "<html"))
        if html and (result.status == 503 or any(w in body for w in MAINTENANCE_WORDS)):
            return cat.entry("maintenance-page")
        return cat.entry("server-error")
    if outcome is Outcome.NETWORK:
        found = cat.match_key(network=str(result.network_kind or "other"))
        return found or cat.entry("network-error")
    found = cat.match_key(outcome=str(outcome))
    return found or cat.entry(UNKNOWN_ID)


def _assertion_context(
    assertion: str | None,
    token_url: str | None,
    uploaded_certificate: x509.Certificate | None,
    private_key: SigningKey | None,
    clock_offset: float | None,
    sent_at: float | None,
    clock_uncertainty: float | None = None,
    gov_cloud: bool = False,
) -> tuple[DecodedToken | None, BaseException | None, list[Finding]]:
    if not assertion:
        return None, None, []
    from sfjwt_gui.core.jwt_codec import decode
    from sfjwt_gui.core.lint import lint

    try:
        decoded = decode(assertion)
    except SfjwtError as exc:
        return None, exc, []
    try:
        findings = lint(
            decoded,
            endpoint=token_url,
            certificate=uploaded_certificate,
            private_key=private_key,
            clock_offset=clock_offset or 0.0,
            clock_uncertainty=(clock_uncertainty or 0.0) if clock_offset is not None else 0.0,
            now=sent_at,
            gov_cloud=gov_cloud,
        )
    except SfjwtError:
        findings = []
    return decoded, None, findings


Verdicts = list[tuple[Any, Evidence]]  # each cause of the entry with the evidence its check found


def _evaluate(entry: Entry, ctx: EvidenceContext) -> Verdicts:
    """Run each cause's check once (the costly, language-free part of a diagnosis)."""
    return [(spec, run_check(spec.check, ctx)[0]) for spec in entry.causes]


def _compose(entry: Entry, verdicts: Verdicts, findings: list[Finding], lang: str) -> Diagnosis:
    """The diagnosis written in ``lang`` from verdicts already reached."""
    causes = []
    for spec, evidence in verdicts:
        where = (spec.where.get(lang) or spec.where.get("en")) if spec.where else None
        causes.append(
            CauseCheck(
                cause=spec.text.get(lang) or spec.text["en"],
                status=evidence.status,
                evidence=_render(evidence, lang, where),
                id=spec.id,
                certainty=spec.certainty,
                org_check=spec.org_check,
            )
        )
    # confirmed first, then unknown, then ruled out; ranking by frequency kept inside each group
    order = {Status.CONFIRMED: 0, Status.UNKNOWN: 1, Status.RULED_OUT: 2}
    causes.sort(key=lambda c: order[c.status])
    fixes, ruled_out = fixes_for(entry, causes, lang)
    return Diagnosis(
        id=entry.id,
        title=entry.title_in(lang),
        meaning=entry.meaning_in(lang),
        causes=causes,
        fixes=fixes,
        sources=entry.sources_in(lang),
        findings=list(findings),
        lang=lang,
        confidence=entry.confidence,
        flow_note=entry.flow_note(lang),
        fixes_ruled_out=ruled_out,
    )


def _written(lang: str, compose: Callable[[str], Diagnosis]) -> Diagnosis:
    """``compose(lang)``, able to write itself in another language (``Diagnosis.in_language``) the same way."""
    diagnosis = compose(lang)
    diagnosis.renderer = lambda other: _written(other, compose)
    return diagnosis


def _build(entry: Entry, ctx: EvidenceContext, lang: str) -> Diagnosis:
    verdicts = _evaluate(entry, ctx)
    findings = list(ctx.findings)
    return _written(lang, lambda language: _compose(entry, verdicts, findings, language))


def diagnose(
    result: ExchangeResult,
    *,
    assertion: str | None = None,
    endpoint: str | None = None,
    uploaded_certificate: x509.Certificate | None = None,
    private_key: SigningKey | None = None,
    lang: str = "en",
    org_kind: str | None = None,
    options: ExchangeOptions | None = None,
    gov_cloud: bool = False,
) -> Diagnosis:
    """Explain ``result``: the catalogue entry plus a verdict with evidence for each likely cause.

    What each argument lets the checks decide (without it the cause stays ``unknown``):

    - ``assertion``: the JWT that was sent (its claims and lint findings are the main evidence).
    - ``endpoint``: where it was sent, if ``result`` has no ``token_url`` (``request_token`` results always have one).
    - ``uploaded_certificate``: the certificate the user says the app holds; ``private_key``: the signing key (a
      ``Signer`` or an RSA private key; only its public half is used).
    - ``org_kind``: ``"production"`` or ``"sandbox"`` when the caller knows what the org is. Salesforce's answer never
      says it, and a loopback or custom host (the practice org on 127.0.0.1) does not show it either, so the
      production-vs-sandbox causes of ``audience-invalid`` (``aud`` login vs test, a ``sub`` without the sandbox
      suffix) can only be *confirmed* there with this argument: the UI passes ``org_kind=str(server.org.kind)``
      for the practice org (``OrgKind`` values are exactly these two strings), the CLI ``--org-kind``. For real
      Salesforce hosts it is inferred from the POST host (``test.salesforce.com``, ``*.sandbox.my.salesforce.com``)
      when not given; an explicit value wins. Any other value is ignored.
    - ``options``: the ``ExchangeOptions`` used (trust source, timeouts) for the TLS and timeout causes.
    - ``gov_cloud``: the org is on Government Cloud; the lint checks its split (POST to My Domain, ``aud`` login/test).
    - ``lang``: ``en`` or ``ja`` for every text in the diagnosis.
    """
    _check_lang(lang)
    token_url = result.token_url or endpoint
    decoded, decode_error, findings = _assertion_context(
        assertion,
        token_url,
        uploaded_certificate,
        private_key,
        result.clock_offset,
        result.sent_at,
        result.clock_uncertainty,
        gov_cloud,
    )
    entry = _entry_for(result)
    ctx = EvidenceContext(
        entry_id=entry.id,
        result=result,
        decoded=decoded,
        decode_error=decode_error,
        token_url=token_url,
        uploaded_certificate=uploaded_certificate,
        signing_key=signing_public_key(private_key),
        findings=findings,
        org_kind=org_kind,
        options=options,
        now=result.sent_at or time.time(),
    )
    verdicts = _evaluate(entry, ctx)
    approximate = (
        _approximate(result.error, result.error_description) if result.outcome is Outcome.OAUTH_ERROR else False
    )
    closest = _closest(result.error, result.error_description) if entry.id == UNKNOWN_ID else None

    def compose(language: str) -> Diagnosis:
        diagnosis = _compose(entry, verdicts, findings, language)
        diagnosis.outcome = str(result.outcome)
        diagnosis.error, diagnosis.error_description = result.error, result.error_description
        diagnosis.raw_body = result.body
        diagnosis.detail = result.network_detail_in(language)
        diagnosis.approximate = approximate
        _add_closest(diagnosis, closest, language)
        return diagnosis

    return _written(lang, compose)


def _approximate(error: str | None, description: str | None) -> bool:
    """True when the matching catalogue rule is only the closest documented entry (``"closest": true``)."""
    found = load_catalogue().match_oauth_rule(error, description)
    return bool(found and found[1].closest)


def _closest(error: str | None, description: str | None) -> Entry | None:
    """The documented entry nearest an unknown answer (looked up once per diagnosis)."""
    return load_catalogue().closest(error, description)


def _add_closest(diagnosis: Diagnosis, closest: Entry | None, lang: str) -> None:
    if closest is not None:
        diagnosis.closest_id, diagnosis.closest_title = closest.id, closest.title_in(lang)


def parse_error_text(text: str) -> tuple[str | None, str | None, str]:
    """``(error, error_description, body)`` found in a pasted text (``core.explain_input.extract`` does the reading)."""
    from sfjwt_gui.core.explain_input import extract

    pasted = extract(text)
    return pasted.error, pasted.description, pasted.body


def explain_entry(
    entry_id: str, *, lang: str = "en", assertion: str | None = None, endpoint: str | None = None
) -> Diagnosis:
    """The diagnosis of one catalogue entry as such (no answer at hand): its causes checked against ``assertion``."""
    _check_lang(lang)
    entry = load_catalogue().entry(entry_id)
    token_url = None
    if endpoint:
        from sfjwt_gui.core.connection import token_url as to_token_url

        token_url = to_token_url(endpoint)
    decoded, decode_error, findings = _assertion_context(assertion, token_url, None, None, None, None)
    ctx = EvidenceContext(
        entry_id=entry.id, decoded=decoded, decode_error=decode_error, token_url=token_url, findings=findings
    )
    return _build(entry, ctx, lang)


def explain_error(
    error: str | None,
    description: str | None = None,
    *,
    lang: str = "en",
    body: str = "",
    assertion: str | None = None,
    endpoint: str | None = None,
) -> Diagnosis:
    """Explain an OAuth error code and description without sending anything (``assertion``: the JWT that was sent)."""
    _check_lang(lang)
    if not (error or description):
        raise key_texts.error(InputError, "explain-nothing")
    cat = load_catalogue()
    entry = cat.match_oauth(error, description) or cat.entry(UNKNOWN_ID)
    approximate = _approximate(error, description)
    token_url = None
    if endpoint:
        from sfjwt_gui.core.connection import token_url as to_token_url

        token_url = to_token_url(endpoint)
    decoded, decode_error, findings = _assertion_context(assertion, token_url, None, None, None, None)
    ctx = EvidenceContext(
        entry_id=entry.id, decoded=decoded, decode_error=decode_error, token_url=token_url, findings=findings
    )
    verdicts = _evaluate(entry, ctx)
    closest = _closest(error, description) if entry.id == UNKNOWN_ID else None
    raw_body = body or json.dumps({"error": error, "error_description": description}, ensure_ascii=False)

    def compose(language: str) -> Diagnosis:
        diagnosis = _compose(entry, verdicts, findings, language)
        diagnosis.outcome = str(Outcome.OAUTH_ERROR)
        diagnosis.error, diagnosis.error_description = error, description
        diagnosis.raw_body = raw_body
        diagnosis.approximate = approximate
        _add_closest(diagnosis, closest, language)
        return diagnosis

    return _written(lang, compose)


def explain_text(
    text: str, *, lang: str = "en", assertion: str | None = None, endpoint: str | None = None
) -> Diagnosis:
    """Explain whatever was pasted: a body, a log line, the Salesforce CLI's list, an exception, a page, network text.

    ``core.explain_input.extract`` finds the failure (bounded, linear in the text); network text and pages map to
    the entry the exchange itself would have produced for them.
    """
    from sfjwt_gui.core.explain_input import extract

    _check_lang(lang)
    pasted = extract(text)
    cat = load_catalogue()
    if pasted.network or pasted.page:
        if pasted.network:
            entry = cat.match_key(network=pasted.network) or cat.entry("network-error")
            outcome = Outcome.NETWORK
        else:
            entry = cat.entry("maintenance-page" if pasted.page == "maintenance" else "not-json")
            outcome = Outcome.SERVER_ERROR if pasted.page == "maintenance" else Outcome.NOT_JSON
        ctx = EvidenceContext(entry_id=entry.id, detail=pasted.body or None, page=pasted.html)
        verdicts = _evaluate(entry, ctx)

        def compose_network(language: str) -> Diagnosis:
            diagnosis = _compose(entry, verdicts, [], language)
            diagnosis.outcome = str(outcome)
            diagnosis.raw_body = pasted.body
            if pasted.network and pasted.body:
                diagnosis.detail = cat.label("pasted", language).format(line=pasted.body)
                diagnosis.pasted_line = pasted.body
            return diagnosis

        return _written(lang, compose_network)
    if not pasted.found:
        raise key_texts.error(InputError, "explain-nothing")
    explained = explain_error(
        pasted.error, pasted.description, lang=lang, body=pasted.body, assertion=assertion, endpoint=endpoint
    )
    others = [line for line in pasted.listed if line != pasted.description]

    write_inner = explained.renderer  # captured: the returned diagnosis gets its own renderer (below)

    def compose(language: str) -> Diagnosis:
        diagnosis = explained if language == explained.lang or write_inner is None else write_inner(language)
        if others:
            diagnosis.detail = cat.label("other_lines", language).format(lines=" / ".join(dict.fromkeys(others)))
        return diagnosis

    return _written(lang, compose)
