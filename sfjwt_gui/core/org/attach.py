"""Put the org's answers into a Diagnosis: each cause with an org check becomes confirmed / ruled out from the org.

``add_org_answers(diagnosis, inspection)`` is what ``sfjwt token --inspect-org`` and the window's Diagnosis page
("Check in the org") call after an inspection. Per cause (``org_check`` in ``resources/errors/catalogue.json``):
a ``problem`` confirms it, an ``ok`` rules it out (unless the cause is marked ``org_confirms_only``), a
``could_not_check`` keeps the request's verdict and adds why the org could not say. Fix steps naming the real
objects (``fix.<check>`` in ``resources/errors/org.json``) go first. The diagnosis is changed in place and returned.
"""

from __future__ import annotations

import contextlib
import dataclasses
from typing import Any

from sfjwt_gui.core.catalogue import load_catalogue
from sfjwt_gui.core.diagnosis import CauseCheck, Diagnosis, fixes_for
from sfjwt_gui.core.evidence import Status
from sfjwt_gui.core.org.checks import CheckStatus, OrgCheck
from sfjwt_gui.core.org.inspect import Inspection
from sfjwt_gui.core.org.texts import has, needs_text, text


def _confirms_only(diagnosis_id: str, cause_id: str) -> bool:
    try:
        entry = load_catalogue().entry(diagnosis_id)
    except KeyError:
        return False
    return any(spec.id == cause_id and spec.org_confirms_only for spec in entry.causes)


def _apply(cause: CauseCheck, check: OrgCheck, confirms_only: bool, lang: str) -> CauseCheck:
    evidence = text("evidence." + check.template, lang, **check.params)
    if check.status is CheckStatus.PROBLEM:
        return dataclasses.replace(
            cause, status=Status.CONFIRMED, evidence=evidence, checked_in="org", record=check.record
        )
    if check.status is CheckStatus.OK and not confirms_only:
        return dataclasses.replace(
            cause, status=Status.RULED_OUT, evidence=evidence, checked_in="org", record=check.record
        )
    if check.status is CheckStatus.COULD_NOT_CHECK:
        return dataclasses.replace(cause, org_note=needs_text(check.needs, lang) or evidence)
    # an ok for a cause the org can only confirm (e.g. sub names another, existing user): not "could not check"
    return dataclasses.replace(cause, org_note=evidence, org_note_label="not_ruled_out_org")


def fix_params(check: OrgCheck) -> dict[str, Any]:
    """The values a ``fix.<check>`` text needs, from the check's own values and record."""
    params = dict(check.params)
    if check.id == "app_user_access":
        mine = (check.record or {}).get("user_has") or []
        params["suggest"] = mine[0] if mine else "the integration user's profile or permission set"
    if check.id == "org_audience":
        params["suggest"] = (
            "https://test.salesforce.com" if params.get("kind") == "sandbox" else ("https://login.salesforce.com")
        )
    if check.id == "user_active":
        params.setdefault("username", (check.record or {}).get("Username"))
    return params


def add_org_answers(diagnosis: Diagnosis, inspection: Inspection, lang: str | None = None) -> Diagnosis:
    """Decide each cause that has an org check from ``inspection``; add fixes that name the org's objects."""
    lang = lang or diagnosis.lang
    if inspection.unreachable is not None:
        note = text("label.unreachable", lang, detail=inspection.unreachable)
        diagnosis.causes = [dataclasses.replace(c, org_note=note) if c.org_check else c for c in diagnosis.causes]
        return diagnosis
    causes, fixes = [], []
    for cause in diagnosis.causes:
        check = inspection.check(cause.org_check) if cause.org_check else None
        if check is None:
            causes.append(cause)
            continue
        updated = _apply(cause, check, _confirms_only(diagnosis.id, cause.id), lang)
        causes.append(updated)
        if updated.status is Status.CONFIRMED and updated.checked_in == "org" and has(f"fix.{check.id}"):
            fix = text(f"fix.{check.id}", lang, **fix_params(check))
            if fix not in fixes:
                fixes.append(fix)
    order = {Status.CONFIRMED: 0, Status.UNKNOWN: 1, Status.RULED_OUT: 2}
    causes.sort(key=lambda c: order[c.status])
    diagnosis.causes = causes
    shown = diagnosis.fixes
    with contextlib.suppress(KeyError):  # a cause the org ruled out takes its own fixes with it, as the request's does
        shown, diagnosis.fixes_ruled_out = fixes_for(load_catalogue().entry(diagnosis.id), causes, lang)
    diagnosis.fixes = fixes + [f for f in shown if f not in fixes]
    return diagnosis
