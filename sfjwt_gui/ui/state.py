"""The one application state a window's pages share: declared, typed fields and a change signal naming them.

- Every field is declared once below with its type (``state.claims`` is ``Claims | None`` to mypy); there is no
  string-keyed ``get``/``set``. Assigning a different value emits ``changed(field)`` with the field's name.
- ``Field`` names every declared field; ``listens(Field.CLAIMS, …)`` subscribes a method to some fields and rejects a
  name that is not declared *when the decorating module is imported* (pattern: qutebrowser's ``change_filter``).
  ``AppState.watch(fields, slot)`` does the same check when a page wires itself up at start-up.
- The claims are one value: what the form shows, what is signed and what is sent. Whoever changes them (the form, the
  raw JSON, Send's re-stamp) assigns ``state.claims``, and every view follows that one value.
- It holds no logic beyond storage: decisions live in ``sfjwt_gui.core`` and in ``ui.steps`` (pure, Qt-free).
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from cryptography.x509 import Certificate

    from sfjwt_gui.core.claims import Claims
    from sfjwt_gui.core.diagnosis import Diagnosis
    from sfjwt_gui.core.exchange import ExchangeResult
    from sfjwt_gui.core.flow import FlowResult
    from sfjwt_gui.core.signer import SigningKey
    from sfjwt_gui.core.vault import Vault
    from sfjwt_gui.practice.scenarios import Scenario
    from sfjwt_gui.practice.server import PracticeServer
    from sfjwt_gui.ui.org_access import OrgAccess, OrgInspection

T = TypeVar("T")


class Field(StrEnum):
    """The name of every declared field (``AppState`` checks at import that both lists agree)."""

    KEY_NAME = "key_name"
    PRIVATE_KEY = "private_key"
    PKCS11_MODULE = "pkcs11_module"
    CERTIFICATE = "certificate"
    UPLOADED_CERTIFICATE = "uploaded_certificate"
    PRESET = "preset"
    ENDPOINT = "endpoint"
    AUDIENCE = "audience"
    CONSUMER_KEY = "consumer_key"
    USERNAME = "username"
    CLAIMS = "claims"
    CLAIMS_INVALID = "claims_invalid"
    RESTAMP_ON_SEND = "restamp_on_send"
    TOKEN = "token"  # noqa: S105 - a field name
    RESULT = "result"
    FLOW = "flow"
    SEND_ERROR = "send_error"
    RESULT_STALE = "result_stale"
    RESULT_SCENARIO = "result_scenario"
    DIAGNOSIS = "diagnosis"
    CA_FILE = "ca_file"
    TRUST = "trust"
    PRACTICE = "practice"
    LANGUAGE = "language"
    VAULT = "vault"
    ORG_ACCESS = "org_access"
    ORG_INSPECTION = "org_inspection"


class UnknownFieldError(LookupError):
    """A listener named a field the state does not declare (a programming error, raised at import/start-up)."""


def field_of(name: str | Field) -> Field:
    """The declared field called ``name``; UnknownFieldError otherwise."""
    try:
        return Field(name)
    except ValueError:
        raise UnknownFieldError(f"AppState has no field {name!r}; declared: {', '.join(Field)}") from None


class _Declared(Generic[T]):
    """One typed field: reading gives its value, assigning a different value emits ``changed``."""

    def __init__(self, default: T) -> None:
        self.default = default
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = field_of(name).value

    @overload
    def __get__(self, obj: None, objtype: type | None = None) -> _Declared[T]: ...
    @overload
    def __get__(self, obj: AppState, objtype: type | None = None) -> T: ...
    def __get__(self, obj: AppState | None, objtype: type | None = None) -> T | _Declared[T]:
        if obj is None:
            return self
        value: T = obj._values.get(self.name, self.default)
        return value

    def __set__(self, obj: AppState, value: T) -> None:
        old = obj._values.get(self.name, self.default)
        if old is value:
            return
        with contextlib.suppress(Exception):  # values without a usable == are never equal
            if old == value:
                return
        obj._values[self.name] = value
        obj.changed.emit(self.name)


class AppState(QObject):
    """Shared, observable, typed state of one window."""

    changed = Signal(str)  # a Field value

    key_name: _Declared[str | None] = _Declared(None)  # the key's name in the vault; None for an unsaved key
    # The signing key: an RSAPrivateKey in memory (never written), or a core.signer.Signer whose key stays in a
    # PKCS#11 token or AWS KMS (``key_name`` then holds its reference, e.g. ``pkcs11:token=…;object=…``).
    private_key: _Declared[SigningKey | None] = _Declared(None)
    pkcs11_module: _Declared[str | None] = _Declared(None)  # the PKCS#11 module a token key was opened with
    certificate: _Declared[Certificate | None] = _Declared(None)
    uploaded_certificate: _Declared[Certificate | None] = _Declared(None)  # what Salesforce holds (compare/diagnose)
    preset: _Declared[str | None] = _Declared(None)  # core.connection.Preset value
    endpoint: _Declared[str | None] = _Declared(None)  # login host or token URL
    audience: _Declared[str | None] = _Declared(None)  # aud
    consumer_key: _Declared[str | None] = _Declared(None)  # iss
    username: _Declared[str | None] = _Declared(None)  # sub
    claims: _Declared[Claims | None] = _Declared(None)  # the claims signed and sent (re-stamps are written back)
    claims_invalid: _Declared[bool] = _Declared(False)  # the raw JSON being edited does not parse (claims unchanged)
    restamp_on_send: _Declared[bool] = _Declared(True)  # Send moves iat/exp to now first
    token: _Declared[str | None] = _Declared(None)  # the signed JWT of ``claims``
    result: _Declared[ExchangeResult | None] = _Declared(None)  # the last exchange
    flow: _Declared[FlowResult | None] = _Declared(None)  # the last send: claims sent, answer, diagnoses (en, ja)
    send_error: _Declared[BaseException | None] = _Declared(None)  # what stopped the last send before it was sent
    result_stale: _Declared[bool] = _Declared(False)  # the practice scenario changed since: the answer is history
    result_scenario: _Declared[Scenario | None] = _Declared(None)  # the practice scenario that gave ``result``
    diagnosis: _Declared[Diagnosis | None] = _Declared(None)  # of ``result``
    ca_file: _Declared[str | None] = _Declared(None)  # CA bundle path (practice org over TLS)
    trust: _Declared[str] = _Declared("certifi")  # core.exchange.Trust value
    practice: _Declared[PracticeServer | None] = _Declared(None)  # the running practice org
    language: _Declared[str] = _Declared("en")  # "en" | "ja"
    vault: _Declared[Vault | None] = _Declared(None)  # injected by the application (tests: an in-memory one)
    org_access: _Declared[OrgAccess | None] = _Declared(None)  # the admin connection chosen: memory only, never saved
    org_inspection: _Declared[OrgInspection | None] = _Declared(None)  # the org's last answers (and for which result)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._values: dict[str, Any] = {}

    def lang(self) -> str:
        """The language core texts are asked for: "ja" or "en"."""
        return "ja" if str(self.language or "en").startswith("ja") else "en"

    def touch(self, field: Field) -> None:
        """Announce that a field's value changed in place (the practice org switched scenario)."""
        self.changed.emit(field_of(field).value)

    def watch(self, fields: Iterable[Field | str], slot: Callable[[str], object]) -> None:
        """Call ``slot(field)`` when one of ``fields`` changes; an undeclared name raises UnknownFieldError now."""
        wanted = frozenset(field_of(f).value for f in fields)

        def relay(field: str) -> None:
            if field in wanted:
                slot(field)

        self.changed.connect(relay)


_DECLARED = {name for name, value in vars(AppState).items() if isinstance(value, _Declared)}
if {f.value for f in Field} != _DECLARED:  # pragma: no cover - a declaration error shows at the first import
    raise UnknownFieldError(f"Field and AppState disagree: {sorted(_DECLARED ^ {f.value for f in Field})}")

F = TypeVar("F", bound=Callable[..., Any])


def listens(*fields: Field | str) -> Callable[[F], F]:
    """Decorate a ``(self, field: str)`` method so it runs only for ``fields``; checked when the module is imported.

    Connect it with ``state.changed.connect(self.method)``."""
    wanted = frozenset(field_of(f).value for f in fields)

    def decorate(method: F) -> F:
        @functools.wraps(method)
        def wrapper(self: Any, field: str, *args: Any) -> Any:
            if field in wanted:
                return method(self, field, *args)
            return None

        wrapper.fields = wanted  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate
