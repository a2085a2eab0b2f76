"""Practice mode: the loopback practice org, started in-process, wired to the window in one click.

Start (menu, Ctrl+P or ``sfjwt-gui --practice``) does, off the GUI thread: generate a key and certificate if there is
none, start ``PracticeServer`` over TLS with that certificate uploaded, then fills the connection on the GUI thread:
endpoint = the server's token URL, ``aud`` = the login URL the practice org accepts, consumer key, username, and the
server's CA file as the trust. Scenarios switch at runtime; the server stops when the window closes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from sfjwt_gui.ui.errors import render_error
from sfjwt_gui.ui.state import AppState, Field, listens
from sfjwt_gui.ui.worker import start

log = logging.getLogger(__name__)

PRACTICE_KEY_NAME = "sfjwt-practice"


@dataclass
class _Started:
    server: Any
    private_key: Any
    certificate: Any
    key_generated: bool
    key_name: str | None
    vault_error: BaseException | None


def _start_server(private_key: Any, certificate: Any, scenario: str, vault: Any) -> _Started:
    """Background: make a key/certificate if needed, start the server (TLS) with the certificate uploaded."""
    from sfjwt_gui.practice import PracticeServer

    generated = False
    key_name: str | None = None
    vault_error: BaseException | None = None
    if private_key is None:
        from sfjwt_gui.core.keys import Subject, generate_private_key, self_signed_certificate

        private_key = generate_private_key(2048)
        certificate = self_signed_certificate(private_key, Subject(cn="sfjwt practice"), days=365)
        generated = True
        if vault is not None:
            try:
                vault.save(PRACTICE_KEY_NAME, private_key, certificate, overwrite=True)
                key_name = PRACTICE_KEY_NAME
            except Exception as exc:  # no keyring: the practice key simply stays in memory
                vault_error = exc
    elif certificate is None:  # an imported key, or one in a token/KMS (signed inside)
        from sfjwt_gui.core.key_jobs import make_certificate

        certificate = make_certificate(private_key, "sfjwt practice", 365)
    server = PracticeServer(scenario=scenario, certificate=certificate, tls=True)
    server.start()
    return _Started(server, private_key, certificate, generated, key_name, vault_error)


def practice_org_kind(state: AppState, endpoint: str | None) -> str | None:
    """``"production"``/``"sandbox"`` when the request goes to the running practice org (diagnosis can then confirm
    the production-vs-sandbox causes, which a 127.0.0.1 host does not show); None for any other peer."""
    server = state.practice
    if server is None or not endpoint:
        return None
    try:
        if not str(endpoint).startswith(str(server.url)):
            return None
        return str(server.org.kind)
    except AttributeError:
        return None


def _upload_certificate(server: Any, certificate: Any) -> None:
    server.set_certificate(certificate)


def _set_scenario(server: Any, name: str) -> str:
    server.set_scenario(name)
    return name


class PracticeController(QObject):
    """Owns the running practice server of one window."""

    started = Signal(object)  # the PracticeServer
    stopped = Signal()
    scenario_changed = Signal(str)
    failed = Signal(str)
    status = Signal(str)

    def __init__(self, state: AppState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.server: Any = None
        self.scenario = "healthy"
        self.starting = False
        self._abandon_start = False
        state.changed.connect(self._on_state_changed)

    @property
    def running(self) -> bool:
        """True while the server runs."""
        return self.server is not None

    def start(self, scenario: str | None = None) -> None:
        """Start the practice org (no-op when it already runs: then only the scenario changes)."""
        if scenario:
            self.scenario = scenario
        if self.server is not None:
            if scenario:
                self.set_scenario(scenario)
            return
        if self.starting:
            return
        self.starting = True
        self._abandon_start = False
        self.status.emit(self.tr("Starting the practice org…"))
        start(
            self,
            _start_server,
            self.state.private_key,
            self.state.certificate,
            self.scenario,
            self.state.vault,
            on_done=self._on_started,
            on_error=self._on_failed,
        )

    def _on_started(self, started: _Started) -> None:
        self.starting = False
        if self._abandon_start:  # stopped (or the window closed) while it was starting
            started.server.stop()
            return
        self.server = started.server
        s = self.state
        s.uploaded_certificate = started.certificate  # first: the org already holds it, no second upload
        if started.key_generated:
            s.private_key = started.private_key
            s.key_name = started.key_name
        s.certificate = started.certificate
        s.preset = "custom"
        s.endpoint = self.server.token_url
        s.audience = self.server.audience
        s.consumer_key = self.server.consumer_key
        s.username = self.server.username
        s.ca_file = str(self.server.ca_file) if self.server.ca_file else None
        s.trust = "bundle" if self.server.ca_file else "certifi"
        s.practice = self.server
        log.info("practice org running at %s (scenario %s)", self.server.url, self.scenario)
        if started.vault_error is not None:
            log.warning("practice key kept in memory only: %s", render_error(started.vault_error, "en"))
        self.status.emit(self.tr("Practice org running: the connection is filled in. Press Ctrl+Enter to send."))
        self.started.emit(self.server)

    def _on_failed(self, exc: BaseException) -> None:
        self.starting = False
        log.error("practice org did not start: %s", exc)
        self.failed.emit(
            self.tr("The practice org did not start: {error}").format(error=render_error(exc, self.state.lang()))
        )

    def set_scenario(self, name: str) -> None:
        """Switch the running server to scenario ``name`` (in the background: some scenarios make a certificate)."""
        self.scenario = name
        if self.server is None:
            return
        start(self, _set_scenario, self.server, name, on_done=self._on_scenario_set, on_error=self._on_failed)

    def _on_scenario_set(self, name: str) -> None:
        log.info("practice scenario: %s", name)
        title = self.server.scenario.title_in(self.state.lang()) if self.server else name
        self.status.emit(self.tr("Practice scenario: {name}").format(name=title))
        self.state.touch(Field.PRACTICE)
        self.scenario_changed.emit(name)

    @listens(Field.CERTIFICATE)
    def _on_state_changed(self, field: str) -> None:
        """A new certificate while the org runs (a key generated or imported): upload it, as an admin would."""
        if field != "certificate" or self.server is None:
            return
        certificate = self.state.certificate
        if certificate is None or certificate is self.state.uploaded_certificate:
            return
        start(
            self,
            _upload_certificate,
            self.server,
            certificate,
            on_done=lambda _none: self._on_uploaded(certificate),
            on_error=self._on_failed,
        )

    def _on_uploaded(self, certificate: Any) -> None:
        self.state.uploaded_certificate = certificate
        self.status.emit(self.tr("The new certificate was uploaded to the practice org."))
        log.info("practice org: new certificate uploaded")

    def stop(self) -> None:
        """Stop the server (safe to call twice; while it is still starting, it stops as soon as it is up)."""
        if self.starting:
            self._abandon_start = True
        server, self.server = self.server, None
        if server is None:
            return
        try:
            server.stop()
        except Exception as exc:  # shutdown must not raise into closeEvent
            log.warning("practice org did not stop cleanly: %s", exc)
        self.state.practice = None
        log.info("practice org stopped")
        self.stopped.emit()
