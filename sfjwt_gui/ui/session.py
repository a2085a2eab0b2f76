"""The state the pages share: current key, certificate, connection, claims, token and last outcome.

Pages read and write it; every change emits ``changed`` with the field name so other pages refresh.
It holds no logic beyond storage: computations live in ``sfjwt_gui.core``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal


class Session(QObject):
    """Shared, observable state of one window."""

    changed = Signal(str)  # field name
    step_state = Signal(str, str)  # step id, state: "none" | "ok" | "warning" | "failed"

    FIELDS = (
        "key_name",  # name in the vault, or None for an unsaved key
        "private_key",  # RSAPrivateKey or None (in memory only, never written)
        "certificate",  # x509.Certificate or None
        "uploaded_certificate",  # the certificate the user says Salesforce holds (for compare/diagnosis)
        "endpoint",  # login host or token URL
        "audience",  # aud claim
        "consumer_key",  # iss
        "username",  # sub
        "preset",  # core.connection.Preset value
        "claims",  # core.claims.Claims or None
        "token",  # the signed JWT (str) or None
        "result",  # core.exchange.ExchangeResult or None
        "result_scenario",  # practice.scenarios.Scenario that gave ``result`` (practice org only) or None
        "diagnosis",  # core.diagnosis.Diagnosis or None
        "ca_file",  # CA bundle path (practice org over TLS) or None
        "trust",  # core.exchange.Trust value
        "practice",  # the running practice.PracticeServer or None
        "language",  # "en" | "ja"
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._values: dict[str, Any] = dict.fromkeys(self.FIELDS)
        self._values["language"] = "en"
        self._values["trust"] = "certifi"
        self.vault: Any = None  # core.vault.Vault, injected by the application (tests pass an in-memory one)

    def get(self, field: str) -> Any:
        """Return a field's value."""
        return self._values[field]

    def lang(self) -> str:
        """The language core texts are asked for: "ja" or "en"."""
        return "ja" if str(self._values["language"] or "en").startswith("ja") else "en"

    def set(self, field: str, value: Any) -> None:
        """Set a field and emit ``changed`` if it differs."""
        if field not in self._values:
            raise KeyError(field)
        if self._values[field] is value or self._values[field] == value:
            return
        self._values[field] = value
        self.changed.emit(field)

    def set_step_state(self, step: str, state: str) -> None:
        """Report a step's state for the step list (not started / ok / warning / failed)."""
        self.step_state.emit(step, state)
