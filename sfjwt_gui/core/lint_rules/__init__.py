"""The Salesforce lint rules, one small module per area; ``CHECKS`` runs them in a stable order."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from sfjwt_gui.core.lint_rules import audience, header, identity, keys, times
from sfjwt_gui.core.lint_rules.base import Hit, LintContext

Check = Callable[[LintContext], Iterator[Hit]]

CHECKS: tuple[Check, ...] = (
    header.check_algorithm,
    identity.check_iss,
    identity.check_sub,
    audience.check_aud,
    audience.check_endpoint,
    audience.check_gov_cloud,
    times.check_exp,
    times.check_nbf,
    times.check_iat,
    keys.check_key_size,
    keys.check_signature,
    keys.check_key_certificate,
    keys.check_certificate_validity,
)

RULE_IDS: tuple[str, ...] = (
    "alg-not-rs256",
    "alg-none",
    "iss-missing",
    "iss-not-consumer-key",
    "sub-missing",
    "sub-looks-like-user-id",
    "sub-looks-like-email-not-username",
    "aud-missing",
    "aud-not-https",
    "aud-unknown-host",
    "aud-lightning-domain",
    "aud-token-url",
    "aud-trailing-path",
    "aud-endpoint-mismatch",
    "aud-gov-cloud",
    "exp-missing",
    "exp-in-past",
    "exp-milliseconds",
    "exp-string",
    "exp-beyond-3-minutes",
    "exp-too-short",
    "nbf-in-future",
    "iat-in-future",
    "prn-instead-of-sub",
    "key-too-small",
    "signature-invalid",
    "key-certificate-mismatch",
    "certificate-expired",
    "certificate-expiring",
)
